// Router: offers, their timeouts and declines, misses, disconnects, wrap-up.
#include <gtest/gtest.h>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"

namespace relais::routing {
namespace {

using namespace router_test;

TEST(RouterOfferTest, TimeoutPutsTheContactBackKeepingItsWait) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(technician("a"), at(0));
  r.submit(contact("old", Channel::kPhone), at(0));
  r.submit(contact("new", Channel::kPhone), at(5));
  r.takeEvents();
  EXPECT_EQ(r.nextDeadline(), at(20));  // phone offer timeout
  r.connectAgent(technician("b"), at(6));    // takes "new"
  r.advance(at(20));
  auto events = r.takeEvents();
  auto withdrawn = ofKind(events, RouterEvent::Kind::kOfferWithdrawn);
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_EQ(withdrawn[0].contact, "old");
  EXPECT_EQ(withdrawn[0].agent, "a");
  EXPECT_EQ(withdrawn[0].reason, "timeout");
  auto queued = ofKind(events, RouterEvent::Kind::kQueued);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].reason, "timeout");
  EXPECT_EQ(queued[0].waited, seconds(20));
  // Not straight back to the agent who missed it.
  EXPECT_EQ(agentOf(r, "old", at(20)), "");
  EXPECT_EQ(r.findContact("old", at(20))->position, 1);
  // The agent who missed it takes other work meanwhile.
  r.submit(contact("later", Channel::kPhone), at(21));
  EXPECT_EQ(agentOf(r, "later", at(21)), "a");
  r.takeEvents();
  // "b" frees up: it gets "old", still counting its wait from the start.
  r.accept("b", "new", at(22));
  r.complete("b", "new", {}, at(23));
  r.setAgentState("b", AgentState::kAvailable, at(23));
  EXPECT_EQ(agentOf(r, "old", at(23)), "b");
  auto offered = ofKind(r.takeEvents(), RouterEvent::Kind::kOffered);
  ASSERT_FALSE(offered.empty());
  EXPECT_EQ(offered[0].waited, seconds(23));
}

TEST(RouterOfferTest, DeclineGoesToAnotherAgentOrBackAfterTheAvoidPeriod) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(technician("a"), at(0));
  r.submit(contact("c", Channel::kEmail), at(0));
  ASSERT_EQ(agentOf(r, "c", at(0)), "a");
  EXPECT_EQ(r.decline("a", "c", at(1)), RouterError::kOk);
  EXPECT_EQ(agentOf(r, "c", at(1)), "");
  EXPECT_EQ(r.nextDeadline(), at(61));  // decline_avoid
  r.advance(at(61));
  EXPECT_EQ(agentOf(r, "c", at(61)), "a");
  EXPECT_EQ(r.decline("a", "c", at(62)), RouterError::kOk);
  r.connectAgent(technician("b"), at(63));
  EXPECT_EQ(agentOf(r, "c", at(63)), "b");
}

TEST(RouterOfferTest, ConsecutiveMissesSendTheAgentToBreak) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.max_consecutive_misses = 2;
  cfg.decline_avoid = Duration::zero();
  Router r(cfg);
  r.connectAgent(technician("a", {1, 0, 0, 0}), at(0));
  r.submit(contact("c", Channel::kPhone), at(0));
  r.advance(at(20));  // miss 1, offered again at once (no avoid period)
  EXPECT_EQ(agentOf(r, "c", at(20)), "a");
  r.takeEvents();
  r.advance(at(40));  // miss 2
  auto states = ofKind(r.takeEvents(), RouterEvent::Kind::kAgentState);
  ASSERT_FALSE(states.empty());
  EXPECT_EQ(states.back().state, AgentState::kBreak);
  EXPECT_EQ(states.back().reason, "missed_offers");
  EXPECT_EQ(agentOf(r, "c", at(40)), "");
  // Back from break, the count starts again; an accept also resets it.
  r.setAgentState("a", AgentState::kAvailable, at(50));
  EXPECT_EQ(agentOf(r, "c", at(50)), "a");
  r.advance(at(70));  // miss 1
  EXPECT_EQ(r.accept("a", "c", at(71)), RouterError::kOk);
  EXPECT_EQ(r.snapshot(at(71)).agents[0].state, AgentState::kBusy);
}

TEST(RouterOfferTest, DeclinesAreNotMisses) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.max_consecutive_misses = 1;
  cfg.decline_avoid = Duration::zero();
  Router r(cfg);
  r.connectAgent(technician("a"), at(0));
  r.submit(contact("c", Channel::kPhone), at(0));
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(r.decline("a", "c", at(i)), RouterError::kOk);
  }
  EXPECT_EQ(r.snapshot(at(3)).agents[0].state, AgentState::kAvailable);
}

TEST(RouterOfferTest, DisconnectReturnsOffersAtOnceAndKeepsAccepted) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(technician("a", {1, 3, 0, 0}), at(0));
  r.submit(contact("call", Channel::kPhone), at(0));
  r.submit(contact("m1", Channel::kEmail), at(0));
  r.submit(contact("m2", Channel::kEmail), at(0));
  r.accept("a", "call", at(1));
  r.accept("a", "m1", at(1));
  r.takeEvents();
  r.disconnectAgent("a", at(2));
  auto events = r.takeEvents();
  auto withdrawn = ofKind(events, RouterEvent::Kind::kOfferWithdrawn);
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_EQ(withdrawn[0].contact, "m2");
  EXPECT_EQ(withdrawn[0].reason, "disconnect");
  auto states = ofKind(events, RouterEvent::Kind::kAgentState);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].state, AgentState::kOffline);
  EXPECT_EQ(states[0].reason, "disconnected");
  EXPECT_EQ(r.findContact("m2", at(2))->phase, ContactPhase::kWaiting);
  EXPECT_EQ(agentOf(r, "call", at(2)), "a");
  EXPECT_EQ(agentOf(r, "m1", at(2)), "a");
  // Reconnecting, it keeps its load: only two more emails fit.
  r.connectAgent(technician("a", {1, 3, 0, 0}), at(3));
  EXPECT_EQ(agentOf(r, "m2", at(3)), "a");
  EXPECT_EQ(r.snapshot(at(3)).agents[0].load, (PerChannel<int>{1, 2, 0, 0}));
}

TEST(RouterOfferTest, BreakWithdrawsPendingOffers) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(technician("a"), at(0));
  r.submit(contact("c", Channel::kPhone), at(0));
  r.setAgentState("a", AgentState::kBreak, at(1));
  auto withdrawn = ofKind(r.takeEvents(), RouterEvent::Kind::kOfferWithdrawn);
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_EQ(withdrawn[0].reason, "agent_break");
}

TEST(RouterOfferTest, NeverOfferedToTwoAgents) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(technician("a"), at(0));
  r.connectAgent(technician("b"), at(0));
  r.submit(contact("c", Channel::kPhone), at(0));
  auto offered = ofKind(r.takeEvents(), RouterEvent::Kind::kOffered);
  ASSERT_EQ(offered.size(), 1u);
  const std::string first = offered[0].agent;
  const std::string second = first == "a" ? "b" : "a";
  EXPECT_EQ(r.accept(second, "c", at(1)), RouterError::kNotOfferedToYou);
  r.decline(first, "c", at(2));
  offered = ofKind(r.takeEvents(), RouterEvent::Kind::kOffered);
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered[0].agent, second);
  EXPECT_EQ(r.accept(first, "c", at(3)), RouterError::kNotOfferedToYou);
  EXPECT_EQ(r.accept(second, "c", at(3)), RouterError::kOk);
}

TEST(RouterOfferTest, WrapUpPerChannel) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {seconds(30), seconds(120), seconds(0), seconds(0)};
  Router r(cfg);
  r.connectAgent(technician("a", {1, 1, 0, 0}), at(0));
  r.submit(contact("call", Channel::kPhone), at(0));
  r.accept("a", "call", at(1));
  r.complete("a", "call", {}, at(10));
  r.submit(contact("call2", Channel::kPhone), at(11));
  r.submit(contact("mail", Channel::kEmail), at(12));
  // Phone wrap-up does not hold the email slot.
  EXPECT_EQ(agentOf(r, "mail", at(12)), "a");
  EXPECT_EQ(agentOf(r, "call2", at(12)), "");
  r.advance(at(40));
  EXPECT_EQ(agentOf(r, "call2", at(40)), "a");
}

TEST(RouterOfferTest, EventsCarryQueueChannelAndWait) {
  Router r(RoutingConfig::defaults());
  r.submit(contact("c", Channel::kWeb), at(0));
  r.connectAgent(technician("a"), at(7));
  r.accept("a", "c", at(9));
  r.complete("a", "c", {}, at(30));
  auto events = r.takeEvents();
  std::vector<RouterEvent::Kind> kinds;
  for (const RouterEvent& e : events) {
    if (e.kind != RouterEvent::Kind::kAgentState) {
      kinds.push_back(e.kind);
      EXPECT_EQ(e.queue, "technical");
      EXPECT_EQ(e.channel, Channel::kWeb);
    }
  }
  EXPECT_EQ(kinds, (std::vector<RouterEvent::Kind>{
                       RouterEvent::Kind::kQueued, RouterEvent::Kind::kOffered,
                       RouterEvent::Kind::kAccepted, RouterEvent::Kind::kCompleted}));
  auto accepted = ofKind(events, RouterEvent::Kind::kAccepted);
  EXPECT_EQ(accepted[0].waited, seconds(9));
  EXPECT_EQ(accepted[0].agent, "a");
}

}  // namespace
}  // namespace relais::routing
