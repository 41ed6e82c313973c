// Router property tests: seeded random arrivals, agents coming and going, declines, accepts,
// completes, abandons, callbacks and clock steps. A model rebuilt only from the router's events
// and return values is compared with the router after every step:
//  - no contact lost: every submitted id is waiting, offered, assigned, merged or finished, as
//    findContact() and waitingCount() say;
//  - a contact is never offered to two agents at once (an offer event only for a waiting one);
//  - capacity per agent and channel is never exceeded, exclusive channels are never mixed, and
//    the snapshot's loads agree;
//  - merged contacts keep every text, oldest first;
//  - liveness: after every call, no waiting contact is eligible for an agent able to take it
//    (the model re-derives eligibility: skills and rings, required skills, capacity, wrap-up,
//    exclusivity, decline avoidance, incivility gates). Continuity holds are off for this check;
//    the safety properties also run with every feature on.
#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <random>
#include <set>

#include "routing/router.h"
#include "tests/routing/router_test_support.h"

namespace relais::routing {
namespace {

using namespace router_test;

struct ModelContact {
  enum class St { kWaiting, kOffered, kAssigned, kGone, kMerged };
  St st = St::kWaiting;
  Channel ch = Channel::kEmail;
  int queue = 0;
  Instant enqueued{};
  std::set<std::string> required;
  bool aggressive = false;
  std::vector<std::string> texts;
  std::string agent;
  std::string merged_into;
  std::string avoid_agent;
  Instant avoid_until{};
};

struct ModelAgent {
  AgentSpec spec;
  bool connected = false;
  AgentState state = AgentState::kOffline;
  PerChannel<int> load{};
  PerChannel<Instant> wrap_until{};
  int aggressive_held = 0;
  Instant cooldown_until{};
  std::deque<Instant> aggressive_log;
};

class Harness {
 public:
  Harness(RoutingConfig cfg, std::uint64_t seed, bool check_liveness)
      : cfg_(cfg), router_(std::move(cfg)), rng_(seed), check_liveness_(check_liveness) {}

  void run(int steps) {
    for (int i = 0; i < steps && !::testing::Test::HasFailure(); ++i) {
      step_ = i;
      randomStep();
      checkInvariants();
    }
  }

  int offers() const { return offers_; }
  int merges() const { return merges_; }
  int completions() const { return completions_; }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::string where() const { return " (step " + std::to_string(step_) + ")"; }

  template <typename Pred>
  std::string pickContact(Pred pred) {
    std::vector<std::string> ids;
    for (const auto& [id, c] : contacts_) {
      if (pred(c)) {
        ids.push_back(id);
      }
    }
    return ids.empty() ? std::string()
                       : ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
  }

  int queueIndex(const std::string& name) const {
    for (std::size_t i = 0; i < cfg_.queues.size(); ++i) {
      if (cfg_.queues[i].name == name) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  void randomStep() {
    const int op = pick(100);
    if (op < 30) {
      submit();
    } else if (op < 36) {
      connect();
    } else if (op < 39) {
      const std::string id = "a" + std::to_string(pick(kAgents));
      router_.disconnectAgent(id, now_);
      drain();
    } else if (op < 44) {
      const std::string id = "a" + std::to_string(pick(kAgents));
      const AgentState s = chance(0.5) ? AgentState::kBreak : AgentState::kAvailable;
      if (router_.setAgentState(id, s, now_) == RouterError::kOk && s == AgentState::kAvailable) {
        for (Instant& w : agents_[id].wrap_until) {
          w = std::min(w, now_);
        }
      }
      drain();
    } else if (op < 60) {
      const std::string id =
          pickContact([](const ModelContact& c) { return c.st == ModelContact::St::kOffered; });
      if (!id.empty()) {
        const std::string agent = contacts_[id].agent;
        EXPECT_EQ(router_.accept(agent, id, now_), RouterError::kOk) << id << where();
        drain();
      }
    } else if (op < 66) {
      const std::string id =
          pickContact([](const ModelContact& c) { return c.st == ModelContact::St::kOffered; });
      if (!id.empty()) {
        const std::string agent = contacts_[id].agent;
        EXPECT_EQ(router_.decline(agent, id, now_), RouterError::kOk) << id << where();
        drain();
      }
    } else if (op < 80) {
      const std::string id =
          pickContact([](const ModelContact& c) { return c.st == ModelContact::St::kAssigned; });
      if (!id.empty()) {
        const std::string agent = contacts_[id].agent;
        EXPECT_EQ(router_.complete(agent, id, {}, now_), RouterError::kOk) << id << where();
        drain();
      }
    } else if (op < 83) {
      const std::string id = pickContact([](const ModelContact& c) {
        return c.st == ModelContact::St::kWaiting || c.st == ModelContact::St::kOffered;
      });
      if (!id.empty()) {
        EXPECT_TRUE(router_.abandon(id, now_)) << id << where();
        drain();
        contacts_[id].st = ModelContact::St::kGone;
      }
    } else if (op < 85) {
      const std::string id = pickContact([](const ModelContact& c) {
        return c.st == ModelContact::St::kWaiting && c.ch == Channel::kPhone;
      });
      if (!id.empty()) {
        router_.acceptCallback(id, "+33600000000", now_);
        drain();
      }
    } else if (op < 95) {
      now_ += seconds(std::uniform_real_distribution<double>(0, 90)(rng_));
      router_.advance(now_);
      drain();
    } else {
      // Jump straight to the next deadline, as the daemon does.
      if (auto d = router_.nextDeadline()) {
        EXPECT_GE(*d, now_ - seconds(1e-6)) << where();
        now_ = std::max(now_, *d);
        router_.advance(now_);
        drain();
      }
    }
  }

  void submit() {
    ContactSpec c;
    c.id = "c" + std::to_string(next_contact_++);
    c.channel = kAllChannels[static_cast<std::size_t>(pick(4))];
    c.tenant_id = "T" + std::to_string(pick(12));
    c.case_ref = chance(0.5) ? "RC" + std::to_string(pick(4)) : "";
    c.text = "text of " + c.id;
    c.reading.intent = static_cast<Intent>(pick(static_cast<int>(kIntentCount)));
    c.reading.urgency = pick(101);
    c.reading.urgent = chance(0.08);
    c.reading.reassurance = pick(101);
    c.reading.reassurance_high = chance(0.15);
    c.reading.aggressive = chance(0.12);
    c.priority_boost = chance(0.05);
    if (chance(0.1)) {
      c.required_skills = {"lang:ar"};
    }
    const SubmitDecision d = router_.submit(c, now_);
    switch (d.kind) {
      case SubmitDecision::Kind::kQueued:
      case SubmitDecision::Kind::kCallbackOffered: {
        ModelContact m;
        m.ch = c.channel;
        m.queue = queueIndex(d.queue);
        EXPECT_GE(m.queue, 0) << d.queue;
        m.enqueued = now_;
        m.required.insert(c.required_skills.begin(), c.required_skills.end());
        m.aggressive = c.reading.aggressive;
        m.texts.push_back(c.text);
        contacts_[c.id] = m;
        break;
      }
      case SubmitDecision::Kind::kMerged: {
        auto it = contacts_.find(d.merged_into);
        EXPECT_TRUE(it != contacts_.end() && it->second.st == ModelContact::St::kWaiting)
            << "merged into a contact that is not waiting" << where();
        if (it != contacts_.end()) {
          it->second.texts.push_back(c.text);
          it->second.required.insert(c.required_skills.begin(), c.required_skills.end());
          it->second.aggressive = it->second.aggressive || c.reading.aggressive;
          EXPECT_EQ(it->second.ch, c.channel);
        }
        ModelContact m;
        m.st = ModelContact::St::kMerged;
        m.merged_into = d.merged_into;
        contacts_[c.id] = m;
        ++merges_;
        break;
      }
      case SubmitDecision::Kind::kRejectedFull:
        EXPECT_FALSE(c.reading.urgent) << where();
        break;
      case SubmitDecision::Kind::kDuplicate:
        ADD_FAILURE() << "fresh id reported duplicate" << where();
        break;
    }
    drain();
  }

  // Each agent keeps the spec drawn at its first connection, so that a reconnecting agent still
  // holding contacts is never over a capacity it did not have when they were offered.
  void connect() {
    const std::string id = "a" + std::to_string(pick(kAgents));
    ModelAgent& model = agents_[id];
    if (model.spec.id.empty()) {
      model.spec = drawSpec(id);
    }
    const bool was_connected = model.connected;
    const RouterError e = router_.connectAgent(model.spec, now_);
    if (was_connected) {
      EXPECT_EQ(e, RouterError::kAgentConnected) << where();
    } else {
      EXPECT_EQ(e, RouterError::kOk) << where();
      model.connected = true;
    }
    drain();
  }

  AgentSpec drawSpec(const std::string& id) {
    AgentSpec a;
    a.id = id;
    static const std::vector<std::string> kSkills = {"technical", "tenancy", "neighbourhood",
                                                     "proximity", "general"};
    for (const std::string& s : kSkills) {
      if (chance(0.35)) {
        a.skills.push_back({s, 1 + pick(5)});
      }
    }
    if (chance(0.3)) {
      a.skills.push_back({"deescalation", 3});
    }
    if (chance(0.3)) {
      a.skills.push_back({"lang:ar", 3});
    }
    a.capacity = {pick(2), pick(4), pick(3), pick(4)};
    return a;
  }

  void drain() {
    for (const RouterEvent& e : router_.takeEvents()) {
      apply(e);
    }
  }

  void apply(const RouterEvent& e) {
    if (e.kind == RouterEvent::Kind::kAgentState) {
      ModelAgent& a = agents_[e.agent];
      a.state = e.state;
      if (e.state == AgentState::kOffline) {
        a.connected = false;
      }
      return;
    }
    auto it = contacts_.find(e.contact);
    if (it == contacts_.end()) {
      if (e.kind != RouterEvent::Kind::kMerged) {
        ADD_FAILURE() << "event for unknown contact " << e.contact << where();
      }
      return;
    }
    ModelContact& c = it->second;
    switch (e.kind) {
      case RouterEvent::Kind::kQueued:
        EXPECT_EQ(c.st, ModelContact::St::kWaiting) << e.contact << where();
        break;
      case RouterEvent::Kind::kOffered: {
        EXPECT_EQ(c.st, ModelContact::St::kWaiting)
            << e.contact << " offered while not waiting" << where();
        c.st = ModelContact::St::kOffered;
        c.agent = e.agent;
        ModelAgent& a = agents_[e.agent];
        a.load[index(c.ch)]++;
        a.aggressive_held += c.aggressive ? 1 : 0;
        ++offers_;
        if (check_liveness_) {
          EXPECT_TRUE(eligibleWhenOffered(a, c, e.agent))
              << e.contact << " offered to ineligible " << e.agent << where();
        }
        break;
      }
      case RouterEvent::Kind::kOfferWithdrawn: {
        EXPECT_EQ(c.st, ModelContact::St::kOffered) << e.contact << where();
        EXPECT_EQ(c.agent, e.agent) << e.contact << where();
        ModelAgent& a = agents_[c.agent];
        a.load[index(c.ch)]--;
        a.aggressive_held -= c.aggressive ? 1 : 0;
        if (e.reason == "declined" || e.reason == "timeout") {
          c.avoid_agent = c.agent;
          c.avoid_until = now_ + cfg_.decline_avoid;
        }
        c.agent.clear();
        c.st = ModelContact::St::kWaiting;
        break;
      }
      case RouterEvent::Kind::kAccepted:
        EXPECT_EQ(c.st, ModelContact::St::kOffered) << e.contact << where();
        c.st = ModelContact::St::kAssigned;
        if (c.aggressive) {
          agents_[c.agent].aggressive_log.push_back(now_);
        }
        break;
      case RouterEvent::Kind::kCompleted: {
        EXPECT_EQ(c.st, ModelContact::St::kAssigned) << e.contact << where();
        ModelAgent& a = agents_[c.agent];
        a.load[index(c.ch)]--;
        if (c.aggressive) {
          a.aggressive_held--;
          a.cooldown_until = std::max(a.cooldown_until, now_ + cfg_.incivility.cooldown);
        }
        if (a.connected && cfg_.wrap_up[index(c.ch)] > Duration::zero()) {
          a.wrap_until[index(c.ch)] =
              std::max(a.wrap_until[index(c.ch)], now_ + cfg_.wrap_up[index(c.ch)]);
        }
        c.st = ModelContact::St::kGone;
        ++completions_;
        break;
      }
      case RouterEvent::Kind::kMerged:
      case RouterEvent::Kind::kCallbackAccepted:
      case RouterEvent::Kind::kAgentState:
        break;
    }
  }

  int ringOf(const ModelContact& c) const {
    int ring = 0;
    for (Duration t : cfg_.queues[c.queue].ring_thresholds) {
      ring += now_ - c.enqueued >= t ? 1 : 0;
    }
    return ring;
  }

  static int proficiency(const AgentSpec& a, const std::string& skill) {
    int best = 0;
    for (const Skill& s : a.skills) {
      if (s.name == skill) {
        best = std::max(best, s.proficiency);
      }
    }
    return best;
  }

  int levelOf(const AgentSpec& a, int queue) const {
    const QueueConfig& q = cfg_.queues[queue];
    if (proficiency(a, q.skill) >= q.min_proficiency) {
      return 0;
    }
    for (std::size_t i = 0; i < q.secondary_skills.size(); ++i) {
      if (proficiency(a, q.secondary_skills[i]) >= q.min_proficiency) {
        return static_cast<int>(i) + 1;
      }
    }
    return -1;
  }

  bool hasRoom(const ModelAgent& a, Channel ch) const {
    const std::size_t i = index(ch);
    if (a.spec.capacity[i] <= 0 || a.load[i] >= a.spec.capacity[i]) {
      return false;
    }
    for (Channel o : kAllChannels) {
      if (a.load[index(o)] > 0 && cfg_.exclusive[index(o)][i]) {
        return false;
      }
    }
    return true;
  }

  bool skillsAndGates(const ModelAgent& a, const ModelContact& c, const std::string& agent_id) {
    if (c.avoid_agent == agent_id && now_ < c.avoid_until) {
      return false;
    }
    for (const std::string& s : c.required) {
      if (proficiency(a.spec, s) < 1) {
        return false;
      }
    }
    const int level = levelOf(a.spec, c.queue);
    if (level < 0 || level > ringOf(c)) {
      return false;
    }
    if (c.aggressive) {
      int in_shift = 0;
      for (Instant t : a.aggressive_log) {
        in_shift += now_ - t < cfg_.incivility.shift_length ? 1 : 0;
      }
      if (a.aggressive_held > 0 || now_ < a.cooldown_until ||
          in_shift >= cfg_.incivility.max_per_shift) {
        return false;
      }
      if (now_ - c.enqueued < cfg_.incivility.wait_for_deescalation &&
          proficiency(a.spec, cfg_.incivility.deescalation_skill) < 1) {
        return false;
      }
    }
    return true;
  }

  // Whether the model agrees that the agent could take the contact just before it was offered
  // (load already counts the offer).
  bool eligibleWhenOffered(ModelAgent& a, const ModelContact& c, const std::string& agent_id) {
    a.load[index(c.ch)]--;
    a.aggressive_held -= c.aggressive ? 1 : 0;
    const bool ok = eligible(a, c, agent_id);
    a.load[index(c.ch)]++;
    a.aggressive_held += c.aggressive ? 1 : 0;
    return ok;
  }

  bool eligible(const ModelAgent& a, const ModelContact& c, const std::string& agent_id) {
    const bool online =
        a.connected && a.state != AgentState::kBreak && a.state != AgentState::kOffline;
    return online && hasRoom(a, c.ch) && now_ >= a.wrap_until[index(c.ch)] &&
           skillsAndGates(a, c, agent_id);
  }

  static std::string join(const std::vector<std::string>& texts) {
    std::string out;
    for (const std::string& t : texts) {
      out += out.empty() ? t : "\n\n" + t;
    }
    return out;
  }

  void checkInvariants() {
    std::size_t waiting = 0;
    for (const auto& [id, c] : contacts_) {
      const auto view = router_.findContact(id, now_);
      switch (c.st) {
        case ModelContact::St::kGone:
          EXPECT_FALSE(view) << id << " should be gone" << where();
          break;
        case ModelContact::St::kMerged: {
          const ModelContact& target = contacts_.at(c.merged_into);
          if (target.st == ModelContact::St::kGone) {
            EXPECT_FALSE(view) << id << where();
          } else {
            ASSERT_TRUE(view) << id << " merged, lost" << where();
            EXPECT_EQ(view->id, c.merged_into) << where();
          }
          break;
        }
        case ModelContact::St::kWaiting:
          ++waiting;
          ASSERT_TRUE(view) << id << " lost while waiting" << where();
          EXPECT_TRUE(view->phase == ContactPhase::kWaiting ||
                      view->phase == ContactPhase::kCallbackOffered)
              << id << where();
          EXPECT_GE(view->position, 1) << id << where();
          break;
        case ModelContact::St::kOffered: {
          ASSERT_TRUE(view) << id << " lost while offered" << where();
          EXPECT_EQ(view->phase, ContactPhase::kOffered) << id << where();
          EXPECT_EQ(view->agent_id, c.agent) << id << where();
          const auto details = router_.offerDetails(id);
          ASSERT_TRUE(details) << id << where();
          EXPECT_EQ(details->text, join(c.texts)) << id << where();
          break;
        }
        case ModelContact::St::kAssigned:
          ASSERT_TRUE(view) << id << " lost while assigned" << where();
          EXPECT_EQ(view->phase, ContactPhase::kAssigned) << id << where();
          EXPECT_EQ(view->agent_id, c.agent) << id << where();
          break;
      }
    }
    EXPECT_EQ(router_.waitingCount(), waiting) << where();

    const RouterSnapshot snap = router_.snapshot(now_);
    for (const AgentSnapshot& s : snap.agents) {
      const ModelAgent& a = agents_[s.id];
      EXPECT_EQ(s.load, a.load) << s.id << where();
      for (Channel ch : kAllChannels) {
        EXPECT_LE(a.load[index(ch)], std::max(0, a.spec.capacity[index(ch)]))
            << s.id << " over capacity on " << channelName(ch) << where();
        for (Channel other : kAllChannels) {
          if (cfg_.exclusive[index(ch)][index(other)]) {
            EXPECT_FALSE(a.load[index(ch)] > 0 && a.load[index(other)] > 0)
                << s.id << " mixes exclusive channels" << where();
          }
        }
      }
    }

    if (check_liveness_) {
      for (const auto& [id, c] : contacts_) {
        if (c.st != ModelContact::St::kWaiting) {
          continue;
        }
        for (const auto& [agent_id, a] : agents_) {
          EXPECT_FALSE(eligible(a, c, agent_id))
              << id << " waits while " << agent_id << " could take it" << where();
        }
      }
    }
  }

  static constexpr int kAgents = 10;
  RoutingConfig cfg_;
  Router router_;
  std::mt19937_64 rng_;
  bool check_liveness_;
  Instant now_ = kT0;
  int step_ = 0;
  int next_contact_ = 0;
  int offers_ = 0;
  int merges_ = 0;
  int completions_ = 0;
  std::map<std::string, ModelContact> contacts_;
  std::map<std::string, ModelAgent> agents_;
};

RoutingConfig livenessConfig() {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.continuity_window = Duration::zero();
  cfg.incivility.max_per_shift = 3;
  cfg.incivility.cooldown = std::chrono::minutes(2);
  cfg.queues[0].max_waiting = 30;
  cfg.queues[1].min_proficiency = 2;
  return cfg;
}

class RouterPropertyTest : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(RouterPropertyTest, InvariantsAndLiveness) {
  Harness h(livenessConfig(), GetParam(), /*check_liveness=*/true);
  h.run(3000);
  EXPECT_GT(h.offers(), 100);
  EXPECT_GT(h.completions(), 50);
  EXPECT_GT(h.merges(), 0);
}

TEST_P(RouterPropertyTest, InvariantsAndLivenessWithoutWrapUp) {
  RoutingConfig cfg = livenessConfig();
  cfg.wrap_up = {Duration::zero(), Duration::zero(), Duration::zero(), Duration::zero()};
  cfg.decline_avoid = Duration::zero();
  Harness h(cfg, GetParam() + 1000, /*check_liveness=*/true);
  h.run(3000);
  EXPECT_GT(h.offers(), 100);
}

TEST_P(RouterPropertyTest, InvariantsWithEveryFeature) {
  RoutingConfig cfg = RoutingConfig::defaults();
  cfg.queues[4].max_waiting = 20;
  cfg.continuity_window = std::chrono::seconds(45);
  Harness h(cfg, GetParam() * 7919, /*check_liveness=*/false);
  h.run(3000);
  EXPECT_GT(h.offers(), 100);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RouterPropertyTest, ::testing::Range<std::uint64_t>(1, 21));

}  // namespace
}  // namespace relais::routing
