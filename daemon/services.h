// The gRPC services of relais.v1, on the callback API. Each handler posts its work to the
// routing strand (serveUnary) and returns at once; AgentDesk.Connect is one reactor per stream.
// Every call passes the CallGate (identity, role, rate) before anything is posted.
#pragma once

#include "daemon/call_gate.h"
#include "daemon/core.h"
#include "daemon/metrics.h"
#include "daemon/routing_loop.h"
#include "relais/v1/agent_desk.grpc.pb.h"
#include "relais/v1/case_feed.grpc.pb.h"
#include "relais/v1/intake.grpc.pb.h"
#include "relais/v1/supervision.grpc.pb.h"

namespace relais::daemon {

struct ServiceContext {
  Core& core;
  RoutingLoop& loop;
  Metrics& metrics;
  CallGate& gate;
  std::size_t config_max_text = 64 * 1024;
};

class IntakeService final : public v1::ContactIntake::CallbackService {
 public:
  // Submit reads texts up to this size (text + subject) on the gRPC callback thread, longer ones
  // on an io thread: a few hundred microseconds at most hold a poller.
  static constexpr std::size_t kInlineReadBytes = 8 * 1024;

  explicit IntakeService(ServiceContext c) : c_(c) {}
  grpc::ServerUnaryReactor* Submit(grpc::CallbackServerContext* ctx, const v1::Contact* request,
                                   v1::SubmitReply* reply) override;
  grpc::ServerUnaryReactor* GetContact(grpc::CallbackServerContext* ctx,
                                       const v1::GetContactRequest* request,
                                       v1::ContactStatus* reply) override;
  grpc::ServerUnaryReactor* AcceptCallback(grpc::CallbackServerContext* ctx,
                                           const v1::AcceptCallbackRequest* request,
                                           v1::ContactStatus* reply) override;
  grpc::ServerUnaryReactor* Feedback(grpc::CallbackServerContext* ctx,
                                     const v1::FeedbackRequest* request,
                                     v1::ContactStatus* reply) override;
  grpc::ServerUnaryReactor* Abandon(grpc::CallbackServerContext* ctx,
                                    const v1::AbandonRequest* request,
                                    v1::ContactStatus* reply) override;

 private:
  ServiceContext c_;
};

class AgentDeskService final : public v1::AgentDesk::CallbackService {
 public:
  explicit AgentDeskService(ServiceContext c) : c_(c) {}
  grpc::ServerWriteReactor<v1::AgentEvent>* Connect(grpc::CallbackServerContext* ctx,
                                                     const v1::ConnectRequest* request) override;
  grpc::ServerUnaryReactor* SetState(grpc::CallbackServerContext* ctx,
                                     const v1::SetStateRequest* request,
                                     v1::SetStateReply* reply) override;
  grpc::ServerUnaryReactor* AcceptOffer(grpc::CallbackServerContext* ctx,
                                        const v1::OfferAction* request,
                                        v1::OfferActionReply* reply) override;
  grpc::ServerUnaryReactor* DeclineOffer(grpc::CallbackServerContext* ctx,
                                         const v1::OfferAction* request,
                                         v1::OfferActionReply* reply) override;
  grpc::ServerUnaryReactor* CompleteContact(grpc::CallbackServerContext* ctx,
                                            const v1::CompleteRequest* request,
                                            v1::OfferActionReply* reply) override;

 private:
  ServiceContext c_;
};

class CaseFeedService final : public v1::CaseFeed::CallbackService {
 public:
  explicit CaseFeedService(ServiceContext c) : c_(c) {}
  grpc::ServerUnaryReactor* UpsertCase(grpc::CallbackServerContext* ctx, const v1::Case* request,
                                       v1::UpsertCaseReply* reply) override;
  grpc::ServerUnaryReactor* CloseCase(grpc::CallbackServerContext* ctx,
                                      const v1::CloseCaseRequest* request,
                                      v1::UpsertCaseReply* reply) override;

 private:
  ServiceContext c_;
};

class SupervisionService final : public v1::Supervision::CallbackService {
 public:
  explicit SupervisionService(ServiceContext c) : c_(c) {}
  grpc::ServerUnaryReactor* Snapshot(grpc::CallbackServerContext* ctx,
                                     const v1::SnapshotRequest* request,
                                     v1::SnapshotReply* reply) override;

 private:
  ServiceContext c_;
};

}  // namespace relais::daemon
