#include "daemon/auth.h"


namespace relais::daemon {
namespace {

constexpr std::string_view kBearer = "Bearer ";

std::string_view view(grpc::string_ref s) { return {s.data(), s.size()}; }

}  // namespace

const char* methodName(Method method) {
  switch (method) {
    case Method::kSubmit: return "relais.v1.ContactIntake/Submit";
    case Method::kGetContact: return "relais.v1.ContactIntake/GetContact";
    case Method::kAcceptCallback: return "relais.v1.ContactIntake/AcceptCallback";
    case Method::kFeedback: return "relais.v1.ContactIntake/Feedback";
    case Method::kAbandon: return "relais.v1.ContactIntake/Abandon";
    case Method::kConnect: return "relais.v1.AgentDesk/Connect";
    case Method::kSetState: return "relais.v1.AgentDesk/SetState";
    case Method::kAcceptOffer: return "relais.v1.AgentDesk/AcceptOffer";
    case Method::kDeclineOffer: return "relais.v1.AgentDesk/DeclineOffer";
    case Method::kCompleteContact: return "relais.v1.AgentDesk/CompleteContact";
    case Method::kUpsertCase: return "relais.v1.CaseFeed/UpsertCase";
    case Method::kCloseCase: return "relais.v1.CaseFeed/CloseCase";
    case Method::kSnapshot: return "relais.v1.Supervision/Snapshot";
  }
  return "unknown";
}

const char* roleName(Role role) {
  switch (role) {
    case Role::kIntake: return "intake";
    case Role::kAgent: return "agent";
    case Role::kBackoffice: return "backoffice";
    case Role::kSupervisor: return "supervisor";
  }
  return "unknown";
}

bool roleMayCall(Role role, Method method) {
  switch (method) {
    case Method::kSubmit:
    case Method::kAcceptCallback:
    case Method::kFeedback:
    case Method::kAbandon:
      return role == Role::kIntake;
    // Supervisors look contacts up when a tenant complains; agents see theirs on the stream.
    case Method::kGetContact:
      return role == Role::kIntake || role == Role::kSupervisor;
    case Method::kConnect:
    case Method::kAcceptOffer:
    case Method::kDeclineOffer:
    case Method::kCompleteContact:
      return role == Role::kAgent;
    // A supervisor may put an agent on break or offline (an abandoned console).
    case Method::kSetState:
      return role == Role::kAgent || role == Role::kSupervisor;
    case Method::kUpsertCase:
    case Method::kCloseCase:
      return role == Role::kBackoffice;
    case Method::kSnapshot:
      return role == Role::kSupervisor;
  }
  return false;
}

Authenticator::Authenticator(const SecurityConfig& security)
    : enabled_(!security.clients.empty()) {
  for (const auto& client : security.clients) {
    if (!client.token_sha256.empty()) {
      by_token_hash_.emplace(client.token_sha256, client);
    }
    if (!client.certificate_cn.empty()) {
      by_certificate_cn_.emplace(client.certificate_cn, client);
    }
  }
}

grpc::Status Authenticator::identify(const grpc::CallbackServerContext& ctx,
                                     Principal& out) const {
  if (!enabled_) {
    out = Principal{"anonymous", Role::kSupervisor, "", true};
    return grpc::Status::OK;
  }
  const auto& metadata = ctx.client_metadata();
  if (auto it = metadata.find("authorization"); it != metadata.end()) {
    const auto value = view(it->second);
    if (!value.starts_with(kBearer)) {
      return {grpc::StatusCode::UNAUTHENTICATED,
              "authorization: expected \"Bearer <token>\""};
    }
    // Only hashes are kept, so a leaked config or core dump gives no usable token.
    auto client = by_token_hash_.find(sha256Hex(value.substr(kBearer.size())));
    if (client == by_token_hash_.end()) {
      return {grpc::StatusCode::UNAUTHENTICATED, "authorization: unknown bearer token"};
    }
    out = Principal{client->second.name, client->second.role, client->second.agent_id, false};
    return grpc::Status::OK;
  }
  // gRPC has verified the chain against client_ca_file before the call reaches us.
  if (auto auth = ctx.auth_context(); auth && auth->IsPeerAuthenticated()) {
    for (const auto& cn : auth->FindPropertyValues("x509_common_name")) {
      auto client = by_certificate_cn_.find(std::string(view(cn)));
      if (client != by_certificate_cn_.end()) {
        out = Principal{client->second.name, client->second.role, client->second.agent_id,
                        false};
        return grpc::Status::OK;
      }
    }
    return {grpc::StatusCode::UNAUTHENTICATED,
            "client certificate: its common name is not in security.clients"};
  }
  return {grpc::StatusCode::UNAUTHENTICATED,
          "missing credentials: send metadata \"authorization: Bearer <token>\" or a client "
          "certificate"};
}

grpc::Status Authenticator::authorize(const Principal& who, Method method,
                                      std::string_view agent_id) {
  if (who.anonymous) {
    return grpc::Status::OK;
  }
  if (!roleMayCall(who.role, method)) {
    return {grpc::StatusCode::PERMISSION_DENIED,
            "client " + who.name + " (role " + roleName(who.role) + ") may not call " +
                methodName(method)};
  }
  if (who.role == Role::kAgent && agent_id != who.agent_id) {
    return {grpc::StatusCode::PERMISSION_DENIED,
            "agent_id: client " + who.name + " may act only as agent " + who.agent_id};
  }
  return grpc::Status::OK;
}

grpc::Status Authenticator::admit(const grpc::CallbackServerContext& ctx, Method method,
                                  std::string_view agent_id, Principal& out) const {
  auto status = identify(ctx, out);
  return status.ok() ? authorize(out, method, agent_id) : status;
}

}  // namespace relais::daemon
