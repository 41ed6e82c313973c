// SQLite backend of Store: WAL mode, one row per contact and per case, each row's body a
// serialized protobuf record so the schema rarely changes.
#include <sqlite3.h>

#include <filesystem>
#include <unordered_map>

#include "daemon/store.h"

namespace relais::daemon {
namespace {

// "RLAI" in ASCII: marks a file as ours, so a foreign SQLite database is refused.
constexpr int kApplicationId = 0x524c4149;
constexpr int kSchemaVersion = 1;

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

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override {
    if (hasPending()) {
      (void)commit();
    }
    put_contact_.reset();
    put_case_.reset();
    sqlite3_close(db_);
  }

  std::optional<std::string> prepare() {
    put_contact_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO contacts(id, state, updated_us, body) VALUES(?1, ?2, ?3, ?4) "
        "ON CONFLICT(id) DO UPDATE SET state=excluded.state, updated_us=excluded.updated_us, "
        "body=excluded.body");
    put_case_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO cases(case_key, body) VALUES(?1, ?2) "
        "ON CONFLICT(case_key) DO UPDATE SET body=excluded.body");
    if (!*put_contact_ || !*put_case_) {
      return std::string("cannot prepare statements: ") + sqlite3_errmsg(db_);
    }
    return std::nullopt;
  }

  void putContact(const store::v1::ContactRecord& record) override {
    pending_contacts_[record.contact().contact_id()] = record.SerializeAsString();
    pending_states_[record.contact().contact_id()] = {
        static_cast<int>(record.state()),
        record.updated_at().seconds() * 1'000'000 + record.updated_at().nanos() / 1000};
  }

  void putCase(const std::string& case_key, const v1::Case& c) override {
    pending_cases_[case_key] = c.SerializeAsString();
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
    pending_states_.clear();
    pending_cases_.clear();
    return error;
  }

  std::optional<std::string> forEachContact(
      const std::function<void(store::v1::ContactRecord&&)>& fn) override {
    Statement q(db_, "SELECT id, body FROM contacts");
    if (!q) {
      return std::string(sqlite3_errmsg(db_));
    }
    int rc;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
      store::v1::ContactRecord record;
      const void* body = sqlite3_column_blob(q.get(), 1);
      const int size = sqlite3_column_bytes(q.get(), 1);
      if (!record.ParseFromArray(body, size)) {
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
  std::optional<std::string> write() {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return std::string("begin: ") + sqlite3_errmsg(db_);
    }
    for (const auto& [id, body] : pending_contacts_) {
      const auto& [state, updated] = pending_states_[id];
      auto* s = put_contact_->get();
      sqlite3_bind_text(s, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      sqlite3_bind_int(s, 2, state);
      sqlite3_bind_int64(s, 3, updated);
      sqlite3_bind_blob(s, 4, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
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
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return rollback(std::string("commit: ") + sqlite3_errmsg(db_));
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

  std::string rollback(std::string error) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  }

  sqlite3* db_;
  std::unique_ptr<Statement> put_contact_;
  std::unique_ptr<Statement> put_case_;
  std::unordered_map<std::string, std::string> pending_contacts_;
  std::unordered_map<std::string, std::pair<int, long long>> pending_states_;
  std::unordered_map<std::string, std::string> pending_cases_;
};

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
  const std::string setup = std::string("PRAGMA journal_mode=WAL;") + sync_sql +
                            ";"
                            "PRAGMA application_id=" +
                            std::to_string(kApplicationId) +
                            ";"
                            "PRAGMA user_version=" +
                            std::to_string(kSchemaVersion) +
                            ";"
                            "CREATE TABLE IF NOT EXISTS contacts(id TEXT PRIMARY KEY, state INTEGER "
                            "NOT NULL, updated_us INTEGER NOT NULL, body BLOB NOT NULL);"
                            "CREATE TABLE IF NOT EXISTS cases(case_key TEXT PRIMARY KEY, body BLOB "
                            "NOT NULL);";
  char* message = nullptr;
  if (sqlite3_exec(db, setup.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "setup failed";
    sqlite3_free(message);
    return fail(why);
  }
  auto store = std::make_unique<SqliteStore>(db);
  if (auto e = store->prepare()) {
    error = *e;
    return nullptr;
  }
  return store;
}

}  // namespace relais::daemon
