// Router: the basic life of a contact and an agent, error codes, names.
#include <gtest/gtest.h>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"
#include "routing/routing_config.h"

namespace relais::routing {
namespace {

using namespace router_test;

TEST(RouterBasicTest, QueuesFifoAndOffersToTheFirstFreeAgent) {
  Router r(RoutingConfig::defaults());
  auto d1 = r.submit(contact("c1"), at(0));
  EXPECT_EQ(d1.kind, SubmitDecision::Kind::kQueued);
  EXPECT_EQ(d1.queue, "technical");
  EXPECT_EQ(d1.position, 1);
  EXPECT_EQ(r.submit(contact("c2"), at(1)).position, 2);
  EXPECT_EQ(r.waitingCount(), 2u);
  auto queued = ofKind(r.takeEvents(), RouterEvent::Kind::kQueued);
  ASSERT_EQ(queued.size(), 2u);
  EXPECT_EQ(queued[0].contact, "c1");
  EXPECT_EQ(queued[0].queue, "technical");

  ASSERT_EQ(r.connectAgent(agent("a1", {{"technical", 3}}), at(2)), RouterError::kOk);
  auto offered = ofKind(r.takeEvents(), RouterEvent::Kind::kOffered);
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered[0].contact, "c1");
  EXPECT_EQ(offered[0].agent, "a1");
  EXPECT_EQ(offered[0].deadline, at(2) + RoutingConfig::defaults().offer_timeout[1]);
  EXPECT_EQ(offered[0].waited, seconds(2));
  auto details = r.offerDetails("c1");
  ASSERT_TRUE(details);
  EXPECT_EQ(details->agent_id, "a1");
  EXPECT_EQ(details->text, "texte c1");
  EXPECT_EQ(details->queue, "technical");
  EXPECT_EQ(r.findContact("c2", at(2))->position, 1);

  EXPECT_EQ(r.accept("a1", "c1", at(3)), RouterError::kOk);
  EXPECT_EQ(r.findContact("c1", at(3))->phase, ContactPhase::kAssigned);
  EXPECT_EQ(r.complete("a1", "c1", {}, at(10)), RouterError::kOk);
  EXPECT_FALSE(r.findContact("c1", at(10)));
  // Email wrap-up (60 s by default) holds the slot; ending it early frees the agent at once.
  EXPECT_EQ(r.findContact("c2", at(10))->phase, ContactPhase::kWaiting);
  EXPECT_EQ(r.setAgentState("a1", AgentState::kAvailable, at(11)), RouterError::kOk);
  auto view = r.findContact("c2", at(11));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->phase, ContactPhase::kOffered);
  EXPECT_EQ(view->agent_id, "a1");
}

TEST(RouterBasicTest, ErrorsOfAgentCalls) {
  Router r(RoutingConfig::defaults());
  EXPECT_EQ(r.accept("nobody", "c1", at(0)), RouterError::kUnknownAgent);
  ASSERT_EQ(r.connectAgent(agent("a1", {{"technical", 3}}), at(0)), RouterError::kOk);
  EXPECT_EQ(r.connectAgent(agent("a1", {{"technical", 3}}), at(0)), RouterError::kAgentConnected);
  EXPECT_EQ(r.accept("a1", "c1", at(0)), RouterError::kUnknownContact);
  ASSERT_EQ(r.connectAgent(agent("a2", {{"general", 3}}), at(0)), RouterError::kOk);
  r.submit(contact("c1"), at(1));
  EXPECT_EQ(r.findContact("c1", at(1))->agent_id, "a1");
  EXPECT_EQ(r.accept("a2", "c1", at(1)), RouterError::kNotOfferedToYou);
  EXPECT_EQ(r.decline("a2", "c1", at(1)), RouterError::kNotOfferedToYou);
  EXPECT_EQ(r.complete("a1", "c1", {}, at(1)), RouterError::kNotAssignedToYou);
  EXPECT_EQ(r.setAgentState("a1", AgentState::kBusy, at(1)), RouterError::kBadState);
  EXPECT_EQ(r.setAgentState("a1", AgentState::kWrapUp, at(1)), RouterError::kBadState);
  EXPECT_EQ(r.acceptCallback("c1", "0600000000", at(1)), RouterError::kNotCallback);
  EXPECT_EQ(r.acceptCallback("zz", "0600000000", at(1)), RouterError::kUnknownContact);
  EXPECT_EQ(r.accept("a1", "c1", at(2)), RouterError::kOk);
  EXPECT_EQ(r.accept("a1", "c1", at(2)), RouterError::kNotOfferedToYou);
  r.disconnectAgent("a1", at(3));
  EXPECT_EQ(r.setAgentState("a1", AgentState::kAvailable, at(3)), RouterError::kUnknownAgent);
  // An accepted contact stays with its agent after a disconnect, and can still be completed.
  EXPECT_EQ(r.findContact("c1", at(3))->agent_id, "a1");
  EXPECT_EQ(r.complete("a1", "c1", {}, at(4)), RouterError::kOk);
}

TEST(RouterBasicTest, DuplicateIdsAreRefused) {
  Router r(RoutingConfig::defaults());
  EXPECT_EQ(r.submit(contact("c1"), at(0)).kind, SubmitDecision::Kind::kQueued);
  EXPECT_EQ(r.submit(contact("c1"), at(1)).kind, SubmitDecision::Kind::kDuplicate);
  EXPECT_EQ(r.waitingCount(), 1u);
}

TEST(RouterBasicTest, AbandonRemovesWaitingAndOfferedContacts) {
  Router r(RoutingConfig::defaults());
  r.submit(contact("c1"), at(0));
  r.submit(contact("c2"), at(0));
  EXPECT_TRUE(r.abandon("c1", at(1)));
  EXPECT_FALSE(r.abandon("c1", at(1)));
  EXPECT_EQ(r.waitingCount(), 1u);
  ASSERT_EQ(r.connectAgent(agent("a1", {{"technical", 3}}), at(2)), RouterError::kOk);
  r.takeEvents();
  EXPECT_TRUE(r.abandon("c2", at(3)));
  auto withdrawn = ofKind(r.takeEvents(), RouterEvent::Kind::kOfferWithdrawn);
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_EQ(withdrawn[0].reason, "abandoned");
  EXPECT_EQ(r.snapshot(at(3)).agents[0].load[index(Channel::kEmail)], 0);
}

TEST(RouterBasicTest, AgentStatesAreDerivedAndReported) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {seconds(30), seconds(30), seconds(30), seconds(30)};
  Router r(cfg);
  ASSERT_EQ(r.connectAgent(agent("a1", {{"technical", 3}}, {1, 0, 0, 0}), at(0)), RouterError::kOk);
  auto states = ofKind(r.takeEvents(), RouterEvent::Kind::kAgentState);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].state, AgentState::kAvailable);
  EXPECT_EQ(states[0].reason, "connected");
  r.submit(contact("c1", Channel::kPhone), at(1));
  states = ofKind(r.takeEvents(), RouterEvent::Kind::kAgentState);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].state, AgentState::kBusy);
  r.accept("a1", "c1", at(2));
  r.complete("a1", "c1", {}, at(50));
  EXPECT_EQ(r.snapshot(at(50)).agents[0].state, AgentState::kWrapUp);
  EXPECT_EQ(r.nextDeadline(), at(80));
  r.advance(at(80));
  states = ofKind(r.takeEvents(), RouterEvent::Kind::kAgentState);
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].state, AgentState::kWrapUp);
  EXPECT_EQ(states[1].state, AgentState::kAvailable);
  EXPECT_EQ(states[1].reason, "wrap_up_end");
  EXPECT_EQ(r.setAgentState("a1", AgentState::kBreak, at(90)), RouterError::kOk);
  r.submit(contact("c2", Channel::kPhone), at(91));
  EXPECT_EQ(r.findContact("c2", at(91))->phase, ContactPhase::kCallbackOffered);  // nobody on
  r.disconnectAgent("a1", at(92));
  auto snap = r.snapshot(at(92));
  EXPECT_EQ(snap.agents_by_state[static_cast<std::size_t>(AgentState::kOffline)], 1);
}

TEST(RouterBasicTest, Names) {
  EXPECT_EQ(agentStateName(AgentState::kAvailable), "available");
  EXPECT_EQ(agentStateName(AgentState::kBusy), "busy");
  EXPECT_EQ(agentStateName(AgentState::kWrapUp), "wrap_up");
  EXPECT_EQ(agentStateName(AgentState::kBreak), "break");
  EXPECT_EQ(agentStateName(AgentState::kOffline), "offline");
  EXPECT_EQ(routerErrorMessage(RouterError::kOk), "ok");
  EXPECT_FALSE(routerErrorMessage(RouterError::kNotCallback).empty());
}

}  // namespace
}  // namespace relais::routing
