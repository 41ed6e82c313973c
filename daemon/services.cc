#include "daemon/services.h"

#include "daemon/agent_stream.h"
#include "daemon/convert.h"
#include "daemon/tsan_handoff.h"
#include "daemon/unary_call.h"

namespace relais::daemon {

grpc::ServerUnaryReactor* IntakeService::Submit(grpc::CallbackServerContext* ctx,
                                                const v1::Contact* request,
                                                v1::SubmitReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kSubmit)) {
    return refused;
  }
  auto* reactor = ctx->DefaultReactor();
  const auto start = std::chrono::steady_clock::now();
  // Reading is the costliest step and needs no routing state, so it stays off the strand. A
  // text of ordinary length is read right here on the gRPC callback thread: handing it to an io
  // thread first cost more than it saved (a wake-up and a context switch per call, about a sixth
  // of relaisd's CPU per Submit under load). A long one goes to the io threads, so that a
  // poller is not held for the milliseconds a 64 KiB text can take.
  auto serve = [this, ctx, reactor, request, reply, start] {
    routing::Reading reading;
    if (!validateContact(*request, ContactLimits{c_.config_max_text})) {
      reading = c_.core.read(*request);
    }
    serveUnaryOn(ctx, reactor, c_.loop, c_.metrics, "Submit",
                 [core = &c_.core, request, reply, reading = std::move(reading)](
                     grpc::CallbackServerContext* call) mutable {
                   long long retry_after = 0;
                   auto status = core->submit(*request, *reply, &retry_after, &reading);
                   if (retry_after > 0) {
                     call->AddTrailingMetadata("retry-after-seconds",
                                               std::to_string(retry_after));
                   }
                   return status;
                 },
                 start);
  };
  if (request->text().size() + request->subject().size() <= kInlineReadBytes) {
    serve();
  } else {
    c_.loop.offload(std::move(serve));
  }
  return reactor;
}

grpc::ServerUnaryReactor* IntakeService::GetContact(grpc::CallbackServerContext* ctx,
                                                    const v1::GetContactRequest* request,
                                                    v1::ContactStatus* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kGetContact)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "GetContact",
                    [core = &c_.core, request, reply](auto*) {
                      return core->getContact(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* IntakeService::AcceptCallback(grpc::CallbackServerContext* ctx,
                                                        const v1::AcceptCallbackRequest* request,
                                                        v1::ContactStatus* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kAcceptCallback)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "AcceptCallback",
                    [core = &c_.core, request, reply](auto*) {
                      return core->acceptCallback(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* IntakeService::Feedback(grpc::CallbackServerContext* ctx,
                                                  const v1::FeedbackRequest* request,
                                                  v1::ContactStatus* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kFeedback)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "Feedback",
                    [core = &c_.core, request, reply](auto*) {
                      return core->feedback(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* IntakeService::Abandon(grpc::CallbackServerContext* ctx,
                                                 const v1::AbandonRequest* request,
                                                 v1::ContactStatus* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kAbandon)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "Abandon",
                    [core = &c_.core, request, reply](auto*) {
                      return core->abandon(*request, *reply);
                    });
}

grpc::ServerWriteReactor<v1::AgentEvent>* AgentDeskService::Connect(
    grpc::CallbackServerContext* ctx, const v1::ConnectRequest* request) {
  if (auto status = c_.gate.admit(ctx, Method::kConnect, request->agent_id()); !status.ok()) {
    return new RefusedStream(c_.metrics, std::move(status));
  }
  if (!c_.gate.openStream()) {
    return new RefusedStream(
        c_.metrics, grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                 "agent streams: limits.max_agent_streams reached; retry later"));
  }
  auto* stream = new AgentStream(c_.core, c_.loop, c_.metrics, c_.gate, request);
  grpcHandoffRelease();
  return stream;
}

grpc::ServerUnaryReactor* AgentDeskService::SetState(grpc::CallbackServerContext* ctx,
                                                     const v1::SetStateRequest* request,
                                                     v1::SetStateReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kSetState, request->agent_id())) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "SetState",
                    [core = &c_.core, request, reply](auto*) {
                      return core->setState(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* AgentDeskService::AcceptOffer(grpc::CallbackServerContext* ctx,
                                                        const v1::OfferAction* request,
                                                        v1::OfferActionReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kAcceptOffer, request->agent_id())) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "AcceptOffer",
                    [core = &c_.core, request, reply](auto*) {
                      return core->acceptOffer(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* AgentDeskService::DeclineOffer(grpc::CallbackServerContext* ctx,
                                                         const v1::OfferAction* request,
                                                         v1::OfferActionReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kDeclineOffer, request->agent_id())) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "DeclineOffer",
                    [core = &c_.core, request, reply](auto*) {
                      return core->declineOffer(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* AgentDeskService::CompleteContact(grpc::CallbackServerContext* ctx,
                                                            const v1::CompleteRequest* request,
                                                            v1::OfferActionReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kCompleteContact, request->agent_id())) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "CompleteContact",
                    [core = &c_.core, request, reply](auto*) {
                      return core->complete(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* CaseFeedService::UpsertCase(grpc::CallbackServerContext* ctx,
                                                      const v1::Case* request,
                                                      v1::UpsertCaseReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kUpsertCase)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "UpsertCase",
                    [core = &c_.core, request, reply](auto*) {
                      return core->upsertCase(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* CaseFeedService::CloseCase(grpc::CallbackServerContext* ctx,
                                                     const v1::CloseCaseRequest* request,
                                                     v1::UpsertCaseReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kCloseCase)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "CloseCase",
                    [core = &c_.core, request, reply](auto*) {
                      return core->closeCase(*request, *reply);
                    });
}

grpc::ServerUnaryReactor* SupervisionService::Snapshot(grpc::CallbackServerContext* ctx,
                                                       const v1::SnapshotRequest* /*request*/,
                                                       v1::SnapshotReply* reply) {
  if (auto* refused = c_.gate.refuse(ctx, Method::kSnapshot)) {
    return refused;
  }
  return serveUnary(ctx, c_.loop, c_.metrics, "Snapshot", [core = &c_.core, reply](auto*) {
    core->snapshot(*reply);
    return grpc::Status::OK;
  });
}

}  // namespace relais::daemon
