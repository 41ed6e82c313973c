// The skeleton's end-to-end path over real gRPC against a real relaisd process: submit, offer,
// accept, complete; idempotent resubmission; every bad-input case; metrics after a submit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "relais/v1/intake.grpc.pb.h"
#include "relais/v1/supervision.grpc.pb.h"
#include "tests/integration/agent_console.h"
#include "tests/integration/daemon_process.h"

namespace relais::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::initializer_list<const char*> kAllSkills = {
    "technical", "tenancy", "neighbourhood", "proximity", "general", "deescalation"};

v1::Contact repairEmail(const std::string& id) {
  v1::Contact c;
  c.set_contact_id(id);
  c.set_channel(v1::CHANNEL_EMAIL);
  c.set_tenant_id("T-1001");
  c.set_subject("Robinet");
  c.set_text("Bonjour, le robinet de la cuisine fuit goutte à goutte depuis lundi. Merci.");
  return c;
}

grpc::Status submit(v1::ContactIntake::Stub& stub, const v1::Contact& c, v1::SubmitReply& reply) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return stub.Submit(&ctx, c, &reply);
}

v1::ContactStatus getContact(v1::ContactIntake::Stub& stub, const std::string& id,
                             grpc::Status* status = nullptr) {
  grpc::ClientContext ctx;
  v1::GetContactRequest r;
  r.set_contact_id(id);
  v1::ContactStatus reply;
  auto s = stub.GetContact(&ctx, r, &reply);
  if (status) {
    *status = s;
  }
  return reply;
}

int totalWaiting(v1::Supervision::Stub& stub) {
  grpc::ClientContext ctx;
  v1::SnapshotReply snap;
  EXPECT_TRUE(stub.Snapshot(&ctx, {}, &snap).ok());
  int waiting = 0;
  for (const auto& q : snap.queues()) {
    waiting += q.waiting();
  }
  return waiting;
}

TEST(IntakeFlowTest, SubmitOfferAcceptComplete) {
  DaemonProcess daemon;
  auto intake = v1::ContactIntake::NewStub(daemon.channel());

  AgentConsole agent(daemon.channel(), agentRequest("agent-1", kAllSkills));
  auto hello = agent.next();
  ASSERT_TRUE(hello && hello->has_connected());
  EXPECT_EQ(hello->connected().state(), v1::AGENT_STATE_AVAILABLE);

  v1::SubmitReply reply;
  ASSERT_TRUE(submit(*intake, repairEmail("flow-1"), reply).ok());
  EXPECT_EQ(reply.outcome(), v1::OUTCOME_QUEUED);
  EXPECT_FALSE(reply.queue().empty());
  EXPECT_EQ(reply.reading().intent(), v1::INTENT_REPAIR);

  auto offer = agent.nextOffer();
  ASSERT_TRUE(offer);
  EXPECT_EQ(offer->contact_id(), "flow-1");
  EXPECT_THAT(offer->text(), HasSubstr("robinet"));
  EXPECT_EQ(getContact(*intake, "flow-1").state(), v1::CONTACT_STATE_OFFERED);

  {
    grpc::ClientContext ctx;
    v1::OfferAction action;
    action.set_agent_id("agent-1");
    action.set_contact_id("flow-1");
    v1::OfferActionReply r;
    ASSERT_TRUE(agent.stub().AcceptOffer(&ctx, action, &r).ok());
  }
  auto assigned = getContact(*intake, "flow-1");
  EXPECT_EQ(assigned.state(), v1::CONTACT_STATE_ASSIGNED);
  EXPECT_EQ(assigned.agent_id(), "agent-1");

  {
    grpc::ClientContext ctx;
    v1::CompleteRequest done;
    done.set_agent_id("agent-1");
    done.set_contact_id("flow-1");
    done.set_resolved(true);
    done.set_root_cause("PLUMBING");
    v1::OfferActionReply r;
    ASSERT_TRUE(agent.stub().CompleteContact(&ctx, done, &r).ok());
  }
  EXPECT_EQ(getContact(*intake, "flow-1").state(), v1::CONTACT_STATE_COMPLETED);

  // Completing twice is refused: the contact is no longer held by the agent.
  {
    grpc::ClientContext ctx;
    v1::CompleteRequest done;
    done.set_agent_id("agent-1");
    done.set_contact_id("flow-1");
    v1::OfferActionReply r;
    auto s = agent.stub().CompleteContact(&ctx, done, &r);
    EXPECT_FALSE(s.ok());
  }
}

TEST(IntakeFlowTest, LongTextsAreReadOffTheCallbackThreadAndAnsweredAlike) {
  DaemonProcess daemon;
  auto intake = v1::ContactIntake::NewStub(daemon.channel());

  // relaisd reads short texts on the gRPC thread and long ones (over 8 KiB) on an io thread.
  auto long_one = repairEmail("long-1");
  std::string text;
  while (text.size() <= 12 * 1024) {
    text += repairEmail("").text() + "\n";
  }
  long_one.set_text(text);
  long_one.set_tenant_id("T-2002");  // another tenant: not merged into short-1
  v1::SubmitReply short_reply;
  v1::SubmitReply long_reply;
  ASSERT_TRUE(submit(*intake, repairEmail("short-1"), short_reply).ok());
  ASSERT_TRUE(submit(*intake, long_one, long_reply).ok());
  EXPECT_EQ(long_reply.outcome(), v1::OUTCOME_QUEUED);
  EXPECT_EQ(long_reply.reading().intent(), v1::INTENT_REPAIR);
  EXPECT_EQ(long_reply.reading().intent(), short_reply.reading().intent());
  EXPECT_EQ(long_reply.queue(), short_reply.queue());
  EXPECT_FALSE(long_reply.reading().gist().empty());
  EXPECT_EQ(getContact(*intake, "long-1").reading().SerializeAsString(),
            long_reply.reading().SerializeAsString());
}

TEST(IntakeFlowTest, IdempotentResubmissionAndBadInput) {
  DaemonProcess daemon;
  auto intake = v1::ContactIntake::NewStub(daemon.channel());
  auto supervision = v1::Supervision::NewStub(daemon.channel());

  v1::SubmitReply first;
  ASSERT_TRUE(submit(*intake, repairEmail("idem-1"), first).ok());
  v1::SubmitReply again;
  auto retry = repairEmail("idem-1");
  retry.set_text("Un autre texte, renvoyé par la passerelle mail");
  ASSERT_TRUE(submit(*intake, retry, again).ok());
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(totalWaiting(*supervision), 1);

  struct Case {
    const char* name;
    std::function<void(v1::Contact&)> spoil;
    const char* field;
  };
  const std::vector<Case> cases = {
      {"missing contact_id", [](v1::Contact& c) { c.clear_contact_id(); }, "contact_id:"},
      {"missing text", [](v1::Contact& c) { c.clear_text(); }, "text:"},
      {"blank text", [](v1::Contact& c) { c.set_text(" \n\t "); }, "text:"},
      {"unspecified channel", [](v1::Contact& c) { c.set_channel(v1::CHANNEL_UNSPECIFIED); },
       "channel:"},
      {"unknown channel", [](v1::Contact& c) { c.set_channel(static_cast<v1::Channel>(99)); },
       "channel:"},
      {"text over 64 KiB", [](v1::Contact& c) { c.set_text(std::string(64 * 1024 + 1, 'a')); },
       "text:"},
  };
  int n = 0;
  for (const auto& bad : cases) {
    auto c = repairEmail("bad-" + std::to_string(n++));
    bad.spoil(c);
    v1::SubmitReply reply;
    auto status = submit(*intake, c, reply);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad.name;
    EXPECT_THAT(status.error_message(), StartsWith(bad.field)) << bad.name;
    if (!c.contact_id().empty()) {
      grpc::Status get_status;
      getContact(*intake, c.contact_id(), &get_status);
      EXPECT_EQ(get_status.error_code(), grpc::StatusCode::NOT_FOUND) << bad.name;
    }
  }
  // Nothing bad was queued and the accepted contact is still there.
  EXPECT_EQ(totalWaiting(*supervision), 1);
  EXPECT_EQ(getContact(*intake, "idem-1").state(), v1::CONTACT_STATE_WAITING);
}

TEST(IntakeFlowTest, DroppedConsoleReturnsItsOfferToTheQueue) {
  DaemonProcess daemon;
  auto intake = v1::ContactIntake::NewStub(daemon.channel());
  auto first = std::make_unique<AgentConsole>(daemon.channel(), agentRequest("a-1", kAllSkills));
  ASSERT_TRUE(first->next());  // connected

  v1::SubmitReply reply;
  ASSERT_TRUE(submit(*intake, repairEmail("drop-1"), reply).ok());
  ASSERT_TRUE(first->nextOffer());
  first->drop();

  // The offer is withdrawn at once, so a second agent gets it long before the offer timeout.
  AgentConsole second(daemon.channel(), agentRequest("a-2", kAllSkills));
  auto offer = second.nextOffer(std::chrono::seconds(5));
  ASSERT_TRUE(offer);
  EXPECT_EQ(offer->contact_id(), "drop-1");
}

TEST(IntakeFlowTest, SecondConsoleForTheSameAgentIsRefused) {
  DaemonProcess daemon;
  AgentConsole first(daemon.channel(), agentRequest("dup", kAllSkills));
  ASSERT_TRUE(first.next());
  AgentConsole second(daemon.channel(), agentRequest("dup", kAllSkills));
  grpc::Status status;
  ASSERT_TRUE(second.ended(std::chrono::seconds(5), &status));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
}

TEST(IntakeFlowTest, MetricsAfterASubmit) {
  DaemonProcess daemon;
  auto intake = v1::ContactIntake::NewStub(daemon.channel());
  // An agent whose skill matches no queue: connected and available, but the contact waits.
  AgentConsole agent(daemon.channel(), agentRequest("m-1", {"gardening"}));
  ASSERT_TRUE(agent.next());
  v1::SubmitReply reply;
  ASSERT_TRUE(submit(*intake, repairEmail("metrics-1"), reply).ok());
  // Gauges are refreshed every second by the routing strand.
  std::string body;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    body = httpGet(daemon.metricsAddress(), "/metrics");
    if (body.find("relais_contacts_waiting{channel=\"email\",queue=\"" + reply.queue() +
                  "\"} 1") != std::string::npos &&
        body.find("relais_agents{state=\"available\"} 1") != std::string::npos) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_THAT(body, HasSubstr("relais_contacts_received_total{channel=\"email\"} 1"));
  EXPECT_THAT(body, HasSubstr("relais_contacts_waiting{channel=\"email\",queue=\"" +
                              reply.queue() + "\"} 1"));
  EXPECT_THAT(body, HasSubstr("relais_wait_seconds_bucket"));
  EXPECT_THAT(body, HasSubstr("relais_agents{state=\"available\"} 1"));
  EXPECT_THAT(body, HasSubstr("relais_rpc_requests_total{code=\"OK\",method=\"Submit\"} 1"));
  EXPECT_THAT(body, HasSubstr("relais_rpc_duration_seconds_bucket{method=\"Submit\""));
}

TEST(IntakeFlowTest, StopsCleanlyOnSigterm) {
  DaemonProcess daemon;
  auto intake = v1::ContactIntake::NewStub(daemon.channel());
  v1::SubmitReply reply;
  ASSERT_TRUE(submit(*intake, repairEmail("term-1"), reply).ok());
  EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace relais::testing
