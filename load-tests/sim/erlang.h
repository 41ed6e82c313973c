// Queueing formulas the simulator is checked against.
//
// Erlang C (M/M/c): Poisson arrivals at `lambda` per second, exponential handling of mean
// 1/`mu` seconds, `c` agents, nobody leaves. Erlang A (M/M/c+M): the same with exponential
// patience of mean 1/`theta` seconds; callers whose patience runs out before an agent answers
// hang up. Erlang A is solved exactly from its birth-death chain (state = calls in the system,
// births lambda, deaths min(n,c)*mu + max(n-c,0)*theta), truncated where the tail is negligible.
#pragma once

namespace relais::sim {

struct ErlangFigures {
  double p_wait = 0;              // probability an arrival waits at all
  double asa = 0;                 // mean wait of all arrivals, in seconds (answered or not)
  double p_abandon = 0;           // Erlang A only
  double mean_wait_answered = 0;  // mean wait of answered calls (Erlang C: asa / 1)
};

// Requires lambda < c * mu (a stable queue); returns p_wait = 1 and asa = inf otherwise.
ErlangFigures erlangC(double lambda, double mu, int c);
// Stable for any load when theta > 0.
ErlangFigures erlangA(double lambda, double mu, double theta, int c);

}  // namespace relais::sim
