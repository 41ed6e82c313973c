#include "ctl/score_command.h"

#include <array>
#include <cstdio>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "routing/channel.h"
#include "routing/reading.h"

namespace relais::ctl {
namespace {

using nlohmann::json;
using relais::routing::ContactReader;
using relais::routing::ReaderInput;
using relais::routing::Reading;

constexpr std::array<const char*, 4> kBoolLabels = {"urgent", "aggressive", "reassurance_high",
                                                    "status_only"};

// Parses one input line into `input` (views into `owned`); throws on a malformed line.
void parseInput(const json& j, ReaderInput& input, std::string& text, std::string& subject) {
  if (!j.is_object()) {
    throw std::invalid_argument("line is not a JSON object");
  }
  if (!j.contains("text") || !j["text"].is_string()) {
    throw std::invalid_argument("missing string field \"text\"");
  }
  text = j["text"].get<std::string>();
  input.text = text;
  if (j.contains("subject") && !j["subject"].is_null()) {
    if (!j["subject"].is_string()) {
      throw std::invalid_argument("\"subject\" must be a string");
    }
    subject = j["subject"].get<std::string>();
    input.subject = subject;
  }
  if (j.contains("channel") && !j["channel"].is_null()) {
    if (!j["channel"].is_string()) {
      throw std::invalid_argument("\"channel\" must be a string");
    }
    const auto channel = relais::routing::parseChannel(j["channel"].get<std::string>());
    if (!channel) {
      throw std::invalid_argument("unknown channel \"" + j["channel"].get<std::string>() + "\"");
    }
    input.channel = *channel;
  }
  if (j.contains("prior_contacts_same_case") && !j["prior_contacts_same_case"].is_null()) {
    if (!j["prior_contacts_same_case"].is_number_integer()) {
      throw std::invalid_argument("\"prior_contacts_same_case\" must be an integer");
    }
    input.context.prior_contacts_same_case = j["prior_contacts_same_case"].get<int>();
  }
  if (j.contains("vulnerable") && !j["vulnerable"].is_null()) {
    if (!j["vulnerable"].is_boolean()) {
      throw std::invalid_argument("\"vulnerable\" must be a boolean");
    }
    input.context.vulnerable = j["vulnerable"].get<bool>();
  }
}

json idOf(const json& j) {
  if (j.is_object() && j.contains("id") && (j["id"].is_string() || j["id"].is_number())) {
    return j["id"];
  }
  return nullptr;
}

json toJson(const json& id, const Reading& r) {
  json o = json::object();
  o["id"] = id;
  o["intent"] = std::string(relais::routing::intentName(r.intent));
  o["urgent"] = r.urgent;
  o["aggressive"] = r.aggressive;
  o["reassurance_high"] = r.reassurance_high;
  o["case_ref"] = r.case_ref ? json(*r.case_ref) : json(nullptr);
  o["status_only"] = r.status_only;
  o["urgency"] = r.urgency;
  o["reassurance"] = r.reassurance;
  o["asks_for_person"] = r.asks_for_person;
  o["gist"] = r.gist;
  o["reasons"] = r.reasons;
  return o;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

struct Counts {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  int tn = 0;
};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", v);
  return buf;
}

}  // namespace

int runScore(std::istream& in, std::ostream& out, std::ostream& err, const ContactReader& reader) {
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    json j;
    json id = nullptr;
    try {
      j = json::parse(line);
      id = idOf(j);
      ReaderInput input;
      std::string text;
      std::string subject;
      parseInput(j, input, text, subject);
      out << dump(toJson(id, reader.read(input))) << '\n';
    } catch (const std::exception& e) {
      json o = json::object();
      o["id"] = id;
      o["error"] = "line " + std::to_string(line_no) + ": " + e.what();
      out << dump(o) << '\n';
      err << "line " << line_no << ": " << e.what() << '\n';
    }
    if (!out) {
      return 1;
    }
  }
  return in.bad() || !out ? 1 : 0;
}

int runEval(std::istream& labelled, std::ostream& out, const ContactReader& reader) {
  std::array<Counts, kBoolLabels.size()> counts{};
  std::array<std::array<int, relais::routing::kIntentCount>, relais::routing::kIntentCount>
      confusion{};
  int total = 0;
  int intent_ok = 0;
  int ref_ok = 0;
  int errors = 0;
  std::vector<std::string> misreads;
  std::string line;
  while (std::getline(labelled, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    try {
      const json j = json::parse(line);
      ReaderInput input;
      std::string text;
      std::string subject;
      parseInput(j, input, text, subject);
      const auto expected_intent = relais::routing::parseIntent(j.at("intent").get<std::string>());
      if (!expected_intent) {
        throw std::invalid_argument("unknown intent label");
      }
      const Reading r = reader.read(input);
      ++total;
      std::vector<std::string> wrong;
      confusion[static_cast<std::size_t>(*expected_intent)][static_cast<std::size_t>(r.intent)]++;
      if (*expected_intent == r.intent) {
        ++intent_ok;
      } else {
        wrong.push_back("intent " + std::string(relais::routing::intentName(r.intent)) + " (want " +
                        std::string(relais::routing::intentName(*expected_intent)) + ")");
      }
      const std::array<bool, kBoolLabels.size()> got = {r.urgent, r.aggressive, r.reassurance_high,
                                                        r.status_only};
      for (std::size_t k = 0; k < kBoolLabels.size(); ++k) {
        const bool want = j.at(kBoolLabels[k]).get<bool>();
        Counts& c = counts[k];
        if (want && got[k]) {
          ++c.tp;
        } else if (!want && got[k]) {
          ++c.fp;
          wrong.push_back(std::string(kBoolLabels[k]) + " false positive");
        } else if (want && !got[k]) {
          ++c.fn;
          wrong.push_back(std::string(kBoolLabels[k]) + " missed");
        } else {
          ++c.tn;
        }
      }
      const json& want_ref = j.at("case_ref");
      const std::string want_norm =
          want_ref.is_string() ? ContactReader::normaliseCaseRef(want_ref.get<std::string>()) : "";
      const std::string got_norm = r.case_ref ? ContactReader::normaliseCaseRef(*r.case_ref) : "";
      if (want_norm == got_norm) {
        ++ref_ok;
      } else {
        wrong.push_back("case_ref " + (r.case_ref ? "\"" + *r.case_ref + "\"" : "null") +
                        " (want " + (want_ref.is_string() ? want_ref.dump() : "null") + ")");
      }
      if (!wrong.empty()) {
        std::string m = idOf(j).is_string() ? idOf(j).get<std::string>() : idOf(j).dump();
        m += ":";
        for (const std::string& w : wrong) {
          m += " " + w + ";";
        }
        misreads.push_back(std::move(m));
      }
    } catch (const std::exception& e) {
      ++errors;
      misreads.push_back(std::string("error: ") + e.what());
    }
  }
  out << "messages: " << total << (errors > 0 ? " (" + std::to_string(errors) + " bad lines)" : "")
      << '\n';
  for (std::size_t k = 0; k < kBoolLabels.size(); ++k) {
    const Counts& c = counts[k];
    const double p = c.tp + c.fp > 0 ? static_cast<double>(c.tp) / (c.tp + c.fp) : 1.0;
    const double rc = c.tp + c.fn > 0 ? static_cast<double>(c.tp) / (c.tp + c.fn) : 1.0;
    const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0;
    out << kBoolLabels[k] << ": precision " << fmt(p) << " recall " << fmt(rc) << " f1 " << fmt(f1)
        << " (tp " << c.tp << " fp " << c.fp << " fn " << c.fn << ")\n";
  }
  out << "intent accuracy: " << fmt(total > 0 ? static_cast<double>(intent_ok) / total : 1.0)
      << '\n';
  out << "case_ref exact match: " << fmt(total > 0 ? static_cast<double>(ref_ok) / total : 1.0)
      << '\n';
  out << "intent confusion (rows: labelled, columns: read):\n";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%-18s", "");
  out << buf;
  for (std::size_t c = 0; c < relais::routing::kIntentCount; ++c) {
    std::snprintf(
        buf, sizeof(buf), " %8.8s",
        std::string(relais::routing::intentName(static_cast<routing::Intent>(c))).c_str());
    out << buf;
  }
  out << '\n';
  for (std::size_t row = 0; row < relais::routing::kIntentCount; ++row) {
    std::snprintf(
        buf, sizeof(buf), "%-18s",
        std::string(relais::routing::intentName(static_cast<routing::Intent>(row))).c_str());
    out << buf;
    for (std::size_t c = 0; c < relais::routing::kIntentCount; ++c) {
      std::snprintf(buf, sizeof(buf), " %8d", confusion[row][c]);
      out << buf;
    }
    out << '\n';
  }
  if (!misreads.empty()) {
    out << "misread:\n";
    for (const std::string& m : misreads) {
      out << "  " << m << '\n';
    }
  }
  return labelled.bad() || !out ? 1 : 0;
}

}  // namespace relais::ctl
