#include "daemon/core.h"

#include <algorithm>
#include <chrono>

#include "daemon/convert.h"

namespace relais::daemon {
namespace {

using routing::Instant;

const char* outcomeLabel(v1::Outcome o) {
  switch (o) {
    case v1::OUTCOME_QUEUED:
      return "queued";
    case v1::OUTCOME_AUTO_ANSWERED:
      return "auto_answered";
    case v1::OUTCOME_MERGED:
      return "merged";
    case v1::OUTCOME_CALLBACK_OFFERED:
      return "callback_offered";
    default:
      return "unspecified";
  }
}

grpc::Status routerStatus(routing::RouterError e) {
  using routing::RouterError;
  const std::string message(routing::routerErrorMessage(e));
  switch (e) {
    case RouterError::kOk:
      return grpc::Status::OK;
    case RouterError::kAgentConnected:
      return {grpc::StatusCode::ALREADY_EXISTS, message};
    case RouterError::kUnknownContact:
      return {grpc::StatusCode::NOT_FOUND, message};
    case RouterError::kBadState:
      return {grpc::StatusCode::INVALID_ARGUMENT, message};
    case RouterError::kUnknownAgent:
    case RouterError::kNotOfferedToYou:
    case RouterError::kNotAssignedToYou:
    case RouterError::kNotCallback:
      return {grpc::StatusCode::FAILED_PRECONDITION, message};
  }
  return {grpc::StatusCode::INTERNAL, message};
}

long long wholeSeconds(routing::Duration d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

}  // namespace

Core::Core(const DaemonConfig& config, Store& store, Metrics& metrics, Clock clock)
    : config_(config),
      store_(store),
      metrics_(metrics),
      clock_(std::move(clock)),
      reader_(config.reader),
      router_(config.routing),
      limits_{config.max_text_bytes},
      answerer_(config.auto_answer),
      asks_(config.auto_answer.repeat_window),
      containment_(metrics.containment.Add({})) {}

Core::~Core() = default;

std::optional<std::string> Core::recover() {
  if (auto e = store_.forEachCase(
          [&](const std::string& key, v1::Case&& c) { cases_.upsert(key, fromProto(c)); })) {
    return e;
  }
  // Only open contacts live in the ledger from the start; closed ones are read from the store
  // when asked for (lookup(), a retried Submit) and the retention purge asks the store too.
  if (auto e = store_.forEachOpenContact([&](store::v1::ContactRecord&& r) {
        auto id = r.contact().contact_id();
        ledger_.insert_or_assign(std::move(id), std::move(r));
      })) {
    return e;
  }
  const Instant now = clock_();
  // Repeated asks span restarts: rebuild the recent history of status requests, open or closed.
  auto recordAsk = [&](const store::v1::ContactRecord& record) {
    const Instant received = fromProto(record.contact().received_at());
    if (isCaseAsk(record) && now - received <= config_.auto_answer.repeat_window) {
      asks_.record(record.contact().tenant_id(), record.case_key(), received);
    }
  };
  // A closed record is updated at or after it was received, by relaisd's clock; the day of
  // margin covers a client's received_at ahead of it.
  if (auto e = store_.forEachClosedAskSince(
          now - config_.auto_answer.repeat_window - std::chrono::hours(24),
          [&](store::v1::ContactRecord&& r) { recordAsk(r); })) {
    return e;
  }
  for (auto& [id, record] : ledger_) {
    recordAsk(record);
    switch (record.state()) {
      case v1::CONTACT_STATE_WAITING:
      case v1::CONTACT_STATE_OFFERED:
      case v1::CONTACT_STATE_CALLBACK_OFFERED:
        router_.restoreWaiting(specFor(record), fromProto(record.enqueued_at()),
                               record.callback(), record.callback_number());
        if (record.state() == v1::CONTACT_STATE_OFFERED) {
          record.set_state(v1::CONTACT_STATE_WAITING);
          record.clear_agent_id();
          save(record);
        }
        break;
      case v1::CONTACT_STATE_ASSIGNED:
        router_.restoreAssigned(specFor(record), record.agent_id(), now + config_.assigned_hold);
        break;
      default:
        break;
    }
  }
  router_.advance(now);
  applyEvents();
  return std::nullopt;
}

routing::ContactSpec Core::specFor(const store::v1::ContactRecord& record) const {
  routing::ContactSpec spec;
  const auto& c = record.contact();
  spec.id = c.contact_id();
  spec.channel = fromProto(c.channel()).value_or(routing::Channel::kEmail);
  spec.tenant_id = c.tenant_id();
  spec.case_ref = record.case_key();
  spec.subject = c.subject();
  spec.text = c.text();
  for (const auto& t : record.merged_texts()) {
    spec.text += "\n\n" + t;
  }
  spec.received_at = fromProto(c.received_at());
  const auto& r = record.reading();
  spec.reading.intent = static_cast<routing::Intent>(std::max(0, r.intent() - 1));
  spec.reading.urgent = r.urgent();
  spec.reading.urgency = r.urgency();
  spec.reading.aggressive = r.aggressive();
  spec.reading.reassurance = r.reassurance();
  spec.reading.reassurance_high = r.reassurance_high();
  if (!r.case_ref().empty()) {
    spec.reading.case_ref = r.case_ref();
  }
  spec.reading.status_only = r.status_only();
  spec.reading.gist = r.gist();
  spec.vulnerable = c.context().vulnerable();
  if (!c.context().preferred_language().empty() && c.context().preferred_language() != "fr") {
    spec.required_skills.push_back("lang:" + c.context().preferred_language());
  }
  spec.priority_boost = record.priority_boost();
  return spec;
}

void Core::save(store::v1::ContactRecord& record) {
  const Instant now = clock_();
  *record.mutable_updated_at() = toTimestamp(now);
  unsaved_.push_back(&record);
}

void Core::writeUnsaved() {
  std::sort(unsaved_.begin(), unsaved_.end());
  unsaved_.erase(std::unique(unsaved_.begin(), unsaved_.end()), unsaved_.end());
  for (const store::v1::ContactRecord* record : unsaved_) {
    store_.putContact(*record);
    if (closedState(record->state())) {
      closed_in_ledger_.push_back(record->contact().contact_id());
    }
  }
  unsaved_.clear();
}

void Core::evictClosed() {
  // Once durable, a closed contact lives in the store alone, as after a restart: the ledger
  // holds what is open, however long relaisd runs. One reopened in the meantime stays.
  for (const auto& id : closed_in_ledger_) {
    if (auto it = ledger_.find(id); it != ledger_.end() && closedState(it->second.state())) {
      ledger_.erase(it);
    }
  }
  closed_in_ledger_.clear();
}

int Core::purgeExpired() {
  if (config_.retention.count() == 0) {
    return 0;
  }
  const Instant cutoff = clock_() - config_.retention;
  std::vector<std::string> due;
  if (auto e = store_.closedUpTo(cutoff, config_.purge_batch, due)) {
    metrics_.storage_errors.Add({}).Increment();
    return 0;
  }
  int purged = 0;
  for (const auto& id : due) {
    // The ledger's copy, when there is one, is the latest; otherwise the store's, which sees
    // writes not yet committed. Closed records read here are not kept in memory.
    std::optional<store::v1::ContactRecord> loaded;
    store::v1::ContactRecord* record = nullptr;
    if (auto it = ledger_.find(id); it != ledger_.end()) {
      record = &it->second;
    } else if (store_.findContact(id, loaded) || !loaded) {
      metrics_.storage_errors.Add({}).Increment();
      continue;
    } else {
      record = &*loaded;
    }
    auto& r = *record;
    // Reopened (negative feedback) or already purged: nothing to erase now.
    if (r.purged() || !closedState(r.state()) || fromProto(r.updated_at()) > cutoff) {
      continue;
    }
    auto* c = r.mutable_contact();
    c->clear_tenant_id();
    c->clear_case_ref();
    c->clear_subject();
    c->clear_text();
    c->mutable_context()->clear_vulnerability_flags();
    r.clear_merged_texts();
    r.clear_note();
    r.clear_case_key();
    r.clear_callback_number();
    // Records written before the reply stopped holding its own copy carry the reading twice.
    for (auto* reading : {r.mutable_reading(), r.mutable_reply()->mutable_reading()}) {
      reading->clear_gist();
      reading->clear_reasons();
      reading->clear_case_ref();
    }
    r.mutable_reply()->clear_auto_answer();
    r.set_purged(true);
    store_.putContact(r);
    ++purged;
  }
  return purged;
}

routing::Reading Core::read(const v1::Contact& contact) const {
  routing::ReaderInput input;
  input.channel = fromProto(contact.channel()).value_or(routing::Channel::kEmail);
  input.subject = contact.subject();
  input.text = contact.text();
  input.context.prior_contacts_same_case = contact.context().prior_contacts_same_case();
  input.context.vulnerable = contact.context().vulnerable();
  return reader_.read(input);
}

grpc::Status Core::submit(const v1::Contact& contact, v1::SubmitReply& reply,
                          long long* retry_after_seconds, routing::Reading* pre_read) {
  if (auto problem = validateContact(contact, limits_)) {
    metrics_.contacts_rejected.Add({{"reason", "invalid_argument"}}).Increment();
    return {grpc::StatusCode::INVALID_ARGUMENT, *problem};
  }
  if (auto it = ledger_.find(contact.contact_id()); it != ledger_.end()) {
    replay(it->second, reply);
    return grpc::Status::OK;
  }
  // Closed before the last restart: only the store has it.
  std::optional<store::v1::ContactRecord> earlier;
  if (auto e = store_.findContact(contact.contact_id(), earlier)) {
    metrics_.storage_errors.Add({}).Increment();
    return {grpc::StatusCode::UNAVAILABLE, "storage: " + *e + "; retry"};
  }
  if (earlier) {
    replay(*earlier, reply);
    return grpc::Status::OK;
  }
  const Instant now = clock_();
  const auto channel = *fromProto(contact.channel());

  routing::Reading reading = pre_read ? std::move(*pre_read) : read(contact);
  if (!contact.case_ref().empty()) {
    // What relais saw itself counts as much as what the client says: read again when relais
    // knows of more asks on this case than the client told (rare).
    const int seen = asks_.count(contact.tenant_id(),
                                 routing::ContactReader::normaliseCaseRef(contact.case_ref()), now);
    if (seen > contact.context().prior_contacts_same_case()) {
      v1::Contact with_history = contact;
      with_history.mutable_context()->set_prior_contacts_same_case(seen);
      reading = read(with_history);
    }
  }

  store::v1::ContactRecord record;
  *record.mutable_contact() = contact;
  if (!isSet(contact.received_at())) {
    *record.mutable_contact()->mutable_received_at() = toTimestamp(now);
  }
  toProto(reading, *record.mutable_reading());
  const std::string& written_ref =
      !contact.case_ref().empty() ? contact.case_ref() : reading.case_ref.value_or("");
  if (!written_ref.empty()) {
    record.set_case_key(routing::ContactReader::normaliseCaseRef(written_ref));
  }
  *record.mutable_enqueued_at() = toTimestamp(now);
  reply.set_contact_id(contact.contact_id());

  if (reading.intent == routing::Intent::kStatusRequest) {
    routing::AutoAnswerInput question;
    question.channel = channel;
    question.reading = &reading;
    question.tenant_id = contact.tenant_id();
    question.case_key = record.case_key();
    question.vulnerable = contact.context().vulnerable();
    const auto answer = answerer_.decide(question, cases_, asks_, now);
    if (!answer.case_key.empty()) {
      record.set_case_key(answer.case_key);
    }
    if (answer.answered) {
      reply.set_outcome(v1::OUTCOME_AUTO_ANSWERED);
      reply.mutable_auto_answer()->set_subject(answer.subject);
      reply.mutable_auto_answer()->set_text(answer.text);
      reply.mutable_auto_answer()->set_case_ref(
          answer.case_key.empty() ? "" : cases_.find(answer.case_key)->ref);
      *reply.mutable_reading() = record.reading();
      record.set_state(v1::CONTACT_STATE_AUTO_ANSWERED);
      keepReply(reply, record);
      countOutcome(reply, channel);
      auto& stored = ledger_.emplace(contact.contact_id(), std::move(record)).first->second;
      save(stored);
      return grpc::Status::OK;
    }
    const std::string reason(routing::escalationName(answer.escalation));
    record.set_escalation_reason(reason);
    reply.set_escalation_reason(reason);
    countEscalation(answer.escalation);
    if (answer.escalation == routing::Escalation::kRepeatedAsks) {
      // Asking again and again is itself a sign the tenant needs reassurance and priority.
      auto* r = record.mutable_reading();
      r->set_reassurance_high(true);
      r->set_reassurance(std::max(r->reassurance(), config_.reader.reassurance_high_threshold));
      r->add_reasons("reassurance: asked about this case " +
                     std::to_string(answer.asks_in_window) + " times within the window");
      record.set_priority_boost(true);
    }
  }

  auto decision = route(record, now);
  using Kind = routing::SubmitDecision::Kind;
  if (decision.kind == Kind::kRejectedFull) {
    metrics_.contacts_rejected.Add({{"reason", "queue_full"}}).Increment();
    const long long retry = std::max<long long>(1, wholeSeconds(decision.retry_after));
    if (retry_after_seconds) {
      *retry_after_seconds = retry;
    }
    return {grpc::StatusCode::RESOURCE_EXHAUSTED,
            "queue " + decision.queue + " is full; retry after " + std::to_string(retry) + " s"};
  }
  if (decision.kind == Kind::kDuplicate) {
    return {grpc::StatusCode::INTERNAL, "contact_id: known to the router but not the ledger"};
  }

  reply.set_queue(decision.queue);
  reply.set_position(decision.position);
  reply.set_estimated_wait_seconds(wholeSeconds(decision.estimated_wait));
  *reply.mutable_reading() = record.reading();
  switch (decision.kind) {
    case Kind::kMerged: {
      reply.set_outcome(v1::OUTCOME_MERGED);
      reply.set_merged_into(decision.merged_into);
      record.set_state(v1::CONTACT_STATE_MERGED);
      record.set_merged_into(decision.merged_into);
      metrics_.merges.Add({{"channel", std::string(routing::channelName(channel))}}).Increment();
      if (auto target = ledger_.find(decision.merged_into); target != ledger_.end()) {
        target->second.add_merged_texts(contact.text());
        save(target->second);
      }
      break;
    }
    case Kind::kCallbackOffered:
      reply.set_outcome(v1::OUTCOME_CALLBACK_OFFERED);
      record.set_state(v1::CONTACT_STATE_CALLBACK_OFFERED);
      metrics_.callbacks.Add({{"event", "offered"}}).Increment();
      break;
    default:
      reply.set_outcome(v1::OUTCOME_QUEUED);
      record.set_state(v1::CONTACT_STATE_WAITING);
      break;
  }
  countOutcome(reply, channel);
  keepReply(reply, record);
  auto& stored = ledger_.emplace(contact.contact_id(), std::move(record)).first->second;
  save(stored);
  applyEvents();
  return grpc::Status::OK;
}

routing::SubmitDecision Core::route(store::v1::ContactRecord& record, Instant now) {
  *record.mutable_enqueued_at() = toTimestamp(now);
  auto decision = router_.submit(specFor(record), now);
  record.set_queue(decision.queue);
  return decision;
}

void Core::keepReply(v1::SubmitReply& reply, store::v1::ContactRecord& record) {
  // The record already holds the reading: moved aside, it is neither copied nor stored twice.
  v1::Reading reading;
  reading.Swap(reply.mutable_reading());
  reply.clear_reading();
  *record.mutable_reply() = reply;
  reply.mutable_reading()->Swap(&reading);
}

void Core::replay(const store::v1::ContactRecord& record, v1::SubmitReply& reply) {
  reply = record.reply();
  if (!reply.has_reading()) {
    *reply.mutable_reading() = record.reading();
  }
}

void Core::countEscalation(routing::Escalation why) {
  // One label map per reason, not per Submit, as for the outcomes below.
  auto [it, fresh] = escalation_series_.try_emplace(why, nullptr);
  if (fresh) {
    it->second = &metrics_.escalations.Add({{"reason", std::string(routing::escalationName(why))}});
  }
  it->second->Increment();
}

void Core::countOutcome(const v1::SubmitReply& reply, routing::Channel channel) {
  // Series looked up once per (channel, outcome): a label map per Submit cost more than the count.
  auto [it, fresh] = outcome_series_.try_emplace({channel, reply.outcome()});
  OutcomeSeries& series = it->second;
  if (fresh) {
    const std::string channel_label(routing::channelName(channel));
    series.received = &metrics_.contacts_received.Add({{"channel", channel_label}});
    series.outcome = &metrics_.contacts_outcome.Add(
        {{"channel", channel_label}, {"outcome", outcomeLabel(reply.outcome())}});
    series.auto_answers = reply.outcome() == v1::OUTCOME_AUTO_ANSWERED
                              ? &metrics_.auto_answers.Add({{"channel", channel_label}})
                              : nullptr;
  }
  series.received->Increment();
  series.outcome->Increment();
  if (series.auto_answers) {
    ++auto_answered_;
    series.auto_answers->Increment();
  } else if (reply.outcome() != v1::OUTCOME_MERGED) {
    ++to_people_;
  }
  containment_.Set(static_cast<double>(auto_answered_) /
                   static_cast<double>(std::max(1LL, auto_answered_ + to_people_)));
}

void Core::fillStatus(const store::v1::ContactRecord& record, v1::ContactStatus& out) const {
  const auto& c = record.contact();
  out.set_contact_id(c.contact_id());
  out.set_state(record.state());
  out.set_queue(record.queue());
  out.set_channel(c.channel());
  out.set_agent_id(record.agent_id());
  *out.mutable_reading() = record.reading();
  out.set_merged_into(record.merged_into());
  out.set_callback(record.callback());
  *out.mutable_received_at() = c.received_at();
  out.set_outcome(record.reply().outcome());
  if (auto view = router_.findContact(c.contact_id(), clock_())) {
    out.set_position(view->position);
    out.set_estimated_wait_seconds(wholeSeconds(view->estimated_wait));
    out.set_agent_id(view->agent_id);
    out.set_callback(view->callback);
  }
}

grpc::Status Core::lookup(const std::string& contact_id, store::v1::ContactRecord*& out) {
  if (contact_id.empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "contact_id: required"};
  }
  auto it = ledger_.find(contact_id);
  if (it == ledger_.end()) {
    // Closed and durable: read it back. It stays in the ledger until the next commit, since the
    // caller may change it (feedback reopens an automatic answer).
    std::optional<store::v1::ContactRecord> closed;
    if (auto e = store_.findContact(contact_id, closed)) {
      metrics_.storage_errors.Add({}).Increment();
      return {grpc::StatusCode::UNAVAILABLE, "storage: " + *e + "; retry"};
    }
    if (!closed) {
      return {grpc::StatusCode::NOT_FOUND, "contact_id: no contact " + contact_id};
    }
    it = ledger_.emplace(contact_id, std::move(*closed)).first;
    closed_in_ledger_.push_back(contact_id);
  }
  out = &it->second;
  return grpc::Status::OK;
}

grpc::Status Core::getContact(const v1::GetContactRequest& request, v1::ContactStatus& reply) {
  store::v1::ContactRecord* found = nullptr;
  if (auto status = lookup(request.contact_id(), found); !status.ok()) {
    return status;
  }
  fillStatus(*found, reply);
  return grpc::Status::OK;
}

grpc::Status Core::acceptCallback(const v1::AcceptCallbackRequest& request,
                                  v1::ContactStatus& reply) {
  store::v1::ContactRecord* found = nullptr;
  if (auto status = lookup(request.contact_id(), found); !status.ok()) {
    return status;
  }
  auto& record = *found;
  if (record.state() != v1::CONTACT_STATE_CALLBACK_OFFERED) {
    return {grpc::StatusCode::FAILED_PRECONDITION,
            "contact_id: no callback is on offer for this contact"};
  }
  const auto number = request.phone_number();
  if (auto e = router_.acceptCallback(request.contact_id(), number, clock_());
      e != routing::RouterError::kOk) {
    return routerStatus(e);
  }
  record.set_state(v1::CONTACT_STATE_WAITING);
  record.set_callback(true);
  record.set_callback_number(number);
  metrics_.callbacks.Add({{"event", "accepted"}}).Increment();
  save(record);
  applyEvents();
  fillStatus(record, reply);
  return grpc::Status::OK;
}

grpc::Status Core::feedback(const v1::FeedbackRequest& request, v1::ContactStatus& reply) {
  store::v1::ContactRecord* found = nullptr;
  if (auto status = lookup(request.contact_id(), found); !status.ok()) {
    return status;
  }
  auto& record = *found;
  if (record.reply().outcome() != v1::OUTCOME_AUTO_ANSWERED) {
    return {grpc::StatusCode::FAILED_PRECONDITION,
            "contact_id: feedback applies to automatically answered contacts only"};
  }
  if (record.state() != v1::CONTACT_STATE_AUTO_ANSWERED) {
    fillStatus(record, reply);  // already handed to a person: a repeated "no" changes nothing
    return grpc::Status::OK;
  }
  metrics_.feedback.Add({{"answered", request.answered() ? "true" : "false"}}).Increment();
  if (request.answered()) {
    fillStatus(record, reply);
    return grpc::Status::OK;
  }
  // The answer did not serve: a person takes over, with priority and the whole history, so the
  // tenant repeats nothing.
  const Instant now = clock_();
  record.set_escalation_reason("feedback_not_answered");
  record.set_priority_boost(true);
  record.mutable_reading()->add_reasons("priority: the automatic answer did not serve the tenant");
  metrics_.escalations.Add({{"reason", "feedback_not_answered"}}).Increment();
  auto decision = route(record, now);
  if (decision.kind == routing::SubmitDecision::Kind::kRejectedFull) {
    return {grpc::StatusCode::RESOURCE_EXHAUSTED,
            "queue " + decision.queue + " is full; retry after " +
                std::to_string(std::max<long long>(1, wholeSeconds(decision.retry_after))) + " s"};
  }
  record.set_state(decision.kind == routing::SubmitDecision::Kind::kMerged
                       ? v1::CONTACT_STATE_MERGED
                       : v1::CONTACT_STATE_WAITING);
  record.set_merged_into(decision.merged_into);
  ++to_people_;
  save(record);
  applyEvents();
  fillStatus(record, reply);
  return grpc::Status::OK;
}

grpc::Status Core::abandon(const v1::AbandonRequest& request, v1::ContactStatus& reply) {
  store::v1::ContactRecord* found = nullptr;
  if (auto status = lookup(request.contact_id(), found); !status.ok()) {
    return status;
  }
  auto& record = *found;
  if (record.state() == v1::CONTACT_STATE_ABANDONED) {
    fillStatus(record, reply);
    return grpc::Status::OK;  // the IVR may retry
  }
  if (!router_.abandon(request.contact_id(), clock_())) {
    return {grpc::StatusCode::FAILED_PRECONDITION,
            "contact_id: not waiting (an agent has it, or it is closed)"};
  }
  applyEvents();
  record.set_state(v1::CONTACT_STATE_ABANDONED);
  record.clear_agent_id();
  save(record);
  metrics_.abandoned
      .Add({{"channel", std::string(routing::channelName(
                            fromProto(record.contact().channel()).value_or(routing::Channel::kEmail)))}})
      .Increment();
  fillStatus(record, reply);
  return grpc::Status::OK;
}

grpc::Status Core::connectAgent(const v1::ConnectRequest& request, AgentSink& sink) {
  routing::AgentSpec spec;
  if (auto problem = agentFromProto(request, spec)) {
    return {grpc::StatusCode::INVALID_ARGUMENT, *problem};
  }
  auto initial = routing::AgentState::kAvailable;
  if (request.initial_state() != v1::AGENT_STATE_UNSPECIFIED) {
    auto s = fromProto(request.initial_state());
    if (!s || *s == routing::AgentState::kBusy || *s == routing::AgentState::kOffline) {
      return {grpc::StatusCode::INVALID_ARGUMENT, "initial_state: must be AVAILABLE or BREAK"};
    }
    initial = *s;
  }
  const Instant now = clock_();
  if (auto e = router_.connectAgent(spec, now, initial); e != routing::RouterError::kOk) {
    return routerStatus(e);
  }
  auto& entry = agents_[spec.id];
  entry.sink = &sink;
  entry.state = initial;
  entry.since = now;
  v1::AgentEvent hello;
  fillAgentStatus(spec.id, *hello.mutable_connected());
  sink.send(std::move(hello));
  applyEvents();
  return grpc::Status::OK;
}

void Core::disconnectAgent(const std::string& agent_id, const AgentSink& sink) {
  auto it = agents_.find(agent_id);
  if (it == agents_.end() || it->second.sink != &sink) {
    return;
  }
  it->second.sink = nullptr;
  router_.disconnectAgent(agent_id, clock_());
  agents_.erase(it);
  // Per-agent series live only while the agent is connected: bounded by the staff on duty.
  for (const char* window : {"1h", "shift"}) {
    auto& gauge = metrics_.agent_exposure.Add({{"agent", agent_id}, {"window", window}});
    metrics_.agent_exposure.Remove(&gauge);
  }
  applyEvents();
}

void Core::endAgentStreams(const std::string& why) {
  std::vector<AgentSink*> sinks;
  for (auto& [id, entry] : agents_) {
    if (entry.sink) {
      sinks.push_back(entry.sink);
    }
  }
  for (auto* sink : sinks) {
    sink->end(why);
  }
}

void Core::fillAgentStatus(const std::string& agent_id, v1::AgentStatus& out) const {
  out.set_agent_id(agent_id);
  auto it = agents_.find(agent_id);
  if (it == agents_.end()) {
    out.set_state(v1::AGENT_STATE_OFFLINE);
    return;
  }
  out.set_state(toProto(it->second.state));
  *out.mutable_since() = toTimestamp(it->second.since);
}

grpc::Status Core::setState(const v1::SetStateRequest& request, v1::SetStateReply& reply) {
  if (request.agent_id().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "agent_id: required"};
  }
  auto state = fromProto(request.state());
  if (!state || *state == routing::AgentState::kBusy) {
    return {grpc::StatusCode::INVALID_ARGUMENT,
            "state: must be AVAILABLE, WRAP_UP, BREAK or OFFLINE"};
  }
  if (auto e = router_.setAgentState(request.agent_id(), *state, clock_());
      e != routing::RouterError::kOk) {
    return routerStatus(e);
  }
  applyEvents();
  fillAgentStatus(request.agent_id(), *reply.mutable_status());
  return grpc::Status::OK;
}

grpc::Status Core::offerAction(const v1::OfferAction& request, v1::OfferActionReply& reply,
                               bool accept) {
  if (request.agent_id().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "agent_id: required"};
  }
  if (request.contact_id().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "contact_id: required"};
  }
  const Instant now = clock_();
  auto e = accept ? router_.accept(request.agent_id(), request.contact_id(), now)
                  : router_.decline(request.agent_id(), request.contact_id(), now);
  if (e != routing::RouterError::kOk) {
    return routerStatus(e);
  }
  applyEvents();
  reply.set_contact_id(request.contact_id());
  fillAgentStatus(request.agent_id(), *reply.mutable_agent());
  return grpc::Status::OK;
}

grpc::Status Core::acceptOffer(const v1::OfferAction& request, v1::OfferActionReply& reply) {
  return offerAction(request, reply, true);
}

grpc::Status Core::declineOffer(const v1::OfferAction& request, v1::OfferActionReply& reply) {
  return offerAction(request, reply, false);
}

grpc::Status Core::complete(const v1::CompleteRequest& request, v1::OfferActionReply& reply) {
  if (request.agent_id().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "agent_id: required"};
  }
  if (request.contact_id().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "contact_id: required"};
  }
  if (request.note().size() > 16 * 1024) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "note: longer than 16384 bytes"};
  }
  routing::Disposition disposition{request.resolved(), request.root_cause(), request.note()};
  if (auto e = router_.complete(request.agent_id(), request.contact_id(), disposition, clock_());
      e != routing::RouterError::kOk) {
    return routerStatus(e);
  }
  if (auto it = ledger_.find(request.contact_id()); it != ledger_.end()) {
    auto& record = it->second;
    record.set_resolved(request.resolved());
    record.set_root_cause(request.root_cause());
    record.set_note(request.note());
    metrics_.completions
        .Add({{"channel", std::string(routing::channelName(
                              fromProto(record.contact().channel()).value_or(routing::Channel::kEmail)))},
              {"resolved", request.resolved() ? "true" : "false"}})
        .Increment();
  }
  applyEvents();
  reply.set_contact_id(request.contact_id());
  fillAgentStatus(request.agent_id(), *reply.mutable_agent());
  return grpc::Status::OK;
}

grpc::Status Core::upsertCase(const v1::Case& request, v1::UpsertCaseReply& reply) {
  if (request.case_ref().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "case_ref: required"};
  }
  if (request.case_ref().size() > limits_.max_id_bytes) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "case_ref: longer than 128 bytes"};
  }
  if (request.tenant_id().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "tenant_id: required"};
  }
  if (!isSet(request.updated_at())) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "updated_at: required"};
  }
  if (auto problem = validateCaseTimes(request)) {
    return {grpc::StatusCode::INVALID_ARGUMENT, *problem};
  }
  const auto key = routing::ContactReader::normaliseCaseRef(request.case_ref());
  if (key.empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "case_ref: has no letter or digit"};
  }
  reply.set_case_ref(request.case_ref());
  reply.set_applied(cases_.upsert(key, fromProto(request)));
  if (reply.applied()) {
    store_.putCase(key, request);
  }
  metrics_.cases_upserted.Add({{"applied", reply.applied() ? "true" : "false"}}).Increment();
  return grpc::Status::OK;
}

grpc::Status Core::closeCase(const v1::CloseCaseRequest& request, v1::UpsertCaseReply& reply) {
  if (request.case_ref().empty()) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "case_ref: required"};
  }
  const auto* file = cases_.find(routing::ContactReader::normaliseCaseRef(request.case_ref()));
  if (file == nullptr) {
    return {grpc::StatusCode::NOT_FOUND, "case_ref: no case " + request.case_ref()};
  }
  v1::Case updated = toProto(*file);
  updated.set_closed(true);
  *updated.mutable_updated_at() =
      isSet(request.updated_at()) ? request.updated_at() : toTimestamp(clock_());
  return upsertCase(updated, reply);
}

void Core::snapshot(v1::SnapshotReply& reply) {
  const Instant now = clock_();
  const auto snap = router_.snapshot(now);
  *reply.mutable_taken_at() = toTimestamp(now);
  for (const auto& q : snap.queues) {
    auto* out = reply.add_queues();
    out->set_queue(q.queue);
    out->set_channel(toProto(q.channel));
    out->set_waiting(q.waiting);
    out->set_oldest_wait_seconds(wholeSeconds(q.oldest_wait));
    out->set_estimated_wait_seconds(wholeSeconds(q.estimated_wait));
    out->set_service_level(q.service_level);
    out->set_target_seconds(wholeSeconds(q.target));
    out->set_callbacks_waiting(q.callbacks_waiting);
  }
  for (std::size_t s = 0; s < routing::kAgentStateCount; ++s) {
    auto* out = reply.add_agents_by_state();
    out->set_state(toProto(static_cast<routing::AgentState>(s)));
    out->set_count(snap.agents_by_state[s]);
  }
  for (const auto& a : snap.agents) {
    auto* out = reply.add_agents();
    out->set_agent_id(a.id);
    out->set_state(toProto(a.state));
    for (auto c : routing::kAllChannels) {
      if (a.load[routing::index(c)] > 0) {
        auto* load = out->add_load();
        load->set_channel(toProto(c));
        load->set_max(a.load[routing::index(c)]);
      }
    }
    out->set_aggressive_last_hour(a.aggressive_last_hour);
    out->set_aggressive_shift(a.aggressive_shift);
  }
}

void Core::advance() {
  router_.advance(clock_());
  applyEvents();
}

std::optional<Instant> Core::nextDeadline() const { return router_.nextDeadline(); }

void Core::refreshGauges() {
  const auto snap = router_.snapshot(clock_());
  for (const auto& q : snap.queues) {
    const prometheus::Labels labels{{"queue", q.queue},
                                    {"channel", std::string(routing::channelName(q.channel))}};
    metrics_.contacts_waiting.Add(labels).Set(q.waiting);
    metrics_.oldest_wait.Add(labels).Set(routing::toSeconds(q.oldest_wait));
    metrics_.estimated_wait.Add(labels).Set(routing::toSeconds(q.estimated_wait));
    metrics_.service_level.Add(labels).Set(q.service_level);
    metrics_.service_target.Add(labels).Set(routing::toSeconds(q.target));
  }
  double used = 0;
  double capacity = 0;
  for (std::size_t s = 0; s < routing::kAgentStateCount; ++s) {
    metrics_.agents
        .Add({{"state", std::string(routing::agentStateName(static_cast<routing::AgentState>(s)))}})
        .Set(snap.agents_by_state[s]);
  }
  for (const auto& a : snap.agents) {
    if (a.state != routing::AgentState::kOffline) {
      used += a.occupancy;
      capacity += 1;
    }
    if (agents_.count(a.id) != 0) {
      metrics_.agent_exposure.Add({{"agent", a.id}, {"window", "1h"}}).Set(a.aggressive_last_hour);
      metrics_.agent_exposure.Add({{"agent", a.id}, {"window", "shift"}})
          .Set(a.aggressive_shift);
    }
  }
  metrics_.occupancy.Add({}).Set(capacity > 0 ? used / capacity : 0);
}

std::optional<std::string> Core::commit() {
  writeUnsaved();
  if (!store_.hasPending()) {
    evictClosed();
    return std::nullopt;
  }
  const auto start = std::chrono::steady_clock::now();
  auto error = store_.commit();
  metrics_.commit_seconds.Add({}, Metrics::latencyBuckets())
      .Observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (error) {
    metrics_.storage_errors.Add({}).Increment();
    // The store dropped the batch: the ledger keeps the only copy of these records.
    closed_in_ledger_.clear();
  } else {
    evictClosed();
  }
  return error;
}

void Core::sendOffer(AgentSink& sink, const routing::OfferDetails& d) {
  v1::AgentEvent event;
  auto* offer = event.mutable_offer();
  offer->set_contact_id(d.contact_id);
  offer->set_channel(toProto(d.channel));
  offer->set_queue(d.queue);
  offer->set_tenant_id(d.tenant_id);
  offer->set_case_ref(d.case_ref);
  offer->set_subject(d.subject);
  offer->set_text(d.text);
  toProto(d.reading, *offer->mutable_reading());
  *offer->mutable_received_at() = toTimestamp(d.received_at);
  *offer->mutable_expires_at() = toTimestamp(d.expires_at);
  offer->set_waited_seconds(wholeSeconds(clock_() - d.received_at));
  offer->set_callback(d.callback);
  offer->set_callback_number(d.callback_number);
  offer->set_match_reason(d.match_reason);
  sink.send(std::move(event));
}

void Core::applyEvents() {
  using Kind = routing::RouterEvent::Kind;
  for (auto& e : router_.takeEvents()) {
    auto record_it = e.contact.empty() ? ledger_.end() : ledger_.find(e.contact);
    store::v1::ContactRecord* record = record_it == ledger_.end() ? nullptr : &record_it->second;
    auto agent_it = e.agent.empty() ? agents_.end() : agents_.find(e.agent);
    AgentSink* sink = agent_it == agents_.end() ? nullptr : agent_it->second.sink;
    switch (e.kind) {
      case Kind::kQueued:
        if (record) {
          record->set_state(v1::CONTACT_STATE_WAITING);
          record->clear_agent_id();
          save(*record);
        }
        break;
      case Kind::kMerged:
        break;  // recorded by submit()
      case Kind::kOffered:
        metrics_.offers.Add({{"outcome", "offered"}}).Increment();
        if (record) {
          record->set_state(v1::CONTACT_STATE_OFFERED);
          record->set_agent_id(e.agent);
          save(*record);
        }
        if (sink) {
          if (auto details = router_.offerDetails(e.contact)) {
            sendOffer(*sink, *details);
          }
        }
        break;
      case Kind::kOfferWithdrawn:
        metrics_.offers.Add({{"outcome", e.reason.empty() ? "declined" : e.reason}}).Increment();
        if (record) {
          record->set_state(v1::CONTACT_STATE_WAITING);
          record->clear_agent_id();
          save(*record);
        }
        if (sink && e.reason != "declined") {
          v1::AgentEvent event;
          event.mutable_offer_withdrawn()->set_contact_id(e.contact);
          event.mutable_offer_withdrawn()->set_reason(e.reason);
          sink->send(std::move(event));
        }
        break;
      case Kind::kAccepted:
        metrics_.offers.Add({{"outcome", "accepted"}}).Increment();
        metrics_.wait_seconds
            .Add({{"channel", std::string(routing::channelName(e.channel))}},
                 Metrics::waitBuckets())
            .Observe(routing::toSeconds(e.waited));
        if (e.aggressive) {
          metrics_.aggressive_handled.Add({}).Increment();
        }
        if (record) {
          record->set_state(v1::CONTACT_STATE_ASSIGNED);
          record->set_agent_id(e.agent);
          save(*record);
        }
        break;
      case Kind::kCompleted:
        if (record) {
          record->set_state(v1::CONTACT_STATE_COMPLETED);
          save(*record);
        }
        break;
      case Kind::kCallbackAccepted:
        break;  // recorded by acceptCallback()
      case Kind::kAgentState:
        if (agent_it != agents_.end()) {
          agent_it->second.state = e.state;
          agent_it->second.since = e.at;
          if (sink) {
            v1::AgentEvent event;
            fillAgentStatus(e.agent, *event.mutable_state_changed());
            sink->send(std::move(event));
          }
        }
        break;
    }
  }
}

}  // namespace relais::daemon
