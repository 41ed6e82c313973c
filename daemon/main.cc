// relaisd: the relais contact-centre routing daemon.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "daemon/config.h"
#include "daemon/daemon.h"
#include "daemon/logging.h"

int main(int argc, char** argv) {
  CLI::App app{"relaisd: contact-centre queueing and routing daemon"};
  std::string config_file;
  std::string check_file;
  std::string grpc_listen;
  std::string metrics_listen;
  std::string data_dir;
  app.add_option("--config", config_file, "YAML configuration file")->check(CLI::ExistingFile);
  app.add_option("--check-config", check_file, "validate a configuration file and exit");
  app.add_option("--grpc-listen", grpc_listen, "gRPC address, HOST:PORT (default 127.0.0.1:50051)");
  app.add_option("--metrics-listen", metrics_listen,
                 "Prometheus address, HOST:PORT (default 127.0.0.1:9464)");
  app.add_option("--data-dir", data_dir, "data directory (default ./var)");
  CLI11_PARSE(app, argc, argv);

  std::vector<relais::daemon::ConfigError> errors;
  if (!check_file.empty()) {
    if (relais::daemon::loadConfigFile(check_file, errors)) {
      std::cout << check_file << ": ok\n";
      return 0;
    }
    for (const auto& e : errors) {
      std::cerr << e.message << "\n";
    }
    return 1;
  }

  relais::daemon::DaemonConfig config;
  if (!config_file.empty()) {
    auto loaded = relais::daemon::loadConfigFile(config_file, errors);
    if (!loaded) {
      for (const auto& e : errors) {
        std::cerr << e.message << "\n";
      }
      return 1;
    }
    config = std::move(*loaded);
  }
  if (!grpc_listen.empty()) {
    config.grpc_listen = grpc_listen;
  }
  if (!metrics_listen.empty()) {
    config.metrics_listen = metrics_listen;
  }
  if (!data_dir.empty()) {
    config.data_dir = data_dir;
  }
  relais::daemon::setupLogging(config);
  return relais::daemon::runDaemon(config);
}
