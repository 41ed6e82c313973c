#include "daemon/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace relais::daemon {
namespace {

using ::testing::HasSubstr;

std::string firstError(const std::string& yaml) {
  std::vector<ConfigError> errors;
  auto config = parseConfig(yaml, "test.yaml", errors);
  EXPECT_FALSE(config.has_value());
  return errors.empty() ? "" : errors.front().message;
}

TEST(ConfigTest, EmptyFileGivesEmbeddedDefaults) {
  std::vector<ConfigError> errors;
  auto config = parseConfig("", "test.yaml", errors);
  ASSERT_TRUE(config) << errors.front().message;
  EXPECT_EQ(config->grpc_listen, "127.0.0.1:50051");
  EXPECT_EQ(config->metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(config->data_dir, "./var");
  EXPECT_EQ(config->max_text_bytes, 64u * 1024);
  EXPECT_FALSE(config->routing.queues.empty());
}

TEST(ConfigTest, ReadsValuesAndDurations) {
  std::vector<ConfigError> errors;
  auto config = parseConfig(R"(
grpc_listen: 127.0.0.1:6000
limits:
  max_text_bytes: 1000
storage:
  sync: full
routing:
  service_targets:
    phone: 30s
    email: 1d
  offer_timeouts: {voice: 15s}
  max_consecutive_misses: 2
)",
                            "test.yaml", errors);
  ASSERT_TRUE(config) << errors.front().message;
  EXPECT_EQ(config->grpc_listen, "127.0.0.1:6000");
  EXPECT_EQ(config->max_text_bytes, 1000u);
  EXPECT_EQ(config->sync, SyncLevel::kFull);
  EXPECT_EQ(config->routing.service_target[routing::index(routing::Channel::kPhone)],
            std::chrono::seconds(30));
  EXPECT_EQ(config->routing.service_target[routing::index(routing::Channel::kEmail)],
            std::chrono::hours(24));
  EXPECT_EQ(config->routing.offer_timeout[routing::index(routing::Channel::kPhone)],
            std::chrono::seconds(15));
  EXPECT_EQ(config->routing.max_consecutive_misses, 2);
}

TEST(ConfigTest, UnknownKeyIsNamedWithItsLine) {
  const auto error = firstError("grpc_listen: 127.0.0.1:1\nlimits:\n  max_txt_bytes: 10\n");
  EXPECT_THAT(error, HasSubstr("limits.max_txt_bytes"));
  EXPECT_THAT(error, HasSubstr("line 3"));
  EXPECT_THAT(error, HasSubstr("unknown key"));
}

TEST(ConfigTest, WrongTypesAndBadValuesAreNamed) {
  EXPECT_THAT(firstError("limits:\n  max_text_bytes: lots\n"),
              HasSubstr("limits.max_text_bytes (line 2): must be an integer"));
  EXPECT_THAT(firstError("storage:\n  sync: sometimes\n"), HasSubstr("storage.sync"));
  EXPECT_THAT(firstError("routing:\n  service_targets:\n    fax: 10s\n"),
              HasSubstr("routing.service_targets.fax (line 3): unknown channel"));
  EXPECT_THAT(firstError("routing:\n  callback_threshold: soon\n"),
              HasSubstr("routing.callback_threshold (line 2): must be a duration"));
  EXPECT_THAT(firstError("routing:\n  merge_repeats: perhaps\n"),
              HasSubstr("must be true or false"));
  EXPECT_THAT(firstError("limits: [1, 2]\n"), HasSubstr("limits (line 1): must be a mapping"));
  EXPECT_THAT(firstError("grpc_listen: [\n"), HasSubstr("line"));
}

TEST(ConfigTest, EveryErrorIsReportedNotJustTheFirst) {
  std::vector<ConfigError> errors;
  EXPECT_FALSE(parseConfig("foo: 1\nbar: 2\nlimits:\n  max_text_bytes: -5\n", "t", errors));
  EXPECT_EQ(errors.size(), 3u);
}

TEST(ConfigTest, RulesMustNameKnownIntentsAndQueues) {
  EXPECT_THAT(firstError("routing:\n  rules:\n    plumbing: technical\n"),
              HasSubstr("routing.rules.plumbing (line 3): unknown intent"));
  EXPECT_THAT(firstError("routing:\n  rules:\n    repair: nowhere\n"), HasSubstr("nowhere"));
}

TEST(ConfigTest, ParseDuration) {
  EXPECT_EQ(parseDuration("250ms"), std::chrono::milliseconds(250));
  EXPECT_EQ(parseDuration("90"), std::chrono::seconds(90));
  EXPECT_EQ(parseDuration("5m"), std::chrono::minutes(5));
  EXPECT_EQ(parseDuration("1.5h"), std::chrono::minutes(90));
  EXPECT_FALSE(parseDuration(""));
  EXPECT_FALSE(parseDuration("5 minutes"));
  EXPECT_FALSE(parseDuration("-3s"));
  EXPECT_FALSE(parseDuration("100000d"));
  EXPECT_FALSE(parseDuration("nan"));
  EXPECT_FALSE(parseDuration("nans"));
  EXPECT_FALSE(parseDuration("inf"));
  EXPECT_FALSE(parseDuration("infinityh"));
  EXPECT_THAT(firstError("auto_answer:\n  stalled_after: nan\n"),
              HasSubstr("auto_answer.stalled_after"));
}

TEST(ConfigTest, ShippedExampleConfigIsValid) {
  std::vector<ConfigError> errors;
  auto config = loadConfigFile(RELAIS_SOURCE_DIR "/deploy/config/relaisd.example.yaml", errors);
  EXPECT_TRUE(config) << (errors.empty() ? "" : errors.front().message);
}

}  // namespace
}  // namespace relais::daemon

namespace relais::daemon {
namespace {

constexpr const char* kHash = "4323ad124aa3dc43325f5dd32a4bb79aab93431720c8c2619289c4f390c9a1ac";

TEST(ConfigSecurityTest, ReadsClientsAndLimits) {
  std::vector<ConfigError> errors;
  auto config = parseConfig(std::string(R"(
limits: {max_agent_streams: 50, rate_per_client: 20, rate_burst: 40}
security:
  clients:
    - {name: ivr, role: intake, token_sha256: )") + kHash + R"(}
    - {name: a1, role: agent, agent_id: agent-1, token_sha256: )" +
                                std::string(64, 'B') + R"(}
)",
                            "test.yaml", errors);
  ASSERT_TRUE(config) << errors.front().message;
  EXPECT_EQ(config->max_agent_streams, 50u);
  EXPECT_EQ(config->rate_per_client, 20);
  ASSERT_EQ(config->security.clients.size(), 2u);
  EXPECT_EQ(config->security.clients[1].role, Role::kAgent);
  EXPECT_EQ(config->security.clients[1].agent_id, "agent-1");
  // Hashes are compared in lowercase whatever case the operator pasted.
  EXPECT_EQ(config->security.clients[1].token_sha256, std::string(64, 'b'));
  EXPECT_FALSE(config->security.tls);
}

TEST(ConfigSecurityTest, ClientMistakesAreNamed) {
  EXPECT_THAT(firstError("security: {clients: [{name: x, role: admin, token_sha256: " +
                         std::string(kHash) + "}]}"),
              HasSubstr("security.clients[0].role (line 1): must be intake, agent"));
  EXPECT_THAT(firstError("security: {clients: [{name: x, role: intake, token_sha256: abc}]}"),
              HasSubstr("security.clients[0].token_sha256 (line 1): must be 64 hex digits"));
  EXPECT_THAT(firstError("security: {clients: [{name: x, role: agent, token_sha256: " +
                         std::string(kHash) + "}]}"),
              HasSubstr("security.clients[0].agent_id (line 1): required for role agent"));
  EXPECT_THAT(firstError("security: {clients: [{name: x, role: intake}]}"),
              HasSubstr("needs exactly one of token_sha256 or certificate_cn"));
  EXPECT_THAT(firstError("security: {clients: [{name: x, role: agent, agent_id: a, "
                         "certificate_cn: a}]}"),
              HasSubstr("needs security.tls.client_ca_file"));
  const auto twice = "security: {clients: [{name: x, role: intake, token_sha256: " +
                     std::string(kHash) + "}, {name: y, role: supervisor, token_sha256: " +
                     std::string(kHash) + "}]}";
  EXPECT_THAT(firstError(twice), HasSubstr("clients[1].token_sha256 (line 1): same token"));
}

TEST(ConfigSecurityTest, TlsFilesMustBeReadable) {
  const auto error = firstError(
      "security:\n  tls:\n    cert_file: /nonexistent/server.crt\n    key_file: "
      "/nonexistent/server.key\n    require_client_cert: true\n");
  EXPECT_THAT(error, HasSubstr("security.tls.cert_file (line 3): cannot read /nonexistent"));
  EXPECT_THAT(firstError("security:\n  tls: {key_file: /etc/hostname}\n"),
              HasSubstr("security.tls.cert_file (line 2): required"));
}

TEST(ConfigSecurityTest, NonLoopbackNeedsTlsAndClients) {
  EXPECT_THAT(firstError("grpc_listen: 0.0.0.0:50051\n"),
              HasSubstr("test.yaml: grpc_listen 0.0.0.0:50051 is not a loopback address"));
  EXPECT_THAT(firstError("grpc_listen: '[::]:50051'\nsecurity: {clients: [{name: x, role: "
                         "intake, token_sha256: " +
                         std::string(kHash) + "}]}"),
              HasSubstr("needs security.tls and security.clients"));
  for (const auto* local : {"127.0.0.1:1", "localhost:1", "[::1]:1", "127.0.1.1:1",
                            "unix:/run/relais.sock"}) {
    EXPECT_TRUE(isLoopbackListen(local)) << local;
  }
  for (const auto* remote : {"0.0.0.0:1", "[::]:1", "10.0.0.4:1", "relais.example:1",
                             "128.0.0.1:1"}) {
    EXPECT_FALSE(isLoopbackListen(remote)) << remote;
  }
  DaemonConfig config;
  config.grpc_listen = "0.0.0.0:1";
  config.security.clients.push_back({"x", Role::kIntake, "", kHash, ""});
  config.security.tls = TlsConfig{"/a", "/b", "", false};
  EXPECT_FALSE(exposureProblem(config));
  config.security.clients.clear();
  EXPECT_TRUE(exposureProblem(config));
}

}  // namespace
}  // namespace relais::daemon

namespace relais::daemon {
namespace {

// Found by config_fuzzer: a repeated `security` key made the duplicate checks index a client
// the second block does not have, and yaml-cpp threw out of parseConfig.
TEST(ConfigSecurityTest, RepeatedSecurityKeyIsAnErrorNotACrash) {
  const std::string ivr =
      "    - {name: ivr, role: intake, token_sha256: " + std::string(64, 'a') + "}\n";
  std::vector<ConfigError> errors;
  auto config = parseConfig("security:\n  clients:\n" + ivr + ivr + "security:\n  clients:\n" + ivr,
                            "test.yaml", errors);
  EXPECT_FALSE(config);
  std::string all;
  for (const auto& e : errors) {
    all += e.message + "\n";
  }
  EXPECT_THAT(all, HasSubstr("test.yaml: security.clients[1].name (line 4): duplicate client"));
  EXPECT_THAT(all, HasSubstr("test.yaml: security (line 5): repeated key"));
}

}  // namespace
}  // namespace relais::daemon
