#include "load-tests/load/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace relais::loadtests {
namespace {

// Returns true and the status once the child has exited.
bool reap(pid_t pid, bool block, int& status_out) {
  int status = 0;
  pid_t r;
  while ((r = waitpid(pid, &status, block ? 0 : WNOHANG)) < 0 && errno == EINTR) {
  }
  if (r != pid) {
    return false;
  }
  status_out = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

}  // namespace

std::string makeTempDir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
  if (!mkdtemp(templ.data())) {
    throw std::runtime_error("mkdtemp failed");
  }
  return templ;
}

ChildProcess::ChildProcess(std::vector<std::string> argv, const std::string& stderr_file) {
  int out[2];
  if (pipe(out) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<char*> args;
  for (auto& a : argv) {
    args.push_back(a.data());
  }
  args.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int err = open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) {
      dup2(err, STDERR_FILENO);
      close(err);
    }
    close(out[0]);
    close(out[1]);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  std::string line;
  bool ready = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  while (!ready && std::chrono::steady_clock::now() < deadline) {
    char c;
    const auto n = read(out[0], &c, 1);
    if (n == 1) {
      if (c != '\n') {
        line += c;
      } else if (line.rfind("READY ", 0) == 0) {
        ready = true;
      } else {
        line.clear();
      }
    } else if (n == 0) {
      break;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  close(out[0]);
  const auto grpc = line.find("grpc=");
  if (!ready || grpc == std::string::npos) {
    stop();
    throw std::runtime_error(argv[0] + " did not print READY (see " + stderr_file + ")");
  }
  const auto end = line.find(' ', grpc);
  grpc_address_ = line.substr(grpc + 5, end == std::string::npos ? end : end - grpc - 5);
}

ChildProcess::~ChildProcess() { stop(); }

int ChildProcess::stop() {
  if (pid_ <= 0) {
    return -1;
  }
  int status = 0;
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!reap(pid_, false, status)) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      reap(pid_, true, status);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
  return status;
}

}  // namespace relais::loadtests
