#include "routing/auto_answer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "routing/answer_template.h"
#include "routing/french_dates.h"

namespace relais::routing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using std::chrono::days;
using std::chrono::hours;

// 2026-03-20 10:00 UTC.
const Instant kNow = Instant(std::chrono::sys_days(std::chrono::year{2026} / 3 / 20)) + hours(10);
Instant day(int y, unsigned m, unsigned d) {
  return Instant(std::chrono::sys_days(std::chrono::year{y} / m / d));
}

CaseFile repairCase() {
  CaseFile c;
  c.ref = "RC-2026-004512";
  c.tenant_id = "T1";
  c.kind = "réparation";
  c.status = "planifiée";
  c.opened_at = day(2026, 2, 1);
  c.updated_at = day(2026, 3, 10);
  c.next_step = "passage du plombier";
  c.expected_at = day(2026, 3, 26);
  c.steps = {{"demande reçue", day(2026, 2, 1)}, {"intervention planifiée", day(2026, 3, 10)}};
  return c;
}

Reading statusOnly() {
  Reading r;
  r.intent = Intent::kStatusRequest;
  r.status_only = true;
  return r;
}

struct Fixture : ::testing::Test {
  Fixture() { book.upsert("RC20264512", repairCase()); }
  AutoAnswerDecision decide(const Reading& r, Channel ch, std::string key = "RC20264512",
                            std::string tenant = "T1", bool vulnerable = false) {
    AutoAnswerInput in;
    in.channel = ch;
    in.reading = &r;
    in.tenant_id = tenant;
    in.case_key = key;
    in.vulnerable = vulnerable;
    return answerer.decide(in, book, asks, kNow);
  }
  CaseBook book;
  AskHistory asks{days(14)};
  AutoAnswerer answerer{AutoAnswerConfig{}};
};

using AutoAnswerTest = Fixture;

TEST_F(AutoAnswerTest, OnTimeCaseIsAnsweredOnEveryChannel) {
  const auto r = statusOnly();
  auto email = decide(r, Channel::kEmail);
  ASSERT_TRUE(email.answered);
  EXPECT_EQ(email.escalation, Escalation::kNone);
  EXPECT_EQ(email.subject, "Votre demande RC-2026-004512 : planifiée");
  EXPECT_THAT(email.text, HasSubstr("Bonjour,"));
  EXPECT_THAT(email.text, HasSubstr("« intervention planifiée » depuis le 10 mars 2026"));
  EXPECT_THAT(email.text, HasSubstr("passage du plombier, prévue le 26 mars 2026"));
  EXPECT_THAT(email.text, HasSubstr("conseiller"));

  auto web = decide(r, Channel::kWeb);
  ASSERT_TRUE(web.answered);
  EXPECT_THAT(web.text, HasSubstr("RC-2026-004512"));
  EXPECT_LT(web.text.size(), email.text.size());
}

TEST_F(AutoAnswerTest, PhoneAnswerIsSpeakable) {
  auto phone = decide(statusOnly(), Channel::kPhone);
  ASSERT_TRUE(phone.answered);
  EXPECT_LE(phone.text.size(), 300u);
  EXPECT_THAT(phone.text, HasSubstr("depuis le 10 mars"));
  EXPECT_THAT(phone.text, HasSubstr("prévue le 26 mars"));
  EXPECT_THAT(phone.text, Not(HasSubstr("2026")));           // no year in the current year
  EXPECT_THAT(phone.text, Not(HasSubstr("RC-2026-004512")));  // no reference read out
  EXPECT_THAT(phone.text, Not(HasSubstr("\n")));
}

TEST_F(AutoAnswerTest, EachReasonToEscalate) {
  auto r = statusOnly();
  r.urgent = true;
  EXPECT_EQ(decide(r, Channel::kEmail).escalation, Escalation::kUrgent);
  r = statusOnly();
  r.aggressive = true;
  EXPECT_EQ(decide(r, Channel::kEmail).escalation, Escalation::kAggressive);
  r = statusOnly();
  r.asks_for_person = true;
  EXPECT_EQ(decide(r, Channel::kEmail).escalation, Escalation::kAsksForPerson);
  r = statusOnly();
  r.status_only = false;
  EXPECT_EQ(decide(r, Channel::kEmail).escalation, Escalation::kNotStatusOnly);
  r = statusOnly();
  r.reassurance_high = true;
  asks = AskHistory(days(14));  // the asks above would otherwise count as repeats
  EXPECT_EQ(decide(r, Channel::kEmail).escalation, Escalation::kReassurance);
  asks = AskHistory(days(14));
  EXPECT_EQ(decide(statusOnly(), Channel::kEmail, "RC20264512", "T1", true).escalation,
            Escalation::kVulnerable);
  EXPECT_EQ(decide(statusOnly(), Channel::kEmail, "UNKNOWN1").escalation,
            Escalation::kCaseNotFound);
  for (auto& e : {decide(statusOnly(), Channel::kEmail, "UNKNOWN1")}) {
    EXPECT_FALSE(e.answered);
  }
}

TEST_F(AutoAnswerTest, AnotherTenantsReferenceIsNeverDisclosed) {
  auto d = decide(statusOnly(), Channel::kEmail, "RC20264512", "T2");
  EXPECT_FALSE(d.answered);
  EXPECT_EQ(d.escalation, Escalation::kCaseNotFound);
}

TEST_F(AutoAnswerTest, StalledCasesGoToAPerson) {
  auto late = repairCase();
  late.expected_at = day(2026, 3, 15);  // passed
  book.upsert("LATE1", late);
  EXPECT_EQ(decide(statusOnly(), Channel::kEmail, "LATE1").escalation, Escalation::kCaseStalled);

  auto silent = repairCase();
  silent.expected_at.reset();
  silent.updated_at = kNow - days(31);
  book.upsert("SILENT1", silent);
  EXPECT_EQ(decide(statusOnly(), Channel::kEmail, "SILENT1").escalation,
            Escalation::kCaseStalled);
}

TEST_F(AutoAnswerTest, ThirdAskWithinTheWindowGoesToAPerson) {
  EXPECT_TRUE(decide(statusOnly(), Channel::kWeb).answered);
  EXPECT_TRUE(decide(statusOnly(), Channel::kWeb).answered);
  auto third = decide(statusOnly(), Channel::kWeb);
  EXPECT_FALSE(third.answered);
  EXPECT_EQ(third.escalation, Escalation::kRepeatedAsks);
  EXPECT_EQ(third.asks_in_window, 3);
}

TEST_F(AutoAnswerTest, TenantWithoutReferenceFindsItsOnlyOpenCase) {
  auto d = decide(statusOnly(), Channel::kDigitalAgency, "", "T1");
  ASSERT_TRUE(d.answered);
  EXPECT_EQ(d.case_key, "RC20264512");
}

TEST_F(AutoAnswerTest, SeveralOpenCasesAreListedAndTheTenantAskedWhichOne) {
  auto other = repairCase();
  other.ref = "MUT-2025-1187";
  other.kind = "mutation";
  other.steps.clear();
  other.status = "en commission";
  book.upsert("MUT20251187", other);
  auto d = decide(statusOnly(), Channel::kEmail, "", "T1");
  ASSERT_TRUE(d.answered);
  EXPECT_TRUE(d.ambiguous);
  EXPECT_THAT(d.text, HasSubstr("2 demandes en cours"));
  EXPECT_THAT(d.text, HasSubstr("- RC-2026-004512"));
  EXPECT_THAT(d.text, HasSubstr("- MUT-2025-1187 (mutation, en commission)"));
  auto phone = decide(statusOnly(), Channel::kPhone, "", "T1");
  EXPECT_THAT(phone.text, HasSubstr("une demande mutation"));
  EXPECT_LE(phone.text.size(), 300u);
}

TEST_F(AutoAnswerTest, NoCaseAtAllGoesToAPerson) {
  EXPECT_EQ(decide(statusOnly(), Channel::kEmail, "", "T-nobody").escalation,
            Escalation::kCaseNotFound);
  EXPECT_EQ(decide(statusOnly(), Channel::kEmail, "", "").escalation, Escalation::kCaseNotFound);
}

TEST(AnswerTemplateTest, DropsLinesWithEmptyPlaceholdersAndRejectsUnknownOnes) {
  auto t = AnswerTemplate::parse("A {step}.\nB {expected}.\nC");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->render({{"step", "x"}}), "A x.\nC");
  EXPECT_EQ(t->render({{"step", "x"}, {"expected", "y"}}, " "), "A x. B y. C");
  std::string error;
  EXPECT_FALSE(AnswerTemplate::parse("Hello {tenant_name}", &error));
  EXPECT_EQ(error, "unknown placeholder {tenant_name}");
  EXPECT_FALSE(AnswerTemplate::parse("Hello {ref", &error));
  EXPECT_THAT(error, HasSubstr("unclosed"));
}

TEST(AutoAnswerConfigTest, ValidateNamesTheBadTemplate) {
  AutoAnswerConfig config;
  EXPECT_FALSE(config.validate());
  config.templates[index(Channel::kWeb)].answer = "{nope}";
  EXPECT_EQ(config.validate(), "templates.web.answer: unknown placeholder {nope}");
}

TEST(FrenchDatesTest, WrittenAndSpoken) {
  EXPECT_EQ(frenchDate(day(2026, 3, 1)), "1er mars 2026");
  EXPECT_EQ(frenchDate(day(2026, 8, 15)), "15 août 2026");
  EXPECT_EQ(spokenFrenchDate(day(2026, 12, 2), kNow), "le 2 décembre");
  EXPECT_EQ(spokenFrenchDate(day(2027, 1, 5), kNow), "le 5 janvier 2027");
}

TEST(AskHistoryTest, CountsWithinTheWindowAndPrunes) {
  AskHistory h(days(14));
  EXPECT_EQ(h.record("T", "C", kNow - days(20)), 1);
  EXPECT_EQ(h.record("T", "C", kNow - days(3)), 1);  // the first is out of the window
  EXPECT_EQ(h.record("T", "C", kNow), 2);
  EXPECT_EQ(h.record("T", "D", kNow), 1);
  EXPECT_EQ(h.count("T", "C", kNow + days(12)), 1);
  h.prune(kNow + days(30));
  EXPECT_EQ(h.size(), 0u);
}

TEST(CaseBookTest, OlderUpdatesNeverOverwriteNewerOnes) {
  CaseBook book;
  auto c = repairCase();
  EXPECT_TRUE(book.upsert("K", c));
  auto older = c;
  older.status = "ancien";
  older.updated_at = c.updated_at - days(1);
  EXPECT_FALSE(book.upsert("K", older));
  EXPECT_EQ(book.find("K")->status, "planifiée");
  auto moved = c;
  moved.tenant_id = "T9";
  moved.updated_at = c.updated_at + days(1);
  EXPECT_TRUE(book.upsert("K", moved));
  EXPECT_TRUE(book.openCasesOf("T1").empty());
  EXPECT_EQ(book.openCasesOf("T9").size(), 1u);
}

}  // namespace
}  // namespace relais::routing
