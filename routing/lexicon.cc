#include "routing/lexicon.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <span>
#include <string>
#include <utility>


namespace relais::routing {
namespace {

constexpr std::array<std::string_view, kCueKindCount> kKindNames = {
    "repair",     "rent",        "neighbourhood", "admin",      "other",    "status",
    "new",        "urgent",      "vurgent",       "breakin",    "lockfail", "resolved",
    "aggressive", "reported",    "reassure",      "vulnerable", "person",   "formal",
    "reopen",     "boilerplate", "leadin",        "request"};

constexpr std::int32_t kAny = -1;
constexpr std::int32_t kGap = -2;
constexpr std::int32_t kNone = -3;  // a one-word phrase has no second element
constexpr int kGapMax = 3;
constexpr std::size_t kMaxTermsPerToken = 8;
constexpr std::uint32_t kScanMax = 8;  // longer start lists are searched by second word

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool validWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The lexicon terms of one token: its exact word and the prefixes ("fuit*") it starts with.
struct TokenTerms {
  std::array<std::int32_t, kMaxTermsPerToken> ids;
  std::uint32_t n = 0;
  std::uint64_t bits = 0;  // bit id % 64 of each id: most terms asked for are turned down here
  bool has(std::int32_t id) const {
    if ((bits >> (id % 64) & 1) == 0) {
      return false;
    }
    for (std::uint32_t k = 0; k < n; ++k) {
      if (ids[k] == id) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace

std::string_view cueKindName(CueKind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::optional<CueKind> parseCueKind(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) {
      return static_cast<CueKind>(i);
    }
  }
  return std::nullopt;
}

// The alphabet of lexicon words, as codes 1-36 of the trie's double array (0: a byte no word
// holds, on which a lookup stops).
constexpr std::size_t kAlphabet = 36;
constexpr auto kTrieCode = [] {
  std::array<unsigned char, 256> code{};
  for (unsigned char c = 'a'; c <= 'z'; ++c) {
    code[c] = static_cast<unsigned char>(c - 'a' + 1);
  }
  for (unsigned char c = '0'; c <= '9'; ++c) {
    code[c] = static_cast<unsigned char>(c - '0' + 27);
  }
  return code;
}();

struct Lexicon::Impl {
  // The trie of the lexicon's words and prefixes as a double array: from state s, byte c leads
  // to state base[s] + code(c) when that state's check is s. A step down the trie is an add and
  // a compare, whatever the node's fan-out; a state carries the terms ending there.
  struct State {
    std::int32_t base = 0;
    std::int32_t check = -1;  // the parent state; -1: a free slot
  };
  // states[0] is the root (never a child: children are at base + 1 and up); kAlphabet slots
  // past the last base keep every step in bounds. The terms ending at each state are apart, so
  // that a step reads 8 bytes of `states` (an index scaled in the address, no multiply).
  std::vector<State> states = std::vector<State>(kAlphabet + 1);
  std::vector<std::int32_t> exact_term = std::vector<std::int32_t>(kAlphabet + 1, -1);
  std::vector<std::int32_t> prefix_term = std::vector<std::int32_t>(kAlphabet + 1, -1);
  std::vector<std::vector<std::int32_t>> elements;  // per phrase
  std::vector<std::uint32_t> starts_offset;         // per term: CSR into starts
  struct Start {
    std::uint32_t phrase = 0;
    std::int32_t second = 0;  // the phrase's second element (kAny/kGap/kNone when none)
    // A word the phrase needs past its second element, or -1: a phrase whose word is on no
    // token of the text cannot match, and is not tried.
    std::int32_t needs = -1;
  };
  std::size_t term_count = 0;
  std::vector<Start> starts;  // phrases by first term, with their second element inline
  // Per term, the positions in `starts` of its phrases whose second element is not a word
  // (one-word phrases, "_" or ".."): always candidates. CSR by term, ascending positions.
  std::vector<std::uint32_t> free_offset;
  std::vector<std::uint32_t> free_starts;
  // Per term, its phrases whose second element is a word, sorted by (second, position): the
  // candidates for a next token are found by looking up each of its terms.
  struct Pair {
    std::int32_t second = 0;
    std::uint32_t start = 0;  // position in `starts`
  };
  std::vector<std::uint32_t> pair_offset;
  std::vector<Pair> pairs;
  // Per term, bit second % 64 of each of its pairs (TokenTerms::bits' hash): when the next
  // token's bits share none, no pair is looked up.
  std::vector<std::uint64_t> pair_bits;

  using TokenTerms = routing::TokenTerms;

  // Lays out `trie` (children by byte, terms per node) as the double array, breadth first: each
  // node's base is the lowest that puts all its children on free slots.
  void placeTrie(const std::vector<std::map<char, std::uint32_t>>& trie,
                 const std::vector<std::pair<std::int32_t, std::int32_t>>& node_terms) {
    states.assign(kAlphabet + 1, State{});
    exact_term.assign(kAlphabet + 1, -1);
    prefix_term.assign(kAlphabet + 1, -1);
    // (trie node, state) in breadth-first order; no free slot before first_free.
    std::vector<std::pair<std::uint32_t, std::int32_t>> queue = {{0, 0}};
    std::size_t first_free = 1;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const auto [node, state] = queue[q];
      exact_term[static_cast<std::size_t>(state)] = node_terms[node].first;
      prefix_term[static_cast<std::size_t>(state)] = node_terms[node].second;
      const auto& children = trie[node];
      if (children.empty()) {
        continue;
      }
      while (first_free < states.size() && states[first_free].check != -1) {
        ++first_free;
      }
      const std::size_t lowest_code =
          kTrieCode[static_cast<unsigned char>(children.begin()->first)];
      std::size_t base = first_free > lowest_code ? first_free - lowest_code : 0;
      for (;; ++base) {
        if (states.size() < base + kAlphabet + 1) {
          states.resize(base + kAlphabet + 1);
          exact_term.resize(states.size(), -1);
          prefix_term.resize(states.size(), -1);
        }
        const bool fits = std::all_of(children.begin(), children.end(), [&](const auto& child) {
          return states[base + kTrieCode[static_cast<unsigned char>(child.first)]].check == -1;
        });
        if (fits) {
          break;
        }
      }
      states[static_cast<std::size_t>(state)].base = static_cast<std::int32_t>(base);
      for (const auto& [c, child] : children) {
        const std::size_t slot = base + kTrieCode[static_cast<unsigned char>(c)];
        states[slot].check = state;
        queue.emplace_back(child, static_cast<std::int32_t>(slot));
      }
    }
  }

  // Lexicon words are ASCII letters and digits: a token holding any other byte has no exact
  // term, only the prefixes before that byte.
  // Also sets the bit of each term found in `present`.
  void lookup(std::string_view w, TokenTerms& out, std::uint64_t* present) const {
    const State* const st = states.data();
    const std::int32_t* const prefix = prefix_term.data();
    std::uint32_t n = 0;  // out.n and out.bits kept in registers, stored once
    std::uint64_t bits = 0;
    const auto add = [&](std::int32_t id) {
      out.ids[n++] = id;
      bits |= std::uint64_t{1} << (id % 64);
      present[static_cast<std::uint32_t>(id) / 64] |= std::uint64_t{1} << (id % 64);
    };
    // States as unsigned indices (bases are never negative; a free slot's check of -1 is no
    // state's index): no sign extension at each step.
    std::size_t state = 0;
    bool whole = true;  // the whole word is a path of the trie
    for (const char c : w) {
      // A byte outside the alphabet (code 0) leads to base + 0, which is no state's child:
      // children are at base + 1 to base + kAlphabet.
      const std::size_t next = static_cast<std::uint32_t>(st[state].base) +
                               std::size_t{kTrieCode[static_cast<unsigned char>(c)]};
      if (static_cast<std::uint32_t>(st[next].check) != state) {
        whole = false;
        break;
      }
      state = next;
      if (prefix[state] >= 0 && n < kMaxTermsPerToken) {
        add(prefix[state]);
      }
    }
    if (whole && exact_term[state] >= 0 && n < kMaxTermsPerToken) {
      add(exact_term[state]);
    }
    out.n = n;
    out.bits = bits;
  }

  // Matches elements[p][k..] from token i; returns the end token or -1. Words and "_" are
  // checked in a loop. A run of gaps ("..", ".. ..") is one gap of up to kGapMax tokens per
  // "..": the nested tries of the runs' lengths reach the same positions, and the first that
  // matches is always the nearest, so the nearest is tried first here. The word after the gap
  // is tested on the spot, and only a position where it is found goes deeper.
  std::int64_t matchFrom(const std::vector<std::int32_t>& el, std::size_t k, std::size_t i,
                         const TokenTerms* terms, const NormalisedText& text,
                         std::uint32_t sentence) const {
    const std::size_t n = text.tokens.size();
    for (;; ++k, ++i) {
      if (k == el.size()) {
        return static_cast<std::int64_t>(i);
      }
      if (el[k] == kGap) {
        std::size_t after = k + 1;  // a phrase never ends with a gap
        while (el[after] == kGap) {
          ++after;
        }
        const std::size_t longest = static_cast<std::size_t>(kGapMax) * (after - k);
        for (std::size_t g = 0; g <= longest; ++g) {
          const std::size_t j = i + g;
          if (j > n || (g > 0 && text.tokens[j - 1].sentence != sentence)) {
            break;
          }
          std::int64_t r = -1;
          if (el[after] >= 0) {
            if (j < n && text.tokens[j].sentence == sentence && terms[j].has(el[after])) {
              r = matchFrom(el, after + 1, j + 1, terms, text, sentence);
            }
          } else {
            r = matchFrom(el, after, j, terms, text, sentence);
          }
          if (r >= 0) {
            return r;
          }
        }
        return -1;
      }
      if (i >= n || text.tokens[i].sentence != sentence) {
        return -1;
      }
      if (el[k] != kAny && !terms[i].has(el[k])) {
        return -1;
      }
    }
  }
};

namespace {

// match()'s working memory, kept per thread so that a read allocates nothing here: the terms of
// each token, the candidate list and which terms the text holds. Private to its thread, so a
// Lexicon stays immutable and shareable.
struct MatchScratch {
  std::vector<TokenTerms> terms;
  std::vector<std::uint32_t> candidates;
  std::vector<std::uint64_t> present;  // bit per term: on some token of the text
};

MatchScratch& matchScratch() {
  thread_local MatchScratch scratch;
  return scratch;
}

}  // namespace

Lexicon::Lexicon(std::string_view source, std::string* error) : impl_(std::make_unique<Impl>()) {
  std::map<std::string, std::int32_t> term_ids;  // "word" or "prefix*"
  std::vector<std::map<char, std::uint32_t>> trie(1);
  std::vector<std::pair<std::int32_t, std::int32_t>> node_terms(1, {-1, -1});
  auto fail = [&](std::size_t line_no, const std::string& what) {
    if (error != nullptr) {
      *error = "lexicon line " + std::to_string(line_no) + ": " + what;
    }
    phrases_.clear();
    impl_ = std::make_unique<Impl>();
    impl_->starts_offset.assign(1, 0);
  };
  auto termId = [&](std::string_view word) -> std::int32_t {
    const auto [it, inserted] =
        term_ids.emplace(std::string(word), static_cast<std::int32_t>(term_ids.size()));
    if (inserted) {
      const bool prefix = word.back() == '*';
      const std::string_view letters = prefix ? word.substr(0, word.size() - 1) : word;
      std::uint32_t node = 0;
      for (char c : letters) {
        auto found = trie[node].find(c);
        if (found == trie[node].end()) {
          trie.emplace_back();
          node_terms.emplace_back(-1, -1);
          found = trie[node].emplace(c, static_cast<std::uint32_t>(trie.size() - 1)).first;
        }
        node = found->second;
      }
      (prefix ? node_terms[node].second : node_terms[node].first) = it->second;
    }
    return it->second;
  };

  std::size_t line_no = 0;
  while (!source.empty()) {
    ++line_no;
    const std::size_t nl = source.find('\n');
    std::string_view line = source.substr(0, nl);
    source = nl == std::string_view::npos ? std::string_view() : source.substr(nl + 1);
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = trim(line);
    if (line.empty()) {
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      fail(line_no, "expected 'kind weight: phrases'");
      return;
    }
    const std::string_view head = trim(line.substr(0, colon));
    const std::size_t sp = head.find(' ');
    if (sp == std::string_view::npos) {
      fail(line_no, "expected 'kind weight'");
      return;
    }
    const auto kind = parseCueKind(head.substr(0, sp));
    if (!kind) {
      fail(line_no, "unknown kind '" + std::string(head.substr(0, sp)) + "'");
      return;
    }
    const std::string w(trim(head.substr(sp + 1)));
    float weight = 0;
    try {
      std::size_t used = 0;
      weight = std::stof(w, &used);
      if (used != w.size()) {
        fail(line_no, "bad weight '" + w + "'");
        return;
      }
    } catch (...) {
      fail(line_no, "bad weight '" + w + "'");
      return;
    }
    std::string_view rest = line.substr(colon + 1);
    while (!rest.empty()) {
      const std::size_t semi = rest.find(';');
      const std::string_view text = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      if (text.empty()) {
        continue;
      }
      std::vector<std::int32_t> el;
      std::string_view words = text;
      while (!words.empty()) {
        const std::size_t s2 = words.find(' ');
        const std::string_view word = words.substr(0, s2);
        words = s2 == std::string_view::npos ? std::string_view() : trim(words.substr(s2 + 1));
        if (word.empty()) {
          continue;
        }
        if (word == "_") {
          el.push_back(kAny);
        } else if (word == "..") {
          el.push_back(kGap);
        } else {
          const bool prefix = word.back() == '*';
          const std::string_view letters = prefix ? word.substr(0, word.size() - 1) : word;
          if (letters.empty() || !std::all_of(letters.begin(), letters.end(), validWordChar)) {
            fail(line_no, "bad word '" + std::string(word) + "' in '" + std::string(text) + "'");
            return;
          }
          el.push_back(termId(word));
        }
      }
      if (el.empty() || el.front() < 0 || el.back() == kGap) {
        fail(line_no,
             "a phrase must start with a word and not end with '..': '" + std::string(text) + "'");
        return;
      }
      phrases_.push_back(Phrase{*kind, weight, std::string(text)});
      impl_->elements.push_back(std::move(el));
    }
  }

  impl_->placeTrie(trie, node_terms);
  // Phrases by first term (CSR).
  const std::size_t term_count = term_ids.size();
  impl_->term_count = term_count;
  impl_->starts_offset.assign(term_count + 1, 0);
  for (const auto& el : impl_->elements) {
    ++impl_->starts_offset[static_cast<std::size_t>(el.front()) + 1];
  }
  for (std::size_t t = 0; t < term_count; ++t) {
    impl_->starts_offset[t + 1] += impl_->starts_offset[t];
  }
  impl_->starts.resize(impl_->elements.size());
  std::vector<std::uint32_t> fill(impl_->starts_offset.begin(), impl_->starts_offset.end() - 1);
  for (std::size_t p = 0; p < impl_->elements.size(); ++p) {
    const auto t = static_cast<std::size_t>(impl_->elements[p].front());
    const std::vector<std::int32_t>& el = impl_->elements[p];
    const std::int32_t second = el.size() > 1 ? el[1] : kNone;
    // The second element is tested against the next token before a phrase is tried; the
    // first word after it is the one the text may lack ("je vous" + "cass*").
    const auto word = el.size() > 2 ? std::find_if(el.begin() + 2, el.end(),
                                                   [](std::int32_t e) { return e >= 0; })
                                    : el.end();
    const std::int32_t needs = word == el.end() ? -1 : *word;
    impl_->starts[fill[t]++] = Impl::Start{static_cast<std::uint32_t>(p), second, needs};
  }
  // Split each term's starts into always-candidates and candidates keyed by their second word.
  impl_->free_offset.assign(term_count + 1, 0);
  impl_->pair_offset.assign(term_count + 1, 0);
  for (std::size_t t = 0; t < term_count; ++t) {
    const std::size_t pair_begin = impl_->pairs.size();
    for (std::uint32_t s = impl_->starts_offset[t]; s < impl_->starts_offset[t + 1]; ++s) {
      const std::int32_t second = impl_->starts[s].second;
      if (second >= 0) {
        impl_->pairs.push_back(Impl::Pair{second, s});
      } else {
        impl_->free_starts.push_back(s);
      }
    }
    std::sort(impl_->pairs.begin() + static_cast<std::ptrdiff_t>(pair_begin), impl_->pairs.end(),
              [](const Impl::Pair& a, const Impl::Pair& b) {
                return a.second != b.second ? a.second < b.second : a.start < b.start;
              });
    impl_->free_offset[t + 1] = static_cast<std::uint32_t>(impl_->free_starts.size());
    impl_->pair_offset[t + 1] = static_cast<std::uint32_t>(impl_->pairs.size());
  }
  impl_->pair_bits.assign(term_count, 0);
  for (std::size_t t = 0; t < term_count; ++t) {
    for (std::uint32_t k = impl_->pair_offset[t]; k < impl_->pair_offset[t + 1]; ++k) {
      impl_->pair_bits[t] |= std::uint64_t{1} << (impl_->pairs[k].second % 64);
    }
  }
}

Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

void Lexicon::match(const NormalisedText& text, std::vector<CueHit>& hits) const {
  const Impl& im = *impl_;
  if (im.starts.empty()) {
    return;
  }
  MatchScratch& scratch = matchScratch();
  const std::size_t n = text.tokens.size();
  if (scratch.terms.size() < n) {
    scratch.terms.resize(n);
  }
  // lookup() sets each entry's count and only its first ids are read.
  Impl::TokenTerms* const terms = scratch.terms.data();
  std::vector<std::uint64_t>& present = scratch.present;
  present.assign((im.term_count + 63) / 64, 0);
  for (std::size_t i = 0; i < n; ++i) {
    im.lookup(text.word(text.tokens[i]), terms[i], present.data());
  }
  const auto absent = [&present](std::int32_t needs) {
    return needs >= 0 && (present[static_cast<std::uint32_t>(needs) / 64] >> (needs % 64) & 1) == 0;
  };
  std::vector<std::uint32_t>& candidates = scratch.candidates;
  for (std::size_t i = 0; i < n; ++i) {
    const Impl::TokenTerms& tt = terms[i];
    if (tt.n == 0) {
      continue;
    }
    const std::uint32_t sentence = text.tokens[i].sentence;
    // The next token when it is in the same sentence (a phrase's second word must be there).
    const Impl::TokenTerms* next =
        i + 1 < n && text.tokens[i + 1].sentence == sentence ? &terms[i + 1] : nullptr;
    for (std::uint32_t k = 0; k < tt.n; ++k) {
      const auto t = static_cast<std::size_t>(tt.ids[k]);
      // Candidates: the term's phrases whose second element is not a word, plus those whose
      // second word is one of the next token's terms; visited in their order in `starts` so
      // that hits come out exactly as a scan of the whole list would produce them.
      // No phrase starts here when the term's phrases all need a second word the next token
      // does not hold (as far as the bits tell): the common case for a term of a short list.
      if (im.free_offset[t] == im.free_offset[t + 1] &&
          (next == nullptr || (im.pair_bits[t] & next->bits) == 0)) {
        continue;
      }
      const std::uint32_t s_begin = im.starts_offset[t];
      const std::uint32_t s_end = im.starts_offset[t + 1];
      std::span<const std::uint32_t> visit;
      // A short list's candidates, at most kScanMax: on the stack, no push_back.
      std::array<std::uint32_t, kScanMax> short_list;
      if (s_end - s_begin <= kScanMax) {  // a short list: scanning it is cheaper than lookups
        std::size_t count = 0;
        for (std::uint32_t s = s_begin; s < s_end; ++s) {
          const std::int32_t second = im.starts[s].second;
          if (second < 0 || (next != nullptr && next->has(second))) {
            short_list[count++] = s;
          }
        }
        visit = std::span<const std::uint32_t>(short_list.data(), count);
      } else {
        candidates.clear();
        // A long list: its phrases whose second element is not a word (the free list, in
        // order), merged with those whose second word the next token holds, looked up by that
        // word when the next token's bits say it may hold one.
        visit = std::span(im.free_starts)
                    .subspan(im.free_offset[t], im.free_offset[t + 1] - im.free_offset[t]);
        if (next != nullptr && (im.pair_bits[t] & next->bits) != 0) {
          const Impl::Pair* pb = im.pairs.data() + im.pair_offset[t];
          const Impl::Pair* pe = im.pairs.data() + im.pair_offset[t + 1];
          std::size_t sources = visit.empty() ? 0 : 1;
          for (std::uint32_t m = 0; m < next->n; ++m) {
            const std::int32_t x = next->ids[m];
            const Impl::Pair* lo = std::lower_bound(
                pb, pe, x, [](const Impl::Pair& a, std::int32_t v) { return a.second < v; });
            if (lo == pe || lo->second != x) {
              continue;
            }
            ++sources;
            for (; lo != pe && lo->second == x; ++lo) {
              candidates.push_back(lo->start);
            }
          }
          if (!candidates.empty()) {
            candidates.insert(candidates.end(), visit.begin(), visit.end());
            if (sources > 1) {
              std::sort(candidates.begin(), candidates.end());
            }
            visit = candidates;
          }
        }
      }
      for (const std::uint32_t c : visit) {
        const Impl::Start st = im.starts[c];
        if (st.second == kNone) {  // a one-word phrase
          hits.push_back(CueHit{st.phrase, static_cast<std::uint32_t>(i),
                                static_cast<std::uint32_t>(i + 1)});
          continue;
        }
        if (absent(st.needs)) {
          continue;
        }
        // A second word is already found on the next token (a candidate's second element is
        // either not a word or held there): a two-word phrase ends after it, a longer one goes
        // on from its third element.
        const std::vector<std::int32_t>& el = im.elements[st.phrase];
        std::int64_t end = static_cast<std::int64_t>(i + 2);
        if (st.second < 0) {
          end = im.matchFrom(el, 1, i + 1, terms, text, sentence);
        } else if (el.size() > 2) {
          end = im.matchFrom(el, 2, i + 2, terms, text, sentence);
        }
        if (end >= 0) {
          hits.push_back(
              CueHit{st.phrase, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)});
        }
      }
    }
  }
}

}  // namespace relais::routing
