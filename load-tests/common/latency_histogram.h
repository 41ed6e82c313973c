// LatencyHistogram: log-linear histogram of latencies in microseconds (HdrHistogram's idea: 64
// sub-buckets per power of two, so every recorded value is known within 1.6 %). record() is
// lock-free and safe from any thread (gRPC completion callbacks record concurrently); reads are
// meant for after the run.
#pragma once

#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace relais::loadtests {

class LatencyHistogram {
 public:
  void record(std::uint64_t micros) {
    counts_[bucketOf(micros)].fetch_add(1, std::memory_order_relaxed);
  }

  std::uint64_t count() const {
    std::uint64_t n = 0;
    for (const auto& c : counts_) {
      n += c.load(std::memory_order_relaxed);
    }
    return n;
  }

  // The value at quantile q (0-1), in microseconds; 0 when empty.
  double quantile(double q) const {
    const std::uint64_t total = count();
    if (total == 0) {
      return 0;
    }
    const auto rank = static_cast<std::uint64_t>(q * static_cast<double>(total - 1)) + 1;
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      seen += counts_[i].load(std::memory_order_relaxed);
      if (seen >= rank) {
        return midpointOf(i);
      }
    }
    return midpointOf(counts_.size() - 1);
  }

 private:
  static constexpr std::size_t kLinear = 128;  // below this, one bucket per microsecond
  static constexpr std::size_t kSub = 64;
  static constexpr std::size_t kOctaves = 40;

  static std::size_t bucketOf(std::uint64_t v) {
    if (v < kLinear) {
      return static_cast<std::size_t>(v);
    }
    const int msb = 63 - std::countl_zero(v);
    const int shift = msb - 6;  // keeps (v >> shift) in [64, 127]
    const std::size_t i = kLinear + static_cast<std::size_t>(shift - 1) * kSub +
                          static_cast<std::size_t>((v >> shift) - kSub);
    return i < kLinear + kOctaves * kSub ? i : kLinear + kOctaves * kSub - 1;
  }

  static double midpointOf(std::size_t i) {
    if (i < kLinear) {
      return static_cast<double>(i);
    }
    const std::size_t shift = (i - kLinear) / kSub + 1;
    const std::uint64_t low = ((i - kLinear) % kSub + kSub) << shift;
    return static_cast<double>(low) + static_cast<double>((std::uint64_t{1} << shift)) / 2.0;
  }

  std::array<std::atomic<std::uint64_t>, kLinear + kOctaves * kSub> counts_{};
};

}  // namespace relais::loadtests
