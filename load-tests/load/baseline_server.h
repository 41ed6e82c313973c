// BaselineServer: the bare gRPC server relais-load compares relaisd against. It serves the same
// ContactIntake.Submit with the same callback API and the same threading as relaisd (the
// handler posts to one Asio strand, whose thread finishes the call) but does no work: the reply
// is a constant. The gap between the two is therefore what relaisd's own work costs (reading,
// routing, storage), not gRPC.
//
//   BaselineServer server("127.0.0.1:0");
//   std::string address = server.address();  // "127.0.0.1:41234"
//   ...
//   server.shutdown();
#pragma once

#include <memory>
#include <string>

namespace relais::loadtests {

class BaselineServer {
 public:
  // Listens on `listen` (HOST:PORT, port 0 = any free port). Throws std::runtime_error if it
  // cannot.
  explicit BaselineServer(const std::string& listen);
  ~BaselineServer();
  BaselineServer(const BaselineServer&) = delete;
  BaselineServer& operator=(const BaselineServer&) = delete;

  const std::string& address() const;
  // Finishes in-flight calls and stops; idempotent.
  void shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The `--serve-baseline` mode of relais-load: runs a BaselineServer, prints
// `READY grpc=HOST:PORT` on stdout, and serves until SIGTERM or SIGINT. Returns the exit code.
int serveBaselineUntilSignalled(const std::string& listen);

}  // namespace relais::loadtests
