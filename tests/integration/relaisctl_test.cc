// relaisctl and relaisd's command line, run as an operator would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/integration/daemon_process.h"

namespace relais::testing {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

std::vector<json> jsonLines(const std::string& text) {
  std::vector<json> out;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      out.push_back(json::parse(line));
    }
  }
  return out;
}

std::string writeFile(const std::string& dir, const std::string& name, const std::string& text) {
  const auto path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(RelaisctlTest, SubmitGetStatsAndJsonl) {
  DaemonProcess daemon;
  int rc = -1;
  auto out = runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "submit", "--id",
                         "cli-1", "--channel", "web", "--tenant", "T9", "--text",
                         "bjr le robinet de la cuisine fuit svp"},
                        &rc);
  ASSERT_EQ(rc, 0) << out;
  auto reply = json::parse(out);
  EXPECT_EQ(reply["contact_id"], "cli-1");
  EXPECT_EQ(reply["outcome"], "OUTCOME_QUEUED");

  out = runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "get", "cli-1"}, &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_EQ(json::parse(out)["state"], "CONTACT_STATE_WAITING");

  const auto dir = makeTempDir("relaisctl");
  const auto file = writeFile(dir, "contacts.jsonl",
                              R"({"id": "j-1", "channel": "email", "tenant": "T1", "text": "Bonjour, où en est ma demande ?"})"
                              "\n"
                              R"({"id": "j-2", "channel": "fax", "text": "x"})"
                              "\n"
                              "not json\n"
                              R"({"id": "j-3", "channel": "phone", "text": "   "})"
                              "\n");
  out = runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "submit", "--jsonl", file},
                   &rc);
  EXPECT_EQ(rc, 2) << out;  // j-3 was refused by the daemon
  auto lines = jsonLines(out);
  ASSERT_EQ(lines.size(), 4u) << out;
  EXPECT_EQ(lines[0]["contact_id"], "j-1");
  EXPECT_THAT(lines[1]["error"]["message"].get<std::string>(), HasSubstr("channel"));
  EXPECT_EQ(lines[2]["line"], 3);
  EXPECT_THAT(lines[3]["error"]["message"].get<std::string>(), HasSubstr("text: required"));

  out = runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "stats"}, &rc);
  ASSERT_EQ(rc, 0) << out;
  auto stats = json::parse(out);
  int waiting = 0;
  for (const auto& q : stats["queues"]) {
    waiting += q["waiting"].get<int>();
  }
  EXPECT_EQ(waiting, 2);
  std::filesystem::remove_all(dir);
}

TEST(RelaisctlTest, CasesImportReportsAppliedStaleAndBadLines) {
  DaemonProcess daemon;
  const auto dir = makeTempDir("relaisctl");
  const auto file = writeFile(
      dir, "cases.jsonl",
      R"({"case_ref": "RC-2026-004512", "tenant_id": "T1", "kind": "repair", "status": "planifiée", "opened_at": "2026-02-01", "updated_at": "2026-03-01T10:00:00Z", "next_step": "passage du plombier", "expected_at": "2026-03-12", "steps": [{"label": "demande reçue", "at": "2026-02-01"}]})"
      "\n"
      R"({"case_ref": "rc 2026 4512", "tenant_id": "T1", "status": "ancienne", "updated_at": "2026-02-15"})"
      "\n"
      R"({"case_ref": "RC-2026-000001", "tenant_id": "T1", "updated_at": "hier"})"
      "\n"
      R"({"case_ref": "RC-2026-000002", "tenant": "T1", "updated_at": "2026-01-01"})"
      "\n");
  int rc = -1;
  auto out =
      runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "cases", "import", file}, &rc);
  EXPECT_EQ(rc, 1) << out;
  auto lines = jsonLines(out);
  ASSERT_EQ(lines.size(), 3u) << out;
  EXPECT_THAT(lines[0]["error"]["message"].get<std::string>(), HasSubstr("updated_at"));
  EXPECT_THAT(lines[1]["error"]["message"].get<std::string>(), HasSubstr("tenant: unknown key"));
  EXPECT_EQ(lines[2]["applied"], 1);
  EXPECT_EQ(lines[2]["stale"], 1);  // the same case, normalised, with an older updated_at
  EXPECT_EQ(lines[2]["rejected"], 2);
  std::filesystem::remove_all(dir);
}

TEST(RelaisctlTest, ScriptedAgentHandlesContacts) {
  DaemonProcess daemon;
  int rc = -1;
  for (const char* id : {"ag-1", "ag-2"}) {
    runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "submit", "--id", id,
                "--channel", "email", "--tenant", id, "--text",
                "Bonjour, la chaudière ne démarre plus depuis ce matin."},
               &rc);
    ASSERT_EQ(rc, 0);
  }
  auto out = runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "agent", "--id", "bot",
                         "--skills", "technical,general", "--capacity", "email=1",
                         "--handle-seconds", "0.1", "--max-contacts", "2"},
                        &rc);
  EXPECT_EQ(rc, 0) << out;
  int offers = 0;
  int completed = 0;
  for (const auto& line : jsonLines(out)) {
    offers += line.contains("offer");
    completed += line.contains("completed");
  }
  EXPECT_EQ(offers, 2) << out;
  EXPECT_EQ(completed, 2) << out;
  out = runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "get", "ag-2"}, &rc);
  EXPECT_EQ(json::parse(out)["state"], "CONTACT_STATE_COMPLETED");
}

TEST(RelaisdCommandLineTest, CheckConfigNamesKeyAndLine) {
  const auto dir = makeTempDir("relaisd-config");
  int rc = -1;
  const auto good = writeFile(dir, "good.yaml", "grpc_listen: 127.0.0.1:7000\n");
  runCommand({RELAISD_PATH, "--check-config", good}, &rc);
  EXPECT_EQ(rc, 0);
  const auto bad = writeFile(dir, "bad.yaml", "routing:\n  callback_treshold: 3m\n");
  runCommand({RELAISD_PATH, "--check-config", bad}, &rc);
  EXPECT_EQ(rc, 1);
  std::filesystem::remove_all(dir);
}

TEST(RelaisdCommandLineTest, FlagsOverrideTheFile) {
  const auto dir = makeTempDir("relaisd-config");
  // The file asks for a fixed port; the flags given by DaemonProcess (port 0) must win.
  const auto file = writeFile(dir, "f.yaml", "grpc_listen: 127.0.0.1:1\nmetrics_listen: 127.0.0.1:1\n");
  DaemonProcess daemon({"--config", file});
  EXPECT_NE(daemon.grpcAddress(), "127.0.0.1:1");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace relais::testing
