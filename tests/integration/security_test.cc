// Security over real gRPC against a real relaisd: every method with every role, missing and
// wrong tokens, agents bound to their own id, TLS and mutual TLS, the refusal to listen beyond
// loopback in clear, the limits, and what the log may contain.
#include <gmock/gmock.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include "relais/v1/case_feed.grpc.pb.h"
#include "relais/v1/intake.grpc.pb.h"
#include "relais/v1/supervision.grpc.pb.h"
#include "tests/integration/agent_console.h"
#include "tests/integration/daemon_process.h"

namespace relais::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Tokens and their SHA-256, as an operator would configure them (`relaisctl token new`).
struct Token {
  const char* token;
  const char* sha256;
};
constexpr Token kIntake{"intake-token",
                        "4323ad124aa3dc43325f5dd32a4bb79aab93431720c8c2619289c4f390c9a1ac"};
constexpr Token kAgentA1{"agent-a1-token",
                         "e1c0be0e2e69c08518353bf8f2e69b259252b009c1ad15e2b35c5e88160acd9d"};
constexpr Token kAgentA2{"agent-a2-token",
                         "ea92a764bd141005aa56ac6b6144030926211224ce72faa07bcab5bd2cb2d48e"};
constexpr Token kBackoffice{"backoffice-token",
                            "0e0d5efc931a5afba1511ee655aa6293503ab351219f0c6a636d160c258ba09d"};
constexpr Token kSupervisor{"supervisor-token",
                            "5e15d41a74afde57a4acd4a0e3691108f119e4979e85be1b70bf71d198cb6a8b"};

std::string clientsYaml() {
  std::ostringstream y;
  y << "security:\n  clients:\n"
    << "    - {name: ivr, role: intake, token_sha256: " << kIntake.sha256 << "}\n"
    << "    - {name: console-a1, role: agent, agent_id: a1, token_sha256: " << kAgentA1.sha256
    << "}\n"
    << "    - {name: console-a2, role: agent, agent_id: a2, token_sha256: " << kAgentA2.sha256
    << "}\n"
    << "    - {name: erp, role: backoffice, token_sha256: " << kBackoffice.sha256 << "}\n"
    << "    - {name: team-lead, role: supervisor, token_sha256: " << kSupervisor.sha256
    << "}\n";
  return y.str();
}

std::string writeConfig(const std::string& dir, const std::string& yaml) {
  const auto path = dir + "/relaisd.yaml";
  std::ofstream(path) << yaml;
  return path;
}

// A test-owned directory holding the config (and certificates), removed at the end.
struct Scratch {
  std::string dir = makeTempDir("relais-security");
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

void authorize(grpc::ClientContext& ctx, const std::string& token) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  if (!token.empty()) {
    ctx.AddMetadata("authorization", "Bearer " + token);
  }
}

// Calls `method` as the holder of `token`, acting (where the method names an agent) as
// `agent_id`, and returns the status. Requests are small but well-formed: a call that gets past
// the gate may still fail on content (NOT_FOUND...), which the tests tell apart.
grpc::Status call(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                  const std::string& token, const std::string& agent_id = "a1") {
  auto intake = v1::ContactIntake::NewStub(channel);
  auto desk = v1::AgentDesk::NewStub(channel);
  auto cases = v1::CaseFeed::NewStub(channel);
  auto supervision = v1::Supervision::NewStub(channel);
  grpc::ClientContext ctx;
  authorize(ctx, token);
  if (method == "Submit") {
    v1::Contact c;
    c.set_contact_id("gate-" + std::to_string(std::rand()));
    c.set_channel(v1::CHANNEL_EMAIL);
    c.set_tenant_id("T-1");
    c.set_text("Bonjour, où en est ma demande de mutation ? Merci.");
    v1::SubmitReply r;
    return intake->Submit(&ctx, c, &r);
  }
  if (method == "GetContact") {
    v1::GetContactRequest q;
    q.set_contact_id("nobody");
    v1::ContactStatus r;
    return intake->GetContact(&ctx, q, &r);
  }
  if (method == "AcceptCallback") {
    v1::AcceptCallbackRequest q;
    q.set_contact_id("nobody");
    q.set_phone_number("+33100000000");
    v1::ContactStatus r;
    return intake->AcceptCallback(&ctx, q, &r);
  }
  if (method == "Feedback") {
    v1::FeedbackRequest q;
    q.set_contact_id("nobody");
    v1::ContactStatus r;
    return intake->Feedback(&ctx, q, &r);
  }
  if (method == "Abandon") {
    v1::AbandonRequest q;
    q.set_contact_id("nobody");
    v1::ContactStatus r;
    return intake->Abandon(&ctx, q, &r);
  }
  if (method == "Connect") {
    // An admitted stream stays open: a short deadline ends it, and DEADLINE_EXCEEDED (after a
    // `connected` event) means it was let in.
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(700));
    auto reader = desk->Connect(&ctx, agentRequest(agent_id, {"general"}));
    v1::AgentEvent event;
    bool connected = false;
    while (reader->Read(&event)) {
      connected = connected || event.has_connected();
    }
    auto status = reader->Finish();
    return connected ? grpc::Status::OK : status;
  }
  if (method == "SetState") {
    v1::SetStateRequest q;
    q.set_agent_id(agent_id);
    q.set_state(v1::AGENT_STATE_BREAK);
    v1::SetStateReply r;
    return desk->SetState(&ctx, q, &r);
  }
  if (method == "AcceptOffer" || method == "DeclineOffer") {
    v1::OfferAction q;
    q.set_agent_id(agent_id);
    q.set_contact_id("nobody");
    v1::OfferActionReply r;
    return method == "AcceptOffer" ? desk->AcceptOffer(&ctx, q, &r)
                                   : desk->DeclineOffer(&ctx, q, &r);
  }
  if (method == "CompleteContact") {
    v1::CompleteRequest q;
    q.set_agent_id(agent_id);
    q.set_contact_id("nobody");
    v1::OfferActionReply r;
    return desk->CompleteContact(&ctx, q, &r);
  }
  if (method == "UpsertCase") {
    v1::Case q;
    q.set_case_ref("RC-2026-000001");
    q.set_tenant_id("T-1");
    q.set_kind("repair");
    q.set_status("open");
    v1::UpsertCaseReply r;
    return cases->UpsertCase(&ctx, q, &r);
  }
  if (method == "CloseCase") {
    v1::CloseCaseRequest q;
    q.set_case_ref("RC-2026-000001");
    v1::UpsertCaseReply r;
    return cases->CloseCase(&ctx, q, &r);
  }
  if (method == "Snapshot") {
    v1::SnapshotReply r;
    return supervision->Snapshot(&ctx, {}, &r);
  }
  ADD_FAILURE() << "no such method in the test: " << method;
  return grpc::Status::CANCELLED;
}

bool gateRefused(const grpc::Status& s) {
  return s.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
         s.error_code() == grpc::StatusCode::PERMISSION_DENIED;
}

const std::vector<std::string> kMethods = {
    "Submit",   "GetContact",  "AcceptCallback", "Feedback",        "Abandon",
    "Connect",  "SetState",    "AcceptOffer",    "DeclineOffer",    "CompleteContact",
    "UpsertCase", "CloseCase", "Snapshot"};

TEST(SecurityTest, EveryMethodWithEveryRole) {
  Scratch scratch;
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, clientsYaml())});
  const auto channel = daemon.channel();

  // Who may call what: the contract written out independently of daemon/auth.cc.
  const std::map<std::string, std::vector<std::string>> allowed = {
      {"Submit", {"intake"}},          {"GetContact", {"intake", "supervisor"}},
      {"AcceptCallback", {"intake"}},  {"Feedback", {"intake"}},
      {"Abandon", {"intake"}},         {"Connect", {"agent"}},
      {"SetState", {"agent", "supervisor"}}, {"AcceptOffer", {"agent"}},
      {"DeclineOffer", {"agent"}},     {"CompleteContact", {"agent"}},
      {"UpsertCase", {"backoffice"}},  {"CloseCase", {"backoffice"}},
      {"Snapshot", {"supervisor"}}};
  const std::map<std::string, std::string> roles = {{"intake", kIntake.token},
                                                    {"agent", kAgentA1.token},
                                                    {"backoffice", kBackoffice.token},
                                                    {"supervisor", kSupervisor.token}};
  for (const auto& method : kMethods) {
    SCOPED_TRACE(method);
    const auto none = call(channel, method, "");
    EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED) << none.error_message();
    EXPECT_THAT(none.error_message(), HasSubstr("missing credentials"));
    const auto wrong = call(channel, method, "not-a-token");
    EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED) << wrong.error_message();
    EXPECT_THAT(wrong.error_message(), HasSubstr("unknown bearer token"));

    for (const auto& [role, token] : roles) {
      SCOPED_TRACE(role);
      const auto& ok_roles = allowed.at(method);
      const bool may = std::find(ok_roles.begin(), ok_roles.end(), role) != ok_roles.end();
      const auto status = call(channel, method, token);
      if (may) {
        EXPECT_FALSE(gateRefused(status)) << status.error_message();
      } else {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << status.error_message();
        EXPECT_THAT(status.error_message(), HasSubstr(std::string("role ") + role));
      }
    }
  }
}

TEST(SecurityTest, AuthorizationHeaderMustBeABearerToken) {
  Scratch scratch;
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, clientsYaml())});
  auto supervision = v1::Supervision::NewStub(daemon.channel());
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", std::string("Basic ") + kSupervisor.token);
  v1::SnapshotReply r;
  auto s = supervision->Snapshot(&ctx, {}, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(s.error_message(), HasSubstr("Bearer"));
}

TEST(SecurityTest, AnAgentActsOnlyAsItself) {
  Scratch scratch;
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, clientsYaml())});
  const auto channel = daemon.channel();
  for (const auto* method :
       {"Connect", "SetState", "AcceptOffer", "DeclineOffer", "CompleteContact"}) {
    SCOPED_TRACE(method);
    const auto s = call(channel, method, kAgentA1.token, "a2");
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
    EXPECT_THAT(s.error_message(), HasSubstr("agent_id"));
  }

  // A real offer to a2: a1 can neither take it under its own id nor under a2's.
  AgentConsole a2(channel, agentRequest("a2", {"technical", "general", "tenancy",
                                               "neighbourhood", "proximity", "deescalation"}),
                  kAgentA2.token);
  auto hello = a2.next();
  ASSERT_TRUE(hello && hello->has_connected());
  auto intake = v1::ContactIntake::NewStub(channel);
  {
    grpc::ClientContext ctx;
    authorize(ctx, kIntake.token);
    v1::Contact c;
    c.set_contact_id("offer-for-a2");
    c.set_channel(v1::CHANNEL_EMAIL);
    c.set_tenant_id("T-2");
    c.set_text("Bonjour, le robinet de la cuisine fuit depuis lundi. Merci.");
    v1::SubmitReply r;
    ASSERT_TRUE(intake->Submit(&ctx, c, &r).ok());
  }
  auto offer = a2.nextOffer();
  ASSERT_TRUE(offer);
  auto desk = v1::AgentDesk::NewStub(channel);
  auto accept = [&](const char* token, const char* as) {
    grpc::ClientContext ctx;
    authorize(ctx, token);
    v1::OfferAction q;
    q.set_agent_id(as);
    q.set_contact_id("offer-for-a2");
    v1::OfferActionReply r;
    return desk->AcceptOffer(&ctx, q, &r);
  };
  EXPECT_EQ(accept(kAgentA1.token, "a2").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_FALSE(accept(kAgentA1.token, "a1").ok());
  EXPECT_TRUE(accept(kAgentA2.token, "a2").ok());
}

TEST(SecurityTest, NonLoopbackWithoutTlsAndClientsIsRefused) {
  Scratch scratch;
  int code = 0;
  auto out = runCommand({"/bin/sh", "-c",
                         std::string(RELAISD_PATH) + " --grpc-listen 0.0.0.0:0 --data-dir " +
                             scratch.dir + "/data 2>&1"},
                        &code);
  EXPECT_NE(code, 0);
  EXPECT_THAT(out, HasSubstr("not a loopback address"));
  EXPECT_THAT(out, HasSubstr("security.tls"));
  EXPECT_FALSE(std::filesystem::exists(scratch.dir + "/data/relais.db"));

  // --check-config says the same about a file, naming the file.
  const auto config = writeConfig(scratch.dir, "grpc_listen: 0.0.0.0:50051\n" + clientsYaml());
  out = runCommand({"/bin/sh", "-c", std::string(RELAISD_PATH) + " --check-config " + config +
                                         " 2>&1"},
                   &code);
  EXPECT_EQ(code, 1);
  EXPECT_THAT(out, HasSubstr("relaisd.yaml: grpc_listen 0.0.0.0:50051 is not a loopback"));
}

// Certificates made for the test with the openssl command: a CA, a server certificate for
// 127.0.0.1, a client certificate for console-a1, and a client certificate from another CA.
class Certificates {
 public:
  explicit Certificates(const std::string& dir) : dir_(dir) {
    const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    run("openssl req -x509 " + key + " -keyout ca.key -out ca.crt -days 2 -subj '/CN=relais test CA'");
    run("openssl req -x509 " + key +
        " -keyout rogue.key -out rogue.crt -days 2 -subj '/CN=rogue CA'");
    issue("server", "localhost", "ca", "subjectAltName=DNS:localhost,IP:127.0.0.1");
    issue("client", "console-a1", "ca", "extendedKeyUsage=clientAuth");
    issue("impostor", "console-a1", "rogue", "extendedKeyUsage=clientAuth");
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string pem(const std::string& name) const {
    std::ifstream in(path(name));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  void run(const std::string& command) {
    int code = 0;
    runCommand({"/bin/sh", "-c", "cd " + dir_ + " && " + command + " 2>&1"}, &code);
    ASSERT_EQ(code, 0) << command;
  }
  void issue(const std::string& name, const std::string& cn, const std::string& ca,
             const std::string& ext) {
    run("openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout " + name +
        ".key -out " + name + ".csr -subj '/CN=" + cn + "'");
    run("printf '" + ext + "' > " + name + ".ext && openssl x509 -req -in " + name +
        ".csr -CA " + ca + ".crt -CAkey " + ca + ".key -CAcreateserial -days 2 -out " + name +
        ".crt -extfile " + name + ".ext");
  }
  std::string dir_;
};

std::shared_ptr<grpc::Channel> tlsChannel(const DaemonProcess& daemon, const Certificates& certs,
                                          const std::string& client = "") {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = certs.pem("ca.crt");
  if (!client.empty()) {
    options.pem_private_key = certs.pem(client + ".key");
    options.pem_cert_chain = certs.pem(client + ".crt");
  }
  return grpc::CreateChannel(daemon.grpcAddress(), grpc::SslCredentials(options));
}

TEST(SecurityTest, TlsWithBearerTokens) {
  Scratch scratch;
  Certificates certs(scratch.dir);
  const auto yaml = "security:\n  tls:\n    cert_file: " + certs.path("server.crt") +
                    "\n    key_file: " + certs.path("server.key") + "\n" +
                    clientsYaml().substr(std::string("security:\n").size());
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, yaml)});

  const auto tls = tlsChannel(daemon, certs);
  EXPECT_TRUE(call(tls, "Snapshot", kSupervisor.token).ok());
  EXPECT_EQ(call(tls, "Snapshot", kIntake.token).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // A plaintext client cannot even talk to the TLS port.
  EXPECT_EQ(call(daemon.channel(), "Snapshot", kSupervisor.token).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST(SecurityTest, MutualTlsIdentifiesTheClientByItsCertificate) {
  Scratch scratch;
  Certificates certs(scratch.dir);
  std::ostringstream yaml;
  yaml << "security:\n  tls:\n    cert_file: " << certs.path("server.crt")
       << "\n    key_file: " << certs.path("server.key")
       << "\n    client_ca_file: " << certs.path("ca.crt")
       << "\n    require_client_cert: true\n  clients:\n"
       << "    - {name: console-a1, role: agent, agent_id: a1, certificate_cn: console-a1}\n"
       << "    - {name: team-lead, role: supervisor, token_sha256: " << kSupervisor.sha256
       << "}\n";
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, yaml.str())});

  const auto a1 = tlsChannel(daemon, certs, "client");
  EXPECT_FALSE(gateRefused(call(a1, "SetState", "")));
  EXPECT_EQ(call(a1, "SetState", "", "a2").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(call(a1, "Snapshot", "").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // With a certificate, a token still decides who is calling.
  EXPECT_TRUE(call(a1, "Snapshot", kSupervisor.token).ok());
  // No client certificate, or one from another CA: the handshake fails.
  EXPECT_EQ(call(tlsChannel(daemon, certs), "Snapshot", kSupervisor.token).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(call(tlsChannel(daemon, certs, "impostor"), "Snapshot", kSupervisor.token)
                .error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST(SecurityTest, RateLimitRefusesWithARetryHintAndLosesNothing) {
  Scratch scratch;
  const auto yaml = "limits: {rate_per_client: 2, rate_burst: 3}\n" + clientsYaml();
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, yaml)});
  auto intake = v1::ContactIntake::NewStub(daemon.channel());
  auto submit = [&](const std::string& id,
                    std::map<std::string, std::string>* trailers = nullptr) {
    grpc::ClientContext ctx;
    authorize(ctx, kIntake.token);
    v1::Contact c;
    c.set_contact_id(id);
    c.set_channel(v1::CHANNEL_WEB);
    c.set_tenant_id("T-9");
    c.set_text("bjr ma chaudiere est en panne depuis hier svp");
    v1::SubmitReply r;
    auto s = intake->Submit(&ctx, c, &r);
    if (trailers) {
      // Copied: the string_refs point into the context, which dies with this call.
      for (const auto& [k, v] : ctx.GetServerTrailingMetadata()) {
        trailers->emplace(std::string(k.data(), k.size()), std::string(v.data(), v.size()));
      }
    }
    return s;
  };
  std::vector<std::string> accepted;
  grpc::Status refused;
  std::string retry_ms;
  for (int i = 0; i < 10 && refused.ok(); ++i) {
    std::map<std::string, std::string> trailers;
    const auto id = "burst-" + std::to_string(i);
    refused = submit(id, &trailers);
    if (refused.ok()) {
      accepted.push_back(id);
    } else if (auto it = trailers.find("retry-after-ms"); it != trailers.end()) {
      retry_ms = it->second;
    }
  }
  ASSERT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.error_message(), HasSubstr("rate limit: client ivr"));
  EXPECT_GE(accepted.size(), 3u);
  ASSERT_FALSE(retry_ms.empty());
  EXPECT_GT(std::stoi(retry_ms), 0);
  EXPECT_LE(std::stoi(retry_ms), 1000);

  // Other clients have their own bucket; everything acknowledged is there.
  for (const auto& id : accepted) {
    grpc::ClientContext ctx;
    authorize(ctx, kSupervisor.token);
    v1::GetContactRequest q;
    q.set_contact_id(id);
    v1::ContactStatus r;
    EXPECT_TRUE(intake->GetContact(&ctx, q, &r).ok()) << id;
  }
  // After the hint, the client is let in again.
  std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(retry_ms) + 50));
  const auto after = submit("after-wait");
  EXPECT_TRUE(after.ok()) << after.error_message();
}

TEST(SecurityTest, AgentStreamCapAndMessageSize) {
  Scratch scratch;
  const auto yaml =
      "limits: {max_agent_streams: 1, max_message_bytes: 4096, max_text_bytes: 1024}\n" +
      clientsYaml();
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, yaml)});
  const auto channel = daemon.channel();
  {
    AgentConsole a1(channel, agentRequest("a1", {"general"}), kAgentA1.token);
    auto hello = a1.next();
    ASSERT_TRUE(hello && hello->has_connected());
    const auto second = call(channel, "Connect", kAgentA2.token, "a2");
    EXPECT_EQ(second.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_THAT(second.error_message(), HasSubstr("max_agent_streams"));
  }
  // The slot comes back when the first console goes away.
  grpc::Status again;
  for (int i = 0; i < 40; ++i) {
    again = call(channel, "Connect", kAgentA2.token, "a2");
    if (again.ok()) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(again.ok()) << again.error_message();

  auto intake = v1::ContactIntake::NewStub(channel);
  auto submitText = [&](std::size_t bytes) {
    grpc::ClientContext ctx;
    authorize(ctx, kIntake.token);
    v1::Contact c;
    c.set_contact_id("size-" + std::to_string(bytes));
    c.set_channel(v1::CHANNEL_EMAIL);
    c.set_tenant_id("T-3");
    c.set_text(std::string(bytes, 'a'));
    v1::SubmitReply r;
    return intake->Submit(&ctx, c, &r);
  };
  EXPECT_EQ(submitText(8192).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  const auto long_text = submitText(2048);
  EXPECT_EQ(long_text.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(long_text.error_message(), HasSubstr("text"));
}

TEST(SecurityTest, LogsAndMetricsCarryNoContactTextOrTenant) {
  Scratch scratch;
  const auto log = scratch.dir + "/relaisd.log";
  {
    DaemonProcess daemon({"--config", writeConfig(scratch.dir, clientsYaml())}, "", log);
    const auto channel = daemon.channel();
    AgentConsole a1(channel, agentRequest("a1", {"technical", "general", "tenancy",
                                                 "neighbourhood", "proximity", "deescalation"}),
                    kAgentA1.token);
    ASSERT_TRUE(a1.next());
    auto intake = v1::ContactIntake::NewStub(channel);
    for (const auto* id : {"private-1", "private-2"}) {
      grpc::ClientContext ctx;
      authorize(ctx, kIntake.token);
      v1::Contact c;
      c.set_contact_id(id);
      c.set_channel(v1::CHANNEL_EMAIL);
      c.set_tenant_id("TENANT-SECRET-4242");
      c.set_subject("Sujet confidentiel Zorglub");
      c.set_text("Madame Zorglub, 3 rue des Lilas, le radiateur est en panne. Tel 0612345678.");
      v1::SubmitReply r;
      ASSERT_TRUE(intake->Submit(&ctx, c, &r).ok());
    }
    // A refused call and a bad one go through the error paths too.
    call(channel, "Snapshot", kIntake.token);
    {
      grpc::ClientContext ctx;
      authorize(ctx, kIntake.token);
      v1::Contact c;
      c.set_contact_id("private-3");
      c.set_tenant_id("TENANT-SECRET-4242");
      c.set_text("Zorglub sans canal");
      v1::SubmitReply r;
      EXPECT_FALSE(intake->Submit(&ctx, c, &r).ok());
    }
    ASSERT_TRUE(a1.nextOffer());
    const auto metrics = httpGet(daemon.metricsAddress(), "/metrics");
    EXPECT_THAT(metrics, HasSubstr("relais_"));
    EXPECT_THAT(metrics, Not(HasSubstr("Zorglub")));
    EXPECT_THAT(metrics, Not(HasSubstr("TENANT-SECRET")));
    EXPECT_THAT(metrics, Not(HasSubstr("0612345678")));
    EXPECT_THAT(metrics, Not(HasSubstr(kIntake.token)));
  }
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("relaisd ready"));
  for (const auto* secret : {"Zorglub", "TENANT-SECRET", "0612345678", "Lilas", kIntake.token,
                             kAgentA1.token}) {
    EXPECT_THAT(text.str(), Not(HasSubstr(secret))) << secret;
  }
}

TEST(SecurityTest, RelaisctlIssuesTokensAndSendsThem) {
  Scratch scratch;
  int code = 0;
  const auto issued = runCommand({RELAISCTL_PATH, "token", "new", "--name", "lead", "--role",
                                  "supervisor"},
                                 &code);
  ASSERT_EQ(code, 0);
  const auto token_at = issued.find("token: ");
  const auto line_at = issued.find("- {name: lead, role: supervisor, token_sha256: ");
  ASSERT_NE(token_at, std::string::npos) << issued;
  ASSERT_NE(line_at, std::string::npos) << issued;
  const auto token = issued.substr(token_at + 7, issued.find('\n', token_at) - token_at - 7);
  EXPECT_GE(token.size(), 40u);
  const auto line = issued.substr(line_at, issued.find('\n', line_at) - line_at);
  DaemonProcess daemon(
      {"--config", writeConfig(scratch.dir, "security:\n  clients:\n    " + line + "\n")});

  const auto ok = runCommand(
      {RELAISCTL_PATH, "--server", daemon.grpcAddress(), "--token", token, "stats"}, &code);
  EXPECT_EQ(code, 0) << ok;
  const auto refused =
      runCommand({RELAISCTL_PATH, "--server", daemon.grpcAddress(), "stats"}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_THAT(refused, HasSubstr("missing credentials"));
  // A second token is different: it is random.
  EXPECT_THAT(runCommand({RELAISCTL_PATH, "token", "new"}, &code), Not(HasSubstr(token)));
}

TEST(SecurityTest, RelaisLoadDrivesASecuredRelaisdWithAnIntakeToken) {
#ifndef RELAIS_LOAD_PATH
  GTEST_SKIP() << "built without the load tools";
#else
  Scratch scratch;
  DaemonProcess daemon({"--config", writeConfig(scratch.dir, clientsYaml())});
  auto run = [&](std::vector<std::string> extra, int& rc) {
    std::vector<std::string> argv = {RELAIS_LOAD_PATH, "--target", daemon.grpcAddress(),
                                     "--no-baseline", "--clients", "2", "--count", "6"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return runCommand(argv, &rc);
  };
  int rc = -1;
  auto out = run({"--token", kIntake.token}, rc);
  EXPECT_EQ(rc, 0) << out;
  // "relaisd <per s> <p50> <p99> <p99.9> <ok> <exhausted> <errors>"
  EXPECT_THAT(out,
              ::testing::ContainsRegex("relaisd +[0-9]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +6 +0 +0"));
  out = run({}, rc);
  EXPECT_NE(rc, 0) << out;
  EXPECT_THAT(out, HasSubstr("UNAUTHENTICATED"));
#endif
}

}  // namespace
}  // namespace relais::testing
