// RoutingConfig: every tunable of the routing engine, with the defaults relaisd embeds. The
// daemon fills it from its configuration file; tests and the simulator build it directly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "routing/channel.h"
#include "routing/reading.h"
#include "routing/time.h"

namespace relais::routing {

// A skill group's queue. Contacts are sent to a queue by intent (see QueueRule).
struct QueueConfig {
  std::string name;
  // The skill an agent needs to take this queue's contacts at ring 0.
  std::string skill;
  // Skills that may serve the queue once a contact has waited past the ring's threshold, in
  // widening order (Genesys-style bullseye rings). Required skills are never widened away.
  std::vector<std::string> secondary_skills;
  std::vector<Duration> ring_thresholds;  // one per secondary skill
  int min_proficiency = 1;
  int max_waiting = 10000;  // beyond: RESOURCE_EXHAUSTED, except urgent contacts
};

// Sends contacts of `intent` to `queue`.
struct QueueRule {
  Intent intent;
  std::string queue;
};

// Dispatch order of waiting contacts.
//
//   priority(now) = base + wait * (now - enqueued_at) / service_target[channel]
//   base          = urgency * reading.urgency/100 + reassurance * reading.reassurance/100
//                 + boost (if priority_boost) + urgent_bonus (if reading.urgent)
//
// The wait term grows without bound, so every contact is eventually served (no starvation); an
// urgent contact starts urgent_bonus / wait targets ahead, i.e. with the defaults it overtakes a
// plain contact that has waited up to ten times its channel's target. A declined or timed-out
// offer keeps `enqueued_at`, so the contact keeps its place. Within one (queue, channel) the
// order is the order of key = base - wait * enqueued_at / target, which does not change with
// time: the router keeps each (queue, channel) sorted by it and compares only bucket heads at
// `now` across channels.
//
// Worked example, default weights, phone (target 60 s), at 10:05:00:
//   A: urgency 80, reassurance 10, not urgent, enqueued 10:03:00 (120 s):
//      2.0*0.80 + 1.0*0.10 + 1.0*120/60 = 1.6 + 0.1 + 2.0 = 3.7
//   B: urgency 90, urgent, reassurance 0, enqueued 10:04:50 (10 s):
//      2.0*0.90 + 10 + 1.0*10/60 = 1.8 + 10 + 0.17 = 11.97  -> offered first
//   C: urgency 20, reassurance 90 (high), enqueued 10:04:00 (60 s):
//      2.0*0.20 + 1.0*0.90 + 1.0 = 2.3                     -> after A
// An email (target 24 h) waiting 12 h adds only 0.5: phone and chat go first for an agent taking
// both, as their targets demand.
struct PriorityWeights {
  double urgency = 2.0;
  double reassurance = 1.0;
  double wait = 1.0;
  double urgent_bonus = 10.0;
  double boost = 2.0;
};

struct IncivilityConfig {
  std::string deescalation_skill = "deescalation";
  // How long an aggressive contact waits for a de-escalation agent before any agent may take it.
  Duration wait_for_deescalation = std::chrono::seconds(120);
  // After an aggressive contact, the agent gets no other aggressive contact for this long.
  Duration cooldown = std::chrono::minutes(15);
  int max_per_shift = 8;
  Duration shift_length = std::chrono::hours(8);
};

struct RoutingConfig {
  std::vector<QueueConfig> queues;
  std::vector<QueueRule> rules;
  // Queue for contacts whose intent has no rule.
  std::string default_queue = "general";
  // High-reassurance contacts go here (proximity / accompaniment staff) when it exists.
  std::string reassurance_queue = "proximity";

  PerChannel<Duration> service_target = {std::chrono::seconds(60), std::chrono::hours(24),
                                         std::chrono::hours(4), std::chrono::minutes(2)};
  PerChannel<int> default_capacity = {1, 5, 5, 3};
  PerChannel<Duration> offer_timeout = {std::chrono::seconds(20), std::chrono::seconds(60),
                                        std::chrono::seconds(60), std::chrono::seconds(60)};
  PerChannel<Duration> wrap_up = {std::chrono::seconds(30), std::chrono::seconds(60),
                                  std::chrono::seconds(30), std::chrono::seconds(15)};
  // Channels that may not be mixed: an agent holding a phone contact gets no chat; email and
  // web can wait behind a call. exclusive[a][b] = true: while holding `a`, get no `b`.
  PerChannel<PerChannel<bool>> exclusive = {{
      {false, false, false, true},  // on a call: no chat
      {false, false, false, false},
      {false, false, false, false},
      {true, false, false, false},  // in a chat: no call
  }};

  PriorityWeights weights;
  IncivilityConfig incivility;

  // Continuity: prefer the agent who last handled this tenant or case, if it can take the
  // contact within this window.
  Duration continuity_window = std::chrono::seconds(30);
  Duration continuity_memory = std::chrono::hours(24 * 30);
  // Bound on remembered (tenant or case -> last agent) pairs; the oldest are forgotten first.
  std::size_t continuity_max_entries = 200000;
  // High-reassurance contacts get this factor on their handling-time estimate.
  double reassurance_handle_factor = 1.5;

  int max_consecutive_misses = 3;  // then the agent goes to BREAK; 0 = never
  // After a decline or a missed offer, the contact is not offered again to that agent for this
  // long (it goes to someone else, or comes back to the same agent once this has passed).
  Duration decline_avoid = std::chrono::seconds(60);

  // Phone: offer a callback when the estimated wait is over this.
  Duration callback_threshold = std::chrono::minutes(3);
  // Merge a new contact into a waiting one of the same tenant and case.
  bool merge_repeats = true;

  // Window over which service rate and service level are observed.
  Duration observation_window = std::chrono::minutes(30);
  PerChannel<Duration> default_handle_time = {std::chrono::minutes(6), std::chrono::minutes(8),
                                              std::chrono::minutes(5), std::chrono::minutes(4)};

  // The embedded defaults: technical, tenancy, neighbourhood, proximity and general queues.
  static RoutingConfig defaults();
};

// The first problem found in `config` (unknown queue in a rule, duplicate queue names, ring
// thresholds not matching secondary skills, non-positive targets...), or nullopt when it is
// usable. For relaisd --check-config; Router assumes a valid config.
std::optional<std::string> validate(const RoutingConfig& config);

}  // namespace relais::routing
