// Router: dispatch order (urgency, reassurance, aging) and queue choice.
#include <gtest/gtest.h>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"

namespace relais::routing {
namespace {

using namespace router_test;

// The order in which one agent taking one contact at a time is offered the waiting contacts.
std::vector<std::string> serveAll(Router& r, Instant now, std::size_t n) {
  std::vector<std::string> order;
  AgentSpec a = agent(
      "solo",
      {{"technical", 3}, {"tenancy", 3}, {"general", 3}, {"proximity", 3}, {"neighbourhood", 3}});
  a.capacity = {1, 1, 1, 1};
  r.connectAgent(a, now);
  while (order.size() < n) {
    std::vector<std::string> offered;
    for (const RouterEvent& e : r.takeEvents()) {
      if (e.kind == RouterEvent::Kind::kOffered) {
        offered.push_back(e.contact);
      }
    }
    if (offered.empty()) {
      break;
    }
    for (const std::string& id : offered) {
      order.push_back(id);
      r.accept("solo", id, now);
      r.complete("solo", id, {}, now);
    }
    r.setAgentState("solo", AgentState::kAvailable, now);
  }
  return order;
}

RoutingConfig noExclusivity() {
  RoutingConfig c = RoutingConfig::defaults();
  for (auto& row : c.exclusive) {
    row = {false, false, false, false};
  }
  return c;
}

TEST(RouterPriorityTest, WorkedExampleOfTheHeader) {
  Router r(RoutingConfig::defaults());
  ContactSpec a = contact("A", Channel::kPhone);
  a.reading.urgency = 80;
  a.reading.reassurance = 10;
  ContactSpec b = contact("B", Channel::kPhone);
  b.reading.urgency = 90;
  b.reading.urgent = true;
  ContactSpec c = contact("C", Channel::kPhone);
  c.reading.urgency = 20;
  c.reading.reassurance = 90;
  r.submit(a, at(0));
  r.submit(c, at(60));
  r.submit(b, at(110));
  // At 120 s: A = 3.7, B = 11.97, C = 2.3.
  EXPECT_EQ(serveAll(r, at(120), 3), (std::vector<std::string>{"B", "A", "C"}));
}

TEST(RouterPriorityTest, UrgentFirstThenHighReassuranceThenFifo) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.reassurance_queue.clear();  // keep them all in one queue
  Router r(cfg);
  r.submit(contact("plain1", Channel::kEmail), at(0));
  ContactSpec reassure = contact("reassure", Channel::kEmail);
  reassure.reading.reassurance = 90;
  reassure.reading.reassurance_high = true;
  r.submit(reassure, at(1));
  r.submit(contact("plain2", Channel::kEmail), at(2));
  ContactSpec urgent = contact("urgent", Channel::kEmail);
  urgent.reading.urgent = true;
  urgent.reading.urgency = 90;
  r.submit(urgent, at(3));
  EXPECT_EQ(serveAll(r, at(10), 4),
            (std::vector<std::string>{"urgent", "reassure", "plain1", "plain2"}));
}

TEST(RouterPriorityTest, WaitRelativeToTargetPreventsStarvation) {
  Router r(noExclusivity());
  // An email that has waited 2 days (2 targets) goes before a call of 30 s; an email of 1 h does
  // not. One agent taking phone and email one at a time gets them in that order.
  r.submit(contact("old_mail", Channel::kEmail), at(0));
  r.submit(contact("fresh_mail", Channel::kEmail), at(2 * 86400 - 3600));
  r.submit(contact("call", Channel::kPhone), at(2 * 86400 - 30));
  EXPECT_EQ(serveAll(r, at(2 * 86400), 3),
            (std::vector<std::string>{"old_mail", "call", "fresh_mail"}));
}

TEST(RouterPriorityTest, BoostCountsAsConfigured) {
  Router r(RoutingConfig::defaults());
  r.submit(contact("plain", Channel::kEmail), at(0));
  ContactSpec boosted = contact("boosted", Channel::kEmail);
  boosted.priority_boost = true;
  r.submit(boosted, at(5));
  EXPECT_EQ(serveAll(r, at(10), 2), (std::vector<std::string>{"boosted", "plain"}));
}

TEST(RouterPriorityTest, QueueByIntentAndReassurance) {
  Router r(RoutingConfig::defaults());
  EXPECT_EQ(r.submit(contact("a", Channel::kEmail, Intent::kRepair), at(0)).queue, "technical");
  EXPECT_EQ(r.submit(contact("b", Channel::kEmail, Intent::kRentAndCharges), at(0)).queue,
            "tenancy");
  EXPECT_EQ(r.submit(contact("c", Channel::kEmail, Intent::kTenancyAdmin), at(0)).queue, "tenancy");
  EXPECT_EQ(r.submit(contact("d", Channel::kEmail, Intent::kNeighbourhood), at(0)).queue,
            "neighbourhood");
  EXPECT_EQ(r.submit(contact("e", Channel::kEmail, Intent::kStatusRequest), at(0)).queue,
            "general");
  EXPECT_EQ(r.submit(contact("f", Channel::kEmail, Intent::kOther), at(0)).queue, "general");
  ContactSpec worried = contact("g", Channel::kEmail, Intent::kRepair);
  worried.reading.reassurance_high = true;
  EXPECT_EQ(r.submit(worried, at(0)).queue, "proximity");
  ContactSpec vulnerable = contact("h", Channel::kEmail, Intent::kRentAndCharges);
  vulnerable.vulnerable = true;
  EXPECT_EQ(r.submit(vulnerable, at(0)).queue, "proximity");
  ContactSpec urgent_worried = contact("i", Channel::kEmail, Intent::kRepair);
  urgent_worried.reading.reassurance_high = true;
  urgent_worried.reading.urgent = true;
  EXPECT_EQ(r.submit(urgent_worried, at(0)).queue, "technical");
}

TEST(RouterPriorityTest, PositionsFollowPriorityNotArrival) {
  Router r(RoutingConfig::defaults());
  r.submit(contact("a", Channel::kEmail), at(0));
  r.submit(contact("b", Channel::kEmail), at(1));
  ContactSpec u = contact("u", Channel::kEmail);
  u.reading.urgent = true;
  EXPECT_EQ(r.submit(u, at(2)).position, 1);
  EXPECT_EQ(r.findContact("a", at(2))->position, 2);
  EXPECT_EQ(r.findContact("b", at(2))->position, 3);
  // Other channels of the same queue do not count.
  EXPECT_EQ(r.submit(contact("p", Channel::kWeb), at(3)).position, 1);
}

}  // namespace
}  // namespace relais::routing
