// What every relaisctl command that talks to relaisd shares: the channel, a deadline, JSON
// output of replies, and turning a gRPC error into an exit code with a message.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <iosfwd>
#include <memory>
#include <string>

namespace relais::ctl {

std::shared_ptr<grpc::Channel> connect(const std::string& server);
std::unique_ptr<grpc::ClientContext> callContext(int timeout_seconds = 10);

// One compact JSON line, field names as in the .proto, defaults included.
std::string toJson(const google::protobuf::Message& message);
// Prints `{"error": {"code": ..., "message": ...}}` to `out` and returns 2.
int reportError(const grpc::Status& status, std::ostream& out);

}  // namespace relais::ctl
