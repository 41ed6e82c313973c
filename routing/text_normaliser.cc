#include "routing/text_normaliser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "routing/internal/byte_scan.h"
#include "routing/internal/word_shapes.h"

namespace relais::routing {
namespace {

// ASCII folds of U+00C0..U+017F (generated from the Unicode decompositions).
constexpr std::array<std::string_view, 192> kLatinFold = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c",  "e",  "e", "e", "e", "i",  "i",  "i", "i", "d", "n",
    "o", "o", "o",  "o",  "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i",  "i", "i", "i", "d",  "n",  "o", "o", "o", "o",
    "o", "",  "o",  "u",  "u", "u", "u",  "y",  "th", "y", "a", "a", "a",  "a",  "a", "a", "c", "c",
    "c", "c", "c",  "c",  "c", "c", "d",  "d",  "d",  "d", "e", "e", "e",  "e",  "e", "e", "e", "e",
    "e", "e", "g",  "g",  "g", "g", "g",  "g",  "g",  "g", "h", "h", "h",  "h",  "i", "i", "i", "i",
    "i", "i", "i",  "i",  "i", "i", "ij", "ij", "j",  "j", "k", "k", "k",  "l",  "l", "l", "l", "l",
    "l", "l", "l",  "l",  "l", "n", "n",  "n",  "n",  "n", "n", "n", "n",  "n",  "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r",  "r", "s", "s", "s",  "s",  "s", "s", "s", "s",
    "t", "t", "t",  "t",  "",  "",  "u",  "u",  "u",  "u", "u", "u", "u",  "u",  "u", "u", "u", "u",
    "w", "w", "y",  "y",  "y", "z", "z",  "z",  "z",  "z", "z", "s"};

constexpr std::uint32_t kInvalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at s[i]; returns kInvalid (consuming one byte) when malformed.
std::uint32_t decodeUtf8Sequence(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  std::uint32_t cp = 0;
  std::uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++i;
    return kInvalid;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return kInvalid;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kInvalid;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

// decodeUtf8Sequence with ASCII and the two-byte sequences of accented Latin letters (é, à, ç)
// decoded inline, the rest out of line.
inline std::uint32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  // 0xC2-0xDF: a lead byte of two that is never overlong.
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      i += 2;
      return static_cast<std::uint32_t>(b0 & 0x1F) << 6 | (b1 & 0x3F);
    }
  }
  return decodeUtf8Sequence(s, i);
}

using internal::lowerAscii;

bool startsWithNoCase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > s.size()) {
    return false;
  }
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (lowerAscii(s[at + k]) != prefix[k]) {
      return false;
    }
  }
  return true;
}

bool looksLikeHtml(std::string_view s) {
  static constexpr std::string_view kMarkers[] = {"<html", "<body", "<p>",   "<p ",    "<div",
                                                  "<br",   "</p",   "<span", "<table", "<!doctype"};
  for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    for (std::string_view m : kMarkers) {
      if (startsWithNoCase(s, i, m)) {
        return true;
      }
    }
  }
  return false;
}

struct Entity {
  std::string_view name;
  std::uint32_t cp;
};
constexpr Entity kEntities[] = {
    {"nbsp", 0xA0},    {"amp", '&'},      {"lt", '<'},      {"gt", '>'},      {"quot", '"'},
    {"apos", '\''},    {"eacute", 0xE9},  {"egrave", 0xE8}, {"ecirc", 0xEA},  {"euml", 0xEB},
    {"agrave", 0xE0},  {"acirc", 0xE2},   {"ccedil", 0xE7}, {"icirc", 0xEE},  {"iuml", 0xEF},
    {"ocirc", 0xF4},   {"ugrave", 0xF9},  {"ucirc", 0xFB},  {"oelig", 0x153}, {"Eacute", 0xC9},
    {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"laquo", 0xAB},  {"raquo", 0xBB},  {"hellip", 0x2026},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"euro", 0x20AC}, {"deg", 0xB0}};

// Decodes an entity at s[i] == '&'; returns its code point and advances i, or kInvalid.
std::uint32_t decodeEntity(std::string_view s, std::size_t& i) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10 || semi == i + 1) {
    return kInvalid;
  }
  const std::string_view body = s.substr(i + 1, semi - i - 1);
  std::uint32_t cp = kInvalid;
  if (body[0] == '#') {
    std::uint32_t v = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    for (std::size_t k = hex ? 2 : 1; k < body.size(); ++k) {
      const char c = lowerAscii(body[k]);
      int d = -1;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      }
      if (d < 0 || v > 0x10FFFF) {
        return kInvalid;
      }
      v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    cp = v;
  } else {
    for (const Entity& e : kEntities) {
      if (e.name == body) {
        cp = e.cp;
        break;
      }
    }
  }
  if (cp == kInvalid || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kInvalid;
  }
  i = semi + 1;
  return cp;
}

bool isBlockTag(std::string_view s, std::size_t lt) {
  std::size_t k = lt + 1;
  if (k < s.size() && s[k] == '/') {
    ++k;
  }
  static constexpr std::string_view kBlocks[] = {
      "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "ul", "ol", "table", "blockquote"};
  for (std::string_view b : kBlocks) {
    if (startsWithNoCase(s, k, b)) {
      const std::size_t e = k + b.size();
      if (e >= s.size() || s[e] == '>' || s[e] == ' ' || s[e] == '/') {
        return true;
      }
    }
  }
  return false;
}

// Strips tags, comments, script/style bodies and decodes entities; output may hold invalid UTF-8
// (sanitised afterwards).
std::string stripHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        const std::size_t e = s.find("-->", i + 4);
        i = e == std::string_view::npos ? s.size() : e + 3;
        continue;
      }
      const bool script = startsWithNoCase(s, i, "<script");
      const bool style = startsWithNoCase(s, i, "<style");
      const bool block = isBlockTag(s, i);
      const std::size_t gt = s.find('>', i);
      if (gt == std::string_view::npos) {
        break;
      }
      i = gt + 1;
      if (script || style) {
        const std::string_view end_tag = script ? "</script" : "</style";
        std::size_t e = i;
        while (e < s.size() && !startsWithNoCase(s, e, end_tag)) {
          e = s.find('<', e + 1);
          if (e == std::string_view::npos) {
            e = s.size();
          }
        }
        const std::size_t end_gt = e < s.size() ? s.find('>', e) : std::string_view::npos;
        i = end_gt == std::string_view::npos ? s.size() : end_gt + 1;
      }
      out.push_back(block ? '\n' : ' ');
      continue;
    }
    if (c == '&') {
      std::size_t j = i;
      const std::uint32_t cp = decodeEntity(s, j);
      if (cp != kInvalid) {
        appendUtf8(out, cp);
        i = j;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

bool isSpaceCp(std::uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x200B ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0xFFFD || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == kInvalid || cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

bool isPlainAscii(char c) { return c > ' ' && c < 0x7F; }

// A well-formed two-byte sequence at s[at] that sanitise keeps as it is: a code point from
// U+00A1 (below it: C1 controls and the no-break space, which are blanks).
bool isPlainPair(std::string_view s, std::size_t at) {
  if (at + 1 >= s.size()) {
    return false;
  }
  const auto b0 = static_cast<unsigned char>(s[at]);
  const auto b1 = static_cast<unsigned char>(s[at + 1]);
  return b0 >= 0xC2 && b0 <= 0xDF && (b1 & 0xC0) == 0x80 && (b0 > 0xC2 || b1 > 0xA0);
}

// Where the run starting at s[i] (a printable ASCII byte other than a blank) ends: printable
// ASCII bytes, accented letters and other two-byte characters sanitise keeps as they are, and
// single spaces each followed by one of those (a space sanitise would keep as is), so that a
// line of words is one append.
std::size_t plainRunEnd(std::string_view s, std::size_t i) {
  std::size_t end = i + 1;
  for (;;) {
#if defined(__SSE2__)
    // 16 bytes per step, each judged with the byte after it (a space counts only before a
    // plain byte): a step reads 17 bytes, all in bounds. Bytes from 0x80 are negative, so not
    // plain: the scalar step below judges them.
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i del = _mm_set1_epi8(0x7F);
    while (end + 17 <= s.size()) {
      const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + end));
      const __m128i ahead = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + end + 1));
      const __m128i plain_here =
          _mm_andnot_si128(_mm_cmpeq_epi8(here, del), _mm_cmpgt_epi8(here, space));
      const __m128i plain_ahead =
          _mm_andnot_si128(_mm_cmpeq_epi8(ahead, del), _mm_cmpgt_epi8(ahead, space));
      const __m128i kept =
          _mm_or_si128(plain_here, _mm_and_si128(_mm_cmpeq_epi8(here, space), plain_ahead));
      const auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(kept));
      if (mask != 0xFFFF) {
        end += static_cast<std::size_t>(__builtin_ctz(~mask));
        break;
      }
      end += 16;
    }
#endif
    if (end >= s.size()) {
      return end;
    }
    if (isPlainAscii(s[end])) {
      ++end;
    } else if (isPlainPair(s, end)) {
      end += 2;
    } else if (s[end] == ' ' && end + 1 < s.size() &&
               (isPlainAscii(s[end + 1]) || isPlainPair(s, end + 1))) {
      ++end;
    } else {
      return end;
    }
  }
}

// Valid UTF-8, blanks collapsed, "\r\n" and "\r" as "\n", at most one blank line in a row.
void sanitise(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  bool pending_space = false;
  int pending_newlines = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t cp_begin = i;
    // Fast path: a run of printable ASCII other than blanks is copied as is.
    if (isPlainAscii(s[i])) {
      const std::size_t end = plainRunEnd(s, i);
      if (!out.empty()) {
        if (pending_newlines > 0) {
          out.append(pending_newlines > 1 ? "\n\n" : "\n");
        } else if (pending_space) {
          out.push_back(' ');
        }
      }
      pending_newlines = 0;
      pending_space = false;
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    if (s[i] == ' ') {  // the commonest blank, without decoding
      pending_space = true;
      ++i;
      continue;
    }
    std::uint32_t cp = decodeUtf8(s, i);
    if (cp == '\r') {
      if (i < s.size() && s[i] == '\n') {
        ++i;
      }
      cp = '\n';
    }
    if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
      ++pending_newlines;
      pending_space = false;
      continue;
    }
    if (isSpaceCp(cp)) {
      pending_space = true;
      continue;
    }
    if (!out.empty()) {
      if (pending_newlines > 0) {
        out.append(pending_newlines > 1 ? "\n\n" : "\n");
      } else if (pending_space) {
        out.push_back(' ');
      }
    }
    pending_newlines = 0;
    pending_space = false;
    out.append(s.substr(cp_begin, i - cp_begin));  // valid: copy the original bytes
  }
}

// The ASCII fold of one code point: letters/digits lower-cased without accents, a few
// punctuation marks mapped to their ASCII form, everything else to a space.
constexpr char kAsciiFold[] =
    "                                 !\"#$%&'()*+,-./0123456789:;<=>?@abcdefghijklmnopqrstuvwxyz"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ";

std::string_view foldCp(std::uint32_t cp) {
  const char* const kAscii = kAsciiFold;
  if (cp == '\n') {
    return "\n";
  }
  if (cp < 0x80) {
    return std::string_view(kAscii + cp, 1);
  }
  if (cp >= 0xC0 && cp < 0x180) {
    return kLatinFold[cp - 0xC0];
  }
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x2032:
    case 0x00B4:
      return "'";
    case 0x2013:
    case 0x2014:
    case 0x2010:
    case 0x2011:
    case 0x2212:
      return "-";
    case 0x2026:
      return ".";
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
      return "\"";
    case 0x20AC:
      return " euros ";
    default:
      return " ";
  }
}

constexpr bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// kAsciiFold of the ASCII bytes that are part of a word (letters, digits), 0 for any other
// byte: the tokeniser's fast path is one table load per byte.
constexpr auto kWordByte = [] {
  std::array<char, 256> table{};
  for (std::size_t b = 0; b < 0x80; ++b) {
    if (isAlnum(kAsciiFold[b])) {
      table[b] = kAsciiFold[b];
    }
  }
  return table;
}();

// Words a dot may follow without ending the sentence ("réf.", "n.", "bât."), behind their
// shapes: most words before a dot are turned down before any compare. "mr", "mme", "tel" and
// "apt" never match: the SMS expansions have made them "monsieur", "madame", "telephone" and
// "appartement" by then, so "Mme. Dupont" still ends a sentence (left as it is: changing it
// moves the model's features).
constexpr std::string_view kAbbreviationList[] = {
    "ref", "n",   "no",  "m",  "mr", "mme", "st",  "av",  "bd",  "bat", "bt",
    "apt", "app", "tel", "dr", "ex", "cf",  "esc", "res", "num", "nr",  "ste"};
constexpr internal::WordSet kAbbreviations(kAbbreviationList);

// Speech fillers, dropped.
constexpr std::string_view kFillers[] = {"euh", "heu", "euhh", "euhhh", "hum",
                                         "hmm", "mmh", "bah",  "hein"};

// SMS spellings, contractions without apostrophes and frequent typos -> standard tokens.
const std::unordered_map<std::string_view, std::string_view>& smsMap();

// The words the tokeniser does not emit as they are: fillers (dropped) and SMS spellings
// (replaced).
struct SpecialWords {
  // Words of at most 8 bytes (every filler, most SMS spellings) by their packed bytes
  // (one-to-one: a word has no zero byte), in an open-addressing table: one multiply and a probe
  // or two tell any short word apart.
  struct Short {
    std::uint64_t packed = 0;  // 0: empty slot
    bool filler = false;
    std::string_view replacement;  // of an SMS spelling
  };
  static constexpr std::size_t kShortSlots = 512;  // a power of two, under a third full
  std::array<Short, kShortSlots> short_words{};
  // The shapes of the longer SMS spellings (up to 15 bytes): most long words skip the map.
  internal::WordShapes long_spellings;
  // The shapes of the short words: about half the short words of a message have none of them
  // and skip the packing and the probe.
  internal::WordShapes short_shapes;

  bool mayBeLongSpelling(std::string_view w) const { return long_spellings.mayHold(w); }
  static std::uint64_t pack(std::string_view w) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
    }
    return v;
  }
  static std::size_t slot(std::uint64_t packed) {
    return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ULL) >> 55);  // 9 bits
  }
  Short& insertShort(std::uint64_t packed) {
    std::size_t s = slot(packed);
    while (short_words[s].packed != 0 && short_words[s].packed != packed) {
      s = (s + 1) & (kShortSlots - 1);
    }
    short_words[s].packed = packed;
    return short_words[s];
  }
  // The entry of a word of 1 to 8 bytes, or nullptr. The 8 bytes from w.data() must be readable
  // (the tokeniser's words have room after them): they are loaded at once.
  const Short* findShort(std::string_view w) const {
    if (!short_shapes.mayHold(static_cast<unsigned char>(w[0]), w.size())) {
      return nullptr;
    }
    std::uint64_t loaded = 0;
    std::memcpy(&loaded, w.data(), sizeof(loaded));
    const std::uint64_t packed = loaded & (~std::uint64_t{0} >> (64 - 8 * w.size()));
    for (std::size_t s = slot(packed);; s = (s + 1) & (kShortSlots - 1)) {
      if (short_words[s].packed == packed) {
        return &short_words[s];
      }
      if (short_words[s].packed == 0) {
        return nullptr;
      }
    }
  }
};

const SpecialWords& specialWords() {
  static const SpecialWords kWords = [] {
    SpecialWords w;
    for (const auto& [key, value] : smsMap()) {
      if (key.size() <= 8) {
        w.insertShort(SpecialWords::pack(key)).replacement = value;
        w.short_shapes.add(key);
      } else if (key.size() <= internal::WordShapes::kMaxLength) {
        w.long_spellings.add(key);
      }
    }
    for (std::string_view filler : kFillers) {  // a filler is dropped, whatever the SMS map says
      w.insertShort(SpecialWords::pack(filler)).filler = true;
      w.short_shapes.add(filler);
    }
    return w;
  }();
  return kWords;
}

const std::unordered_map<std::string_view, std::string_view>& smsMap() {
  static const auto* const kMap = new std::unordered_map<std::string_view, std::string_view>{
      {"bjr", "bonjour"},
      {"bjour", "bonjour"},
      {"bonjours", "bonjour"},
      {"bsr", "bonsoir"},
      {"slt", "salut"},
      {"cc", "coucou"},
      {"svp", "svp"},
      {"stp", "svp"},
      {"svpl", "svp"},
      {"slvp", "svp"},
      {"plait", "plait"},
      {"vs", "vous"},
      {"ds", "dans"},
      {"ns", "nous"},
      {"pr", "pour"},
      {"pk", "pourquoi"},
      {"pq", "pourquoi"},
      {"pkoi", "pourquoi"},
      {"pourkoi", "pourquoi"},
      {"tjs", "toujours"},
      {"tjrs", "toujours"},
      {"tjr", "toujours"},
      {"toujour", "toujours"},
      {"jsp", "je sais pas"},
      {"jsais", "je sais"},
      {"chai", "je sais"},
      {"jai", "j ai"},
      {"g", "j ai"},
      {"jattend", "j attends"},
      {"jattends", "j attends"},
      {"jatten", "j attends"},
      {"jsuis", "je suis"},
      {"chui", "je suis"},
      {"jsui", "je suis"},
      {"jveux", "je veux"},
      {"jpeux", "je peux"},
      {"jme", "je me"},
      {"jte", "je te"},
      {"jvous", "je vous"},
      {"jen", "j en"},
      {"jy", "j y"},
      {"jarrive", "j arrive"},
      {"jaimerais", "j aimerais"},
      {"jaimerai", "j aimerais"},
      {"jappelle", "j appelle"},
      {"javais", "j avais"},
      {"jetais", "j etais"},
      {"cest", "c est"},
      {"c", "c est"},
      {"ct", "c etait"},
      {"cetait", "c etait"},
      {"nest", "n est"},
      {"ny", "n y"},
      {"na", "n a"},
      {"ya", "il y a"},
      {"yen", "il y en"},
      {"ke", "que"},
      {"ki", "qui"},
      {"koi", "quoi"},
      {"kan", "quand"},
      {"qd", "quand"},
      {"qqn", "quelqu un"},
      {"qqun", "quelqu un"},
      {"qq1", "quelqu un"},
      {"kun", "qu un"},
      {"kon", "qu on"},
      {"qlq1", "quelqu un"},
      {"quelquun", "quelqu un"},
      {"qq", "quelques"},
      {"qqch", "quelque chose"},
      {"qqc", "quelque chose"},
      {"bcp", "beaucoup"},
      {"tt", "tout"},
      {"ts", "tous"},
      {"dc", "donc"},
      {"mm", "meme"},
      {"ac", "avec"},
      {"avc", "avec"},
      {"ms", "mais"},
      {"pcq", "parce que"},
      {"pck", "parce que"},
      {"psk", "parce que"},
      {"parceque", "parce que"},
      {"auj", "aujourd hui"},
      {"ajd", "aujourd hui"},
      {"aujourdhui", "aujourd hui"},
      {"mtn", "maintenant"},
      {"mnt", "maintenant"},
      {"rdv", "rendez vous"},
      {"rapl", "rappelle"},
      {"rapel", "rappelle"},
      {"rapelle", "rappelle"},
      {"rapeler", "rappeler"},
      {"rapelez", "rappelez"},
      {"tel", "telephone"},
      {"tél", "telephone"},
      {"msg", "message"},
      {"pb", "probleme"},
      {"pbm", "probleme"},
      {"pbl", "probleme"},
      {"prob", "probleme"},
      {"pblm", "probleme"},
      {"appart", "appartement"},
      {"apt", "appartement"},
      {"appt", "appartement"},
      {"lgt", "logement"},
      {"logt", "logement"},
      {"cdt", "cordialement"},
      {"cdlt", "cordialement"},
      {"crdt", "cordialement"},
      {"mrc", "merci"},
      {"mci", "merci"},
      {"mr", "monsieur"},
      {"mme", "madame"},
      {"mlle", "mademoiselle"},
      {"ptn", "putain"},
      {"tg", "ta gueule"},
      {"fdp", "fils de pute"},
      {"ntm", "nique ta mere"},
      {"asap", "au plus vite"},
      {"urgt", "urgent"},
      {"ascenceur", "ascenseur"},
      {"asenseur", "ascenseur"},
      {"assenseur", "ascenseur"},
      {"chaufage", "chauffage"},
      {"fuitte", "fuite"},
      {"plafon", "plafond"},
      {"electricter", "electricite"},
      {"elec", "electricite"},
      {"lumiere", "lumiere"},
      {"dmd", "demande"},
      {"dde", "demande"},
      {"nn", "non"},
      {"ok", "ok"},
      {"oki", "ok"},
      {"kelkun", "quelqu un"},
      {"vmc", "vmc"},
      {"infos", "info"},
      {"reponce", "reponse"},
      {"repondez", "repondez"},
      {"pa", "pas"},
      {"plu", "plus"},
      {"ni", "ni"},
      {"dja", "deja"},
      {"deja", "deja"},
      {"vla", "voila"},
      {"tkt", "t inquiete"},
      {"mrci", "merci"},
      {"merciii", "merci"},
      {"mercii", "merci"},
  };
  return *kMap;
}

class Tokeniser {
 public:
  explicit Tokeniser(NormalisedText& out) : out_(out), special_(specialWords()) {}

  void run() {
    const std::string_view s = out_.display;
    // norm is written in place, its size kept ahead of what is used (norm_size_): the word being
    // read is folded straight after the tokens already emitted, so emitting it as read copies
    // nothing. Trimmed to norm_size_ at the end.
    // Grown when short only: what the last call left is overwritten, never read.
    if (out_.norm.size() < s.size() + kMaxWord) {
      out_.norm.resize(s.size() + kMaxWord);
    }
    norm_ = out_.norm.data();
    // tokens too: written by index (no push_back call per word), sized for a token per five
    // bytes, grown when full, trimmed to token_count_ at the end; each one written whole.
    if (out_.tokens.size() < s.size() / 5 + 4) {
      out_.tokens.resize(s.size() / 5 + 4);
    }
    token_room_ = out_.tokens.size();
    std::size_t i = 0;
    while (i < s.size()) {
      const std::size_t cp_begin = i;
      std::string_view f;
      const auto b = static_cast<unsigned char>(s[i]);
      // Fast path: a run of ASCII letters and digits extends the current word, folded exactly
      // as the general loop below would fold it.
      if (kWordByte[b] != 0) {
        if (word_size_ != 0) {  // a word begun by a folded character ("é" then "tage")
          const std::size_t run = foldWordRun(s, i, pending(), word_size_);
          word_size_ += run;
          i += run;
          word_end_ = static_cast<std::uint32_t>(i);
          continue;
        }
        // A word begins here. Words of ASCII letters and digits that single spaces separate
        // (most of a message) are read and flushed in this loop, as the dispatch would do it
        // word by word; anything else goes back to the dispatch with the word still open.
        for (;;) {
          startWord(i);
          const std::size_t run = foldWordRun(s, i, pending(), 0);
          i += run;
          word_size_ = run;
          word_end_ = static_cast<std::uint32_t>(i);
          if (i + 1 >= s.size() || s[i] != ' ' ||
              kWordByte[static_cast<unsigned char>(s[i + 1])] == 0) {
            break;
          }
          flushWord(false);
          ++i;
        }
        continue;
      }
      if (b == ' ') {  // the commonest separator: it ends a word and nothing else
        flushWord(false);
        ++i;
        continue;
      }
      if (b < 0x80) {
        f = b == '\n' ? std::string_view("\n") : std::string_view(kAsciiFold + b, 1);
        ++i;
      } else {
        f = foldCp(decodeUtf8(s, i));
      }
      for (char c : f) {
        if (isAlnum(c)) {
          if (word_size_ == 0) {
            startWord(cp_begin);
          }
          if (word_size_ < kMaxWord) {
            pending()[word_size_] = c;
          }
          ++word_size_;
          word_end_ = static_cast<std::uint32_t>(i);
          continue;
        }
        flushWord(c == '\'');
        if (c == '!' || c == '?' || c == ';' || c == '\n') {
          endSentence(static_cast<std::uint32_t>(cp_begin));
        } else if (c == '.' && isSentenceDot(s, cp_begin) && !afterAbbreviation()) {
          endSentence(static_cast<std::uint32_t>(cp_begin));
        }
      }
    }
    flushWord(false);
    endSentence(static_cast<std::uint32_t>(s.size()));
    out_.norm.resize(norm_size_);
    out_.tokens.resize(token_count_);
  }

 private:
  static constexpr std::size_t kMaxWord = 40;

  // The word being read, folded, at the end of what norm uses: at most kMaxWord bytes kept.
  char* pending() { return norm_ + norm_size_; }

  // Room after pending() for a word: kMaxWord bytes kept, plus what a 16-byte store that
  // starts before kMaxWord may write past it.
  static constexpr std::size_t kWordRoom = kMaxWord + 16;

  void startWord(std::size_t begin) {
    word_begin_ = static_cast<std::uint32_t>(begin);
    reserveNorm(kWordRoom);
  }

  // Folds the run of ASCII letters and digits at s[i] into `word` (kWordRoom bytes) from
  // position `size`, as the general loop would fold it byte by byte, keeping the first
  // kMaxWord bytes of the word; returns the run's length.
  static std::size_t foldWordRun(std::string_view s, std::size_t i, char* word, std::size_t size) {
    std::size_t end = i;
#if defined(__SSE2__)
    // 16 bytes at a time: letters and digits found with signed compares (bytes from 0x80 are
    // negative, never a word byte), folded by setting bit 5 (A-Z to a-z; digits have it set).
    // Bytes stored past the run are overwritten by what follows or never read.
    const __m128i bit5 = _mm_set1_epi8(0x20);
    while (end + 16 <= s.size()) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + end));
      const __m128i folded = _mm_or_si128(x, bit5);
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                           _mm_cmpgt_epi8(_mm_set1_epi8('z' + 1), folded));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                          _mm_cmpgt_epi8(_mm_set1_epi8('9' + 1), x));
      const auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
      const std::size_t at = size + (end - i);
      if (at < kMaxWord) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(word + at), folded);
      }
      if (mask != 0xFFFF) {
        return end + static_cast<std::size_t>(__builtin_ctz(~mask)) - i;
      }
      end += 16;
    }
#endif
    for (; end < s.size(); ++end) {
      const char c = kWordByte[static_cast<unsigned char>(s[end])];
      if (c == 0) {
        break;
      }
      if (size + (end - i) < kMaxWord) {
        word[size + (end - i)] = c;
      }
    }
    return end - i;
  }

  // Room in norm for `bytes` more after norm_size_.
  void reserveNorm(std::size_t bytes) {
    if (out_.norm.size() < norm_size_ + bytes) {
      out_.norm.resize(2 * out_.norm.size() + bytes);
      norm_ = out_.norm.data();
    }
  }

  const Token& lastToken() const { return out_.tokens[token_count_ - 1]; }

  // A dot ends a sentence unless a digit or a lower-case letter follows ("12.5", "réf. dm").
  static bool isSentenceDot(std::string_view s, std::size_t at) {
    std::size_t k = at + 1;
    while (k < s.size() && s[k] == ' ') {
      ++k;
    }
    if (k >= s.size()) {
      return true;
    }
    const char c = s[k];
    return !isAlnum(c);
  }

  // A dot right after "réf", "n", "M", "Mme"... does not end the sentence.
  bool afterAbbreviation() const {
    if (token_count_ == 0 || lastToken().src_end == 0 ||
        lastToken().sentence != out_.sentences.size()) {
      return false;
    }
    // The dot must follow the word directly ("réf." not "réf .").
    if (lastToken().src_end != last_word_end_) {
      return false;
    }
    return kAbbreviations.contains(out_.word(lastToken()));
  }

  // flushWord and emit run once per word from several places of the loop: inlined there, as a
  // call and its saved registers cost about as much as their common path.
  [[gnu::always_inline]] void flushWord(bool before_apostrophe) {
    if (word_size_ == 0) {
      return;
    }
    const std::string_view w(pending(), std::min(word_size_, kMaxWord));
    word_size_ = 0;
    last_word_end_ = word_end_;
    if (w.size() <= 8) {
      // w is at pending(), where startWord made kWordRoom bytes readable.
      const SpecialWords::Short* const special = special_.findShort(w);
      if (special == nullptr) {  // most words
        emit(w);
      } else if (special->filler) {
        dropped_ = true;
      } else if (before_apostrophe) {  // "c'est" is already split: only a bare "c" is "c'est"
        emit(w);
      } else {
        emitReplacement(special->replacement);
      }
      return;
    }
    if (!before_apostrophe && special_.mayBeLongSpelling(w)) {
      const auto& sms = smsMap();
      if (const auto it = sms.find(w); it != sms.end()) {
        emitReplacement(it->second);
        return;
      }
    }
    emit(w);
  }

  // Emits the words of an SMS spelling's replacement ("jsp" -> "je" "sais" "pas").
  void emitReplacement(std::string_view rep) {
    while (!rep.empty()) {
      const std::size_t sp = rep.find(' ');
      emit(rep.substr(0, sp));
      rep = sp == std::string_view::npos ? std::string_view() : rep.substr(sp + 1);
    }
  }

  // Emits `w`: the word read (at pending(), where it stays) or a word of an SMS replacement
  // (copied there). Inlined: see flushWord.
  [[gnu::always_inline]] void emit(std::string_view w) {
    auto& tokens = out_.tokens;
    const std::uint32_t sentence = sentence_count_;
    // A token before this one in its sentence: not the sentence's first.
    if (sentence_first_token_ != token_count_ && lastToken().norm_size == w.size() &&
        !internal::isAsciiDigit(w[0]) && lastToken().src_begin != word_begin_ &&
        std::memcmp(norm_ + lastToken().norm_begin, w.data(), w.size()) == 0) {
      dropped_ = true;  // stutter: "le le", "je je"
      return;
    }
    if (w.data() != pending()) {
      reserveNorm(w.size());
      std::memcpy(pending(), w.data(), w.size());
    }
    Token t;
    t.norm_begin = static_cast<std::uint32_t>(norm_size_);
    t.norm_size = static_cast<std::uint32_t>(w.size());
    t.src_begin = word_begin_;
    t.src_end = word_end_;
    t.sentence = sentence;
    t.after_dropped = dropped_;
    dropped_ = false;
    norm_size_ += w.size();
    if (token_count_ == token_room_) {
      tokens.resize(2 * tokens.size() + 16);
      token_room_ = tokens.size();
    }
    tokens[token_count_] = t;
    if (sentence_first_token_ == token_count_) {
      sentence_begin_ = word_begin_;
    }
    ++token_count_;
  }

  void endSentence(std::uint32_t src_end) {
    const std::uint32_t n = token_count_;
    if (n == sentence_first_token_) {
      return;
    }
    Sentence st;
    st.src_begin = sentence_begin_;
    st.src_end = std::min<std::uint32_t>(static_cast<std::uint32_t>(out_.display.size()),
                                         std::max(src_end + 1, lastToken().src_end));
    // Keep the closing punctuation mark but not a newline.
    while (st.src_end > st.src_begin &&
           (out_.display[st.src_end - 1] == '\n' || out_.display[st.src_end - 1] == ' ')) {
      --st.src_end;
    }
    st.first_token = sentence_first_token_;
    st.end_token = n;
    out_.sentences.push_back(st);
    ++sentence_count_;
    sentence_first_token_ = n;
    dropped_ = false;
  }

  NormalisedText& out_;
  const SpecialWords& special_;
  char* norm_ = nullptr;           // out_.norm.data(), kept up to date by run() and reserveNorm()
  std::size_t norm_size_ = 0;      // bytes of norm used by the tokens emitted
  std::uint32_t token_count_ = 0;  // tokens emitted: the first token_count_ of out_.tokens
  // out_.tokens.size(), kept: a Token is 24 bytes, and size() divides by 24 at every emit.
  std::size_t token_room_ = 0;
  std::uint32_t sentence_count_ = 0;  // out_.sentences.size(), kept for emit() like token_room_
  std::size_t word_size_ = 0;         // letters of the word being read, kept or not
  std::uint32_t word_begin_ = 0;
  std::uint32_t word_end_ = 0;
  std::uint32_t sentence_first_token_ = 0;
  std::uint32_t sentence_begin_ = 0;
  bool dropped_ = false;
  std::uint32_t last_word_end_ = 0;
};

}  // namespace

void appendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void NormalisedText::clear() {
  display.clear();
  norm.clear();
  tokens.clear();
  sentences.clear();
}

namespace {
// cleanText into `out`, reusing its buffer (normaliseText's display string).
void cleanTextInto(std::string_view raw, std::string& out) {
  raw = raw.substr(0, std::min(raw.size(), kMaxReadBytes));
  if (looksLikeHtml(raw)) {
    const std::string stripped = stripHtml(raw);
    sanitise(stripped, out);
  } else {
    sanitise(raw, out);
  }
}
}  // namespace

std::string cleanText(std::string_view raw) {
  std::string out;
  cleanTextInto(raw, out);
  return out;
}

void normaliseText(std::string_view raw, NormalisedText& out) {
  // norm and tokens keep their size from the last call: the tokeniser writes them by index and
  // trims them at the end, so growing them from a cleared state would fill every byte and token
  // with zeros first, only to overwrite them (a letter's norm is filled by one rep stosb).
  out.display.clear();
  out.sentences.clear();
  // Straight into out.display: no temporary string, and a reused NormalisedText keeps its buffer.
  cleanTextInto(raw, out.display);
  out.sentences.reserve(out.display.size() / 32 + 4);  // grown one by one otherwise
  Tokeniser(out).run();
}

std::string foldText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::uint32_t cp = decodeUtf8(text, i);
    out.append(foldCp(cp));
  }
  return out;
}

std::string_view foldNextChar(std::string_view s, std::size_t& i) {
  return foldCp(decodeUtf8(s, i));
}

bool isValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i = internal::nextNonAscii(s, i);  // ASCII is valid: only the other bytes are decoded
    if (i < s.size() && decodeUtf8(s, i) == kInvalid) {
      return false;
    }
  }
  return true;
}

std::string_view utf8Prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) {
    return s;
  }
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;
  }
  return s.substr(0, end);
}

}  // namespace relais::routing
