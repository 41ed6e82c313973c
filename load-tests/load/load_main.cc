// relais-load: how close relaisd's Submit comes to the limit of gRPC itself. Measures a bare
// gRPC server (same API, same threading, no work) and relaisd one after the other with the same
// client settings, and prints both and their ratio. See load-tests/README.md.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "load-tests/load/baseline_server.h"
#include "load-tests/load/child_process.h"
#include "load-tests/load/load_driver.h"

namespace {

using relais::loadtests::LoadResult;
using relais::loadtests::LoadSettings;

bool isLoopback(const std::string& address) {
  const std::string host = address.substr(0, address.rfind(':'));
  return host == "localhost" || host.rfind("127.", 0) == 0 || host == "[::1]" || host == "::1";
}

void printRow(const LoadResult& r) {
  std::printf("%-9s %12.0f %9.3f %9.3f %10.3f %10lld %10lld %8lld\n", r.label.c_str(), r.throughput,
              r.p50_ms, r.p99_ms, r.p999_ms, r.ok, r.exhausted, r.errors);
}

nlohmann::json toJson(const LoadResult& r) {
  return {{"label", r.label},
          {"ok", r.ok},
          {"resource_exhausted", r.exhausted},
          {"errors", r.errors},
          {"error_codes", r.error_codes},
          {"first_error", r.first_error},
          {"dropped", r.dropped},
          {"seconds", r.seconds},
          {"throughput_per_s", r.throughput},
          {"latency_ms",
           {{"p50", r.p50_ms}, {"p99", r.p99_ms}, {"p99.9", r.p999_ms}, {"mean", r.mean_ms}}},
          {"agent_offers", r.agent_offers},
          {"agent_completed", r.agent_completed}};
}

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

// The embedded default queues (routing/routing_config.cc) with a higher max_waiting, so a run
// at full speed measures Submit rather than admission control; nothing else differs from the
// defaults (durability included).
std::string relaisdConfig(int queue_limit) {
  const std::string limit = std::to_string(queue_limit);
  return "routing:\n"
         "  queues:\n"
         "    - {name: technical, secondary_skills: [general], ring_thresholds: [90s], "
         "max_waiting: " +
         limit +
         "}\n"
         "    - {name: tenancy, secondary_skills: [general], ring_thresholds: [90s], "
         "max_waiting: " +
         limit +
         "}\n"
         "    - {name: neighbourhood, secondary_skills: [proximity, general], "
         "ring_thresholds: [60s, 180s], max_waiting: " +
         limit +
         "}\n"
         "    - {name: proximity, secondary_skills: [neighbourhood, general], "
         "ring_thresholds: [60s, 180s], max_waiting: " +
         limit +
         "}\n"
         "    - {name: general, secondary_skills: [tenancy, technical], "
         "ring_thresholds: [120s, 240s], max_waiting: " +
         limit + "}\n";
}

std::string secondsText(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", s);
  return buf;
}

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// The servers every round measures: the same ones, started afresh for each round.
struct Servers {
  std::string self_exe;      // relais-load itself, which serves the baseline
  bool baseline = true;
  bool self_test = false;    // start relaisd_path; otherwise drive `target`
  std::string target;
  std::string relaisd_path;
  int queue_limit = 0;
};

// Baseline (unless switched off) then relaisd, once, with the same client settings. With
// --self-test both servers are started for this round alone, relaisd on a fresh data directory
// under `dir`, so that every round measures the same thing.
std::vector<LoadResult> measureRound(const LoadSettings& s, const relais::loadtests::Corpus& corpus,
                                     const Servers& servers, const std::string& run_id,
                                     const std::string& dir) {
  std::filesystem::create_directories(dir);
  std::vector<LoadResult> results;
  if (servers.baseline) {
    relais::loadtests::ChildProcess baseline({servers.self_exe, "--serve-baseline", "127.0.0.1:0"},
                                             dir + "/baseline.log");
    LoadSettings b = s;
    b.address = baseline.grpcAddress();
    b.label = "baseline";
    b.id_prefix = "b" + run_id;
    b.agents = 0;  // the baseline has no AgentDesk
    results.push_back(runLoad(b, corpus));
    baseline.stop();
  }
  LoadSettings r = s;
  r.label = "relaisd";
  r.id_prefix = "r" + run_id;
  if (!servers.self_test) {
    r.address = servers.target;
    results.push_back(runLoad(r, corpus));
    return results;
  }
  std::filesystem::create_directories(dir + "/data");
  std::vector<std::string> args = {servers.relaisd_path, "--grpc-listen", "127.0.0.1:0",
                                   "--metrics-listen",   "127.0.0.1:0",   "--data-dir",
                                   dir + "/data"};
  if (servers.queue_limit > 0) {
    std::ofstream(dir + "/relaisd.yaml") << relaisdConfig(servers.queue_limit);
    args.push_back("--config");
    args.push_back(dir + "/relaisd.yaml");
  }
  relais::loadtests::ChildProcess relaisd(args, dir + "/relaisd.log");
  r.address = relaisd.grpcAddress();
  results.push_back(runLoad(r, corpus));
  if (const int status = relaisd.stop(); status != 0) {
    std::cerr << "relais-load: relaisd exited with status " << status << "\n";
  }
  return results;
}

// One row per server over every round: throughput and latencies are the rounds' medians, counts
// are summed (a single round comes back as it was).
std::vector<LoadResult> medianResults(const std::vector<std::vector<LoadResult>>& rounds) {
  std::vector<LoadResult> out(rounds.front().size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    const auto median_of = [&rounds, k](double LoadResult::*field) {
      std::vector<double> values;
      for (const auto& round : rounds) {
        values.push_back(round[k].*field);
      }
      return median(values);
    };
    LoadResult& m = out[k];
    m.label = rounds.front()[k].label;
    for (const auto& round : rounds) {
      const LoadResult& r = round[k];
      m.ok += r.ok;
      m.exhausted += r.exhausted;
      m.errors += r.errors;
      m.dropped += r.dropped;
      m.seconds += r.seconds;
      m.agent_offers += r.agent_offers;
      m.agent_completed += r.agent_completed;
      for (const auto& [code, n] : r.error_codes) {
        m.error_codes[code] += n;
      }
      if (m.first_error.empty()) {
        m.first_error = r.first_error;
      }
    }
    m.throughput = median_of(&LoadResult::throughput);
    m.p50_ms = median_of(&LoadResult::p50_ms);
    m.p99_ms = median_of(&LoadResult::p99_ms);
    m.p999_ms = median_of(&LoadResult::p999_ms);
    m.mean_ms = median_of(&LoadResult::mean_ms);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"relais-load: Submit throughput and latency of relaisd against a bare gRPC server"};
  LoadSettings s;
  bool self_test = false;
  std::string target;
  std::string serve_baseline;
  std::vector<std::string> corpus_files;
  std::string json_file;
  std::string relaisd_path = RELAISD_PATH;
  bool no_baseline = false;
  int queue_limit = 1'000'000;
  int rounds = 1;
  app.add_flag("--self-test", self_test,
               "start the baseline and a relaisd of this build on free loopback ports");
  app.add_option("--target", target, "drive an already running relaisd at HOST:PORT");
  app.add_option("--clients", s.clients, "closed loop: Submit calls kept in flight")
      ->capture_default_str();
  app.add_option("--rate", s.rate, "open loop: Poisson arrivals per second (replaces --clients)");
  app.add_option("--seconds", s.seconds, "measured seconds per server")->capture_default_str();
  app.add_option("--warmup", s.warmup, "seconds run before measuring")->capture_default_str();
  app.add_option("--count", s.count, "stop after this many calls per server instead of --seconds");
  app.add_option("--corpus", corpus_files, "JSON-lines corpus of texts (repeated, fresh ids)");
  app.add_option("--agents", s.agents,
                 "scripted AgentDesk agents on relaisd that accept and complete every offer")
      ->capture_default_str();
  app.add_option("--connections", s.connections, "HTTP/2 connections per server")
      ->capture_default_str();
  app.add_option("--seed", s.seed, "seed of the open-loop arrivals")->capture_default_str();
  app.add_option("--json", json_file, "write a JSON report here");
  app.add_option("--relaisd", relaisd_path, "relaisd binary for --self-test")
      ->capture_default_str();
  app.add_flag("--no-baseline", no_baseline, "measure relaisd only");
  app.add_option("--rounds", rounds,
                 "measure baseline then relaisd this many times (fresh servers each round with "
                 "--self-test) and report the medians: a shared machine drifts between runs")
      ->capture_default_str()
      ->check(CLI::Range(1, 99));
  app.add_option("--token", s.token,
                 "bearer token of an intake client, sent with every Submit (default: "
                 "$RELAIS_TOKEN); scripted agents send none");
  app.add_option("--queue-limit", queue_limit,
                 "--self-test: max_waiting of every queue of the relaisd started (0: the "
                 "daemon's default of 10000)")
      ->capture_default_str();
  app.add_option("--serve-baseline", serve_baseline,
                 "internal: run the bare baseline server on HOST:PORT until SIGTERM")
      ->group("");
  if (const char* token = std::getenv("RELAIS_TOKEN")) {
    s.token = token;
  }
  CLI11_PARSE(app, argc, argv);

  if (!serve_baseline.empty()) {
    return relais::loadtests::serveBaselineUntilSignalled(serve_baseline);
  }
  if (self_test == !target.empty()) {
    std::cerr << "relais-load: give exactly one of --self-test or --target HOST:PORT\n";
    return 2;
  }
  if (s.seconds <= 0 && s.count <= 0) {
    std::cerr << "relais-load: --seconds or --count must be positive (runs are bounded)\n";
    return 2;
  }
  if (corpus_files.empty()) {
    corpus_files = relais::loadtests::defaultCorpusFiles();
  }
  std::string error;
  auto corpus = relais::loadtests::loadCorpus(corpus_files, error);
  if (!corpus) {
    std::cerr << "relais-load: corpus: " << error << "\n";
    return 2;
  }
  s.progress = isatty(STDERR_FILENO) != 0;

  const std::string work_dir = relais::loadtests::makeTempDir("relais-load");
  const std::string self_exe = std::filesystem::read_symlink("/proc/self/exe").string();
  const Servers servers{self_exe, !no_baseline, self_test, target, relaisd_path, queue_limit};
  std::vector<std::vector<LoadResult>> per_round;
  const auto run_id = std::to_string(::getpid()) + "-" +
                      std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  try {
    for (int round = 1; round <= rounds; ++round) {
      const std::string round_id = rounds > 1 ? run_id + "-" + std::to_string(round) : run_id;
      const std::string round_dir =
          rounds > 1 ? work_dir + "/round-" + std::to_string(round) : work_dir;
      per_round.push_back(measureRound(s, *corpus, servers, round_id, round_dir));
      if (rounds > 1 && s.progress) {
        std::fprintf(stderr, "round %d of %d done\n", round, rounds);
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "relais-load: " << e.what() << "\n";
    return 1;
  }
  const std::vector<LoadResult> results = medianResults(per_round);
  std::error_code ec;
  std::filesystem::remove_all(work_dir, ec);

  const unsigned cores = std::thread::hardware_concurrency();
  std::printf(
      "relais-load: %s, %s, %s per server, corpus %zu texts from %s\n",
      s.rate > 0 ? ("open loop " + std::to_string(s.rate) + "/s").c_str()
                 : ("closed loop, " + std::to_string(s.clients) + " calls in flight").c_str(),
      (std::to_string(s.connections) + " connections").c_str(),
      s.count > 0 ? (std::to_string(s.count) + " calls").c_str() : secondsText(s.seconds).c_str(),
      corpus->entries.size(), corpus_files.front().c_str());
  std::printf("cores: %u, shared by this client and the server under test (%s)\n", cores,
              self_test ? "self-test: both on this machine"
                        : (isLoopback(target) ? "loopback target" : "remote target"));
  if (self_test) {
    std::printf(
        "relaisd: %s, fresh data directory, default durability (sync normal)%s\n",
        relaisd_path.c_str(),
        queue_limit > 0 ? (", queues' max_waiting " + std::to_string(queue_limit)).c_str() : "");
  }
  if (s.agents > 0) {
    std::printf("agents: %d scripted agents on relaisd (their AgentDesk calls are not counted)\n",
                s.agents);
  }
  if (per_round.size() > 1) {
    for (std::size_t i = 0; i < per_round.size(); ++i) {
      std::printf("round %zu:", i + 1);
      for (const auto& r : per_round[i]) {
        std::printf("  %s %.0f/s p99 %.3f ms", r.label.c_str(), r.throughput, r.p99_ms);
      }
      if (per_round[i].size() == 2) {
        std::printf("  ratio %.3f", ratio(per_round[i][1].throughput, per_round[i][0].throughput));
      }
      std::printf("\n");
    }
    std::printf("medians of %zu rounds (ok, exhausted and errors summed):\n", per_round.size());
  }
  std::printf("%-9s %12s %9s %9s %10s %10s %10s %8s\n", "server", "Submit/s", "p50 ms", "p99 ms",
              "p99.9 ms", "ok", "exhausted", "errors");
  for (const auto& r : results) {
    printRow(r);
  }
  for (const auto& r : results) {
    if (!r.first_error.empty()) {
      std::printf("%s first error: %s\n", r.label.c_str(), r.first_error.c_str());
    }
    if (r.exhausted > 0) {
      std::printf("%s: %lld RESOURCE_EXHAUSTED (queue full) not counted as throughput\n",
                  r.label.c_str(), r.exhausted);
    }
    if (r.agent_offers > 0) {
      std::printf("%s: agents got %lld offers, completed %lld\n", r.label.c_str(), r.agent_offers,
                  r.agent_completed);
    }
  }
  nlohmann::json report = {{"clients", s.clients},
                           {"rate", s.rate},
                           {"seconds", s.seconds},
                           {"count", s.count},
                           {"connections", s.connections},
                           {"agents", s.agents},
                           {"cores", cores},
                           {"corpus", corpus_files},
                           {"self_test", self_test},
                           {"round_count", rounds},
                           {"target", target},
                           {"queue_limit", self_test ? queue_limit : 0}};
  for (const auto& r : results) {
    report["results"].push_back(toJson(r));
  }
  report["rounds"] = nlohmann::json::array();
  for (const auto& round : per_round) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : round) {
      rows.push_back(toJson(r));
    }
    report["rounds"].push_back(rows);
  }
  double throughput_ratio = 0;
  if (results.size() == 2) {
    // Each round's ratio pairs two runs seconds apart; the median of those is steadier on a
    // drifting machine than the ratio of the medians.
    std::vector<double> tput, p50, p99, p999;
    for (const auto& round : per_round) {
      const auto& b = round[0];
      const auto& d = round[1];
      tput.push_back(ratio(d.throughput, b.throughput));
      p50.push_back(ratio(d.p50_ms, b.p50_ms));
      p99.push_back(ratio(d.p99_ms, b.p99_ms));
      p999.push_back(ratio(d.p999_ms, b.p999_ms));
    }
    throughput_ratio = median(tput);
    std::printf("latency relaisd/baseline%s: p50 %.2fx  p99 %.2fx  p99.9 %.2fx\n",
                per_round.size() > 1 ? " (median of the rounds' ratios)" : "", median(p50),
                median(p99), median(p999));
    report["ratio"] = {{"throughput", throughput_ratio},
                       {"p50", median(p50)},
                       {"p99", median(p99)},
                       {"p99.9", median(p999)}};
  }
  if (!json_file.empty()) {
    std::ofstream out(json_file);
    out << report.dump(2) << "\n";
    if (!out) {
      std::cerr << "relais-load: cannot write " << json_file << "\n";
      return 1;
    }
  }
  const bool failed = std::any_of(per_round.begin(), per_round.end(), [](const auto& round) {
    return round.empty() || round.back().ok == 0;
  });
  std::printf("ratio %.3f\n", throughput_ratio);
  return failed ? 1 : 0;
}
