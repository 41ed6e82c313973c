// Automatic answers to "where is my file" over real gRPC: cases fed through CaseFeed, status
// requests for on-time, stalled, unknown and ambiguous cases, repeated asks, feedback, and the
// contacts a machine must never answer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "relais/v1/case_feed.grpc.pb.h"
#include "relais/v1/intake.grpc.pb.h"
#include "tests/integration/daemon_process.h"

namespace relais::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

google::protobuf::Timestamp daysFromNow(int days) {
  google::protobuf::Timestamp t;
  t.set_seconds(std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count() +
                days * 86400LL);
  return t;
}

v1::Case makeCase(const std::string& ref, const std::string& tenant, int updated_days_ago,
                  int expected_in_days) {
  v1::Case c;
  c.set_case_ref(ref);
  c.set_tenant_id(tenant);
  c.set_kind("réparation");
  c.set_status("planifiée");
  *c.mutable_opened_at() = daysFromNow(-60);
  *c.mutable_updated_at() = daysFromNow(-updated_days_ago);
  c.set_next_step("passage du plombier");
  *c.mutable_expected_at() = daysFromNow(expected_in_days);
  auto* step = c.add_steps();
  step->set_label("intervention planifiée");
  *step->mutable_at() = daysFromNow(-updated_days_ago);
  return c;
}

class AutoAnswerFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    intake_ = v1::ContactIntake::NewStub(daemon_.channel());
    feed_ = v1::CaseFeed::NewStub(daemon_.channel());
    upsert(makeCase("RC-2026-004512", "T1", 2, 5));   // on time
    upsert(makeCase("RC-2026-000777", "T2", 45, 5));  // no news for 45 days: stalled
    upsert(makeCase("RC-2026-000888", "T3", 2, -3));  // expected date passed: stalled
    upsert(makeCase("RC-2026-000101", "T4", 2, 5));   // T4 has two open cases
    upsert(makeCase("MUT-2025-1187", "T4", 3, 30));
  }

  void upsert(const v1::Case& c) {
    grpc::ClientContext ctx;
    v1::UpsertCaseReply reply;
    ASSERT_TRUE(feed_->UpsertCase(&ctx, c, &reply).ok());
    ASSERT_TRUE(reply.applied());
  }

  v1::SubmitReply submit(const std::string& id, v1::Channel channel, const std::string& tenant,
                         const std::string& text) {
    v1::Contact c;
    c.set_contact_id(id);
    c.set_channel(channel);
    c.set_tenant_id(tenant);
    c.set_text(text);
    grpc::ClientContext ctx;
    v1::SubmitReply reply;
    auto status = intake_->Submit(&ctx, c, &reply);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return reply;
  }

  DaemonProcess daemon_;
  std::unique_ptr<v1::ContactIntake::Stub> intake_;
  std::unique_ptr<v1::CaseFeed::Stub> feed_;
};

TEST_F(AutoAnswerFlowTest, OnTimeCaseIsAnsweredOnItsOwnChannel) {
  auto email = submit("a-1", v1::CHANNEL_EMAIL, "T1",
                      "Bonjour, où en est ma demande RC-2026-004512 ? Merci d'avance.");
  ASSERT_EQ(email.outcome(), v1::OUTCOME_AUTO_ANSWERED) << email.DebugString();
  EXPECT_EQ(email.auto_answer().case_ref(), "RC-2026-004512");
  EXPECT_THAT(email.auto_answer().subject(), HasSubstr("RC-2026-004512"));
  EXPECT_THAT(email.auto_answer().text(), HasSubstr("passage du plombier"));
  EXPECT_EQ(email.queue(), "");

  // Phone, without a reference: the tenant's only open case; spoken, short, no reference.
  auto phone = submit("a-2", v1::CHANNEL_PHONE, "T1",
                      "oui bonjour euh je voulais savoir où en est ma demande de réparation");
  ASSERT_EQ(phone.outcome(), v1::OUTCOME_AUTO_ANSWERED) << phone.DebugString();
  EXPECT_LE(phone.auto_answer().text().size(), 300u);
  EXPECT_THAT(phone.auto_answer().text(), Not(HasSubstr("RC-2026")));

  grpc::ClientContext ctx;
  v1::GetContactRequest get;
  get.set_contact_id("a-1");
  v1::ContactStatus status;
  ASSERT_TRUE(intake_->GetContact(&ctx, get, &status).ok());
  EXPECT_EQ(status.state(), v1::CONTACT_STATE_AUTO_ANSWERED);
}

TEST_F(AutoAnswerFlowTest, StalledUnknownAndOthersCasesGoToAPersonWithTheReason) {
  auto stalled = submit("s-1", v1::CHANNEL_WEB, "T2", "bjr ma demande RC-2026-000777 vs en etes ou ?");
  EXPECT_EQ(stalled.outcome(), v1::OUTCOME_QUEUED);
  EXPECT_EQ(stalled.escalation_reason(), "case_stalled");
  auto late = submit("s-2", v1::CHANNEL_WEB, "T3", "bjr ma demande RC-2026-000888 vs en etes ou ?");
  EXPECT_EQ(late.escalation_reason(), "case_stalled");
  auto unknown = submit("s-3", v1::CHANNEL_WEB, "T5", "bjr ma demande RC-2026-999999 vs en etes ou ?");
  EXPECT_EQ(unknown.outcome(), v1::OUTCOME_QUEUED);
  EXPECT_EQ(unknown.escalation_reason(), "case_not_found");
  // T5 names T1's case: relais must not disclose it.
  auto foreign = submit("s-4", v1::CHANNEL_WEB, "T5", "bjr ma demande RC-2026-004512 vs en etes ou ?");
  EXPECT_EQ(foreign.escalation_reason(), "case_not_found");
  // Operations see the same reasons, one series each, counted once per contact.
  const auto metrics = httpGet(daemon_.metricsAddress(), "/metrics");
  EXPECT_THAT(metrics, HasSubstr("relais_escalations_total{reason=\"case_stalled\"} 2"));
  EXPECT_THAT(metrics, HasSubstr("relais_escalations_total{reason=\"case_not_found\"} 2"));
}

TEST_F(AutoAnswerFlowTest, SeveralOpenCasesGetAQuestionBack) {
  auto reply = submit("m-1", v1::CHANNEL_DIGITAL_AGENCY, "T4",
                      "Bonjour, où en est ma demande svp ?");
  ASSERT_EQ(reply.outcome(), v1::OUTCOME_AUTO_ANSWERED) << reply.DebugString();
  EXPECT_THAT(reply.auto_answer().text(), HasSubstr("RC-2026-000101"));
  EXPECT_THAT(reply.auto_answer().text(), HasSubstr("MUT-2025-1187"));
}

TEST_F(AutoAnswerFlowTest, ThirdAskGoesToAPersonWithPriorityAndReassurance) {
  const std::string text = "Bonjour, où en est ma demande RC-2026-004512 ?";
  EXPECT_EQ(submit("r-1", v1::CHANNEL_WEB, "T1", text).outcome(), v1::OUTCOME_AUTO_ANSWERED);
  EXPECT_EQ(submit("r-2", v1::CHANNEL_EMAIL, "T1", text).outcome(), v1::OUTCOME_AUTO_ANSWERED);
  auto third = submit("r-3", v1::CHANNEL_WEB, "T1", text);
  EXPECT_EQ(third.outcome(), v1::OUTCOME_QUEUED);
  EXPECT_EQ(third.escalation_reason(), "repeated_asks");
  EXPECT_TRUE(third.reading().reassurance_high());
}

TEST_F(AutoAnswerFlowTest, UrgentAndAggressiveAreNeverAutoAnswered) {
  auto urgent = submit("u-1", v1::CHANNEL_PHONE, "T1",
                       "allo euh c'est pour ma demande RC-2026-004512 euh ça sent le gaz très fort "
                       "dans la cuisine depuis ce matin");
  EXPECT_NE(urgent.outcome(), v1::OUTCOME_AUTO_ANSWERED);
  EXPECT_TRUE(urgent.reading().urgent());
  auto aggressive = submit("g-1", v1::CHANNEL_EMAIL, "T1",
                           "Bande de connards, où en est ma demande RC-2026-004512 ? Je vais venir "
                           "vous casser la gueule.");
  EXPECT_NE(aggressive.outcome(), v1::OUTCOME_AUTO_ANSWERED);
  EXPECT_TRUE(aggressive.reading().aggressive());
}

TEST_F(AutoAnswerFlowTest, NegativeFeedbackHandsTheContactToAPersonWithItsHistory) {
  auto reply = submit("f-1", v1::CHANNEL_PHONE, "T1", "bonjour euh où en est ma demande de réparation");
  ASSERT_EQ(reply.outcome(), v1::OUTCOME_AUTO_ANSWERED);
  grpc::ClientContext ctx;
  v1::FeedbackRequest feedback;
  feedback.set_contact_id("f-1");
  feedback.set_answered(false);
  v1::ContactStatus status;
  ASSERT_TRUE(intake_->Feedback(&ctx, feedback, &status).ok());
  EXPECT_EQ(status.state(), v1::CONTACT_STATE_WAITING);
  EXPECT_FALSE(status.queue().empty());
  EXPECT_THAT(status.reading().gist(), Not(::testing::IsEmpty()));

  const auto metrics = httpGet(daemon_.metricsAddress(), "/metrics");
  EXPECT_THAT(metrics, HasSubstr("relais_auto_answer_feedback_total{answered=\"false\"} 1"));
  EXPECT_THAT(metrics,
              HasSubstr("relais_escalations_total{reason=\"feedback_not_answered\"} 1"));
  EXPECT_THAT(metrics, HasSubstr("relais_auto_answers_total{channel=\"phone\"} 1"));
}

}  // namespace
}  // namespace relais::testing
