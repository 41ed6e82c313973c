// The discrete-event simulator: a virtual clock drives the real relais::routing::Router and
// ContactReader (relais_routing, not a copy) through a scenario's day, under one policy.
//
//   auto arrivals = generateArrivals(scenario, corpus, seed);   // same for every policy
//   PolicyResult fifo = simulate(scenario, corpus, arrivals, Policy::kFifo, reader);
//   PolicyResult relais = simulate(scenario, corpus, arrivals, Policy::kRelais, reader);
//
// Deterministic: everything random is drawn in generateArrivals from `seed`; simulate() makes
// no random choice. Single-threaded.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "load-tests/common/corpus.h"
#include "load-tests/sim/scenario.h"
#include "routing/contact_reader.h"
#include "routing/routing_config.h"

namespace relais::sim {

// One tenant contact and everything chance decides about it, drawn once per seed.
struct Arrival {
  double at_s = 0;
  routing::Channel channel = routing::Channel::kPhone;
  std::size_t entry = 0;  // corpus entry: text and true labels
  double handle_s = 0;
  double patience_s = std::numeric_limits<double>::infinity();  // phone only
  bool case_found = false;
  bool case_stalled = false;
  bool takes_callback = false;
};

std::vector<Arrival> generateArrivals(const Scenario& scenario, const loadtests::Corpus& corpus,
                                      std::uint64_t seed);

enum class Policy : unsigned char {
  // Asterisk app_queue-like: one FIFO per skill queue chosen by the IVR/form menu (the true
  // intent), longest-idle agent, no reading, no automatic answer, no callbacks.
  kFifo,
  // Everything: the reader's reading, priorities, rings, reassurance queue, incivility rules,
  // callbacks, and automatic answers to status requests on cases that are on time.
  kRelais,
};
std::string_view policyName(Policy p);

// The routing configuration a policy runs with on a scenario.
routing::RoutingConfig configFor(const Scenario& scenario, Policy policy);

struct PolicyResult {
  std::string policy;
  long long contacts = 0;            // arrivals
  long long handled_by_people = 0;   // accepted by an agent
  long long auto_answered = 0;       // answered by relais and served
  long long auto_answer_failed = 0;  // answered automatically but not what the tenant asked:
                                     // came back to a person
  double containment = 0;            // auto_answered / contacts
  long long phone_queued = 0;
  long long abandoned = 0;
  double abandonment_rate = 0;  // abandoned / phone contacts that went to a queue
  long long callbacks_taken = 0;
  double callback_p95_delay_s = 0;  // from the call to the agent's callback
  // Calls held on the line (callbacks excluded): answered within T / (answered + abandoned +
  // still waiting at the end).
  double voice_sl20 = 0, voice_sl60 = 0;
  double voice_asa_s = 0;            // mean wait of answered calls held on the line
  double voice_p_wait = 0;           // share of answered + abandoned calls that waited
  double voice_mean_wait_all_s = 0;  // mean wait of every call, answered or abandoned
  double p95_wait_urgent_s = 0, p95_wait_reassurance_s = 0, p95_wait_all_s = 0;
  routing::PerChannel<double> p95_wait_by_channel{};
  long long urgent_people = 0, reassurance_people = 0;
  long long urgent_abandoned = 0;  // urgent callers who hung up (not in the p95 waits)
  long long still_waiting_at_end = 0;
  int aggressive_max_per_agent = 0;
  double aggressive_jain = 1;
  // Share of staffed time (logged in, not on break) holding at least one contact. Written
  // contacts may be held several at once, so handling hours can exceed staffed hours.
  double occupancy = 0;
  double work_hours = 0;               // handling time of the contacts people took
  std::vector<int> waiting_per_15min;  // waiting contacts at each quarter hour from 00:00
  double seconds_simulated = 0;
};

PolicyResult simulate(const Scenario& scenario, const loadtests::Corpus& corpus,
                      const std::vector<Arrival>& arrivals, Policy policy,
                      const routing::ContactReader& reader);

}  // namespace relais::sim
