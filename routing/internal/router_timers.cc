// Router::Impl, time: one min-heap of timers. Entries are never removed early; a timer that no
// longer applies (contact gone or moved on) is recognised when it fires and dropped, so the heap
// holds at most one entry per pending change plus stale ones that expire within the longest
// configured duration.
#include <algorithm>

#include "routing/internal/router_impl.h"

namespace relais::routing {

using internal::kNone;
using internal::Timer;
using internal::TimerKind;

void Router::Impl::schedule(Instant at, TimerKind kind, int idx, std::uint32_t gen) {
  timers.push(Timer{at, kind, idx, gen});
}

// The next instant the contact changes sub-bucket: its next ring threshold, or the end of the
// de-escalation-only wait.
void Router::Impl::scheduleContactPhase(int ci, Instant now) {
  const ContactRec& c = contacts[ci];
  std::optional<Instant> next;
  const std::vector<Duration>& rings = cfg.queues[c.queue].ring_thresholds;
  if (c.ring < rings.size()) {
    next = c.enqueued_at + rings[c.ring];
  }
  if (c.aggression == internal::AggressionPhase::kDeescalationOnly) {
    const Instant open = c.enqueued_at + cfg.incivility.wait_for_deescalation;
    next = next ? std::min(*next, open) : open;
  }
  if (next) {
    schedule(std::max(*next, now), TimerKind::kContactPhase, ci, c.gen);
  }
}

bool Router::Impl::stale(const Timer& t) const {
  switch (t.kind) {
    case TimerKind::kOfferTimeout: {
      const ContactRec& c = contacts[t.index];
      return c.gen != t.gen || !c.live || c.phase != ContactPhase::kOffered ||
             c.offer_deadline != t.at;
    }
    case TimerKind::kContactPhase: {
      const ContactRec& c = contacts[t.index];
      return c.gen != t.gen || !c.in_bucket ||
             (ringAt(c, t.at) == c.ring && aggressionAt(c, t.at) == c.aggression);
    }
    case TimerKind::kHoldEnd: {
      const ContactRec& c = contacts[t.index];
      return c.gen != t.gen || c.held_for == kNone || c.hold_until != t.at;
    }
    case TimerKind::kAvoidEnd: {
      const ContactRec& c = contacts[t.index];
      return c.gen != t.gen || c.avoid_agent == kNone || c.avoid_until != t.at;
    }
    case TimerKind::kRestoreEnd: {
      const ContactRec& c = contacts[t.index];
      return c.gen != t.gen || !c.restore_hold || c.restore_until != t.at;
    }
    case TimerKind::kWrapEnd: {
      const AgentRec& a = agents[t.index];
      return std::find(a.wrap_until.begin(), a.wrap_until.end(), t.at) == a.wrap_until.end();
    }
    case TimerKind::kAgentRecheck:
      return false;
  }
  return false;
}

std::optional<Instant> Router::Impl::nextDeadline() const {
  while (!timers.empty() && stale(timers.top())) {
    timers.pop();
  }
  if (timers.empty()) {
    return std::nullopt;
  }
  return timers.top().at;
}

void Router::Impl::processDue(Instant now) {
  last_now = std::max(last_now, now);
  while (!timers.empty() && timers.top().at <= now) {
    const Timer t = timers.top();
    timers.pop();
    switch (t.kind) {
      case TimerKind::kOfferTimeout: {
        ContactRec& c = contacts[t.index];
        if (c.gen != t.gen || !c.live || c.phase != ContactPhase::kOffered ||
            c.offer_deadline > now) {
          break;
        }
        const int ai = c.agent;
        withdrawOffer(t.index, now, "timeout", true);
        AgentRec& a = agents[ai];
        a.misses++;
        if (cfg.max_consecutive_misses > 0 && a.misses >= cfg.max_consecutive_misses && online(a)) {
          a.on_break = true;
          refreshState(ai, now, "missed_offers");
          goOffDuty(ai, now, "agent_break");
        }
        break;
      }
      case TimerKind::kContactPhase: {
        ContactRec& c = contacts[t.index];
        if (c.gen != t.gen || !c.in_bucket) {
          break;
        }
        if (ringAt(c, now) != c.ring || aggressionAt(c, now) != c.aggression) {
          bucketErase(t.index);
          bucketInsert(t.index, now);
          touchContact(t.index);
        }
        break;
      }
      case TimerKind::kHoldEnd: {
        ContactRec& c = contacts[t.index];
        if (c.gen == t.gen && c.held_for != kNone && c.hold_until <= now) {
          unhold(t.index, now);
        }
        break;
      }
      case TimerKind::kAvoidEnd: {
        ContactRec& c = contacts[t.index];
        if (c.gen == t.gen && c.avoid_agent != kNone && c.avoid_until <= now) {
          c.avoid_agent = kNone;
          touchContact(t.index);
        }
        break;
      }
      case TimerKind::kRestoreEnd: {
        ContactRec& c = contacts[t.index];
        if (c.gen != t.gen || !c.restore_hold || c.restore_until > now ||
            c.phase != ContactPhase::kAssigned) {
          break;
        }
        const int ai = c.agent;
        AgentRec& a = agents[ai];
        a.load[index(c.spec.channel)]--;
        a.aggressive_held -= c.spec.reading.aggressive ? 1 : 0;
        std::erase(a.assigned, t.index);
        c.restore_hold = false;
        enqueue(t.index, now);
        emit(RouterEvent::Kind::kQueued, now, c, "restore_hold_expired");
        touchContact(t.index);
        break;
      }
      case TimerKind::kWrapEnd: {
        reindex(t.index, now);
        refreshState(t.index, now, "wrap_up_end");
        touchAgent(t.index);
        break;
      }
      case TimerKind::kAgentRecheck: {
        AgentRec& a = agents[t.index];
        while (!a.aggressive_log.empty() &&
               now - a.aggressive_log.front() >= cfg.incivility.shift_length) {
          a.aggressive_log.pop_front();
        }
        touchAgent(t.index);
        break;
      }
    }
  }
  expireContinuity(now);
}

}  // namespace relais::routing
