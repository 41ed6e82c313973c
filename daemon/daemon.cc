#include "daemon/daemon.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <pthread.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

#include "daemon/call_gate.h"
#include "daemon/core.h"
#include "daemon/metrics.h"
#include "daemon/routing_loop.h"
#include "daemon/services.h"
#include "daemon/store.h"
#include "daemon/tsan_handoff.h"

namespace relais::daemon {
namespace {

routing::Instant systemNow() {
  return std::chrono::time_point_cast<routing::Duration>(std::chrono::system_clock::now());
}

std::string hostOf(const std::string& listen) {
  const auto colon = listen.rfind(':');
  return colon == std::string::npos ? listen : listen.substr(0, colon);
}

// TLS (optionally mutual) when configured, else plaintext, which only loopback may use.
std::shared_ptr<grpc::ServerCredentials> serverCredentials(const DaemonConfig& config,
                                                           std::string& error) {
  if (!config.security.tls) {
    return grpc::InsecureServerCredentials();
  }
  const auto& tls = *config.security.tls;
  auto cert = readTextFile(tls.cert_file);
  auto key = readTextFile(tls.key_file);
  if (!cert || !key) {
    error = "cannot read " + (cert ? tls.key_file : tls.cert_file);
    return nullptr;
  }
  grpc::SslServerCredentialsOptions options(
      tls.client_ca_file.empty()
          ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
          : (tls.require_client_cert ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                                     : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY));
  if (!tls.client_ca_file.empty()) {
    auto ca = readTextFile(tls.client_ca_file);
    if (!ca) {
      error = "cannot read " + tls.client_ca_file;
      return nullptr;
    }
    options.pem_root_certs = *ca;
  }
  options.pem_key_cert_pairs.push_back({*key, *cert});
  return grpc::SslServerCredentials(options);
}

}  // namespace

int runDaemon(const DaemonConfig& config) {
  std::string error;
  if (auto problem = exposureProblem(config)) {
    spdlog::critical("security: {}", *problem);
    return 1;
  }
  auto credentials = serverCredentials(config, error);
  if (!credentials) {
    spdlog::critical("security.tls: {}", error);
    return 1;
  }
  if (!config.security.tls) {
    spdlog::warn("security: gRPC on {} without TLS: development only", config.grpc_listen);
  }
  if (config.security.clients.empty()) {
    spdlog::warn("security: no security.clients: every caller may call every method "
                 "(development only)");
  }
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
  CallGate gate(config, metrics);
  ServiceContext context{core, loop, metrics, gate, config.max_text_bytes};
  IntakeService intake(context);
  AgentDeskService desk(context);
  CaseFeedService cases(context);
  SupervisionService supervision(context);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int grpc_port = 0;
  builder.AddListeningPort(config.grpc_listen, credentials, &grpc_port);
  builder.SetMaxReceiveMessageSize(static_cast<int>(config.max_message_bytes));
  builder.RegisterService(&intake);
  builder.RegisterService(&desk);
  builder.RegisterService(&cases);
  builder.RegisterService(&supervision);
  grpcHandoffRelease();
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
  // The strand serialises routing; the other threads read contacts and finish RPCs meanwhile.
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 2u, 8u);
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < threads; ++i) {
    workers.emplace_back([&io] {
      pthread_setname_np(pthread_self(), "relais-io");  // told apart in top -H and perf
      io.run();
    });
  }
  io.run();
  for (auto& worker : workers) {
    worker.join();
  }
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
