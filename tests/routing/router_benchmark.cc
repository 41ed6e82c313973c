// Router benchmarks at contact-centre scale: 5,000 agents, all busy, and 1,000 / 10,000 /
// 100,000 waiting contacts spread over queues, channels and eligibility classes.
//
//  BM_Submit:   routing one new contact (no agent free: it is queued, positioned, estimated).
//               Manual timing around submit() only; the contact is abandoned untimed, so the
//               number waiting stays put.
//  BM_PickNext: an agent completes its contact and the router picks the best waiting contact it
//               may take (complete() -> dispatch -> offer). The offer is accepted and a fresh
//               contact submitted untimed, so the number waiting stays put.
//  BM_Memory:   live heap bytes per waiting contact (counting operator new), texts kept short
//               enough for the small-string buffer so that only the engine's own cost counts.
//
// Time moves at production pace (an arrival every 20 ms, a completion every 60 ms), so timers
// (ring widening, de-escalation waits) fire as they would. Served contacts are replaced by alike
// ones (channel, intent, class), so the waiting population keeps its size and mix.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <new>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "routing/router.h"

namespace {

std::atomic<long long> g_live_bytes{0};

}  // namespace

// Counting allocator: live bytes as the C library sees them (usable size, so slack counts too).
// GCC cannot tell that these replace the global operators and warns about malloc/free pairs.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) {
    throw std::bad_alloc();
  }
  g_live_bytes.fetch_add(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
  return p;
}
void operator delete(void* p) noexcept {
  if (p != nullptr) {
    g_live_bytes.fetch_sub(static_cast<long long>(malloc_usable_size(p)),
                           std::memory_order_relaxed);
    std::free(p);
  }
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace relais::routing {
namespace {

constexpr int kAgents = 5000;
const Instant kT0 = Instant{} + std::chrono::hours(24 * 365 * 56);

class Scenario {
 public:
  // `record`: remember each contact's class so that served contacts can be replaced by alike
  // ones (off for the memory figure, which must count only the router).
  // `spacing`: time between arrivals while the population is built, the same pace as the
  // measured loop, so ring crossings and other timers fire at the steady-state rate.
  Scenario(int waiting, bool record, Duration spacing)
      : rng_(42), record_(record), spacing_(spacing) {
    RoutingConfig cfg = RoutingConfig::defaults();
    cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
    for (QueueConfig& q : cfg.queues) {
      q.max_waiting = 1000000;
    }
    router_ = std::make_unique<Router>(cfg);
    static const std::vector<std::string> kQueues = {"technical", "tenancy", "neighbourhood",
                                                     "proximity", "general"};
    for (int i = 0; i < kAgents; ++i) {
      AgentSpec a;
      a.id = "agent-" + std::to_string(i);
      a.skills.push_back({kQueues[static_cast<std::size_t>(i) % kQueues.size()], 1 + pick(5)});
      if (chance(0.3)) {
        a.skills.push_back({"general", 1 + pick(5)});
      }
      if (chance(0.1)) {
        a.skills.push_back({"deescalation", 3});
      }
      if (chance(0.05)) {
        a.skills.push_back({"lang:ar", 3});
      }
      // Phone agents and chat agents, both also on email and web (a call excludes chat).
      a.capacity = chance(0.7) ? PerChannel<int>{1, 2, 1, 0} : PerChannel<int>{0, 2, 1, 2};
      router_->connectAgent(a, now_);
    }
    // Fill every agent, drop what could not be placed, then queue exactly `waiting` contacts,
    // arrivals 10 ms apart.
    std::vector<std::string> fill;
    while (true) {
      bool offered = false;
      for (int i = 0; i < 500; ++i) {
        ContactSpec c = makeContact();
        fill.push_back(c.id);
        router_->submit(std::move(c), now_);
        tick(std::chrono::milliseconds(10));
      }
      for (const RouterEvent& e : router_->takeEvents()) {
        if (e.kind == RouterEvent::Kind::kOffered) {
          router_->accept(e.agent, e.contact, now_);
          holding_[e.agent].push_back(e.contact);
          offered = true;
        }
      }
      router_->takeEvents();
      if (!offered) {
        break;
      }
    }
    for (const std::string& id : fill) {
      if (router_->abandon(id, now_)) {
        specs_.erase(id);
      }
    }
    router_->takeEvents();
    for (const auto& [agent, contacts] : holding_) {
      agents_.push_back(agent);
    }
    const long long before = g_live_bytes.load();
    const std::size_t waiting_before = router_->waitingCount();
    while (router_->waitingCount() < static_cast<std::size_t>(waiting)) {
      router_->submit(makeContact(), now_);
      acceptOffers("");
      tick(spacing_);
    }
    served_.clear();
    target_ = router_->waitingCount();
    bytes_per_waiting_ = static_cast<double>(g_live_bytes.load() - before) /
                         static_cast<double>(router_->waitingCount() - waiting_before);
  }

  Router& router() { return *router_; }

  // Manual time for the iteration, and the sample for the percentiles.
  void record(benchmark::State& state, std::chrono::steady_clock::duration d) {
    const double ns = std::chrono::duration<double, std::nano>(d).count();
    state.SetIterationTime(ns * 1e-9);
    samples_.push_back(ns);
  }

  // Per-iteration median and 90th percentile: the figures quoted, robust to a loaded machine
  // preempting the odd iteration (the mean is what Google Benchmark reports as Time).
  void reportPercentiles(benchmark::State& state) {
    if (samples_.empty()) {
      return;
    }
    std::sort(samples_.begin(), samples_.end());
    state.counters["p50_ns"] = samples_[samples_.size() / 2];
    state.counters["p90_ns"] = samples_[samples_.size() * 9 / 10];
  }
  Instant now() const { return now_; }
  void tick(Duration d) { now_ += d; }
  double bytesPerWaiting() const { return bytes_per_waiting_; }

  ContactSpec makeContact() {
    ContactSpec c;
    const int ch = pick(10);
    c.channel = ch < 4   ? Channel::kPhone
                : ch < 7 ? Channel::kEmail
                : ch < 8 ? Channel::kWeb
                         : Channel::kDigitalAgency;
    c.reading.intent = static_cast<Intent>(pick(static_cast<int>(kIntentCount)));
    c.reading.reassurance_high = chance(0.1);
    if (chance(0.02)) {
      c.required_skills = {"lang:ar"};
    }
    return finish(std::move(c), /*draw_aggressive=*/true);
  }

  // Agents accept every offer at once (no timeouts, no misses, nobody sent to break). Returns
  // whether `agent` was offered something.
  bool acceptOffers(const std::string& agent) {
    bool offered_to_agent = false;
    for (const RouterEvent& e : router_->takeEvents()) {
      if (e.kind == RouterEvent::Kind::kOffered) {
        router_->accept(e.agent, e.contact, now_);
        holding_[e.agent].push_back(e.contact);
        served_.push_back(e.contact);
        offered_to_agent = offered_to_agent || e.agent == agent;
      }
    }
    router_->takeEvents();
    return offered_to_agent;
  }

  // A new contact of the same channel, intent and class as `id`: keeps the waiting population's
  // mix stationary when it replaces a served contact.
  ContactSpec likeContact(const std::string& id) {
    auto it = specs_.find(id);
    if (it == specs_.end()) {
      return makeContact();
    }
    ContactSpec c;
    c.channel = it->second.channel;
    c.reading.intent = it->second.reading.intent;
    c.reading.reassurance_high = it->second.reading.reassurance_high;
    c.required_skills = it->second.required_skills;
    c.reading.aggressive = it->second.reading.aggressive;
    specs_.erase(it);
    return finish(std::move(c), /*draw_aggressive=*/false);
  }

  // One agent completes one contact it holds (timed: complete() and the dispatch it triggers);
  // what is offered is accepted. Returns whether the agent was offered a contact.
  bool completeNext(benchmark::State& state) {
    const std::string& agent = agents_[cursor_++ % agents_.size()];
    std::vector<std::string>& held = holding_[agent];
    if (held.empty()) {
      return false;
    }
    const std::string done = held.back();
    held.pop_back();
    const auto start = std::chrono::steady_clock::now();
    router_->complete(agent, done, {}, now_);
    const auto end = std::chrono::steady_clock::now();
    record(state, end - start);
    const bool picked = acceptOffers(agent);
    // Replace what was served with alike contacts until the population is back to its size.
    while (router_->waitingCount() < target_ && !served_.empty()) {
      const std::string like = served_.back();
      served_.pop_back();
      router_->submit(likeContact(like), now_);
      acceptOffers("");
    }
    served_.clear();
    return picked;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::unique_ptr<Router> router_;
  std::mt19937_64 rng_;
  bool record_;
  Duration spacing_;
  Instant now_ = kT0;
  long long next_ = 0;
  ContactSpec finish(ContactSpec c, bool draw_aggressive) {
    c.id = "ct-" + std::to_string(next_++);
    c.tenant_id = "T" + std::to_string(next_);
    c.subject = "Objet";
    c.text = "Bonjour";
    c.received_at = now_;
    c.reading.urgency = pick(101);
    c.reading.urgent = chance(0.05);
    c.reading.reassurance = pick(101);
    if (draw_aggressive) {
      c.reading.aggressive = chance(0.05);
    }
    ContactSpec kept;
    kept.channel = c.channel;
    kept.reading.intent = c.reading.intent;
    kept.reading.reassurance_high = c.reading.reassurance_high;
    kept.required_skills = c.required_skills;
    kept.reading.aggressive = c.reading.aggressive;
    if (record_) {
      specs_.emplace(c.id, std::move(kept));
    }
    return c;
  }

  std::map<std::string, std::vector<std::string>> holding_;
  std::vector<double> samples_;
  std::vector<std::string> served_;  // offered since the last refill
  std::size_t target_ = 0;           // waiting population to keep
  std::unordered_map<std::string, ContactSpec> specs_;
  std::vector<std::string> agents_;
  std::size_t cursor_ = 0;
  double bytes_per_waiting_ = 0;
};

void BM_Submit(benchmark::State& state) {
  Scenario s(static_cast<int>(state.range(0)), /*record=*/false, std::chrono::milliseconds(20));
  for (auto _ : state) {
    ContactSpec c = s.makeContact();
    const std::string id = c.id;
    const auto start = std::chrono::steady_clock::now();
    SubmitDecision d = s.router().submit(std::move(c), s.now());
    const auto end = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(d);
    s.record(state, end - start);
    s.router().abandon(id, s.now());
    s.acceptOffers("");
    s.tick(std::chrono::milliseconds(20));  // 50 arrivals a second
  }
  s.reportPercentiles(state);
  state.counters["waiting"] = static_cast<double>(s.router().waitingCount());
}
BENCHMARK(BM_Submit)->Arg(1000)->Arg(10000)->Arg(100000)->UseManualTime();

void BM_PickNext(benchmark::State& state) {
  Scenario s(static_cast<int>(state.range(0)), /*record=*/true, std::chrono::milliseconds(60));
  long long picked = 0;
  for (auto _ : state) {
    picked += s.completeNext(state) ? 1 : 0;
    // 5,000 agents handling ~5 min contacts: a completion every 60 ms.
    s.tick(std::chrono::milliseconds(60));
  }
  s.reportPercentiles(state);
  state.counters["picked_share"] =
      static_cast<double>(picked) / static_cast<double>(state.iterations());
  state.counters["waiting"] = static_cast<double>(s.router().waitingCount());
}
BENCHMARK(BM_PickNext)->Arg(1000)->Arg(10000)->Arg(100000)->UseManualTime();

void BM_Memory(benchmark::State& state) {
  Scenario s(static_cast<int>(state.range(0)), /*record=*/false, std::chrono::milliseconds(20));
  for (auto _ : state) {
    benchmark::DoNotOptimize(s.router().waitingCount());
  }
  state.counters["bytes_per_waiting"] = s.bytesPerWaiting();
}
BENCHMARK(BM_Memory)->Arg(100000)->Iterations(1);

}  // namespace
}  // namespace relais::routing
