#include "load-tests/load/load_driver.h"

#include "daemon/convert.h"

#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "load-tests/common/latency_histogram.h"
#include "load-tests/load/status_names.h"
#include "relais/v1/agent_desk.grpc.pb.h"
#include "relais/v1/intake.grpc.pb.h"

namespace relais::loadtests {
namespace {

using Clock = std::chrono::steady_clock;

// Open loop: beyond this many calls in flight, arrivals are dropped (and counted) rather than
// letting the client's own memory become the bottleneck.
constexpr long long kMaxOpenLoopInFlight = 20000;


std::vector<std::shared_ptr<grpc::Channel>> openChannels(const std::string& address, int n) {
  std::vector<std::shared_ptr<grpc::Channel>> out;
  for (int i = 0; i < std::max(1, n); ++i) {
    grpc::ChannelArguments args;
    // A distinct argument per channel, so gRPC does not share one subchannel (connection).
    args.SetInt("relais-load.connection", i);
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    out.push_back(grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
  }
  return out;
}

// One agent console: Connect stream; every offer is accepted, completed at once, and the agent
// is set AVAILABLE again (skipping wrap-up) so it keeps draining its queues.
class ScriptedAgent final : public grpc::ClientReadReactor<v1::AgentEvent> {
 public:
  ScriptedAgent(v1::AgentDesk::Stub& stub, std::string id, std::atomic<long long>& offers,
                std::atomic<long long>& completed, std::atomic<long long>& calls_in_flight)
      : stub_(stub), offers_(offers), completed_(completed), calls_in_flight_(calls_in_flight) {
    request_.set_agent_id(std::move(id));
    request_.set_display_name("relais-load agent");
    for (const char* skill :
         {"technical", "tenancy", "neighbourhood", "proximity", "general", "deescalation"}) {
      auto* s = request_.add_skills();
      s->set_name(skill);
      s->set_proficiency(3);
    }
    stub_.async()->Connect(&ctx_, &request_, this);
    StartRead(&event_);
    StartCall();
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      return;
    }
    if (event_.has_offer()) {
      offers_.fetch_add(1, std::memory_order_relaxed);
      handle(event_.offer().contact_id());
    }
    StartRead(&event_);
  }

  void OnDone(const grpc::Status& /*status*/) override {
    std::lock_guard lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

  void stop() {
    ctx_.TryCancel();
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return done_; });
  }

 private:
  struct Step {
    grpc::ClientContext ctx;
    v1::OfferAction action;
    v1::CompleteRequest complete;
    v1::SetStateRequest state;
    v1::OfferActionReply reply;
    v1::SetStateReply state_reply;
  };

  void handle(const std::string& contact_id) {
    calls_in_flight_.fetch_add(1);
    auto* step = new Step;
    step->action.set_agent_id(request_.agent_id());
    step->action.set_contact_id(contact_id);
    stub_.async()->AcceptOffer(&step->ctx, &step->action, &step->reply,
                               [this, step](grpc::Status s) {
                                 if (!s.ok()) {
                                   finish(step);
                                   return;
                                 }
                                 completeContact(step);
                               });
  }

  void completeContact(Step* accepted) {
    auto* step = new Step;
    step->complete.set_agent_id(request_.agent_id());
    step->complete.set_contact_id(accepted->action.contact_id());
    step->complete.set_resolved(true);
    step->complete.set_root_cause("LOAD_TEST");
    delete accepted;
    stub_.async()->CompleteContact(&step->ctx, &step->complete, &step->reply,
                                   [this, step](grpc::Status s) {
                                     if (!s.ok()) {
                                       finish(step);
                                       return;
                                     }
                                     completed_.fetch_add(1, std::memory_order_relaxed);
                                     setAvailable(step);
                                   });
  }

  void setAvailable(Step* completed) {
    delete completed;
    auto* step = new Step;
    step->state.set_agent_id(request_.agent_id());
    step->state.set_state(v1::AGENT_STATE_AVAILABLE);
    stub_.async()->SetState(&step->ctx, &step->state, &step->state_reply,
                            [this, step](grpc::Status) { finish(step); });
  }

  void finish(Step* step) {
    delete step;
    calls_in_flight_.fetch_sub(1);
  }

  v1::AgentDesk::Stub& stub_;
  std::atomic<long long>& offers_;
  std::atomic<long long>& completed_;
  std::atomic<long long>& calls_in_flight_;
  grpc::ClientContext ctx_;
  v1::ConnectRequest request_;
  v1::AgentEvent event_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};

class Driver {
 public:
  Driver(const LoadSettings& s, const Corpus& corpus) : s_(s), corpus_(corpus) {
    for (auto& channel : openChannels(s.address, s.connections)) {
      channels_.push_back(channel);
      stubs_.push_back(v1::ContactIntake::NewStub(channel));
    }
  }

  LoadResult run() {
    for (auto& c : channels_) {
      c->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10));
    }
    startAgents();
    const auto start = Clock::now();
    const bool by_count = s_.count > 0;
    window_start_ = by_count ? start : start + toDuration(s_.warmup);
    window_end_ = by_count ? Clock::time_point::max() : window_start_ + toDuration(s_.seconds);
    if (s_.rate > 0) {
      openLoop();
    } else {
      for (int i = 0; i < std::max(1, s_.clients); ++i) {
        if (!issue(Clock::now())) {
          break;
        }
      }
      while (!finishedIssuing()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        showProgress(Clock::now());
      }
    }
    stopping_.store(true);
    waitForCalls();
    const auto end_of_calls = Clock::now();
    stopAgents();
    if (s_.progress) {
      std::fprintf(stderr, "\r\033[K");
    }

    LoadResult r;
    r.label = s_.label;
    r.ok = ok_.load();
    r.exhausted = exhausted_.load();
    r.errors = errors_.load();
    r.dropped = dropped_.load();
    {
      std::lock_guard lock(error_mu_);
      r.error_codes = error_codes_;
      r.first_error = first_error_;
    }
    const auto window_end =
        by_count ? Clock::time_point(Clock::duration(last_done_.load())) : window_end_;
    r.seconds =
        std::chrono::duration<double>(std::min(window_end, end_of_calls) - window_start_).count();
    r.throughput = r.seconds > 0 ? static_cast<double>(r.ok) / r.seconds : 0;
    r.p50_ms = histogram_.quantile(0.50) / 1000.0;
    r.p99_ms = histogram_.quantile(0.99) / 1000.0;
    r.p999_ms = histogram_.quantile(0.999) / 1000.0;
    r.mean_ms =
        r.ok > 0 ? static_cast<double>(latency_sum_us_.load()) / static_cast<double>(r.ok) / 1000.0
                 : 0;
    r.agent_offers = agent_offers_.load();
    r.agent_completed = agent_completed_.load();
    return r;
  }

 private:
  struct Call {
    grpc::ClientContext ctx;
    v1::Contact request;
    v1::SubmitReply reply;
    Clock::time_point start;
  };

  static Clock::duration toDuration(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  bool finishedIssuing() const {
    if (s_.count > 0) {
      return issued_.load() >= s_.count;
    }
    return Clock::now() >= window_end_;
  }

  // Starts one Submit whose latency counts from `intended`. False once the run is over.
  bool issue(Clock::time_point intended) {
    if (stopping_.load(std::memory_order_relaxed)) {
      return false;
    }
    const long long n = issued_.fetch_add(1);
    if (s_.count > 0 && n >= s_.count) {
      return false;
    }
    in_flight_.fetch_add(1);
    auto* call = new Call;
    const CorpusEntry& e = corpus_.entries[static_cast<std::size_t>(n) % corpus_.entries.size()];
    call->request.set_contact_id(s_.id_prefix + "-" + std::to_string(n));
    call->request.set_channel(daemon::toProto(e.channel));
    // A tenant per contact: no merges, so every Submit does the full queueing work.
    call->request.set_tenant_id(s_.id_prefix + "-t" + std::to_string(n));
    call->request.set_subject(e.subject);
    call->request.set_text(e.text);
    call->start = intended;
    if (!s_.token.empty()) {
      call->ctx.AddMetadata("authorization", "Bearer " + s_.token);
    }
    auto& stub = *stubs_[static_cast<std::size_t>(n) % stubs_.size()];
    stub.async()->Submit(&call->ctx, &call->request, &call->reply,
                         [this, call](grpc::Status status) { onDone(call, status); });
    return true;
  }

  void onDone(Call* call, const grpc::Status& status) {
    const auto now = Clock::now();
    if (now >= window_start_ && now <= window_end_) {
      if (status.ok()) {
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(now - call->start);
        histogram_.record(static_cast<std::uint64_t>(std::max<long long>(0, us.count())));
        latency_sum_us_.fetch_add(us.count(), std::memory_order_relaxed);
        ok_.fetch_add(1, std::memory_order_relaxed);
        last_done_.store(now.time_since_epoch().count(), std::memory_order_relaxed);
      } else if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        exhausted_.fetch_add(1, std::memory_order_relaxed);
      } else {
        errors_.fetch_add(1, std::memory_order_relaxed);
        std::lock_guard lock(error_mu_);
        error_codes_[statusCodeName(status.error_code())]++;
        if (first_error_.empty()) {
          first_error_ = statusCodeName(status.error_code()) + ": " + status.error_message();
        }
      }
    }
    delete call;
    const bool closed_loop = s_.rate <= 0;
    if (closed_loop && !finishedIssuing()) {
      issue(now);
    }
    // Last touch of `this`: run() may return as soon as it sees zero.
    in_flight_.fetch_sub(1);
  }

  void openLoop() {
    std::mt19937_64 rng(s_.seed);
    std::exponential_distribution<double> gap(s_.rate);
    auto next = Clock::now();
    auto last_progress = next;
    while (!finishedIssuing()) {
      next += toDuration(gap(rng));
      std::this_thread::sleep_until(next);
      if (in_flight_.load() >= kMaxOpenLoopInFlight) {
        issued_.fetch_add(1);
        if (next >= window_start_) {
          dropped_.fetch_add(1);
        }
      } else {
        issue(next);
      }
      const auto now = Clock::now();
      if (now - last_progress > std::chrono::milliseconds(100)) {
        last_progress = now;
        showProgress(now);
      }
    }
  }

  void waitForCalls() {
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (in_flight_.load() > 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

  void startAgents() {
    if (s_.agents <= 0) {
      return;
    }
    desk_ = v1::AgentDesk::NewStub(channels_.front());
    for (int i = 0; i < s_.agents; ++i) {
      agents_.push_back(
          std::make_unique<ScriptedAgent>(*desk_, s_.id_prefix + "-agent-" + std::to_string(i),
                                          agent_offers_, agent_completed_, agent_calls_));
    }
  }

  void stopAgents() {
    for (auto& a : agents_) {
      a->stop();
    }
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (agent_calls_.load() > 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    agents_.clear();
  }

  void showProgress(Clock::time_point now) {
    if (!s_.progress) {
      return;
    }
    double done = 0;
    if (s_.count > 0) {
      done = static_cast<double>(issued_.load()) / static_cast<double>(s_.count);
    } else {
      const double total = s_.warmup + s_.seconds;
      done = std::chrono::duration<double>(now - (window_start_ - toDuration(s_.warmup))).count() /
             total;
    }
    done = std::clamp(done, 0.0, 1.0);
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(done * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '-');
    std::fprintf(stderr,
                 "\r%-8s [%s] %3.0f%%  ok %lld  exhausted %lld  errors %lld  in flight %lld",
                 s_.label.c_str(), bar.c_str(), done * 100, ok_.load(), exhausted_.load(),
                 errors_.load(), in_flight_.load());
    std::fflush(stderr);
  }

  const LoadSettings& s_;
  const Corpus& corpus_;
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
  std::vector<std::unique_ptr<v1::ContactIntake::Stub>> stubs_;
  std::unique_ptr<v1::AgentDesk::Stub> desk_;
  std::vector<std::unique_ptr<ScriptedAgent>> agents_;
  Clock::time_point window_start_{};
  Clock::time_point window_end_{};
  std::atomic<bool> stopping_{false};
  std::atomic<long long> issued_{0}, in_flight_{0}, ok_{0}, exhausted_{0}, errors_{0}, dropped_{0},
      latency_sum_us_{0};
  std::atomic<Clock::rep> last_done_{0};
  std::atomic<long long> agent_offers_{0}, agent_completed_{0}, agent_calls_{0};
  LatencyHistogram histogram_;
  std::mutex error_mu_;
  std::map<std::string, long long> error_codes_;
  std::string first_error_;
};

}  // namespace

LoadResult runLoad(const LoadSettings& settings, const Corpus& corpus) {
  Driver driver(settings, corpus);
  return driver.run();
}

}  // namespace relais::loadtests
