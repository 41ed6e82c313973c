// CallGate: what every RPC passes before any work is posted: who is calling, whether the role
// may call the method (and act as that agent), the per-client rate limit, and the cap on
// concurrent agent streams. Refusals finish the call at once and are counted like any RPC.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <string_view>

#include "daemon/auth.h"
#include "daemon/config.h"
#include "daemon/metrics.h"
#include "daemon/rate_limiter.h"

namespace relais::daemon {

class CallGate {
 public:
  CallGate(const DaemonConfig& config, Metrics& metrics);

  // OK, or the status to refuse the call with (UNAUTHENTICATED, PERMISSION_DENIED, or
  // RESOURCE_EXHAUSTED with retry-after metadata added to `ctx`).
  grpc::Status admit(grpc::CallbackServerContext* ctx, Method method,
                     std::string_view agent_id = {});

  // For unary handlers: nullptr when admitted, else a reactor already finished with the refusal.
  grpc::ServerUnaryReactor* refuse(grpc::CallbackServerContext* ctx, Method method,
                                   std::string_view agent_id = {});

  // Agent streams: reserve a slot before opening one, release it when the stream is done.
  bool openStream();
  void closeStream();

  bool authenticating() const { return auth_.enabled(); }

 private:
  Authenticator auth_;
  RateLimiter limiter_;
  Metrics& metrics_;
  const std::size_t max_streams_;
  std::atomic<std::size_t> streams_{0};
};

// The short method name used as the `method` metric label ("Submit").
const char* metricName(Method method);

}  // namespace relais::daemon
