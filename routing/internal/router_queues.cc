// Router::Impl, queue side: where contacts go, their order, positions, estimates, merges and
// continuity memory.
#include <algorithm>
#include <cmath>

#include "routing/internal/router_impl.h"

namespace relais::routing {

using internal::AggressionPhase;
using internal::BucketEntry;
using internal::kNone;
using internal::QueueChannel;
using internal::TimerKind;

Router::Impl::Impl(RoutingConfig c) : cfg(std::move(c)) {
  if (cfg.queues.empty()) {
    QueueConfig q;
    q.name = cfg.default_queue.empty() ? "general" : cfg.default_queue;
    q.skill = q.name;
    cfg.queues.push_back(q);
  }
  reqset_ids.emplace(std::vector<int>{}, 0);
  reqsets.emplace_back();
  for (const QueueConfig& q : cfg.queues) {
    std::vector<int> rings{internSkill(q.skill)};
    for (const std::string& s : q.secondary_skills) {
      rings.push_back(internSkill(s));
    }
    ring_skills.push_back(std::move(rings));
  }
  deescalation_skill = internSkill(cfg.incivility.deescalation_skill);
  qcs.resize(cfg.queues.size() * kChannelCount);
  queue_waiting.assign(cfg.queues.size(), 0);
}

int Router::Impl::queueIndex(std::string_view name) const {
  for (std::size_t i = 0; i < cfg.queues.size(); ++i) {
    if (cfg.queues[i].name == name) {
      return static_cast<int>(i);
    }
  }
  return kNone;
}

// High-reassurance (or vulnerable) tenants go to the accompaniment queue unless the matter is
// urgent, where the intent's skill group must act; others by intent rule, else the default.
int Router::Impl::queueFor(const ContactSpec& c) const {
  if ((c.reading.reassurance_high || c.vulnerable) && !c.reading.urgent) {
    const int q = queueIndex(cfg.reassurance_queue);
    if (q != kNone) {
      return q;
    }
  }
  for (const QueueRule& r : cfg.rules) {
    if (r.intent == c.reading.intent) {
      const int q = queueIndex(r.queue);
      if (q != kNone) {
        return q;
      }
    }
  }
  const int q = queueIndex(cfg.default_queue);
  return q == kNone ? 0 : q;
}

int Router::Impl::findContact(std::string_view id) const {
  auto it = contact_by_id.find(id);
  return it == contact_by_id.end() ? kNone : it->second;
}

double Router::Impl::basePriority(const ContactSpec& c) const {
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

double Router::Impl::keyOf(const ContactRec& c) const {
  return c.base - cfg.weights.wait * toSeconds(c.enqueued_at.time_since_epoch()) /
                      toSeconds(cfg.service_target[index(c.spec.channel)]);
}

double Router::Impl::priorityAt(const ContactRec& c, Instant now) const {
  return c.key + cfg.weights.wait * toSeconds(now.time_since_epoch()) /
                     toSeconds(cfg.service_target[index(c.spec.channel)]);
}

int Router::Impl::ringAt(const ContactRec& c, Instant now) const {
  int ring = 0;
  for (Duration t : cfg.queues[c.queue].ring_thresholds) {
    if (now - c.enqueued_at >= t) {
      ++ring;
    }
  }
  return std::min(ring, 255);
}

AggressionPhase Router::Impl::aggressionAt(const ContactRec& c, Instant now) const {
  if (!c.spec.reading.aggressive) {
    return AggressionPhase::kNotAggressive;
  }
  return now - c.enqueued_at < cfg.incivility.wait_for_deescalation
             ? AggressionPhase::kDeescalationOnly
             : AggressionPhase::kOpen;
}

// Required skills are interned like agents' (an agent with a new language may connect later).
// They come from the daemon's configuration (languages, accessibility), not from free text, so
// the tables stay small.
int Router::Impl::internReqset(const std::vector<std::string>& skills) {
  if (skills.empty()) {
    return 0;
  }
  std::vector<int> ids;
  ids.reserve(skills.size());
  for (const std::string& s : skills) {
    ids.push_back(internSkill(s));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto [it, inserted] = reqset_ids.emplace(ids, static_cast<int>(reqsets.size()));
  if (inserted) {
    reqsets.push_back(std::move(ids));
  }
  return it->second;
}

int Router::Impl::allocate(ContactSpec spec, int queue, Instant enqueued_at) {
  int ci;
  if (!free_slots.empty()) {
    ci = free_slots.back();
    free_slots.pop_back();
  } else {
    ci = static_cast<int>(contacts.size());
    contacts.emplace_back();
  }
  ContactRec& c = contacts[ci];
  const std::uint32_t gen = c.gen + 1;
  c = ContactRec{};
  c.gen = gen;
  c.live = true;
  c.queue = queue;
  c.enqueued_at = enqueued_at;
  c.seq = next_seq++;
  c.base = basePriority(spec);
  c.reqset = internReqset(spec.required_skills);
  c.spec = std::move(spec);
  c.key = keyOf(c);
  contact_by_id.emplace(c.spec.id, ci);
  return ci;
}

void Router::Impl::release(int ci) {
  ContactRec& c = contacts[ci];
  for (const std::string& m : c.merged_ids) {
    merged_alias.erase(m);
  }
  contact_by_id.erase(c.spec.id);
  const std::uint32_t gen = c.gen;
  c = ContactRec{};
  c.gen = gen;
  free_slots.push_back(ci);
}

void Router::Impl::enqueue(int ci, Instant now) {
  ContactRec& c = contacts[ci];
  QueueChannel& qc = qcOf(c);
  c.agent = kNone;
  c.phase =
      c.callback_offered && !c.callback ? ContactPhase::kCallbackOffered : ContactPhase::kWaiting;
  qc.rank.insert({c.key, c.seq, ci});
  c.in_rank = true;
  queue_waiting[c.queue]++;
  qc.callbacks += c.callback ? 1 : 0;
  qc.high_reassurance += (c.spec.reading.reassurance_high || c.spec.vulnerable) ? 1 : 0;
  if (mergeable(c.spec)) {
    c.merge_indexed = merge_index.emplace(mergeKey(c.spec), ci).second;
  }
  if (c.held_for == kNone) {
    bucketInsert(ci, now);
  }
}

void Router::Impl::dequeue(int ci) {
  ContactRec& c = contacts[ci];
  if (!c.in_rank) {
    return;
  }
  QueueChannel& qc = qcOf(c);
  bucketErase(ci);
  qc.rank.erase({c.key, c.seq, ci});
  c.in_rank = false;
  queue_waiting[c.queue]--;
  qc.callbacks -= c.callback ? 1 : 0;
  qc.high_reassurance -= (c.spec.reading.reassurance_high || c.spec.vulnerable) ? 1 : 0;
  if (c.merge_indexed) {
    auto it = merge_index.find(mergeKey(c.spec));
    if (it != merge_index.end() && it->second == ci) {
      merge_index.erase(it);
    }
    c.merge_indexed = false;
  }
}

void Router::Impl::bucketInsert(int ci, Instant now) {
  ContactRec& c = contacts[ci];
  c.ring = static_cast<std::uint8_t>(ringAt(c, now));
  c.aggression = aggressionAt(c, now);
  qcOf(c).subs[internal::subKey(c.reqset, c.aggression, c.ring)].insert({c.key, c.seq, ci});
  c.in_bucket = true;
  scheduleContactPhase(ci, now);
}

void Router::Impl::bucketErase(int ci) {
  ContactRec& c = contacts[ci];
  if (!c.in_bucket) {
    return;
  }
  QueueChannel& qc = qcOf(c);
  auto it = qc.subs.find(internal::subKey(c.reqset, c.aggression, c.ring));
  if (it != qc.subs.end()) {
    it->second.erase({c.key, c.seq, ci});
    if (it->second.empty()) {
      qc.subs.erase(it);
    }
  }
  c.in_bucket = false;
}

int Router::Impl::positionOf(const ContactRec& c) const {
  if (!c.in_rank) {
    return 0;
  }
  return static_cast<int>(qcOf(c).rank.rank({c.key, c.seq, 0})) + 1;
}

// Contacts per second the (queue, channel) is answered at. Observed over the window once five
// answers are in it (the span is the window, or the time since the first answer if shorter);
// before that, the capacity of the online agents serving the queue over the default handling
// time (at least one agent's worth, so that an unstaffed queue still gets a finite estimate).
double Router::Impl::serviceRate(int queue, Channel ch, Instant now) const {
  const QueueChannel& qc = qcs[static_cast<std::size_t>(queue) * kChannelCount + index(ch)];
  const Instant from = now - cfg.observation_window;
  auto first_in = std::partition_point(qc.answered.begin(), qc.answered.end(),
                                       [&](const internal::Observation& o) { return o.at < from; });
  const auto n = static_cast<double>(qc.answered.end() - first_in);
  if (n >= 5 && qc.first_answer) {
    const Duration covered = std::min(cfg.observation_window, now - *qc.first_answer);
    return n / std::max(60.0, toSeconds(covered));
  }
  return std::max(1, qc.capacity) / toSeconds(cfg.default_handle_time[index(ch)]);
}

// position / rate, stretched by the share of high-reassurance contacts waiting (they take
// reassurance_handle_factor times longer to handle).
Duration Router::Impl::estimateFor(int queue, Channel ch, int position, Instant now) const {
  if (position <= 0) {
    return Duration::zero();
  }
  const QueueChannel& qc = qcs[static_cast<std::size_t>(queue) * kChannelCount + index(ch)];
  const std::size_t waiting = qc.rank.size();
  const double share =
      waiting == 0 ? 0.0 : static_cast<double>(qc.high_reassurance) / static_cast<double>(waiting);
  const double factor = 1.0 + (cfg.reassurance_handle_factor - 1.0) * share;
  return seconds(position * factor / serviceRate(queue, ch, now));
}

// Share of the contacts answered (accepted) in the window that had waited at most the target.
double Router::Impl::serviceLevel(int queue, Channel ch, Instant now) const {
  const QueueChannel& qc = qcs[static_cast<std::size_t>(queue) * kChannelCount + index(ch)];
  int n = 0;
  int ok = 0;
  for (const internal::Observation& o : qc.answered) {
    if (now - o.at <= cfg.observation_window) {
      ++n;
      ok += o.within_target ? 1 : 0;
    }
  }
  return n == 0 ? 1.0 : static_cast<double>(ok) / n;
}

void Router::Impl::recordAnswer(const ContactRec& c, Instant now) {
  QueueChannel& qc = qcOf(c);
  while (!qc.answered.empty() && now - qc.answered.front().at > cfg.observation_window) {
    qc.answered.pop_front();
  }
  qc.answered.push_back({now, now - c.enqueued_at <= cfg.service_target[index(c.spec.channel)]});
  if (!qc.first_answer) {
    qc.first_answer = now;
  }
}

// Repeats merge per tenant and channel: same non-empty case reference, or both without one and
// the same intent. Phone calls never merge (the caller is on the line; the earlier call will be
// abandoned by the telephony side), and a merged-into contact must still be waiting.
std::string Router::Impl::mergeKey(const ContactSpec& c) const {
  std::string k = c.tenant_id;
  k += '\x1f';
  k += static_cast<char>('0' + index(c.channel));
  if (!c.case_ref.empty()) {
    k += "c:";
    k += c.case_ref;
  } else {
    k += "i:";
    k += static_cast<char>('0' + static_cast<int>(c.reading.intent));
  }
  return k;
}

bool Router::Impl::mergeable(const ContactSpec& c) const {
  return cfg.merge_repeats && !c.tenant_id.empty() && c.channel != Channel::kPhone;
}

int Router::Impl::mergeTarget(const ContactSpec& c) const {
  if (!mergeable(c)) {
    return kNone;
  }
  auto it = merge_index.find(mergeKey(c));
  if (it == merge_index.end() || !contacts[it->second].waiting()) {
    return kNone;
  }
  return it->second;
}

void Router::Impl::mergeInto(int ti, ContactSpec spec, Instant now) {
  ContactRec& t = contacts[ti];
  QueueChannel& qc = qcOf(t);
  const bool was_bucketed = t.in_bucket;
  bucketErase(ti);
  qc.rank.erase({t.key, t.seq, ti});
  qc.high_reassurance -= (t.spec.reading.reassurance_high || t.spec.vulnerable) ? 1 : 0;
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
  r.status_only = r.status_only && n.status_only;
  r.reasons.insert(r.reasons.end(), n.reasons.begin(), n.reasons.end());
  t.spec.vulnerable = t.spec.vulnerable || spec.vulnerable;
  t.spec.priority_boost = t.spec.priority_boost || spec.priority_boost;
  bool skills_changed = false;
  for (std::string& s : spec.required_skills) {
    if (std::find(t.spec.required_skills.begin(), t.spec.required_skills.end(), s) ==
        t.spec.required_skills.end()) {
      t.spec.required_skills.push_back(std::move(s));
      skills_changed = true;
    }
  }
  if (skills_changed) {
    t.reqset = internReqset(t.spec.required_skills);
  }
  t.base = basePriority(t.spec);
  t.key = keyOf(t);
  qc.rank.insert({t.key, t.seq, ti});
  qc.high_reassurance += (t.spec.reading.reassurance_high || t.spec.vulnerable) ? 1 : 0;
  if (was_bucketed) {
    bucketInsert(ti, now);
  }
  merged_alias[spec.id] = t.spec.id;
  t.merged_ids.push_back(std::move(spec.id));
}

void Router::Impl::remember(const ContactRec& c, int ai, Instant now) {
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

// Forgets pairs older than continuity_memory, and the oldest beyond continuity_max_entries.
void Router::Impl::expireContinuity(Instant now) {
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

// Continuity: the agent who last handled the case (or, failing that, the tenant, if it serves
// this queue at some ring) gets the contact first, if it can take it now or frees up within
// continuity_window. Urgent and aggressive contacts are not held: urgency and the incivility
// rules come first.
void Router::Impl::setupContinuity(int ci, Instant now) {
  ContactRec& c = contacts[ci];
  if (c.spec.reading.urgent || c.spec.reading.aggressive ||
      cfg.continuity_window <= Duration::zero()) {
    return;
  }
  auto look = [&](const std::string& key) {
    auto it = continuity.find(key);
    if (it == continuity.end() || now - it->second.second > cfg.continuity_memory) {
      return kNone;
    }
    return it->second.first;
  };
  int ai = kNone;
  bool by_case = false;
  if (!c.spec.case_ref.empty()) {
    ai = look("c:" + c.spec.case_ref);
    by_case = ai != kNone;
  }
  if (ai == kNone && !c.spec.tenant_id.empty()) {
    ai = look("t:" + c.spec.tenant_id);
  }
  if (ai == kNone) {
    return;
  }
  AgentRec& a = agents[ai];
  if (!online(a) || a.capacity[index(c.spec.channel)] <= 0 || !reqsetOk(a, c.reqset)) {
    return;
  }
  if (!by_case && a.level_by_queue[c.queue] == kNone) {
    return;
  }
  c.held_for = ai;
  c.hold_until = now + cfg.continuity_window;
  a.held.push_back(ci);
  schedule(c.hold_until, TimerKind::kHoldEnd, ci, c.gen);
}

ContactView Router::Impl::viewOf(const ContactRec& c, Instant now) const {
  ContactView v;
  v.id = c.spec.id;
  v.phase = c.phase;
  v.queue = cfg.queues[c.queue].name;
  v.channel = c.spec.channel;
  if (c.waiting()) {
    v.position = positionOf(c);
    v.estimated_wait = estimateFor(c.queue, c.spec.channel, v.position, now);
  }
  if (c.agent != kNone) {
    v.agent_id = agents[c.agent].spec.id;
  }
  v.callback = c.callback;
  return v;
}

}  // namespace relais::routing
