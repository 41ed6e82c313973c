#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "ctl/client.h"
#include "ctl/commands.h"
#include "relais/v1/intake.grpc.pb.h"
#include "relais/v1/supervision.grpc.pb.h"

namespace relais::ctl {
namespace {

std::optional<v1::Channel> parseChannel(const std::string& name) {
  if (name == "phone" || name == "voice") {
    return v1::CHANNEL_PHONE;
  }
  if (name == "email") {
    return v1::CHANNEL_EMAIL;
  }
  if (name == "web") {
    return v1::CHANNEL_WEB;
  }
  if (name == "digital_agency" || name == "chat" || name == "app") {
    return v1::CHANNEL_DIGITAL_AGENCY;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> toContact(const SubmitFields& f, v1::Contact& out) {
  if (f.id.empty()) {
    return "id: required";
  }
  auto channel = parseChannel(f.channel);
  if (!channel) {
    return "channel: must be phone, email, web or digital_agency, not '" + f.channel + "'";
  }
  out.set_contact_id(f.id);
  out.set_channel(*channel);
  out.set_tenant_id(f.tenant);
  out.set_case_ref(f.case_ref);
  out.set_subject(f.subject);
  out.set_text(f.text);
  out.mutable_context()->set_vulnerable(f.vulnerable);
  out.mutable_context()->set_preferred_language(f.language);
  out.mutable_context()->set_prior_contacts_same_case(f.prior_contacts_same_case);
  return std::nullopt;
}

std::optional<std::string> parseSubmitLine(const std::string& line, SubmitFields& out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return "not a JSON object";
  }
  auto str = [&](const char* key, std::string& field) -> std::optional<std::string> {
    if (auto it = j.find(key); it != j.end() && !it->is_null()) {
      if (!it->is_string()) {
        return std::string(key) + ": must be a string";
      }
      field = it->get<std::string>();
    }
    return std::nullopt;
  };
  struct Key {
    const char* name;
    const char* alias;
    std::string* field;
  };
  const Key keys[] = {{"id", nullptr, &out.id},
                      {"channel", nullptr, &out.channel},
                      {"tenant", "tenant_id", &out.tenant},
                      {"case", "case_ref", &out.case_ref},
                      {"subject", nullptr, &out.subject},
                      {"text", nullptr, &out.text},
                      {"language", nullptr, &out.language}};
  for (const auto& key : keys) {
    for (const char* name : {key.name, key.alias}) {
      if (name == nullptr) {
        continue;
      }
      if (auto e = str(name, *key.field)) {
        return e;
      }
    }
  }
  if (auto it = j.find("vulnerable"); it != j.end() && it->is_boolean()) {
    out.vulnerable = it->get<bool>();
  }
  if (auto it = j.find("prior_contacts_same_case"); it != j.end() && it->is_number_integer()) {
    out.prior_contacts_same_case = it->get<int>();
  }
  return std::nullopt;
}

int runSubmit(const std::string& server, const SubmitFields& fields, std::ostream& out) {
  v1::Contact contact;
  if (auto e = toContact(fields, contact)) {
    out << nlohmann::json({{"error", {{"message", *e}}}}).dump() << "\n";
    return 1;
  }
  auto stub = v1::ContactIntake::NewStub(connect(server));
  v1::SubmitReply reply;
  auto ctx = callContext();
  auto status = stub->Submit(ctx.get(), contact, &reply);
  if (!status.ok()) {
    return reportError(status, out);
  }
  out << toJson(reply) << "\n";
  return 0;
}

int runSubmitJsonl(const std::string& server, std::istream& in, std::ostream& out) {
  auto stub = v1::ContactIntake::NewStub(connect(server));
  std::string line;
  int worst = 0;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    SubmitFields fields;
    v1::Contact contact;
    auto problem = parseSubmitLine(line, fields);
    if (!problem) {
      problem = toContact(fields, contact);
    }
    if (problem) {
      out << nlohmann::json({{"line", number}, {"error", {{"message", *problem}}}}).dump() << "\n";
      worst = std::max(worst, 1);
      continue;
    }
    v1::SubmitReply reply;
    auto ctx = callContext();
    auto status = stub->Submit(ctx.get(), contact, &reply);
    if (!status.ok()) {
      out << nlohmann::json({{"line", number},
                             {"id", fields.id},
                             {"error",
                              {{"code", static_cast<int>(status.error_code())},
                               {"message", status.error_message()}}}})
                 .dump()
          << "\n";
      worst = 2;
      continue;
    }
    out << toJson(reply) << "\n";
  }
  return worst;
}

int runGet(const std::string& server, const std::string& contact_id, std::ostream& out) {
  auto stub = v1::ContactIntake::NewStub(connect(server));
  v1::GetContactRequest request;
  request.set_contact_id(contact_id);
  v1::ContactStatus reply;
  auto ctx = callContext();
  auto status = stub->GetContact(ctx.get(), request, &reply);
  if (!status.ok()) {
    return reportError(status, out);
  }
  out << toJson(reply) << "\n";
  return 0;
}

int runStats(const std::string& server, std::ostream& out) {
  auto stub = v1::Supervision::NewStub(connect(server));
  v1::SnapshotReply reply;
  auto ctx = callContext();
  auto status = stub->Snapshot(ctx.get(), v1::SnapshotRequest(), &reply);
  if (!status.ok()) {
    return reportError(status, out);
  }
  out << toJson(reply) << "\n";
  return 0;
}

}  // namespace relais::ctl
