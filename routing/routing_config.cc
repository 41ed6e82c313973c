#include "routing/routing_config.h"

#include <array>
#include <cmath>
#include <set>
#include <string_view>

namespace relais::routing {
namespace {

using Sec = std::chrono::seconds;

QueueConfig makeQueue(std::string name, std::vector<std::string> secondary,
                      std::vector<Duration> thresholds) {
  QueueConfig q;
  q.skill = name;
  q.name = std::move(name);
  q.secondary_skills = std::move(secondary);
  q.ring_thresholds = std::move(thresholds);
  return q;
}

// Local names for messages: intentName() lives with the contact reader, not here.
std::string_view intentLabel(Intent i) {
  static constexpr std::array<std::string_view, kIntentCount> kNames = {
      "status_request", "repair", "rent_and_charges", "neighbourhood", "tenancy_admin", "other"};
  const auto n = static_cast<std::size_t>(i);
  return n < kNames.size() ? kNames[n] : "unknown";
}

bool positive(Duration d) { return d > Duration::zero(); }

}  // namespace

RoutingConfig RoutingConfig::defaults() {
  RoutingConfig c;
  // Each queue widens to neighbouring skill groups, then to generalists. Thresholds are absolute
  // waits: short enough for the phone (target 60 s) to widen before the target is missed.
  c.queues = {
      makeQueue("technical", {"general"}, {Sec(90)}),
      makeQueue("tenancy", {"general"}, {Sec(90)}),
      makeQueue("neighbourhood", {"proximity", "general"}, {Sec(60), Sec(180)}),
      makeQueue("proximity", {"neighbourhood", "general"}, {Sec(60), Sec(180)}),
      makeQueue("general", {"tenancy", "technical"}, {Sec(120), Sec(240)}),
  };
  // A status request that reaches a person is about a case the reader may not know the kind of:
  // it goes to the generalists, whose last ring reaches the technical staff.
  c.rules = {
      {Intent::kRepair, "technical"},      {Intent::kRentAndCharges, "tenancy"},
      {Intent::kTenancyAdmin, "tenancy"},  {Intent::kNeighbourhood, "neighbourhood"},
      {Intent::kStatusRequest, "general"}, {Intent::kOther, "general"},
  };
  c.default_queue = "general";
  c.reassurance_queue = "proximity";
  return c;
}

std::optional<std::string> validate(const RoutingConfig& config) {
  if (config.queues.empty()) {
    return "no queue configured";
  }
  std::set<std::string_view> names;
  for (const QueueConfig& q : config.queues) {
    if (q.name.empty()) {
      return "a queue has no name";
    }
    if (!names.insert(q.name).second) {
      return "duplicate queue name '" + q.name + "'";
    }
    if (q.skill.empty()) {
      return "queue '" + q.name + "' has no skill";
    }
    if (q.ring_thresholds.size() != q.secondary_skills.size()) {
      return "queue '" + q.name + "' has " + std::to_string(q.ring_thresholds.size()) +
             " ring thresholds for " + std::to_string(q.secondary_skills.size()) +
             " secondary skills";
    }
    Duration previous = Duration::zero();
    for (std::size_t i = 0; i < q.ring_thresholds.size(); ++i) {
      if (q.secondary_skills[i].empty()) {
        return "queue '" + q.name + "' has an empty secondary skill";
      }
      if (q.ring_thresholds[i] <= previous) {
        return "queue '" + q.name + "' ring thresholds must be positive and increasing";
      }
      previous = q.ring_thresholds[i];
    }
    if (q.min_proficiency < 1 || q.min_proficiency > 5) {
      return "queue '" + q.name + "' min_proficiency must be 1-5";
    }
    if (q.max_waiting <= 0) {
      return "queue '" + q.name + "' max_waiting must be positive";
    }
  }
  std::set<Intent> ruled;
  for (const QueueRule& r : config.rules) {
    if (!names.contains(r.queue)) {
      return "rule for intent '" + std::string(intentLabel(r.intent)) + "' names unknown queue '" +
             r.queue + "'";
    }
    if (!ruled.insert(r.intent).second) {
      return "two rules for intent '" + std::string(intentLabel(r.intent)) + "'";
    }
  }
  if (!names.contains(config.default_queue)) {
    return "default_queue '" + config.default_queue + "' is not a queue";
  }
  if (!config.reassurance_queue.empty() && !names.contains(config.reassurance_queue)) {
    return "reassurance_queue '" + config.reassurance_queue +
           "' is not a queue (leave it empty to disable)";
  }
  for (Channel ch : kAllChannels) {
    const std::size_t i = index(ch);
    const std::string name(channelName(ch));
    if (!positive(config.service_target[i])) {
      return "service_target for " + name + " must be positive";
    }
    if (!positive(config.offer_timeout[i])) {
      return "offer_timeout for " + name + " must be positive";
    }
    if (!positive(config.default_handle_time[i])) {
      return "default_handle_time for " + name + " must be positive";
    }
    if (config.wrap_up[i] < Duration::zero()) {
      return "wrap_up for " + name + " must not be negative";
    }
    if (config.default_capacity[i] < 0) {
      return "default_capacity for " + name + " must not be negative";
    }
  }
  const PriorityWeights& w = config.weights;
  for (double v : {w.urgency, w.reassurance, w.wait, w.urgent_bonus, w.boost}) {
    if (!std::isfinite(v) || v < 0) {
      return "priority weights must be finite and not negative";
    }
  }
  if (!(w.wait > 0)) {
    return "weights.wait must be positive, or waiting contacts could starve";
  }
  const IncivilityConfig& inc = config.incivility;
  if (inc.wait_for_deescalation < Duration::zero() || inc.cooldown < Duration::zero()) {
    return "incivility durations must not be negative";
  }
  if (!positive(inc.shift_length)) {
    return "incivility.shift_length must be positive";
  }
  if (inc.max_per_shift < 0) {
    return "incivility.max_per_shift must not be negative";
  }
  if (config.continuity_window < Duration::zero() || config.continuity_memory < Duration::zero()) {
    return "continuity durations must not be negative";
  }
  if (config.continuity_max_entries == 0) {
    return "continuity_max_entries must be positive";
  }
  if (!std::isfinite(config.reassurance_handle_factor) || config.reassurance_handle_factor < 1.0) {
    return "reassurance_handle_factor must be at least 1";
  }
  if (config.max_consecutive_misses < 0) {
    return "max_consecutive_misses must not be negative";
  }
  if (config.decline_avoid < Duration::zero()) {
    return "decline_avoid must not be negative";
  }
  if (config.callback_threshold < Duration::zero()) {
    return "callback_threshold must not be negative";
  }
  if (!positive(config.observation_window)) {
    return "observation_window must be positive";
  }
  return std::nullopt;
}

}  // namespace relais::routing
