// runDaemon: assembles relaisd (store, core, strand, gRPC server, metrics endpoint) from a
// validated config and serves until SIGTERM/SIGINT, then drains in-flight RPCs, flushes storage
// and returns the process exit code.
#pragma once

#include "daemon/config.h"

namespace relais::daemon {

int runDaemon(const DaemonConfig& config);

}  // namespace relais::daemon
