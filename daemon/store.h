// Store: where relaisd keeps contacts and cases so that nothing acknowledged is lost. Writes are
// buffered and made durable together by commit() (group commit: one transaction per strand
// turn). Not thread-safe: owned by the routing strand. SQLite is the embedded default; the
// interface leaves room for a PostgreSQL backend without touching routing/.
//
// Recovery reads only what must live in memory: open contacts (they are rebuilt into the
// router) and the recent status requests (repeated asks span restarts). Closed contacts stay in
// the store and are read one at a time when asked for (GetContact, a retried Submit), and the
// retention purge asks the store which of them are due.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/config.h"
#include "relais/store/v1/records.pb.h"
#include "relais/v1/case_feed.pb.h"

namespace relais::daemon {

// Completed, answered automatically, merged or abandoned: nothing more happens to the contact
// unless negative feedback reopens an automatic answer.
inline bool closedState(v1::ContactState s) {
  return s == v1::CONTACT_STATE_COMPLETED || s == v1::CONTACT_STATE_AUTO_ANSWERED ||
         s == v1::CONTACT_STATE_MERGED || s == v1::CONTACT_STATE_ABANDONED;
}

// A status request about a known case: what the repeated-asks history counts.
inline bool isCaseAsk(const store::v1::ContactRecord& r) {
  return r.reading().intent() == v1::INTENT_STATUS_REQUEST && !r.case_key().empty();
}

class Store {
 public:
  using ContactFn = std::function<void(store::v1::ContactRecord&&)>;

  virtual ~Store() = default;

  virtual void putContact(const store::v1::ContactRecord& record) = 0;
  virtual void putCase(const std::string& case_key, const v1::Case& c) = 0;
  // Makes every put since the last commit durable, in one transaction. On failure nothing of
  // the batch is kept and the error is returned.
  virtual std::optional<std::string> commit() = 0;
  virtual bool hasPending() const = 0;

  // Every contact not closed (waiting, offered, assigned, callback offered).
  virtual std::optional<std::string> forEachOpenContact(const ContactFn& fn) = 0;
  // Closed, not purged status requests about a case (isCaseAsk) last updated at or after
  // `since`.
  virtual std::optional<std::string> forEachClosedAskSince(routing::Instant since,
                                                           const ContactFn& fn) = 0;
  // The contact `id` as last put (committed or not); nullopt in `out` when there is none.
  virtual std::optional<std::string> findContact(const std::string& id,
                                                 std::optional<store::v1::ContactRecord>& out) = 0;
  // Ids of closed, not purged contacts last updated at or before `cutoff` as committed, oldest
  // first, at most `limit`.
  virtual std::optional<std::string> closedUpTo(routing::Instant cutoff, int limit,
                                                std::vector<std::string>& ids) = 0;
  // Every contact, closed ones included (tests and tools; not used by recovery).
  virtual std::optional<std::string> forEachContact(const ContactFn& fn) = 0;
  virtual std::optional<std::string> forEachCase(
      const std::function<void(const std::string& key, v1::Case&&)>& fn) = 0;
};

// Opens (creating when absent) `dir`/relais.db. Refuses a file that is not a relais database or
// is damaged, with `error` saying why; it never starts empty over existing data. A database of
// an older schema is migrated in place.
std::unique_ptr<Store> openSqliteStore(const std::string& dir, SyncLevel sync, std::string& error);

}  // namespace relais::daemon
