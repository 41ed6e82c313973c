// Core: relaisd's routing state (router, contact reader, contact ledger, cases) and every
// operation the gRPC services perform on it. Not thread-safe by design: exactly one strand owns
// a Core and calls it; gRPC handlers post to that strand and finish their RPC from the result.
// Writes go to the Store; the caller commits them (group commit) before answering.
#pragma once

#include <grpcpp/support/status.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/config.h"
#include "daemon/convert.h"
#include "daemon/metrics.h"
#include "daemon/store.h"
#include "relais/v1/agent_desk.pb.h"
#include "relais/v1/case_feed.pb.h"
#include "relais/v1/intake.pb.h"
#include "relais/v1/supervision.pb.h"
#include "routing/auto_answer.h"
#include "routing/case_book.h"
#include "routing/contact_reader.h"
#include "routing/router.h"

namespace relais::daemon {

// Where a connected agent's events go: the Connect stream's reactor, or a fake in tests.
class AgentSink {
 public:
  virtual ~AgentSink() = default;
  virtual void send(v1::AgentEvent event) = 0;
  // Ends the stream with UNAVAILABLE and `why` (the daemon is stopping).
  virtual void end(const std::string& why) = 0;
};

class Core {
 public:
  using Clock = std::function<routing::Instant()>;

  Core(const DaemonConfig& config, Store& store, Metrics& metrics, Clock clock);
  ~Core();

  // Rebuilds queues and cases from the store. Call once, before serving.
  std::optional<std::string> recover();

  // `pre_read`: the reading, when the caller already made it off the strand (read()); moved from.
  grpc::Status submit(const v1::Contact& contact, v1::SubmitReply& reply,
                      long long* retry_after_seconds = nullptr,
                      routing::Reading* pre_read = nullptr);
  // Reads a contact without touching routing state: safe from any thread.
  routing::Reading read(const v1::Contact& contact) const;
  grpc::Status getContact(const v1::GetContactRequest& request, v1::ContactStatus& reply);
  grpc::Status acceptCallback(const v1::AcceptCallbackRequest& request, v1::ContactStatus& reply);
  grpc::Status feedback(const v1::FeedbackRequest& request, v1::ContactStatus& reply);
  grpc::Status abandon(const v1::AbandonRequest& request, v1::ContactStatus& reply);

  grpc::Status connectAgent(const v1::ConnectRequest& request, AgentSink& sink);
  // The console's stream ended. Ignored when `sink` is no longer the agent's current stream.
  void disconnectAgent(const std::string& agent_id, const AgentSink& sink);
  // Ends every agent's stream, so that a stopping server need not wait for them.
  void endAgentStreams(const std::string& why);
  grpc::Status setState(const v1::SetStateRequest& request, v1::SetStateReply& reply);
  grpc::Status acceptOffer(const v1::OfferAction& request, v1::OfferActionReply& reply);
  grpc::Status declineOffer(const v1::OfferAction& request, v1::OfferActionReply& reply);
  grpc::Status complete(const v1::CompleteRequest& request, v1::OfferActionReply& reply);

  grpc::Status upsertCase(const v1::Case& request, v1::UpsertCaseReply& reply);
  grpc::Status closeCase(const v1::CloseCaseRequest& request, v1::UpsertCaseReply& reply);

  void snapshot(v1::SnapshotReply& reply);

  // Fires the router's due timers (offer timeouts, wrap-up ends...).
  void advance();
  std::optional<routing::Instant> nextDeadline() const;
  // Updates the queue and agent gauges.
  void refreshGauges();
  // Erases text and identities of contacts closed longer ago than the retention, at most
  // `purge_batch` of them per call, oldest first (the store says which are due); returns how
  // many were purged.
  int purgeExpired();
  // Makes pending writes durable; returns an error when storage failed.
  std::optional<std::string> commit();

  // Contacts held in memory: the open ones, and closed ones touched since the start.
  std::size_t contactCount() const { return ledger_.size(); }

 private:
  struct AgentEntry {
    AgentSink* sink = nullptr;
    routing::AgentState state = routing::AgentState::kOffline;
    routing::Instant since{};
  };

  void applyEvents();
  // The ledger record of `contact_id`, or INVALID_ARGUMENT / NOT_FOUND naming the field.
  grpc::Status lookup(const std::string& contact_id, store::v1::ContactRecord*& out);
  // Marks a ledger record changed; commit() writes it to the store once, however many times it
  // changed since the last commit (a queued Submit changes its record twice). `record` must
  // live in ledger_, whose nodes do not move.
  void save(store::v1::ContactRecord& record);
  void writeUnsaved();
  // After a successful commit: drops closed records from the ledger (see closed_in_ledger_).
  void evictClosed();
  void fillStatus(const store::v1::ContactRecord& record, v1::ContactStatus& out) const;
  void fillAgentStatus(const std::string& agent_id, v1::AgentStatus& out) const;
  routing::ContactSpec specFor(const store::v1::ContactRecord& record) const;
  // Queues a contact for a person (new, escalated, or after negative feedback).
  routing::SubmitDecision route(store::v1::ContactRecord& record, routing::Instant now);
  void countOutcome(const v1::SubmitReply& reply, routing::Channel channel);
  void countEscalation(routing::Escalation why);
  // Stores the reply to replay on resubmission, without its reading (the record has it).
  static void keepReply(v1::SubmitReply& reply, store::v1::ContactRecord& record);
  // The reply a resubmission gets: the first one, its reading restored.
  static void replay(const store::v1::ContactRecord& record, v1::SubmitReply& reply);
  grpc::Status offerAction(const v1::OfferAction& request, v1::OfferActionReply& reply,
                           bool accept);
  void sendOffer(AgentSink& sink, const routing::OfferDetails& details);

  const DaemonConfig& config_;
  Store& store_;
  Metrics& metrics_;
  Clock clock_;
  routing::ContactReader reader_;
  routing::Router router_;
  ContactLimits limits_;
  // Open contacts, and closed ones only until their last write is committed (evictClosed);
  // the store holds the rest and lookup() reads them back when asked for.
  std::unordered_map<std::string, store::v1::ContactRecord> ledger_;
  // Ids of ledger records written closed or read back from the store since the last commit.
  std::vector<std::string> closed_in_ledger_;
  std::vector<store::v1::ContactRecord*> unsaved_;
  std::unordered_map<std::string, AgentEntry> agents_;
  routing::CaseBook cases_;
  routing::AutoAnswerer answerer_;
  routing::AskHistory asks_;
  long long auto_answered_ = 0;
  long long to_people_ = 0;
  struct OutcomeSeries {
    prometheus::Counter* received = nullptr;
    prometheus::Counter* outcome = nullptr;
    prometheus::Counter* auto_answers = nullptr;  // null unless the outcome is an automatic answer
  };
  std::map<std::pair<routing::Channel, v1::Outcome>, OutcomeSeries> outcome_series_;
  std::map<routing::Escalation, prometheus::Counter*> escalation_series_;
  prometheus::Gauge& containment_;
};

}  // namespace relais::daemon
