#include "ctl/case_import.h"

#include <google/protobuf/util/time_util.h>

#include <nlohmann/json.hpp>

namespace relais::ctl {
namespace {

std::optional<std::string> parseDate(const nlohmann::json& value, const std::string& key,
                                     google::protobuf::Timestamp& out) {
  if (!value.is_string()) {
    return key + ": must be a date string";
  }
  std::string text = value.get<std::string>();
  if (text.size() == 10) {
    text += "T00:00:00Z";
  }
  if (!google::protobuf::util::TimeUtil::FromString(text, &out)) {
    return key + ": not a date (" + value.get<std::string>() +
           "); use 2026-03-12 or 2026-03-12T09:30:00Z";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parseCaseLine(const std::string& line, v1::Case& out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return "not a JSON object";
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const auto& value = it.value();
    if (value.is_null()) {
      continue;
    }
    std::optional<std::string> problem;
    auto text = [&](void (v1::Case::*set)(const std::string&)) {
      if (!value.is_string()) {
        problem = key + ": must be a string";
        return;
      }
      (out.*set)(value.get<std::string>());
    };
    if (key == "case_ref") {
      text(&v1::Case::set_case_ref);
    } else if (key == "tenant_id") {
      text(&v1::Case::set_tenant_id);
    } else if (key == "kind") {
      text(&v1::Case::set_kind);
    } else if (key == "status") {
      text(&v1::Case::set_status);
    } else if (key == "next_step") {
      text(&v1::Case::set_next_step);
    } else if (key == "opened_at") {
      problem = parseDate(value, key, *out.mutable_opened_at());
    } else if (key == "updated_at") {
      problem = parseDate(value, key, *out.mutable_updated_at());
    } else if (key == "expected_at") {
      problem = parseDate(value, key, *out.mutable_expected_at());
    } else if (key == "closed") {
      if (!value.is_boolean()) {
        problem = key + ": must be true or false";
      } else {
        out.set_closed(value.get<bool>());
      }
    } else if (key == "steps") {
      if (!value.is_array()) {
        problem = "steps: must be a list of {label, at}";
      } else {
        for (std::size_t i = 0; i < value.size() && !problem; ++i) {
          const auto& s = value[i];
          const std::string where = "steps[" + std::to_string(i) + "]";
          if (!s.is_object() || !s.contains("label") || !s["label"].is_string()) {
            problem = where + ".label: required string";
            break;
          }
          auto* step = out.add_steps();
          step->set_label(s["label"].get<std::string>());
          if (s.contains("at") && !s["at"].is_null()) {
            problem = parseDate(s["at"], where + ".at", *step->mutable_at());
          }
        }
      }
    } else {
      problem = key + ": unknown key";
    }
    if (problem) {
      return problem;
    }
  }
  if (out.case_ref().empty()) {
    return "case_ref: required";
  }
  if (out.tenant_id().empty()) {
    return "tenant_id: required";
  }
  if (!out.has_updated_at()) {
    return "updated_at: required";
  }
  return std::nullopt;
}

}  // namespace relais::ctl
