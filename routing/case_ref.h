// Case references ("RC-2026-004512", "dossier n° 2025/118734", "ticket 890 377") found in a
// tenant's message by a small, configurable pattern language, and their comparison form.
//
// Pattern syntax (one pattern per string; letters and keywords are matched ignoring case and
// accents; a match must start and end on a word boundary):
//
//   pattern    := [ "after " keyword { "|" keyword } ":" ] shape
//   shape      := element { element }
//   element    := "9" [count]   one digit ("9{4}" four digits)
//               | "@" [count]   one letter
//               | "%" [count]   one letter written in capitals ("%{2,4}" matches "SIG", not "le")
//               | "#"           a number of at least four digits; a following " ddd" group is
//                               part of it, as tenants and speech-to-text write "890 377"
//               | "A".."Z"      that letter; a run of such letters may be spelled out with
//                               single spaces, as speech-to-text does ("m u t" for "MUT")
//               | "-"           an optional separator: nothing or one of ' ' '-' '/' '.' '_'
//               | "/"           a required separator: one of ' ' '-' '/' '.' '_'
//   count      := "{n}" | "{m,n}" | "+" (1 to 20) | "?" (0 or 1);  m <= n <= 20
//
// A shape-only pattern ("prefix-shaped") matches anywhere: "RC-9{4}-9{3,8}" finds RC-2026-004512,
// RC2026/8823 and "rc 2026 8823". A keyword-anchored pattern matches the shape right after one
// of its keywords, past "n°", "no", "numéro", ":", "#", "est", "c'est", "la", "le":
// "after dossier|ticket: #" finds 884213 in "ticket n° 884213" but nothing in "n° de locataire
// 0078134". When several patterns match, the earliest match in the text wins, then the longest.
//
// Thread-safety: a CaseRefMatcher is immutable after construction.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::routing {

struct CaseRefMatch {
  std::size_t begin = 0;  // byte span of the reference in the searched text
  std::size_t end = 0;
  std::size_t pattern = 0;  // index of the pattern that matched
};

class CaseRefMatcher {
 public:
  // Invalid patterns are skipped (validate them first with validateCaseRefPatternSyntax).
  // An empty list means defaultCaseRefPatterns().
  explicit CaseRefMatcher(const std::vector<std::string>& patterns);
  ~CaseRefMatcher();
  CaseRefMatcher(CaseRefMatcher&&) noexcept;
  CaseRefMatcher& operator=(CaseRefMatcher&&) noexcept;

  // The first reference in `text` (display text: valid UTF-8), if any.
  std::optional<CaseRefMatch> find(std::string_view text) const;
  // The source text of pattern `i`, for reasons.
  const std::string& patternText(std::size_t i) const;

 private:
  struct Compiled;
  std::vector<Compiled> compiled_;
  // Per first byte of a word, the patterns (bit i: compiled_[i]) that may match there: those
  // whose keyword, or shape when they have no keyword, can begin with that byte. Empty when
  // there are more patterns than bits (every pattern is then tried).
  std::vector<std::uint64_t> start_masks_;
  // Every pattern's shape needs a digit (true of the defaults): no match can start after the
  // text's last digit, and a text without digits has none.
  bool every_shape_needs_digit_ = false;
  // With start_masks_: the patterns anchored on keywords, and those made of a shape alone.
  std::uint64_t keyword_mask_ = 0;
  std::uint64_t shape_only_mask_ = 0;
  // The first two bytes of the keywords (ASCII, folded), bit first * 128 + second: a word
  // that begins otherwise is tried with no keyword pattern.
  std::bitset<128 * 128> keyword_pairs_;
  // The most bytes a match of a shape-only pattern holds before its first digit (npos: some
  // needs none): where the next digit is farther, only keyword patterns are tried. Most words
  // of a message are that far from any digit.
  std::size_t shape_reach_ = 0;
};

// The patterns used when the configuration gives none.
const std::vector<std::string>& defaultCaseRefPatterns();

// std::nullopt when valid, otherwise what is wrong and where.
std::optional<std::string> validateCaseRefPatternSyntax(std::string_view pattern);

// Upper case, accents folded, spaces and punctuation dropped, leading zeros of digit runs
// stripped: "rc-2026-004512" and "RC 2026 4512" both give "RC20264512".
std::string caseRefComparisonForm(std::string_view ref);

}  // namespace relais::routing
