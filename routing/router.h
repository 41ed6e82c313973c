// Router: the routing engine. Owns waiting contacts, agents and offers; decides which contact
// goes to which agent and when. Pure and single-threaded: every call takes `now`, nothing reads
// a clock, nothing blocks. The caller (the daemon's strand, or the simulator) serialises calls.
//
// Side effects come out as RouterEvents, drained with takeEvents() after each call: the daemon
// turns them into stream messages to agents, journal records and metrics.
//
//   Router r(config);
//   r.connectAgent(spec, now);
//   auto d = r.submit(contact, now);     // d.kind == SubmitDecision::Kind::kQueued
//   for (auto& e : r.takeEvents()) ...   // RouterEvent::Kind::kOffered to the agent
//   r.advance(later);                    // offer timeouts, wrap-up ends, aging
//
// Behaviour in brief (details next to each call and in routing/internal/router_impl.h):
//  - Queue: by intent rule (RoutingConfig::rules); high-reassurance or vulnerable tenants go to
//    reassurance_queue unless the contact is urgent. Order: PriorityWeights (routing_config.h).
//  - Matching: continuity first (the agent who last accepted a contact of the same case, or of
//    the tenant if it serves the queue, gets it if it can take it within continuity_window; not
//    for urgent or aggressive contacts), then the queue's ring skills (bullseye: ring k opens
//    after ring_thresholds[k-1] of wait; required_skills always apply), higher proficiency, least
//    occupied, longest idle. A freed agent takes the best contact it may serve.
//  - Repeats: a non-phone contact of the same tenant and channel with the same non-empty
//    case_ref, or both without case_ref and the same intent, joins the earlier one while that
//    one still waits (kMerged). Phone calls never merge.
//  - Event reasons: kQueued "submitted" | "declined" | "timeout" | "disconnect" | "agent_break"
//    | "restore_hold_expired"; kOfferWithdrawn "declined" | "timeout" | "disconnect" |
//    "agent_break" | "abandoned"; kAgentState "connected" | "disconnected" | "manual" | "offer"
//    | "accepted" | "completed" | "wrap_up_end" | "missed_offers" | a withdrawal reason.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/agent.h"
#include "routing/channel.h"
#include "routing/reading.h"
#include "routing/routing_config.h"
#include "routing/time.h"

namespace relais::routing {

// A contact handed to the router for queueing (already read; automatic answers decided
// elsewhere).
struct ContactSpec {
  std::string id;
  Channel channel = Channel::kEmail;
  std::string tenant_id;
  std::string case_ref;  // normalised reference from the client or the reader; may be empty
  std::string subject;
  std::string text;
  Instant received_at{};
  Reading reading;
  bool vulnerable = false;
  // Skills an agent must have whatever the wait (e.g. "lang:ar"); never widened away.
  std::vector<std::string> required_skills;
  // Set by the daemon when a person must answer with priority (e.g. an automatic answer that
  // did not serve the tenant); adds the configured boost.
  bool priority_boost = false;
};

struct SubmitDecision {
  enum class Kind : unsigned char {
    kQueued,
    kMerged,           // joined `merged_into`, which keeps its place
    kCallbackOffered,  // phone, long wait: queued, but the caller may take a callback
    kRejectedFull,     // queue at its maximum; retry after `retry_after`
    kDuplicate,        // the id is already known to the router (caller bug or replay)
  };
  Kind kind = Kind::kQueued;
  std::string queue;
  int position = 0;  // 1-based among waiting contacts of the same queue and channel
  Duration estimated_wait{0};
  std::string merged_into;
  Duration retry_after{0};
};

enum class ContactPhase : unsigned char { kWaiting, kOffered, kAssigned, kCallbackOffered };

// A live contact as GetContact shows it.
struct ContactView {
  std::string id;
  ContactPhase phase = ContactPhase::kWaiting;
  std::string queue;
  Channel channel = Channel::kEmail;
  int position = 0;
  Duration estimated_wait{0};
  std::string agent_id;  // offered to or handled by
  bool callback = false;
};

// Errors of agent-side calls, mapped to gRPC codes at the service edge.
enum class RouterError : unsigned char {
  kOk,
  kUnknownAgent,      // agent not connected               -> FAILED_PRECONDITION
  kAgentConnected,    // connectAgent on a connected id     -> ALREADY_EXISTS
  kUnknownContact,    // no such live contact               -> NOT_FOUND
  kNotOfferedToYou,   // accept/decline of someone else's or an expired offer -> FAILED_PRECONDITION
  kNotAssignedToYou,  // complete of a contact the agent does not hold       -> FAILED_PRECONDITION
  kBadState,          // e.g. setting BUSY by hand          -> INVALID_ARGUMENT
  kNotCallback,       // acceptCallback on a contact not offered one -> FAILED_PRECONDITION
};
std::string_view routerErrorMessage(RouterError e);

struct RouterEvent {
  enum class Kind : unsigned char {
    kQueued,          // contact entered a queue (also after a withdrawn offer: see reason)
    kMerged,          // contact `contact` merged into `other`
    kOffered,         // contact offered to agent; expires at `deadline`
    kOfferWithdrawn,  // offer ended without acceptance; reason: declined|timeout|disconnect
    kAccepted,
    kCompleted,
    kCallbackAccepted,
    kAgentState,  // agent changed state (`state`); reason says why
  };
  Kind kind;
  Instant at{};
  std::string contact;
  std::string agent;
  std::string other;  // merged_into
  std::string reason;
  std::string queue;
  Channel channel = Channel::kEmail;
  AgentState state = AgentState::kOffline;
  Instant deadline{};
  Duration waited{0};  // kOffered/kAccepted: how long the contact has waited
  bool aggressive = false;
};

// An offer as the agent console needs it to show the contact.
struct OfferDetails {
  std::string contact_id;
  std::string agent_id;
  std::string queue;
  Channel channel = Channel::kEmail;
  std::string tenant_id;
  std::string case_ref;
  std::string subject;
  std::string text;  // every merged text, oldest first, separated by a blank line
  Reading reading;
  Instant received_at{};
  Instant expires_at{};
  bool callback = false;
  std::string callback_number;
  std::string match_reason;
};

struct QueueChannelSnapshot {
  std::string queue;
  Channel channel = Channel::kEmail;
  int waiting = 0;
  int callbacks_waiting = 0;
  Duration oldest_wait{0};
  Duration estimated_wait{0};
  Duration target{0};
  double service_level = 1.0;  // share answered within target over the recent window
};

struct AgentSnapshot {
  std::string id;
  AgentState state = AgentState::kOffline;
  PerChannel<int> load{};
  int aggressive_last_hour = 0;
  int aggressive_shift = 0;
  double occupancy = 0.0;  // share of capacity in use now, 0-1
};

struct RouterSnapshot {
  std::vector<QueueChannelSnapshot> queues;
  PerChannel<int> waiting_by_channel{};
  std::array<int, kAgentStateCount> agents_by_state{};
  std::vector<AgentSnapshot> agents;
};

class Router {
 public:
  explicit Router(RoutingConfig config);
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  const RoutingConfig& config() const;

  // Intake side.
  SubmitDecision submit(ContactSpec contact, Instant now);
  RouterError acceptCallback(std::string_view contact_id, std::string_view number, Instant now);
  // Removes a waiting contact (caller hung up, or retention); false when not waiting. A contact
  // being offered is also removed (kOfferWithdrawn, reason "abandoned"); an assigned one is not.
  bool abandon(std::string_view contact_id, Instant now);

  // Agent side.
  // `initial` is kAvailable or kBreak (else kBadState). An agent that was connected before keeps
  // its history (contacts still assigned, incivility exposure, wrap-up).
  RouterError connectAgent(AgentSpec agent, Instant now,
                           AgentState initial = AgentState::kAvailable);
  // Console gone: agent OFFLINE, pending offers back to their queue at once. Contacts already
  // accepted stay assigned to it (they are being handled on the phone or in the mail tool).
  void disconnectAgent(std::string_view agent_id, Instant now);
  // kAvailable (ends a break, ends wrap-up early, resets missed offers) or kBreak (pending
  // offers go back to their queues); BUSY, WRAP_UP and OFFLINE are derived: kBadState.
  RouterError setAgentState(std::string_view agent_id, AgentState state, Instant now);
  RouterError accept(std::string_view agent_id, std::string_view contact_id, Instant now);
  // The contact waits again with its original enqueue time and is not offered to this agent for
  // RoutingConfig::decline_avoid. Declines are not misses (only offer timeouts count).
  RouterError decline(std::string_view agent_id, std::string_view contact_id, Instant now);
  // Also accepted from an agent that has disconnected meanwhile (it finished on the phone).
  RouterError complete(std::string_view agent_id, std::string_view contact_id,
                       const Disposition& disposition, Instant now);

  // Fires what is due by `now`: offer timeouts, wrap-up ends, cool-downs, then dispatches.
  void advance(Instant now);
  // The earliest instant at which advance() has something to do, if any. Every call also fires
  // what is due by its `now` first, so advance() is only needed when nothing else happens.
  std::optional<Instant> nextDeadline() const;

  std::vector<RouterEvent> takeEvents();

  // A merged contact's id finds the contact it joined (view of that one).
  std::optional<ContactView> findContact(std::string_view contact_id, Instant now) const;
  // For offered and assigned contacts (expires_at is set while offered).
  std::optional<OfferDetails> offerDetails(std::string_view contact_id) const;
  // O(waiting + agents): for metrics every few seconds, not per request.
  RouterSnapshot snapshot(Instant now) const;
  std::size_t waitingCount() const;

  // Recovery after a restart: puts back a contact that was waiting (or offered: it waits again)
  // with its original enqueue time, without merging or overload checks, and one that an agent
  // was handling, held for that agent until it reconnects or `hold_until` passes (then it waits
  // again, kQueued reason "restore_hold_expired"). No events and no offers here (there is no
  // `now`): call advance(now) once the journal is replayed. Known ids are ignored.
  void restoreWaiting(ContactSpec contact, Instant enqueued_at, bool callback,
                      std::string callback_number);
  void restoreAssigned(ContactSpec contact, std::string agent_id, Instant hold_until);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relais::routing
