#include "ctl/top_command.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "relais/v1/supervision.grpc.pb.h"

namespace relais::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    out.push_back(line);
  }
  return out;
}

// Snapshot times print in local time: pin the zone so the expected text is fixed.
class TopTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tz = std::getenv("TZ");
    saved_tz_ = tz ? std::optional<std::string>(tz) : std::nullopt;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    if (saved_tz_) {
      setenv("TZ", saved_tz_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }

 private:
  std::optional<std::string> saved_tz_;
};

void addQueue(v1::SnapshotReply& s, const std::string& queue, v1::Channel channel, int waiting,
              long long oldest, long long estimated, double level, long long target,
              int callbacks = 0) {
  auto* q = s.add_queues();
  q->set_queue(queue);
  q->set_channel(channel);
  q->set_waiting(waiting);
  q->set_oldest_wait_seconds(oldest);
  q->set_estimated_wait_seconds(estimated);
  q->set_service_level(level);
  q->set_target_seconds(target);
  q->set_callbacks_waiting(callbacks);
}

void addAgent(v1::SnapshotReply& s, const std::string& id, v1::AgentState state,
              std::vector<std::pair<v1::Channel, int>> load, int last_hour, int shift) {
  auto* a = s.add_agents();
  a->set_agent_id(id);
  a->set_state(state);
  for (auto [channel, count] : load) {
    auto* l = a->add_load();
    l->set_channel(channel);
    l->set_max(count);
  }
  a->set_aggressive_last_hour(last_hour);
  a->set_aggressive_shift(shift);
}

void setStates(v1::SnapshotReply& s, int available, int busy, int wrap_up, int on_break,
               int offline) {
  const std::pair<v1::AgentState, int> states[] = {{v1::AGENT_STATE_AVAILABLE, available},
                                                   {v1::AGENT_STATE_BUSY, busy},
                                                   {v1::AGENT_STATE_WRAP_UP, wrap_up},
                                                   {v1::AGENT_STATE_BREAK, on_break},
                                                   {v1::AGENT_STATE_OFFLINE, offline}};
  for (auto [state, count] : states) {
    auto* by = s.add_agents_by_state();
    by->set_state(state);
    by->set_count(count);
  }
}

// A busy morning: a phone queue under its service level, emails piling up, one quiet pair.
v1::SnapshotReply morning() {
  v1::SnapshotReply s;
  s.mutable_taken_at()->set_seconds(1796116925);  // 2026-12-01 09:22:05 UTC
  addQueue(s, "technical", v1::CHANNEL_PHONE, 3, 72, 125, 0.72, 60, 1);
  addQueue(s, "technical", v1::CHANNEL_WEB, 0, 0, 0, 1.0, 14400);
  addQueue(s, "general", v1::CHANNEL_EMAIL, 4, 11100, 18000, 1.0, 86400);
  addQueue(s, "proximity", v1::CHANNEL_DIGITAL_AGENCY, 1, 30, 45, 0.95, 120);
  setStates(s, 1, 1, 0, 0, 1);
  addAgent(s, "b.durand", v1::AGENT_STATE_BUSY, {{v1::CHANNEL_PHONE, 1}, {v1::CHANNEL_EMAIL, 2}},
           0, 1);
  addAgent(s, "a.martin", v1::AGENT_STATE_AVAILABLE, {}, 1, 3);
  addAgent(s, "c.nguyen", v1::AGENT_STATE_OFFLINE, {}, 0, 0);
  return s;
}

TEST_F(TopTest, RendersHeaderQueuesAndAgents) {
  EXPECT_EQ(renderTop(morning(), 0),
            "relais top  2026-12-01 09:22:05  waiting 8  callbacks 1  agents available 1 busy "
            "1 wrap_up 0 break 0 offline 1\n"
            "\n"
            "  QUEUE      CHANNEL         WAITING   OLDEST  EST.WAIT  SERVICE  TARGET  CALLBACKS\n"
            "! technical  phone                 3    1m12s     2m05s      72%      1m          1\n"
            "  general    email                 4    3h05m        5h     100%      1d          0\n"
            "  proximity  digital_agency        1      30s       45s      95%      2m          0\n"
            "  (1 quiet queue/channel pairs not shown: nothing waiting, service level 100 %)\n"
            "\n"
            "  AGENT     STATE      AGGR.1H/SH  LOAD\n"
            "  a.martin  available         1/3  -\n"
            "  b.durand  busy              0/1  phone 1, email 2\n"
            "  c.nguyen  offline           0/0  -\n");
}

TEST_F(TopTest, FlagsServiceLevelsBelowTheAlertThresholdOnly) {
  v1::SnapshotReply s;
  addQueue(s, "at", v1::CHANNEL_PHONE, 1, 0, 0, kTopServiceLevelFlag, 60);
  addQueue(s, "under", v1::CHANNEL_PHONE, 1, 0, 0, 0.7999, 60);
  const auto lines = linesOf(renderTop(s, 0));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_THAT(lines[3], StartsWith("  at "));
  EXPECT_THAT(lines[3], HasSubstr(" 80% "));
  // A level just under the flag never reads as 80 %.
  EXPECT_THAT(lines[4], StartsWith("! under "));
  EXPECT_THAT(lines[4], HasSubstr(" 79% "));
}

TEST_F(TopTest, QuietCentreSaysSoInsteadOfAnEmptyTable) {
  v1::SnapshotReply s;
  addQueue(s, "general", v1::CHANNEL_EMAIL, 0, 0, 0, 1.0, 86400);
  addQueue(s, "general", v1::CHANNEL_PHONE, 0, 0, 0, 1.0, 60);
  setStates(s, 0, 0, 0, 0, 0);
  const auto text = renderTop(s, 80);
  EXPECT_THAT(text, HasSubstr("Queues: nothing waiting, service level 100 % on all 2 "
                              "queue/channel pairs."));
  EXPECT_THAT(text, HasSubstr("Agents: none connected."));
  EXPECT_THAT(text, Not(HasSubstr("QUEUE")));
}

TEST_F(TopTest, CallbacksOrALowServiceLevelShowARowWithNobodyWaiting) {
  v1::SnapshotReply s;
  addQueue(s, "technical", v1::CHANNEL_PHONE, 0, 0, 0, 1.0, 60, 2);
  addQueue(s, "tenancy", v1::CHANNEL_PHONE, 0, 0, 0, 0.5, 60);
  const auto text = renderTop(s, 0);
  EXPECT_THAT(text, HasSubstr("  technical  phone"));
  EXPECT_THAT(text, HasSubstr("! tenancy    phone"));
  EXPECT_THAT(text, Not(HasSubstr("quiet")));
}

TEST_F(TopTest, FormatsWaitsFromSecondsToDays) {
  v1::SnapshotReply s;
  addQueue(s, "q", v1::CHANNEL_EMAIL, 1, 59, 60, 1.0, 3600);
  addQueue(s, "q", v1::CHANNEL_WEB, 1, 3599, 3661, 1.0, 90000);
  addQueue(s, "q", v1::CHANNEL_PHONE, 1, -5, 200000, 1.0, 20);
  const auto lines = linesOf(renderTop(s, 0));
  ASSERT_GE(lines.size(), 6u);
  // OLDEST, EST.WAIT, then SERVICE and TARGET.
  EXPECT_THAT(lines[3], HasSubstr("    59s        1m     100%      1h"));
  EXPECT_THAT(lines[4], HasSubstr(" 59m59s     1h01m     100%   1d01h"));
  EXPECT_THAT(lines[5], HasSubstr("     0s     2d07h     100%     20s"));  // negative: 0s
}

TEST_F(TopTest, EveryLineFitsTheWidthWithoutSplittingACharacter) {
  auto s = morning();
  addAgent(s, "élodie.françois-de-la-tour-d'auvergne", v1::AGENT_STATE_BREAK, {}, 0, 0);
  for (int width : {20, 33, 47, 60}) {
    for (const auto& line : linesOf(renderTop(s, width))) {
      int points = 0;
      for (char c : line) {
        points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }
      EXPECT_LE(points, width) << line;
      // The line is still valid UTF-8 at its end: no lead byte without its continuation.
      if (!line.empty()) {
        EXPECT_LT(static_cast<unsigned char>(line.back()), 0xC0) << line;
      }
    }
  }
  // Long ids are cut at 24 columns in the table.
  EXPECT_THAT(renderTop(s, 0), HasSubstr("  élodie.françois-de-la-to  break"));
}

// An in-process Supervision service answering with canned snapshots.
class FakeSupervision final : public v1::Supervision::Service {
 public:
  explicit FakeSupervision(int fail_from_call) : fail_from_call_(fail_from_call) {}
  grpc::Status Snapshot(grpc::ServerContext*, const v1::SnapshotRequest*,
                        v1::SnapshotReply* reply) override {
    const int call = ++calls;
    if (fail_from_call_ > 0 && call >= fail_from_call_) {
      return {grpc::StatusCode::UNAVAILABLE, "draining"};
    }
    *reply = morning();
    reply->mutable_queues(0)->set_waiting(call);
    return grpc::Status::OK;
  }
  std::atomic<int> calls{0};

 private:
  int fail_from_call_;
};

class TopServerTest : public TopTest {
 protected:
  void start(int fail_from_call = 0) {
    service_ = std::make_unique<FakeSupervision>(fail_from_call);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    address_ = "127.0.0.1:" + std::to_string(port);
  }
  void TearDown() override {
    if (server_) {
      server_->Shutdown();
    }
    TopTest::TearDown();
  }

  std::unique_ptr<FakeSupervision> service_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

TEST_F(TopServerTest, PlainFramesFollowOneAnotherWithFreshSnapshots) {
  start();
  std::ostringstream out;
  EXPECT_EQ(runTop(address_, out, 2, /*ansi=*/false), 0);
  EXPECT_EQ(service_->calls.load(), 2);
  const auto text = out.str();
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
  const auto first = text.find("relais top");
  const auto second = text.find("\n\nrelais top");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos) << text;
  EXPECT_THAT(text.substr(0, second), HasSubstr("waiting 6 "));  // 1 + 4 + 1
  EXPECT_THAT(text.substr(second), HasSubstr("waiting 7 "));
}

TEST_F(TopServerTest, AnsiFramesRedrawInPlaceWithFlaggedRowsInRed) {
  start();
  std::ostringstream out;
  EXPECT_EQ(runTop(address_, out, 1, /*ansi=*/true), 0);
  const auto text = out.str();
  EXPECT_THAT(text, StartsWith("\x1b[H\x1b[1mrelais top"));
  EXPECT_THAT(text, HasSubstr("\x1b[31m! technical"));
  EXPECT_THAT(text, HasSubstr("\x1b[K\n"));
  EXPECT_THAT(text, testing::EndsWith("\x1b[J"));
}

TEST_F(TopServerTest, UnreachableServerIsAnErrorBeforeAnyFrame) {
  std::ostringstream out;
  EXPECT_EQ(runTop("127.0.0.1:1", out, 3, /*ansi=*/false), 2);
  EXPECT_THAT(out.str(), StartsWith("{\"error\":{\"code\":14"));
  EXPECT_THAT(out.str(), Not(HasSubstr("relais top")));
}

TEST_F(TopServerTest, AFailedRefreshKeepsTheLastSnapshotAndIsReported) {
  start(/*fail_from_call=*/2);
  std::ostringstream out;
  EXPECT_EQ(runTop(address_, out, 2, /*ansi=*/false), 2);
  const auto text = out.str();
  const auto second = text.find("\n\n! relaisd " + address_ + ": draining (code 14)");
  ASSERT_NE(second, std::string::npos) << text;
  EXPECT_THAT(text.substr(second), HasSubstr("showing the last good snapshot, retrying"));
  EXPECT_THAT(text.substr(second), HasSubstr("waiting 6 "));
}

}  // namespace
}  // namespace relais::ctl
