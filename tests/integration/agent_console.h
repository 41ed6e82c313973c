// AgentConsole: a test's agent softphone: holds a real AgentDesk.Connect stream and queues the
// events it receives so the test can wait for them with a deadline.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "relais/v1/agent_desk.grpc.pb.h"

namespace relais::testing {

class AgentConsole {
 public:
  AgentConsole(std::shared_ptr<grpc::Channel> channel, v1::ConnectRequest request,
               const std::string& bearer_token = "")
      : stub_(v1::AgentDesk::NewStub(channel)) {
    if (!bearer_token.empty()) {
      ctx_.AddMetadata("authorization", "Bearer " + bearer_token);
    }
    reader_ = stub_->Connect(&ctx_, request);
    thread_ = std::thread([this] {
      v1::AgentEvent event;
      while (reader_->Read(&event)) {
        std::lock_guard lock(mutex_);
        events_.push_back(event);
        cv_.notify_all();
      }
      std::lock_guard lock(mutex_);
      finish_ = reader_->Finish();
      ended_ = true;
      cv_.notify_all();
    });
  }
  ~AgentConsole() { drop(); }

  // Cancels the stream, as a console that crashed or lost its network.
  void drop() {
    if (thread_.joinable()) {
      ctx_.TryCancel();
      thread_.join();
    }
  }

  std::optional<v1::AgentEvent> next(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, timeout, [&] { return !events_.empty() || ended_; }) ||
        events_.empty()) {
      return std::nullopt;
    }
    auto e = events_.front();
    events_.pop_front();
    return e;
  }

  // Skips other events until an offer arrives.
  std::optional<v1::Offer> nextOffer(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      auto e = next(std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now()));
      if (!e) {
        return std::nullopt;
      }
      if (e->has_offer()) {
        return e->offer();
      }
    }
    return std::nullopt;
  }

  bool ended(std::chrono::milliseconds timeout, grpc::Status* status = nullptr) {
    std::unique_lock lock(mutex_);
    const bool done = cv_.wait_for(lock, timeout, [&] { return ended_; });
    if (done && status) {
      *status = finish_;
    }
    return done;
  }

  v1::AgentDesk::Stub& stub() { return *stub_; }

 private:
  std::unique_ptr<v1::AgentDesk::Stub> stub_;
  grpc::ClientContext ctx_;
  std::unique_ptr<grpc::ClientReader<v1::AgentEvent>> reader_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<v1::AgentEvent> events_;
  bool ended_ = false;
  grpc::Status finish_;
};

inline v1::ConnectRequest agentRequest(const std::string& id,
                                       std::initializer_list<const char*> skills) {
  v1::ConnectRequest r;
  r.set_agent_id(id);
  for (const char* s : skills) {
    auto* skill = r.add_skills();
    skill->set_name(s);
    skill->set_proficiency(4);
  }
  return r;
}

}  // namespace relais::testing
