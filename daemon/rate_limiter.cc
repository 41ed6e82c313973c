#include "daemon/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace relais::daemon {

RateLimiter::RateLimiter(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(burst, 1.0)) {}

RateLimiter::Clock::duration RateLimiter::acquire(const std::string& client,
                                                  Clock::time_point now) {
  if (per_second_ <= 0) {
    return Clock::duration::zero();
  }
  std::lock_guard lock(mutex_);
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  auto& bucket = it->second;
  if (!fresh && now > bucket.updated) {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second_);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return Clock::duration::zero();
  }
  const double wait_seconds = (1.0 - bucket.tokens) / per_second_;
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(std::max(wait_seconds, 1e-3)));
}

}  // namespace relais::daemon
