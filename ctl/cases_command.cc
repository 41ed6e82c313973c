#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "ctl/case_import.h"
#include "ctl/client.h"
#include "ctl/commands.h"
#include "relais/v1/case_feed.grpc.pb.h"

namespace relais::ctl {

int runCasesImport(const std::string& server, std::istream& in, std::ostream& out) {
  auto stub = v1::CaseFeed::NewStub(connect(server));
  std::string line;
  long number = 0;
  long applied = 0;
  long stale = 0;
  long rejected = 0;
  int worst = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    v1::Case c;
    if (auto problem = parseCaseLine(line, c)) {
      out << nlohmann::json({{"line", number}, {"error", {{"message", *problem}}}}).dump() << "\n";
      ++rejected;
      worst = std::max(worst, 1);
      continue;
    }
    v1::UpsertCaseReply reply;
    auto ctx = callContext();
    auto status = stub->UpsertCase(ctx.get(), c, &reply);
    if (!status.ok()) {
      out << nlohmann::json({{"line", number},
                             {"case_ref", c.case_ref()},
                             {"error",
                              {{"code", static_cast<int>(status.error_code())},
                               {"message", status.error_message()}}}})
                 .dump()
          << "\n";
      ++rejected;
      worst = 2;
      continue;
    }
    (reply.applied() ? applied : stale) += 1;
  }
  out << nlohmann::json({{"applied", applied}, {"stale", stale}, {"rejected", rejected}}).dump()
      << "\n";
  return worst;
}

}  // namespace relais::ctl
