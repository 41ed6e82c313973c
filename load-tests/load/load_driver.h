// LoadDriver: drives ContactIntake.Submit on one server with the gRPC callback client API: a
// few gRPC threads keep many calls in flight, no thread per client. Closed loop (`clients`
// calls always in flight) or open loop (Poisson arrivals at `rate` per second, latency counted
// from the intended send time so a slow server cannot hide its queueing). Optionally runs
// scripted agents on AgentDesk that accept and complete every offer, so queues drain.
//
//   LoadSettings s; s.address = "127.0.0.1:50051"; s.clients = 64; s.seconds = 15;
//   LoadResult r = runLoad(s, corpus);
//
// runLoad blocks until the run is over and every call it started has finished.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "load-tests/common/corpus.h"

namespace relais::loadtests {

struct LoadSettings {
  std::string address;
  std::string label;      // "baseline" or "relaisd", for progress and reports
  std::string id_prefix;  // contact ids are id_prefix + sequence, unique per run
  int clients = 64;       // closed loop: calls in flight
  double rate = 0;        // > 0: open loop with Poisson arrivals at this rate per second
  double seconds = 10;    // measured window, after the warm-up
  double warmup = 1;      // seconds run before measuring (connections, caches)
  long long count = 0;    // > 0: stop after this many calls instead (no warm-up)
  int connections = 4;    // HTTP/2 connections the calls are spread over
  int agents = 0;         // scripted AgentDesk agents
  std::uint64_t seed = 1;
  bool progress = false;  // progress bar on stderr
  std::string token;      // bearer token sent with every Submit (a relaisd with security.clients)
};

struct LoadResult {
  std::string label;
  long long ok = 0;         // Submit OK within the measured window
  long long exhausted = 0;  // RESOURCE_EXHAUSTED (queue full): not counted as throughput
  long long errors = 0;     // any other status
  long long dropped = 0;    // open loop: arrivals not sent because too many were in flight
  std::map<std::string, long long> error_codes;
  std::string first_error;
  double seconds = 0;     // length of the measured window
  double throughput = 0;  // OK replies per second
  double p50_ms = 0, p99_ms = 0, p999_ms = 0, mean_ms = 0;
  long long agent_offers = 0;     // offers the scripted agents received
  long long agent_completed = 0;  // contacts they completed
};

LoadResult runLoad(const LoadSettings& settings, const Corpus& corpus);

}  // namespace relais::loadtests
