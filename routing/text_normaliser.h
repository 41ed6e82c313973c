// Text normalisation for the contact reader: turns a tenant's message, whatever its shape (HTML
// mail body, SMS-style web form, speech-to-text transcript, invalid UTF-8, binary junk), into
//  - a display text: valid UTF-8, tags stripped, entities decoded, blanks collapsed, newlines
//    kept; what gists and reasons quote;
//  - a token stream over the display text: lower case ASCII, accents folded (é->e, œ->oe),
//    apostrophes and hyphens split ("j'ai" -> "j" "ai"), SMS spellings expanded ("tjs" ->
//    "toujours", "jattend" -> "j" "attend"), speech fillers ("euh") and stutters ("le le")
//    dropped, each token knowing its sentence and its span in the display text.
// Linear time in the input size, never throws on any byte string. Pure functions, no state: safe
// from any thread.
//
//   NormalisedText text;
//   normaliseText(raw, text);  // reuses text's buffers
//   for (const Token& t : text.tokens) { std::string_view w = text.word(t); ... }
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relais::routing {

struct Token {
  std::uint32_t norm_begin = 0;  // in NormalisedText::norm
  std::uint32_t norm_size = 0;
  std::uint32_t src_begin = 0;  // span in NormalisedText::display
  std::uint32_t src_end = 0;
  std::uint32_t sentence = 0;  // index in NormalisedText::sentences
  bool after_dropped = false;  // a filler or stutter was dropped just before this token
};

struct Sentence {
  std::uint32_t src_begin = 0;  // span in NormalisedText::display
  std::uint32_t src_end = 0;
  std::uint32_t first_token = 0;  // [first_token, end_token) in NormalisedText::tokens
  std::uint32_t end_token = 0;
};

struct NormalisedText {
  std::string display;
  std::string norm;  // token texts, back to back
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // A token's span is always within norm: no bounds check (readers ask for every token's word).
  std::string_view word(const Token& t) const {
    return std::string_view(norm.data() + t.norm_begin, t.norm_size);
  }
  std::string_view source(std::uint32_t begin, std::uint32_t end) const {
    return std::string_view(display).substr(begin, end - begin);
  }
  void clear();
};

// Longest input considered, in bytes; the rest is ignored (a message is never that long).
inline constexpr std::size_t kMaxReadBytes = 64 * 1024;

// Fills `out` (cleared first) from `raw`.
void normaliseText(std::string_view raw, NormalisedText& out);

// Display form only: valid UTF-8, HTML tags stripped, entities decoded, blanks collapsed.
std::string cleanText(std::string_view raw);

// Lower case ASCII fold of one string (accents stripped, punctuation kept), for keyword lists.
std::string foldText(std::string_view text);

// The ASCII fold of the character at s[i] (lower case, no accent; "" or " " for symbols), and
// advances i past it (one byte when the sequence is invalid). No allocation.
std::string_view foldNextChar(std::string_view s, std::size_t& i);

// True when `s` is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view s);

// The longest prefix of `s` of at most `max_bytes` bytes that ends on a character boundary.
std::string_view utf8Prefix(std::string_view s, std::size_t max_bytes);

// Appends code point `cp` to `out` as UTF-8.
void appendUtf8(std::string& out, std::uint32_t cp);

}  // namespace relais::routing
