// relaisctl agent: a scripted agent console for demos and load tests.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include "ctl/client.h"
#include "ctl/commands.h"
#include "relais/v1/agent_desk.grpc.pb.h"

namespace relais::ctl {
namespace {

std::optional<v1::Channel> channelNamed(const std::string& name) {
  static const std::map<std::string, v1::Channel> kNames = {
      {"phone", v1::CHANNEL_PHONE},          {"voice", v1::CHANNEL_PHONE},
      {"email", v1::CHANNEL_EMAIL},          {"web", v1::CHANNEL_WEB},
      {"digital_agency", v1::CHANNEL_DIGITAL_AGENCY}, {"chat", v1::CHANNEL_DIGITAL_AGENCY}};
  auto it = kNames.find(name);
  return it == kNames.end() ? std::nullopt : std::optional(it->second);
}

// Completes accepted contacts once their handling time is over, in deadline order.
class Completer {
 public:
  Completer(v1::AgentDesk::Stub& stub, std::string agent_id, std::ostream& out,
            std::mutex& out_mutex)
      : stub_(stub), agent_id_(std::move(agent_id)), out_(out), out_mutex_(out_mutex) {
    thread_ = std::thread([this] { run(); });
  }
  ~Completer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  void schedule(std::string contact_id, std::chrono::steady_clock::time_point at) {
    {
      std::lock_guard lock(mutex_);
      due_.emplace(at, std::move(contact_id));
    }
    cv_.notify_all();
  }

  long completed() const { return completed_.load(); }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      if (due_.empty()) {
        cv_.wait(lock);
        continue;
      }
      auto next = due_.begin();
      if (cv_.wait_until(lock, next->first) != std::cv_status::timeout && !stopping_) {
        continue;
      }
      if (stopping_) {
        break;
      }
      auto contact_id = next->second;
      due_.erase(next);
      lock.unlock();
      complete(contact_id);
      lock.lock();
    }
  }

  void complete(const std::string& contact_id) {
    v1::CompleteRequest request;
    request.set_agent_id(agent_id_);
    request.set_contact_id(contact_id);
    request.set_resolved(true);
    request.set_root_cause("SCRIPTED");
    v1::OfferActionReply reply;
    auto ctx = callContext();
    auto status = stub_.CompleteContact(ctx.get(), request, &reply);
    if (status.ok()) {
      // A script has nothing to wrap up: end wrap-up at once, as a console's button would.
      v1::SetStateRequest available;
      available.set_agent_id(agent_id_);
      available.set_state(v1::AGENT_STATE_AVAILABLE);
      v1::SetStateReply ignored;
      auto state_ctx = callContext();
      (void)stub_.SetState(state_ctx.get(), available, &ignored);
    }
    std::lock_guard lock(out_mutex_);
    if (status.ok()) {
      ++completed_;
      out_ << nlohmann::json({{"completed", contact_id}}).dump() << "\n" << std::flush;
    } else {
      reportError(status, out_);
    }
  }

  v1::AgentDesk::Stub& stub_;
  std::string agent_id_;
  std::ostream& out_;
  std::mutex& out_mutex_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::multimap<std::chrono::steady_clock::time_point, std::string> due_;
  bool stopping_ = false;
  std::atomic<long> completed_{0};
  std::thread thread_;
};

}  // namespace

int runAgent(const std::string& server, const AgentOptions& options, std::ostream& out) {
  v1::ConnectRequest request;
  request.set_agent_id(options.id);
  for (const auto& skill : options.skills) {
    auto* s = request.add_skills();
    const auto colon = skill.find(':');
    // "lang:ar" is a skill name; "technical:4" is a name with a proficiency.
    if (colon != std::string::npos && colon + 1 < skill.size() &&
        std::isdigit(static_cast<unsigned char>(skill[colon + 1]))) {
      s->set_name(skill.substr(0, colon));
      s->set_proficiency(std::stoi(skill.substr(colon + 1)));
    } else {
      s->set_name(skill);
    }
  }
  for (const auto& cap : options.capacity) {
    const auto eq = cap.find('=');
    auto channel = eq == std::string::npos ? std::nullopt : channelNamed(cap.substr(0, eq));
    if (!channel) {
      out << nlohmann::json({{"error", {{"message", "capacity: expected channel=max, got '" + cap + "'"}}}}).dump()
          << "\n";
      return 1;
    }
    auto* c = request.add_capacity();
    c->set_channel(*channel);
    c->set_max(std::atoi(cap.substr(eq + 1).c_str()));
  }

  // Signals are taken by a dedicated thread so the stream can be cancelled cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto stub = v1::AgentDesk::NewStub(connect(server));
  grpc::ClientContext stream_ctx;
  addCredentials(stream_ctx);
  std::atomic<bool> done{false};
  std::thread signal_waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (!done) {
      stream_ctx.TryCancel();
    }
  });

  std::mutex out_mutex;
  int rc = 0;
  {
    Completer completer(*stub, options.id, out, out_mutex);
    auto reader = stub->Connect(&stream_ctx, request);
    v1::AgentEvent event;
    long accepted = 0;
    while (reader->Read(&event)) {
      {
        std::lock_guard lock(out_mutex);
        out << toJson(event) << "\n" << std::flush;
      }
      if (!event.has_offer()) {
        continue;
      }
      v1::OfferAction action;
      action.set_agent_id(options.id);
      action.set_contact_id(event.offer().contact_id());
      v1::OfferActionReply reply;
      auto ctx = callContext();
      auto status = stub->AcceptOffer(ctx.get(), action, &reply);
      if (!status.ok()) {
        std::lock_guard lock(out_mutex);
        reportError(status, out);
        continue;
      }
      ++accepted;
      completer.schedule(event.offer().contact_id(),
                         std::chrono::steady_clock::now() +
                             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(options.handle_seconds)));
      if (options.max_contacts > 0 && accepted >= options.max_contacts) {
        // Let the last handling finish, then leave.
        std::this_thread::sleep_for(std::chrono::duration<double>(options.handle_seconds + 0.2));
        stream_ctx.TryCancel();
      }
    }
    auto status = reader->Finish();
    if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
      std::lock_guard lock(out_mutex);
      rc = reportError(status, out);
    }
  }
  done = true;
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  return rc;
}

}  // namespace relais::ctl
