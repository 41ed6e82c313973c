// Router::Impl, matching: who may take what, the best agent for a contact, the best contact for
// an agent, offers and their withdrawal.
#include <algorithm>
#include <limits>

#include "routing/internal/router_impl.h"

namespace relais::routing {

using internal::AgentKey;
using internal::AggressionPhase;
using internal::kNone;
using internal::TimerKind;

namespace {

void eraseValue(std::vector<int>& v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it != v.end()) {
    *it = v.back();
    v.pop_back();
  }
}

}  // namespace

// A dispatchable (not held) waiting contact: the agent can take the channel now, has the
// required skills, serves the queue at the contact's ring or an inner one, did not just decline
// it, and passes the incivility gates.
bool Router::Impl::eligible(int ai, const ContactRec& c, Instant now) const {
  const AgentRec& a = agents[ai];
  if (!canTake(a, c.spec.channel, now)) {
    return false;
  }
  const int level = a.level_by_queue[c.queue];
  if (level == kNone || level > c.ring) {
    return false;
  }
  if (c.avoid_agent == ai && now < c.avoid_until) {
    return false;
  }
  if (!reqsetOk(a, c.reqset)) {
    return false;
  }
  if (c.aggression != AggressionPhase::kNotAggressive) {
    if (!aggressionOk(a, now)) {
      return false;
    }
    if (c.aggression == AggressionPhase::kDeescalationOnly && !a.deescalation) {
      return false;
    }
  }
  return true;
}

bool Router::Impl::eligibleHeld(int ai, const ContactRec& c, Instant now) const {
  const AgentRec& a = agents[ai];
  return c.held_for == ai && canTake(a, c.spec.channel, now) && reqsetOk(a, c.reqset);
}

namespace {

// Agent preference for one contact: inner ring, then proficiency, then least occupied, then
// longest idle (AgentKey order).
struct Candidate {
  int level = std::numeric_limits<int>::max();
  AgentKey key{};
  bool found = false;
  bool betterThan(const Candidate& o) const {
    if (!o.found) {
      return true;
    }
    if (level != o.level) {
      return level < o.level;
    }
    return key < o.key;
  }
};

}  // namespace

// Finds the best agent able to take waiting contact `ci` now and offers it. Held contacts only
// go to the agent they are held for.
bool Router::Impl::tryOffer(int ci, Instant now) {
  ContactRec& c = contacts[ci];
  if (!c.waiting()) {
    return false;
  }
  if (!c.in_bucket) {
    if (c.held_for != kNone && eligibleHeld(c.held_for, c, now)) {
      offer(ci, c.held_for, now, "continuity");
      return true;
    }
    return false;
  }
  const std::size_t ch = index(c.spec.channel);
  const std::vector<int>& rings = ring_skills[c.queue];
  const int max_level = std::min<int>(c.ring, static_cast<int>(rings.size()) - 1);
  std::size_t ring_total = 0;
  for (int l = 0; l <= max_level; ++l) {
    ring_total += agent_sets[static_cast<std::size_t>(rings[l]) * kChannelCount + ch].size();
  }
  if (ring_total == 0) {
    return false;
  }
  // A rarer constraint (a language, de-escalation) makes its own set the cheaper one to scan.
  int narrow = kNone;
  std::size_t narrow_size = ring_total;
  auto consider = [&](int skill) {
    const std::size_t n = agent_sets[static_cast<std::size_t>(skill) * kChannelCount + ch].size();
    if (n < narrow_size) {
      narrow = skill;
      narrow_size = n;
    }
  };
  for (int s : reqsets[c.reqset]) {
    consider(s);
  }
  if (c.aggression == AggressionPhase::kDeescalationOnly) {
    consider(deescalation_skill);
  }
  if (narrow != kNone) {
    Candidate best;
    for (const AgentKey& k : agent_sets[static_cast<std::size_t>(narrow) * kChannelCount + ch]) {
      if (!eligible(k.agent, c, now)) {
        continue;
      }
      const AgentRec& a = agents[k.agent];
      Candidate cand{
          a.level_by_queue[c.queue],
          AgentKey{-a.proficiency_by_queue[c.queue], k.occupancy_permille, k.idle_since, k.agent},
          true};
      if (cand.betterThan(best)) {
        best = cand;
      }
    }
    if (!best.found) {
      return false;
    }
    offer(ci, best.key.agent, now, "");
    return true;
  }
  const int min_prof = cfg.queues[c.queue].min_proficiency;
  for (int l = 0; l <= max_level; ++l) {
    for (const AgentKey& k : agent_sets[static_cast<std::size_t>(rings[l]) * kChannelCount + ch]) {
      if (-k.neg_proficiency < min_prof) {
        break;
      }
      if (agents[k.agent].level_by_queue[c.queue] != l || !eligible(k.agent, c, now)) {
        continue;
      }
      offer(ci, k.agent, now, "");
      return true;
    }
  }
  return false;
}

// Offers the agent the best contacts it may take until it is full or nothing is eligible:
// contacts held for it first (continuity), then the highest priority head among the sub-buckets
// it serves on the channels it has room on.
void Router::Impl::pickFor(int ai, Instant now) {
  const double now_s = toSeconds(now.time_since_epoch());
  for (int guard = 0; guard < 10000; ++guard) {
    AgentRec& a = agents[ai];
    if (!online(a)) {
      return;
    }
    int best = kNone;
    double best_prio = 0;
    std::uint64_t best_seq = 0;
    auto better = [&](double prio, std::uint64_t seq) {
      return best == kNone || prio > best_prio || (prio == best_prio && seq < best_seq);
    };
    for (int ci : a.held) {
      const ContactRec& c = contacts[ci];
      if (c.waiting() && eligibleHeld(ai, c, now)) {
        const double prio = priorityAt(c, now);
        if (better(prio, c.seq)) {
          best = ci;
          best_prio = prio;
          best_seq = c.seq;
        }
      }
    }
    if (best != kNone) {
      offer(best, ai, now, "continuity");
      continue;
    }
    const bool aggression_ok = aggressionOk(a, now);
    for (std::size_t q = 0; q < cfg.queues.size(); ++q) {
      const int level = a.level_by_queue[q];
      if (level == kNone) {
        continue;
      }
      for (Channel ch : kAllChannels) {
        if (!canTake(a, ch, now)) {
          continue;
        }
        const double wait_term =
            cfg.weights.wait * now_s / toSeconds(cfg.service_target[index(ch)]);
        const internal::QueueChannel& qc = qcs[q * kChannelCount + index(ch)];
        for (const auto& [sub, entries] : qc.subs) {
          if (internal::subRing(sub) < level) {
            continue;
          }
          const AggressionPhase phase = internal::subAggression(sub);
          if (phase != AggressionPhase::kNotAggressive &&
              (!aggression_ok ||
               (phase == AggressionPhase::kDeescalationOnly && !a.deescalation))) {
            continue;
          }
          if (!reqsetOk(a, internal::subReqset(sub))) {
            continue;
          }
          entries.scan([&](const internal::BucketEntry& e) {
            const ContactRec& c = contacts[e.contact];
            if (c.avoid_agent == ai && now < c.avoid_until) {
              return true;  // declined lately: the next one in this bucket
            }
            const double prio = e.key + wait_term;
            if (better(prio, e.seq)) {
              best = e.contact;
              best_prio = prio;
              best_seq = e.seq;
            }
            return false;
          });
        }
      }
    }
    if (best == kNone) {
      return;
    }
    offer(best, ai, now, "");
  }
}

void Router::Impl::offer(int ci, int ai, Instant now, std::string reason) {
  ContactRec& c = contacts[ci];
  AgentRec& a = agents[ai];
  if (reason.empty()) {
    const int level = a.level_by_queue[c.queue];
    const QueueConfig& q = cfg.queues[c.queue];
    reason = level <= 0 ? "skill " + q.skill
                        : "ring " + std::to_string(level) + " skill " +
                              q.secondary_skills[static_cast<std::size_t>(level) - 1];
    if (c.spec.reading.aggressive && a.deescalation) {
      reason += ", deescalation";
    }
  }
  if (c.held_for != kNone) {
    std::vector<int>& held = agents[c.held_for].held;
    eraseValue(held, ci);
    c.held_for = kNone;
  }
  dequeue(ci);
  c.match_reason = std::move(reason);
  c.phase = ContactPhase::kOffered;
  c.agent = ai;
  c.offer_deadline = now + cfg.offer_timeout[index(c.spec.channel)];
  a.load[index(c.spec.channel)]++;
  a.aggressive_held += c.spec.reading.aggressive ? 1 : 0;
  a.offers.push_back(ci);
  schedule(c.offer_deadline, TimerKind::kOfferTimeout, ci, c.gen);
  emit(RouterEvent::Kind::kOffered, now, c, c.match_reason);
  reindex(ai, now);
  refreshState(ai, now, "offer");
}

// Ends the offer of `ci` (declined, timed out, agent gone); the contact waits again with its
// original enqueue time. The caller touches what must be dispatched.
void Router::Impl::withdrawOffer(int ci, Instant now, std::string_view reason, bool avoid) {
  ContactRec& c = contacts[ci];
  const int ai = c.agent;
  AgentRec& a = agents[ai];
  emit(RouterEvent::Kind::kOfferWithdrawn, now, c, std::string(reason));
  a.load[index(c.spec.channel)]--;
  a.aggressive_held -= c.spec.reading.aggressive ? 1 : 0;
  eraseValue(a.offers, ci);
  if (totalLoad(a) == 0) {
    a.idle_since = now;
  }
  if (avoid && cfg.decline_avoid > Duration::zero()) {
    c.avoid_agent = ai;
    c.avoid_until = now + cfg.decline_avoid;
    schedule(c.avoid_until, TimerKind::kAvoidEnd, ci, c.gen);
  }
  enqueue(ci, now);
  emit(RouterEvent::Kind::kQueued, now, c, std::string(reason));
  reindex(ai, now);
  refreshState(ai, now, reason);
  touchContact(ci);
  touchAgent(ai);
}

void Router::Impl::unhold(int ci, Instant now) {
  ContactRec& c = contacts[ci];
  if (c.held_for == kNone) {
    return;
  }
  eraseValue(agents[c.held_for].held, ci);
  c.held_for = kNone;
  if (c.waiting() && !c.in_bucket) {
    bucketInsert(ci, now);
    touchContact(ci);
  }
}

// Touched agents pick first (an agent that frees up takes the best contact it may serve), then
// touched contacts, best first, look for any agent still free.
void Router::Impl::flush(Instant now) {
  while (!touched_agents.empty() || !touched_contacts.empty()) {
    std::vector<int> ags;
    ags.swap(touched_agents);
    std::sort(ags.begin(), ags.end());
    ags.erase(std::unique(ags.begin(), ags.end()), ags.end());
    for (int ai : ags) {
      pickFor(ai, now);
    }
    std::vector<std::pair<int, std::uint32_t>> cts;
    cts.swap(touched_contacts);
    std::erase_if(cts, [&](const auto& p) {
      return contacts[p.first].gen != p.second || !contacts[p.first].waiting();
    });
    std::sort(cts.begin(), cts.end());
    cts.erase(std::unique(cts.begin(), cts.end()), cts.end());
    std::sort(cts.begin(), cts.end(), [&](const auto& x, const auto& y) {
      const ContactRec& a = contacts[x.first];
      const ContactRec& b = contacts[y.first];
      const double pa = priorityAt(a, now);
      const double pb = priorityAt(b, now);
      return pa > pb || (pa == pb && a.seq < b.seq);
    });
    for (const auto& [ci, gen] : cts) {
      tryOffer(ci, now);
    }
  }
}

void Router::Impl::emit(RouterEvent::Kind kind, Instant now, const ContactRec& c,
                        std::string reason) {
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
  if (kind == RouterEvent::Kind::kOffered) {
    e.deadline = c.offer_deadline;
  }
  events.push_back(std::move(e));
}

}  // namespace relais::routing
