// Core with a fake clock and a real SQLite store in a temporary directory: restart recovery and
// the retention purge, without gRPC.
#include "daemon/core.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

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

  // A plumber's visit planned for RC-2026-004512 of tenant T1: status requests about it get an
  // automatic answer.
  void upsertPlannedRepair() {
    v1::Case file;
    file.set_case_ref("RC-2026-004512");
    file.set_tenant_id("T1");
    file.set_kind("réparation");
    file.set_status("planifiée");
    file.set_next_step("passage du plombier");
    *file.mutable_updated_at() = toTimestamp(now_ - hours(48));
    *file.mutable_expected_at() = toTimestamp(now_ + hours(24 * 60));
    v1::UpsertCaseReply applied;
    ASSERT_TRUE(core_->upsertCase(file, applied).ok());
  }

  // A gateway's retry of contact `id`, with another text: it must get the first reply back.
  v1::SubmitReply resubmit(const std::string& id) {
    v1::Contact again;
    again.set_contact_id(id);
    again.set_channel(v1::CHANNEL_EMAIL);
    again.set_text("retry");
    v1::SubmitReply reply;
    EXPECT_TRUE(core_->submit(again, reply).ok());
    return reply;
  }

  // The tenant says the automatic answer to `id` did not answer the question.
  v1::ContactStatus notAnswered(const std::string& id) {
    v1::FeedbackRequest no;
    no.set_contact_id(id);
    no.set_answered(false);
    v1::ContactStatus reopened;
    EXPECT_TRUE(core_->feedback(no, reopened).ok());
    return reopened;
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
  EXPECT_EQ(resubmit("c1").SerializeAsString(), first.SerializeAsString());

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

// Forwards to a real store, and fails the commits it is told to fail.
class FlakyStore : public Store {
 public:
  explicit FlakyStore(Store& inner) : inner_(inner) {}
  bool fail_commits = false;

  void putContact(const store::v1::ContactRecord& r) override { inner_.putContact(r); }
  void putCase(const std::string& k, const v1::Case& c) override { inner_.putCase(k, c); }
  std::optional<std::string> commit() override {
    return fail_commits ? std::optional<std::string>("disk I/O error") : inner_.commit();
  }
  bool hasPending() const override { return inner_.hasPending(); }
  std::optional<std::string> forEachOpenContact(const ContactFn& fn) override {
    return inner_.forEachOpenContact(fn);
  }
  std::optional<std::string> forEachClosedAskSince(routing::Instant since,
                                                   const ContactFn& fn) override {
    return inner_.forEachClosedAskSince(since, fn);
  }
  std::optional<std::string> findContact(const std::string& id,
                                         std::optional<store::v1::ContactRecord>& out) override {
    return inner_.findContact(id, out);
  }
  std::optional<std::string> closedUpTo(routing::Instant cutoff, int limit,
                                        std::vector<std::string>& ids) override {
    return inner_.closedUpTo(cutoff, limit, ids);
  }
  std::optional<std::string> forEachContact(const ContactFn& fn) override {
    return inner_.forEachContact(fn);
  }
  std::optional<std::string> forEachCase(
      const std::function<void(const std::string&, v1::Case&&)>& fn) override {
    return inner_.forEachCase(fn);
  }

 private:
  Store& inner_;
};

TEST_F(CoreTest, ClosedContactsLeaveMemoryOnceDurableAsAfterARestart) {
  upsertPlannedRepair();
  const auto first = submit("r1", "Bonjour, où en est ma demande RC-2026-004512 ?");
  ASSERT_EQ(first.outcome(), v1::OUTCOME_AUTO_ANSWERED) << first.DebugString();
  EXPECT_EQ(core_->contactCount(), 0u);  // answered and committed: in the store only
  submit("g1", "Bonjour, le robinet de la salle de bains fuit.", "T2");
  EXPECT_EQ(core_->contactCount(), 1u);

  // Read back when asked for, and let go again at the next commit.
  EXPECT_EQ(get("r1").state(), v1::CONTACT_STATE_AUTO_ANSWERED);
  EXPECT_EQ(core_->contactCount(), 2u);
  ASSERT_FALSE(core_->commit());
  EXPECT_EQ(core_->contactCount(), 1u);
  EXPECT_EQ(resubmit("r1").SerializeAsString(), first.SerializeAsString());

  // Reopened by negative feedback, it is open again and stays.
  notAnswered("r1");
  ASSERT_FALSE(core_->commit());
  EXPECT_EQ(core_->contactCount(), 2u);
  EXPECT_EQ(get("r1").state(), v1::CONTACT_STATE_WAITING);

  // A commit that fails keeps the only copy of a closed record in memory.
  FlakyStore flaky(*store_);
  core_ = std::make_unique<Core>(config_, flaky, metrics_, [this] { return now_; });
  ASSERT_FALSE(core_->recover());
  upsertPlannedRepair();
  flaky.fail_commits = true;
  v1::Contact ask;
  ask.set_contact_id("r3");
  ask.set_channel(v1::CHANNEL_EMAIL);
  ask.set_tenant_id("T1");
  ask.set_text("Bonjour, où en est ma demande RC-2026-004512 ? Merci");
  v1::SubmitReply answered;
  ASSERT_TRUE(core_->submit(ask, answered).ok());
  const auto before = core_->contactCount();
  EXPECT_TRUE(core_->commit());
  EXPECT_EQ(core_->contactCount(), before);
  EXPECT_EQ(get("r3").contact_id(), "r3");
}

TEST_F(CoreTest, ClosedContactsStayInTheStoreAndAreReadBackWhenAskedFor) {
  config_.retention = hours(24 * 30);
  open();
  upsertPlannedRepair();
  const std::string ask = "Bonjour, où en est ma demande RC-2026-004512 ?";
  const auto first = submit("r1", ask);
  ASSERT_EQ(first.outcome(), v1::OUTCOME_AUTO_ANSWERED) << first.DebugString();
  ASSERT_EQ(submit("r2", ask).outcome(), v1::OUTCOME_AUTO_ANSWERED);
  submit("g1", "Bonjour, le robinet de la salle de bains fuit.", "T2");
  FakeSink sink;
  connect("a1", sink);
  ASSERT_TRUE(act("a1", "g1", true).ok());
  v1::CompleteRequest done;
  done.set_agent_id("a1");
  done.set_contact_id("g1");
  v1::OfferActionReply r;
  ASSERT_TRUE(core_->complete(done, r).ok());
  ASSERT_FALSE(core_->commit());

  now_ += minutes(5);
  open();
  EXPECT_EQ(core_->contactCount(), 0u);  // nothing open: nothing read into memory
  EXPECT_EQ(get("g1").state(), v1::CONTACT_STATE_COMPLETED);
  EXPECT_EQ(get("r2").state(), v1::CONTACT_STATE_AUTO_ANSWERED);

  // A retried Submit of a contact closed before the restart gets its first outcome.
  EXPECT_EQ(resubmit("r1").SerializeAsString(), first.SerializeAsString());

  // Negative feedback reopens an answer closed before the restart.
  EXPECT_EQ(notAnswered("r1").state(), v1::CONTACT_STATE_WAITING);

  // The two asks answered before the restart still count: the third goes to a person (joining
  // the reopened r1, same tenant, channel and case).
  const auto third = submit("r3", ask);
  EXPECT_EQ(third.outcome(), v1::OUTCOME_MERGED);
  EXPECT_EQ(third.merged_into(), "r1");
  EXPECT_EQ(third.escalation_reason(), "repeated_asks");
  ASSERT_FALSE(core_->commit());

  // The retention purge finds what is due in the store: g1, r2 and r3, not the waiting r1.
  now_ += hours(24 * 31);
  EXPECT_EQ(core_->purgeExpired(), 3);
  EXPECT_EQ(core_->purgeExpired(), 0);  // before the commit, too
  ASSERT_FALSE(core_->commit());
  EXPECT_EQ(core_->purgeExpired(), 0);
  std::map<std::string, bool> purged;
  ASSERT_FALSE(store_->forEachContact([&](store::v1::ContactRecord&& rec) {
    purged[rec.contact().contact_id()] = rec.purged();
  }));
  EXPECT_EQ(purged, (std::map<std::string, bool>{
                        {"g1", true}, {"r1", false}, {"r2", true}, {"r3", true}}));
  EXPECT_EQ(get("g1").reading().gist(), "");
}

// A database written by schema 1 (no `purged` or `ask` column) is migrated at open.
TEST(SqliteStoreTest, MigratesSchemaOne) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("relais-store-migrate-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const routing::Instant now =
      routing::Instant(std::chrono::sys_days(std::chrono::year{2026} / 3 / 2)) + hours(9);
  auto record = [&](const std::string& id, v1::ContactState state, bool ask, bool purged) {
    store::v1::ContactRecord r;
    r.mutable_contact()->set_contact_id(id);
    r.mutable_contact()->set_channel(v1::CHANNEL_EMAIL);
    r.mutable_contact()->set_tenant_id("T-" + id);
    r.mutable_contact()->set_text("Bonjour, où en est ma demande ?");
    *r.mutable_contact()->mutable_received_at() = toTimestamp(now - hours(1));
    *r.mutable_enqueued_at() = toTimestamp(now - hours(1));
    *r.mutable_updated_at() = toTimestamp(now - hours(1));
    r.mutable_reading()->set_intent(ask ? v1::INTENT_STATUS_REQUEST : v1::INTENT_REPAIR);
    if (ask) {
      r.set_case_key("RC2026004512");
    }
    r.set_state(state);
    r.set_purged(purged);
    r.mutable_reply()->set_contact_id(id);
    return r;
  };
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "relais.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA journal_mode=WAL; PRAGMA application_id=1380729161;"
                           "PRAGMA user_version=1;"
                           "CREATE TABLE contacts(id TEXT PRIMARY KEY, state INTEGER NOT NULL, "
                           "updated_us INTEGER NOT NULL, body BLOB NOT NULL);"
                           "CREATE TABLE cases(case_key TEXT PRIMARY KEY, body BLOB NOT NULL);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_stmt* put = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO contacts VALUES(?1, ?2, ?3, ?4)", -1, &put,
                                 nullptr),
              SQLITE_OK);
    for (const auto& r : {record("w", v1::CONTACT_STATE_WAITING, false, false),
                          record("a", v1::CONTACT_STATE_AUTO_ANSWERED, true, false),
                          record("p", v1::CONTACT_STATE_COMPLETED, false, true)}) {
      const auto body = r.SerializeAsString();
      sqlite3_bind_text(put, 1, r.contact().contact_id().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(put, 2, r.state());
      sqlite3_bind_int64(put, 3, (now - hours(1)).time_since_epoch().count());
      sqlite3_bind_blob(put, 4, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(put), SQLITE_DONE);
      sqlite3_reset(put);
    }
    sqlite3_finalize(put);
    sqlite3_close(db);
  }
  std::string error;
  auto store = openSqliteStore(dir.string(), SyncLevel::kNormal, error);
  ASSERT_TRUE(store) << error;
  std::vector<std::string> open_ids;
  ASSERT_FALSE(store->forEachOpenContact(
      [&](store::v1::ContactRecord&& r) { open_ids.push_back(r.contact().contact_id()); }));
  EXPECT_EQ(open_ids, std::vector<std::string>{"w"});
  std::vector<std::string> asks;
  ASSERT_FALSE(store->forEachClosedAskSince(
      now - hours(24), [&](store::v1::ContactRecord&& r) { asks.push_back(r.contact().contact_id()); }));
  EXPECT_EQ(asks, std::vector<std::string>{"a"});
  std::vector<std::string> due;
  ASSERT_FALSE(store->closedUpTo(now, 10, due));
  EXPECT_EQ(due, std::vector<std::string>{"a"});  // p is purged already
  std::optional<store::v1::ContactRecord> found;
  ASSERT_FALSE(store->findContact("p", found));
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->purged());
  store.reset();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "relais.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(q, 0), 2);
    sqlite3_finalize(q);
    sqlite3_close(db);
  }
  std::filesystem::remove_all(dir);
}

// Schema 2 as first shipped spelt its partial index with IN, which SQLite evaluates through an
// ephemeral table on every row written; opening such a file replaces the index.
TEST(SqliteStoreTest, ReplacesTheIndexSpeltWithIn) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("relais-store-index-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::string error;
  ASSERT_TRUE(openSqliteStore(dir.string(), SyncLevel::kNormal, error)) << error;
  const auto db_path = (dir / "relais.db").string();
  auto indexes = [&] {
    std::vector<std::string> names;
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db,
                                 "SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                 "tbl_name = 'contacts' AND sql IS NOT NULL ORDER BY name",
                                 -1, &q, nullptr),
              SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) {
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return names;
  };
  EXPECT_EQ(indexes(), std::vector<std::string>{"contacts_closed_by_update"});
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP INDEX contacts_closed_by_update;"
                           "CREATE INDEX contacts_to_purge ON contacts(updated_us) WHERE "
                           "state IN (4, 5, 6, 8) AND purged = 0;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  EXPECT_EQ(indexes(), std::vector<std::string>{"contacts_to_purge"});
  ASSERT_TRUE(openSqliteStore(dir.string(), SyncLevel::kNormal, error)) << error;
  EXPECT_EQ(indexes(), std::vector<std::string>{"contacts_closed_by_update"});
  std::filesystem::remove_all(dir);
}

TEST(SqliteStoreTest, CheckpointsKeepTheLogBoundedWhileCommitsGoOn) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("relais-store-checkpoint-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::string error;
  auto store = openSqliteStore(dir.string(), SyncLevel::kNormal, error);
  ASSERT_TRUE(store) << error;
  // 4,000 contacts of 16 KiB, 10 per commit: ~17,000 pages, four times the log's bound.
  store::v1::ContactRecord record;
  record.mutable_contact()->set_text(std::string(16 * 1024, 'x'));
  record.set_state(v1::CONTACT_STATE_WAITING);
  for (int i = 0; i < 4000; ++i) {
    record.mutable_contact()->set_contact_id("c" + std::to_string(i));
    store->putContact(record);
    if (i % 10 == 9) {
      ASSERT_FALSE(store->commit());
      // 80 MB/s of log, several times relaisd's pace under load, rather than all it can write.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  const auto db = dir / "relais.db";
  const auto wal = dir / "relais.db-wal";
  // The checkpoints copied the log into the database file, and the log was started over
  // instead of growing with every commit: its bound is 4,000 pages of 4 KiB (16 MiB), plus
  // what commits add while a background checkpoint holds the lock; unbounded it would be 70.
  // Up to 30 s: on a loaded machine the checkpoint thread gets little CPU (seen failing at 5 s).
  for (int wait = 0; wait < 600 && std::filesystem::file_size(db) < 48 * 1024 * 1024; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_GE(std::filesystem::file_size(db), 48u * 1024 * 1024);
  EXPECT_LE(std::filesystem::file_size(wal), 40u * 1024 * 1024);
  // As fast as SQLite can write, the background checkpoints fall behind and the writer
  // copies the rest itself: still bounded (some 45 MB here, 75 without the writer's share).
  for (int i = 4000; i < 8000; ++i) {
    record.mutable_contact()->set_contact_id("c" + std::to_string(i));
    store->putContact(record);
    if (i % 10 == 9) {
      ASSERT_FALSE(store->commit());
    }
  }
  EXPECT_LE(std::filesystem::file_size(wal), 64u * 1024 * 1024);
  std::optional<store::v1::ContactRecord> back;
  ASSERT_FALSE(store->findContact("c7999", back));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->contact().text().size(), 16u * 1024);
  store.reset();
  std::filesystem::remove_all(dir);
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
