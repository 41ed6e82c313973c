#include "routing/answer_template.h"

#include <algorithm>

namespace relais::routing {

const std::vector<std::string_view>& AnswerTemplate::knownPlaceholders() {
  static const std::vector<std::string_view> kNames = {
      "ref", "kind", "status", "step", "since", "next_step", "expected", "cases", "count"};
  return kNames;
}

std::optional<AnswerTemplate> AnswerTemplate::parse(std::string_view text, std::string* error) {
  AnswerTemplate t;
  t.lines_.emplace_back();
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) {
      t.lines_.back().push_back({false, literal});
      literal.clear();
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush();
      t.lines_.emplace_back();
    } else if (c == '{') {
      const auto close = text.find('}', i);
      if (close == std::string_view::npos) {
        if (error) {
          *error = "unclosed '{' at offset " + std::to_string(i);
        }
        return std::nullopt;
      }
      const auto name = text.substr(i + 1, close - i - 1);
      const auto& known = knownPlaceholders();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        if (error) {
          *error = "unknown placeholder {" + std::string(name) + "}";
        }
        return std::nullopt;
      }
      flush();
      t.lines_.back().push_back({true, std::string(name)});
      i = close;
    } else {
      literal += c;
    }
  }
  flush();
  return t;
}

std::string AnswerTemplate::render(const TemplateFields& fields,
                                   std::string_view line_separator) const {
  std::string out;
  bool first = true;
  for (const auto& line : lines_) {
    std::string rendered;
    bool keep = true;
    for (const auto& piece : line) {
      if (!piece.placeholder) {
        rendered += piece.text;
        continue;
      }
      auto it = fields.find(piece.text);
      if (it == fields.end() || it->second.empty()) {
        keep = false;
        break;
      }
      rendered += it->second;
    }
    if (!keep) {
      continue;
    }
    if (!first) {
      out += line_separator;
    }
    out += rendered;
    first = false;
  }
  return out;
}

}  // namespace relais::routing
