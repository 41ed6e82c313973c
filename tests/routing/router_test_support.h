// What the router's tests build their cases from: a fixed epoch, contacts and agents with
// plain defaults, and lookups of what the router did.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "routing/router.h"

namespace relais::routing::router_test {

inline const Instant kT0 = Instant{} + std::chrono::hours(24 * 365 * 56);
inline Instant at(double s) { return kT0 + seconds(s); }

inline ContactSpec contact(std::string id, Channel ch = Channel::kEmail,
                           Intent intent = Intent::kRepair) {
  ContactSpec c;
  c.id = std::move(id);
  c.channel = ch;
  c.tenant_id = "T-" + c.id;
  c.text = "texte " + c.id;
  c.reading.intent = intent;
  return c;
}

inline AgentSpec agent(std::string id, std::vector<Skill> skills,
                       PerChannel<int> capacity = {1, 1, 1, 1}) {
  AgentSpec a;
  a.id = std::move(id);
  a.skills = std::move(skills);
  a.capacity = capacity;
  return a;
}

// An agent with the one skill the default contact (a repair) needs.
inline AgentSpec technician(std::string id, PerChannel<int> capacity = {1, 1, 1, 1}) {
  return agent(std::move(id), {{"technical", 3}}, capacity);
}

inline std::vector<RouterEvent> ofKind(const std::vector<RouterEvent>& events,
                                       RouterEvent::Kind k) {
  std::vector<RouterEvent> out;
  for (const RouterEvent& e : events) {
    if (e.kind == k) {
      out.push_back(e);
    }
  }
  return out;
}

// The agent holding (or offered) a contact, "" when it waits, "<gone>" when it left the router.
inline std::string agentOf(const Router& r, std::string_view id, Instant now) {
  auto v = r.findContact(id, now);
  return v ? v->agent_id : "<gone>";
}

}  // namespace relais::routing::router_test
