// AnswerTemplate: the small template language of automatic answers. Text with {placeholders};
// a line in which some placeholder is empty is dropped, so optional sentences (next step,
// expected date) need no conditionals. Lines are joined with "\n" (or a space for speech).
//
//   auto t = AnswerTemplate::parse("Étape : {step}.\nPrévue le {expected}.");
//   t->render({{"step", "devis reçu"}, {"expected", ""}}) == "Étape : devis reçu."
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::routing {

using TemplateFields = std::map<std::string, std::string, std::less<>>;

class AnswerTemplate {
 public:
  // The placeholders answers may use: ref, kind, status, step, since, next_step, expected,
  // cases, count.
  static const std::vector<std::string_view>& knownPlaceholders();

  // Parses `text`; on an unknown placeholder or an unclosed brace, `error` says which.
  static std::optional<AnswerTemplate> parse(std::string_view text, std::string* error = nullptr);

  std::string render(const TemplateFields& fields, std::string_view line_separator = "\n") const;

 private:
  struct Piece {
    bool placeholder = false;
    std::string text;  // literal text or placeholder name
  };
  std::vector<std::vector<Piece>> lines_;
};

}  // namespace relais::routing
