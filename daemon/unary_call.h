// serveUnary: the one way relaisd serves a unary RPC. The handler's work runs on the routing
// strand; the RPC finishes once that work's writes are durable, and its count and latency are
// recorded by method. Never blocks a gRPC callback thread.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <string>

#include "daemon/metrics.h"
#include "daemon/routing_loop.h"
#include "daemon/tsan_handoff.h"

namespace relais::daemon {

// A string literal: metrics key their series by its address.
const char* statusCodeName(grpc::StatusCode code);

void recordRpc(Metrics& metrics, const char* method, grpc::StatusCode code,
               std::chrono::steady_clock::time_point start);

// `work(ctx)` runs on the strand and returns the status to finish `reactor` with.
template <typename Work>
void serveUnaryOn(grpc::CallbackServerContext* ctx, grpc::ServerUnaryReactor* reactor,
                  RoutingLoop& loop, Metrics& metrics, const char* method, Work&& work,
                  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now()) {
  loop.post([ctx, reactor, &loop, &metrics, method, start,
             work = std::forward<Work>(work)]() mutable {
    grpc::Status status = work(ctx);
    loop.whenDurable([reactor, &loop, &metrics, method, start,
                      status = std::move(status)](const std::optional<std::string>& error) {
      grpc::Status final_status =
          error && status.ok()
              ? grpc::Status(grpc::StatusCode::UNAVAILABLE, "storage: " + *error + "; retry")
              : status;
      // gRPC writes the reply to the socket inside Finish: keep that off the strand, batched
      // for the whole flush.
      loop.offloadAfterFlush([reactor, &metrics, method, start,
                              final_status = std::move(final_status)] {
        recordRpc(metrics, method, final_status.error_code(), start);
        grpcHandoffRelease();
        reactor->Finish(final_status);
      });
    });
  });
}

template <typename Work>
grpc::ServerUnaryReactor* serveUnary(grpc::CallbackServerContext* ctx, RoutingLoop& loop,
                                     Metrics& metrics, const char* method, Work&& work) {
  auto* reactor = ctx->DefaultReactor();
  serveUnaryOn(ctx, reactor, loop, metrics, method, std::forward<Work>(work));
  return reactor;
}

}  // namespace relais::daemon
