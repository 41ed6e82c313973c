#include "ctl/client.h"

#include <google/protobuf/util/json_util.h>
#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "daemon/token_hash.h"

namespace relais::ctl {

namespace {

struct Loaded {
  std::string token;
  bool tls = false;
  grpc::SslCredentialsOptions ssl;
};

Loaded& loaded() {
  static Loaded instance;
  return instance;
}

bool readPem(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read " + path;
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

}  // namespace

std::string setClientSecurity(const ClientSecurity& security) {
  Loaded next;
  next.token = security.token;
  std::string error;
  if (security.cert_file.empty() != security.key_file.empty()) {
    return "--tls-cert and --tls-key go together";
  }
  if (!security.ca_file.empty() || !security.cert_file.empty()) {
    next.tls = true;
    if ((!security.ca_file.empty() &&
         !readPem(security.ca_file, next.ssl.pem_root_certs, error)) ||
        (!security.cert_file.empty() &&
         (!readPem(security.cert_file, next.ssl.pem_cert_chain, error) ||
          !readPem(security.key_file, next.ssl.pem_private_key, error)))) {
      return error;
    }
  }
  loaded() = std::move(next);
  return "";
}

IssuedToken issueToken() {
  std::array<unsigned char, 32> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    return {};
  }
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string token = "rls_";
  // 6 bits per character; 43 characters carry the 256 bits.
  unsigned bits = 0;
  int have = 0;
  for (auto byte : random) {
    bits = (bits << 8) | byte;
    have += 8;
    while (have >= 6) {
      token += kAlphabet[(bits >> (have - 6)) & 63];
      have -= 6;
    }
  }
  if (have > 0) {
    token += kAlphabet[(bits << (6 - have)) & 63];
  }
  return {token, daemon::sha256Hex(token)};
}

std::shared_ptr<grpc::Channel> connect(const std::string& server) {
  const auto& security = loaded();
  return grpc::CreateChannel(server, security.tls ? grpc::SslCredentials(security.ssl)
                                                  : grpc::InsecureChannelCredentials());
}

void addCredentials(grpc::ClientContext& ctx) {
  if (!loaded().token.empty()) {
    ctx.AddMetadata("authorization", "Bearer " + loaded().token);
  }
}

std::unique_ptr<grpc::ClientContext> callContext(int timeout_seconds) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  addCredentials(*ctx);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(timeout_seconds));
  return ctx;
}

std::string toJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

int reportError(const grpc::Status& status, std::ostream& out) {
  nlohmann::json error = {{"error",
                           {{"code", static_cast<int>(status.error_code())},
                            {"message", status.error_message()}}}};
  out << error.dump() << "\n";
  return 2;
}

}  // namespace relais::ctl
