#include "daemon/metrics.h"

#include "routing/agent.h"
#include "routing/auto_answer.h"
#include "routing/channel.h"

namespace relais::daemon {
namespace {

template <typename Builder>
auto& build(Builder&& b, const char* name, const char* help, prometheus::Registry& r) {
  return b.Name(name).Help(help).Register(r);
}

}  // namespace

Metrics::Metrics()
    : registry(std::make_shared<prometheus::Registry>()),
      contacts_received(build(prometheus::BuildCounter(), "relais_contacts_received_total",
                              "Contacts accepted by Submit, by channel.", *registry)),
      contacts_outcome(build(prometheus::BuildCounter(), "relais_contacts_outcome_total",
                             "Submit outcomes (queued, auto_answered, merged, callback_offered) "
                             "by channel.",
                             *registry)),
      contacts_rejected(build(prometheus::BuildCounter(), "relais_contacts_rejected_total",
                              "Submits refused, by reason (invalid_argument, queue_full).",
                              *registry)),
      contacts_waiting(build(prometheus::BuildGauge(), "relais_contacts_waiting",
                             "Contacts waiting for an agent, by queue and channel.", *registry)),
      oldest_wait(build(prometheus::BuildGauge(), "relais_oldest_wait_seconds",
                        "Wait of the oldest waiting contact, by queue and channel.", *registry)),
      estimated_wait(build(prometheus::BuildGauge(), "relais_estimated_wait_seconds",
                           "Estimated wait for a new contact, by queue and channel.", *registry)),
      service_level(build(prometheus::BuildGauge(), "relais_service_level_ratio",
                          "Share of contacts answered within the channel's target over the "
                          "observation window, by queue and channel.",
                          *registry)),
      service_target(build(prometheus::BuildGauge(), "relais_service_target_seconds",
                           "The wait within which a contact counts as answered in time, by "
                           "queue and channel.",
                           *registry)),
      wait_seconds(build(prometheus::BuildHistogram(), "relais_wait_seconds",
                         "Time from queueing to acceptance by an agent, by channel.", *registry)),
      agents(build(prometheus::BuildGauge(), "relais_agents", "Connected agents by state.",
                   *registry)),
      occupancy(build(prometheus::BuildGauge(), "relais_agent_occupancy_ratio",
                      "Share of connected agents' capacity in use.", *registry)),
      offers(build(prometheus::BuildCounter(), "relais_offers_total",
                   "Offers to agents by outcome (offered, accepted, declined, timeout, "
                   "disconnect).",
                   *registry)),
      merges(build(prometheus::BuildCounter(), "relais_merges_total",
                   "Repeat contacts merged into a waiting one, by channel.", *registry)),
      abandoned(build(prometheus::BuildCounter(), "relais_contacts_abandoned_total",
                      "Contacts whose tenant gave up while waiting, by channel.", *registry)),
      agent_exposure(build(prometheus::BuildGauge(), "relais_agent_aggressive_exposure",
                           "Aggressive contacts handled per agent, over the last hour "
                           "(window=\"1h\") and the current shift (window=\"shift\").",
                           *registry)),
      callbacks(build(prometheus::BuildCounter(), "relais_callbacks_total",
                      "Phone callbacks by event (offered, accepted).", *registry)),
      completions(build(prometheus::BuildCounter(), "relais_contacts_completed_total",
                        "Contacts closed by agents, by channel and resolution.", *registry)),
      aggressive_handled(build(prometheus::BuildCounter(), "relais_aggressive_contacts_total",
                               "Aggressive contacts accepted by agents.", *registry)),
      auto_answers(build(prometheus::BuildCounter(), "relais_auto_answers_total",
                         "Contacts answered automatically, by channel.", *registry)),
      escalations(build(prometheus::BuildCounter(), "relais_escalations_total",
                        "Status requests sent to a person instead of an automatic answer, by "
                        "reason.",
                        *registry)),
      feedback(build(prometheus::BuildCounter(), "relais_auto_answer_feedback_total",
                     "Feedback on automatic answers, by answered (true, false).", *registry)),
      containment(build(prometheus::BuildGauge(), "relais_containment_ratio",
                        "Share of contacts since start answered automatically, among those "
                        "answered automatically or sent to a person.",
                        *registry)),
      cases_upserted(build(prometheus::BuildCounter(), "relais_cases_upserted_total",
                           "Case feed upserts, by applied (true, false).", *registry)),
      commit_seconds(build(prometheus::BuildHistogram(), "relais_storage_commit_seconds",
                           "Duration of one storage group commit.", *registry)),
      storage_errors(build(prometheus::BuildCounter(), "relais_storage_errors_total",
                           "Storage commits that failed.", *registry)),
      rpc_requests(build(prometheus::BuildCounter(), "relais_rpc_requests_total",
                         "gRPC requests handled, by method and status code.", *registry)),
      rpc_seconds(build(prometheus::BuildHistogram(), "relais_rpc_duration_seconds",
                        "gRPC request latency as seen by the server, by method.", *registry)),
      agent_streams(build(prometheus::BuildGauge(), "relais_agent_streams",
                          "Open AgentDesk.Connect streams.", *registry)) {
  // Series that exist from the start read 0 instead of being absent, so rates and alerts work
  // before the first event of each kind.
  for (auto channel : routing::kAllChannels) {
    const std::string name(routing::channelName(channel));
    contacts_received.Add({{"channel", name}});
    abandoned.Add({{"channel", name}});
    auto_answers.Add({{"channel", name}});
    merges.Add({{"channel", name}});
    for (const char* outcome : {"queued", "auto_answered", "merged", "callback_offered"}) {
      contacts_outcome.Add({{"channel", name}, {"outcome", outcome}});
    }
    for (const char* resolved : {"true", "false"}) {
      completions.Add({{"channel", name}, {"resolved", resolved}});
    }
    wait_seconds.Add({{"channel", name}}, waitBuckets());
  }
  for (std::size_t s = 0; s < routing::kAgentStateCount; ++s) {
    agents.Add(
        {{"state", std::string(routing::agentStateName(static_cast<routing::AgentState>(s)))}});
  }
  for (const char* outcome :
       {"offered", "accepted", "declined", "timeout", "disconnect", "abandoned"}) {
    offers.Add({{"outcome", outcome}});
  }
  for (auto e = static_cast<int>(routing::Escalation::kUrgent);
       e <= static_cast<int>(routing::Escalation::kReassurance); ++e) {
    escalations.Add({{"reason", std::string(routing::escalationName(
                                    static_cast<routing::Escalation>(e)))}});
  }
  escalations.Add({{"reason", "feedback_not_answered"}});
  for (const char* answered : {"true", "false"}) {
    feedback.Add({{"answered", answered}});
    cases_upserted.Add({{"applied", answered}});
  }
  for (const char* reason : {"invalid_argument", "queue_full"}) {
    contacts_rejected.Add({{"reason", reason}});
  }
  for (const char* event : {"offered", "accepted"}) {
    callbacks.Add({{"event", event}});
  }
  aggressive_handled.Add({});
  containment.Add({});
  occupancy.Add({});
  commit_seconds.Add({}, latencyBuckets());
  storage_errors.Add({});
  agent_streams.Add({});
}

Metrics::RpcSeries Metrics::rpcSeries(const char* method, const char* code_name) {
  const std::lock_guard lock(rpc_series_mutex_);
  auto [it, added] = rpc_series_.try_emplace({method, code_name});
  if (added) {
    it->second.requests = &rpc_requests.Add({{"method", method}, {"code", code_name}});
    it->second.seconds = &rpc_seconds.Add({{"method", method}}, latencyBuckets());
  }
  return it->second;
}

prometheus::Histogram::BucketBoundaries Metrics::waitBuckets() {
  return {1, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 8 * 3600, 86400};
}

prometheus::Histogram::BucketBoundaries Metrics::latencyBuckets() {
  return {50e-6, 100e-6, 250e-6, 500e-6, 1e-3, 2.5e-3, 5e-3, 10e-3, 25e-3, 50e-3, 100e-3,
          250e-3, 500e-3, 1.0, 2.5};
}

std::unique_ptr<prometheus::Exposer> exposeMetrics(const Metrics& metrics,
                                                   const std::string& listen) {
  auto exposer = std::make_unique<prometheus::Exposer>(listen);
  exposer->RegisterCollectable(metrics.registry);
  return exposer;
}

}  // namespace relais::daemon
