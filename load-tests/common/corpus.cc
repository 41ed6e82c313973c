#include "load-tests/common/corpus.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace relais::loadtests {
namespace {

bool flag(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::string text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<Corpus> loadCorpus(const std::vector<std::string>& files, std::string& error) {
  Corpus corpus;
  corpus.files = files;
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) {
      error = file + ": cannot open";
      return std::nullopt;
    }
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) {
        continue;
      }
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        error = file + ":" + std::to_string(line_no) + ": not a JSON object";
        return std::nullopt;
      }
      CorpusEntry e;
      e.id = text(j, "id");
      e.text = text(j, "text");
      if (e.text.empty()) {
        continue;
      }
      e.subject = text(j, "subject");
      e.channel = routing::parseChannel(text(j, "channel")).value_or(routing::Channel::kEmail);
      e.intent = routing::parseIntent(text(j, "intent")).value_or(routing::Intent::kOther);
      e.urgent = flag(j, "urgent");
      e.aggressive = flag(j, "aggressive");
      e.reassurance_high = flag(j, "reassurance_high");
      e.status_only = flag(j, "status_only");
      e.case_ref = text(j, "case_ref");
      corpus.entries.push_back(std::move(e));
    }
  }
  if (corpus.entries.empty()) {
    error = "no usable message in the corpus";
    return std::nullopt;
  }
  return corpus;
}

std::vector<std::string> defaultCorpusFiles() {
  namespace fs = std::filesystem;
  const fs::path source(RELAIS_SOURCE_DIR);
  const fs::path shared = source.parent_path() / "shared" / "samples" / "contacts.sample.jsonl";
  std::error_code ec;
  if (fs::exists(shared, ec)) {
    return {shared.string()};
  }
  return {(source / "routing" / "corpus" / "dev.jsonl").string()};
}

}  // namespace relais::loadtests
