// First, simple Router: every decision is a scan over all contacts and agents. Correct and
// complete in behaviour, not fast; the indexed engine replaces the scans.
#include "routing/router.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <unordered_map>
#include <utility>

namespace relais::routing {
namespace {

constexpr int kNone = -1;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

double secondsOf(Duration d) { return toSeconds(d); }

struct ContactRec {
  ContactSpec spec;
  bool live = false;
  int queue = 0;
  ContactPhase phase = ContactPhase::kWaiting;
  bool callback_offered = false;  // phone, long wait: the caller may take a callback
  bool callback = false;
  std::string callback_number;
  Instant enqueued_at{};
  std::uint64_t seq = 0;
  double base = 0;  // priority without the wait term
  int agent = kNone;
  Instant offer_deadline{};
  std::string match_reason;
  std::vector<std::string> merged_ids;
  int avoid_agent = kNone;
  Instant avoid_until{};
  int held_for = kNone;  // continuity: kept for this agent until hold_until
  Instant hold_until{};
  bool restore_hold = false;  // restored as assigned to an agent not yet reconnected
  Instant restore_until{};
};

struct AgentRec {
  AgentSpec spec;
  bool connected = false;
  bool on_break = false;
  PerChannel<int> capacity{};
  PerChannel<int> load{};  // offered + assigned
  PerChannel<Instant> wrap_until{};
  Instant idle_since{};
  int misses = 0;
  int aggressive_held = 0;
  Instant cooldown_until{};
  std::deque<Instant> aggressive_log;  // accepts of aggressive contacts within the shift
  AgentState reported = AgentState::kOffline;
  std::vector<int> level_by_queue;  // ring at which the agent serves each queue; kNone = never
  std::vector<int> proficiency_by_queue;
};

struct Observation {
  Instant at{};
  bool within_target = false;
};

struct QueueChannelStats {
  std::deque<Observation> answered;
  std::optional<Instant> first;
};

}  // namespace

struct Router::Impl {
  RoutingConfig cfg;
  std::vector<RouterEvent> events;
  std::vector<ContactRec> contacts;
  std::vector<int> free_slots;
  StringMap<int> contact_by_id;
  StringMap<std::string> merged_alias;  // merged id -> id it joined
  std::vector<AgentRec> agents;
  StringMap<int> agent_by_id;
  StringMap<std::pair<int, Instant>> continuity;  // "c:<case>" / "t:<tenant>" -> agent, when
  std::deque<std::pair<std::string, Instant>> continuity_order;
  std::vector<PerChannel<QueueChannelStats>> stats;
  std::uint64_t next_seq = 0;
  Instant last_now{};

  explicit Impl(RoutingConfig c) : cfg(std::move(c)) {
    if (cfg.queues.empty()) {
      QueueConfig q;
      q.name = cfg.default_queue.empty() ? "general" : cfg.default_queue;
      q.skill = q.name;
      cfg.queues.push_back(q);
    }
    stats.resize(cfg.queues.size());
  }

  // ---- lookup helpers ----
  int queueIndex(std::string_view name) const {
    for (std::size_t i = 0; i < cfg.queues.size(); ++i) {
      if (cfg.queues[i].name == name) {
        return static_cast<int>(i);
      }
    }
    return kNone;
  }

  int queueFor(const ContactSpec& c) const {
    if ((c.reading.reassurance_high || c.vulnerable) && !c.reading.urgent) {
      int q = queueIndex(cfg.reassurance_queue);
      if (q != kNone) {
        return q;
      }
    }
    for (const QueueRule& r : cfg.rules) {
      if (r.intent == c.reading.intent) {
        int q = queueIndex(r.queue);
        if (q != kNone) {
          return q;
        }
      }
    }
    int q = queueIndex(cfg.default_queue);
    return q == kNone ? 0 : q;
  }

  int findContactIndex(std::string_view id) const {
    auto it = contact_by_id.find(id);
    return it == contact_by_id.end() ? kNone : it->second;
  }
  int findAgentIndex(std::string_view id) const {
    auto it = agent_by_id.find(id);
    return it == agent_by_id.end() ? kNone : it->second;
  }

  double basePriority(const ContactSpec& c) const {
    const PriorityWeights& w = cfg.weights;
    double p = w.urgency * std::clamp(c.reading.urgency, 0, 100) / 100.0 +
               w.reassurance * std::clamp(c.reading.reassurance, 0, 100) / 100.0;
    if (c.priority_boost) {
      p += w.boost;
    }
    if (c.reading.urgent) {
      p += w.urgent_bonus;
    }
    return p;
  }

  double priorityAt(const ContactRec& c, Instant now) const {
    return c.base + cfg.weights.wait * secondsOf(now - c.enqueued_at) /
                        secondsOf(cfg.service_target[index(c.spec.channel)]);
  }

  int ringAt(const ContactRec& c, Instant now) const {
    const QueueConfig& q = cfg.queues[c.queue];
    int ring = 0;
    for (Duration t : q.ring_thresholds) {
      if (now - c.enqueued_at >= t) {
        ++ring;
      }
    }
    return ring;
  }

  bool isWaiting(const ContactRec& c) const {
    return c.live &&
           (c.phase == ContactPhase::kWaiting || c.phase == ContactPhase::kCallbackOffered);
  }

  // ---- agents ----
  static bool hasSkill(const AgentRec& a, std::string_view skill, int min_prof = 1) {
    for (const Skill& s : a.spec.skills) {
      if (s.name == skill && s.proficiency >= min_prof) {
        return true;
      }
    }
    return false;
  }

  void computeLevels(AgentRec& a) const {
    a.level_by_queue.assign(cfg.queues.size(), kNone);
    a.proficiency_by_queue.assign(cfg.queues.size(), 0);
    for (std::size_t qi = 0; qi < cfg.queues.size(); ++qi) {
      const QueueConfig& q = cfg.queues[qi];
      for (std::size_t ring = 0; ring <= q.secondary_skills.size(); ++ring) {
        const std::string& skill = ring == 0 ? q.skill : q.secondary_skills[ring - 1];
        for (const Skill& s : a.spec.skills) {
          if (s.name == skill && s.proficiency >= q.min_proficiency) {
            a.level_by_queue[qi] = static_cast<int>(ring);
            a.proficiency_by_queue[qi] = s.proficiency;
            break;
          }
        }
        if (a.level_by_queue[qi] != kNone) {
          break;
        }
      }
    }
  }

  bool online(const AgentRec& a) const { return a.connected && !a.on_break; }

  int totalLoad(const AgentRec& a) const {
    int n = 0;
    for (int l : a.load) {
      n += l;
    }
    return n;
  }

  double occupancy(const AgentRec& a) const {
    int cap = 0;
    for (int c : a.capacity) {
      cap += std::max(c, 0);
    }
    return cap == 0 ? 0.0 : std::min(1.0, static_cast<double>(totalLoad(a)) / cap);
  }

  // Free capacity on `ch`, ignoring wrap-up and the agent's state.
  bool hasRoom(const AgentRec& a, Channel ch) const {
    const std::size_t i = index(ch);
    if (a.capacity[i] <= 0 || a.load[i] >= a.capacity[i]) {
      return false;
    }
    for (Channel other : kAllChannels) {
      if (a.load[index(other)] > 0 && cfg.exclusive[index(other)][i]) {
        return false;
      }
    }
    return true;
  }

  bool canTake(const AgentRec& a, Channel ch, Instant now) const {
    return online(a) && hasRoom(a, ch) && now >= a.wrap_until[index(ch)];
  }

  int aggressiveInShift(const AgentRec& a, Instant now) const {
    int n = 0;
    for (Instant t : a.aggressive_log) {
      if (now - t < cfg.incivility.shift_length) {
        ++n;
      }
    }
    return n;
  }

  bool aggressiveOk(const AgentRec& a, Instant now) const {
    return a.aggressive_held == 0 && now >= a.cooldown_until &&
           aggressiveInShift(a, now) < cfg.incivility.max_per_shift;
  }

  AgentState stateOf(const AgentRec& a, Instant now) const {
    if (!a.connected) {
      return AgentState::kOffline;
    }
    if (a.on_break) {
      return AgentState::kBreak;
    }
    for (Channel ch : kAllChannels) {
      if (a.wrap_until[index(ch)] > now) {
        return AgentState::kWrapUp;
      }
    }
    for (Channel ch : kAllChannels) {
      if (hasRoom(a, ch)) {
        return AgentState::kAvailable;
      }
    }
    return totalLoad(a) > 0 ? AgentState::kBusy : AgentState::kAvailable;
  }

  void refreshState(int ai, Instant now, std::string_view reason) {
    AgentRec& a = agents[ai];
    AgentState s = stateOf(a, now);
    if (s == a.reported) {
      return;
    }
    a.reported = s;
    RouterEvent e{};
    e.kind = RouterEvent::Kind::kAgentState;
    e.at = now;
    e.agent = a.spec.id;
    e.state = s;
    e.reason = std::string(reason);
    events.push_back(std::move(e));
  }

  // ---- eligibility and ranking ----
  bool requiredSkillsOk(const AgentRec& a, const ContactRec& c) const {
    for (const std::string& s : c.spec.required_skills) {
      if (!hasSkill(a, s)) {
        return false;
      }
    }
    return true;
  }

  bool heldNow(const ContactRec& c, Instant now) const {
    return c.held_for != kNone && now < c.hold_until;
  }

  // Whether agent `ai` may be offered waiting contact `c` now.
  bool eligible(int ai, const ContactRec& c, Instant now) const {
    const AgentRec& a = agents[ai];
    if (!canTake(a, c.spec.channel, now) || !requiredSkillsOk(a, c)) {
      return false;
    }
    if (c.avoid_agent == ai && now < c.avoid_until) {
      return false;
    }
    if (c.spec.reading.aggressive && !aggressiveOk(a, now)) {
      return false;
    }
    if (heldNow(c, now)) {
      return c.held_for == ai;
    }
    const int level = a.level_by_queue[c.queue];
    if (level == kNone || level > ringAt(c, now)) {
      return false;
    }
    if (c.spec.reading.aggressive && now - c.enqueued_at < cfg.incivility.wait_for_deescalation &&
        !hasSkill(a, cfg.incivility.deescalation_skill)) {
      return false;
    }
    return true;
  }

  // Agent order for a contact: skill ring, proficiency, least occupied, longest idle.
  bool betterAgent(int x, int y, int queue) const {
    const AgentRec& a = agents[x];
    const AgentRec& b = agents[y];
    if (a.level_by_queue[queue] != b.level_by_queue[queue]) {
      return a.level_by_queue[queue] < b.level_by_queue[queue];
    }
    if (a.proficiency_by_queue[queue] != b.proficiency_by_queue[queue]) {
      return a.proficiency_by_queue[queue] > b.proficiency_by_queue[queue];
    }
    const double oa = occupancy(a);
    const double ob = occupancy(b);
    if (oa != ob) {
      return oa < ob;
    }
    if (a.idle_since != b.idle_since) {
      return a.idle_since < b.idle_since;
    }
    return x < y;
  }

  std::string matchReason(int ai, const ContactRec& c, Instant now) const {
    if (heldNow(c, now) && c.held_for == ai) {
      return "continuity";
    }
    const AgentRec& a = agents[ai];
    const int level = a.level_by_queue[c.queue];
    std::string r = level == 0 ? "skill " + cfg.queues[c.queue].skill
                               : "ring " + std::to_string(level) + " skill " +
                                     cfg.queues[c.queue].secondary_skills[level - 1];
    if (c.spec.reading.aggressive && hasSkill(a, cfg.incivility.deescalation_skill)) {
      r += ", deescalation";
    }
    return r;
  }

  // ---- events ----
  void emit(RouterEvent::Kind kind, Instant now, const ContactRec& c, std::string reason = {}) {
    RouterEvent e{};
    e.kind = kind;
    e.at = now;
    e.contact = c.spec.id;
    if (c.agent != kNone) {
      e.agent = agents[c.agent].spec.id;
    }
    e.reason = std::move(reason);
    e.queue = cfg.queues[c.queue].name;
    e.channel = c.spec.channel;
    e.aggressive = c.spec.reading.aggressive;
    e.waited = now - c.enqueued_at;
    e.deadline = c.offer_deadline;
    events.push_back(std::move(e));
  }

  // ---- offers ----
  void offer(int ci, int ai, Instant now) {
    ContactRec& c = contacts[ci];
    AgentRec& a = agents[ai];
    c.match_reason = matchReason(ai, c, now);
    c.phase = ContactPhase::kOffered;
    c.agent = ai;
    c.held_for = kNone;
    c.offer_deadline = now + cfg.offer_timeout[index(c.spec.channel)];
    a.load[index(c.spec.channel)]++;
    emit(RouterEvent::Kind::kOffered, now, c, c.match_reason);
    refreshState(ai, now, "offer");
  }

  void backToQueue(int ci) {
    ContactRec& c = contacts[ci];
    c.agent = kNone;
    c.phase =
        c.callback_offered && !c.callback ? ContactPhase::kCallbackOffered : ContactPhase::kWaiting;
  }

  // Ends the offer of contact `ci` (declined, timed out, agent gone); the contact waits again
  // with its original enqueue time.
  void withdrawOffer(int ci, Instant now, std::string_view reason, bool avoid) {
    ContactRec& c = contacts[ci];
    const int ai = c.agent;
    emit(RouterEvent::Kind::kOfferWithdrawn, now, c, std::string(reason));
    agents[ai].load[index(c.spec.channel)]--;
    if (avoid) {
      c.avoid_agent = ai;
      c.avoid_until = now + cfg.decline_avoid;
    }
    backToQueue(ci);
    emit(RouterEvent::Kind::kQueued, now, c, std::string(reason));
    refreshState(ai, now, reason);
  }

  // Offers every waiting contact that some agent can take now, best contacts first; held
  // (continuity) contacts go first to their agent.
  void dispatch(Instant now) {
    std::vector<int> waiting;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      if (isWaiting(contacts[i])) {
        waiting.push_back(static_cast<int>(i));
      }
    }
    if (waiting.empty()) {
      return;
    }
    std::vector<std::pair<double, int>> order;
    order.reserve(waiting.size());
    for (int ci : waiting) {
      const ContactRec& c = contacts[ci];
      const double held = heldNow(c, now) ? 1e12 : 0.0;
      order.emplace_back(held + priorityAt(c, now), ci);
    }
    std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) {
        return x.first > y.first;
      }
      return contacts[x.second].seq < contacts[y.second].seq;
    });
    for (const auto& [prio, ci] : order) {
      int best = kNone;
      for (std::size_t ai = 0; ai < agents.size(); ++ai) {
        if (eligible(static_cast<int>(ai), contacts[ci], now) &&
            (best == kNone || betterAgent(static_cast<int>(ai), best, contacts[ci].queue))) {
          best = static_cast<int>(ai);
        }
      }
      if (best != kNone) {
        offer(ci, best, now);
      }
    }
  }

  // ---- queue statistics ----
  int waitingIn(int queue, std::optional<Channel> ch) const {
    int n = 0;
    for (const ContactRec& c : contacts) {
      if (isWaiting(c) && c.queue == queue && (!ch || c.spec.channel == *ch)) {
        ++n;
      }
    }
    return n;
  }

  int positionOf(const ContactRec& c, Instant now) const {
    int pos = 1;
    const double p = priorityAt(c, now);
    for (const ContactRec& o : contacts) {
      if (&o == &c || !isWaiting(o) || o.queue != c.queue || o.spec.channel != c.spec.channel) {
        continue;
      }
      const double q = priorityAt(o, now);
      if (q > p || (q == p && o.seq < c.seq)) {
        ++pos;
      }
    }
    return pos;
  }

  void pruneStats(QueueChannelStats& s, Instant now) {
    while (!s.answered.empty() && now - s.answered.front().at > cfg.observation_window) {
      s.answered.pop_front();
    }
  }

  // Contacts per second the queue's channel is served at: observed when there are enough
  // answers in the window, else eligible capacity over the default handling time.
  double serviceRate(int queue, Channel ch, Instant now) const {
    const QueueChannelStats& s = stats[queue][index(ch)];
    int n = 0;
    for (const Observation& o : s.answered) {
      if (now - o.at <= cfg.observation_window) {
        ++n;
      }
    }
    if (n >= 5 && s.first) {
      const Duration covered = std::min(cfg.observation_window, now - *s.first);
      return n / std::max(1.0, secondsOf(covered));
    }
    int capacity = 0;
    for (const AgentRec& a : agents) {
      if (online(a) && a.level_by_queue[queue] != kNone) {
        capacity += std::max(0, a.capacity[index(ch)]);
      }
    }
    return std::max(1, capacity) / secondsOf(cfg.default_handle_time[index(ch)]);
  }

  Duration estimateFor(int queue, Channel ch, int position, Instant now) const {
    if (position <= 0) {
      return Duration::zero();
    }
    int high = 0;
    int all = 0;
    for (const ContactRec& c : contacts) {
      if (isWaiting(c) && c.queue == queue && c.spec.channel == ch) {
        ++all;
        high += c.spec.reading.reassurance_high ? 1 : 0;
      }
    }
    const double share = all == 0 ? 0.0 : static_cast<double>(high) / all;
    const double factor = 1.0 + (cfg.reassurance_handle_factor - 1.0) * share;
    return seconds(position * factor / serviceRate(queue, ch, now));
  }

  double serviceLevel(int queue, Channel ch, Instant now) const {
    const QueueChannelStats& s = stats[queue][index(ch)];
    int n = 0;
    int ok = 0;
    for (const Observation& o : s.answered) {
      if (now - o.at <= cfg.observation_window) {
        ++n;
        ok += o.within_target ? 1 : 0;
      }
    }
    return n == 0 ? 1.0 : static_cast<double>(ok) / n;
  }

  // ---- continuity memory ----
  void remember(const ContactRec& c, int ai, Instant now) {
    auto put = [&](std::string key) {
      continuity[key] = {ai, now};
      continuity_order.emplace_back(std::move(key), now);
    };
    if (!c.spec.case_ref.empty()) {
      put("c:" + c.spec.case_ref);
    }
    if (!c.spec.tenant_id.empty()) {
      put("t:" + c.spec.tenant_id);
    }
    expireContinuity(now);
  }

  void expireContinuity(Instant now) {
    while (!continuity_order.empty() &&
           (now - continuity_order.front().second > cfg.continuity_memory ||
            continuity.size() > cfg.continuity_max_entries ||
            continuity_order.size() > 2 * cfg.continuity_max_entries)) {
      auto& [key, at] = continuity_order.front();
      auto it = continuity.find(key);
      if (it != continuity.end() && it->second.second == at) {
        continuity.erase(it);
      }
      continuity_order.pop_front();
    }
  }

  // The agent who last handled the case, else the tenant, if still remembered.
  std::pair<int, bool> continuityAgent(const ContactSpec& c, Instant now) const {
    auto look = [&](const std::string& key) {
      auto it = continuity.find(key);
      if (it == continuity.end() || now - it->second.second > cfg.continuity_memory) {
        return kNone;
      }
      return it->second.first;
    };
    if (!c.case_ref.empty()) {
      int a = look("c:" + c.case_ref);
      if (a != kNone) {
        return {a, true};
      }
    }
    if (!c.tenant_id.empty()) {
      return {look("t:" + c.tenant_id), false};
    }
    return {kNone, false};
  }

  void setupContinuity(ContactRec& c, Instant now) {
    if (c.spec.reading.urgent || cfg.continuity_window <= Duration::zero()) {
      return;
    }
    auto [ai, by_case] = continuityAgent(c.spec, now);
    if (ai == kNone) {
      return;
    }
    const AgentRec& a = agents[ai];
    if (!online(a) || a.capacity[index(c.spec.channel)] <= 0 || !requiredSkillsOk(a, c)) {
      return;
    }
    if (!by_case && a.level_by_queue[c.queue] == kNone) {
      return;  // a tenant's earlier agent of another skill group is no help
    }
    c.held_for = ai;
    c.hold_until = now + cfg.continuity_window;
  }

  // ---- merge ----
  std::string mergeKey(const ContactSpec& c) const {
    std::string k = c.tenant_id;
    k += '\x1f';
    k += std::to_string(index(c.channel));
    k += '\x1f';
    if (!c.case_ref.empty()) {
      k += "c:" + c.case_ref;
    } else {
      k += "i:" + std::to_string(static_cast<int>(c.reading.intent));
    }
    return k;
  }

  int mergeTarget(const ContactSpec& spec) const {
    if (!cfg.merge_repeats || spec.tenant_id.empty() || spec.channel == Channel::kPhone) {
      return kNone;
    }
    const std::string key = mergeKey(spec);
    int best = kNone;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      const ContactRec& c = contacts[i];
      if (isWaiting(c) && mergeKey(c.spec) == key &&
          (best == kNone || contacts[best].seq > c.seq)) {
        best = static_cast<int>(i);
      }
    }
    return best;
  }

  void mergeInto(int ti, ContactSpec spec) {
    ContactRec& t = contacts[ti];
    if (!spec.text.empty()) {
      if (!t.spec.text.empty()) {
        t.spec.text += "\n\n";
      }
      t.spec.text += spec.text;
    }
    Reading& r = t.spec.reading;
    const Reading& n = spec.reading;
    r.urgent = r.urgent || n.urgent;
    r.urgency = std::max(r.urgency, n.urgency);
    r.aggressive = r.aggressive || n.aggressive;
    r.reassurance = std::max(r.reassurance, n.reassurance);
    r.reassurance_high = r.reassurance_high || n.reassurance_high;
    r.asks_for_person = r.asks_for_person || n.asks_for_person;
    for (const std::string& reason : n.reasons) {
      r.reasons.push_back(reason);
    }
    t.spec.vulnerable = t.spec.vulnerable || spec.vulnerable;
    t.spec.priority_boost = t.spec.priority_boost || spec.priority_boost;
    for (std::string& s : spec.required_skills) {
      if (std::find(t.spec.required_skills.begin(), t.spec.required_skills.end(), s) ==
          t.spec.required_skills.end()) {
        t.spec.required_skills.push_back(std::move(s));
      }
    }
    t.base = basePriority(t.spec);
    merged_alias[spec.id] = t.spec.id;
    t.merged_ids.push_back(std::move(spec.id));
  }

  // ---- contact storage ----
  int allocate(ContactSpec spec, int queue, Instant enqueued_at) {
    int ci;
    if (!free_slots.empty()) {
      ci = free_slots.back();
      free_slots.pop_back();
    } else {
      ci = static_cast<int>(contacts.size());
      contacts.emplace_back();
    }
    ContactRec& c = contacts[ci];
    c = ContactRec{};
    c.live = true;
    c.queue = queue;
    c.enqueued_at = enqueued_at;
    c.seq = next_seq++;
    c.base = basePriority(spec);
    c.spec = std::move(spec);
    contact_by_id.emplace(c.spec.id, ci);
    return ci;
  }

  void release(int ci) {
    ContactRec& c = contacts[ci];
    for (const std::string& m : c.merged_ids) {
      merged_alias.erase(m);
    }
    contact_by_id.erase(c.spec.id);
    c = ContactRec{};
    free_slots.push_back(ci);
  }

  ContactView viewOf(const ContactRec& c, Instant now) const {
    ContactView v;
    v.id = c.spec.id;
    v.phase = c.phase;
    v.queue = cfg.queues[c.queue].name;
    v.channel = c.spec.channel;
    if (isWaiting(c)) {
      v.position = positionOf(c, now);
      v.estimated_wait = estimateFor(c.queue, c.spec.channel, v.position, now);
    }
    if (c.agent != kNone) {
      v.agent_id = agents[c.agent].spec.id;
    }
    v.callback = c.callback;
    return v;
  }

  // ---- time ----
  void expire(Instant now) {
    last_now = std::max(last_now, now);
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      ContactRec& c = contacts[i];
      if (!c.live) {
        continue;
      }
      if (c.phase == ContactPhase::kOffered && now >= c.offer_deadline) {
        const int ai = c.agent;
        withdrawOffer(static_cast<int>(i), now, "timeout", true);
        AgentRec& a = agents[ai];
        a.misses++;
        if (cfg.max_consecutive_misses > 0 && a.misses >= cfg.max_consecutive_misses &&
            a.connected && !a.on_break) {
          goOnBreak(ai, now, "missed_offers");
        }
      }
      if (c.phase == ContactPhase::kAssigned && c.restore_hold && now >= c.restore_until) {
        AgentRec& a = agents[c.agent];
        a.load[index(c.spec.channel)]--;
        c.restore_hold = false;
        backToQueue(static_cast<int>(i));
        emit(RouterEvent::Kind::kQueued, now, c, "restore_hold_expired");
      }
      if (c.held_for != kNone && now >= c.hold_until) {
        c.held_for = kNone;
      }
    }
    for (std::size_t ai = 0; ai < agents.size(); ++ai) {
      AgentRec& a = agents[ai];
      while (!a.aggressive_log.empty() &&
             now - a.aggressive_log.front() >= cfg.incivility.shift_length) {
        a.aggressive_log.pop_front();
      }
      refreshState(static_cast<int>(ai), now, "wrap_up_end");
    }
    expireContinuity(now);
  }

  void goOnBreak(int ai, Instant now, std::string_view reason) {
    AgentRec& a = agents[ai];
    a.on_break = true;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      ContactRec& c = contacts[i];
      if (c.live && c.phase == ContactPhase::kOffered && c.agent == ai) {
        withdrawOffer(static_cast<int>(i), now, "agent_break", false);
      }
      if (c.live && c.held_for == ai) {
        c.held_for = kNone;
      }
    }
    refreshState(ai, now, reason);
  }
};

// ---------------------------------------------------------------------------------------------

std::string_view routerErrorMessage(RouterError e) {
  switch (e) {
    case RouterError::kOk:
      return "ok";
    case RouterError::kUnknownAgent:
      return "agent not connected";
    case RouterError::kAgentConnected:
      return "agent already connected";
    case RouterError::kUnknownContact:
      return "no such live contact";
    case RouterError::kNotOfferedToYou:
      return "contact not offered to this agent (or the offer expired)";
    case RouterError::kNotAssignedToYou:
      return "contact not assigned to this agent";
    case RouterError::kBadState:
      return "state cannot be set that way";
    case RouterError::kNotCallback:
      return "contact was not offered a callback";
  }
  return "unknown error";
}

Router::Router(RoutingConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}
Router::~Router() = default;

const RoutingConfig& Router::config() const { return impl_->cfg; }

SubmitDecision Router::submit(ContactSpec contact, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  SubmitDecision d;
  if (m.contact_by_id.contains(contact.id) || m.merged_alias.contains(contact.id)) {
    d.kind = SubmitDecision::Kind::kDuplicate;
    return d;
  }
  const int target = m.mergeTarget(contact);
  if (target != kNone) {
    const std::string new_id = contact.id;
    m.mergeInto(target, std::move(contact));
    ContactRec& t = m.contacts[target];
    RouterEvent e{};
    e.kind = RouterEvent::Kind::kMerged;
    e.at = now;
    e.contact = new_id;
    e.other = t.spec.id;
    e.queue = m.cfg.queues[t.queue].name;
    e.channel = t.spec.channel;
    e.aggressive = t.spec.reading.aggressive;
    m.events.push_back(std::move(e));
    m.dispatch(now);
    d.kind = SubmitDecision::Kind::kMerged;
    d.merged_into = t.spec.id;
    d.queue = m.cfg.queues[t.queue].name;
    if (m.isWaiting(t)) {
      d.position = m.positionOf(t, now);
      d.estimated_wait = m.estimateFor(t.queue, t.spec.channel, d.position, now);
    }
    return d;
  }
  const int queue = m.queueFor(contact);
  d.queue = m.cfg.queues[queue].name;
  const int waiting = m.waitingIn(queue, std::nullopt);
  if (waiting >= m.cfg.queues[queue].max_waiting && !contact.reading.urgent) {
    d.kind = SubmitDecision::Kind::kRejectedFull;
    d.retry_after = std::max<Duration>(
        std::chrono::seconds(1),
        m.estimateFor(queue, contact.channel, m.waitingIn(queue, contact.channel) + 1, now));
    return d;
  }
  const int ci = m.allocate(std::move(contact), queue, now);
  m.setupContinuity(m.contacts[ci], now);
  m.emit(RouterEvent::Kind::kQueued, now, m.contacts[ci], "submitted");
  m.dispatch(now);
  ContactRec& c = m.contacts[ci];
  if (m.isWaiting(c)) {
    d.position = m.positionOf(c, now);
    d.estimated_wait = m.estimateFor(queue, c.spec.channel, d.position, now);
    if (c.spec.channel == Channel::kPhone && d.estimated_wait > m.cfg.callback_threshold) {
      c.callback_offered = true;
      c.phase = ContactPhase::kCallbackOffered;
      d.kind = SubmitDecision::Kind::kCallbackOffered;
    }
  }
  return d;
}

RouterError Router::acceptCallback(std::string_view contact_id, std::string_view number,
                                   Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    return RouterError::kUnknownContact;
  }
  ContactRec& c = m.contacts[ci];
  if (c.phase != ContactPhase::kCallbackOffered) {
    return RouterError::kNotCallback;
  }
  c.callback = true;
  c.callback_number = std::string(number);
  c.phase = ContactPhase::kWaiting;
  m.emit(RouterEvent::Kind::kCallbackAccepted, now, c);
  m.dispatch(now);
  return RouterError::kOk;
}

bool Router::abandon(std::string_view contact_id, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    return false;
  }
  ContactRec& c = m.contacts[ci];
  if (c.phase == ContactPhase::kAssigned) {
    return false;
  }
  if (c.phase == ContactPhase::kOffered) {
    const int ai = c.agent;
    m.emit(RouterEvent::Kind::kOfferWithdrawn, now, c, "abandoned");
    m.agents[ai].load[index(c.spec.channel)]--;
    m.release(ci);
    m.refreshState(ai, now, "abandoned");
  } else {
    m.release(ci);
  }
  m.dispatch(now);
  return true;
}

RouterError Router::connectAgent(AgentSpec agent, Instant now, AgentState initial) {
  Impl& m = *impl_;
  m.expire(now);
  if (initial != AgentState::kAvailable && initial != AgentState::kBreak) {
    return RouterError::kBadState;
  }
  int ai = m.findAgentIndex(agent.id);
  if (ai != kNone && m.agents[ai].connected) {
    return RouterError::kAgentConnected;
  }
  if (ai == kNone) {
    ai = static_cast<int>(m.agents.size());
    m.agents.emplace_back();
    m.agent_by_id.emplace(agent.id, ai);
  }
  AgentRec& a = m.agents[ai];
  for (Channel ch : kAllChannels) {
    const std::size_t i = index(ch);
    a.capacity[i] = agent.capacity[i] < 0 ? m.cfg.default_capacity[i] : agent.capacity[i];
  }
  a.spec = std::move(agent);
  a.connected = true;
  a.on_break = initial == AgentState::kBreak;
  a.misses = 0;
  a.idle_since = now;
  m.computeLevels(a);
  for (ContactRec& c : m.contacts) {
    if (c.live && c.phase == ContactPhase::kAssigned && c.agent == ai) {
      c.restore_hold = false;
    }
  }
  m.refreshState(ai, now, "connected");
  m.dispatch(now);
  return RouterError::kOk;
}

void Router::disconnectAgent(std::string_view agent_id, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ai = m.findAgentIndex(agent_id);
  if (ai == kNone || !m.agents[ai].connected) {
    return;
  }
  for (std::size_t i = 0; i < m.contacts.size(); ++i) {
    ContactRec& c = m.contacts[i];
    if (c.live && c.phase == ContactPhase::kOffered && c.agent == ai) {
      m.withdrawOffer(static_cast<int>(i), now, "disconnect", false);
    }
    if (c.live && c.held_for == ai) {
      c.held_for = kNone;
    }
  }
  m.agents[ai].connected = false;
  m.refreshState(ai, now, "disconnected");
  m.dispatch(now);
}

RouterError Router::setAgentState(std::string_view agent_id, AgentState state, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ai = m.findAgentIndex(agent_id);
  if (ai == kNone || !m.agents[ai].connected) {
    return RouterError::kUnknownAgent;
  }
  AgentRec& a = m.agents[ai];
  switch (state) {
    case AgentState::kAvailable:
      a.on_break = false;
      a.misses = 0;
      for (Instant& w : a.wrap_until) {
        w = std::min(w, now);
      }
      m.refreshState(ai, now, "manual");
      break;
    case AgentState::kBreak:
      m.goOnBreak(ai, now, "manual");
      break;
    default:
      return RouterError::kBadState;
  }
  m.dispatch(now);
  return RouterError::kOk;
}

RouterError Router::accept(std::string_view agent_id, std::string_view contact_id, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ai = m.findAgentIndex(agent_id);
  if (ai == kNone || !m.agents[ai].connected) {
    return RouterError::kUnknownAgent;
  }
  const int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    return RouterError::kUnknownContact;
  }
  ContactRec& c = m.contacts[ci];
  if (c.phase != ContactPhase::kOffered || c.agent != ai) {
    return RouterError::kNotOfferedToYou;
  }
  AgentRec& a = m.agents[ai];
  c.phase = ContactPhase::kAssigned;
  a.misses = 0;
  const Duration waited = now - c.enqueued_at;
  QueueChannelStats& s = m.stats[c.queue][index(c.spec.channel)];
  m.pruneStats(s, now);
  s.answered.push_back({now, waited <= m.cfg.service_target[index(c.spec.channel)]});
  if (!s.first) {
    s.first = now;
  }
  if (c.spec.reading.aggressive) {
    a.aggressive_held++;
    a.aggressive_log.push_back(now);
  }
  m.remember(c, ai, now);
  m.emit(RouterEvent::Kind::kAccepted, now, c);
  m.refreshState(ai, now, "accepted");
  return RouterError::kOk;
}

RouterError Router::decline(std::string_view agent_id, std::string_view contact_id, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ai = m.findAgentIndex(agent_id);
  if (ai == kNone || !m.agents[ai].connected) {
    return RouterError::kUnknownAgent;
  }
  const int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    return RouterError::kUnknownContact;
  }
  ContactRec& c = m.contacts[ci];
  if (c.phase != ContactPhase::kOffered || c.agent != ai) {
    return RouterError::kNotOfferedToYou;
  }
  m.withdrawOffer(ci, now, "declined", true);
  m.dispatch(now);
  return RouterError::kOk;
}

RouterError Router::complete(std::string_view agent_id, std::string_view contact_id,
                             const Disposition& /*disposition*/, Instant now) {
  Impl& m = *impl_;
  m.expire(now);
  const int ai = m.findAgentIndex(agent_id);
  if (ai == kNone) {
    return RouterError::kUnknownAgent;
  }
  const int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    return RouterError::kUnknownContact;
  }
  ContactRec& c = m.contacts[ci];
  if (c.phase != ContactPhase::kAssigned || c.agent != ai) {
    return RouterError::kNotAssignedToYou;
  }
  AgentRec& a = m.agents[ai];
  const std::size_t ch = index(c.spec.channel);
  a.load[ch]--;
  if (c.spec.reading.aggressive) {
    a.aggressive_held = std::max(0, a.aggressive_held - 1);
    a.cooldown_until = now + m.cfg.incivility.cooldown;
  }
  if (a.connected && m.cfg.wrap_up[ch] > Duration::zero()) {
    a.wrap_until[ch] = std::max(a.wrap_until[ch], now + m.cfg.wrap_up[ch]);
  }
  if (m.totalLoad(a) == 0) {
    a.idle_since = now;
  }
  m.emit(RouterEvent::Kind::kCompleted, now, c);
  m.release(ci);
  m.refreshState(ai, now, "completed");
  m.dispatch(now);
  return RouterError::kOk;
}

void Router::advance(Instant now) {
  impl_->expire(now);
  impl_->dispatch(now);
}

std::optional<Instant> Router::nextDeadline() const {
  const Impl& m = *impl_;
  std::optional<Instant> best;
  auto consider = [&](Instant t) {
    if (!best || t < *best) {
      best = t;
    }
  };
  for (const ContactRec& c : m.contacts) {
    if (!c.live) {
      continue;
    }
    if (c.phase == ContactPhase::kOffered) {
      consider(c.offer_deadline);
    }
    if (c.restore_hold) {
      consider(c.restore_until);
    }
    if (!m.isWaiting(c)) {
      continue;
    }
    if (c.held_for != kNone) {
      consider(c.hold_until);
    }
    if (c.avoid_agent != kNone && c.avoid_until > m.last_now) {
      consider(c.avoid_until);
    }
    for (Duration t : m.cfg.queues[c.queue].ring_thresholds) {
      if (c.enqueued_at + t > m.last_now) {
        consider(c.enqueued_at + t);
        break;
      }
    }
    if (c.spec.reading.aggressive &&
        c.enqueued_at + m.cfg.incivility.wait_for_deescalation > m.last_now) {
      consider(c.enqueued_at + m.cfg.incivility.wait_for_deescalation);
    }
  }
  for (const AgentRec& a : m.agents) {
    for (Instant w : a.wrap_until) {
      if (w > m.last_now) {
        consider(w);
      }
    }
    if (a.cooldown_until > m.last_now) {
      consider(a.cooldown_until);
    }
    if (!a.aggressive_log.empty()) {
      consider(a.aggressive_log.front() + m.cfg.incivility.shift_length);
    }
  }
  return best;
}

std::vector<RouterEvent> Router::takeEvents() {
  std::vector<RouterEvent> out;
  out.swap(impl_->events);
  return out;
}

std::optional<ContactView> Router::findContact(std::string_view contact_id, Instant now) const {
  const Impl& m = *impl_;
  int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    auto it = m.merged_alias.find(contact_id);
    if (it == m.merged_alias.end()) {
      return std::nullopt;
    }
    ci = m.findContactIndex(it->second);
    if (ci == kNone) {
      return std::nullopt;
    }
  }
  return m.viewOf(m.contacts[ci], now);
}

std::optional<OfferDetails> Router::offerDetails(std::string_view contact_id) const {
  const Impl& m = *impl_;
  const int ci = m.findContactIndex(contact_id);
  if (ci == kNone) {
    return std::nullopt;
  }
  const ContactRec& c = m.contacts[ci];
  if (c.agent == kNone || c.phase == ContactPhase::kWaiting ||
      c.phase == ContactPhase::kCallbackOffered) {
    return std::nullopt;
  }
  OfferDetails o;
  o.contact_id = c.spec.id;
  o.agent_id = m.agents[c.agent].spec.id;
  o.queue = m.cfg.queues[c.queue].name;
  o.channel = c.spec.channel;
  o.tenant_id = c.spec.tenant_id;
  o.case_ref = c.spec.case_ref;
  o.subject = c.spec.subject;
  o.text = c.spec.text;
  o.reading = c.spec.reading;
  o.received_at = c.spec.received_at;
  o.expires_at = c.phase == ContactPhase::kOffered ? c.offer_deadline : Instant{};
  o.callback = c.callback;
  o.callback_number = c.callback_number;
  o.match_reason = c.match_reason;
  return o;
}

RouterSnapshot Router::snapshot(Instant now) const {
  const Impl& m = *impl_;
  RouterSnapshot s;
  for (std::size_t q = 0; q < m.cfg.queues.size(); ++q) {
    for (Channel ch : kAllChannels) {
      QueueChannelSnapshot qs;
      qs.queue = m.cfg.queues[q].name;
      qs.channel = ch;
      qs.target = m.cfg.service_target[index(ch)];
      for (const ContactRec& c : m.contacts) {
        if (m.isWaiting(c) && c.queue == static_cast<int>(q) && c.spec.channel == ch) {
          qs.waiting++;
          qs.callbacks_waiting += c.callback ? 1 : 0;
          qs.oldest_wait = std::max(qs.oldest_wait, now - c.enqueued_at);
        }
      }
      qs.estimated_wait = m.estimateFor(static_cast<int>(q), ch, qs.waiting + 1, now);
      qs.service_level = m.serviceLevel(static_cast<int>(q), ch, now);
      s.waiting_by_channel[index(ch)] += qs.waiting;
      s.queues.push_back(std::move(qs));
    }
  }
  for (const AgentRec& a : m.agents) {
    AgentSnapshot as;
    as.id = a.spec.id;
    as.state = m.stateOf(a, now);
    as.load = a.load;
    for (Instant t : a.aggressive_log) {
      if (now - t < m.cfg.incivility.shift_length) {
        as.aggressive_shift++;
        if (now - t < std::chrono::hours(1)) {
          as.aggressive_last_hour++;
        }
      }
    }
    as.occupancy = m.occupancy(a);
    s.agents_by_state[static_cast<std::size_t>(as.state)]++;
    s.agents.push_back(std::move(as));
  }
  return s;
}

std::size_t Router::waitingCount() const {
  std::size_t n = 0;
  for (const ContactRec& c : impl_->contacts) {
    n += impl_->isWaiting(c) ? 1 : 0;
  }
  return n;
}

void Router::restoreWaiting(ContactSpec contact, Instant enqueued_at, bool callback,
                            std::string callback_number) {
  Impl& m = *impl_;
  if (m.contact_by_id.contains(contact.id)) {
    return;
  }
  const int queue = m.queueFor(contact);
  const int ci = m.allocate(std::move(contact), queue, enqueued_at);
  m.contacts[ci].callback = callback;
  m.contacts[ci].callback_number = std::move(callback_number);
}

void Router::restoreAssigned(ContactSpec contact, std::string agent_id, Instant hold_until) {
  Impl& m = *impl_;
  if (m.contact_by_id.contains(contact.id)) {
    return;
  }
  int ai = m.findAgentIndex(agent_id);
  if (ai == kNone) {
    ai = static_cast<int>(m.agents.size());
    m.agents.emplace_back();
    AgentRec& a = m.agents.back();
    a.spec.id = agent_id;
    a.capacity = m.cfg.default_capacity;
    m.computeLevels(a);
    m.agent_by_id.emplace(std::move(agent_id), ai);
  }
  const int queue = m.queueFor(contact);
  const Instant received = contact.received_at;
  const int ci = m.allocate(std::move(contact), queue, received);
  ContactRec& c = m.contacts[ci];
  c.phase = ContactPhase::kAssigned;
  c.agent = ai;
  AgentRec& a = m.agents[ai];
  a.load[index(c.spec.channel)]++;
  if (!a.connected) {
    c.restore_hold = true;
    c.restore_until = hold_until;
  }
}

}  // namespace relais::routing
