// The simulator against queueing theory: on a single-skill M/M/c scenario under the fifo
// policy, the probability of waiting and the average speed of answer match Erlang C within
// 5 %; with exponential patience, abandonment matches Erlang A within 5 %.
#include <gtest/gtest.h>

#include <cmath>

#include "load-tests/sim/erlang.h"
#include "load-tests/sim/report.h"
#include "load-tests/sim/simulator.h"

namespace relais::sim {
namespace {

TEST(ErlangTest, ErlangCMatchesATextbookValue) {
  // 10 agents, 8 Erlangs: P(wait) = 0.409, ASA = 0.409 / (10 - 8) holding times.
  const auto f = erlangC(8.0 / 300.0, 1.0 / 300.0, 10);
  EXPECT_NEAR(f.p_wait, 0.4092, 0.0005);
  EXPECT_NEAR(f.asa, 0.4092 / 2 * 300, 0.2);
}

TEST(ErlangTest, ErlangAWithoutPatienceLimitTendsToErlangC) {
  const auto c = erlangC(8.0 / 300.0, 1.0 / 300.0, 10);
  const auto a = erlangA(8.0 / 300.0, 1.0 / 300.0, 1e-9, 10);
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-3);
  EXPECT_NEAR(a.asa, c.asa, 0.5);
  EXPECT_LT(a.p_abandon, 1e-6);
}

Scenario mmc(double patience_mean_s) {
  Scenario s;
  s.name = "mmc";
  s.contacts = 120000;
  s.profile = {{0, 120000 * 300.0 / 8.0, 1}};  // 8 Erlangs: 1 call per 37.5 s
  s.horizon_s = s.profile[0].to_s + 86400;
  s.channel_mix = {1, 0, 0, 0};
  s.intent_mix = {{routing::Intent::kOther, 1}};
  s.handling[0] = {300, 1, true};
  s.phone_patience_mean_s = patience_mean_s;
  s.case_found = 0;
  s.callback_acceptance = 0;
  AgentGroup g;
  g.name = "a";
  g.count = 10;
  g.skills = {{"general", 3}};
  g.capacity = {1, 0, 0, 0};
  g.shift_from_s = 0;
  g.shift_to_s = s.horizon_s;
  s.agents = {g};
  s.wrap_up_s = routing::PerChannel<double>{0, 0, 0, 0};
  s.single_queue = true;
  return s;
}

loadtests::Corpus oneText() {
  loadtests::Corpus c;
  loadtests::CorpusEntry e;
  e.channel = routing::Channel::kPhone;
  e.text = "bonjour je voudrais un renseignement";
  c.entries.push_back(e);
  return c;
}

TEST(SimValidationTest, MMcMatchesErlangC) {
  const Scenario s = mmc(0);
  const auto corpus = oneText();
  const auto arrivals = generateArrivals(s, corpus, 7);
  const routing::ContactReader reader;
  const auto r = simulate(s, corpus, arrivals, Policy::kFifo, reader);
  const auto v = validationFigures(s);
  EXPECT_EQ(r.abandoned, 0);
  EXPECT_EQ(r.still_waiting_at_end, 0);
  EXPECT_NEAR(r.voice_p_wait / v.theory.p_wait, 1.0, 0.05) << validationReport(v, r);
  EXPECT_NEAR(r.voice_asa_s / v.theory.asa, 1.0, 0.05) << validationReport(v, r);
}

TEST(SimValidationTest, MMcPlusMMatchesErlangA) {
  const Scenario s = mmc(180);
  const auto corpus = oneText();
  const auto arrivals = generateArrivals(s, corpus, 7);
  const routing::ContactReader reader;
  const auto r = simulate(s, corpus, arrivals, Policy::kFifo, reader);
  const auto v = validationFigures(s);
  EXPECT_NEAR(r.abandonment_rate / v.theory.p_abandon, 1.0, 0.05) << validationReport(v, r);
  EXPECT_NEAR(r.voice_p_wait / v.theory.p_wait, 1.0, 0.05) << validationReport(v, r);
}

TEST(SimValidationTest, SameSeedSameDay) {
  const Scenario s = mmc(180);
  const auto corpus = oneText();
  const auto a = generateArrivals(s, corpus, 11);
  const auto b = generateArrivals(s, corpus, 11);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a.back().at_s, b.back().at_s);
  EXPECT_EQ(a.back().handle_s, b.back().handle_s);
}

}  // namespace
}  // namespace relais::sim
