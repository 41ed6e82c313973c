// Router::Impl, agent side: skills, capacity, exclusivity, states and the index of agents able
// to take one more contact.
#include <algorithm>

#include "routing/internal/router_impl.h"

namespace relais::routing {

using internal::AgentKey;
using internal::kNone;

int Router::Impl::findAgent(std::string_view id) const {
  auto it = agent_by_id.find(id);
  return it == agent_by_id.end() ? kNone : it->second;
}

// Answering an offer needs the agent connected; completing does not (a console may drop while
// its agent finishes the call).
Router::Impl::Held Router::Impl::findHeld(std::string_view agent_id,
                                          std::string_view contact_id, ContactPhase phase,
                                          Instant now) {
  processDue(now);
  flush(now);
  const int ai = findAgent(agent_id);
  const bool offered = phase == ContactPhase::kOffered;
  if (ai == kNone || (offered && !agents[ai].connected)) {
    return {RouterError::kUnknownAgent};
  }
  const int ci = findContact(contact_id);
  if (ci == kNone) {
    return {RouterError::kUnknownContact};
  }
  const ContactRec& c = contacts[ci];
  if (c.phase != phase || c.agent != ai) {
    return {offered ? RouterError::kNotOfferedToYou : RouterError::kNotAssignedToYou};
  }
  return {RouterError::kOk, ai, ci};
}

int Router::Impl::internSkill(const std::string& name) {
  auto [it, inserted] = skill_ids.emplace(name, static_cast<int>(skill_ids.size()));
  if (inserted) {
    agent_sets.resize(skill_ids.size() * kChannelCount);
  }
  return it->second;
}

int Router::Impl::skillOf(std::string_view name) const {
  auto it = skill_ids.find(name);
  return it == skill_ids.end() ? kNone : it->second;
}

// Takes a (new) spec: capacities resolved, skills interned, the ring at which the agent serves
// each queue (the first ring whose skill it has at the queue's minimum proficiency).
void Router::Impl::loadSpec(int ai, AgentSpec spec) {
  AgentRec& a = agents[ai];
  for (Channel ch : kAllChannels) {
    const std::size_t i = index(ch);
    a.capacity[i] = spec.capacity[i] < 0 ? cfg.default_capacity[i] : spec.capacity[i];
  }
  a.skills.clear();
  for (const Skill& s : spec.skills) {
    const int id = internSkill(s.name);
    auto it = std::find_if(a.skills.begin(), a.skills.end(),
                           [&](const auto& p) { return p.first == id; });
    if (it == a.skills.end()) {
      a.skills.emplace_back(id, s.proficiency);
    } else {
      it->second = std::max(it->second, s.proficiency);
    }
  }
  std::sort(a.skills.begin(), a.skills.end());
  a.deescalation = hasSkill(a, deescalation_skill);
  a.level_by_queue.assign(cfg.queues.size(), kNone);
  a.proficiency_by_queue.assign(cfg.queues.size(), 0);
  for (std::size_t q = 0; q < cfg.queues.size(); ++q) {
    for (std::size_t ring = 0; ring < ring_skills[q].size(); ++ring) {
      for (const auto& [id, prof] : a.skills) {
        if (id == ring_skills[q][ring] && prof >= cfg.queues[q].min_proficiency) {
          a.level_by_queue[q] = static_cast<int>(ring);
          a.proficiency_by_queue[q] = prof;
        }
      }
      if (a.level_by_queue[q] != kNone) {
        break;
      }
    }
  }
  a.spec = std::move(spec);
}

int Router::Impl::totalLoad(const AgentRec& a) const {
  int n = 0;
  for (int l : a.load) {
    n += l;
  }
  return n;
}

double Router::Impl::occupancy(const AgentRec& a) const {
  int cap = 0;
  for (int c : a.capacity) {
    cap += std::max(c, 0);
  }
  return cap == 0 ? 0.0 : std::min(1.0, static_cast<double>(totalLoad(a)) / cap);
}

// Free capacity on `ch` and no exclusivity conflict with what the agent holds (offers count).
bool Router::Impl::hasRoom(const AgentRec& a, Channel ch) const {
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

bool Router::Impl::canTake(const AgentRec& a, Channel ch, Instant now) const {
  return online(a) && hasRoom(a, ch) && now >= a.wrap_until[index(ch)];
}

bool Router::Impl::hasSkill(const AgentRec& a, int skill) const {
  if (skill == kNone) {
    return false;
  }
  for (const auto& [id, prof] : a.skills) {
    if (id == skill) {
      return prof >= 1;
    }
  }
  return false;
}

bool Router::Impl::reqsetOk(const AgentRec& a, int reqset) const {
  for (int s : reqsets[reqset]) {
    if (!hasSkill(a, s)) {
      return false;
    }
  }
  return true;
}

int Router::Impl::aggressiveInShift(const AgentRec& a, Instant now) const {
  int n = 0;
  for (auto it = a.aggressive_log.rbegin(); it != a.aggressive_log.rend(); ++it) {
    if (now - *it >= cfg.incivility.shift_length) {
      break;
    }
    ++n;
  }
  return n;
}

// An agent takes no aggressive contact while handling one, during the cool-down after one, or
// once it had max_per_shift of them within the shift length.
bool Router::Impl::aggressionOk(const AgentRec& a, Instant now) const {
  return a.aggressive_held == 0 && now >= a.cooldown_until &&
         aggressiveInShift(a, now) < cfg.incivility.max_per_shift;
}

// OFFLINE and BREAK as set; WRAP_UP while any channel's wrap-up runs; BUSY when no channel can
// take one more contact; AVAILABLE otherwise (possibly already handling some).
AgentState Router::Impl::stateOf(const AgentRec& a, Instant now) const {
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

void Router::Impl::refreshState(int ai, Instant now, std::string_view reason) {
  AgentRec& a = agents[ai];
  const AgentState s = stateOf(a, now);
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

// Puts the agent in the (skill, channel) sets of every channel it can take one more contact on,
// keyed by its current proficiency, occupancy and idle time; nothing moves if nothing changed.
void Router::Impl::reindex(int ai, Instant now) {
  AgentRec& a = agents[ai];
  std::vector<std::pair<int, AgentKey>> want;
  if (online(a)) {
    const int occ = static_cast<int>(occupancy(a) * 1000.0);
    for (Channel ch : kAllChannels) {
      if (!canTake(a, ch, now)) {
        continue;
      }
      for (const auto& [skill, prof] : a.skills) {
        want.emplace_back(skill * static_cast<int>(kChannelCount) + static_cast<int>(index(ch)),
                          AgentKey{-prof, occ, a.idle_since, ai});
      }
    }
  }
  if (want == a.memberships) {
    return;
  }
  for (const auto& [set, key] : a.memberships) {
    agent_sets[set].erase(key);
  }
  for (const auto& [set, key] : want) {
    agent_sets[set].insert(key);
  }
  a.memberships = std::move(want);
}

// Keeps each queue's eligible capacity (used for estimates before observations) in step with
// which agents are online.
void Router::Impl::recount(int ai) {
  AgentRec& a = agents[ai];
  const bool want = online(a);
  if (want == a.counted) {
    return;
  }
  const int sign = want ? 1 : -1;
  for (std::size_t q = 0; q < cfg.queues.size(); ++q) {
    if (a.level_by_queue[q] == kNone) {
      continue;
    }
    for (Channel ch : kAllChannels) {
      qcs[q * kChannelCount + index(ch)].capacity += sign * std::max(0, a.capacity[index(ch)]);
    }
  }
  a.counted = want;
}

// The agent stops taking contacts (break or disconnect already set): its offers go back to their
// queues at once and contacts held for it are released.
void Router::Impl::goOffDuty(int ai, Instant now, std::string_view offer_reason) {
  AgentRec& a = agents[ai];
  const std::vector<int> offers = a.offers;
  for (int ci : offers) {
    withdrawOffer(ci, now, offer_reason, false);
  }
  const std::vector<int> held = agents[ai].held;
  for (int ci : held) {
    unhold(ci, now);
  }
  recount(ai);
  reindex(ai, now);
}

}  // namespace relais::routing
