#include "load-tests/sim/erlang.h"

#include <cmath>
#include <limits>
#include <vector>

namespace relais::sim {

ErlangFigures erlangC(double lambda, double mu, int c) {
  ErlangFigures f;
  const double a = lambda / mu;  // offered load in Erlangs
  if (a >= c) {
    f.p_wait = 1;
    f.asa = std::numeric_limits<double>::infinity();
    return f;
  }
  double b = 1.0;  // Erlang B by the stable recurrence B(k) = a B(k-1) / (k + a B(k-1))
  for (int k = 1; k <= c; ++k) {
    b = a * b / (k + a * b);
  }
  f.p_wait = c * b / (c - a * (1 - b));
  f.asa = f.p_wait / (c * mu - lambda);
  f.mean_wait_answered = f.asa;
  return f;
}

ErlangFigures erlangA(double lambda, double mu, double theta, int c) {
  // Unnormalised stationary probabilities p[n], in log space against overflow.
  std::vector<double> logp = {0.0};
  double max_log = 0;
  for (int n = 1;; ++n) {
    const double death = std::min(n, c) * mu + std::max(n - c, 0) * theta;
    logp.push_back(logp.back() + std::log(lambda) - std::log(death));
    max_log = std::max(max_log, logp.back());
    if (n > c && logp.back() < max_log - 50) {  // tail below e^-50 of the mode
      break;
    }
    if (n > 1'000'000) {
      break;
    }
  }
  double total = 0, waiting = 0, queue_length = 0;
  for (std::size_t n = 0; n < logp.size(); ++n) {
    const double p = std::exp(logp[n] - max_log);
    total += p;
    if (static_cast<int>(n) >= c) {
      waiting += p;
      queue_length += p * static_cast<double>(static_cast<int>(n) - c);
    }
  }
  ErlangFigures f;
  f.p_wait = waiting / total;  // PASTA: arrivals see the time-stationary distribution
  const double lq = queue_length / total;
  f.p_abandon = theta * lq / lambda;  // abandonment flow over arrival flow
  f.asa = lq / lambda;                // Little: mean time in queue over all arrivals
  // Answered calls: waits of those served. Total waiting time splits into the waits of callers
  // who were answered and of those who left; the latter's mean is not known in closed form, so
  // only the all-arrivals mean is given.
  f.mean_wait_answered = std::numeric_limits<double>::quiet_NaN();
  return f;
}

}  // namespace relais::sim
