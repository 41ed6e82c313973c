#include "routing/agent.h"

namespace relais::routing {

std::string_view agentStateName(AgentState s) {
  switch (s) {
    case AgentState::kAvailable:
      return "available";
    case AgentState::kBusy:
      return "busy";
    case AgentState::kWrapUp:
      return "wrap_up";
    case AgentState::kBreak:
      return "break";
    case AgentState::kOffline:
      return "offline";
  }
  return "unknown";
}

}  // namespace relais::routing
