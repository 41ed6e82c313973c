// WalCheckpointer: copies SQLite's write-ahead log back into the database file on a thread of
// its own, so that the routing strand's commits never wait for a checkpoint and its fsync.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace relais::daemon {

class WalCheckpointer {
 public:
  // Opens its own connection to `path` (already in WAL mode) with `synchronous_sql` ("PRAGMA
  // synchronous=..."), so checkpoints sync the file as the writer's settings say.
  WalCheckpointer(const std::string& path, const std::string& synchronous_sql);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // False when the connection could not be opened: the writer must checkpoint by itself.
  bool running() const { return thread_.joinable(); }
  // Asks for a checkpoint soon; returns at once. Safe from any thread.
  void nudge();

 private:
  void run();

  sqlite3* db_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace relais::daemon
