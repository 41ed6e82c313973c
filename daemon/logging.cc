#include "daemon/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace relais::daemon {

void setupLogging(const DaemonConfig& config) {
  auto logger = spdlog::stderr_logger_mt("relaisd");
  if (config.log_json) {
    // Messages never contain quotes or backslashes from tenants (no contact text is logged
    // above debug), so the message can be embedded as is.
    logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l","msg":"%v"})",
                        spdlog::pattern_time_type::utc);
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %l %v", spdlog::pattern_time_type::utc);
  }
  logger->set_level(spdlog::level::from_str(config.log_level));
  spdlog::set_default_logger(logger);
}

}  // namespace relais::daemon
