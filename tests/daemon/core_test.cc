// Core with a fake clock and a real SQLite store in a temporary directory: restart recovery and
// the retention purge, without gRPC.
#include "daemon/core.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "daemon/convert.h"

namespace relais::daemon {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

struct FakeSink : AgentSink {
  void send(v1::AgentEvent e) override { events.push_back(std::move(e)); }
  void end(const std::string&) override { ended = true; }
  std::vector<std::string> offers() const {
    std::vector<std::string> ids;
    for (const auto& e : events) {
      if (e.has_offer()) {
        ids.push_back(e.offer().contact_id());
      }
    }
    return ids;
  }
  std::vector<v1::AgentEvent> events;
  bool ended = false;
};

class CoreTest : public ::testing::Test {
 protected:
  CoreTest() {
    dir_ = std::filesystem::temp_directory_path() /
           ("relais-core-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    open();
  }
  ~CoreTest() override {
    core_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void open() {
    core_.reset();
    store_.reset();
    std::string error;
    store_ = openSqliteStore(dir_.string(), SyncLevel::kNormal, error);
    ASSERT_TRUE(store_) << error;
    core_ = std::make_unique<Core>(config_, *store_, metrics_, [this] { return now_; });
    ASSERT_FALSE(core_->recover());
  }

  v1::SubmitReply submit(const std::string& id, const std::string& text,
                         const std::string& tenant = "T1") {
    v1::Contact c;
    c.set_contact_id(id);
    c.set_channel(v1::CHANNEL_EMAIL);
    c.set_tenant_id(tenant);
    c.set_text(text);
    v1::SubmitReply reply;
    EXPECT_TRUE(core_->submit(c, reply).ok());
    EXPECT_FALSE(core_->commit());
    return reply;
  }

  v1::ContactStatus get(const std::string& id) {
    v1::GetContactRequest r;
    r.set_contact_id(id);
    v1::ContactStatus s;
    EXPECT_TRUE(core_->getContact(r, s).ok()) << id;
    return s;
  }

  void connect(const std::string& agent, FakeSink& sink) {
    v1::ConnectRequest r;
    r.set_agent_id(agent);
    for (const char* skill : {"technical", "tenancy", "neighbourhood", "proximity", "general"}) {
      r.add_skills()->set_name(skill);
    }
    auto* cap = r.add_capacity();
    cap->set_channel(v1::CHANNEL_EMAIL);
    cap->set_max(1);
    ASSERT_TRUE(core_->connectAgent(r, sink).ok());
  }

  grpc::Status act(const std::string& agent, const std::string& contact, bool accept) {
    v1::OfferAction a;
    a.set_agent_id(agent);
    a.set_contact_id(contact);
    v1::OfferActionReply r;
    return accept ? core_->acceptOffer(a, r) : core_->declineOffer(a, r);
  }

  std::filesystem::path dir_;
  DaemonConfig config_;
  Metrics metrics_;
  routing::Instant now_ = routing::Instant(std::chrono::sys_days(std::chrono::year{2026} / 3 / 2)) +
                          hours(9);
  std::unique_ptr<Store> store_;
  std::unique_ptr<Core> core_;
};

TEST_F(CoreTest, RestartRebuildsQueuesWithOriginalWaitsAndKeepsIdempotency) {
  const auto first = submit("c1", "Bonjour, le radiateur de la chambre ne chauffe plus.");
  now_ += minutes(10);
  submit("c2", "Bonjour, le radiateur du salon ne chauffe plus.", "T2");
  now_ += minutes(10);
  submit("c3", "Bonjour, le radiateur de la cuisine ne chauffe plus.", "T3");
  FakeSink sink;
  connect("a1", sink);  // takes c1 (oldest): offered
  ASSERT_EQ(sink.offers(), std::vector<std::string>{"c1"});
  ASSERT_TRUE(act("a1", "c1", true).ok());  // c1 assigned; c2 offered? capacity 1: no
  ASSERT_FALSE(core_->commit());
  EXPECT_EQ(get("c1").state(), v1::CONTACT_STATE_ASSIGNED);

  now_ += minutes(5);
  open();  // a restart: agents are gone, data is back

  EXPECT_EQ(get("c1").state(), v1::CONTACT_STATE_ASSIGNED);  // held for a1
  EXPECT_EQ(get("c1").agent_id(), "a1");
  EXPECT_EQ(get("c2").state(), v1::CONTACT_STATE_WAITING);
  EXPECT_EQ(get("c2").position(), 1);
  EXPECT_EQ(get("c3").position(), 2);

  // The retry of a Submit acknowledged before the restart gets the first outcome back.
  v1::Contact again;
  again.set_contact_id("c1");
  again.set_channel(v1::CHANNEL_EMAIL);
  again.set_text("retry");
  v1::SubmitReply reply;
  ASSERT_TRUE(core_->submit(again, reply).ok());
  EXPECT_EQ(reply.SerializeAsString(), first.SerializeAsString());

  // Original waits are kept: c2 has waited 15 minutes (since its submit), not 0.
  FakeSink sink2;
  connect("a2", sink2);
  ASSERT_EQ(sink2.offers(), std::vector<std::string>{"c2"});
  EXPECT_EQ(sink2.events.back().offer().waited_seconds(), 15 * 60);

  // a1 reconnects and can complete the contact it was handling.
  FakeSink sink1;
  connect("a1", sink1);
  v1::CompleteRequest done;
  done.set_agent_id("a1");
  done.set_contact_id("c1");
  v1::OfferActionReply r;
  EXPECT_TRUE(core_->complete(done, r).ok());
}

TEST_F(CoreTest, OfferPendingAtTheCrashGoesBackToTheQueue) {
  submit("p1", "Bonjour, la chasse d'eau fuit.");
  FakeSink sink;
  connect("a1", sink);
  ASSERT_EQ(get("p1").state(), v1::CONTACT_STATE_OFFERED);
  ASSERT_FALSE(core_->commit());
  open();
  EXPECT_EQ(get("p1").state(), v1::CONTACT_STATE_WAITING);
  FakeSink other;
  connect("a2", other);
  EXPECT_EQ(other.offers(), std::vector<std::string>{"p1"});
}

TEST_F(CoreTest, RetentionPurgeErasesTextAndIdentityButKeepsTheRecord) {
  config_.retention = hours(24 * 30);
  open();
  submit("g1", "Bonjour, le robinet de la salle de bains fuit, Mme Dupont, 3 rue des Lilas.");
  FakeSink sink;
  connect("a1", sink);
  ASSERT_TRUE(act("a1", "g1", true).ok());
  v1::CompleteRequest done;
  done.set_agent_id("a1");
  done.set_contact_id("g1");
  done.set_resolved(true);
  done.set_root_cause("PLUMBING");
  done.set_note("Mme Dupont rappelée");
  v1::OfferActionReply r;
  ASSERT_TRUE(core_->complete(done, r).ok());
  submit("w1", "Bonjour, la porte du garage ne ferme plus.", "T2");  // stays waiting
  ASSERT_FALSE(core_->commit());

  now_ += hours(24 * 29);
  EXPECT_EQ(core_->purgeExpired(), 0);
  now_ += hours(48);
  EXPECT_EQ(core_->purgeExpired(), 1);  // g1 only: w1 is still open
  ASSERT_FALSE(core_->commit());

  open();  // the purge is durable
  auto g1 = get("g1");
  EXPECT_EQ(g1.state(), v1::CONTACT_STATE_COMPLETED);
  EXPECT_EQ(g1.reading().gist(), "");
  int found = 0;
  ASSERT_FALSE(store_->forEachContact([&](store::v1::ContactRecord&& rec) {
    if (rec.contact().contact_id() == "g1") {
      ++found;
      EXPECT_TRUE(rec.purged());
      EXPECT_EQ(rec.contact().text(), "");
      EXPECT_EQ(rec.contact().tenant_id(), "");
      EXPECT_EQ(rec.note(), "");
      EXPECT_EQ(rec.root_cause(), "PLUMBING");  // anonymous disposition kept
      EXPECT_TRUE(rec.resolved());
    }
    if (rec.contact().contact_id() == "w1") {
      EXPECT_FALSE(rec.purged());
    }
  }));
  EXPECT_EQ(found, 1);
}

TEST(SqliteStoreTest, RefusesAForeignOrDamagedFile) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("relais-store-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "relais.db") << std::string(4096, 'x');
  }
  std::string error;
  EXPECT_FALSE(openSqliteStore(dir.string(), SyncLevel::kNormal, error));
  EXPECT_THAT(error, ::testing::HasSubstr("refusing to start"));
  EXPECT_EQ(std::filesystem::file_size(dir / "relais.db"), 4096u);  // untouched

  std::filesystem::remove(dir / "relais.db");
  {
    sqlite3* db = nullptr;
    sqlite3_open((dir / "relais.db").c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE invoices(id INTEGER)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  EXPECT_FALSE(openSqliteStore(dir.string(), SyncLevel::kNormal, error));
  EXPECT_THAT(error, ::testing::HasSubstr("not a relais database"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace relais::daemon
