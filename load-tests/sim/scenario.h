// Scenario: one simulated day (or a long stationary run) as a JSON file in load-tests/scenarios/:
// arrivals per channel with an intraday profile, the intent mix drawn from a labelled corpus,
// handling and patience distributions, the cases behind status requests, and the agent roster.
// Plain data, read once; the format is documented in load-tests/README.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "routing/agent.h"
#include "routing/channel.h"
#include "routing/reading.h"

namespace relais::sim {

struct Interval {
  double from_s = 0;  // seconds since the start of the simulated day (00:00)
  double to_s = 0;
  double weight = 1;
};

struct HandlingLaw {
  double mean_s = 300;
  double cv = 0.8;           // lognormal coefficient of variation
  bool exponential = false;  // exponential of mean `mean_s` instead (validation runs)
};

struct BreakSpec {
  double at_s = 0;
  double minutes = 15;
};

struct AgentGroup {
  std::string name;
  int count = 1;
  std::vector<routing::Skill> skills;
  routing::PerChannel<int> capacity = {1, 2, 2, 2};
  double shift_from_s = 8 * 3600.0;
  double shift_to_s = 18 * 3600.0;
  std::vector<BreakSpec> breaks;
  // Staggers breaks across the group: agent i takes each break i*stagger minutes later.
  double break_stagger_minutes = 0;
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> corpus;  // relative to the source tree unless absolute
  int contacts = 1000;              // expected arrivals over the day
  routing::PerChannel<double> channel_mix = {1, 0, 0, 0};
  std::map<routing::Intent, double> intent_mix;
  // Share of drawn texts taken among those labelled urgent (when the intent has some): raises
  // urgency above the corpus' own rate, e.g. after a heating outage.
  double urgent_share = 0;
  std::vector<Interval> profile;  // arrivals, all channels
  std::map<routing::Channel, std::vector<Interval>> profile_by_channel;
  double horizon_s = 20 * 3600.0;  // the simulation stops here
  // Handling: per channel, with optional overrides per intent.
  routing::PerChannel<HandlingLaw> handling{};
  std::map<std::pair<routing::Channel, routing::Intent>, HandlingLaw> handling_by_intent;
  // Exponential patience of phone callers (0 = nobody hangs up).
  double phone_patience_mean_s = 0;
  // Cases behind status requests: found by relais, and stalled (late).
  double case_found = 0.9;
  double case_stalled = 0.25;
  // Phone callers offered a callback who take it.
  double callback_acceptance = 0.5;
  // Minutes before a tenant wrongly answered automatically comes back to a person.
  double failed_auto_answer_return_minutes = 10;
  std::vector<AgentGroup> agents;
  // Routing overrides: wrap-up per channel (seconds); single_queue puts every contact in one
  // "general" queue served by the skill "general" (the M/M/c validation).
  std::optional<routing::PerChannel<double>> wrap_up_s;
  bool single_queue = false;
  // relais policy's automatic answers: "simple" (status_only, case found, on time) or
  // "library" (routing::AutoAnswerer on a CaseBook built from the same draws).
  std::string auto_answer = "simple";
  // Overrides of the relais policy's routing defaults, to see what each feature costs or buys:
  // "reassurance_queue" ("" = none), "wait_for_deescalation_s", "callback_threshold_s".
  std::optional<std::string> relais_reassurance_queue;
  std::optional<double> relais_wait_for_deescalation_s;
  std::optional<double> relais_callback_threshold_s;
};

// Reads a scenario; nullopt and `error` on a missing file, bad JSON or unknown names.
std::optional<Scenario> loadScenario(const std::string& file, std::string& error);

// "08:30" -> 30600.
std::optional<double> parseClock(const std::string& hhmm);

}  // namespace relais::sim
