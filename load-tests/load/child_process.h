// ChildProcess: a server started as a child (relaisd, or relais-load's own baseline mode) that
// prints `READY grpc=HOST:PORT ...` on stdout once it listens. Its stderr goes to a log file so
// the load tool's output stays readable. The destructor stops it (SIGTERM, then SIGKILL).
// Not thread-safe; one owner.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace relais::loadtests {

class ChildProcess {
 public:
  // Starts argv[0] with argv; waits up to 30 s for the READY line. Throws std::runtime_error
  // when the child does not start.
  ChildProcess(std::vector<std::string> argv, const std::string& stderr_file);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  const std::string& grpcAddress() const { return grpc_address_; }
  pid_t pid() const { return pid_; }
  // SIGTERM, wait up to 10 s, then SIGKILL. Returns the exit status (128+signal if killed).
  int stop();

 private:
  pid_t pid_ = -1;
  std::string grpc_address_;
};

// A fresh directory under $TMPDIR (or /tmp).
std::string makeTempDir(const std::string& prefix);

}  // namespace relais::loadtests
