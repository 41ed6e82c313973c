#include "routing/case_ref.h"

#include <algorithm>
#include <array>
#include <utility>

#include "routing/internal/byte_scan.h"
#include "routing/text_normaliser.h"

namespace relais::routing {
namespace {

enum class Kind : unsigned char { kDigit, kLetter, kUpper, kNumber, kLiteral, kOptSep, kReqSep };

struct Element {
  Kind kind = Kind::kDigit;
  char literal = 0;  // upper case, for kLiteral
  int min = 1;
  int max = 1;
  bool spelled_next = false;  // kLiteral followed by another kLiteral: a space may separate them
};

constexpr int kMaxCount = 20;
constexpr int kMinNumberDigits = 4;
// A number spoken digit by digit or in pairs (matchSpokenDigits): at least this many digits in
// a prefixed reference's number ("r c 2026 4 4 1 2"), and in a keyword-anchored one
// ("ticket numéro 9 1 4 6 6 2", where "3 fois" or a phone number must not pass).
constexpr int kMinSpokenDigits = 4;
constexpr int kMinSpokenNumberDigits = 5;
constexpr int kMaxSpokenNumberDigits = 12;
constexpr std::size_t kMaxFillers = 5;

bool isSep(char c) { return c == ' ' || c == '-' || c == '/' || c == '.' || c == '_'; }
using internal::isAsciiAlnum;
using internal::isAsciiDigit;
using internal::isAsciiLetter;
using internal::lowerAscii;
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Parses "{n}", "{m,n}", "+", "?" after an element; returns an error or nullopt.
std::optional<std::string> parseCount(std::string_view s, std::size_t& i, Element& e) {
  if (i >= s.size()) {
    return std::nullopt;
  }
  if (s[i] == '+') {
    e.min = 1;
    e.max = kMaxCount;
    ++i;
    return std::nullopt;
  }
  if (s[i] == '?') {
    e.min = 0;
    e.max = 1;
    ++i;
    return std::nullopt;
  }
  if (s[i] != '{') {
    return std::nullopt;
  }
  const std::size_t start = i;
  ++i;
  auto number = [&](int& v) -> bool {
    if (i >= s.size() || !isAsciiDigit(s[i])) {
      return false;
    }
    v = 0;
    while (i < s.size() && isAsciiDigit(s[i]) && v <= kMaxCount) {
      v = v * 10 + (s[i] - '0');
      ++i;
    }
    return true;
  };
  if (!number(e.min)) {
    return "expected a number after '{' at offset " + std::to_string(start);
  }
  e.max = e.min;
  if (i < s.size() && s[i] == ',') {
    ++i;
    if (!number(e.max)) {
      return "expected a number after ',' at offset " + std::to_string(start);
    }
  }
  if (i >= s.size() || s[i] != '}') {
    return "unclosed '{' at offset " + std::to_string(start);
  }
  ++i;
  if (e.max > kMaxCount || e.min > e.max || e.max == 0) {
    return "count out of range (0 <= m <= n <= 20, n > 0) at offset " + std::to_string(start);
  }
  return std::nullopt;
}

struct Parsed {
  std::vector<std::string> keywords;  // folded ASCII
  std::vector<Element> shape;
};

std::optional<std::string> parsePattern(std::string_view p, Parsed& out) {
  out = {};
  while (!p.empty() && p.front() == ' ') {
    p.remove_prefix(1);
  }
  while (!p.empty() && p.back() == ' ') {
    p.remove_suffix(1);
  }
  if (p.empty()) {
    return std::string("empty pattern");
  }
  std::size_t shape_at = 0;
  if (p.substr(0, 6) == "after ") {
    const std::size_t colon = p.find(':');
    if (colon == std::string_view::npos) {
      return std::string("'after' pattern needs ':' between its keywords and its shape");
    }
    std::string_view list = p.substr(6, colon - 6);
    while (true) {
      const std::size_t bar = list.find('|');
      std::string_view kw = list.substr(0, bar);
      while (!kw.empty() && kw.front() == ' ') {
        kw.remove_prefix(1);
      }
      while (!kw.empty() && kw.back() == ' ') {
        kw.remove_suffix(1);
      }
      const std::string folded = foldText(kw);
      if (folded.empty() || !std::all_of(folded.begin(), folded.end(), [](char c) {
            return isAsciiAlnum(c) || c == ' ' || c == '\'';
          })) {
        return "bad keyword '" + std::string(kw) + "' (letters, digits, spaces only)";
      }
      out.keywords.push_back(folded);
      if (bar == std::string_view::npos) {
        break;
      }
      list.remove_prefix(bar + 1);
    }
    shape_at = colon + 1;
    while (shape_at < p.size() && p[shape_at] == ' ') {
      ++shape_at;
    }
  }
  const std::string_view s = p.substr(shape_at);
  if (s.empty()) {
    return std::string("empty shape");
  }
  std::size_t i = 0;
  bool has_content = false;
  while (i < s.size()) {
    const char c = s[i];
    const std::size_t at = shape_at + i;
    Element e;
    ++i;
    if (c == '9' || c == '@' || c == '%') {
      e.kind = c == '9' ? Kind::kDigit : c == '@' ? Kind::kLetter : Kind::kUpper;
      if (auto err = parseCount(s, i, e)) {
        return err;
      }
      has_content = true;
    } else if (c == '#') {
      e.kind = Kind::kNumber;
      has_content = true;
    } else if (c >= 'A' && c <= 'Z') {
      e.kind = Kind::kLiteral;
      e.literal = c;
      has_content = true;
    } else if (c == '-' || c == '/') {
      e.kind = c == '-' ? Kind::kOptSep : Kind::kReqSep;
    } else {
      return "unexpected '" + std::string(1, c) + "' at offset " + std::to_string(at) +
             " (use 9 @ % # A-Z - / and counts {n} {m,n} + ?)";
    }
    if (i < s.size() && (s[i] == '{' || s[i] == '+' || s[i] == '?') && e.kind != Kind::kDigit &&
        e.kind != Kind::kLetter && e.kind != Kind::kUpper) {
      return "a count may only follow 9, @ or % (offset " + std::to_string(shape_at + i) + ")";
    }
    out.shape.push_back(e);
  }
  if (!has_content) {
    return std::string("shape matches no character (needs 9, @, %, # or a letter)");
  }
  if (out.shape.front().kind == Kind::kOptSep || out.shape.front().kind == Kind::kReqSep ||
      out.shape.back().kind == Kind::kOptSep || out.shape.back().kind == Kind::kReqSep) {
    return std::string("a shape may not begin or end with a separator");
  }
  for (std::size_t k = 0; k + 1 < out.shape.size(); ++k) {
    out.shape[k].spelled_next =
        out.shape[k].kind == Kind::kLiteral && out.shape[k + 1].kind == Kind::kLiteral;
  }
  return std::nullopt;
}

// True when no letter or digit precedes t[at] ("n°46-203-2026" starts a word at '4', "é2026"
// does not).
bool wordStart(std::string_view t, std::size_t at) {
  if (at == 0) {
    return true;
  }
  const auto prev = static_cast<unsigned char>(t[at - 1]);
  if (prev < 0x80) {
    return !isAsciiAlnum(static_cast<char>(prev));
  }
  std::size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(t[begin]) & 0xC0) == 0x80) {
    --begin;
  }
  const std::string_view folded = foldNextChar(t, begin);
  return folded.empty() || !isAsciiAlnum(folded.back());
}
bool wordEnd(std::string_view t, std::size_t at) { return at >= t.size() || !isAsciiAlnum(t[at]); }

std::size_t matchShape(const std::vector<Element>& shape, std::size_t k, std::string_view t,
                       std::size_t at);

// A number spoken digit by digit or in small groups, as speech-to-text writes it ("0 0 6 3 1 8",
// "00 73 18", "209 31"): groups of at most `max_group` digits separated by single spaces, at
// least two groups, `min_digits` to `max_digits` digits in all; the rest of the shape
// (shape[k + 1..]) after the longest such run that lets it match. Returns the end offset or
// npos.
std::size_t matchSpokenDigits(const std::vector<Element>& shape, std::size_t k,
                              std::string_view t, std::size_t at, int max_group, int min_digits,
                              int max_digits) {
  constexpr int kMaxGroups = 20;
  std::size_t ends[kMaxGroups];
  int totals[kMaxGroups];
  int groups = 0;
  int total = 0;
  std::size_t p = at;
  while (groups < kMaxGroups) {
    int g = 0;
    while (p + static_cast<std::size_t>(g) < t.size() &&
           isAsciiDigit(t[p + static_cast<std::size_t>(g)])) {
      ++g;
    }
    if (g == 0 || g > max_group || total + g > max_digits) {
      break;
    }
    p += static_cast<std::size_t>(g);
    total += g;
    ends[groups] = p;
    totals[groups] = total;
    ++groups;
    if (p + 1 < t.size() && t[p] == ' ' && isAsciiDigit(t[p + 1])) {
      ++p;
    } else {
      break;
    }
  }
  for (int i = groups - 1; i >= 1; --i) {  // two groups at least
    if (totals[i] < min_digits) {
      break;
    }
    const std::size_t r = matchShape(shape, k + 1, t, ends[i]);
    if (r != std::string_view::npos) {
      return r;
    }
  }
  return std::string_view::npos;
}

// Backtracking match of shape[k..] at t[at]; returns the end offset or npos. Shapes are short
// and counts bounded, so the work per start position is bounded.
std::size_t matchShape(const std::vector<Element>& shape, std::size_t k, std::string_view t,
                       std::size_t at) {
  if (k == shape.size()) {
    return wordEnd(t, at) ? at : std::string_view::npos;
  }
  const Element& e = shape[k];
  switch (e.kind) {
    case Kind::kLiteral: {
      if (at >= t.size() || upper(t[at]) != e.literal) {
        return std::string_view::npos;
      }
      if (e.spelled_next && at + 2 < t.size() && t[at + 1] == ' ' &&
          upper(t[at + 2]) == shape[k + 1].literal) {
        const std::size_t r = matchShape(shape, k + 1, t, at + 2);
        if (r != std::string_view::npos) {
          return r;
        }
      }
      return matchShape(shape, k + 1, t, at + 1);
    }
    case Kind::kOptSep:
    case Kind::kReqSep: {
      if (at < t.size() && isSep(t[at])) {
        const std::size_t r = matchShape(shape, k + 1, t, at + 1);
        if (r != std::string_view::npos || e.kind == Kind::kReqSep) {
          return r;
        }
      } else if (e.kind == Kind::kReqSep) {
        return std::string_view::npos;
      }
      return matchShape(shape, k + 1, t, at);
    }
    case Kind::kDigit:
    case Kind::kLetter:
    case Kind::kUpper: {
      // Speech-to-text spells a capitals code out letter by letter ("d s 2025 4471" for
      // DS-2025-4471): at least two single letters separated by single spaces ("y a" is French).
      if (e.kind == Kind::kUpper && e.min >= 2) {
        std::size_t ends[20];
        int spelled = 0;
        std::size_t p = at;
        while (spelled < e.max && p < t.size() && isAsciiLetter(t[p]) && wordEnd(t, p + 1)) {
          ends[spelled++] = p + 1;
          if (p + 2 < t.size() && t[p + 1] == ' ' && isAsciiLetter(t[p + 2])) {
            p += 2;
          } else {
            break;
          }
        }
        const bool french_y_a = spelled >= 2 && upper(t[at]) == 'Y' && upper(t[at + 2]) == 'A';
        for (int n = spelled; n >= e.min && n >= 2 && !french_y_a; --n) {
          const std::size_t r = matchShape(shape, k + 1, t, ends[n - 1]);
          if (r != std::string_view::npos) {
            return r;
          }
        }
      }
      auto accepts = [&e](char c) {
        return e.kind == Kind::kDigit    ? isAsciiDigit(c)
               : e.kind == Kind::kLetter ? isAsciiLetter(c)
                                         : (c >= 'A' && c <= 'Z');
      };
      int n = 0;
      while (n < e.max && at + static_cast<std::size_t>(n) < t.size() &&
             accepts(t[at + static_cast<std::size_t>(n)])) {
        ++n;
      }
      const int run = n;  // the loop below counts n down
      // Speech-to-text writes a long number in groups of three ("r c 2026 004 512"): whole
      // three-digit groups after the run continue it as far as the element allows, the longest
      // first, as the thousands groups of a kNumber do.
      if (e.kind == Kind::kDigit && e.max > e.min && run >= 1 && run <= 3) {
        constexpr int kMaxGroups = 4;
        std::size_t ends[kMaxGroups];
        int totals[kMaxGroups];
        int groups = 0;
        std::size_t p = at + static_cast<std::size_t>(n);
        int total = n;
        while (groups < kMaxGroups && total + 3 <= e.max && p + 3 < t.size() && t[p] == ' ' &&
               isAsciiDigit(t[p + 1]) && isAsciiDigit(t[p + 2]) && isAsciiDigit(t[p + 3]) &&
               wordEnd(t, p + 4)) {
          p += 4;
          total += 3;
          ends[groups] = p;
          totals[groups++] = total;
        }
        for (int g = groups - 1; g >= 0 && totals[g] >= e.min; --g) {
          const std::size_t r = matchShape(shape, k + 1, t, ends[g]);
          if (r != std::string_view::npos) {
            return r;
          }
        }
      }
      for (; n >= e.min; --n) {
        const std::size_t r = matchShape(shape, k + 1, t, at + static_cast<std::size_t>(n));
        if (r != std::string_view::npos) {
          return r;
        }
      }
      // Not a fixed-length year; runs of one to three digits ("0 0 6 3 1 8", "00 73 18", "209 31").
      if (e.kind == Kind::kDigit && e.min >= 3 && e.max > e.min && run <= 3) {
        return matchSpokenDigits(shape, k, t, at, /*max_group=*/3,
                                 std::max(e.min, kMinSpokenDigits), e.max);
      }
      return std::string_view::npos;
    }
    case Kind::kNumber: {
      std::size_t p = at;
      int digits = 0;
      while (p < t.size() && isAsciiDigit(t[p])) {
        ++p;
        ++digits;
      }
      while (digits > 0 && p + 3 < t.size() && t[p] == ' ' && isAsciiDigit(t[p + 1]) &&
             isAsciiDigit(t[p + 2]) && isAsciiDigit(t[p + 3]) && wordEnd(t, p + 4)) {
        p += 4;
        digits += 3;
      }
      if (digits == 1) {  // "ticket numéro 9 1 4 6 6 2": single digits, as speech-to-text writes
        return matchSpokenDigits(shape, k, t, at, /*max_group=*/1, kMinSpokenNumberDigits,
                                 kMaxSpokenNumberDigits);
      }
      if (digits < kMinNumberDigits) {
        return std::string_view::npos;
      }
      return matchShape(shape, k + 1, t, p);
    }
  }
  return std::string_view::npos;
}

// Matches the folded ASCII `word` at t[at] ignoring case and accents; returns the end or npos.
std::size_t matchFoldedWord(std::string_view t, std::size_t at, std::string_view word) {
  std::size_t i = at;
  std::size_t k = 0;
  while (k < word.size()) {
    if (i >= t.size()) {
      return std::string_view::npos;
    }
    const auto b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) {
      if (lowerAscii(static_cast<char>(b)) != word[k]) {
        return std::string_view::npos;
      }
      ++i;
      ++k;
      continue;
    }
    const std::string_view f = foldNextChar(t, i);
    if (f.empty() || word.substr(k, f.size()) != f) {
      return std::string_view::npos;
    }
    k += f.size();
  }
  return wordEnd(t, i) ? i : std::string_view::npos;
}

// After a keyword: skips blanks, "n°", "no", "numéro", ":", "#", "est", "c'est", "la", "le", and
// the hesitations of speech ("le ticket euh 894 261").
std::size_t skipFillers(std::string_view t, std::size_t at) {
  static constexpr std::string_view kFillers[] = {
      "numero", "number", "num", "nr", "no", "n", "est", "c'est", "c", "la", "le", "ref", "is",
      "euh", "heu", "hum", "ben", "donc"};
  for (std::size_t round = 0; round <= kMaxFillers; ++round) {
    while (at < t.size() && (t[at] == ' ' || t[at] == ':' || t[at] == '#' || t[at] == '.' ||
                             t[at] == '(' || t[at] == '\'' || t[at] == '"')) {
      ++at;
    }
    // Degree sign and ordinal indicator ("n°", "nº").
    while (at + 1 < t.size() && static_cast<unsigned char>(t[at]) == 0xC2 &&
           (static_cast<unsigned char>(t[at + 1]) == 0xB0 ||
            static_cast<unsigned char>(t[at + 1]) == 0xBA)) {
      at += 2;
    }
    if (round == kMaxFillers) {
      break;
    }
    bool skipped = false;
    // An ASCII byte here must be a filler's first letter (matchFoldedWord would fail on it).
    const auto b = at < t.size() ? static_cast<unsigned char>(t[at]) : 0;
    const char first = lowerAscii(static_cast<char>(b));
    for (std::string_view f : kFillers) {
      if (b < 0x80 && f.front() != first) {
        continue;
      }
      const std::size_t e = matchFoldedWord(t, at, f);
      if (e != std::string_view::npos) {
        at = e;
        skipped = true;
        break;
      }
    }
    if (!skipped) {
      break;
    }
  }
  while (at < t.size() && (t[at] == ' ' || t[at] == ':' || t[at] == '#' || t[at] == '.')) {
    ++at;
  }
  return at;
}

// The bytes a match may begin with, so that find() tries a pattern only where it can match: a
// word start that cannot begin any keyword or shape costs one lookup per pattern.
using ByteSet = std::array<bool, 256>;

ByteSet allBytes() {
  ByteSet set;
  set.fill(true);
  return set;
}

void addLetterCases(ByteSet& set, char c) {
  set[static_cast<unsigned char>(c)] = true;
  if (isAsciiLetter(c)) {
    set[static_cast<unsigned char>(c | 0x20)] = true;
    set[static_cast<unsigned char>(upper(c))] = true;
  }
}

ByteSet keywordStartBytes(const std::vector<std::string>& keywords) {
  if (keywords.empty()) {
    return allBytes();
  }
  ByteSet set{};
  for (const std::string& kw : keywords) {
    addLetterCases(set, kw.front());
  }
  // An accented letter folds to ASCII ("Référence" starts with 'R', "écrit" with 'e').
  for (int b = 0x80; b < 0x100; ++b) {
    set[b] = true;
  }
  return set;
}

ByteSet shapeStartBytes(const std::vector<Element>& shape) {
  const Element& e = shape.front();
  if (e.min == 0) {
    return allBytes();
  }
  ByteSet set{};
  for (int b = 0; b < 0x80; ++b) {
    const char c = static_cast<char>(b);
    switch (e.kind) {
      case Kind::kDigit:
      case Kind::kNumber:
        set[b] = isAsciiDigit(c);
        break;
      case Kind::kLetter:
        set[b] = isAsciiLetter(c);
        break;
      case Kind::kUpper:  // spelled out, a capitals code may be written in lower case
        set[b] = e.min >= 2 ? isAsciiLetter(c) : (c >= 'A' && c <= 'Z');
        break;
      case Kind::kLiteral:
        set[b] = upper(c) == e.literal;
        break;
      case Kind::kOptSep:
      case Kind::kReqSep:
        return allBytes();
    }
  }
  return set;
}

// The most bytes a match of `shape` can hold before its first digit (the first element that
// needs one), or npos when no element needs a digit. A shape-only pattern cannot match where
// the next digit is farther than that: find() skips it there without running matchShape.
std::size_t bytesBeforeFirstDigit(const std::vector<Element>& shape) {
  std::size_t bytes = 0;
  for (const Element& e : shape) {
    switch (e.kind) {
      case Kind::kNumber:
        return bytes;
      case Kind::kDigit:
        if (e.min > 0) {
          return bytes;
        }
        break;  // optional digits: any it takes come before the bound
      case Kind::kLiteral:
        bytes += e.spelled_next ? 2 : 1;  // "m u t": a letter and a space
        break;
      case Kind::kOptSep:
      case Kind::kReqSep:
        bytes += 1;
        break;
      case Kind::kLetter:
        bytes += static_cast<std::size_t>(e.max);
        break;
      case Kind::kUpper:  // spelled out, each letter may be followed by a space
        bytes += static_cast<std::size_t>(e.min >= 2 ? 2 * e.max : e.max);
        break;
    }
  }
  return std::string_view::npos;
}

// Whether matchFoldedWord(t, at, keyword) fails within the keyword's first four characters,
// judged only as long as the text's bytes are ASCII (one byte, one character): most words that
// share a keyword's first letters ("de", "demain" for "dossier", "demande") are turned down
// without the call.
bool asciiPrefixRejects(std::string_view t, std::size_t at, const std::string& keyword) {
  if (static_cast<unsigned char>(t[at]) >= 0x80) {
    return false;
  }
  const std::size_t judged = std::min<std::size_t>(keyword.size(), 4);
  for (std::size_t k = 1; k < judged; ++k) {
    if (at + k >= t.size()) {
      return true;  // the text ends inside the keyword
    }
    const auto b = static_cast<unsigned char>(t[at + k]);
    if (b >= 0x80) {
      return false;  // a folded character: matchFoldedWord judges it
    }
    if (lowerAscii(static_cast<char>(b)) != keyword[k]) {
      return true;
    }
  }
  return false;
}

// A shape starting with capitals ("%{2,4}") matches at a lower-case letter only when it is
// spelled out, one letter then a word end ("d s 2025 4471"); an ordinary lower-case word start
// can be rejected without running matchShape (which would fail on it).
bool spelledCapitalsOnly(const std::vector<Element>& shape) {
  return shape.front().kind == Kind::kUpper && shape.front().min >= 2;
}

}  // namespace

struct CaseRefMatcher::Compiled {
  std::string text;
  Parsed parsed;
  std::size_t keyword_group = 0;  // patterns with the same keywords share a group
  ByteSet keyword_start{};
  ByteSet shape_start{};
  bool spelled_capitals_only = false;  // see spelledCapitalsOnly
  // Indices of parsed.keywords by first byte, each byte's in list order: [by_first_offset[c],
  // by_first_offset[c + 1]) of keywords_by_first are the keywords that can match at a word
  // whose first character folds to c.
  std::vector<std::uint32_t> keywords_by_first;
  std::array<std::uint32_t, 129> by_first_offset{};
};

namespace {
// A pattern list longer than this keeps its per-position keyword cache on the heap.
constexpr std::size_t kInlinePatterns = 32;
}  // namespace

CaseRefMatcher::CaseRefMatcher(const std::vector<std::string>& patterns) {
  const std::vector<std::string>& list = patterns.empty() ? defaultCaseRefPatterns() : patterns;
  for (const std::string& p : list) {
    Compiled c;
    c.text = p;
    if (!parsePattern(p, c.parsed)) {
      c.keyword_start = keywordStartBytes(c.parsed.keywords);
      c.shape_start = shapeStartBytes(c.parsed.shape);
      c.spelled_capitals_only = spelledCapitalsOnly(c.parsed.shape);
      for (std::size_t k = 0; k < c.parsed.keywords.size(); ++k) {  // keywords are ASCII
        ++c.by_first_offset[static_cast<unsigned char>(c.parsed.keywords[k].front()) + 1];
      }
      for (std::size_t b = 0; b < 128; ++b) {
        c.by_first_offset[b + 1] += c.by_first_offset[b];
      }
      c.keywords_by_first.resize(c.parsed.keywords.size());
      std::array<std::uint32_t, 128> fill{};
      std::copy_n(c.by_first_offset.begin(), fill.size(), fill.begin());
      for (std::size_t k = 0; k < c.parsed.keywords.size(); ++k) {
        c.keywords_by_first[fill[static_cast<unsigned char>(c.parsed.keywords[k].front())]++] =
            static_cast<std::uint32_t>(k);
      }
      c.keyword_group = compiled_.size();
      for (const Compiled& earlier : compiled_) {
        if (earlier.parsed.keywords == c.parsed.keywords) {
          c.keyword_group = earlier.keyword_group;
          break;
        }
      }
      compiled_.push_back(std::move(c));
    }
  }
  every_shape_needs_digit_ =
      !compiled_.empty() && std::all_of(compiled_.begin(), compiled_.end(), [](const Compiled& c) {
        return std::any_of(c.parsed.shape.begin(), c.parsed.shape.end(), [](const Element& e) {
          return e.kind == Kind::kNumber || (e.kind == Kind::kDigit && e.min > 0);
        });
      });
  if (compiled_.size() <= 64) {
    start_masks_.assign(256, 0);
    for (std::size_t pi = 0; pi < compiled_.size(); ++pi) {
      const Compiled& c = compiled_[pi];
      for (std::size_t b = 0; b < 256; ++b) {
        // A keyword pattern's shape starts after the keyword: only the keyword's byte counts.
        if (c.keyword_start[b] && (!c.parsed.keywords.empty() || c.shape_start[b])) {
          start_masks_[b] |= std::uint64_t{1} << pi;
        }
      }
      if (!c.parsed.keywords.empty()) {
        keyword_mask_ |= std::uint64_t{1} << pi;
        for (const std::string& kw : c.parsed.keywords) {
          const auto front = static_cast<unsigned char>(kw[0]);
          if (kw.size() == 1) {  // any second byte will do
            for (std::size_t second = 0; second < 128; ++second) {
              keyword_pairs_.set(front * 128 + second);
            }
          } else {
            keyword_pairs_.set(front * 128 + static_cast<unsigned char>(kw[1]));
          }
        }
      } else {
        shape_only_mask_ |= std::uint64_t{1} << pi;
        shape_reach_ = std::max(shape_reach_, bytesBeforeFirstDigit(c.parsed.shape));
      }
    }
  }
}

CaseRefMatcher::~CaseRefMatcher() = default;
CaseRefMatcher::CaseRefMatcher(CaseRefMatcher&&) noexcept = default;
CaseRefMatcher& CaseRefMatcher::operator=(CaseRefMatcher&&) noexcept = default;

const std::string& CaseRefMatcher::patternText(std::size_t i) const { return compiled_[i].text; }

std::optional<CaseRefMatch> CaseRefMatcher::find(std::string_view t) const {
  std::optional<CaseRefMatch> best;
  // Where a match may start: anywhere, or when every shape needs a digit, at or before the
  // text's last digit (the match still ends wherever the whole text says).
  std::size_t scan_end = t.size();
  if (every_shape_needs_digit_) {
    scan_end = internal::afterLastDigit(t);
  }
  // Where each keyword group's filler-skipped reference would start at the current position
  // (npos: no keyword); on the stack for the usual short pattern lists.
  std::array<std::size_t, kInlinePatterns> inline_groups;
  std::vector<std::size_t> heap_groups;
  if (compiled_.size() > kInlinePatterns) {
    heap_groups.resize(compiled_.size());
  }
  std::size_t* const group_start =
      compiled_.size() > kInlinePatterns ? heap_groups.data() : inline_groups.data();
  // The first digit at or after the current position, for shape_reach_; advanced lazily.
  std::size_t next_digit = 0;
  // Word starts only: a tight scan over the bytes in between, which the tests below would
  // reject one by one.
  internal::WordStarts word_starts(t, scan_end);
  for (std::size_t at = word_starts.next(); at < scan_end; at = word_starts.next()) {
    const auto b = static_cast<unsigned char>(t[at]);
    // No pattern can begin with this byte: nothing to try (and nothing to stop at).
    std::uint64_t mask = start_masks_.empty() ? ~std::uint64_t{0} : start_masks_[b];
    if (mask == 0) {
      continue;
    }
    // The byte a keyword must begin with to match here (matchFoldedWord's test of the first
    // character): an ASCII byte in lower case, or the first byte of a character's fold, folded
    // once here rather than once per keyword.
    char first = lowerAscii(static_cast<char>(b));
    if (b >= 0x80) {
      std::size_t after = at;
      const std::string_view folded = foldNextChar(t, after);
      first = folded.empty() ? '\0' : folded.front();
      const auto f = static_cast<unsigned char>(first);
      if (!start_masks_.empty()) {  // keyword patterns none of whose keywords begin with `first`
        mask &= ~keyword_mask_ | (f < 0x80 ? start_masks_[f] : 0);
      }
    }
    // Two ASCII bytes that begin no keyword ("le", "je", "de" but for "demande"): no keyword
    // pattern matches here.
    if ((mask & keyword_mask_) != 0 && b < 0x80 && at + 1 < t.size() &&
        static_cast<unsigned char>(t[at + 1]) < 0x80) {
      const char second = t[at + 1];
      const auto lower = static_cast<unsigned char>(lowerAscii(second));
      if (!keyword_pairs_.test(static_cast<unsigned char>(first) * 128 + lower)) {
        mask &= ~keyword_mask_;
      }
    }
    if ((mask & shape_only_mask_) != 0) {
      if (next_digit < at) {
        next_digit = internal::nextDigit(t, at, scan_end);
      }
      if (next_digit - at > shape_reach_) {
        mask &= ~shape_only_mask_;
      }
    }
    if (mask == 0) {
      continue;
    }
    if (!wordStart(t, at)) {
      continue;
    }
    if (best && at > best->begin) {
      break;
    }
    constexpr std::size_t kUnknown = std::string_view::npos - 1;
    std::fill(group_start, group_start + compiled_.size(), kUnknown);
    const std::size_t count = compiled_.size();
    for (std::size_t pi = 0; pi < count; ++pi) {
      if (!start_masks_.empty()) {
        // Straight to the next pattern whose bit is set (count <= 64 here): the others'
        // keyword_start, or shape_start when they have no keyword, reject t[at].
        const std::uint64_t rest = mask >> pi;
        if (rest == 0) {
          break;
        }
        pi += static_cast<std::size_t>(__builtin_ctzll(rest));
      }
      const Compiled& c = compiled_[pi];
      // With masks, bit pi set already says keyword_start accepts t[at].
      if (start_masks_.empty() && !c.keyword_start[static_cast<unsigned char>(t[at])]) {
        continue;
      }
      const Parsed& p = c.parsed;
      std::size_t start = at;
      if (!p.keywords.empty()) {
        std::size_t& cached = group_start[compiled_[pi].keyword_group];
        if (cached == kUnknown) {
          cached = std::string_view::npos;
          // Only the keywords that begin with `first`: matchFoldedWord fails on the others' first
          // character.
          const auto f = static_cast<unsigned char>(first);
          const std::uint32_t kw_begin = f < 0x80 ? c.by_first_offset[f] : 0;
          const std::uint32_t kw_end_index = f < 0x80 ? c.by_first_offset[f + 1] : 0;
          for (std::uint32_t k = kw_begin; k < kw_end_index; ++k) {
            const std::string& kw = p.keywords[c.keywords_by_first[k]];
            if (asciiPrefixRejects(t, at, kw)) {
              continue;  // matchFoldedWord would fail on the first four characters
            }
            const std::size_t kw_end = matchFoldedWord(t, at, kw);
            if (kw_end != std::string_view::npos) {
              cached = skipFillers(t, kw_end);
              break;
            }
          }
        }
        if (cached == std::string_view::npos) {
          continue;
        }
        start = cached;
        if (!wordStart(t, start)) {
          continue;
        }
      }
      if (start >= t.size() || !c.shape_start[static_cast<unsigned char>(t[start])]) {
        continue;
      }
      if (c.spelled_capitals_only && t[start] >= 'a' && t[start] <= 'z' && !wordEnd(t, start + 1)) {
        continue;  // lower case and not spelled out: matchShape would fail
      }
      const std::size_t end = matchShape(p.shape, 0, t, start);
      if (end == std::string_view::npos || end == start) {
        continue;
      }
      if (!best || start < best->begin || (start == best->begin && end > best->end)) {
        best = CaseRefMatch{start, end, pi};
      }
    }
  }
  return best;
}

const std::vector<std::string>& defaultCaseRefPatterns() {
  static const auto* const kDefaults = [] {
    // The words that name a file, before a reference that would be too loose alone.
    const std::string kAfterAFile =
        "after dossier|ticket|demande|reference|ref|reclamation|intervention|signalement|requete|"
        "suivi|request|case|file: ";
    return new std::vector<std::string>{
        "RC-9{4}-9{3,8}",
        "INT-9{4}-9{3,8}",
        "MUT-9{4}-9{3,6}",
        "DM-9{2}-9{4,8}",
        "%{2,4}/9{4}/9{3,8}",
        "%{2,3}/9{2}/9{4,8}",
        "9{2}/9{3}/9{4}",
        kAfterAFile + "9{4}/9{4,8}",
        // "mon dossier, si je ne m'abuse, porte le numéro 2025/204417": a year and a number.
        "after numero: 9{4}/9{4,8}",
        // "c'est pour le bon numéro 879420": a work order's number (bon de travaux).
        "after bon: #",
        // "2026/004 871": the number after the year grouped by thousands.
        kAfterAFile + "9{4}/#",
        kAfterAFile + "#",
        kAfterAFile + "%{1,4}-9{4,10}",
        // Other landlords' numbering: a year, a service's code and a number ("2026-SAV-0733"),
        // letters glued to a short year ("A26-01187"), a code spoken before the year ("rec 2026
        // 0087").
        "9{4}/%{2,4}/9{3,8}",
        kAfterAFile + "@{1,4}9{2,4}-9{3,8}",
        kAfterAFile + "@{2,4}/9{4}/9{3,8}",
        // A code, a département and a year before the number ("MUT/38/2025/01142"), a code and a
        // short year ("réf. REMB-25-0934").
        "%{2,4}/9{2}/9{4}/9{3,8}",
        kAfterAFile + "%{2,5}/9{2}/9{3,8}",
    };
  }();
  return *kDefaults;
}

std::optional<std::string> validateCaseRefPatternSyntax(std::string_view pattern) {
  Parsed p;
  return parsePattern(pattern, p);
}

std::string caseRefComparisonForm(std::string_view ref) {
  const std::string spaced = foldText(ref);
  // A number spoken digit by digit or in pairs ("r c 2026 0 0 4 5 1 2", "00 45 12") is one
  // number: a single space between two runs of one or two digits joins them, so that the spoken
  // form compares equal to the typed one ("RC-2026-004512"). A year or a group of three ("d m
  // 77 209 31") keeps its separator.
  const auto shortRun = [](std::size_t begin, std::size_t end) {
    return end > begin && end - begin <= 2;
  };
  std::string folded;
  folded.reserve(spaced.size());
  for (std::size_t i = 0; i < spaced.size(); ++i) {
    if (spaced[i] == ' ' && i > 0 && i + 1 < spaced.size() && isAsciiDigit(spaced[i - 1]) &&
        isAsciiDigit(spaced[i + 1])) {
      std::size_t b = i;
      while (b > 0 && isAsciiDigit(spaced[b - 1])) {
        --b;
      }
      std::size_t e = i + 1;
      while (e < spaced.size() && isAsciiDigit(spaced[e])) {
        ++e;
      }
      if (shortRun(b, i) && shortRun(i + 1, e)) {
        continue;
      }
    }
    folded.push_back(spaced[i]);
  }
  std::string out;
  out.reserve(folded.size());
  bool in_digits = false;
  bool leading = false;
  for (char c : folded) {
    if (isAsciiDigit(c)) {
      if (!in_digits) {
        in_digits = true;
        leading = true;
      }
      if (leading && c == '0') {
        continue;
      }
      leading = false;
      out.push_back(c);
      continue;
    }
    if (in_digits && leading) {
      out.push_back('0');  // the run was all zeros
    }
    if (c == ' ' || c == '-' || c == '/' || c == '.' || c == '_') {
      // Separators between digit runs keep the runs apart; they are dropped.
      if (in_digits) {
        in_digits = false;
      }
      continue;
    }
    in_digits = false;
    if (isAsciiLetter(c)) {
      out.push_back(upper(c));
    }
  }
  if (in_digits && leading) {
    out.push_back('0');
  }
  return out;
}

}  // namespace relais::routing
