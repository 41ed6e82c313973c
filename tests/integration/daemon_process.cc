#include "tests/integration/daemon_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace relais::testing {
namespace {

std::vector<char*> argvOf(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) {
    out.push_back(a.data());
  }
  out.push_back(nullptr);
  return out;
}

int waitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  return 128 + WTERMSIG(status);
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

DaemonProcess::DaemonProcess(std::vector<std::string> extra_args, std::string data_dir,
                             std::string log_file)
    : data_dir_(std::move(data_dir)) {
  if (data_dir_.empty()) {
    data_dir_ = makeTempDir("relaisd-test");
    own_data_dir_ = true;
  }
  std::vector<std::string> args = {RELAISD_PATH, "--grpc-listen", "127.0.0.1:0",
                                   "--metrics-listen", "127.0.0.1:0", "--data-dir", data_dir_};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int out[2];
  if (pipe(out) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    if (!log_file.empty()) {
      const int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (log >= 0) {
        dup2(log, STDERR_FILENO);
        close(log);
      }
    }
    close(out[0]);
    close(out[1]);
    auto argv = argvOf(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // Read the READY line, with a deadline so a daemon that fails to start fails the test.
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  while (std::chrono::steady_clock::now() < deadline) {
    char c;
    const auto n = read(out[0], &c, 1);
    if (n == 1) {
      if (c == '\n') {
        if (line.rfind("READY ", 0) == 0) {
          break;
        }
        line.clear();
      } else {
        line += c;
      }
    } else if (n == 0) {
      break;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  close(out[0]);
  const auto grpc = line.find("grpc=");
  const auto metrics = line.find(" metrics=");
  if (line.rfind("READY ", 0) != 0 || grpc == std::string::npos || metrics == std::string::npos) {
    kill();
    throw std::runtime_error("relaisd did not start (no READY line)");
  }
  grpc_address_ = line.substr(grpc + 5, metrics - grpc - 5);
  metrics_address_ = line.substr(metrics + 9);
}

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) {
    stop();
  }
  if (own_data_dir_) {
    std::error_code ec;
    std::filesystem::remove_all(data_dir_, ec);
  }
}

std::shared_ptr<grpc::Channel> DaemonProcess::channel() const {
  return grpc::CreateChannel(grpc_address_, grpc::InsecureChannelCredentials());
}

int DaemonProcess::stop() {
  if (pid_ <= 0) {
    return -1;
  }
  ::kill(pid_, SIGTERM);
  const int status = waitFor(pid_);
  pid_ = -1;
  return status;
}

void DaemonProcess::kill() {
  if (pid_ <= 0) {
    return;
  }
  ::kill(pid_, SIGKILL);
  waitFor(pid_);
  pid_ = -1;
}

std::string httpGet(const std::string& address, const std::string& path) {
  namespace asio = boost::asio;
  try {
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    const auto colon = address.rfind(':');
    auto endpoints = resolver.resolve(address.substr(0, colon), address.substr(colon + 1));
    asio::ip::tcp::socket socket(io);
    asio::connect(socket, endpoints);
    const std::string request =
        "GET " + path + " HTTP/1.0\r\nHost: " + address + "\r\nConnection: close\r\n\r\n";
    asio::write(socket, asio::buffer(request));
    std::string response;
    boost::system::error_code ec;
    asio::read(socket, asio::dynamic_buffer(response), ec);
    const auto body = response.find("\r\n\r\n");
    return body == std::string::npos ? "" : response.substr(body + 4);
  } catch (const std::exception&) {
    return "";
  }
}

std::string runCommand(const std::vector<std::string>& argv_in, int* exit_code,
                       const std::string& stdin_text) {
  std::vector<std::string> args = argv_in;
  int out[2];
  int in[2];
  if (pipe(out) != 0 || pipe(in) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(in[0], STDIN_FILENO);
    close(out[0]);
    close(out[1]);
    close(in[0]);
    close(in[1]);
    auto argv = argvOf(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  close(in[0]);
  std::thread writer([fd = in[1], stdin_text] {
    std::size_t done = 0;
    while (done < stdin_text.size()) {
      const auto n = write(fd, stdin_text.data() + done, stdin_text.size() - done);
      if (n <= 0) {
        break;
      }
      done += static_cast<std::size_t>(n);
    }
    close(fd);
  });
  std::string output;
  char buffer[4096];
  ssize_t n;
  while ((n = read(out[0], buffer, sizeof buffer)) > 0) {
    output.append(buffer, static_cast<std::size_t>(n));
  }
  close(out[0]);
  writer.join();
  const int status = waitFor(pid);
  if (exit_code) {
    *exit_code = status;
  }
  return output;
}

}  // namespace relais::testing
