#include "daemon/auth.h"

#include <gtest/gtest.h>

#include "daemon/rate_limiter.h"

namespace relais::daemon {
namespace {

using namespace std::chrono_literals;

TEST(AuthTest, Sha256MatchesTheStandardVector) {
  EXPECT_EQ(sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(AuthTest, AgentsActOnlyAsTheirOwnAgentId) {
  const Principal agent{"console", Role::kAgent, "a1", false};
  EXPECT_TRUE(Authenticator::authorize(agent, Method::kAcceptOffer, "a1").ok());
  const auto other = Authenticator::authorize(agent, Method::kAcceptOffer, "a2");
  EXPECT_EQ(other.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_NE(other.error_message().find("agent_id"), std::string::npos);
  // A supervisor may change any agent's state, but not act on its offers.
  const Principal lead{"lead", Role::kSupervisor, "", false};
  EXPECT_TRUE(Authenticator::authorize(lead, Method::kSetState, "a2").ok());
  EXPECT_EQ(Authenticator::authorize(lead, Method::kCompleteContact, "a2").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Authentication off (development): everything is let through.
  const Principal anonymous{"anonymous", Role::kSupervisor, "", true};
  EXPECT_TRUE(Authenticator::authorize(anonymous, Method::kConnect, "a9").ok());
}

TEST(AuthTest, OnlyBackofficeWritesCases) {
  for (auto role : {Role::kIntake, Role::kAgent, Role::kSupervisor}) {
    EXPECT_FALSE(roleMayCall(role, Method::kUpsertCase)) << roleName(role);
    EXPECT_FALSE(roleMayCall(role, Method::kCloseCase)) << roleName(role);
  }
  EXPECT_TRUE(roleMayCall(Role::kBackoffice, Method::kUpsertCase));
}

TEST(RateLimiterTest, BurstThenSteadyRateWithAHint) {
  RateLimiter limiter(10, 3);  // 10 calls/s, burst of 3
  const auto t0 = RateLimiter::Clock::time_point{} + 1h;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.acquire("ivr", t0), RateLimiter::Clock::duration::zero());
  }
  const auto hint = limiter.acquire("ivr", t0);
  EXPECT_GT(hint, 90ms);
  EXPECT_LE(hint, 100ms);
  // Another client has its own bucket.
  EXPECT_EQ(limiter.acquire("mail", t0), RateLimiter::Clock::duration::zero());
  // After the hint, one call fits again, and the bucket never holds more than the burst.
  EXPECT_EQ(limiter.acquire("ivr", t0 + 100ms), RateLimiter::Clock::duration::zero());
  EXPECT_GT(limiter.acquire("ivr", t0 + 100ms), RateLimiter::Clock::duration::zero());
  int admitted = 0;
  for (int i = 0; i < 10; ++i) {
    admitted += limiter.acquire("ivr", t0 + 1h) == RateLimiter::Clock::duration::zero();
  }
  EXPECT_EQ(admitted, 3);
}

TEST(RateLimiterTest, ZeroRateAdmitsEverything) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(limiter.acquire("x", RateLimiter::Clock::time_point{}),
              RateLimiter::Clock::duration::zero());
  }
}

}  // namespace
}  // namespace relais::daemon
