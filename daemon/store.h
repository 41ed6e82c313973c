// Store: where relaisd keeps contacts and cases so that nothing acknowledged is lost. Writes are
// buffered and made durable together by commit() (group commit: one transaction per strand
// turn). Not thread-safe: owned by the routing strand. SQLite is the embedded default; the
// interface leaves room for a PostgreSQL backend without touching routing/.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "daemon/config.h"
#include "relais/store/v1/records.pb.h"
#include "relais/v1/case_feed.pb.h"

namespace relais::daemon {

class Store {
 public:
  virtual ~Store() = default;

  virtual void putContact(const store::v1::ContactRecord& record) = 0;
  virtual void putCase(const std::string& case_key, const v1::Case& c) = 0;
  // Makes every put since the last commit durable, in one transaction. On failure nothing of
  // the batch is kept and the error is returned.
  virtual std::optional<std::string> commit() = 0;
  virtual bool hasPending() const = 0;

  virtual std::optional<std::string> forEachContact(
      const std::function<void(store::v1::ContactRecord&&)>& fn) = 0;
  virtual std::optional<std::string> forEachCase(
      const std::function<void(const std::string& key, v1::Case&&)>& fn) = 0;
};

// Opens (creating when absent) `dir`/relais.db. Refuses a file that is not a relais database or
// is damaged, with `error` saying why; it never starts empty over existing data.
std::unique_ptr<Store> openSqliteStore(const std::string& dir, SyncLevel sync, std::string& error);

}  // namespace relais::daemon
