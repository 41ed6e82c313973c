#include "daemon/agent_stream.h"

#include <spdlog/spdlog.h>

#include "daemon/tsan_handoff.h"
#include "daemon/unary_call.h"

namespace relais::daemon {

AgentStream::AgentStream(Core& core, RoutingLoop& loop, Metrics& metrics, CallGate& gate,
                         const v1::ConnectRequest* request)
    : core_(core),
      loop_(loop),
      metrics_(metrics),
      gate_(gate),
      start_(std::chrono::steady_clock::now()) {
  metrics_.agent_streams.Add({}).Increment();
  loop_.post([this, request] {
    auto status = core_.connectAgent(*request, *this);
    if (!status.ok()) {
      finish(status);
      return;
    }
    connected_ = true;
    agent_id_ = request->agent_id();
    spdlog::info("agent {} connected", agent_id_);
  });
}

void AgentStream::send(v1::AgentEvent event) {
  if (finished_) {
    return;
  }
  outbox_.push_back(std::move(event));
  if (!writing_) {
    writeNext();
  }
}

void AgentStream::end(const std::string& why) {
  finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, why));
}

void AgentStream::writeNext() {
  if (outbox_.empty() || finished_) {
    return;
  }
  writing_ = true;
  grpcHandoffRelease();
  StartWrite(&outbox_.front());
}

void AgentStream::OnWriteDone(bool ok) {
  grpcHandoffAcquire();
  loop_.post([this, ok] {
    writing_ = false;
    if (!outbox_.empty()) {
      outbox_.pop_front();
    }
    if (!ok) {
      finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "stream broken"));
      return;
    }
    writeNext();
  });
}

void AgentStream::OnCancel() {
  grpcHandoffAcquire();
  loop_.post([this] { finish(grpc::Status::CANCELLED); });
}

void AgentStream::finish(grpc::Status status) {
  if (finished_) {
    return;
  }
  finished_ = true;
  if (connected_) {
    // Disconnect at once, not at OnDone: offers must go back to the queue immediately.
    core_.disconnectAgent(agent_id_, *this);
    connected_ = false;
    spdlog::info("agent {} disconnected", agent_id_);
  }
  recordRpc(metrics_, "Connect", status.error_code(), start_);
  grpcHandoffRelease();
  Finish(status);
}

void AgentStream::OnDone() {
  grpcHandoffAcquire();
  loop_.post([this] {
    if (connected_) {
      core_.disconnectAgent(agent_id_, *this);
      spdlog::info("agent {} disconnected", agent_id_);
    }
    metrics_.agent_streams.Add({}).Decrement();
    gate_.closeStream();
    delete this;
  });
}

RefusedStream::RefusedStream(Metrics& metrics, grpc::Status status) {
  recordRpc(metrics, "Connect", status.error_code(), std::chrono::steady_clock::now());
  grpcHandoffRelease();
  Finish(status);
}

}  // namespace relais::daemon
