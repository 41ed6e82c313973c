// What durability and automatic answers cost a Submit, measured through Core (reader, router,
// storage) in one run, and how long recovery takes for many journaled contacts.
//   build/bench/core_benchmark --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <unistd.h>

#include "daemon/convert.h"
#include "daemon/core.h"

namespace relais::daemon {
namespace {

// No durability at all: the baseline the journal is compared with.
class NullStore final : public Store {
 public:
  void putContact(const store::v1::ContactRecord&) override { pending_ = true; }
  void putCase(const std::string&, const v1::Case&) override { pending_ = true; }
  std::optional<std::string> commit() override {
    pending_ = false;
    return std::nullopt;
  }
  bool hasPending() const override { return pending_; }
  std::optional<std::string> forEachOpenContact(const ContactFn&) override {
    return std::nullopt;
  }
  std::optional<std::string> forEachClosedAskSince(routing::Instant, const ContactFn&) override {
    return std::nullopt;
  }
  std::optional<std::string> findContact(
      const std::string&, std::optional<store::v1::ContactRecord>& out) override {
    out.reset();
    return std::nullopt;
  }
  std::optional<std::string> closedUpTo(routing::Instant, int,
                                        std::vector<std::string>& ids) override {
    ids.clear();
    return std::nullopt;
  }
  std::optional<std::string> forEachContact(const ContactFn&) override { return std::nullopt; }
  std::optional<std::string> forEachCase(
      const std::function<void(const std::string&, v1::Case&&)>&) override {
    return std::nullopt;
  }

 private:
  bool pending_ = false;
};

std::filesystem::path freshDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("relais-bench-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

// Copies the WAL into the database file and empties it, from a second connection.
void checkpoint(const std::filesystem::path& dir) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2((dir / "relais.db").c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
      SQLITE_OK) {
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }
  sqlite3_close(db);
}

DaemonConfig benchConfig() {
  DaemonConfig config;
  for (auto& q : config.routing.queues) {
    q.max_waiting = 10'000'000;
  }
  config.routing.merge_repeats = false;
  return config;
}

const routing::Instant kStart =
    routing::Instant(std::chrono::sys_days(std::chrono::year{2026} / 3 / 2)) + std::chrono::hours(9);

// Args: {store: 0 none, 1 sqlite sync=off, 2 sqlite sync=normal, 3 sqlite sync=full},
//       {kind: 0 queued repair, 1 automatically answered status request}.
void BM_Submit(benchmark::State& state) {
  const int store_kind = static_cast<int>(state.range(0));
  const bool auto_answer = state.range(1) == 1;
  const auto dir = freshDir("submit");
  std::unique_ptr<Store> store;
  if (store_kind == 0) {
    store = std::make_unique<NullStore>();
  } else {
    std::string error;
    const SyncLevel sync = store_kind == 1   ? SyncLevel::kOff
                           : store_kind == 2 ? SyncLevel::kNormal
                                             : SyncLevel::kFull;
    store = openSqliteStore(dir.string(), sync, error);
    if (!store) {
      state.SkipWithError(error.c_str());
      return;
    }
  }
  const DaemonConfig config = benchConfig();
  Metrics metrics;
  routing::Instant now = kStart;
  Core core(config, *store, metrics, [&now] { return now; });
  (void)core.recover();

  // Enough cases that no tenant asks twice in a run: every Submit is a first ask.
  constexpr int kCases = 200000;
  if (auto_answer) {
    for (int i = 0; i < kCases; ++i) {
      v1::Case c;
      c.set_case_ref("RC-2026-" + std::to_string(100000 + i));
      c.set_tenant_id("T" + std::to_string(i));
      c.set_kind("réparation");
      c.set_status("planifiée");
      *c.mutable_updated_at() = toTimestamp(kStart);
      *c.mutable_expected_at() = toTimestamp(kStart + std::chrono::hours(24 * 365));
      c.set_next_step("passage du plombier");
      v1::UpsertCaseReply reply;
      (void)core.upsertCase(c, reply);
    }
    (void)core.commit();
  }
  if (store_kind != 0) {
    // Start every SQLite row from an empty WAL, so that no row pays for checkpointing its
    // setup's writes (the 200,000 cases) inside the timed loop.
    checkpoint(dir);
  }

  long i = 0;
  long auto_answered = 0;
  v1::Contact contact;
  contact.set_channel(v1::CHANNEL_WEB);
  for (auto _ : state) {
    const int n = static_cast<int>(i % kCases);
    contact.set_contact_id("b" + std::to_string(i));
    contact.set_tenant_id("T" + std::to_string(auto_answer ? n : static_cast<int>(i)));
    contact.set_text(auto_answer ? "Bonjour, où en est ma demande RC-2026-" +
                                       std::to_string(100000 + n) + " ? Merci."
                                 : "Bonjour, le robinet de la cuisine fuit depuis hier, pouvez-vous "
                                   "envoyer un plombier ? Merci.");
    v1::SubmitReply reply;
    (void)core.submit(contact, reply);
    auto_answered += reply.outcome() == v1::OUTCOME_AUTO_ANSWERED;
    // A strand batch under load holds a few dozen Submits: commit as relaisd does.
    if (++i % 32 == 0) {
      (void)core.commit();
    }
    now += std::chrono::seconds(1);
  }
  (void)core.commit();
  state.SetItemsProcessed(state.iterations());
  state.counters["auto_answered_share"] =
      static_cast<double>(auto_answered) / static_cast<double>(std::max<long>(1, i));
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_Submit)
    ->ArgNames({"store", "auto"})
    ->Args({0, 0})
    ->Args({2, 0})
    ->Args({3, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Args({2, 1})
    ->Unit(benchmark::kMicrosecond);

// Recovery of N journaled contacts: 5% waiting, the rest closed.
void BM_Recover(benchmark::State& state) {
  const long count = state.range(0);
  const auto dir = freshDir("recover");
  {
    std::string error;
    auto store = openSqliteStore(dir.string(), SyncLevel::kOff, error);
    if (!store) {
      state.SkipWithError(error.c_str());
      return;
    }
    store::v1::ContactRecord r;
    r.mutable_contact()->set_channel(v1::CHANNEL_EMAIL);
    r.mutable_contact()->set_text(
        "Bonjour, le radiateur de la chambre ne chauffe plus depuis lundi. Merci de passer.");
    r.mutable_reading()->set_intent(v1::INTENT_REPAIR);
    r.mutable_reading()->set_gist("Le radiateur de la chambre ne chauffe plus depuis lundi.");
    r.set_queue("technical");
    for (long i = 0; i < count; ++i) {
      r.mutable_contact()->set_contact_id("r" + std::to_string(i));
      r.mutable_contact()->set_tenant_id("T" + std::to_string(i));
      const auto at = toTimestamp(kStart - std::chrono::hours(48) + std::chrono::seconds(i % 86400));
      *r.mutable_contact()->mutable_received_at() = at;
      *r.mutable_enqueued_at() = at;
      *r.mutable_updated_at() = at;
      r.set_state(i % 20 == 0 ? v1::CONTACT_STATE_WAITING : v1::CONTACT_STATE_COMPLETED);
      store->putContact(r);
      if (i % 50000 == 49999) {
        (void)store->commit();
      }
    }
    (void)store->commit();
  }
  const DaemonConfig config = benchConfig();
  using Seconds = std::chrono::duration<double>;
  for (auto _ : state) {
    // Timed by hand: opening the file and recovering, not tearing down.
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    auto store = openSqliteStore(dir.string(), SyncLevel::kNormal, error);
    if (!store) {
      state.SkipWithError(error.c_str());
      break;
    }
    const auto opened = std::chrono::steady_clock::now();
    Metrics metrics;
    Core core(config, *store, metrics, [] { return kStart; });
    if (auto e = core.recover()) {
      state.SkipWithError(e->c_str());
    }
    benchmark::DoNotOptimize(core.contactCount());
    const auto end = std::chrono::steady_clock::now();
    state.SetIterationTime(Seconds(end - start).count());
    // Where the time went: opening (integrity check included) and reading back.
    state.counters["open_s"] = Seconds(opened - start).count();
    state.counters["recover_s"] = Seconds(end - opened).count();
  }
  state.counters["contacts"] = static_cast<double>(count);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_Recover)
    ->Arg(10000)
    ->Arg(1000000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace relais::daemon
