#include "ctl/score_command.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace relais::ctl {
namespace {

using nlohmann::json;

std::vector<json> lines(const std::string& s) {
  std::vector<json> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    out.push_back(json::parse(line));
  }
  return out;
}

TEST(ScoreCommandTest, WritesOneReadingPerLine) {
  const relais::routing::ContactReader reader;
  std::istringstream in(
      R"({"id": "a", "channel": "phone", "text": "allô ça sent le gaz dans la cuisine"})"
      "\n\n"
      R"({"id": 7, "channel": "web", "subject": "relance", "text": "ma demande RC-2026-004512, vous en êtes où ?", "prior_contacts_same_case": 3, "vulnerable": true})"
      "\n");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runScore(in, out, err, reader), 0);
  const auto got = lines(out.str());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0]["id"], "a");
  EXPECT_EQ(got[0]["intent"], "repair");
  EXPECT_EQ(got[0]["urgent"], true);
  EXPECT_TRUE(got[0]["case_ref"].is_null());
  for (const char* key : {"aggressive", "reassurance_high", "status_only", "urgency", "reassurance",
                          "gist", "reasons"}) {
    EXPECT_TRUE(got[0].contains(key)) << key;
  }
  EXPECT_EQ(got[1]["id"], 7);
  EXPECT_EQ(got[1]["intent"], "status_request");
  EXPECT_EQ(got[1]["case_ref"], "RC-2026-004512");
  EXPECT_EQ(got[1]["reassurance_high"], true);  // context raises it
  EXPECT_TRUE(err.str().empty());
}

TEST(ScoreCommandTest, MalformedLinesGiveAnErrorAndTheRunGoesOn) {
  const relais::routing::ContactReader reader;
  std::istringstream in(
      "not json\n"
      R"({"id": "x", "channel": "web"})"
      "\n"
      R"({"id": "y", "channel": "fax", "text": "bonjour"})"
      "\n"
      R"({"id": "z", "channel": "web", "text": 12})"
      "\n"
      R"([1, 2])"
      "\n"
      R"({"id": "ok", "channel": "email", "text": "merci pour tout"})"
      "\n");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runScore(in, out, err, reader), 0);
  const auto got = lines(out.str());
  ASSERT_EQ(got.size(), 6u);
  EXPECT_TRUE(got[0]["id"].is_null());
  EXPECT_TRUE(got[0].contains("error"));
  EXPECT_EQ(got[1]["id"], "x");
  EXPECT_TRUE(got[1].contains("error"));
  EXPECT_EQ(got[2]["id"], "y");
  EXPECT_TRUE(got[2].contains("error"));
  EXPECT_TRUE(got[3].contains("error"));
  EXPECT_TRUE(got[4]["id"].is_null());
  EXPECT_EQ(got[5]["id"], "ok");
  EXPECT_FALSE(got[5].contains("error"));
  EXPECT_FALSE(err.str().empty());
}

TEST(ScoreCommandTest, InvalidUtf8TextStillGivesValidJson) {
  const relais::routing::ContactReader reader;
  // nlohmann rejects invalid UTF-8 inside JSON strings, so the bad bytes arrive as \u escapes.
  std::istringstream in(
      R"({"id": "b", "channel": "web", "text": "fuite \u00ff\ud83d\ude21 <b>x</b>"})"
      "\n");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runScore(in, out, err, reader), 0);
  EXPECT_NO_THROW(lines(out.str()));
}

TEST(ScoreCommandTest, ReturnsNonZeroWhenOutputFails) {
  const relais::routing::ContactReader reader;
  std::istringstream in(R"({"id": "a", "channel": "web", "text": "bonjour"})"
                        "\n");
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::ostringstream err;
  EXPECT_NE(runScore(in, out, err, reader), 0);
}

TEST(ScoreCommandTest, EvalReportsMetricsConfusionAndMisreads) {
  const relais::routing::ContactReader reader;
  std::istringstream in(
      R"({"id": "1", "channel": "phone", "text": "ça sent le gaz", "intent": "repair", "urgent": true, "aggressive": false, "reassurance_high": false, "case_ref": null, "status_only": false})"
      "\n"
      R"({"id": "2", "channel": "web", "text": "ticket 884213 vous en êtes où ?", "intent": "status_request", "urgent": false, "aggressive": false, "reassurance_high": false, "case_ref": "884 213", "status_only": true})"
      "\n"
      R"({"id": "3", "channel": "web", "text": "merci beaucoup pour le hall", "intent": "rent_and_charges", "urgent": false, "aggressive": true, "reassurance_high": false, "case_ref": "X-1", "status_only": false})"
      "\n");
  std::ostringstream out;
  EXPECT_EQ(runEval(in, out, reader), 0);
  const std::string report = out.str();
  EXPECT_NE(report.find("messages: 3"), std::string::npos) << report;
  EXPECT_NE(report.find("urgent: precision 1.000 recall 1.000"), std::string::npos) << report;
  EXPECT_NE(report.find("aggressive: precision 1.000 recall 0.000"), std::string::npos) << report;
  EXPECT_NE(report.find("intent accuracy: 0.667"), std::string::npos) << report;
  EXPECT_NE(report.find("case_ref exact match: 0.667"), std::string::npos) << report;
  EXPECT_NE(report.find("intent confusion"), std::string::npos) << report;
  EXPECT_NE(report.find("3: intent"), std::string::npos) << report;
}

TEST(ScoreCommandTest, EvalCountsBadLines) {
  const relais::routing::ContactReader reader;
  std::istringstream in("{}\nnope\n");
  std::ostringstream out;
  EXPECT_EQ(runEval(in, out, reader), 0);
  EXPECT_NE(out.str().find("(2 bad lines)"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace relais::ctl
