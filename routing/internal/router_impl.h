// Router::Impl: the engine's state and the operations the public Router calls compose. Private
// to routing/; single-threaded like Router itself.
//
// Layout, and why it is fast with 100,000 waiting contacts and thousands of agents:
//  - Each (queue, channel) keeps its waiting contacts twice: an ordered index of all of them (for
//    positions) and "sub-buckets" of the ones that may be dispatched, split by eligibility class
//    (required-skill set, incivility phase, bullseye ring). Within a (queue, channel) the order
//    key = base - wait_weight * enqueued / target does not depend on `now` (see PriorityWeights),
//    so every sub-bucket is an ordered set and only its head matters.
//  - A contact moves between sub-buckets when its wait crosses a ring threshold or the
//    de-escalation wait, driven by timers; nothing is rescanned as time passes.
//  - Agents that can take one more contact on a channel sit in one ordered set per (skill,
//    channel), best first (proficiency, least occupied, longest idle). A new contact looks at the
//    sets of its ring skills; a freed agent looks at the heads of the sub-buckets it may serve.
//  - Every call first fires due timers, then records which contacts and agents it touched and
//    ends with flush(): touched agents pick their best contact, then touched contacts (best
//    first) look for a free agent. After every call, no waiting contact is eligible for an agent
//    that could take it.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "routing/internal/router_sorted_blocks.h"
#include "routing/router.h"

namespace relais::routing::internal {

inline constexpr int kNone = -1;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Where an aggressive contact stands: first only de-escalation agents, then anyone eligible.
enum class AggressionPhase : std::uint8_t { kNotAggressive, kDeescalationOnly, kOpen };

struct ContactRec {
  ContactSpec spec;
  std::uint32_t gen = 0;  // bumped when the slot is reused; timers carry it
  bool live = false;
  int queue = 0;
  ContactPhase phase = ContactPhase::kWaiting;
  bool callback_offered = false;
  bool callback = false;
  std::string callback_number;
  Instant enqueued_at{};  // the virtual place; kept across declines, timeouts and callbacks
  std::uint64_t seq = 0;
  double base = 0;  // priority without the wait term
  double key = 0;   // base - wait_weight * enqueued / target: the time-invariant order
  int reqset = 0;   // interned required-skill set
  AggressionPhase aggression = AggressionPhase::kNotAggressive;
  std::uint8_t ring = 0;
  bool in_rank = false;
  bool in_bucket = false;
  bool merge_indexed = false;
  int agent = kNone;  // offered to / assigned to
  Instant offer_deadline{};
  std::string match_reason;
  std::vector<std::string> merged_ids;
  int avoid_agent = kNone;  // declined or missed it lately
  Instant avoid_until{};
  int held_for = kNone;  // continuity hold
  Instant hold_until{};
  bool restore_hold = false;  // restored as assigned to an agent not yet reconnected
  Instant restore_until{};

  bool waiting() const {
    return live && (phase == ContactPhase::kWaiting || phase == ContactPhase::kCallbackOffered);
  }
};

// An agent's place in a (skill, channel) set of agents able to take one more contact.
struct AgentKey {
  int neg_proficiency = 0;
  int occupancy_permille = 0;
  Instant idle_since{};
  int agent = 0;

  friend bool operator<(const AgentKey& a, const AgentKey& b) {
    if (a.neg_proficiency != b.neg_proficiency) {
      return a.neg_proficiency < b.neg_proficiency;
    }
    if (a.occupancy_permille != b.occupancy_permille) {
      return a.occupancy_permille < b.occupancy_permille;
    }
    if (a.idle_since != b.idle_since) {
      return a.idle_since < b.idle_since;
    }
    return a.agent < b.agent;
  }
  friend bool operator==(const AgentKey&, const AgentKey&) = default;
};

struct AgentRec {
  AgentSpec spec;
  bool connected = false;
  bool on_break = false;
  PerChannel<int> capacity{};
  PerChannel<int> load{};  // offered + assigned
  PerChannel<Instant> wrap_until{};
  Instant idle_since{};
  int misses = 0;
  int aggressive_held = 0;  // aggressive contacts offered to or handled by it
  Instant cooldown_until{};
  std::deque<Instant> aggressive_log;  // accepted aggressive contacts within the shift length
  AgentState reported = AgentState::kOffline;
  std::vector<std::pair<int, int>> skills;  // (interned skill, proficiency)
  bool deescalation = false;
  std::vector<int> level_by_queue;  // ring from which the agent serves each queue; kNone: never
  std::vector<int> proficiency_by_queue;
  bool counted = false;  // its capacity is in the queues' eligible capacity
  std::vector<std::pair<int, AgentKey>> memberships;  // (agent set, key) it is in now
  std::vector<int> offers;                            // contacts offered to it
  std::vector<int> assigned;                          // contacts it handles
  std::vector<int> held;                              // contacts held for it (continuity)
};

// A waiting contact in dispatch order: key descending (higher priority first), then seq
// ascending (earlier first). `contact` is carried along, not compared.
struct BucketEntry {
  double key = 0;
  std::uint64_t seq = 0;
  int contact = 0;
};
struct BucketBefore {
  bool operator()(const BucketEntry& a, const BucketEntry& b) const {
    return a.key > b.key || (a.key == b.key && a.seq < b.seq);
  }
};
using ContactOrder = SortedBlocks<BucketEntry, BucketBefore>;

struct Observation {
  Instant at{};
  bool within_target = false;
};

struct QueueChannel {
  ContactOrder rank;  // every waiting contact, held ones too: positions
  // Dispatchable contacts by eligibility class: subKey(reqset, aggression, ring).
  std::map<std::uint64_t, ContactOrder> subs;
  int callbacks = 0;
  int high_reassurance = 0;
  int capacity = 0;                  // capacity of online agents serving the queue
  std::deque<Observation> answered;  // accepts within the observation window
  std::optional<Instant> first_answer;
};

inline std::uint64_t subKey(int reqset, AggressionPhase a, int ring) {
  return (static_cast<std::uint64_t>(reqset) << 16) | (static_cast<std::uint64_t>(a) << 8) |
         static_cast<std::uint64_t>(ring);
}
inline int subReqset(std::uint64_t k) { return static_cast<int>(k >> 16); }
inline AggressionPhase subAggression(std::uint64_t k) {
  return static_cast<AggressionPhase>((k >> 8) & 0xff);
}
inline int subRing(std::uint64_t k) { return static_cast<int>(k & 0xff); }

enum class TimerKind : std::uint8_t {
  kOfferTimeout,
  kContactPhase,  // ring threshold or de-escalation wait crossed
  kHoldEnd,
  kAvoidEnd,
  kRestoreEnd,
  kWrapEnd,
  kAgentRecheck,  // cooldown over, or an aggressive contact left the shift window
};

struct Timer {
  Instant at{};
  TimerKind kind = TimerKind::kOfferTimeout;
  int index = 0;
  std::uint32_t gen = 0;
  friend bool operator>(const Timer& a, const Timer& b) { return a.at > b.at; }
};

}  // namespace relais::routing::internal

namespace relais::routing {

struct Router::Impl {
  using ContactRec = internal::ContactRec;
  using AgentRec = internal::AgentRec;

  explicit Impl(RoutingConfig c);

  RoutingConfig cfg;
  std::vector<RouterEvent> events;

  std::deque<ContactRec> contacts;  // slots, reused through free_slots
  std::vector<int> free_slots;
  internal::StringMap<int> contact_by_id;
  internal::StringMap<std::string> merged_alias;  // merged id -> id it joined
  internal::StringMap<int> merge_index;           // mergeKey -> waiting contact

  std::deque<AgentRec> agents;  // never removed: an agent that left keeps its history
  internal::StringMap<int> agent_by_id;

  internal::StringMap<int> skill_ids;
  std::vector<std::set<internal::AgentKey>> agent_sets;  // skill * kChannelCount + channel
  std::map<std::vector<int>, int> reqset_ids;
  std::vector<std::vector<int>> reqsets;      // sorted skill ids; kNone for a skill nobody has
  std::vector<std::vector<int>> ring_skills;  // per queue: skill id of ring 0, 1, ...
  int deescalation_skill = internal::kNone;

  std::vector<internal::QueueChannel> qcs;  // queue * kChannelCount + channel
  std::vector<int> queue_waiting;

  // Mutable: nextDeadline() drops stale entries from the top.
  mutable std::priority_queue<internal::Timer, std::vector<internal::Timer>, std::greater<>> timers;

  internal::StringMap<std::pair<int, Instant>> continuity;  // "c:case"/"t:tenant" -> agent
  std::deque<std::pair<std::string, Instant>> continuity_order;

  std::vector<std::pair<int, std::uint32_t>> touched_contacts;
  std::vector<int> touched_agents;

  std::uint64_t next_seq = 0;
  Instant last_now{};

  // ---- router_queues.cc: contacts, buckets, positions, estimates ----
  int queueIndex(std::string_view name) const;
  int queueFor(const ContactSpec& c) const;
  int findContact(std::string_view id) const;
  double basePriority(const ContactSpec& c) const;
  double keyOf(const ContactRec& c) const;
  double priorityAt(const ContactRec& c, Instant now) const;
  int ringAt(const ContactRec& c, Instant now) const;
  internal::AggressionPhase aggressionAt(const ContactRec& c, Instant now) const;
  int internReqset(const std::vector<std::string>& skills);
  internal::QueueChannel& qcOf(const ContactRec& c) {
    return qcs[static_cast<std::size_t>(c.queue) * kChannelCount + index(c.spec.channel)];
  }
  const internal::QueueChannel& qcOf(const ContactRec& c) const {
    return qcs[static_cast<std::size_t>(c.queue) * kChannelCount + index(c.spec.channel)];
  }
  int allocate(ContactSpec spec, int queue, Instant enqueued_at);
  void release(int ci);
  // Waiting bookkeeping: rank, counts, merge index, and the sub-bucket unless held.
  void enqueue(int ci, Instant now);
  void dequeue(int ci);
  void bucketInsert(int ci, Instant now);
  void bucketErase(int ci);
  int positionOf(const ContactRec& c) const;
  double serviceRate(int queue, Channel ch, Instant now) const;
  Duration estimateFor(int queue, Channel ch, int position, Instant now) const;
  double serviceLevel(int queue, Channel ch, Instant now) const;
  void recordAnswer(const ContactRec& c, Instant now);
  std::string mergeKey(const ContactSpec& c) const;
  bool mergeable(const ContactSpec& c) const;
  int mergeTarget(const ContactSpec& c) const;
  void mergeInto(int ti, ContactSpec spec, Instant now);
  void remember(const ContactRec& c, int ai, Instant now);
  void expireContinuity(Instant now);
  void setupContinuity(int ci, Instant now);
  ContactView viewOf(const ContactRec& c, Instant now) const;

  // ---- router_agents.cc: agents, states, the agent index ----
  int findAgent(std::string_view id) const;
  int internSkill(const std::string& name);
  int skillOf(std::string_view name) const;
  void loadSpec(int ai, AgentSpec spec);
  bool online(const AgentRec& a) const { return a.connected && !a.on_break; }
  int totalLoad(const AgentRec& a) const;
  double occupancy(const AgentRec& a) const;
  bool hasRoom(const AgentRec& a, Channel ch) const;
  bool canTake(const AgentRec& a, Channel ch, Instant now) const;
  bool hasSkill(const AgentRec& a, int skill) const;
  bool reqsetOk(const AgentRec& a, int reqset) const;
  int aggressiveInShift(const AgentRec& a, Instant now) const;
  bool aggressionOk(const AgentRec& a, Instant now) const;
  AgentState stateOf(const AgentRec& a, Instant now) const;
  void refreshState(int ai, Instant now, std::string_view reason);
  void reindex(int ai, Instant now);
  void recount(int ai);
  void goOffDuty(int ai, Instant now, std::string_view offer_reason);

  // What accept, decline and complete check first, after due timers ran: the agent, the
  // contact, and that the contact is at `phase` with that agent (router_agents.cc).
  struct Held {
    RouterError error = RouterError::kOk;
    int ai = internal::kNone;
    int ci = internal::kNone;
  };
  Held findHeld(std::string_view agent_id, std::string_view contact_id, ContactPhase phase,
                Instant now);

  // ---- router_matching.cc: eligibility, offers, dispatch ----
  bool eligible(int ai, const ContactRec& c, Instant now) const;
  bool eligibleHeld(int ai, const ContactRec& c, Instant now) const;
  bool tryOffer(int ci, Instant now);
  void pickFor(int ai, Instant now);
  void offer(int ci, int ai, Instant now, std::string reason);
  void withdrawOffer(int ci, Instant now, std::string_view reason, bool avoid);
  void unhold(int ci, Instant now);
  void touchContact(int ci) { touched_contacts.emplace_back(ci, contacts[ci].gen); }
  void touchAgent(int ai) { touched_agents.push_back(ai); }
  void flush(Instant now);
  void emit(RouterEvent::Kind kind, Instant now, const ContactRec& c, std::string reason = {});

  // ---- router_timers.cc ----
  void schedule(Instant at, internal::TimerKind kind, int idx, std::uint32_t gen = 0);
  void scheduleContactPhase(int ci, Instant now);
  void processDue(Instant now);
  // Whether a timer no longer has anything to do (its contact moved on, the deadline changed).
  bool stale(const internal::Timer& t) const;
  std::optional<Instant> nextDeadline() const;
};

}  // namespace relais::routing
