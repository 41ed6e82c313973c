#include "daemon/daemon.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdio>
#include <thread>

#include "daemon/core.h"
#include "daemon/metrics.h"
#include "daemon/routing_loop.h"
#include "daemon/services.h"
#include "daemon/store.h"

namespace relais::daemon {
namespace {

routing::Instant systemNow() {
  return std::chrono::time_point_cast<routing::Duration>(std::chrono::system_clock::now());
}

std::string hostOf(const std::string& listen) {
  const auto colon = listen.rfind(':');
  return colon == std::string::npos ? listen : listen.substr(0, colon);
}

}  // namespace

int runDaemon(const DaemonConfig& config) {
  std::string error;
  auto store = openSqliteStore(config.data_dir, config.sync, error);
  if (!store) {
    spdlog::critical("storage: {}", error);
    return 1;
  }
  Metrics metrics;
  Core core(config, *store, metrics, systemNow);
  const auto recover_start = std::chrono::steady_clock::now();
  if (auto e = core.recover()) {
    spdlog::critical("storage: cannot recover: {}", *e);
    return 1;
  }
  spdlog::info("recovered {} contacts in {:.3f} s", core.contactCount(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - recover_start)
                   .count());

  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    exposer = exposeMetrics(metrics, config.metrics_listen);
  } catch (const std::exception& e) {
    spdlog::critical("metrics: cannot listen on {}: {}", config.metrics_listen, e.what());
    return 1;
  }

  boost::asio::io_context io;
  RoutingLoop loop(io, core, metrics, systemNow);
  ServiceContext context{core, loop, metrics, config.max_text_bytes};
  IntakeService intake(context);
  AgentDeskService desk(context);
  CaseFeedService cases(context);
  SupervisionService supervision(context);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int grpc_port = 0;
  builder.AddListeningPort(config.grpc_listen, grpc::InsecureServerCredentials(), &grpc_port);
  builder.SetMaxReceiveMessageSize(static_cast<int>(config.max_message_bytes));
  builder.RegisterService(&intake);
  builder.RegisterService(&desk);
  builder.RegisterService(&cases);
  builder.RegisterService(&supervision);
  auto server = builder.BuildAndStart();
  if (!server || grpc_port == 0) {
    spdlog::critical("grpc: cannot listen on {}", config.grpc_listen);
    return 1;
  }
  const auto metrics_ports = exposer->GetListeningPorts();
  const std::string grpc_addr = hostOf(config.grpc_listen) + ":" + std::to_string(grpc_port);
  const std::string metrics_addr =
      hostOf(config.metrics_listen) + ":" +
      std::to_string(metrics_ports.empty() ? 0 : metrics_ports.front());
  spdlog::info("relaisd ready: grpc {} metrics http://{}/metrics data {}", grpc_addr,
               metrics_addr, config.data_dir);
  // One machine-readable line on stdout, for scripts and tests that start relaisd on port 0.
  std::printf("READY grpc=%s metrics=%s\n", grpc_addr.c_str(), metrics_addr.c_str());
  std::fflush(stdout);

  loop.start();
  std::thread stopper;
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) {
      return;
    }
    spdlog::info("signal {}: stopping; finishing in-flight calls", signal);
    server->GetHealthCheckService()->Shutdown();
    // Agent streams never end by themselves: end them first so Shutdown only waits for unary
    // calls in flight.
    loop.post([&] { core.endAgentStreams("relaisd is stopping; reconnect"); });
    // Shutdown blocks until in-flight RPCs finish, and they finish on the strand: run it off
    // the io_context thread.
    stopper = std::thread([&] {
      server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
      loop.post([&] {
        loop.stop();
        io.stop();
      });
    });
  });
  io.run();
  if (stopper.joinable()) {
    stopper.join();
  }
  server->Wait();
  if (auto e = core.commit()) {
    spdlog::error("storage: final commit failed: {}", *e);
    return 1;
  }
  spdlog::info("stopped cleanly");
  return 0;
}

}  // namespace relais::daemon
