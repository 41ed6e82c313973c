// Orchestrator probes and tooling: the standard health service and server reflection answer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "probes.grpc.pb.h"
#include "reflection_probe.grpc.pb.h"
#include "tests/integration/daemon_process.h"

namespace relais::testing {
namespace {

TEST(ProbesTest, HealthServiceSaysServing) {
  DaemonProcess daemon;
  auto stub = grpc::health::v1::Health::NewStub(daemon.channel());
  grpc::ClientContext ctx;
  grpc::health::v1::HealthCheckResponse reply;
  ASSERT_TRUE(stub->Check(&ctx, {}, &reply).ok());
  EXPECT_EQ(reply.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST(ProbesTest, ReflectionListsTheRelaisServices) {
  DaemonProcess daemon;
  auto stub = grpc::reflection::v1alpha::ServerReflection::NewStub(daemon.channel());
  grpc::ClientContext ctx;
  auto stream = stub->ServerReflectionInfo(&ctx);
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  grpc::reflection::v1alpha::ServerReflectionResponse reply;
  ASSERT_TRUE(stream->Read(&reply));
  std::vector<std::string> names;
  for (const auto& s : reply.list_services_response().service()) {
    names.push_back(s.name());
  }
  EXPECT_THAT(names, ::testing::IsSupersetOf({"relais.v1.ContactIntake", "relais.v1.AgentDesk",
                                              "relais.v1.CaseFeed", "relais.v1.Supervision",
                                              "grpc.health.v1.Health"}));
  while (stream->Read(&reply)) {
  }
  EXPECT_TRUE(stream->Finish().ok());
}

}  // namespace
}  // namespace relais::testing
