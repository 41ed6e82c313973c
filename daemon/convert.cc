#include "daemon/convert.h"

#include <algorithm>

namespace relais::daemon {

std::optional<routing::Channel> fromProto(v1::Channel c) {
  switch (c) {
    case v1::CHANNEL_PHONE:
      return routing::Channel::kPhone;
    case v1::CHANNEL_EMAIL:
      return routing::Channel::kEmail;
    case v1::CHANNEL_WEB:
      return routing::Channel::kWeb;
    case v1::CHANNEL_DIGITAL_AGENCY:
      return routing::Channel::kDigitalAgency;
    default:
      return std::nullopt;
  }
}

v1::Channel toProto(routing::Channel c) {
  switch (c) {
    case routing::Channel::kPhone:
      return v1::CHANNEL_PHONE;
    case routing::Channel::kEmail:
      return v1::CHANNEL_EMAIL;
    case routing::Channel::kWeb:
      return v1::CHANNEL_WEB;
    case routing::Channel::kDigitalAgency:
      return v1::CHANNEL_DIGITAL_AGENCY;
  }
  return v1::CHANNEL_UNSPECIFIED;
}

v1::Intent toProto(routing::Intent i) {
  switch (i) {
    case routing::Intent::kStatusRequest:
      return v1::INTENT_STATUS_REQUEST;
    case routing::Intent::kRepair:
      return v1::INTENT_REPAIR;
    case routing::Intent::kRentAndCharges:
      return v1::INTENT_RENT_AND_CHARGES;
    case routing::Intent::kNeighbourhood:
      return v1::INTENT_NEIGHBOURHOOD;
    case routing::Intent::kTenancyAdmin:
      return v1::INTENT_TENANCY_ADMIN;
    case routing::Intent::kOther:
      return v1::INTENT_OTHER;
  }
  return v1::INTENT_UNSPECIFIED;
}

v1::AgentState toProto(routing::AgentState s) {
  switch (s) {
    case routing::AgentState::kAvailable:
      return v1::AGENT_STATE_AVAILABLE;
    case routing::AgentState::kBusy:
      return v1::AGENT_STATE_BUSY;
    case routing::AgentState::kWrapUp:
      return v1::AGENT_STATE_WRAP_UP;
    case routing::AgentState::kBreak:
      return v1::AGENT_STATE_BREAK;
    case routing::AgentState::kOffline:
      return v1::AGENT_STATE_OFFLINE;
  }
  return v1::AGENT_STATE_UNSPECIFIED;
}

std::optional<routing::AgentState> fromProto(v1::AgentState s) {
  switch (s) {
    case v1::AGENT_STATE_AVAILABLE:
      return routing::AgentState::kAvailable;
    case v1::AGENT_STATE_BUSY:
      return routing::AgentState::kBusy;
    case v1::AGENT_STATE_WRAP_UP:
      return routing::AgentState::kWrapUp;
    case v1::AGENT_STATE_BREAK:
      return routing::AgentState::kBreak;
    case v1::AGENT_STATE_OFFLINE:
      return routing::AgentState::kOffline;
    default:
      return std::nullopt;
  }
}

void toProto(const routing::Reading& r, v1::Reading& out) {
  out.set_intent(toProto(r.intent));
  out.set_urgent(r.urgent);
  out.set_urgency(r.urgency);
  out.set_aggressive(r.aggressive);
  out.set_reassurance(r.reassurance);
  out.set_reassurance_high(r.reassurance_high);
  out.set_case_ref(r.case_ref.value_or(""));
  out.set_status_only(r.status_only);
  out.set_gist(r.gist);
  out.clear_reasons();
  for (const auto& reason : r.reasons) {
    out.add_reasons(reason);
  }
}

namespace {
// google.protobuf.Timestamp's own range, 0001-01-01 to 9999-12-31: in microseconds it fits an
// int64 with room to spare, so clamping to it makes the conversion defined for any input.
constexpr std::int64_t kMinTimestampSeconds = -62'135'596'800;
constexpr std::int64_t kMaxTimestampSeconds = 253'402'300'799;
}  // namespace

std::optional<std::string> timestampProblem(const google::protobuf::Timestamp& t,
                                            const std::string& field) {
  if (t.seconds() < kMinTimestampSeconds || t.seconds() > kMaxTimestampSeconds) {
    return field + ": seconds out of range (years 1 to 9999)";
  }
  if (t.nanos() < 0 || t.nanos() > 999'999'999) {
    return field + ": nanos out of range";
  }
  return std::nullopt;
}

routing::Instant fromProto(const google::protobuf::Timestamp& t) {
  const auto seconds = std::clamp<std::int64_t>(t.seconds(), kMinTimestampSeconds,
                                                kMaxTimestampSeconds);
  const auto nanos = std::clamp<std::int32_t>(t.nanos(), 0, 999'999'999);
  return routing::Instant(routing::Duration(seconds * 1'000'000 + nanos / 1000));
}

google::protobuf::Timestamp toTimestamp(routing::Instant t) {
  google::protobuf::Timestamp out;
  const auto us = t.time_since_epoch().count();
  auto secs = us / 1'000'000;
  auto rem = us % 1'000'000;
  if (rem < 0) {
    rem += 1'000'000;
    --secs;
  }
  out.set_seconds(secs);
  out.set_nanos(static_cast<int>(rem * 1000));
  return out;
}

routing::CaseFile fromProto(const v1::Case& c) {
  routing::CaseFile f;
  f.ref = c.case_ref();
  f.tenant_id = c.tenant_id();
  f.kind = c.kind();
  f.status = c.status();
  f.opened_at = fromProto(c.opened_at());
  f.updated_at = fromProto(c.updated_at());
  f.next_step = c.next_step();
  if (isSet(c.expected_at())) {
    f.expected_at = fromProto(c.expected_at());
  }
  for (const auto& s : c.steps()) {
    f.steps.push_back({s.label(), fromProto(s.at())});
  }
  f.closed = c.closed();
  return f;
}

v1::Case toProto(const routing::CaseFile& f) {
  v1::Case c;
  c.set_case_ref(f.ref);
  c.set_tenant_id(f.tenant_id);
  c.set_kind(f.kind);
  c.set_status(f.status);
  *c.mutable_opened_at() = toTimestamp(f.opened_at);
  *c.mutable_updated_at() = toTimestamp(f.updated_at);
  c.set_next_step(f.next_step);
  if (f.expected_at) {
    *c.mutable_expected_at() = toTimestamp(*f.expected_at);
  }
  for (const auto& s : f.steps) {
    auto* step = c.add_steps();
    step->set_label(s.label);
    *step->mutable_at() = toTimestamp(s.at);
  }
  c.set_closed(f.closed);
  return c;
}

namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

}  // namespace

std::optional<std::string> validateContact(const v1::Contact& c, const ContactLimits& limits) {
  if (c.contact_id().empty() || blank(c.contact_id())) {
    return "contact_id: required";
  }
  if (c.contact_id().size() > limits.max_id_bytes) {
    return "contact_id: longer than " + std::to_string(limits.max_id_bytes) + " bytes";
  }
  if (c.channel() == v1::CHANNEL_UNSPECIFIED) {
    return "channel: required (CHANNEL_PHONE, CHANNEL_EMAIL, CHANNEL_WEB or "
           "CHANNEL_DIGITAL_AGENCY)";
  }
  if (!fromProto(c.channel())) {
    return "channel: unknown value " + std::to_string(static_cast<int>(c.channel()));
  }
  if (c.text().empty() || blank(c.text())) {
    return "text: required";
  }
  if (c.text().size() > limits.max_text_bytes) {
    return "text: " + std::to_string(c.text().size()) + " bytes, over the maximum of " +
           std::to_string(limits.max_text_bytes);
  }
  if (c.subject().size() > limits.max_subject_bytes) {
    return "subject: longer than " + std::to_string(limits.max_subject_bytes) + " bytes";
  }
  if (c.tenant_id().size() > limits.max_id_bytes) {
    return "tenant_id: longer than " + std::to_string(limits.max_id_bytes) + " bytes";
  }
  if (c.case_ref().size() > limits.max_id_bytes) {
    return "case_ref: longer than " + std::to_string(limits.max_id_bytes) + " bytes";
  }
  if (auto problem = timestampProblem(c.received_at(), "received_at")) {
    return problem;
  }
  if (c.context().prior_contacts_same_case() < 0) {
    return "context.prior_contacts_same_case: must not be negative";
  }
  return std::nullopt;
}

std::optional<std::string> validateCaseTimes(const v1::Case& c) {
  for (auto [field, t] : {std::pair{"opened_at", &c.opened_at()},
                          std::pair{"updated_at", &c.updated_at()},
                          std::pair{"expected_at", &c.expected_at()}}) {
    if (auto problem = timestampProblem(*t, field)) {
      return problem;
    }
  }
  for (int i = 0; i < c.steps_size(); ++i) {
    if (auto problem =
            timestampProblem(c.steps(i).at(), "steps[" + std::to_string(i) + "].at")) {
      return problem;
    }
  }
  return std::nullopt;
}

std::optional<std::string> agentFromProto(const v1::ConnectRequest& r, routing::AgentSpec& out) {
  if (r.agent_id().empty() || blank(r.agent_id())) {
    return "agent_id: required";
  }
  if (r.agent_id().size() > 128) {
    return "agent_id: longer than 128 bytes";
  }
  out.id = r.agent_id();
  out.display_name = r.display_name();
  out.skills.clear();
  for (int i = 0; i < r.skills_size(); ++i) {
    const auto& s = r.skills(i);
    if (s.name().empty()) {
      return "skills[" + std::to_string(i) + "].name: required";
    }
    if (s.proficiency() < 0 || s.proficiency() > 5) {
      return "skills[" + std::to_string(i) + "].proficiency: must be 1-5 (0 means 3)";
    }
    out.skills.push_back({s.name(), s.proficiency() == 0 ? 3 : s.proficiency()});
  }
  out.capacity = {-1, -1, -1, -1};
  for (int i = 0; i < r.capacity_size(); ++i) {
    const auto& c = r.capacity(i);
    auto channel = fromProto(c.channel());
    if (!channel) {
      return "capacity[" + std::to_string(i) + "].channel: required";
    }
    if (c.max() < 0 || c.max() > 100) {
      return "capacity[" + std::to_string(i) + "].max: must be 0-100";
    }
    out.capacity[routing::index(*channel)] = c.max();
  }
  return std::nullopt;
}

}  // namespace relais::daemon
