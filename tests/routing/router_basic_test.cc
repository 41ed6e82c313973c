#include <gtest/gtest.h>

#include "routing/router.h"
#include "routing/routing_config.h"

namespace relais::routing {
namespace {

using Sec = std::chrono::seconds;

Instant at(int s) { return Instant{} + std::chrono::hours(24 * 365 * 56) + Sec(s); }

ContactSpec contact(std::string id, Channel ch = Channel::kEmail, Intent intent = Intent::kRepair) {
  ContactSpec c;
  c.id = std::move(id);
  c.channel = ch;
  c.tenant_id = "T-" + c.id;
  c.text = "texte " + c.id;
  c.reading.intent = intent;
  return c;
}

AgentSpec agent(std::string id, std::vector<Skill> skills) {
  AgentSpec a;
  a.id = std::move(id);
  a.skills = std::move(skills);
  return a;
}

TEST(RouterBasicTest, DefaultsAreValid) {
  EXPECT_EQ(validate(RoutingConfig::defaults()), std::nullopt);
}

TEST(RouterBasicTest, FifoOfferAcceptComplete) {
  Router r(RoutingConfig::defaults());
  auto d1 = r.submit(contact("c1"), at(0));
  EXPECT_EQ(d1.kind, SubmitDecision::Kind::kQueued);
  EXPECT_EQ(d1.queue, "technical");
  EXPECT_EQ(d1.position, 1);
  auto d2 = r.submit(contact("c2"), at(1));
  EXPECT_EQ(d2.position, 2);
  r.takeEvents();
  AgentSpec a1 = agent("a1", {{"technical", 3}});
  a1.capacity = {1, 1, 1, 1};
  ASSERT_EQ(r.connectAgent(a1, at(2)), RouterError::kOk);
  auto ev = r.takeEvents();
  bool offered = false;
  for (auto& e : ev) {
    if (e.kind == RouterEvent::Kind::kOffered) {
      EXPECT_EQ(e.contact, "c1");
      EXPECT_EQ(e.agent, "a1");
      offered = true;
    }
  }
  EXPECT_TRUE(offered);
  EXPECT_EQ(r.accept("a1", "c1", at(3)), RouterError::kOk);
  EXPECT_EQ(r.complete("a1", "c1", {}, at(10)), RouterError::kOk);
  EXPECT_EQ(r.setAgentState("a1", AgentState::kAvailable, at(11)), RouterError::kOk);
  auto view = r.findContact("c2", at(11));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->phase, ContactPhase::kOffered);
  EXPECT_EQ(view->agent_id, "a1");
}

}  // namespace
}  // namespace relais::routing
