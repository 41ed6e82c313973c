// relais-sim: a simulated day of a contact centre, the same arrivals under each policy, on the
// real routing library. See load-tests/README.md.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "load-tests/common/corpus.h"
#include "load-tests/sim/report.h"
#include "load-tests/sim/scenario.h"
#include "load-tests/sim/simulator.h"

namespace {

std::string resolveScenario(const std::string& name) {
  namespace fs = std::filesystem;
  if (fs::exists(name)) {
    return name;
  }
  const fs::path bundled = fs::path(RELAIS_SCENARIO_DIR) / "sim" / (name + ".json");
  return fs::exists(bundled) ? bundled.string() : name;
}

std::string resolveCorpus(const std::string& file) {
  namespace fs = std::filesystem;
  if (fs::path(file).is_absolute() || fs::exists(file)) {
    return file;
  }
  // Relative names in scenarios are relative to the repository.
  return (fs::path(RELAIS_SCENARIO_DIR).parent_path().parent_path() / file).string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"relais-sim: a simulated contact-centre day on the real routing library"};
  std::string scenario_name = "weekday";
  std::uint64_t seed = 1;
  std::string json_file, svg_file;
  std::vector<std::string> policies = {"fifo", "relais"};
  std::vector<std::string> corpus_files;
  std::string auto_answer;
  app.add_option("--scenario", scenario_name,
                 "scenario file, or the name of one in load-tests/scenarios/sim/")
      ->capture_default_str();
  app.add_option("--seed", seed, "seed of every random draw")->capture_default_str();
  app.add_option("--policy", policies, "policies to run on the same arrivals: fifo, relais")
      ->capture_default_str();
  app.add_option("--corpus", corpus_files, "corpus files instead of the scenario's");
  app.add_option("--auto-answer", auto_answer,
                 "relais policy's automatic answers: simple (default of the scenarios) or "
                 "library (routing::AutoAnswerer)")
      ->check(CLI::IsMember({"simple", "library"}));
  app.add_option("--json", json_file, "write the results as JSON here");
  app.add_option("--svg", svg_file, "write a chart of waiting contacts per 15 minutes here");
  CLI11_PARSE(app, argc, argv);

  std::string error;
  const std::string scenario_file = resolveScenario(scenario_name);
  auto scenario = relais::sim::loadScenario(scenario_file, error);
  if (!scenario) {
    std::cerr << "relais-sim: " << error << "\n";
    return 2;
  }
  if (!auto_answer.empty()) {
    scenario->auto_answer = auto_answer;
  }
  if (corpus_files.empty()) {
    for (const auto& f : scenario->corpus) {
      // "?file": used when present (e.g. the shared sample outside the repository).
      if (!f.empty() && f.front() == '?') {
        const std::string path = resolveCorpus(f.substr(1));
        if (std::filesystem::exists(path)) {
          corpus_files.push_back(path);
        }
      } else {
        corpus_files.push_back(resolveCorpus(f));
      }
    }
  }
  if (corpus_files.empty()) {
    corpus_files = relais::loadtests::defaultCorpusFiles();
  }
  auto corpus = relais::loadtests::loadCorpus(corpus_files, error);
  if (!corpus) {
    std::cerr << "relais-sim: corpus: " << error << "\n";
    return 2;
  }
  std::vector<relais::sim::Arrival> arrivals;
  try {
    arrivals = relais::sim::generateArrivals(*scenario, *corpus, seed);
  } catch (const std::exception& e) {
    std::cerr << "relais-sim: " << e.what() << "\n";
    return 2;
  }
  const relais::routing::ContactReader reader;
  std::vector<relais::sim::PolicyResult> results;
  for (const auto& p : policies) {
    if (p != "fifo" && p != "relais") {
      std::cerr << "relais-sim: unknown policy " << p << " (fifo, relais)\n";
      return 2;
    }
    const auto policy = p == "fifo" ? relais::sim::Policy::kFifo : relais::sim::Policy::kRelais;
    try {
      results.push_back(relais::sim::simulate(*scenario, *corpus, arrivals, policy, reader));
    } catch (const std::exception& e) {
      std::cerr << "relais-sim: " << p << ": " << e.what() << "\n";
      return 1;
    }
  }

  std::cout << "scenario " << scenario->name << " (" << scenario_file << "), seed " << seed
            << ", automatic answers: " << scenario->auto_answer << ", " << arrivals.size()
            << " arrivals, corpus " << corpus->entries.size() << " texts\n";
  if (!scenario->description.empty()) {
    std::cout << scenario->description << "\n";
  }
  std::cout << "\n" << relais::sim::comparisonTable(results);
  nlohmann::json report = {{"scenario", scenario->name},
                           {"seed", seed},
                           {"auto_answer", scenario->auto_answer},
                           {"arrivals", arrivals.size()},
                           {"corpus", corpus_files}};
  if (scenario->single_queue) {
    const auto v = relais::sim::validationFigures(*scenario);
    std::cout << "\n";
    for (const auto& r : results) {
      std::cout << r.policy << ": " << relais::sim::validationReport(v, r);
    }
    report["theory"] = {{"lambda", v.lambda},
                        {"mu", v.mu},
                        {"theta", v.theta},
                        {"agents", v.agents},
                        {"p_wait", v.theory.p_wait},
                        {"asa_s", v.theory.asa},
                        {"p_abandon", v.theory.p_abandon}};
  }
  for (const auto& r : results) {
    report["policies"].push_back(relais::sim::toJson(r));
  }
  if (!json_file.empty()) {
    std::ofstream out(json_file);
    out << report.dump(2) << "\n";
    if (!out) {
      std::cerr << "relais-sim: cannot write " << json_file << "\n";
      return 1;
    }
  }
  if (!svg_file.empty()) {
    double from = scenario->horizon_s, to = 0;
    for (const auto& g : scenario->agents) {
      from = std::min(from, g.shift_from_s);
      to = std::max(to, g.shift_to_s);
    }
    for (const auto& iv : scenario->profile) {
      from = std::min(from, iv.from_s);
    }
    to = std::min(std::max(to, from + 3600), scenario->horizon_s);
    std::ofstream out(svg_file);
    out << relais::sim::waitingChartSvg(results, "Waiting contacts, " + scenario->name, from, to);
    if (!out) {
      std::cerr << "relais-sim: cannot write " << svg_file << "\n";
      return 1;
    }
  }
  return 0;
}
