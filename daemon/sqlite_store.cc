// SQLite backend of Store: WAL mode, one row per contact and per case, each row's body a
// serialized protobuf record so the schema rarely changes.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "daemon/store.h"
#include "daemon/wal_checkpointer.h"

namespace relais::daemon {
namespace {

// "RLAI" in ASCII: marks a file as ours, so a foreign SQLite database is refused.
constexpr int kApplicationId = 0x524c4149;
// 1: contacts(id, state, updated_us, body), cases(case_key, body).
// 2: contacts gains `purged` and `ask` and partial indexes, so that recovery and the retention
//    purge select rows in SQL instead of parsing every record. Indexes cost every write
//    (core_benchmark BM_Submit measured several µs per Submit for one on open states), so
//    there is one, on closed rows not purged; open contacts are found by one scan of the
//    state column at recovery, a fraction of a second per million rows.
constexpr int kSchemaVersion = 2;

// The SQL spelling of closedState() and its complement; the partial indexes and the queries
// that use them must spell these terms identically for SQLite to match them. ORs, not IN: in a
// partial index's WHERE, SQLite 3.40 evaluates an IN list through an ephemeral table built and
// dropped on every row written (callgrind: a sixth of the SQLite work per Submit).
#define RELAIS_OPEN_STATES "state IN (1, 2, 3, 7)"
#define RELAIS_CLOSED_STATES "(state = 4 OR state = 5 OR state = 6 OR state = 8)"
static_assert(v1::CONTACT_STATE_WAITING == 1 && v1::CONTACT_STATE_OFFERED == 2 &&
              v1::CONTACT_STATE_ASSIGNED == 3 && v1::CONTACT_STATE_CALLBACK_OFFERED == 7);
static_assert(v1::CONTACT_STATE_COMPLETED == 4 && v1::CONTACT_STATE_AUTO_ANSWERED == 5 &&
              v1::CONTACT_STATE_MERGED == 6 && v1::CONTACT_STATE_ABANDONED == 8);

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS contacts(id TEXT PRIMARY KEY, state INTEGER NOT NULL, "
    "updated_us INTEGER NOT NULL, body BLOB NOT NULL, purged INTEGER NOT NULL DEFAULT 0, "
    "ask INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS cases(case_key TEXT PRIMARY KEY, body BLOB NOT NULL);"
    // contacts_to_purge was the same index spelt with IN (see RELAIS_CLOSED_STATES); replaced
    // at the first start, in a second or so per million rows.
    "DROP INDEX IF EXISTS contacts_to_purge;"
    "CREATE INDEX IF NOT EXISTS contacts_closed_by_update ON contacts(updated_us) WHERE "
    RELAIS_CLOSED_STATES " AND purged = 0;";

long long micros(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1'000'000 + t.nanos() / 1000;
}

long long micros(routing::Instant t) { return t.time_since_epoch().count(); }

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  explicit operator bool() const { return stmt_ != nullptr; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a prepared statement when leaving the scope that stepped it.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* s) : s_(s) {}
  ~ResetOnExit() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* s_;
};

// Which contact ids may be in the database, so that a new contact's id (the common case: every
// Submit checks for an earlier one) costs no SQL lookup. No false negatives; false positives
// only cost the lookup. Sized at open for several times the rows present; it degrades
// gracefully (more lookups) beyond.
class IdFilter {
 public:
  void reset(std::size_t expected_ids) {
    std::size_t bits = std::size_t{1} << 24;  // 2 MiB
    while (bits < expected_ids * 16) {
      bits <<= 1;
    }
    words_.assign(bits / 64, 0);
    mask_ = bits - 1;
  }
  void add(std::string_view id) {
    forEachBit(id, [this](std::size_t bit) { words_[bit / 64] |= std::uint64_t{1} << (bit % 64); });
  }
  bool mayContain(std::string_view id) const {
    bool all = true;
    forEachBit(id, [&](std::size_t bit) {
      all = all && (words_[bit / 64] >> (bit % 64) & 1) != 0;
    });
    return all;
  }

 private:
  template <typename Fn>
  void forEachBit(std::string_view id, Fn&& fn) const {
    const std::uint64_t h = std::hash<std::string_view>{}(id);
    const std::uint64_t h1 = h & 0xffffffff;
    const std::uint64_t h2 = (h >> 32) | 1;
    for (std::uint64_t i = 0; i < 4; ++i) {
      fn(static_cast<std::size_t>((h1 + i * h2 * 0x9e3779b97f4a7c15ULL) & mask_));
    }
  }

  std::vector<std::uint64_t> words_;
  std::size_t mask_ = 0;
};

// WAL frames (pages) after which a checkpoint is wanted: SQLite's own default.
constexpr int kCheckpointFrames = 1000;
// A background checkpoint cannot start the log over while commits keep appending to it; past
// this many frames the writer copies the little that is left itself, so the log stays bounded.
constexpr int kWriterCheckpointFrames = 4 * kCheckpointFrames;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override {
    if (hasPending()) {
      (void)commit();
    }
    sqlite3_wal_hook(db_, nullptr, nullptr);
    checkpointer_.reset();
    put_contact_.reset();
    put_case_.reset();
    find_contact_.reset();
    closed_up_to_.reset();
    begin_.reset();
    commit_.reset();
    sqlite3_close(db_);
  }

  // Checkpoints move to a thread of their own (WalCheckpointer): a checkpoint and its fsync
  // used to run inside a commit on the routing strand, several milliseconds every thousand
  // pages during which no call could finish.
  void checkpointInBackground(const std::string& path, const std::string& synchronous_sql) {
    checkpointer_ = std::make_unique<WalCheckpointer>(path, synchronous_sql);
    if (!checkpointer_->running()) {
      checkpointer_.reset();
      return;  // SQLite's own checkpoints stay on
    }
    sqlite3_exec(db_, "PRAGMA wal_autocheckpoint=0", nullptr, nullptr, nullptr);
    sqlite3_wal_hook(db_, &SqliteStore::afterWalCommit, this);
  }

  std::optional<std::string> prepare() {
    put_contact_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO contacts(id, state, updated_us, body, purged, ask) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT(id) DO UPDATE SET state=excluded.state, updated_us=excluded.updated_us, "
        "body=excluded.body, purged=excluded.purged, ask=excluded.ask");
    put_case_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO cases(case_key, body) VALUES(?1, ?2) "
        "ON CONFLICT(case_key) DO UPDATE SET body=excluded.body");
    find_contact_ = std::make_unique<Statement>(db_, "SELECT body FROM contacts WHERE id = ?1");
    closed_up_to_ = std::make_unique<Statement>(
        db_, "SELECT id FROM contacts WHERE " RELAIS_CLOSED_STATES
             " AND purged = 0 AND updated_us <= ?1 ORDER BY updated_us LIMIT ?2");
    // Prepared once: sqlite3_exec compiled these two again for every batch written.
    begin_ = std::make_unique<Statement>(db_, "BEGIN IMMEDIATE");
    commit_ = std::make_unique<Statement>(db_, "COMMIT");
    if (!*put_contact_ || !*put_case_ || !*find_contact_ || !*closed_up_to_ || !*begin_ ||
        !*commit_) {
      return std::string("cannot prepare statements: ") + sqlite3_errmsg(db_);
    }
    return loadIds();
  }

  void putContact(const store::v1::ContactRecord& record) override {
    ids_.add(record.contact().contact_id());
    auto& p = pending_contacts_[record.contact().contact_id()];
    record.SerializeToString(&p.body);
    p.state = static_cast<int>(record.state());
    p.updated_us = micros(record.updated_at());
    p.purged = record.purged();
    p.ask = isCaseAsk(record);
  }

  void putCase(const std::string& case_key, const v1::Case& c) override {
    c.SerializeToString(&pending_cases_[case_key]);
  }

  bool hasPending() const override {
    return !pending_contacts_.empty() || !pending_cases_.empty();
  }

  std::optional<std::string> commit() override {
    if (!hasPending()) {
      return std::nullopt;
    }
    auto error = write();
    pending_contacts_.clear();
    pending_cases_.clear();
    return error;
  }

  std::optional<std::string> forEachOpenContact(const ContactFn& fn) override {
    // A table scan (see kSchema); bodies are only read and parsed for open rows.
    return scanContacts("SELECT id, body FROM contacts WHERE " RELAIS_OPEN_STATES, nullptr, fn);
  }

  std::optional<std::string> forEachClosedAskSince(routing::Instant since,
                                                   const ContactFn& fn) override {
    const long long since_us = micros(since);
    // Through contacts_closed_by_update (purged rows have no case key, so no ask): only the rows of
    // the window are visited, and only asks are parsed.
    return scanContacts("SELECT id, body FROM contacts WHERE " RELAIS_CLOSED_STATES
                        " AND purged = 0 AND updated_us >= ?1 AND ask = 1",
                        &since_us, fn);
  }

  std::optional<std::string> forEachContact(const ContactFn& fn) override {
    return scanContacts("SELECT id, body FROM contacts", nullptr, fn);
  }

  std::optional<std::string> findContact(
      const std::string& id, std::optional<store::v1::ContactRecord>& out) override {
    out.reset();
    if (auto it = pending_contacts_.find(id); it != pending_contacts_.end()) {
      out.emplace();
      if (!out->ParseFromString(it->second.body)) {
        out.reset();
        return "contact record " + id + " is damaged";
      }
      return std::nullopt;
    }
    if (!ids_.mayContain(id)) {
      return std::nullopt;
    }
    auto* s = find_contact_->get();
    ResetOnExit reset(s);
    sqlite3_bind_text(s, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
      return std::nullopt;
    }
    if (rc != SQLITE_ROW) {
      return std::string(sqlite3_errmsg(db_));
    }
    out.emplace();
    if (!out->ParseFromArray(sqlite3_column_blob(s, 0), sqlite3_column_bytes(s, 0))) {
      out.reset();
      return "contact record " + id + " is damaged";
    }
    return std::nullopt;
  }

  std::optional<std::string> closedUpTo(routing::Instant cutoff, int limit,
                                        std::vector<std::string>& ids) override {
    ids.clear();
    auto* s = closed_up_to_->get();
    ResetOnExit reset(s);
    sqlite3_bind_int64(s, 1, micros(cutoff));
    sqlite3_bind_int(s, 2, limit);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
                       static_cast<std::size_t>(sqlite3_column_bytes(s, 0)));
    }
    if (rc != SQLITE_DONE) {
      return std::string(sqlite3_errmsg(db_));
    }
    return std::nullopt;
  }

  std::optional<std::string> forEachCase(
      const std::function<void(const std::string& key, v1::Case&&)>& fn) override {
    Statement q(db_, "SELECT case_key, body FROM cases");
    if (!q) {
      return std::string(sqlite3_errmsg(db_));
    }
    int rc;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
      v1::Case c;
      std::string key(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0)));
      if (!c.ParseFromArray(sqlite3_column_blob(q.get(), 1), sqlite3_column_bytes(q.get(), 1))) {
        return "case record " + key + " is damaged";
      }
      fn(key, std::move(c));
    }
    if (rc != SQLITE_DONE) {
      return std::string(sqlite3_errmsg(db_));
    }
    return std::nullopt;
  }

 private:
  struct PendingContact {
    std::string body;
    int state = 0;
    long long updated_us = 0;
    bool purged = false;
    bool ask = false;
  };

  // Fills the id filter from the primary key index (no record is read).
  std::optional<std::string> loadIds() {
    Statement count(db_, "SELECT count(*) FROM contacts");
    if (!count || sqlite3_step(count.get()) != SQLITE_ROW) {
      return std::string("cannot count contacts: ") + sqlite3_errmsg(db_);
    }
    ids_.reset(static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0)));
    Statement q(db_, "SELECT id FROM contacts");
    if (!q) {
      return std::string(sqlite3_errmsg(db_));
    }
    int rc;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
      ids_.add(std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0)),
                                static_cast<std::size_t>(sqlite3_column_bytes(q.get(), 0))));
    }
    if (rc != SQLITE_DONE) {
      return std::string(sqlite3_errmsg(db_));
    }
    return std::nullopt;
  }

  // Runs `sql` (with `?1` bound to `*param` when given) over rows (id, body) and hands each
  // parsed record to `fn`.
  std::optional<std::string> scanContacts(const char* sql, const long long* param,
                                          const ContactFn& fn) {
    Statement q(db_, sql);
    if (!q) {
      return std::string(sqlite3_errmsg(db_));
    }
    if (param) {
      sqlite3_bind_int64(q.get(), 1, *param);
    }
    int rc;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
      store::v1::ContactRecord record;
      if (!record.ParseFromArray(sqlite3_column_blob(q.get(), 1),
                                 sqlite3_column_bytes(q.get(), 1))) {
        return "contact record " +
               std::string(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0))) +
               " is damaged";
      }
      fn(std::move(record));
    }
    if (rc != SQLITE_DONE) {
      return std::string(sqlite3_errmsg(db_));
    }
    return std::nullopt;
  }

  std::optional<std::string> write() {
    if (auto e = stepAndReset(begin_->get())) {
      return "begin: " + *e;
    }
    for (const auto& [id, p] : pending_contacts_) {
      auto* s = put_contact_->get();
      sqlite3_bind_text(s, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      sqlite3_bind_int(s, 2, p.state);
      sqlite3_bind_int64(s, 3, p.updated_us);
      sqlite3_bind_blob(s, 4, p.body.data(), static_cast<int>(p.body.size()), SQLITE_STATIC);
      sqlite3_bind_int(s, 5, p.purged ? 1 : 0);
      sqlite3_bind_int(s, 6, p.ask ? 1 : 0);
      if (auto e = stepAndReset(s)) {
        return rollback(*e);
      }
    }
    for (const auto& [key, body] : pending_cases_) {
      auto* s = put_case_->get();
      sqlite3_bind_text(s, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
      sqlite3_bind_blob(s, 2, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
      if (auto e = stepAndReset(s)) {
        return rollback(*e);
      }
    }
    if (auto e = stepAndReset(commit_->get())) {
      return rollback("commit: " + *e);
    }
    return std::nullopt;
  }

  std::optional<std::string> stepAndReset(sqlite3_stmt* s) {
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) {
      return std::string(sqlite3_errmsg(db_));
    }
    return std::nullopt;
  }

  // After every commit, with the log's length in pages (copied ones included).
  static int afterWalCommit(void* self, sqlite3* db, const char* /*schema*/, int frames) {
    if (frames >= kWriterCheckpointFrames) {
      // Not nudged meanwhile, the background checkpoint ends and this one gets the lock: a
      // passive checkpoint returns at once while another runs, and the next commit tries
      // again. Twice past the bound (the background one is slow to sync), it waits its turn.
      const int mode = frames >= 2 * kWriterCheckpointFrames ? SQLITE_CHECKPOINT_FULL
                                                             : SQLITE_CHECKPOINT_PASSIVE;
      sqlite3_wal_checkpoint_v2(db, nullptr, mode, nullptr, nullptr);
    } else if (frames >= kCheckpointFrames) {
      static_cast<SqliteStore*>(self)->checkpointer_->nudge();
    }
    return SQLITE_OK;
  }

  std::string rollback(std::string error) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  }

  sqlite3* db_;
  std::unique_ptr<Statement> put_contact_;
  std::unique_ptr<Statement> put_case_;
  std::unique_ptr<Statement> find_contact_;
  std::unique_ptr<Statement> closed_up_to_;
  std::unique_ptr<Statement> begin_;
  std::unique_ptr<Statement> commit_;
  std::unique_ptr<WalCheckpointer> checkpointer_;
  IdFilter ids_;
  std::unordered_map<std::string, PendingContact> pending_contacts_;
  std::unordered_map<std::string, std::string> pending_cases_;
};

// Schema 1 to 2: the new columns are filled from each record, once, in one transaction.
std::optional<std::string> migrateFrom1(sqlite3* db) {
  auto fail = [db](const std::string& what) {
    std::string why = what + ": " + sqlite3_errmsg(db);
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return why;
  };
  if (sqlite3_exec(db,
                   "BEGIN IMMEDIATE;"
                   "ALTER TABLE contacts ADD COLUMN purged INTEGER NOT NULL DEFAULT 0;"
                   "ALTER TABLE contacts ADD COLUMN ask INTEGER NOT NULL DEFAULT 0;",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("migration to schema 2");
  }
  {
    Statement rows(db, "SELECT rowid, id, body FROM contacts");
    Statement update(db, "UPDATE contacts SET purged = ?1, ask = ?2 WHERE rowid = ?3");
    if (!rows || !update) {
      return fail("migration to schema 2");
    }
    int rc;
    store::v1::ContactRecord record;
    while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
      if (!record.ParseFromArray(sqlite3_column_blob(rows.get(), 2),
                                 sqlite3_column_bytes(rows.get(), 2))) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return "contact record " +
               std::string(reinterpret_cast<const char*>(sqlite3_column_text(rows.get(), 1))) +
               " is damaged";
      }
      if (!record.purged() && !isCaseAsk(record)) {
        continue;
      }
      sqlite3_bind_int(update.get(), 1, record.purged() ? 1 : 0);
      sqlite3_bind_int(update.get(), 2, isCaseAsk(record) ? 1 : 0);
      sqlite3_bind_int64(update.get(), 3, sqlite3_column_int64(rows.get(), 0));
      const int step = sqlite3_step(update.get());
      sqlite3_reset(update.get());
      if (step != SQLITE_DONE) {
        return fail("migration to schema 2");
      }
    }
    if (rc != SQLITE_DONE) {
      return fail("migration to schema 2");
    }
  }
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA user_version=2; COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("migration to schema 2");
  }
  return std::nullopt;
}

int pragmaInt(sqlite3* db, const char* sql) {
  Statement q(db, sql);
  if (!q || sqlite3_step(q.get()) != SQLITE_ROW) {
    return -1;
  }
  return sqlite3_column_int(q.get(), 0);
}

}  // namespace

std::unique_ptr<Store> openSqliteStore(const std::string& dir, SyncLevel sync,
                                       std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = "cannot create data directory " + dir + ": " + ec.message();
    return nullptr;
  }
  const auto path = (std::filesystem::path(dir) / "relais.db").string();
  const bool existed = std::filesystem::exists(path);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    error = path + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return nullptr;
  }
  auto fail = [&](std::string why) -> std::unique_ptr<Store> {
    error = path + ": " + why + "; refusing to start over it";
    sqlite3_close(db);
    return nullptr;
  };
  sqlite3_busy_timeout(db, 5000);
  const int app_id = pragmaInt(db, "PRAGMA application_id");
  if (app_id < 0) {
    return fail("not a SQLite database or damaged (" + std::string(sqlite3_errmsg(db)) + ")");
  }
  if (existed && app_id != kApplicationId) {
    const int tables = pragmaInt(db, "SELECT count(*) FROM sqlite_master");
    if (tables != 0) {
      return fail("not a relais database (foreign application_id)");
    }
  }
  {
    Statement q(db, "PRAGMA quick_check");
    if (!q || sqlite3_step(q.get()) != SQLITE_ROW ||
        std::string(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0))) != "ok") {
      return fail("integrity check failed");
    }
  }
  const int version = pragmaInt(db, "PRAGMA user_version");
  if (app_id == kApplicationId && version > kSchemaVersion) {
    return fail("written by a newer relais (schema " + std::to_string(version) + ")");
  }
  const char* sync_sql = sync == SyncLevel::kFull     ? "PRAGMA synchronous=FULL"
                         : sync == SyncLevel::kNormal ? "PRAGMA synchronous=NORMAL"
                                                      : "PRAGMA synchronous=OFF";
  // A 16 MiB page cache keeps the indexes' hot pages across group commits. No memory map: it
  // measured no faster here, and an I/O error on a mapped page would be a SIGBUS, not an error.
  const std::string setup = std::string("PRAGMA journal_mode=WAL;") + sync_sql +
                            ";"
                            "PRAGMA cache_size=-16384;"
                            "PRAGMA application_id=" +
                            std::to_string(kApplicationId) + ";";
  char* message = nullptr;
  if (sqlite3_exec(db, setup.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "setup failed";
    sqlite3_free(message);
    return fail(why);
  }
  if (app_id == kApplicationId && version == 1) {
    if (auto e = migrateFrom1(db)) {
      return fail(*e);
    }
  }
  const std::string schema =
      std::string(kSchema) + "PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";";
  if (sqlite3_exec(db, schema.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "setup failed";
    sqlite3_free(message);
    return fail(why);
  }
  auto store = std::make_unique<SqliteStore>(db);
  if (auto e = store->prepare()) {
    error = *e;
    return nullptr;
  }
  store->checkpointInBackground(path, sync_sql);
  return store;
}

}  // namespace relais::daemon
