// DaemonConfig: everything relaisd reads from its YAML file, with embedded defaults so it runs
// with no file at all. loadConfig() rejects unknown keys, wrong types and bad values with the
// key's path and line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "routing/auto_answer.h"
#include "routing/contact_reader.h"
#include "routing/routing_config.h"

namespace relais::daemon {

enum class SyncLevel { kOff, kNormal, kFull };

struct DaemonConfig {
  std::string grpc_listen = "127.0.0.1:50051";
  std::string metrics_listen = "127.0.0.1:9464";
  std::string data_dir = "./var";

  std::size_t max_text_bytes = 64 * 1024;
  std::size_t max_message_bytes = 256 * 1024;

  // SQLite `synchronous` in WAL mode. normal: survives a process crash; full: also a power loss.
  SyncLevel sync = SyncLevel::kNormal;

  std::string log_level = "info";
  bool log_json = false;

  // Contacts being handled when relaisd stopped stay held for their agent this long after a
  // restart, waiting for it to reconnect, before going back to the queue.
  routing::Duration assigned_hold = std::chrono::minutes(30);

  // GDPR: text and tenant identifiers of closed contacts are erased this long after closing;
  // anonymous counters and dispositions stay. Zero keeps everything (not recommended).
  routing::Duration retention = std::chrono::hours(24 * 90);
  // The purge erases at most this many contacts per second, so it never stalls routing.
  int purge_batch = 2000;

  routing::ReaderConfig reader;
  routing::AutoAnswerConfig auto_answer;
  routing::RoutingConfig routing = routing::RoutingConfig::defaults();
};

struct ConfigError {
  std::string message;  // "routing.queues[2].max_waiting (line 14): must be positive"
};

// Parses YAML text; `source` names it in errors.
std::optional<DaemonConfig> parseConfig(const std::string& yaml, const std::string& source,
                                        std::vector<ConfigError>& errors);
std::optional<DaemonConfig> loadConfigFile(const std::string& path,
                                           std::vector<ConfigError>& errors);

// "60s", "5m", "4h", "1d", "250ms" or a bare number of seconds.
std::optional<routing::Duration> parseDuration(const std::string& text);

}  // namespace relais::daemon
