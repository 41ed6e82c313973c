#include "ctl/client.h"

#include <google/protobuf/util/json_util.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>

namespace relais::ctl {

std::shared_ptr<grpc::Channel> connect(const std::string& server) {
  return grpc::CreateChannel(server, grpc::InsecureChannelCredentials());
}

std::unique_ptr<grpc::ClientContext> callContext(int timeout_seconds) {
  auto ctx = std::make_unique<grpc::ClientContext>();
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
