// AgentStream: the reactor of one AgentDesk.Connect call, and the agent's AgentSink. It lives on
// the routing strand: gRPC callbacks only post to the strand, which writes one event at a time
// and deletes the reactor after OnDone. A stream that ends for any reason disconnects the agent.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <deque>
#include <string>

#include "daemon/call_gate.h"
#include "daemon/core.h"
#include "daemon/metrics.h"
#include "daemon/routing_loop.h"
#include "relais/v1/agent_desk.grpc.pb.h"

namespace relais::daemon {

class AgentStream final : public grpc::ServerWriteReactor<v1::AgentEvent>, public AgentSink {
 public:
  // Holds one of the gate's stream slots (reserved by the caller) until OnDone.
  AgentStream(Core& core, RoutingLoop& loop, Metrics& metrics, CallGate& gate,
              const v1::ConnectRequest* request);

  // AgentSink, on the strand.
  void send(v1::AgentEvent event) override;
  void end(const std::string& why) override;

  // gRPC callbacks, on gRPC's threads.
  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  void writeNext();
  void finish(grpc::Status status);

  Core& core_;
  RoutingLoop& loop_;
  Metrics& metrics_;
  CallGate& gate_;
  const std::chrono::steady_clock::time_point start_;
  std::string agent_id_;
  bool connected_ = false;
  bool finished_ = false;
  bool writing_ = false;
  std::deque<v1::AgentEvent> outbox_;  // front() is being written while writing_
};

// A Connect refused before it touched any routing state (credentials, role, stream cap).
class RefusedStream final : public grpc::ServerWriteReactor<v1::AgentEvent> {
 public:
  RefusedStream(Metrics& metrics, grpc::Status status);
  void OnDone() override { delete this; }
};

}  // namespace relais::daemon
