// Router: which agent gets a contact (skills, proficiency, rings, required skills, balance,
// continuity, capacity and channel exclusivity).
#include <gtest/gtest.h>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"

namespace relais::routing {
namespace {

using namespace router_test;

TEST(RouterMatchingTest, PrimarySkillThenProficiency) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(agent("generalist", {{"general", 5}}), at(0));
  r.connectAgent(agent("tech_low", {{"technical", 2}}), at(0));
  r.connectAgent(agent("tech_high", {{"technical", 5}}), at(0));
  r.submit(contact("c1"), at(1));
  r.submit(contact("c2"), at(2));
  r.submit(contact("c3"), at(3));
  EXPECT_EQ(agentOf(r, "c1", at(3)), "tech_high");
  EXPECT_EQ(agentOf(r, "c2", at(3)), "tech_low");
  // Nobody with the queue's skill is free: the generalist waits for ring 1 (90 s).
  EXPECT_EQ(agentOf(r, "c3", at(3)), "");
  EXPECT_EQ(r.nextDeadline(), at(1 + 60));  // the first offer times out before the ring widens
  r.accept("tech_high", "c1", at(4));
  r.accept("tech_low", "c2", at(4));
  r.advance(at(92));
  EXPECT_EQ(agentOf(r, "c3", at(92)), "");
  r.advance(at(93));
  EXPECT_EQ(agentOf(r, "c3", at(93)), "generalist");
  EXPECT_EQ(r.offerDetails("c3")->match_reason, "ring 1 skill general");
}

TEST(RouterMatchingTest, RingsWidenStepByStep) {
  Router r(RoutingConfig::defaults());
  // general: ring 1 tenancy at 120 s, ring 2 technical at 240 s.
  r.connectAgent(agent("tech", {{"technical", 3}}), at(0));
  r.submit(contact("c", Channel::kEmail, Intent::kOther), at(0));
  r.connectAgent(agent("tenancy", {{"tenancy", 3}}, {0, 0, 0, 0}), at(0));
  r.advance(at(130));
  EXPECT_EQ(agentOf(r, "c", at(130)), "");
  r.advance(at(240));
  EXPECT_EQ(agentOf(r, "c", at(240)), "tech");
}

TEST(RouterMatchingTest, MinimumProficiencyIsRespected) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.queues[0].min_proficiency = 3;
  Router r(cfg);
  r.connectAgent(agent("novice", {{"technical", 2}}), at(0));
  r.submit(contact("c"), at(0));
  r.advance(at(10));
  EXPECT_EQ(agentOf(r, "c", at(10)), "");
}

TEST(RouterMatchingTest, RequiredSkillsAreNeverWidenedAway) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(agent("fr_only", {{"technical", 5}, {"general", 5}}), at(0));
  ContactSpec c = contact("c");
  c.required_skills = {"lang:ar"};
  r.submit(c, at(0));
  r.advance(at(1000));
  EXPECT_EQ(agentOf(r, "c", at(1000)), "");
  r.connectAgent(agent("ar", {{"general", 2}, {"lang:ar", 4}}), at(1001));
  EXPECT_EQ(agentOf(r, "c", at(1001)), "ar");
  // A required skill no agent has ever had keeps the contact waiting (and does not crash).
  ContactSpec d = contact("d");
  d.required_skills = {"lang:xx"};
  r.submit(d, at(1002));
  r.advance(at(5000));
  EXPECT_EQ(agentOf(r, "d", at(5000)), "");
}

TEST(RouterMatchingTest, RequiredSkillAmongManyAgents) {
  Router r(RoutingConfig::defaults());
  for (int i = 0; i < 50; ++i) {
    r.connectAgent(agent("fr" + std::to_string(i), {{"technical", 5}}, {0, 1, 0, 0}), at(0));
  }
  r.connectAgent(agent("tr_low", {{"technical", 1}, {"lang:tr", 3}}, {0, 1, 0, 0}), at(0));
  r.connectAgent(agent("tr_high", {{"technical", 4}, {"lang:tr", 3}}, {0, 1, 0, 0}), at(0));
  ContactSpec c = contact("c");
  c.required_skills = {"lang:tr"};
  r.submit(c, at(1));
  EXPECT_EQ(agentOf(r, "c", at(1)), "tr_high");
}

TEST(RouterMatchingTest, BalanceLeastOccupiedThenLongestIdle) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  Router r(cfg);
  r.connectAgent(agent("a", {{"technical", 3}}, {0, 3, 0, 0}), at(0));
  r.connectAgent(agent("b", {{"technical", 3}}, {0, 3, 0, 0}), at(5));
  // Same skill and proficiency: "a" has been idle longer.
  r.submit(contact("c1"), at(10));
  EXPECT_EQ(agentOf(r, "c1", at(10)), "a");
  // Now "b" is less occupied.
  r.submit(contact("c2"), at(11));
  EXPECT_EQ(agentOf(r, "c2", at(11)), "b");
  r.submit(contact("c3"), at(12));
  EXPECT_EQ(agentOf(r, "c3", at(12)), "a");
  // Both hold one... "a" holds 2, "b" 1: "b" is least occupied.
  r.submit(contact("c4"), at(13));
  EXPECT_EQ(agentOf(r, "c4", at(13)), "b");
  // "b" completes both and becomes idle after "a" does: "a" has been idle longer.
  for (const char* id : {"c1", "c3"}) {
    r.accept("a", id, at(14));
    r.complete("a", id, {}, at(15));
  }
  for (const char* id : {"c2", "c4"}) {
    r.accept("b", id, at(14));
    r.complete("b", id, {}, at(16));
  }
  r.submit(contact("c5"), at(20));
  EXPECT_EQ(agentOf(r, "c5", at(20)), "a");
}

TEST(RouterMatchingTest, CapacityPerChannelAndExclusivity) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(agent("a", {{"technical", 3}}, {1, 2, 0, 3}), at(0));
  r.submit(contact("call", Channel::kPhone), at(1));
  EXPECT_EQ(agentOf(r, "call", at(1)), "a");
  // On a call: no chat, but email may wait behind it.
  r.submit(contact("chat", Channel::kDigitalAgency), at(2));
  EXPECT_EQ(agentOf(r, "chat", at(2)), "");
  r.submit(contact("mail1", Channel::kEmail), at(3));
  r.submit(contact("mail2", Channel::kEmail), at(4));
  r.submit(contact("mail3", Channel::kEmail), at(5));
  EXPECT_EQ(agentOf(r, "mail1", at(5)), "a");
  EXPECT_EQ(agentOf(r, "mail2", at(5)), "a");
  EXPECT_EQ(agentOf(r, "mail3", at(5)), "");  // email capacity 2
  r.accept("a", "call", at(6));
  r.complete("a", "call", {}, at(7));
  r.setAgentState("a", AgentState::kAvailable, at(7));  // end the wrap-up
  EXPECT_EQ(agentOf(r, "chat", at(7)), "a");
  // In a chat: no call.
  r.submit(contact("call2", Channel::kPhone), at(8));
  EXPECT_EQ(agentOf(r, "call2", at(8)), "");
  auto snap = r.snapshot(at(8));
  EXPECT_EQ(snap.agents[0].load, (PerChannel<int>{0, 2, 0, 1}));
}

TEST(RouterMatchingTest, ContinuityHoldsForThePreviousAgentWithinTheWindow) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  Router r(cfg);
  r.connectAgent(agent("first", {{"technical", 3}}, {0, 1, 0, 0}), at(0));
  ContactSpec c1 = contact("c1");
  c1.tenant_id = "T1";
  c1.case_ref = "RC2026";
  r.submit(c1, at(1));
  r.accept("first", "c1", at(2));
  r.complete("first", "c1", {}, at(3));
  // "first" is busy with something else when the tenant writes again about the case.
  r.submit(contact("other"), at(4));
  r.accept("first", "other", at(5));
  r.connectAgent(agent("second", {{"technical", 5}}, {0, 1, 0, 0}), at(6));
  ContactSpec c2 = contact("c2");
  c2.tenant_id = "T1";
  c2.case_ref = "RC2026";
  r.submit(c2, at(10));
  EXPECT_EQ(agentOf(r, "c2", at(10)), "");  // held for "first" although "second" is free
  r.complete("first", "other", {}, at(20));
  EXPECT_EQ(agentOf(r, "c2", at(20)), "first");
  EXPECT_EQ(r.offerDetails("c2")->match_reason, "continuity");
  r.accept("first", "c2", at(21));

  // When the previous agent does not free up within the window, anyone eligible takes it.
  ContactSpec c3 = contact("c3");
  c3.tenant_id = "T1";
  c3.case_ref = "RC2026";
  r.submit(c3, at(30));
  EXPECT_EQ(agentOf(r, "c3", at(30)), "");
  EXPECT_EQ(toSeconds(*r.nextDeadline() - kT0), 60);
  r.advance(at(60));
  EXPECT_EQ(agentOf(r, "c3", at(60)), "second");
}

TEST(RouterMatchingTest, ContinuityByCaseCrossesSkillGroupsByTenantDoesNot) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(agent("rent", {{"tenancy", 3}}, {0, 2, 0, 0}), at(0));
  ContactSpec c1 = contact("c1", Channel::kEmail, Intent::kRentAndCharges);
  c1.tenant_id = "T1";
  c1.case_ref = "RC1";
  r.submit(c1, at(1));
  r.accept("rent", "c1", at(2));
  // Same case, now read as a repair: the agent who knows the case gets it.
  ContactSpec c2 = contact("c2", Channel::kEmail, Intent::kRepair);
  c2.tenant_id = "T1";
  c2.case_ref = "RC1";
  r.submit(c2, at(3));
  EXPECT_EQ(agentOf(r, "c2", at(3)), "rent");
  // Same tenant, other matter, other skill group: no hold for the tenancy agent.
  r.connectAgent(agent("tech", {{"technical", 3}}, {0, 1, 0, 0}), at(4));
  ContactSpec c3 = contact("c3", Channel::kEmail, Intent::kRepair);
  c3.tenant_id = "T1";
  r.submit(c3, at(5));
  EXPECT_EQ(agentOf(r, "c3", at(5)), "tech");
}

TEST(RouterMatchingTest, FreedAgentPicksBestContactAcrossItsQueues) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  Router r(cfg);
  r.connectAgent(agent("a", {{"technical", 3}, {"tenancy", 3}}, {0, 1, 0, 0}), at(0));
  r.submit(contact("busy"), at(0));
  r.accept("a", "busy", at(0));
  r.submit(contact("tech_old"), at(10));
  r.submit(contact("rent_new", Channel::kEmail, Intent::kRentAndCharges), at(20));
  ContactSpec urgent = contact("rent_urgent", Channel::kEmail, Intent::kRentAndCharges);
  urgent.reading.urgent = true;
  r.submit(urgent, at(30));
  r.complete("a", "busy", {}, at(40));
  EXPECT_EQ(agentOf(r, "rent_urgent", at(40)), "a");
  r.accept("a", "rent_urgent", at(41));
  r.complete("a", "rent_urgent", {}, at(42));
  EXPECT_EQ(agentOf(r, "tech_old", at(42)), "a");
}

}  // namespace
}  // namespace relais::routing
