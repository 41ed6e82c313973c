// What every relaisctl command that talks to relaisd shares: the channel, a deadline, JSON
// output of replies, and turning a gRPC error into an exit code with a message.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <iosfwd>
#include <memory>
#include <string>

namespace relais::ctl {

// How this relaisctl process proves who it is, set once from the command line.
struct ClientSecurity {
  std::string token;      // bearer token; empty sends none
  std::string ca_file;    // PEM CA that signed relaisd's certificate: use TLS when set
  std::string cert_file;  // client certificate and key, for mutual TLS
  std::string key_file;
};
// Reads the PEM files now so a wrong path fails before any call; returns an error or "".
std::string setClientSecurity(const ClientSecurity& security);

// A fresh bearer token (256 random bits, URL-safe base64) and its SHA-256 for relaisd's config.
struct IssuedToken {
  std::string token;
  std::string sha256;
};
IssuedToken issueToken();

std::shared_ptr<grpc::Channel> connect(const std::string& server);
// Adds the bearer token, if any: for contexts not made by callContext (streams).
void addCredentials(grpc::ClientContext& ctx);
std::unique_ptr<grpc::ClientContext> callContext(int timeout_seconds = 10);

// One compact JSON line, field names as in the .proto, defaults included.
std::string toJson(const google::protobuf::Message& message);
// Prints `{"error": {"code": ..., "message": ...}}` to `out` and returns 2.
int reportError(const grpc::Status& status, std::ostream& out);

}  // namespace relais::ctl
