// Conversions between the public protobuf types (relais.v1) and routing/'s domain types, and the
// request validation that comes with them: the only place where wire values become domain ones.
#pragma once

#include <google/protobuf/timestamp.pb.h>

#include <optional>
#include <string>

#include "relais/v1/agent_desk.pb.h"
#include "relais/v1/case_feed.pb.h"
#include "relais/v1/contact.pb.h"
#include "routing/agent.h"
#include "routing/case_book.h"
#include "routing/channel.h"
#include "routing/reading.h"
#include "routing/time.h"

namespace relais::daemon {

std::optional<routing::Channel> fromProto(v1::Channel c);
v1::Channel toProto(routing::Channel c);
v1::Intent toProto(routing::Intent i);
v1::AgentState toProto(routing::AgentState s);
std::optional<routing::AgentState> fromProto(v1::AgentState s);
void toProto(const routing::Reading& r, v1::Reading& out);

// Clamped to Timestamp's valid range (years 1-9999), so any input converts without overflow.
routing::Instant fromProto(const google::protobuf::Timestamp& t);
// "field: seconds out of range ..." when `t` is outside that range, else nullopt.
std::optional<std::string> timestampProblem(const google::protobuf::Timestamp& t,
                                            const std::string& field);
google::protobuf::Timestamp toTimestamp(routing::Instant t);
inline bool isSet(const google::protobuf::Timestamp& t) { return t.seconds() != 0 || t.nanos() != 0; }

routing::CaseFile fromProto(const v1::Case& c);
v1::Case toProto(const routing::CaseFile& c);

// Limits a request is checked against.
struct ContactLimits {
  std::size_t max_text_bytes = 64 * 1024;
  std::size_t max_id_bytes = 128;
  std::size_t max_subject_bytes = 1024;
};

// The first problem with a submitted contact, as "field: what is wrong", or nullopt.
std::optional<std::string> validateContact(const v1::Contact& c, const ContactLimits& limits);
// Timestamps of a case from the back-office feed, as "field: what is wrong", or nullopt.
std::optional<std::string> validateCaseTimes(const v1::Case& c);
// The same for an agent's connection request; fills `out` when valid.
std::optional<std::string> agentFromProto(const v1::ConnectRequest& r, routing::AgentSpec& out);

}  // namespace relais::daemon
