// RateLimiter: one token bucket per client name, refilled continuously. Called from gRPC's
// threads before any work is posted, so it has its own small lock; time is a parameter.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace relais::daemon {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `per_second` <= 0 admits everything.
  RateLimiter(double per_second, double burst);

  // Takes one token for `client`. Returns zero when admitted, otherwise how long until a token
  // is available (the retry hint).
  Clock::duration acquire(const std::string& client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };

  const double per_second_;
  const double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;  // bounded by the configured clients
};

}  // namespace relais::daemon
