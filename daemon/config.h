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

// What a client may do; each RPC names the roles allowed to call it (daemon/auth.h).
enum class Role { kIntake, kAgent, kBackoffice, kSupervisor };

// One client allowed to call relaisd, recognised by a bearer token (only its SHA-256 is
// configured) or by the common name of its TLS client certificate.
struct ClientIdentity {
  std::string name;            // for logs and errors; never a secret
  Role role = Role::kIntake;
  std::string agent_id;        // role agent only: the one agent this client may act as
  std::string token_sha256;    // lowercase hex SHA-256 of the bearer token
  std::string certificate_cn;  // subject common name of its client certificate
};

struct TlsConfig {
  std::string cert_file;
  std::string key_file;
  // Clients must present a certificate signed by this CA (mutual TLS) when set.
  std::string client_ca_file;
  bool require_client_cert = false;
};

struct SecurityConfig {
  std::optional<TlsConfig> tls;
  // Empty: no authentication (development on loopback only; every caller may do anything).
  std::vector<ClientIdentity> clients;
};

struct DaemonConfig {
  std::string grpc_listen = "127.0.0.1:50051";
  std::string metrics_listen = "127.0.0.1:9464";
  std::string data_dir = "./var";

  std::size_t max_text_bytes = 64 * 1024;
  std::size_t max_message_bytes = 256 * 1024;
  std::size_t max_agent_streams = 2000;
  // Token bucket per authenticated client: sustained calls per second and burst. Zero turns it
  // off. Without authentication there is no client to tell apart, so no limit applies.
  double rate_per_client = 1000;
  double rate_burst = 2000;

  SecurityConfig security;

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

// Why this config must not start: listening beyond loopback without TLS and authentication.
std::optional<std::string> exposureProblem(const DaemonConfig& config);
bool isLoopbackListen(const std::string& listen);

// The whole file, or nullopt when it cannot be opened (configuration, certificates).
std::optional<std::string> readTextFile(const std::string& path);

// "60s", "5m", "4h", "1d", "250ms" or a bare number of seconds.
std::optional<routing::Duration> parseDuration(const std::string& text);

}  // namespace relais::daemon
