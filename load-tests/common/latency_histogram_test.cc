#include "load-tests/common/latency_histogram.h"

#include <gtest/gtest.h>

namespace relais::loadtests {
namespace {

TEST(LatencyHistogramTest, EmptyGivesZero) {
  LatencyHistogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.quantile(0.99), 0);
}

TEST(LatencyHistogramTest, SmallValuesAreExact) {
  LatencyHistogram h;
  for (int v = 1; v <= 100; ++v) {
    h.record(static_cast<std::uint64_t>(v));
  }
  EXPECT_EQ(h.count(), 100u);
  EXPECT_EQ(h.quantile(0.5), 50);
  EXPECT_EQ(h.quantile(0.99), 99);
}

TEST(LatencyHistogramTest, LargeValuesWithinTwoPercent) {
  LatencyHistogram h;
  for (std::uint64_t v = 1; v <= 100000; ++v) {
    h.record(v * 10);  // 10 us .. 1 s
  }
  for (double q : {0.5, 0.9, 0.99, 0.999}) {
    const double exact = q * 1e6;
    EXPECT_NEAR(h.quantile(q) / exact, 1.0, 0.02) << q;
  }
}

}  // namespace
}  // namespace relais::loadtests
