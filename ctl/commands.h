// relaisctl's commands, each a function over streams so tests can run them in-process.
// Exit codes: 0 success, 1 bad usage or input file, 2 an RPC failed.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "relais/v1/contact.pb.h"

namespace relais::ctl {

struct SubmitFields {
  std::string id, channel, tenant, case_ref, subject, text, language;
  bool vulnerable = false;
  int prior_contacts_same_case = 0;
};

// Builds a Contact from flag-style fields; an error message names the bad field.
std::optional<std::string> toContact(const SubmitFields& fields, v1::Contact& out);
// Parses one JSON line with the same keys as the flags (id, channel, tenant, case, subject,
// text; tenant_id and case_ref are accepted too).
std::optional<std::string> parseSubmitLine(const std::string& line, SubmitFields& out);

int runSubmit(const std::string& server, const SubmitFields& fields, std::ostream& out);
int runSubmitJsonl(const std::string& server, std::istream& in, std::ostream& out);
int runGet(const std::string& server, const std::string& contact_id, std::ostream& out);
int runStats(const std::string& server, std::ostream& out);
int runCasesImport(const std::string& server, std::istream& in, std::ostream& out);

struct AgentOptions {
  std::string id;
  std::vector<std::string> skills;      // "name" or "name:proficiency"
  std::vector<std::string> capacity;    // "channel=max"
  double handle_seconds = 5;
  long max_contacts = 0;                // 0 = until interrupted
};
// Connects as a scripted agent: accepts every offer and completes it after handle_seconds,
// printing every event as a JSON line, until SIGINT/SIGTERM (or max_contacts handled).
int runAgent(const std::string& server, const AgentOptions& options, std::ostream& out);

}  // namespace relais::ctl
