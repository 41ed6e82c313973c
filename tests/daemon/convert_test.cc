#include "daemon/convert.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace relais::daemon {
namespace {

v1::Contact validContact() {
  v1::Contact c;
  c.set_contact_id("c-1");
  c.set_channel(v1::CHANNEL_EMAIL);
  c.set_text("Bonjour, où en est ma demande ?");
  return c;
}

TEST(ConvertTest, ValidContactPasses) { EXPECT_FALSE(validateContact(validContact(), {})); }

TEST(ConvertTest, EachBadFieldIsNamed) {
  ContactLimits limits;
  limits.max_text_bytes = 100;
  auto c = validContact();
  c.clear_contact_id();
  EXPECT_EQ(validateContact(c, limits), "contact_id: required");
  c = validContact();
  c.set_contact_id("   ");
  EXPECT_EQ(validateContact(c, limits), "contact_id: required");
  c = validContact();
  c.set_channel(v1::CHANNEL_UNSPECIFIED);
  EXPECT_THAT(*validateContact(c, limits), ::testing::StartsWith("channel: required"));
  c = validContact();
  c.set_channel(static_cast<v1::Channel>(42));
  EXPECT_THAT(*validateContact(c, limits), ::testing::StartsWith("channel: unknown value 42"));
  c = validContact();
  c.set_text(" \n\t ");
  EXPECT_EQ(validateContact(c, limits), "text: required");
  c = validContact();
  c.set_text(std::string(101, 'a'));
  EXPECT_THAT(*validateContact(c, limits), ::testing::StartsWith("text: 101 bytes"));
  c = validContact();
  c.mutable_context()->set_prior_contacts_same_case(-1);
  EXPECT_THAT(*validateContact(c, limits),
              ::testing::StartsWith("context.prior_contacts_same_case"));
}

TEST(ConvertTest, TimestampsRoundTripIncludingBeforeEpoch) {
  for (long long us : {0LL, 1LL, 1'700'000'000'123'456LL, -1LL, -1'500'000LL}) {
    const routing::Instant t{routing::Duration(us)};
    EXPECT_EQ(fromProto(toTimestamp(t)), t) << us;
    EXPECT_GE(toTimestamp(t).nanos(), 0);
  }
}

TEST(ConvertTest, ChannelsAndStatesRoundTrip) {
  for (auto c : routing::kAllChannels) {
    EXPECT_EQ(fromProto(toProto(c)), c);
  }
  for (std::size_t s = 0; s < routing::kAgentStateCount; ++s) {
    const auto state = static_cast<routing::AgentState>(s);
    EXPECT_EQ(fromProto(toProto(state)), state);
  }
  EXPECT_FALSE(fromProto(v1::CHANNEL_UNSPECIFIED));
  EXPECT_FALSE(fromProto(v1::AGENT_STATE_UNSPECIFIED));
}

TEST(ConvertTest, AgentRequestValidation) {
  v1::ConnectRequest r;
  routing::AgentSpec spec;
  EXPECT_EQ(agentFromProto(r, spec), "agent_id: required");
  r.set_agent_id("a1");
  r.add_skills()->set_name("technical");
  auto* cap = r.add_capacity();
  cap->set_channel(v1::CHANNEL_PHONE);
  cap->set_max(1);
  EXPECT_FALSE(agentFromProto(r, spec));
  EXPECT_EQ(spec.skills.at(0).proficiency, 3);
  EXPECT_EQ(spec.capacity[routing::index(routing::Channel::kPhone)], 1);
  EXPECT_EQ(spec.capacity[routing::index(routing::Channel::kEmail)], -1);
  r.mutable_skills(0)->set_proficiency(9);
  EXPECT_THAT(*agentFromProto(r, spec), ::testing::StartsWith("skills[0].proficiency"));
}

// Found by reading what convert_fuzzer exercises: seconds * 1e6 overflowed int64.
TEST(ConvertTest, TimestampsOutsideTheirRangeAreRefusedAndNeverOverflow) {
  google::protobuf::Timestamp huge;
  huge.set_seconds(4'611'686'018'427'387'904);
  EXPECT_EQ(fromProto(huge), fromProto([] {
              google::protobuf::Timestamp max;
              max.set_seconds(253'402'300'799);
              return max;
            }()));
  huge.set_seconds(-huge.seconds());
  EXPECT_LT(fromProto(huge).time_since_epoch().count(), 0);

  auto contact = validContact();
  contact.mutable_received_at()->set_seconds(4'611'686'018'427'387'904);
  EXPECT_THAT(validateContact(contact, {}).value_or(""),
              ::testing::StartsWith("received_at: seconds out of range"));
  contact.mutable_received_at()->set_seconds(1'800'000'000);
  contact.mutable_received_at()->set_nanos(-1);
  EXPECT_THAT(validateContact(contact, {}).value_or(""),
              ::testing::StartsWith("received_at: nanos out of range"));

  v1::Case c;
  c.mutable_updated_at()->set_seconds(1'800'000'000);
  EXPECT_FALSE(validateCaseTimes(c));
  c.add_steps()->mutable_at()->set_seconds(-99'999'999'999'999);
  EXPECT_THAT(validateCaseTimes(c).value_or(""),
              ::testing::StartsWith("steps[0].at: seconds out of range"));
}

}  // namespace
}  // namespace relais::daemon
