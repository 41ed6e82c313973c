// Agents as the router knows them: skills with proficiency, capacity per channel, state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "routing/channel.h"

namespace relais::routing {

// OFFLINE (disconnected) and BREAK are set; the others are derived: WRAP_UP while the wrap-up of
// a completed contact runs on some channel (that channel takes nothing new meanwhile), BUSY when
// no channel can take one more contact (capacity, exclusivity), AVAILABLE otherwise, even when
// already handling contacts on some channel.
enum class AgentState : unsigned char { kAvailable, kBusy, kWrapUp, kBreak, kOffline };
inline constexpr std::size_t kAgentStateCount = 5;

// "available", "busy", "wrap_up", "break", "offline".
std::string_view agentStateName(AgentState s);

struct Skill {
  std::string name;     // skill group ("technical"), "deescalation", "proximity", "lang:ar"...
  int proficiency = 3;  // 1-5
};

struct AgentSpec {
  std::string id;
  std::string display_name;
  std::vector<Skill> skills;
  // Contacts of each channel the agent may hold at once; 0 = channel not taken. A negative
  // value means "use the configured default".
  PerChannel<int> capacity = {-1, -1, -1, -1};
};

// How an agent closed a contact.
struct Disposition {
  bool resolved = false;
  std::string root_cause;
  std::string note;
};

}  // namespace relais::routing
