// setupLogging: spdlog on stderr, one line per event, text or JSON, at the configured level.
// Contact text and tenant identities are logged at debug level only.
#pragma once

#include "daemon/config.h"

namespace relais::daemon {

void setupLogging(const DaemonConfig& config);

}  // namespace relais::daemon
