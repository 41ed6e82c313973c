// Authenticator: who is calling (bearer token or TLS client certificate) and whether that
// client's role may call a method, for one relaisd. Immutable after construction, so gRPC's
// threads share it without locks.
#pragma once

#include <grpcpp/grpcpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "daemon/config.h"
#include "daemon/token_hash.h"

namespace relais::daemon {

// Every RPC relaisd serves, for the role table.
enum class Method {
  kSubmit,
  kGetContact,
  kAcceptCallback,
  kFeedback,
  kAbandon,
  kConnect,
  kSetState,
  kAcceptOffer,
  kDeclineOffer,
  kCompleteContact,
  kUpsertCase,
  kCloseCase,
  kSnapshot,
};

const char* methodName(Method method);
const char* roleName(Role role);
bool roleMayCall(Role role, Method method);

struct Principal {
  std::string name;
  Role role = Role::kIntake;
  std::string agent_id;  // role agent only
  bool anonymous = false;  // authentication is off: may call anything
};

class Authenticator {
 public:
  explicit Authenticator(const SecurityConfig& security);

  bool enabled() const { return enabled_; }

  // The caller, or UNAUTHENTICATED naming what is missing or wrong.
  grpc::Status identify(const grpc::CallbackServerContext& ctx, Principal& out) const;

  // OK, or PERMISSION_DENIED naming the role or the agent_id field. `agent_id` is the one the
  // request acts for (empty for methods that name no agent).
  static grpc::Status authorize(const Principal& who, Method method, std::string_view agent_id);

  // identify + authorize.
  grpc::Status admit(const grpc::CallbackServerContext& ctx, Method method,
                     std::string_view agent_id, Principal& out) const;

 private:
  bool enabled_;
  std::unordered_map<std::string, ClientIdentity> by_token_hash_;
  std::unordered_map<std::string, ClientIdentity> by_certificate_cn_;
};

}  // namespace relais::daemon
