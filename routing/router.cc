// Router: the public calls. Each one fires due timers, changes state through Router::Impl
// (routing/internal/router_impl.h), then flushes: touched agents and contacts are matched.
#include "routing/router.h"

#include <algorithm>

#include "routing/internal/router_impl.h"

namespace relais::routing {

using internal::kNone;
using internal::TimerKind;

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
  m.processDue(now);
  m.flush(now);
  SubmitDecision d;
  if (m.contact_by_id.contains(contact.id) || m.merged_alias.contains(contact.id)) {
    d.kind = SubmitDecision::Kind::kDuplicate;
    return d;
  }
  const int target = m.mergeTarget(contact);
  if (target != kNone) {
    RouterEvent e{};
    e.kind = RouterEvent::Kind::kMerged;
    e.at = now;
    e.contact = contact.id;
    m.mergeInto(target, std::move(contact), now);
    const Router::Impl::ContactRec& t = m.contacts[target];
    e.other = t.spec.id;
    e.queue = m.cfg.queues[t.queue].name;
    e.channel = t.spec.channel;
    e.aggressive = t.spec.reading.aggressive;
    e.waited = now - t.enqueued_at;
    m.events.push_back(std::move(e));
    m.touchContact(target);
    m.flush(now);
    d.kind = SubmitDecision::Kind::kMerged;
    d.merged_into = t.spec.id;
    d.queue = m.cfg.queues[t.queue].name;
    d.position = m.positionOf(t);
    d.estimated_wait = m.estimateFor(t.queue, t.spec.channel, d.position, now);
    return d;
  }
  const int queue = m.queueFor(contact);
  d.queue = m.cfg.queues[queue].name;
  if (m.queue_waiting[queue] >= m.cfg.queues[queue].max_waiting && !contact.reading.urgent) {
    const auto& qc =
        m.qcs[static_cast<std::size_t>(queue) * kChannelCount + index(contact.channel)];
    d.kind = SubmitDecision::Kind::kRejectedFull;
    d.retry_after = std::max<Duration>(
        std::chrono::seconds(1),
        m.estimateFor(queue, contact.channel, static_cast<int>(qc.rank.size()) + 1, now));
    return d;
  }
  const int ci = m.allocate(std::move(contact), queue, now);
  m.setupContinuity(ci, now);
  m.enqueue(ci, now);
  m.emit(RouterEvent::Kind::kQueued, now, m.contacts[ci], "submitted");
  m.touchContact(ci);
  m.flush(now);
  Router::Impl::ContactRec& c = m.contacts[ci];
  if (c.waiting()) {
    d.position = m.positionOf(c);
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
  m.processDue(now);
  m.flush(now);
  const int ci = m.findContact(contact_id);
  if (ci == kNone) {
    return RouterError::kUnknownContact;
  }
  Router::Impl::ContactRec& c = m.contacts[ci];
  if (c.phase != ContactPhase::kCallbackOffered) {
    return RouterError::kNotCallback;
  }
  c.callback = true;
  c.callback_number = std::string(number);
  c.phase = ContactPhase::kWaiting;
  m.qcOf(c).callbacks++;
  m.emit(RouterEvent::Kind::kCallbackAccepted, now, c);
  return RouterError::kOk;
}

bool Router::abandon(std::string_view contact_id, Instant now) {
  Impl& m = *impl_;
  m.processDue(now);
  const int ci = m.findContact(contact_id);
  bool done = false;
  if (ci != kNone) {
    Router::Impl::ContactRec& c = m.contacts[ci];
    if (c.waiting()) {
      m.unhold(ci, now);
      m.dequeue(ci);
      m.release(ci);
      done = true;
    } else if (c.phase == ContactPhase::kOffered) {
      const int ai = c.agent;
      Router::Impl::AgentRec& a = m.agents[ai];
      m.emit(RouterEvent::Kind::kOfferWithdrawn, now, c, "abandoned");
      a.load[index(c.spec.channel)]--;
      a.aggressive_held -= c.spec.reading.aggressive ? 1 : 0;
      std::erase(a.offers, ci);
      if (m.totalLoad(a) == 0) {
        a.idle_since = now;
      }
      m.release(ci);
      m.reindex(ai, now);
      m.refreshState(ai, now, "abandoned");
      m.touchAgent(ai);
      done = true;
    }
  }
  m.flush(now);
  return done;
}

RouterError Router::connectAgent(AgentSpec agent, Instant now, AgentState initial) {
  Impl& m = *impl_;
  m.processDue(now);
  m.flush(now);
  if (initial != AgentState::kAvailable && initial != AgentState::kBreak) {
    return RouterError::kBadState;
  }
  int ai = m.findAgent(agent.id);
  if (ai != kNone && m.agents[ai].connected) {
    return RouterError::kAgentConnected;
  }
  if (ai == kNone) {
    ai = static_cast<int>(m.agents.size());
    m.agents.emplace_back();
    m.agent_by_id.emplace(agent.id, ai);
  }
  m.loadSpec(ai, std::move(agent));
  Router::Impl::AgentRec& a = m.agents[ai];
  a.connected = true;
  a.on_break = initial == AgentState::kBreak;
  a.misses = 0;
  if (m.totalLoad(a) == 0) {
    a.idle_since = now;
  }
  for (int ci : a.assigned) {
    m.contacts[ci].restore_hold = false;
  }
  m.recount(ai);
  m.reindex(ai, now);
  m.refreshState(ai, now, "connected");
  m.touchAgent(ai);
  m.flush(now);
  return RouterError::kOk;
}

void Router::disconnectAgent(std::string_view agent_id, Instant now) {
  Impl& m = *impl_;
  m.processDue(now);
  const int ai = m.findAgent(agent_id);
  if (ai != kNone && m.agents[ai].connected) {
    m.agents[ai].connected = false;
    m.refreshState(ai, now, "disconnected");
    m.goOffDuty(ai, now, "disconnect");
  }
  m.flush(now);
}

RouterError Router::setAgentState(std::string_view agent_id, AgentState state, Instant now) {
  Impl& m = *impl_;
  m.processDue(now);
  m.flush(now);
  const int ai = m.findAgent(agent_id);
  if (ai == kNone || !m.agents[ai].connected) {
    return RouterError::kUnknownAgent;
  }
  Router::Impl::AgentRec& a = m.agents[ai];
  switch (state) {
    case AgentState::kAvailable:
      a.on_break = false;
      a.misses = 0;
      for (Instant& w : a.wrap_until) {
        w = std::min(w, now);
      }
      m.recount(ai);
      m.reindex(ai, now);
      m.refreshState(ai, now, "manual");
      m.touchAgent(ai);
      break;
    case AgentState::kBreak:
      a.on_break = true;
      m.refreshState(ai, now, "manual");
      m.goOffDuty(ai, now, "agent_break");
      break;
    default:
      return RouterError::kBadState;
  }
  m.flush(now);
  return RouterError::kOk;
}

RouterError Router::accept(std::string_view agent_id, std::string_view contact_id, Instant now) {
  Impl& m = *impl_;
  const auto [error, ai, ci] = m.findHeld(agent_id, contact_id, ContactPhase::kOffered, now);
  if (error != RouterError::kOk) {
    return error;
  }
  Router::Impl::ContactRec& c = m.contacts[ci];
  Router::Impl::AgentRec& a = m.agents[ai];
  c.phase = ContactPhase::kAssigned;
  std::erase(a.offers, ci);
  a.assigned.push_back(ci);
  a.misses = 0;
  m.recordAnswer(c, now);
  if (c.spec.reading.aggressive) {
    a.aggressive_log.push_back(now);
    m.schedule(now + m.cfg.incivility.shift_length, TimerKind::kAgentRecheck, ai);
  }
  m.remember(c, ai, now);
  m.emit(RouterEvent::Kind::kAccepted, now, c);
  m.refreshState(ai, now, "accepted");
  m.flush(now);
  return RouterError::kOk;
}

RouterError Router::decline(std::string_view agent_id, std::string_view contact_id, Instant now) {
  Impl& m = *impl_;
  const auto [error, ai, ci] = m.findHeld(agent_id, contact_id, ContactPhase::kOffered, now);
  if (error != RouterError::kOk) {
    return error;
  }
  m.withdrawOffer(ci, now, "declined", true);
  m.flush(now);
  return RouterError::kOk;
}

RouterError Router::complete(std::string_view agent_id, std::string_view contact_id,
                             const Disposition& /*disposition*/, Instant now) {
  Impl& m = *impl_;
  const auto [error, ai, ci] = m.findHeld(agent_id, contact_id, ContactPhase::kAssigned, now);
  if (error != RouterError::kOk) {
    return error;
  }
  Router::Impl::ContactRec& c = m.contacts[ci];
  Router::Impl::AgentRec& a = m.agents[ai];
  const std::size_t ch = index(c.spec.channel);
  a.load[ch]--;
  std::erase(a.assigned, ci);
  if (c.spec.reading.aggressive) {
    a.aggressive_held = std::max(0, a.aggressive_held - 1);
    a.cooldown_until = std::max(a.cooldown_until, now + m.cfg.incivility.cooldown);
    m.schedule(a.cooldown_until, TimerKind::kAgentRecheck, ai);
  }
  if (a.connected && m.cfg.wrap_up[ch] > Duration::zero()) {
    a.wrap_until[ch] = std::max(a.wrap_until[ch], now + m.cfg.wrap_up[ch]);
    m.schedule(a.wrap_until[ch], TimerKind::kWrapEnd, ai);
  }
  if (m.totalLoad(a) == 0) {
    a.idle_since = now;
  }
  m.emit(RouterEvent::Kind::kCompleted, now, c);
  m.release(ci);
  m.reindex(ai, now);
  m.refreshState(ai, now, "completed");
  m.touchAgent(ai);
  m.flush(now);
  return RouterError::kOk;
}

void Router::advance(Instant now) {
  impl_->processDue(now);
  impl_->flush(now);
}

std::optional<Instant> Router::nextDeadline() const { return impl_->nextDeadline(); }

std::vector<RouterEvent> Router::takeEvents() {
  std::vector<RouterEvent> out;
  out.swap(impl_->events);
  return out;
}

std::optional<ContactView> Router::findContact(std::string_view contact_id, Instant now) const {
  const Impl& m = *impl_;
  int ci = m.findContact(contact_id);
  if (ci == kNone) {
    auto it = m.merged_alias.find(contact_id);
    if (it == m.merged_alias.end()) {
      return std::nullopt;
    }
    ci = m.findContact(it->second);
    if (ci == kNone) {
      return std::nullopt;
    }
  }
  return m.viewOf(m.contacts[ci], now);
}

std::optional<OfferDetails> Router::offerDetails(std::string_view contact_id) const {
  const Impl& m = *impl_;
  const int ci = m.findContact(contact_id);
  if (ci == kNone) {
    return std::nullopt;
  }
  const Router::Impl::ContactRec& c = m.contacts[ci];
  if (c.agent == kNone || c.waiting()) {
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

// O(waiting + agents): meant for metrics every few seconds, not for the request path.
RouterSnapshot Router::snapshot(Instant now) const {
  const Impl& m = *impl_;
  RouterSnapshot s;
  const std::size_t nq = m.cfg.queues.size();
  std::vector<Duration> oldest(nq * kChannelCount, Duration::zero());
  for (const Router::Impl::ContactRec& c : m.contacts) {
    if (c.waiting()) {
      Duration& o =
          oldest[static_cast<std::size_t>(c.queue) * kChannelCount + index(c.spec.channel)];
      o = std::max(o, now - c.enqueued_at);
    }
  }
  for (std::size_t q = 0; q < nq; ++q) {
    for (Channel ch : kAllChannels) {
      const std::size_t k = q * kChannelCount + index(ch);
      const auto& qc = m.qcs[k];
      QueueChannelSnapshot qs;
      qs.queue = m.cfg.queues[q].name;
      qs.channel = ch;
      qs.waiting = static_cast<int>(qc.rank.size());
      qs.callbacks_waiting = qc.callbacks;
      qs.oldest_wait = oldest[k];
      qs.target = m.cfg.service_target[index(ch)];
      qs.estimated_wait = m.estimateFor(static_cast<int>(q), ch, qs.waiting + 1, now);
      qs.service_level = m.serviceLevel(static_cast<int>(q), ch, now);
      s.waiting_by_channel[index(ch)] += qs.waiting;
      s.queues.push_back(std::move(qs));
    }
  }
  for (const Router::Impl::AgentRec& a : m.agents) {
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
  for (int w : impl_->queue_waiting) {
    n += static_cast<std::size_t>(w);
  }
  return n;
}

// No events and no dispatch here (restore has no `now`): the caller calls advance(now) once the
// journal is replayed, which offers what can be offered.
void Router::restoreWaiting(ContactSpec contact, Instant enqueued_at, bool callback,
                            std::string callback_number) {
  Impl& m = *impl_;
  if (m.contact_by_id.contains(contact.id)) {
    return;
  }
  const int queue = m.queueFor(contact);
  const int ci = m.allocate(std::move(contact), queue, enqueued_at);
  Router::Impl::ContactRec& c = m.contacts[ci];
  c.callback = callback;
  c.callback_number = std::move(callback_number);
  m.enqueue(ci, std::max(enqueued_at, m.last_now));
  m.touchContact(ci);
}

void Router::restoreAssigned(ContactSpec contact, std::string agent_id, Instant hold_until) {
  Impl& m = *impl_;
  if (m.contact_by_id.contains(contact.id)) {
    return;
  }
  int ai = m.findAgent(agent_id);
  if (ai == kNone) {
    ai = static_cast<int>(m.agents.size());
    m.agents.emplace_back();
    AgentSpec spec;
    spec.id = agent_id;
    m.loadSpec(ai, std::move(spec));
    m.agent_by_id.emplace(std::move(agent_id), ai);
  }
  const int queue = m.queueFor(contact);
  const Instant received = contact.received_at;
  const int ci = m.allocate(std::move(contact), queue, received);
  Router::Impl::ContactRec& c = m.contacts[ci];
  c.phase = ContactPhase::kAssigned;
  c.agent = ai;
  Router::Impl::AgentRec& a = m.agents[ai];
  a.load[index(c.spec.channel)]++;
  a.aggressive_held += c.spec.reading.aggressive ? 1 : 0;
  a.assigned.push_back(ci);
  m.reindex(ai, m.last_now);
  if (!a.connected) {
    c.restore_hold = true;
    c.restore_until = hold_until;
    m.schedule(hold_until, TimerKind::kRestoreEnd, ci, c.gen);
  }
}

}  // namespace relais::routing
