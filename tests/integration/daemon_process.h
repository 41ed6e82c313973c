// DaemonProcess: a real relaisd child process on ephemeral loopback ports with its own data
// directory, for integration tests. The destructor stops it with SIGTERM and checks it exits 0.
#pragma once

#include <grpcpp/grpcpp.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace relais::testing {

class DaemonProcess {
 public:
  // Starts relaisd with `extra_args`; data goes to `data_dir` (a fresh temporary one if empty).
  // Its stderr (the log) goes to `log_file` when given, else to the test's stderr.
  explicit DaemonProcess(std::vector<std::string> extra_args = {}, std::string data_dir = "",
                         std::string log_file = "");
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  const std::string& grpcAddress() const { return grpc_address_; }
  const std::string& metricsAddress() const { return metrics_address_; }
  const std::string& dataDir() const { return data_dir_; }
  std::shared_ptr<grpc::Channel> channel() const;

  // SIGTERM and wait; returns the exit status (or 128+signal).
  int stop();
  // SIGKILL and wait: a crash.
  void kill();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string data_dir_;
  bool own_data_dir_ = false;
  std::string grpc_address_;
  std::string metrics_address_;
};

// Makes a fresh directory under $TMPDIR.
std::string makeTempDir(const std::string& prefix);
// GET http://address/path, returning the body ("" on failure).
std::string httpGet(const std::string& address, const std::string& path);
// Runs a command, returning its stdout; `exit_code` gets its exit status.
std::string runCommand(const std::vector<std::string>& argv, int* exit_code,
                       const std::string& stdin_text = "");

}  // namespace relais::testing
