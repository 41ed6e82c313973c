// Router: repeat merges, callbacks, overload, estimates, service level, snapshot, restore.
#include <gtest/gtest.h>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"

namespace relais::routing {
namespace {

using namespace router_test;

TEST(RouterQueueingTest, RepeatsOfTheSameCaseMerge) {
  Router r(RoutingConfig::defaults());
  r.submit(contact("other"), at(0));
  ContactSpec first = contact("m1");
  first.tenant_id = "T1";
  first.case_ref = "RC1";
  first.text = "La fuite continue.";
  first.reading.urgency = 20;
  r.submit(first, at(1));
  r.submit(contact("third"), at(2));
  ContactSpec again = contact("m2");
  again.tenant_id = "T1";
  again.case_ref = "RC1";
  again.text = "Toujours rien !";
  again.reading.urgency = 70;
  again.reading.aggressive = true;
  r.takeEvents();
  auto d = r.submit(again, at(3));
  EXPECT_EQ(d.kind, SubmitDecision::Kind::kMerged);
  EXPECT_EQ(d.merged_into, "m1");
  EXPECT_EQ(d.queue, "technical");
  EXPECT_EQ(d.position, 1);  // urgency 70 now puts it ahead of the two others
  auto merged = ofKind(r.takeEvents(), RouterEvent::Kind::kMerged);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].contact, "m2");
  EXPECT_EQ(merged[0].other, "m1");
  EXPECT_EQ(r.waitingCount(), 3u);
  EXPECT_EQ(r.findContact("m2", at(3))->id, "m1");
  EXPECT_EQ(r.submit(again, at(4)).kind, SubmitDecision::Kind::kDuplicate);
  // Both texts, oldest first; the reading is the max of both.
  AgentSpec calm = technician("calm");
  calm.skills.push_back({"deescalation", 3});
  r.connectAgent(calm, at(5));
  auto details = r.offerDetails("m1");
  ASSERT_TRUE(details);
  EXPECT_EQ(details->text, "La fuite continue.\n\nToujours rien !");
  EXPECT_EQ(details->reading.urgency, 70);
  EXPECT_TRUE(details->reading.aggressive);
}

TEST(RouterQueueingTest, SameIntentWithoutCaseMergesOtherwiseNot) {
  Router r(RoutingConfig::defaults());
  auto mk = [](std::string id, std::string case_ref, Intent intent, Channel ch) {
    ContactSpec c = contact(std::move(id), ch, intent);
    c.tenant_id = "T1";
    c.case_ref = std::move(case_ref);
    return c;
  };
  r.submit(mk("a", "", Intent::kRepair, Channel::kEmail), at(0));
  EXPECT_EQ(r.submit(mk("b", "", Intent::kRepair, Channel::kEmail), at(1)).kind,
            SubmitDecision::Kind::kMerged);
  EXPECT_EQ(r.submit(mk("c", "", Intent::kRentAndCharges, Channel::kEmail), at(2)).kind,
            SubmitDecision::Kind::kQueued);
  EXPECT_EQ(r.submit(mk("d", "RC9", Intent::kRepair, Channel::kEmail), at(3)).kind,
            SubmitDecision::Kind::kQueued);
  EXPECT_EQ(r.submit(mk("e", "", Intent::kRepair, Channel::kWeb), at(4)).kind,
            SubmitDecision::Kind::kQueued);
  // Phone calls never merge.
  EXPECT_NE(r.submit(mk("f", "", Intent::kRepair, Channel::kPhone), at(5)).kind,
            SubmitDecision::Kind::kMerged);
  EXPECT_NE(r.submit(mk("g", "", Intent::kRepair, Channel::kPhone), at(6)).kind,
            SubmitDecision::Kind::kMerged);
}

TEST(RouterQueueingTest, OfferedContactsDoNotAbsorbMerges) {
  Router r(RoutingConfig::defaults());
  r.connectAgent(technician("a"), at(0));
  ContactSpec c1 = contact("c1");
  c1.tenant_id = "T1";
  c1.case_ref = "RC1";
  r.submit(c1, at(0));
  ASSERT_EQ(r.findContact("c1", at(0))->phase, ContactPhase::kOffered);
  ContactSpec c2 = contact("c2");
  c2.tenant_id = "T1";
  c2.case_ref = "RC1";
  EXPECT_EQ(r.submit(c2, at(1)).kind, SubmitDecision::Kind::kQueued);
  // The next repeat joins c2, the one still waiting.
  ContactSpec c3 = contact("c3");
  c3.tenant_id = "T1";
  c3.case_ref = "RC1";
  auto d = r.submit(c3, at(2));
  EXPECT_EQ(d.kind, SubmitDecision::Kind::kMerged);
  EXPECT_EQ(d.merged_into, "c2");
}

TEST(RouterQueueingTest, MergeDisabled) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.merge_repeats = false;
  Router r(cfg);
  ContactSpec a = contact("a");
  a.tenant_id = "T1";
  ContactSpec b = contact("b");
  b.tenant_id = "T1";
  r.submit(a, at(0));
  EXPECT_EQ(r.submit(b, at(1)).kind, SubmitDecision::Kind::kQueued);
}

TEST(RouterQueueingTest, LongPhoneWaitOffersACallbackThatKeepsItsPlace) {
  Router r(RoutingConfig::defaults());
  // One phone agent busy; default handle time 6 min: the estimate is over 3 min.
  r.connectAgent(technician("a", {1, 0, 0, 0}), at(0));
  r.submit(contact("busy", Channel::kPhone), at(0));
  r.accept("a", "busy", at(1));
  auto d = r.submit(contact("c1", Channel::kPhone), at(2));
  EXPECT_EQ(d.kind, SubmitDecision::Kind::kCallbackOffered);
  EXPECT_EQ(d.position, 1);
  EXPECT_EQ(d.estimated_wait, seconds(360));
  EXPECT_EQ(r.findContact("c1", at(2))->phase, ContactPhase::kCallbackOffered);
  auto d2 = r.submit(contact("c2", Channel::kPhone), at(3));
  EXPECT_EQ(d2.kind, SubmitDecision::Kind::kCallbackOffered);
  EXPECT_EQ(r.acceptCallback("c1", "+33600000000", at(4)), RouterError::kOk);
  EXPECT_EQ(r.acceptCallback("c1", "+33600000000", at(4)), RouterError::kNotCallback);
  auto v = r.findContact("c1", at(4));
  EXPECT_TRUE(v->callback);
  EXPECT_EQ(v->phase, ContactPhase::kWaiting);
  EXPECT_EQ(v->position, 1);
  auto snap = r.snapshot(at(4));
  for (const QueueChannelSnapshot& q : snap.queues) {
    if (q.queue == "technical" && q.channel == Channel::kPhone) {
      EXPECT_EQ(q.waiting, 2);
      EXPECT_EQ(q.callbacks_waiting, 1);
    }
  }
  r.complete("a", "busy", {}, at(100));
  r.setAgentState("a", AgentState::kAvailable, at(100));
  auto details = r.offerDetails("c1");
  ASSERT_TRUE(details);
  EXPECT_TRUE(details->callback);
  EXPECT_EQ(details->callback_number, "+33600000000");
  // c2 never accepted the callback: it is a normal waiting call, served next.
  r.accept("a", "c1", at(101));
  r.complete("a", "c1", {}, at(200));
  r.setAgentState("a", AgentState::kAvailable, at(200));
  EXPECT_EQ(r.findContact("c2", at(200))->agent_id, "a");
  EXPECT_FALSE(r.offerDetails("c2")->callback);
}

TEST(RouterQueueingTest, FullQueueRejectsExceptUrgent) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.queues[0].max_waiting = 2;
  Router r(cfg);
  r.submit(contact("a"), at(0));
  r.submit(contact("b", Channel::kWeb), at(0));
  auto d = r.submit(contact("c"), at(1));
  EXPECT_EQ(d.kind, SubmitDecision::Kind::kRejectedFull);
  EXPECT_GT(d.retry_after, Duration::zero());
  EXPECT_FALSE(r.findContact("c", at(1)));
  ContactSpec u = contact("u");
  u.reading.urgent = true;
  EXPECT_EQ(r.submit(u, at(2)).kind, SubmitDecision::Kind::kQueued);
  // Other queues are not affected.
  EXPECT_EQ(r.submit(contact("rent", Channel::kEmail, Intent::kRentAndCharges), at(3)).kind,
            SubmitDecision::Kind::kQueued);
}

TEST(RouterQueueingTest, EstimatesFromCapacityThenFromObservedRate) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  Router r(cfg);
  // No agent: one agent's worth. Email default handle 8 min.
  EXPECT_EQ(r.submit(contact("a"), at(0)).estimated_wait, seconds(480));
  EXPECT_EQ(r.submit(contact("b"), at(0)).estimated_wait, seconds(960));
  // Four email slots online but full: 4 per 8 min.
  r.connectAgent(technician("x", {0, 4, 0, 0}), at(1));
  r.submit(contact("c"), at(1));
  r.submit(contact("d"), at(1));
  EXPECT_EQ(r.submit(contact("e"), at(1)).estimated_wait, seconds(120));
  // Observed: answers every 10 s for 5 minutes.
  Router o(cfg);
  o.connectAgent(technician("x", {0, 1, 0, 0}), at(0));
  for (int i = 0; i < 30; ++i) {
    const std::string id = "o" + std::to_string(i);
    o.submit(contact(id), at(i * 10));
    o.accept("x", id, at(i * 10));
    o.complete("x", id, {}, at(i * 10 + 9));
  }
  o.submit(contact("busy"), at(300));
  auto d = o.submit(contact("next"), at(300));
  EXPECT_NEAR(toSeconds(d.estimated_wait), 10.0, 0.5);
  // High-reassurance contacts stretch the estimate.
  RoutingConfig rc = cfg;
  rc.reassurance_queue.clear();
  Router h(rc);
  ContactSpec worried = contact("w");
  worried.reading.reassurance_high = true;
  h.submit(worried, at(0));
  EXPECT_EQ(h.submit(contact("p"), at(0)).estimated_wait, seconds(2 * 480 * 1.25));
}

TEST(RouterQueueingTest, ServiceLevelAndSnapshot) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  Router r(cfg);
  r.submit(contact("fast", Channel::kPhone), at(0));
  r.submit(contact("slow", Channel::kPhone), at(0));
  r.connectAgent(technician("a", {1, 0, 0, 0}), at(30));
  r.accept("a", "fast", at(31));
  r.complete("a", "fast", {}, at(100));
  r.accept("a", "slow", at(101));
  r.submit(contact("waiting", Channel::kPhone), at(110));
  r.connectAgent(technician("b", {0, 0, 0, 0}), at(111));
  auto snap = r.snapshot(at(120));
  bool seen = false;
  for (const QueueChannelSnapshot& q : snap.queues) {
    if (q.queue == "technical" && q.channel == Channel::kPhone) {
      seen = true;
      EXPECT_DOUBLE_EQ(q.service_level, 0.5);
      EXPECT_EQ(q.waiting, 1);
      EXPECT_EQ(q.oldest_wait, seconds(10));
      EXPECT_EQ(q.target, seconds(60));
      EXPECT_GT(q.estimated_wait, Duration::zero());
    } else {
      EXPECT_DOUBLE_EQ(q.service_level, 1.0);
    }
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(snap.queues.size(), 5u * kChannelCount);
  EXPECT_EQ(snap.waiting_by_channel[index(Channel::kPhone)], 1);
  EXPECT_EQ(snap.agents_by_state[static_cast<std::size_t>(AgentState::kBusy)], 1);
  EXPECT_EQ(snap.agents_by_state[static_cast<std::size_t>(AgentState::kAvailable)], 1);
  ASSERT_EQ(snap.agents.size(), 2u);
  EXPECT_DOUBLE_EQ(snap.agents[0].occupancy, 1.0);
  // The window forgets.
  auto later = r.snapshot(at(120 + 3600));
  for (const QueueChannelSnapshot& q : later.queues) {
    EXPECT_DOUBLE_EQ(q.service_level, 1.0);
  }
}

TEST(RouterQueueingTest, RestoreWaitingKeepsTheOriginalPlace) {
  Router r(RoutingConfig::defaults());
  r.restoreWaiting(contact("late"), at(50), false, "");
  r.restoreWaiting(contact("early"), at(10), true, "+33611111111");
  r.restoreWaiting(contact("early"), at(10), true, "");  // replayed twice: ignored
  EXPECT_EQ(r.waitingCount(), 2u);
  EXPECT_EQ(r.findContact("early", at(60))->position, 1);
  EXPECT_TRUE(r.findContact("early", at(60))->callback);
  EXPECT_TRUE(r.takeEvents().empty());
  r.connectAgent(technician("a", {0, 1, 0, 0}), at(60));
  auto details = r.offerDetails("early");
  ASSERT_TRUE(details);
  EXPECT_TRUE(details->callback);
  EXPECT_EQ(details->callback_number, "+33611111111");
}

TEST(RouterQueueingTest, RestoreAssignedHoldsForTheAgentThenRequeues) {
  Router r(RoutingConfig::defaults());
  ContactSpec kept = contact("kept");
  kept.received_at = at(0);
  r.restoreAssigned(kept, "a", at(100));
  ContactSpec lost = contact("lost");
  lost.received_at = at(0);
  r.restoreAssigned(lost, "b", at(100));
  EXPECT_EQ(r.findContact("kept", at(1))->phase, ContactPhase::kAssigned);
  EXPECT_EQ(r.findContact("kept", at(1))->agent_id, "a");
  EXPECT_EQ(r.nextDeadline(), at(100));
  r.connectAgent(technician("a", {0, 2, 0, 0}), at(50));
  EXPECT_EQ(r.snapshot(at(50)).agents[0].load[index(Channel::kEmail)], 1);
  r.advance(at(100));
  EXPECT_EQ(r.findContact("kept", at(100))->phase, ContactPhase::kAssigned);
  // "b" never came back: its contact waits again, and "a" has room for it.
  EXPECT_EQ(r.findContact("lost", at(100))->agent_id, "a");
  EXPECT_EQ(r.complete("a", "kept", {}, at(101)), RouterError::kOk);
}

}  // namespace
}  // namespace relais::routing
