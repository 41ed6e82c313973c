// RoutingConfig::defaults() and validate().
#include <gtest/gtest.h>

#include "routing/routing_config.h"

namespace relais::routing {
namespace {

TEST(RouterConfigTest, DefaultsAreValidAndComplete) {
  const RoutingConfig c = RoutingConfig::defaults();
  EXPECT_EQ(validate(c), std::nullopt);
  std::vector<std::string> names;
  for (const QueueConfig& q : c.queues) {
    names.push_back(q.name);
    EXPECT_EQ(q.secondary_skills.size(), q.ring_thresholds.size());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"technical", "tenancy", "neighbourhood", "proximity",
                                             "general"}));
  auto ruleFor = [&](Intent i) {
    for (const QueueRule& r : c.rules) {
      if (r.intent == i) {
        return r.queue;
      }
    }
    return std::string();
  };
  EXPECT_EQ(ruleFor(Intent::kRepair), "technical");
  EXPECT_EQ(ruleFor(Intent::kRentAndCharges), "tenancy");
  EXPECT_EQ(ruleFor(Intent::kTenancyAdmin), "tenancy");
  EXPECT_EQ(ruleFor(Intent::kNeighbourhood), "neighbourhood");
  EXPECT_EQ(ruleFor(Intent::kStatusRequest), "general");
  EXPECT_EQ(ruleFor(Intent::kOther), "general");
}

TEST(RouterConfigTest, ValidateFindsTheFirstProblem) {
  auto problem = [](auto mutate) {
    RoutingConfig c = RoutingConfig::defaults();
    mutate(c);
    return validate(c).value_or("");
  };
  EXPECT_NE(problem([](RoutingConfig& c) { c.rules[0].queue = "plumbing"; }).find("plumbing"),
            std::string::npos);
  EXPECT_NE(problem([](RoutingConfig& c) { c.queues[1].name = "technical"; }).find("duplicate"),
            std::string::npos);
  EXPECT_NE(problem([](RoutingConfig& c) {
              c.queues[0].ring_thresholds.push_back(std::chrono::seconds(300));
            }).find("ring thresholds"),
            std::string::npos);
  EXPECT_NE(problem([](RoutingConfig& c) {
              c.service_target[0] = Duration::zero();
            }).find("service_target"),
            std::string::npos);
  EXPECT_NE(problem([](RoutingConfig& c) {
              c.offer_timeout[2] = -std::chrono::seconds(1);
            }).find("offer_timeout"),
            std::string::npos);
  EXPECT_NE(problem([](RoutingConfig& c) { c.default_queue = "nope"; }).find("default_queue"),
            std::string::npos);
  EXPECT_NE(
      problem([](RoutingConfig& c) { c.reassurance_queue = "nope"; }).find("reassurance_queue"),
      std::string::npos);
  EXPECT_EQ(problem([](RoutingConfig& c) { c.reassurance_queue.clear(); }), "");
  EXPECT_NE(problem([](RoutingConfig& c) { c.queues.clear(); }), "");
  EXPECT_NE(problem([](RoutingConfig& c) {
              c.queues[2].ring_thresholds = {std::chrono::seconds(200), std::chrono::seconds(100)};
            }).find("increasing"),
            std::string::npos);
  EXPECT_NE(problem([](RoutingConfig& c) { c.queues[0].max_waiting = 0; }), "");
  EXPECT_NE(problem([](RoutingConfig& c) { c.weights.wait = 0; }), "");
  EXPECT_NE(problem([](RoutingConfig& c) { c.rules.push_back({Intent::kRepair, "general"}); }), "");
}

}  // namespace
}  // namespace relais::routing
