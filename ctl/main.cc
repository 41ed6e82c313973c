// relaisctl: operators' command line for relaisd; prints JSON.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include "ctl/client.h"
#include "ctl/commands.h"
#include "ctl/score_command.h"
#include "ctl/top_command.h"
#include "routing/contact_reader.h"

namespace {

int withFile(const std::string& path, const std::function<int(std::istream&)>& fn) {
  if (path == "-") {
    return fn(std::cin);
  }
  std::ifstream in(path);
  if (!in) {
    std::cerr << "relaisctl: cannot open " << path << "\n";
    return 1;
  }
  return fn(in);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"relaisctl: talk to relaisd over gRPC"};
  app.require_subcommand(1);
  std::string server = "127.0.0.1:50051";
  app.add_option("--server", server, "relaisd address HOST:PORT")->capture_default_str();
  relais::ctl::ClientSecurity security;
  app.add_option("--token", security.token, "bearer token (default: $RELAIS_TOKEN)")
      ->envname("RELAIS_TOKEN");
  app.add_option("--tls-ca", security.ca_file, "CA of relaisd's certificate: connect with TLS");
  app.add_option("--tls-cert", security.cert_file, "client certificate (mutual TLS)");
  app.add_option("--tls-key", security.key_file, "client certificate's private key");

  relais::ctl::SubmitFields fields;
  std::string jsonl;
  auto* submit = app.add_subcommand("submit", "submit a contact (or --jsonl FILE, one per line)");
  submit->add_option("--id", fields.id, "contact id (idempotency key)");
  submit->add_option("--channel", fields.channel, "phone, email, web or digital_agency");
  submit->add_option("--tenant", fields.tenant, "tenant id");
  submit->add_option("--case", fields.case_ref, "case reference");
  submit->add_option("--subject", fields.subject, "subject");
  submit->add_option("--text", fields.text, "message text");
  submit->add_option("--language", fields.language, "preferred language (BCP 47)");
  submit->add_flag("--vulnerable", fields.vulnerable, "the landlord's file flags the tenant");
  submit->add_option("--jsonl", jsonl, "JSON lines file with the same keys as the flags, - for stdin");

  std::string contact_id;
  auto* get = app.add_subcommand("get", "show a contact");
  get->add_option("id", contact_id, "contact id")->required();

  auto* stats = app.add_subcommand("stats", "queues and agents snapshot");

  relais::ctl::AgentOptions agent;
  std::string skills;
  std::string capacity;
  auto* agent_cmd = app.add_subcommand("agent", "scripted agent: accepts and completes offers");
  agent_cmd->add_option("--id", agent.id, "agent id")->required();
  agent_cmd->add_option("--skills", skills, "comma-separated skills, e.g. technical:4,lang:ar");
  agent_cmd->add_option("--capacity", capacity, "per channel, e.g. voice=1,email=3");
  agent_cmd->add_option("--handle-seconds", agent.handle_seconds, "handling time")
      ->capture_default_str();
  agent_cmd->add_option("--max-contacts", agent.max_contacts, "leave after this many (0: never)");

  std::string cases_file;
  auto* cases = app.add_subcommand("cases", "case feed");
  cases->require_subcommand(1);
  auto* import = cases->add_subcommand("import", "upsert cases from a JSON lines file");
  import->add_option("file", cases_file, "JSON lines, - for stdin")->required();

  int top_iterations = 0;
  bool plain = false;
  auto* top = app.add_subcommand("top", "live view of queues and agents, refreshed every second");
  top->add_option("--iterations", top_iterations, "frames to draw (0: until Ctrl-C)");
  top->add_flag("--plain", plain, "no terminal control codes");

  std::string eval_file;
  auto* score = app.add_subcommand("score", "read JSON lines on stdin, print the reader's scores");
  score->add_option("--eval", eval_file, "labelled JSON lines file: print quality metrics");

  auto* token_cmd = app.add_subcommand("token", "bearer tokens for security.clients");
  token_cmd->require_subcommand(1);
  auto* token_new = token_cmd->add_subcommand(
      "new", "print a fresh random token and the token_sha256 line for relaisd's config");
  std::string token_name = "CLIENT";
  std::string token_role = "intake";
  token_new->add_option("--name", token_name, "client name for the config line");
  token_new->add_option("--role", token_role, "intake, agent, backoffice or supervisor")
      ->check(CLI::IsMember({"intake", "agent", "backoffice", "supervisor"}));

  CLI11_PARSE(app, argc, argv);

  if (*token_new) {
    const auto issued = relais::ctl::issueToken();
    if (issued.token.empty()) {
      std::cerr << "relaisctl: no randomness available\n";
      return 1;
    }
    std::cout << "token: " << issued.token << "\n"
              << "# give the token to the client only; put this line in security.clients:\n"
              << "- {name: " << token_name << ", role: " << token_role
              << (token_role == "agent" ? ", agent_id: AGENT_ID" : "")
              << ", token_sha256: " << issued.sha256 << "}\n";
    return 0;
  }
  if (auto error = relais::ctl::setClientSecurity(security); !error.empty()) {
    std::cerr << "relaisctl: " << error << "\n";
    return 1;
  }

  auto split = [](const std::string& list) {
    std::vector<std::string> items;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
      if (!item.empty()) {
        items.push_back(item);
      }
    }
    return items;
  };

  if (*submit) {
    if (!jsonl.empty()) {
      return withFile(jsonl, [&](std::istream& in) {
        return relais::ctl::runSubmitJsonl(server, in, std::cout);
      });
    }
    return relais::ctl::runSubmit(server, fields, std::cout);
  }
  if (*get) {
    return relais::ctl::runGet(server, contact_id, std::cout);
  }
  if (*stats) {
    return relais::ctl::runStats(server, std::cout);
  }
  if (*agent_cmd) {
    agent.skills = split(skills);
    agent.capacity = split(capacity);
    return relais::ctl::runAgent(server, agent, std::cout);
  }
  if (*import) {
    return withFile(cases_file, [&](std::istream& in) {
      return relais::ctl::runCasesImport(server, in, std::cout);
    });
  }
  if (*top) {
    return relais::ctl::runTop(server, std::cout, top_iterations,
                               !plain && isatty(STDOUT_FILENO));
  }
  if (*score) {
    const relais::routing::ContactReader reader;
    if (!eval_file.empty()) {
      return withFile(eval_file, [&](std::istream& in) {
        return relais::ctl::runEval(in, std::cout, reader);
      });
    }
    return relais::ctl::runScore(std::cin, std::cout, std::cerr, reader);
  }
  return 1;
}
