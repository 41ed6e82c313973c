#include "daemon/wal_checkpointer.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

namespace relais::daemon {

WalCheckpointer::WalCheckpointer(const std::string& path, const std::string& synchronous_sql) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      sqlite3_exec(db_, synchronous_sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    spdlog::warn("storage: no background checkpoints ({}); the writer checkpoints itself",
                 db_ ? sqlite3_errmsg(db_) : "cannot open");
    sqlite3_close(db_);
    db_ = nullptr;
    return;
  }
  sqlite3_busy_timeout(db_, 5000);
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "relais-wal");
    run();
  });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) {
    thread_.join();
  }
  sqlite3_close(db_);
}

void WalCheckpointer::nudge() {
  {
    std::lock_guard lock(mutex_);
    wanted_ = true;
  }
  wake_.notify_one();
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) {
      return;
    }
    wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs and never blocks the writer; the writer
    // starts the log over at its next commit once everything is copied.
    int log_frames = 0;
    int copied = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_frames, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      spdlog::error("storage: checkpoint failed: {}", sqlite3_errmsg(db_));
    }
    lock.lock();
  }
}

}  // namespace relais::daemon
