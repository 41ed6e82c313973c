#include "ctl/top_command.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include "ctl/client.h"
#include "relais/v1/supervision.grpc.pb.h"

namespace relais::ctl {
namespace {

std::string channelLabel(v1::Channel c) {
  switch (c) {
    case v1::CHANNEL_PHONE:
      return "phone";
    case v1::CHANNEL_EMAIL:
      return "email";
    case v1::CHANNEL_WEB:
      return "web";
    case v1::CHANNEL_DIGITAL_AGENCY:
      return "digital_agency";
    default:
      return "?";
  }
}

// In the order of the proto (and of relais_agents' state label values).
constexpr v1::AgentState kStates[] = {v1::AGENT_STATE_AVAILABLE, v1::AGENT_STATE_BUSY,
                                      v1::AGENT_STATE_WRAP_UP, v1::AGENT_STATE_BREAK,
                                      v1::AGENT_STATE_OFFLINE};

std::string stateLabel(v1::AgentState s) {
  switch (s) {
    case v1::AGENT_STATE_AVAILABLE:
      return "available";
    case v1::AGENT_STATE_BUSY:
      return "busy";
    case v1::AGENT_STATE_WRAP_UP:
      return "wrap_up";
    case v1::AGENT_STATE_BREAK:
      return "break";
    case v1::AGENT_STATE_OFFLINE:
      return "offline";
    default:
      return "?";
  }
}

// 45s, 3m05s, 1h02m, 2d03h; a zero lower unit is left out (1m, 4h, 1d).
std::string formatDuration(long long seconds) {
  seconds = std::max(0LL, seconds);
  char buffer[32];
  auto two = [&](const char* big, long long b, const char* small, long long s) {
    if (s == 0) {
      std::snprintf(buffer, sizeof buffer, "%lld%s", b, big);
    } else {
      std::snprintf(buffer, sizeof buffer, "%lld%s%02lld%s", b, big, s, small);
    }
    return std::string(buffer);
  };
  if (seconds < 60) {
    return std::to_string(seconds) + "s";
  }
  if (seconds < 3600) {
    return two("m", seconds / 60, "s", seconds % 60);
  }
  if (seconds < 86400) {
    return two("h", seconds / 3600, "m", seconds % 3600 / 60);
  }
  return two("d", seconds / 86400, "h", seconds % 86400 / 3600);
}

// Floor, so a level just under the flag never reads as the flag ("79%", not "80%").
std::string formatPercent(double ratio) {
  const int pct = static_cast<int>(std::clamp(ratio, 0.0, 1.0) * 100.0 + 1e-9);
  return std::to_string(pct) + "%";
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Columns taken by UTF-8 text, one per code point (good enough for names and ids).
int displayWidth(const std::string& s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) {
    return !isContinuationByte(c);
  }));
}

// The first `columns` code points of `s`.
std::string truncate(const std::string& s, int columns) {
  int seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!isContinuationByte(s[i])) {
      if (seen == columns) {
        return s.substr(0, i);
      }
      ++seen;
    }
  }
  return s;
}

std::string padRight(const std::string& s, int columns) {
  const auto cut = truncate(s, columns);
  return cut + std::string(static_cast<std::size_t>(std::max(0, columns - displayWidth(cut))), ' ');
}

std::string padLeft(const std::string& s, int columns) {
  const auto cut = truncate(s, columns);
  return std::string(static_cast<std::size_t>(std::max(0, columns - displayWidth(cut))), ' ') + cut;
}

// Width of a name column: the longest value or the header, at most `cap`.
template <typename Range, typename Get>
int columnWidth(const Range& rows, Get get, const std::string& header, int cap) {
  int w = displayWidth(header);
  for (const auto& r : rows) {
    w = std::max(w, displayWidth(get(r)));
  }
  return std::min(w, cap);
}

std::string localTime(const google::protobuf::Timestamp& t) {
  const std::time_t seconds = static_cast<std::time_t>(t.seconds());
  std::tm tm{};
  localtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm);
  return buffer;
}

bool showQueue(const v1::QueueChannelStats& q) {
  return q.waiting() > 0 || q.callbacks_waiting() > 0 || q.service_level() < 1.0;
}

std::vector<std::string> renderLines(const v1::SnapshotReply& snapshot) {
  std::vector<std::string> lines;

  long long waiting = 0;
  long long callbacks = 0;
  for (const auto& q : snapshot.queues()) {
    waiting += q.waiting();
    callbacks += q.callbacks_waiting();
  }
  std::ostringstream header;
  header << "relais top  " << localTime(snapshot.taken_at()) << "  waiting " << waiting
         << "  callbacks " << callbacks << "  agents";
  for (auto state : kStates) {
    int count = 0;
    for (const auto& s : snapshot.agents_by_state()) {
      if (s.state() == state) {
        count += s.count();
      }
    }
    header << " " << stateLabel(state) << " " << count;
  }
  lines.push_back(header.str());
  lines.emplace_back();

  std::vector<v1::QueueChannelStats> shown;
  for (const auto& q : snapshot.queues()) {
    if (showQueue(q)) {
      shown.push_back(q);
    }
  }
  const int queue_w = columnWidth(shown, [](const auto& q) { return q.queue(); }, "QUEUE", 20);
  const int channel_w = 14;  // "digital_agency"
  auto queueRow = [&](const std::string& flag, const std::string& queue,
                      const std::string& channel, const std::string& waiting_s,
                      const std::string& oldest, const std::string& estimated,
                      const std::string& level, const std::string& target,
                      const std::string& callbacks_s) {
    return flag + " " + padRight(queue, queue_w) + "  " + padRight(channel, channel_w) + "  " +
           padLeft(waiting_s, 7) + "  " + padLeft(oldest, 7) + "  " + padLeft(estimated, 8) +
           "  " + padLeft(level, 7) + "  " + padLeft(target, 6) + "  " + padLeft(callbacks_s, 9);
  };
  if (shown.empty()) {
    lines.push_back("  Queues: nothing waiting, service level 100 % on all " +
                    std::to_string(snapshot.queues_size()) + " queue/channel pairs.");
  } else {
    lines.push_back(queueRow(" ", "QUEUE", "CHANNEL", "WAITING", "OLDEST", "EST.WAIT", "SERVICE",
                             "TARGET", "CALLBACKS"));
    for (const auto& q : shown) {
      lines.push_back(queueRow(q.service_level() < kTopServiceLevelFlag ? "!" : " ", q.queue(),
                               channelLabel(q.channel()), std::to_string(q.waiting()),
                               formatDuration(q.oldest_wait_seconds()),
                               formatDuration(q.estimated_wait_seconds()),
                               formatPercent(q.service_level()),
                               formatDuration(q.target_seconds()),
                               std::to_string(q.callbacks_waiting())));
    }
    const int quiet = snapshot.queues_size() - static_cast<int>(shown.size());
    if (quiet > 0) {
      lines.push_back("  (" + std::to_string(quiet) +
                      " quiet queue/channel pairs not shown: nothing waiting, service level "
                      "100 %)");
    }
  }
  lines.emplace_back();

  std::vector<v1::AgentSummary> agents(snapshot.agents().begin(), snapshot.agents().end());
  std::sort(agents.begin(), agents.end(),
            [](const auto& a, const auto& b) { return a.agent_id() < b.agent_id(); });
  if (agents.empty()) {
    lines.push_back("  Agents: none connected.");
    return lines;
  }
  const int agent_w = columnWidth(agents, [](const auto& a) { return a.agent_id(); }, "AGENT", 24);
  auto agentRow = [&](const std::string& id, const std::string& state, const std::string& load,
                      const std::string& aggressive) {
    return "  " + padRight(id, agent_w) + "  " + padRight(state, 9) + "  " +
           padLeft(aggressive, 10) + "  " + load;
  };
  lines.push_back(agentRow("AGENT", "STATE", "LOAD", "AGGR.1H/SH"));
  for (const auto& a : agents) {
    std::string load;
    for (const auto& l : a.load()) {
      if (!load.empty()) {
        load += ", ";
      }
      load += channelLabel(l.channel()) + " " + std::to_string(l.max());
    }
    lines.push_back(agentRow(a.agent_id(), stateLabel(a.state()), load.empty() ? "-" : load,
                             std::to_string(a.aggressive_last_hour()) + "/" +
                                 std::to_string(a.aggressive_shift())));
  }
  return lines;
}

std::string joinLines(const std::vector<std::string>& lines, int width) {
  std::string out;
  for (const auto& line : lines) {
    out += width > 0 ? truncate(line, width) : line;
    out += '\n';
  }
  return out;
}

int terminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    const int w = std::atoi(columns);
    if (w > 0) {
      return w;
    }
  }
  return 100;
}

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onInterrupt(int) { g_interrupted = 1; }

// Installs onInterrupt for SIGINT and SIGTERM for its lifetime, restoring the previous handlers.
class InterruptScope {
 public:
  InterruptScope() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~InterruptScope() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

constexpr const char* kHome = "\x1b[H";
constexpr const char* kClearToEol = "\x1b[K";
constexpr const char* kClearBelow = "\x1b[J";
constexpr const char* kRed = "\x1b[31m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

void drawFrame(std::ostream& out, const std::string& frame, bool ansi, bool first) {
  if (!ansi) {
    if (!first) {
      out << "\n";
    }
    out << frame;
    return;
  }
  out << kHome;
  std::istringstream lines(frame);
  std::string line;
  bool header = true;
  while (std::getline(lines, line)) {
    if (line.rfind('!', 0) == 0) {
      out << kRed << line << kReset;
    } else if (header) {
      out << kBold << line << kReset;
    } else {
      out << line;
    }
    out << kClearToEol << "\n";
    header = false;
  }
  out << kClearBelow;
}

}  // namespace

std::string renderTop(const v1::SnapshotReply& snapshot, int width) {
  return joinLines(renderLines(snapshot), width);
}

int runTop(const std::string& server, std::ostream& out, int iterations, bool ansi) {
  auto stub = v1::Supervision::NewStub(connect(server));
  // Until interrupted: Ctrl-C ends the loop after the current frame instead of killing the
  // process mid-line.
  std::optional<InterruptScope> interrupts;
  g_interrupted = 0;
  if (iterations <= 0) {
    interrupts.emplace();
  }
  const int width = terminalWidth();
  std::string last_good;
  bool last_failed = false;
  for (int i = 0; iterations <= 0 || i < iterations; ++i) {
    if (i > 0) {
      const auto next = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      while (!g_interrupted && std::chrono::steady_clock::now() < next) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    if (g_interrupted) {
      break;
    }
    v1::SnapshotReply reply;
    auto ctx = callContext(2);
    const auto status = stub->Snapshot(ctx.get(), v1::SnapshotRequest(), &reply);
    std::string frame;
    if (status.ok()) {
      last_good = renderTop(reply, width);
      frame = last_good;
      last_failed = false;
    } else if (last_good.empty()) {
      return reportError(status, out);
    } else {
      last_failed = true;
      frame = joinLines({"! relaisd " + server + ": " + status.error_message() +
                         " (code " + std::to_string(static_cast<int>(status.error_code())) +
                         "); showing the last good snapshot, retrying"},
                        width) +
              last_good;
    }
    drawFrame(out, frame, ansi, i == 0);
    out << std::flush;
  }
  return last_failed ? 2 : 0;
}

}  // namespace relais::ctl
