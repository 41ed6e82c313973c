#include "load-tests/sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <random>
#include <stdexcept>

#include "routing/auto_answer.h"
#include "routing/case_book.h"
#include "routing/router.h"

namespace relais::sim {
namespace {

using routing::Channel;
using routing::Instant;
using routing::Intent;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kQuarter = 900.0;

// The simulated day starts at 00:00 UTC on Monday 2 March 2026.
const Instant kEpoch = Instant(std::chrono::seconds(1772409600));

// Rounded, not truncated: instantOf(secondsOf(t)) == t, so a router deadline converted to
// seconds and back is never a microsecond short of due.
Instant instantOf(double s) { return kEpoch + routing::Duration(std::llround(s * 1e6)); }
double secondsOf(Instant t) { return routing::toSeconds(t - kEpoch); }

double drawHandling(const HandlingLaw& law, std::mt19937_64& rng) {
  if (law.exponential) {
    return std::exponential_distribution<double>(1.0 / law.mean_s)(rng);
  }
  const double sigma2 = std::log(1 + law.cv * law.cv);
  const double mu = std::log(law.mean_s) - sigma2 / 2;
  return std::lognormal_distribution<double>(mu, std::sqrt(sigma2))(rng);
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

}  // namespace

std::string_view policyName(Policy p) { return p == Policy::kFifo ? "fifo" : "relais"; }

std::vector<Arrival> generateArrivals(const Scenario& s, const loadtests::Corpus& corpus,
                                      std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  // Corpus entries by (intent, channel), and the urgent ones among them.
  std::map<std::pair<Intent, Channel>, std::vector<std::size_t>> by_both, urgent_by_both;
  std::map<Intent, std::vector<std::size_t>> by_intent, urgent_by_intent;
  for (std::size_t i = 0; i < corpus.entries.size(); ++i) {
    const auto& e = corpus.entries[i];
    by_both[{e.intent, e.channel}].push_back(i);
    by_intent[e.intent].push_back(i);
    if (e.urgent) {
      urgent_by_both[{e.intent, e.channel}].push_back(i);
      urgent_by_intent[e.intent].push_back(i);
    }
  }
  std::vector<Intent> intents;
  std::vector<double> intent_weights;
  for (const auto& [intent, w] : s.intent_mix) {
    intents.push_back(intent);
    intent_weights.push_back(w);
  }
  std::discrete_distribution<std::size_t> pick_intent(intent_weights.begin(), intent_weights.end());
  std::uniform_real_distribution<double> unit(0, 1);
  auto pickFrom = [&](const std::vector<std::size_t>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };

  std::vector<Arrival> out;
  double total_share = 0;
  for (double share : s.channel_mix) {
    total_share += share;
  }
  for (Channel ch : routing::kAllChannels) {
    const double share = s.channel_mix[routing::index(ch)] / total_share;
    if (share <= 0) {
      continue;
    }
    auto it = s.profile_by_channel.find(ch);
    const auto& profile = it != s.profile_by_channel.end() ? it->second : s.profile;
    double weighted_length = 0;
    for (const auto& iv : profile) {
      weighted_length += iv.weight * (iv.to_s - iv.from_s);
    }
    for (const auto& iv : profile) {
      const double rate = s.contacts * share * iv.weight / weighted_length;  // per second
      if (rate <= 0) {
        continue;
      }
      std::exponential_distribution<double> gap(rate);
      for (double t = iv.from_s + gap(rng); t < iv.to_s; t += gap(rng)) {
        Arrival a;
        a.at_s = t;
        a.channel = ch;
        const Intent intent = intents[pick_intent(rng)];
        const bool want_urgent = s.urgent_share > 0 && unit(rng) < s.urgent_share;
        const std::vector<std::size_t>* pool = nullptr;
        if (want_urgent) {
          if (auto u = urgent_by_both.find({intent, ch}); u != urgent_by_both.end()) {
            pool = &u->second;
          } else if (auto ui = urgent_by_intent.find(intent); ui != urgent_by_intent.end()) {
            pool = &ui->second;
          }
        }
        if (!pool) {
          if (auto b = by_both.find({intent, ch}); b != by_both.end()) {
            pool = &b->second;
          } else if (auto bi = by_intent.find(intent); bi != by_intent.end()) {
            pool = &bi->second;
          } else {
            throw std::runtime_error("the corpus has no text of intent " +
                                     std::string(routing::intentName(intent)));
          }
        }
        a.entry = pickFrom(*pool);
        const Intent truth = corpus.entries[a.entry].intent;
        auto law = s.handling_by_intent.find({ch, truth});
        a.handle_s = drawHandling(
            law != s.handling_by_intent.end() ? law->second : s.handling[routing::index(ch)], rng);
        if (ch == Channel::kPhone && s.phone_patience_mean_s > 0) {
          a.patience_s = std::exponential_distribution<double>(1.0 / s.phone_patience_mean_s)(rng);
        }
        a.case_found = unit(rng) < s.case_found;
        a.case_stalled = unit(rng) < s.case_stalled;
        a.takes_callback = unit(rng) < s.callback_acceptance;
        out.push_back(a);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Arrival& x, const Arrival& y) { return x.at_s < y.at_s; });
  return out;
}

routing::RoutingConfig configFor(const Scenario& s, Policy policy) {
  routing::RoutingConfig c = routing::RoutingConfig::defaults();
  if (s.single_queue) {
    routing::QueueConfig q;
    q.name = "general";
    q.skill = "general";
    c.queues = {q};
    c.rules.clear();
    for (Intent i : {Intent::kStatusRequest, Intent::kRepair, Intent::kRentAndCharges,
                     Intent::kNeighbourhood, Intent::kTenancyAdmin, Intent::kOther}) {
      c.rules.push_back({i, "general"});
    }
    c.reassurance_queue = "";
  }
  if (s.wrap_up_s) {
    for (Channel ch : routing::kAllChannels) {
      c.wrap_up[routing::index(ch)] = routing::seconds((*s.wrap_up_s)[routing::index(ch)]);
    }
  }
  if (policy == Policy::kRelais) {
    if (s.relais_reassurance_queue) {
      c.reassurance_queue = *s.relais_reassurance_queue;
    }
    if (s.relais_wait_for_deescalation_s) {
      c.incivility.wait_for_deescalation = routing::seconds(*s.relais_wait_for_deescalation_s);
    }
    if (s.relais_callback_threshold_s) {
      c.callback_threshold = routing::seconds(*s.relais_callback_threshold_s);
    }
  }
  if (policy == Policy::kFifo) {
    // app_queue: one FIFO per skill queue, no widening, no priorities, no callbacks.
    for (auto& q : c.queues) {
      q.secondary_skills.clear();
      q.ring_thresholds.clear();
    }
    c.weights.urgency = 0;
    c.weights.reassurance = 0;
    c.weights.urgent_bonus = 0;
    c.weights.boost = 0;
    c.reassurance_queue = "";
    c.merge_repeats = false;
    c.callback_threshold = std::chrono::hours(24 * 365);
    c.continuity_window = routing::Duration::zero();
  }
  return c;
}

namespace {

enum class EvKind : unsigned char {
  kArrival,
  kPatience,
  kComplete,
  kShiftStart,
  kShiftEnd,
  kBreakStart,
  kBreakEnd,
  kReturn,
  kSample,
};

struct Event {
  double t;
  long long seq;
  EvKind kind;
  int who;  // contact index or agent index
  bool operator>(const Event& o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

struct ContactState {
  double queued_at = -1;
  double answered_at = -1;
  double abandoned_at = -1;
  bool callback = false;
  bool waiting = false;
  int agent = -1;
};

struct AgentRun {
  std::string id;
  std::size_t group = 0;
  int load = 0;
  bool logged = false;  // connected and not on break
  double last_t = 0;
  double logged_s = 0;
  double busy_logged_s = 0;
  int aggressive = 0;
};

class Simulation {
 public:
  Simulation(const Scenario& s, const loadtests::Corpus& corpus,
             const std::vector<Arrival>& arrivals, Policy policy,
             const routing::ContactReader& reader)
      : s_(s),
        corpus_(corpus),
        arrivals_(arrivals),
        policy_(policy),
        reader_(reader),
        router_(configFor(s, policy)),
        contacts_(2 * arrivals.size()),
        answerer_(routing::AutoAnswerConfig{}),
        asks_(answerer_.config().repeat_window) {
    if (policy_ == Policy::kRelais && s_.auto_answer == "library") {
      fillCaseBook();
    }
  }

  PolicyResult run() {
    const int n = static_cast<int>(arrivals_.size());
    for (int i = 0; i < n; ++i) {
      push(arrivals_[static_cast<std::size_t>(i)].at_s, EvKind::kArrival, i);
    }
    for (std::size_t g = 0; g < s_.agents.size(); ++g) {
      const auto& group = s_.agents[g];
      for (int k = 0; k < group.count; ++k) {
        const int ai = static_cast<int>(agents_.size());
        agents_.push_back({group.name + "-" + std::to_string(k + 1), g});
        push(group.shift_from_s, EvKind::kShiftStart, ai);
        push(group.shift_to_s, EvKind::kShiftEnd, ai);
        for (const auto& b : group.breaks) {
          const double at = b.at_s + k * group.break_stagger_minutes * 60.0;
          push(at, EvKind::kBreakStart, ai);
          push(at + b.minutes * 60.0, EvKind::kBreakEnd, ai);
        }
        agent_index_.emplace(agents_.back().id, ai);
      }
    }
    for (double t = 0; t <= s_.horizon_s; t += kQuarter) {
      push(t, EvKind::kSample, static_cast<int>(t / kQuarter));
    }
    loop();
    return results();
  }

 private:
  // One case per tenant whose case is found, dated so that AutoAnswerer sees it on time or
  // stalled as drawn: on time = updated 3 days ago, expected in a week; stalled = no update for
  // 45 days and expected 5 days ago.
  void fillCaseBook() {
    for (std::size_t i = 0; i < arrivals_.size(); ++i) {
      const Arrival& a = arrivals_[i];
      if (!a.case_found) {
        continue;
      }
      routing::CaseFile f;
      f.ref = "RC-2026-" + std::to_string(100000 + i);
      f.tenant_id = "t" + std::to_string(i);
      f.kind = "repair";
      f.status = a.case_stalled ? "en attente" : "planifiée";
      const double day = 86400;
      f.opened_at = instantOf(a.at_s - 60 * day);
      f.updated_at = instantOf(a.at_s - (a.case_stalled ? 45 : 3) * day);
      f.expected_at = instantOf(a.at_s + (a.case_stalled ? -5 : 7) * day);
      // The key first: argument evaluation order would let std::move(f) empty f.ref.
      const std::string key = routing::ContactReader::normaliseCaseRef(f.ref);
      (void)cases_.upsert(key, std::move(f));
    }
  }

  bool answeredAutomatically(int ci, const Arrival& a, const routing::Reading& reading, double t) {
    if (s_.auto_answer == "simple") {
      return reading.status_only && a.case_found && !a.case_stalled;
    }
    if (reading.intent != Intent::kStatusRequest) {
      return false;
    }
    routing::AutoAnswerInput in;
    in.channel = a.channel;
    in.reading = &reading;
    in.tenant_id = "t" + std::to_string(ci % static_cast<int>(arrivals_.size()));
    return answerer_.decide(in, cases_, asks_, instantOf(t)).answered;
  }

  void push(double t, EvKind kind, int who) { events_.push({t, seq_++, kind, who}); }

  static std::string idOf(int ci) { return "c" + std::to_string(ci); }
  static int indexOf(const std::string& id) { return std::stoi(id.substr(1)); }
  const Arrival& arrivalOf(int ci) const {
    return arrivals_[static_cast<std::size_t>(ci) % arrivals_.size()];
  }
  const loadtests::CorpusEntry& entryOf(int ci) const {
    return corpus_.entries[arrivalOf(ci).entry];
  }

  void loop() {
    double now = 0;
    int stuck = 0;
    while (true) {
      const double t_ev = events_.empty() ? kInf : events_.top().t;
      const auto deadline = router_.nextDeadline();
      double t_dl = deadline ? std::max(now, secondsOf(*deadline)) : kInf;
      const double t = std::min(t_ev, t_dl);
      if (t > s_.horizon_s || t == kInf) {
        break;
      }
      if (t_dl < t_ev) {
        // Guard against a deadline that advance() does not consume.
        stuck = t_dl == now ? stuck + 1 : 0;
        if (stuck > 1000) {
          throw std::runtime_error("router deadline does not move at t=" + std::to_string(now));
        }
        now = t_dl;
        router_.advance(instantOf(now));
        drain(now);
        continue;
      }
      const Event e = events_.top();
      events_.pop();
      now = e.t;
      handle(e);
      drain(now);
    }
    end_s_ = std::min(now, s_.horizon_s);
    end_s_ = s_.horizon_s;
    for (auto& a : agents_) {
      account(a, end_s_);
    }
  }

  void account(AgentRun& a, double t) {
    const double dt = std::max(0.0, t - a.last_t);
    if (a.logged) {
      a.logged_s += dt;
      if (a.load > 0) {
        a.busy_logged_s += dt;
      }
    }
    a.last_t = t;
  }

  void handle(const Event& e) {
    const Instant now = instantOf(e.t);
    switch (e.kind) {
      case EvKind::kArrival:
        arrive(e.who, e.t, false);
        break;
      case EvKind::kReturn:
        arrive(e.who, e.t, true);
        break;
      case EvKind::kPatience: {
        auto& c = contacts_[static_cast<std::size_t>(e.who)];
        if (c.waiting && !c.callback && router_.abandon(idOf(e.who), now)) {
          c.waiting = false;
          c.abandoned_at = e.t;
        }
        break;
      }
      case EvKind::kComplete: {
        auto& c = contacts_[static_cast<std::size_t>(e.who)];
        auto& a = agents_[static_cast<std::size_t>(c.agent)];
        account(a, e.t);
        a.load--;
        (void)router_.complete(a.id, idOf(e.who), routing::Disposition{true, "", ""}, now);
        break;
      }
      case EvKind::kShiftStart: {
        auto& a = agents_[static_cast<std::size_t>(e.who)];
        const auto& g = s_.agents[a.group];
        routing::AgentSpec spec;
        spec.id = a.id;
        spec.skills = g.skills;
        spec.capacity = g.capacity;
        account(a, e.t);
        a.logged = true;
        (void)router_.connectAgent(spec, now);
        break;
      }
      case EvKind::kShiftEnd: {
        auto& a = agents_[static_cast<std::size_t>(e.who)];
        account(a, e.t);
        a.logged = false;
        router_.disconnectAgent(a.id, now);
        break;
      }
      case EvKind::kBreakStart:
      case EvKind::kBreakEnd: {
        auto& a = agents_[static_cast<std::size_t>(e.who)];
        const bool start = e.kind == EvKind::kBreakStart;
        if (router_.setAgentState(
                a.id, start ? routing::AgentState::kBreak : routing::AgentState::kAvailable, now) ==
            routing::RouterError::kOk) {
          account(a, e.t);
          a.logged = !start;
        }
        break;
      }
      case EvKind::kSample:
        if (static_cast<std::size_t>(e.who) >= waiting_series_.size()) {
          waiting_series_.resize(static_cast<std::size_t>(e.who) + 1);
        }
        waiting_series_[static_cast<std::size_t>(e.who)] = static_cast<int>(router_.waitingCount());
        break;
    }
  }

  // A contact reaches relais: automatic answer, or the router's queues. `returning`: a tenant
  // whose automatic answer did not serve them, now asking a person (contact index n + i).
  void arrive(int ci, double t, bool returning) {
    const Arrival& a = arrivalOf(ci);
    const auto& entry = entryOf(ci);
    routing::Reading reading;
    if (policy_ == Policy::kRelais) {
      routing::ReaderInput input;
      input.channel = a.channel;
      input.subject = entry.subject;
      input.text = entry.text;
      reading = reader_.read(input);
      // The simulator's automatic answer rule (see README): the reader says status_only, the
      // case is found and it is on time.
      if (!returning && answeredAutomatically(ci, a, reading, t)) {
        if (entry.status_only) {
          auto_answered_++;
        } else {
          auto_failed_++;
          push(t + s_.failed_auto_answer_return_minutes * 60.0, EvKind::kReturn,
               ci + static_cast<int>(arrivals_.size()));
        }
        return;
      }
    } else {
      // The IVR or form menu: the tenant's own choice of topic, nothing read.
      reading.intent = entry.intent;
    }
    routing::ContactSpec spec;
    spec.id = idOf(ci);
    spec.channel = a.channel;
    spec.tenant_id = "t" + std::to_string(ci % static_cast<int>(arrivals_.size()));
    if (reading.case_ref) {
      // Corpus texts are reused across tenants; each tenant's reference is their own case, or
      // continuity would hold unrelated contacts for the agent of someone else's case.
      spec.case_ref = routing::ContactReader::normaliseCaseRef(*reading.case_ref) + "-" +
                      std::to_string(ci % static_cast<int>(arrivals_.size()));
    }
    spec.subject = entry.subject;
    spec.text = entry.text;
    spec.received_at = instantOf(t);
    spec.reading = std::move(reading);
    spec.priority_boost = returning;
    const Instant now = instantOf(t);
    const auto decision = router_.submit(std::move(spec), now);
    auto& c = contacts_[static_cast<std::size_t>(ci)];
    using Kind = routing::SubmitDecision::Kind;
    if (decision.kind == Kind::kRejectedFull || decision.kind == Kind::kDuplicate) {
      rejected_++;
      return;
    }
    if (decision.kind == Kind::kMerged) {
      merged_++;
      return;
    }
    c.queued_at = t;
    c.waiting = true;
    if (decision.kind == Kind::kCallbackOffered && a.takes_callback &&
        router_.acceptCallback(idOf(ci), "", now) == routing::RouterError::kOk) {
      c.callback = true;
    }
    if (a.channel == Channel::kPhone && a.patience_s < kInf && !c.callback) {
      push(t + a.patience_s, EvKind::kPatience, ci);
    }
  }

  void drain(double t) {
    const Instant now = instantOf(t);
    for (;;) {
      auto events = router_.takeEvents();
      if (events.empty()) {
        return;
      }
      for (const auto& e : events) {
        if (e.kind != routing::RouterEvent::Kind::kOffered) {
          continue;
        }
        // Consoles accept at once: the wait measured is the router's.
        if (router_.accept(e.agent, e.contact, now) != routing::RouterError::kOk) {
          continue;
        }
        const int ci = indexOf(e.contact);
        const int ai = agent_index_.at(e.agent);
        auto& c = contacts_[static_cast<std::size_t>(ci)];
        auto& a = agents_[static_cast<std::size_t>(ai)];
        c.waiting = false;
        c.answered_at = t;
        c.agent = ai;
        account(a, t);
        a.load++;
        if (entryOf(ci).aggressive) {
          a.aggressive++;
        }
        push(t + arrivalOf(ci).handle_s, EvKind::kComplete, ci);
      }
    }
  }

  PolicyResult results() const {
    PolicyResult r;
    r.policy = std::string(policyName(policy_));
    r.contacts = static_cast<long long>(arrivals_.size());
    r.auto_answered = auto_answered_;
    r.auto_answer_failed = auto_failed_;
    r.containment =
        r.contacts > 0 ? static_cast<double>(auto_answered_) / static_cast<double>(r.contacts) : 0;
    std::vector<double> all, urgent, reassurance, callback_delays;
    long long voice_held = 0;
    routing::PerChannel<std::vector<double>> by_channel;
    long long voice_answered = 0, voice_within20 = 0, voice_within60 = 0, voice_waited = 0;
    double voice_answered_wait = 0, voice_all_wait = 0;
    for (std::size_t ci = 0; ci < contacts_.size(); ++ci) {
      const auto& c = contacts_[ci];
      if (c.queued_at < 0) {
        continue;
      }
      const auto& a = arrivals_[ci % arrivals_.size()];
      const auto& entry = corpus_.entries[a.entry];
      const bool phone = a.channel == Channel::kPhone;
      double wait = 0;
      if (c.answered_at >= 0) {
        wait = c.answered_at - c.queued_at;
        r.handled_by_people++;
        r.work_hours += a.handle_s / 3600.0;
      } else if (c.abandoned_at >= 0) {
        wait = c.abandoned_at - c.queued_at;
        r.abandoned++;
      } else {
        wait = end_s_ - c.queued_at;  // censored: still waiting when the day ends
        r.still_waiting_at_end++;
      }
      if (phone) {
        r.phone_queued++;
        if (c.callback) {
          r.callbacks_taken++;
          callback_delays.push_back(wait);
        } else {
          voice_held++;
          voice_all_wait += wait;
          voice_waited += wait > 0 ? 1 : 0;
          if (c.answered_at >= 0) {
            voice_answered++;
            voice_answered_wait += wait;
            voice_within20 += wait <= 20 ? 1 : 0;
            voice_within60 += wait <= 60 ? 1 : 0;
          }
        }
      }
      if (c.abandoned_at >= 0 && entry.urgent) {
        r.urgent_abandoned++;
      }
      if (c.abandoned_at >= 0) {
        continue;  // waits below are those of contacts a person took (or still owes)
      }
      all.push_back(wait);
      by_channel[routing::index(a.channel)].push_back(wait);
      if (entry.urgent) {
        urgent.push_back(wait);
        r.urgent_people++;
      }
      if (entry.reassurance_high) {
        reassurance.push_back(wait);
        r.reassurance_people++;
      }
    }
    const double held = static_cast<double>(voice_held);
    if (held > 0) {
      r.voice_sl20 = static_cast<double>(voice_within20) / held;
      r.voice_sl60 = static_cast<double>(voice_within60) / held;
      r.voice_p_wait = static_cast<double>(voice_waited) / held;
      r.voice_mean_wait_all_s = voice_all_wait / held;
    }
    if (r.phone_queued > 0) {
      r.abandonment_rate = static_cast<double>(r.abandoned) / static_cast<double>(r.phone_queued);
    }
    r.callback_p95_delay_s = quantile(callback_delays, 0.95);
    r.voice_asa_s =
        voice_answered > 0 ? voice_answered_wait / static_cast<double>(voice_answered) : 0;
    r.p95_wait_all_s = quantile(all, 0.95);
    r.p95_wait_urgent_s = quantile(urgent, 0.95);
    r.p95_wait_reassurance_s = quantile(reassurance, 0.95);
    for (Channel ch : routing::kAllChannels) {
      r.p95_wait_by_channel[routing::index(ch)] = quantile(by_channel[routing::index(ch)], 0.95);
    }
    double sum = 0, sum_sq = 0, logged = 0, busy = 0;
    for (const auto& a : agents_) {
      r.aggressive_max_per_agent = std::max(r.aggressive_max_per_agent, a.aggressive);
      sum += a.aggressive;
      sum_sq += static_cast<double>(a.aggressive) * a.aggressive;
      logged += a.logged_s;
      busy += a.busy_logged_s;
    }
    r.aggressive_jain =
        sum_sq > 0 ? sum * sum / (static_cast<double>(agents_.size()) * sum_sq) : 1.0;
    r.occupancy = logged > 0 ? busy / logged : 0;
    r.waiting_per_15min = waiting_series_;
    r.seconds_simulated = end_s_;
    return r;
  }

  const Scenario& s_;
  const loadtests::Corpus& corpus_;
  const std::vector<Arrival>& arrivals_;
  Policy policy_;
  const routing::ContactReader& reader_;
  routing::Router router_;
  std::vector<ContactState> contacts_;
  routing::AutoAnswerer answerer_;
  routing::CaseBook cases_;
  routing::AskHistory asks_;
  std::vector<AgentRun> agents_;
  std::map<std::string, int, std::less<>> agent_index_;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events_;
  long long seq_ = 0;
  long long auto_answered_ = 0, auto_failed_ = 0, rejected_ = 0, merged_ = 0;
  std::vector<int> waiting_series_;
  double end_s_ = 0;
};

}  // namespace

PolicyResult simulate(const Scenario& scenario, const loadtests::Corpus& corpus,
                      const std::vector<Arrival>& arrivals, Policy policy,
                      const routing::ContactReader& reader) {
  Simulation sim(scenario, corpus, arrivals, policy, reader);
  return sim.run();
}

}  // namespace relais::sim
