// What relais-sim prints and writes: the policy comparison as a text table and JSON, the
// waiting-contacts chart as a hand-written SVG, and the Erlang comparison of validation runs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load-tests/sim/erlang.h"
#include "load-tests/sim/scenario.h"
#include "load-tests/sim/simulator.h"

namespace relais::sim {

// A fixed-width table, one column per policy (also valid Markdown).
std::string comparisonTable(const std::vector<PolicyResult>& results);
nlohmann::json toJson(const PolicyResult& r);
// Waiting contacts per quarter hour, one polyline per policy, between `from_s` and `to_s`.
std::string waitingChartSvg(const std::vector<PolicyResult>& results, const std::string& title,
                            double from_s, double to_s);

// The stationary M/M/c (+M) figures of a single-queue phone scenario, from its parameters.
struct ValidationFigures {
  double lambda = 0, mu = 0, theta = 0;
  int agents = 0;
  ErlangFigures theory;
};
ValidationFigures validationFigures(const Scenario& s);
std::string validationReport(const ValidationFigures& v, const PolicyResult& simulated);

}  // namespace relais::sim
