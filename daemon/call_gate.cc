#include "daemon/call_gate.h"

#include <cmath>
#include <cstring>
#include <string>

#include "daemon/tsan_handoff.h"
#include "daemon/unary_call.h"

namespace relais::daemon {

const char* metricName(Method method) {
  const char* full = methodName(method);
  const char* slash = std::strchr(full, '/');
  return slash ? slash + 1 : full;
}

CallGate::CallGate(const DaemonConfig& config, Metrics& metrics)
    : auth_(config.security),
      // Without authentication every caller is the same anonymous client: a shared bucket
      // would let one load test throttle everyone, so the limit needs identities.
      limiter_(config.security.clients.empty() ? 0.0 : config.rate_per_client,
               config.rate_burst),
      metrics_(metrics),
      max_streams_(config.max_agent_streams) {}

grpc::Status CallGate::admit(grpc::CallbackServerContext* ctx, Method method,
                             std::string_view agent_id) {
  grpcHandoffAcquire();
  Principal who;
  if (auto status = auth_.admit(*ctx, method, agent_id, who); !status.ok()) {
    return status;
  }
  const auto wait = limiter_.acquire(who.name, RateLimiter::Clock::now());
  if (wait == RateLimiter::Clock::duration::zero()) {
    return grpc::Status::OK;
  }
  const auto wait_ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
  ctx->AddTrailingMetadata("retry-after-ms", std::to_string(wait_ms));
  ctx->AddTrailingMetadata("retry-after-seconds", std::to_string((wait_ms + 999) / 1000));
  return {grpc::StatusCode::RESOURCE_EXHAUSTED,
          "rate limit: client " + who.name + " is over its calls per second; retry in " +
              std::to_string(wait_ms) + " ms"};
}

grpc::ServerUnaryReactor* CallGate::refuse(grpc::CallbackServerContext* ctx, Method method,
                                           std::string_view agent_id) {
  const auto start = std::chrono::steady_clock::now();
  auto status = admit(ctx, method, agent_id);
  if (status.ok()) {
    return nullptr;
  }
  recordRpc(metrics_, metricName(method), status.error_code(), start);
  auto* reactor = ctx->DefaultReactor();
  grpcHandoffRelease();
  reactor->Finish(status);
  return reactor;
}

bool CallGate::openStream() {
  auto current = streams_.load();
  do {
    if (current >= max_streams_) {
      return false;
    }
  } while (!streams_.compare_exchange_weak(current, current + 1));
  return true;
}

void CallGate::closeStream() { streams_.fetch_sub(1); }

}  // namespace relais::daemon
