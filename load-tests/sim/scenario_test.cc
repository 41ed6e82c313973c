#include "load-tests/sim/scenario.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "load-tests/sim/simulator.h"

namespace relais::sim {
namespace {

const std::filesystem::path kScenarios = std::filesystem::path(RELAIS_SCENARIO_DIR) / "sim";

TEST(ScenarioTest, EveryBundledScenarioLoads) {
  int n = 0;
  for (const auto& f : std::filesystem::directory_iterator(kScenarios)) {
    std::string error;
    EXPECT_TRUE(loadScenario(f.path().string(), error).has_value()) << error;
    ++n;
  }
  EXPECT_GE(n, 4);
}

TEST(ScenarioTest, ParseClock) {
  EXPECT_EQ(parseClock("08:30"), 30600.0);
  EXPECT_FALSE(parseClock("8h30").has_value());
}

TEST(ScenarioTest, WeekdayFifoAnswersNothingAutomaticallyAndRelaisDoes) {
  std::string error;
  auto s = loadScenario((kScenarios / "weekday.json").string(), error);
  ASSERT_TRUE(s) << error;
  const auto corpus_file = std::filesystem::path(RELAIS_SCENARIO_DIR).parent_path().parent_path() /
                           "routing" / "corpus" / "blind_1.jsonl";
  auto corpus = loadtests::loadCorpus({corpus_file.string()}, error);
  ASSERT_TRUE(corpus) << error;
  const auto arrivals = generateArrivals(*s, *corpus, 3);
  EXPECT_NEAR(static_cast<double>(arrivals.size()), 5000, 300);
  const routing::ContactReader reader;
  const auto fifo = simulate(*s, *corpus, arrivals, Policy::kFifo, reader);
  const auto relais = simulate(*s, *corpus, arrivals, Policy::kRelais, reader);
  EXPECT_EQ(fifo.auto_answered, 0);
  EXPECT_GT(relais.auto_answered, 0);
  EXPECT_LT(relais.handled_by_people, fifo.handled_by_people);
  const auto again = simulate(*s, *corpus, arrivals, Policy::kRelais, reader);
  EXPECT_EQ(again.handled_by_people, relais.handled_by_people);
  EXPECT_EQ(again.waiting_per_15min, relais.waiting_per_15min);
}

}  // namespace
}  // namespace relais::sim
