// Metrics: every Prometheus series relaisd exports, declared once and built at start. Names
// follow Prometheus conventions (base units, _total counters, _seconds histograms); labels are
// bounded sets (channel, queue, state, reason, method), never a tenant or contact id.
// prometheus-cpp metrics are thread-safe; relaisd updates them from the routing strand and the
// gRPC threads.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace relais::daemon {

struct Metrics {
  Metrics();

  std::shared_ptr<prometheus::Registry> registry;

  prometheus::Family<prometheus::Counter>& contacts_received;  // {channel}
  prometheus::Family<prometheus::Counter>& contacts_outcome;   // {channel, outcome}
  prometheus::Family<prometheus::Counter>& contacts_rejected;  // {reason}
  prometheus::Family<prometheus::Gauge>& contacts_waiting;     // {queue, channel}
  prometheus::Family<prometheus::Gauge>& oldest_wait;          // {queue, channel}
  prometheus::Family<prometheus::Gauge>& estimated_wait;       // {queue, channel}
  prometheus::Family<prometheus::Gauge>& service_level;        // {queue, channel}
  prometheus::Family<prometheus::Gauge>& service_target;       // {queue, channel}
  prometheus::Family<prometheus::Histogram>& wait_seconds;     // {channel}
  prometheus::Family<prometheus::Gauge>& agents;               // {state}
  prometheus::Family<prometheus::Gauge>& occupancy;            // {}
  prometheus::Family<prometheus::Counter>& offers;             // {outcome}
  prometheus::Family<prometheus::Counter>& merges;             // {channel}
  prometheus::Family<prometheus::Counter>& abandoned;          // {channel}
  prometheus::Family<prometheus::Gauge>& agent_exposure;       // {agent, window}
  prometheus::Family<prometheus::Counter>& callbacks;          // {event}
  prometheus::Family<prometheus::Counter>& completions;        // {channel, resolved}
  prometheus::Family<prometheus::Counter>& aggressive_handled; // {}
  prometheus::Family<prometheus::Counter>& auto_answers;       // {channel}
  prometheus::Family<prometheus::Counter>& escalations;        // {reason}
  prometheus::Family<prometheus::Counter>& feedback;           // {answered}
  prometheus::Family<prometheus::Gauge>& containment;          // {}
  prometheus::Family<prometheus::Counter>& cases_upserted;     // {applied}
  prometheus::Family<prometheus::Histogram>& commit_seconds;   // {}
  prometheus::Family<prometheus::Counter>& storage_errors;     // {}
  prometheus::Family<prometheus::Counter>& rpc_requests;       // {method, code}
  prometheus::Family<prometheus::Histogram>& rpc_seconds;      // {method}
  prometheus::Family<prometheus::Gauge>& agent_streams;        // {}

  // The request counter and latency histogram of one (method, status code), looked up once:
  // building a label map per RPC cost more than the RPC's own metrics. Thread-safe. `method`
  // must outlive the Metrics (string literals do).
  struct RpcSeries {
    prometheus::Counter* requests;
    prometheus::Histogram* seconds;
  };
  RpcSeries rpcSeries(const char* method, const char* code_name);

  // Buckets from one second to a day, for contact waits.
  static prometheus::Histogram::BucketBoundaries waitBuckets();
  // Buckets from 50 us to 2.5 s, for RPC and storage latency.
  static prometheus::Histogram::BucketBoundaries latencyBuckets();

 private:
  std::mutex rpc_series_mutex_;
  std::map<std::pair<const char*, const char*>, RpcSeries> rpc_series_;
};

// Serves `metrics.registry` on http://`listen`/metrics. Throws std::runtime_error when the
// address cannot be bound.
std::unique_ptr<prometheus::Exposer> exposeMetrics(const Metrics& metrics, const std::string& listen);

}  // namespace relais::daemon
