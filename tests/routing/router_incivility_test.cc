// Router: aggressive contacts (de-escalation first, cool-down, cap per shift, exposure).
#include <gtest/gtest.h>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"

namespace relais::routing {
namespace {

using namespace router_test;

ContactSpec contact(std::string id, bool aggressive) {
  ContactSpec c;
  c.id = std::move(id);
  c.channel = Channel::kEmail;
  c.tenant_id = "T-" + c.id;
  c.reading.intent = Intent::kRepair;
  c.reading.aggressive = aggressive;
  return c;
}

AgentSpec agent(std::string id, bool deescalation) {
  AgentSpec a;
  a.id = std::move(id);
  a.skills = {{"technical", 3}};
  if (deescalation) {
    a.skills.push_back({"deescalation", 3});
  }
  a.capacity = {0, 1, 0, 0};
  return a;
}

RoutingConfig config() {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  return cfg;
}

TEST(RouterIncivilityTest, AggressiveContactsWaitForDeescalationThenAnyone) {
  Router r(config());
  r.connectAgent(agent("plain", false), at(0));
  r.submit(contact("angry", true), at(0));
  EXPECT_EQ(agentOf(r, "angry", at(0)), "");
  // A de-escalation agent freeing within the wait gets it.
  r.connectAgent(agent("calm", true), at(60));
  EXPECT_EQ(agentOf(r, "angry", at(60)), "calm");
  EXPECT_EQ(r.offerDetails("angry")->match_reason, "skill technical, deescalation");
  r.accept("calm", "angry", at(61));
  // With none, anyone eligible takes it after wait_for_deescalation (120 s).
  r.submit(contact("angry2", true), at(61));
  r.advance(at(180));
  EXPECT_EQ(agentOf(r, "angry2", at(180)), "");
  EXPECT_EQ(r.nextDeadline(), at(181));
  r.advance(at(181));
  EXPECT_EQ(agentOf(r, "angry2", at(181)), "plain");
}

TEST(RouterIncivilityTest, PlainContactsAreNotHeldBack) {
  Router r(config());
  r.connectAgent(agent("calm", true), at(0));
  r.submit(contact("polite", false), at(0));
  EXPECT_EQ(agentOf(r, "polite", at(0)), "calm");
}

TEST(RouterIncivilityTest, CooldownAfterAnAggressiveContact) {
  Router r(config());
  r.connectAgent(agent("calm", true), at(0));
  r.submit(contact("angry1", true), at(0));
  r.accept("calm", "angry1", at(1));
  r.complete("calm", "angry1", {}, at(100));
  r.submit(contact("angry2", true), at(101));
  r.submit(contact("polite", false), at(102));
  // No aggressive contact for 15 min, but other work is fine.
  EXPECT_EQ(agentOf(r, "angry2", at(102)), "");
  EXPECT_EQ(agentOf(r, "polite", at(102)), "calm");
  r.accept("calm", "polite", at(103));
  r.complete("calm", "polite", {}, at(104));
  r.advance(at(100 + 899));
  EXPECT_EQ(agentOf(r, "angry2", at(999)), "");
  // (After 120 s angry2 became open to anyone; only "calm" is on, still cooling down.)
  r.advance(at(1000));
  EXPECT_EQ(agentOf(r, "angry2", at(1000)), "calm");
}

TEST(RouterIncivilityTest, CapPerShiftAndExposureCounts) {
  RoutingConfig cfg = config();
  cfg.incivility.max_per_shift = 2;
  cfg.incivility.cooldown = Duration::zero();
  Router r(cfg);
  r.connectAgent(agent("calm", true), at(0));
  double t = 0;
  for (int i = 0; i < 2; ++i) {
    const std::string id = "angry" + std::to_string(i);
    r.submit(contact(id, true), at(t));
    ASSERT_EQ(agentOf(r, id, at(t)), "calm");
    r.accept("calm", id, at(t + 1));
    r.complete("calm", id, {}, at(t + 2));
    t += 2000;
  }
  auto snap = r.snapshot(at(t));
  ASSERT_EQ(snap.agents.size(), 1u);
  EXPECT_EQ(snap.agents[0].aggressive_shift, 2);
  EXPECT_EQ(snap.agents[0].aggressive_last_hour, 1);
  r.submit(contact("angry2", true), at(t));
  r.advance(at(t + 600));
  EXPECT_EQ(agentOf(r, "angry2", at(t + 600)), "");
  // Eight hours after the first one, it falls out of the shift window.
  r.advance(at(8 * 3600 + 1));
  EXPECT_EQ(agentOf(r, "angry2", at(8 * 3600 + 1)), "calm");
}

TEST(RouterIncivilityTest, HoldingAnAggressiveContactBlocksAnother) {
  Router r(config());
  AgentSpec a = agent("calm", true);
  a.capacity = {0, 3, 0, 0};
  r.connectAgent(a, at(0));
  r.submit(contact("angry1", true), at(0));
  r.submit(contact("angry2", true), at(1));
  EXPECT_EQ(agentOf(r, "angry1", at(1)), "calm");
  EXPECT_EQ(agentOf(r, "angry2", at(1)), "");
  r.submit(contact("polite", false), at(2));
  EXPECT_EQ(agentOf(r, "polite", at(2)), "calm");
}

}  // namespace
}  // namespace relais::routing
