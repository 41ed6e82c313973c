// Nothing acknowledged is lost: concurrent Submits from several clients, relaisd killed with
// SIGKILL mid-burst, restarted on the same data; every acknowledged contact is there exactly
// once, consistent, and its retry gets the original outcome. Several kill points.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "relais/v1/intake.grpc.pb.h"
#include "relais/v1/supervision.grpc.pb.h"
#include "tests/integration/daemon_process.h"

namespace relais::testing {
namespace {

struct Acked {
  std::string id;
  v1::SubmitReply reply;
};

v1::Contact contactFor(const std::string& id) {
  v1::Contact c;
  c.set_contact_id(id);
  c.set_channel(v1::CHANNEL_EMAIL);
  c.set_tenant_id("tenant-" + id);  // distinct tenants: no merges
  c.set_text("Bonjour, la porte du hall ne ferme plus depuis hier soir. Merci de passer.");
  return c;
}

class CrashRecoveryTest : public ::testing::TestWithParam<int> {};

TEST_P(CrashRecoveryTest, EveryAcknowledgedSubmitSurvivesSigkill) {
  const int kill_after_ms = GetParam();
  const auto data_dir = makeTempDir("relaisd-crash");
  std::vector<Acked> acked;
  std::mutex acked_mutex;
  std::atomic<bool> stop{false};
  std::atomic<int> attempted{0};
  {
    DaemonProcess daemon({}, data_dir);
    std::vector<std::thread> clients;
    for (int client = 0; client < 4; ++client) {
      clients.emplace_back([&, client] {
        auto stub = v1::ContactIntake::NewStub(daemon.channel());
        for (int i = 0; i < 2500 && !stop; ++i) {
          const auto id = "k" + std::to_string(kill_after_ms) + "-c" + std::to_string(client) +
                          "-" + std::to_string(i);
          grpc::ClientContext ctx;
          ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
          v1::SubmitReply reply;
          ++attempted;
          if (stub->Submit(&ctx, contactFor(id), &reply).ok()) {
            std::lock_guard lock(acked_mutex);
            acked.push_back({id, reply});
          } else {
            break;  // the daemon is gone
          }
        }
      });
    }
    // Kill points count from the first acknowledgement: under a sanitizer on a loaded machine
    // the first Submits can take longer than the earliest kill point.
    for (int waited = 0; waited < 3000; ++waited) {
      {
        std::lock_guard lock(acked_mutex);
        if (!acked.empty()) {
          break;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
    daemon.kill();
    stop = true;
    for (auto& t : clients) {
      t.join();
    }
  }
  ASSERT_GT(acked.size(), 0u) << "the burst never started";

  DaemonProcess restarted({}, data_dir);
  auto intake = v1::ContactIntake::NewStub(restarted.channel());
  for (const auto& a : acked) {
    grpc::ClientContext ctx;
    v1::GetContactRequest get;
    get.set_contact_id(a.id);
    v1::ContactStatus status;
    ASSERT_TRUE(intake->GetContact(&ctx, get, &status).ok()) << a.id << " was acknowledged";
    EXPECT_EQ(status.state(), v1::CONTACT_STATE_WAITING) << a.id;
    EXPECT_EQ(status.queue(), a.reply.queue()) << a.id;
  }
  // Exactly once: the queues hold every acknowledged contact and nothing twice.
  auto supervision = v1::Supervision::NewStub(restarted.channel());
  grpc::ClientContext ctx;
  v1::SnapshotReply snap;
  ASSERT_TRUE(supervision->Snapshot(&ctx, {}, &snap).ok());
  int waiting = 0;
  for (const auto& q : snap.queues()) {
    waiting += q.waiting();
  }
  EXPECT_GE(waiting, static_cast<int>(acked.size()));
  EXPECT_LE(waiting, attempted.load());
  // A retry across the restart gets the first outcome, for a sample spread over the burst.
  for (std::size_t i = 0; i < acked.size(); i += std::max<std::size_t>(1, acked.size() / 50)) {
    grpc::ClientContext retry_ctx;
    v1::SubmitReply again;
    ASSERT_TRUE(intake->Submit(&retry_ctx, contactFor(acked[i].id), &again).ok());
    EXPECT_EQ(again.SerializeAsString(), acked[i].reply.SerializeAsString()) << acked[i].id;
  }
  grpc::ClientContext after_ctx;
  v1::SnapshotReply after;
  ASSERT_TRUE(supervision->Snapshot(&after_ctx, {}, &after).ok());
  int waiting_after = 0;
  for (const auto& q : after.queues()) {
    waiting_after += q.waiting();
  }
  EXPECT_EQ(waiting_after, waiting) << "a retry created a second contact";
}

INSTANTIATE_TEST_SUITE_P(KillPoints, CrashRecoveryTest, ::testing::Values(150, 400, 900),
                         [](const auto& kill_point) { return std::to_string(kill_point.param) + "ms"; });

}  // namespace
}  // namespace relais::testing
