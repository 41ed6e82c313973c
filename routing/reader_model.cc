#include "routing/reader_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "routing/internal/reader_model_weights.h"
#include "routing/internal/short_word.h"
#include "routing/internal/stamped_slots.h"

namespace relais::routing {
namespace {

constexpr std::size_t kPrefixMinWord = 7;
constexpr std::size_t kHeadTokens = 180;
constexpr std::size_t kTailTokens = 100;
constexpr std::size_t kMiddleTokens = 400;
constexpr std::size_t kPrefixSize = 6;
// Text features weigh 1 up to this many distinct ones, then 1/sqrt(n) so that a long letter
// does not outvote its own few decisive words.
constexpr float kTextFeatureBudget = 16.0F;

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
constexpr std::uint64_t kWordSalt = 0x1000000000000001ULL;
constexpr std::uint64_t kPrefixSalt = 0x2000000000000002ULL;
constexpr std::uint64_t kBigramSalt = 0x3000000000000003ULL;

// One FNV-1a step.
[[gnu::always_inline]] constexpr std::uint64_t fnvStep(std::uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
}

// FNV-1a of `s` from state `h`: the definition every key is built on. fnvBytes and fnvPrefix
// below are the same hash written out for the per-token hot path.
constexpr std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (char c : s) {
    h = fnvStep(h, c);
  }
  return h;
}

constexpr std::uint64_t finish(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

constexpr std::uint64_t keyOf(char type, std::string_view a, std::string_view b = {}) {
  std::uint64_t h = kFnvOffset;
  h ^= static_cast<unsigned char>(type);
  h *= kFnvPrime;
  h = fnv(h, a);
  if (!b.empty()) {
    h ^= 0x7C;  // '|'
    h *= kFnvPrime;
    h = fnv(h, b);
  }
  return finish(h);
}

// What sets intent `head` apart in the weights `w` of one key: its weight against the mean of
// the other intents'. The six intent weights are summed in head order.
float intentContrast(const float* w, std::size_t head) {
  static_assert(kModelIntentHeads == 6);
  float others = 0;
  others += w[0];
  others += w[1];
  others += w[2];
  others += w[3];
  others += w[4];
  others += w[5];
  others -= w[head];
  return w[head] - others / static_cast<float>(kModelIntentHeads - 1);
}

bool allDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}


// Words that weigh in the model but explain nothing when quoted in a reason (none longer than
// kFunctionWordMax bytes).
constexpr std::string_view kFunctionWordList[] = {
    "a",    "au",  "aux",  "avec", "ce",    "c",  "ca",   "d",   "de",  "des", "du",  "elle",
    "en",   "est", "et",   "il",   "j",     "je", "l",    "la",  "le",  "les", "m",   "ma",
    "mais", "me",  "mes",  "mon",  "n",     "ne", "nous", "on",  "ou",  "par", "pas", "pour",
    "qu",   "que", "qui",  "s",    "sa",    "se", "ses",  "son", "sur", "t",   "the", "to",
    "un",   "une", "vous", "vos",  "votre", "y",  "i",    "my",  "is",  "of",  "and", "it"};
constexpr std::size_t kFunctionWordMax = 5;
static_assert(kFunctionWordMax <= 7);  // packShortWord tells such words apart exactly

static_assert(std::all_of(std::begin(kFunctionWordList), std::end(kFunctionWordList),
                          [](std::string_view w) { return w.size() <= kFunctionWordMax; }));

// The same words by the FNV state extraction computes for every word anyway, in a small
// open-addressing table (index 0: empty slot): one multiply and a probe, then a compare of the
// word itself, so the answer is exact whatever the hash.
struct FunctionWordSlot {
  std::uint64_t fnv = 0;
  std::uint64_t packed = 0;  // the word packed (packShortWord): compared as one integer
  std::uint8_t index = 0;    // in kFunctionWordList, plus one
};
constexpr std::size_t kFunctionWordSlots = 256;
constexpr std::size_t functionWordSlot(std::uint64_t fnv_state) {
  return static_cast<std::size_t>((fnv_state * 0x9E3779B97F4A7C15ULL) >> 56);
}
constexpr auto kFunctionWordTable = [] {
  std::array<FunctionWordSlot, kFunctionWordSlots> table{};
  for (std::size_t i = 0; i < std::size(kFunctionWordList); ++i) {
    const std::uint64_t h = fnv(kFnvOffset, kFunctionWordList[i]);
    std::size_t s = functionWordSlot(h);
    while (table[s].index != 0) {
      s = (s + 1) % kFunctionWordSlots;
    }
    table[s] = FunctionWordSlot{h, internal::packShortWord(kFunctionWordList[i]),
                                static_cast<std::uint8_t>(i + 1)};
  }
  return table;
}();
// No two function words share a state: a word whose state is found is that word or none.
static_assert([] {
  for (std::size_t i = 0; i < std::size(kFunctionWordList); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (fnv(kFnvOffset, kFunctionWordList[i]) == fnv(kFnvOffset, kFunctionWordList[j])) {
        return false;
      }
    }
  }
  return true;
}());

// Whether `w`, of FNV state `fnv_state` (from kFnvOffset), is a function word.
bool isFunctionWord(std::string_view w, std::uint64_t fnv_state) {
  if (w.size() > kFunctionWordMax) {
    return false;
  }
  for (std::size_t s = functionWordSlot(fnv_state);; s = (s + 1) % kFunctionWordSlots) {
    const FunctionWordSlot& slot = kFunctionWordTable[s];
    if (slot.index == 0) {
      return false;
    }
    if (slot.fnv == fnv_state) {
      return slot.packed == internal::packShortWord(w);  // w.size() <= kFunctionWordMax < 8
    }
  }
}

// FNV-1a of the `n` bytes at `p`, from state `h`; four bytes a step.
constexpr std::uint64_t fnvBytes(std::uint64_t h, const char* p, std::size_t n) {
  std::size_t c = 0;
  for (; c + 4 <= n; c += 4) {
    h = fnvStep(h, p[c]);
    h = fnvStep(h, p[c + 1]);
    h = fnvStep(h, p[c + 2]);
    h = fnvStep(h, p[c + 3]);
  }
  switch (n - c) {
    case 3:
      h = fnvStep(h, p[c++]);
      [[fallthrough]];
    case 2:
      h = fnvStep(h, p[c++]);
      [[fallthrough]];
    case 1:
      h = fnvStep(h, p[c]);
      break;
    default:
      break;
  }
  return h;
}

// FNV-1a of the first min(n, kPrefixSize) bytes at `p` from kFnvOffset (the prefix feature's
// state): one jump on the length, then the steps written out, no loop.
constexpr std::uint64_t fnvPrefix(const char* p, std::size_t n) {
  static_assert(kPrefixSize == 6);
  std::uint64_t h = kFnvOffset;
  switch (std::min(n, kPrefixSize)) {
    case 6:
      return fnvStep(fnvStep(fnvStep(fnvStep(fnvStep(fnvStep(h, p[0]), p[1]), p[2]), p[3]), p[4]),
                     p[5]);
    case 5:
      return fnvStep(fnvStep(fnvStep(fnvStep(fnvStep(h, p[0]), p[1]), p[2]), p[3]), p[4]);
    case 4:
      return fnvStep(fnvStep(fnvStep(fnvStep(h, p[0]), p[1]), p[2]), p[3]);
    case 3:
      return fnvStep(fnvStep(fnvStep(h, p[0]), p[1]), p[2]);
    case 2:
      return fnvStep(fnvStep(h, p[0]), p[1]);
    case 1:
      return fnvStep(h, p[0]);
    default:
      return h;
  }
}

// The written-out forms give fnv's value at every length they unroll (0-9 bytes, and a
// prefix shorter than, equal to and longer than kPrefixSize): isFunctionWord compares a run-time
// state with table states built by fnv.
static_assert([] {
  constexpr std::string_view kWord = "quelquefois";
  for (std::size_t n = 0; n <= kWord.size(); ++n) {
    if (fnvBytes(kFnvOffset, kWord.data(), n) != fnv(kFnvOffset, kWord.substr(0, n)) ||
        fnvPrefix(kWord.data(), n) != fnv(kFnvOffset, kWord.substr(0, std::min(n, kPrefixSize)))) {
      return false;
    }
  }
  return true;
}());

// Every number reads as "<n>". Most words do not start with a digit: one test rejects them.
inline std::string_view featureWord(const NormalisedText& text, std::uint32_t token) {
  const std::string_view w = text.word(text.tokens[token]);
  return !w.empty() && w[0] >= '0' && w[0] <= '9' && allDigits(w) ? std::string_view("<n>") : w;
}

constexpr std::string_view kLexiconNames[] = {"intent=status_request",
                                              "intent=repair",
                                              "intent=rent_and_charges",
                                              "intent=neighbourhood",
                                              "intent=tenancy_admin",
                                              "intent=other",
                                              "status>=2.5",
                                              "status>=1.5",
                                              "status>0",
                                              "case_ref",
                                              "urgent",
                                              "urgency>=30",
                                              "aggressive",
                                              "reassurance>=60",
                                              "reassurance>=30",
                                              "person",
                                              "formal",
                                              "reopen",
                                              "vulnerable",
                                              "new_problem",
                                              "negated_urgent",
                                              "vulnerable_cue_alone"};
constexpr std::uint32_t kLexStatusHigh = 6;
constexpr std::uint32_t kLexStatusMid = 7;
constexpr std::uint32_t kLexStatusAny = 8;
constexpr std::uint32_t kLexCaseRef = 9;
constexpr std::uint32_t kLexUrgent = 10;
constexpr std::uint32_t kLexUrgency30 = 11;
constexpr std::uint32_t kLexAggressive = 12;
constexpr std::uint32_t kLexReassurance60 = 13;
constexpr std::uint32_t kLexReassurance30 = 14;
constexpr std::uint32_t kLexPerson = 15;
constexpr std::uint32_t kLexFormal = 16;
constexpr std::uint32_t kLexReopen = 17;
constexpr std::uint32_t kLexVulnerable = 18;
constexpr std::uint32_t kLexNewProblem = 19;
constexpr std::uint32_t kLexNegatedUrgent = 20;
constexpr std::uint32_t kLexVulnerableCueAlone = 21;

constexpr std::string_view kChannelNames[] = {"phone", "email", "web", "digital_agency"};

// The keys of the channel, question-mark and lexicon-signal features, hashed at compile time
// with the same keyOf as any other feature: the same keys, without hashing constant names on
// every read.
template <std::size_t N>
constexpr std::array<std::uint64_t, N> namedKeys(char type, const std::string_view (&names)[N]) {
  std::array<std::uint64_t, N> keys{};
  for (std::size_t i = 0; i < N; ++i) {
    keys[i] = keyOf(type, names[i]);
  }
  return keys;
}
constexpr auto kChannelKeys = namedKeys('c', kChannelNames);
constexpr auto kLexiconKeys = namedKeys('l', kLexiconNames);
constexpr std::uint64_t kQuestionKey = keyOf('q', "?");

// extractModelFeatures' de-duplication set, kept per thread so that a call neither allocates nor
// zero-fills it. Private to one thread and emptied logically at each call (a new generation), so
// extraction stays a pure function of its arguments.
struct DedupSlot {
  std::uint64_t key = 0;
  std::uint32_t generation = 0;  // the slot is full only when it carries the current one
};
using DedupScratch = internal::StampedSlots<DedupSlot>;

DedupScratch& dedupScratch() {
  thread_local DedupScratch scratch;
  return scratch;
}

}  // namespace

// At most this many features besides the text's: the channel, the question mark and each
// lexicon signal once.
constexpr std::size_t kMaxSignalFeatures = 2 + std::size(kLexiconNames);

void extractModelFeatures(const NormalisedText& text, Channel channel,
                          const LexiconSignals& lexicon, std::vector<ModelFeature>& out,
                          const std::vector<char>* middle_sentences) {
  out.resize(writeModelFeatures(text, channel, lexicon, out, middle_sentences));
}

std::size_t writeModelFeatures(const NormalisedText& text, Channel channel,
                               const LexiconSignals& lexicon, std::vector<ModelFeature>& buffer,
                               const std::vector<char>* middle_sentences) {
  const std::size_t n = text.tokens.size();
  // Each key is kept once (its first occurrence, for reasons) through a small open-addressing
  // set, tested as the feature is made: a repeated key is never written. The set is this
  // thread's scratch, never zero-filled: a slot is empty unless it carries this call's
  // generation. Which slots are probed does not change what is kept. At most three features per
  // token read plus the signals': `buffer` is grown to that bound when short, then written
  // through a pointer (no push_back, no bounds test per feature), each element kept written
  // whole.
  const std::size_t read_max = std::min(n, kHeadTokens + kTailTokens + kMiddleTokens);
  if (buffer.size() < 3 * read_max + kMaxSignalFeatures) {
    buffer.resize(3 * read_max + kMaxSignalFeatures);
  }
  ModelFeature* const first = buffer.data();
  ModelFeature* next = first;
  DedupScratch& scratch = dedupScratch();
  const std::size_t size = scratch.prepare(3 * read_max);
  const std::uint32_t generation = scratch.generation;
  DedupSlot* const seen = scratch.slots.data();
  const auto keep = [&](std::uint64_t full_key, std::uint32_t token, FeatureType type) {
    const std::uint64_t key = full_key | 1;  // as before: keys differing in bit 0 are one
    std::size_t s = key & (size - 1);
    while (seen[s].generation == generation && seen[s].key != key) {
      s = (s + 1) & (size - 1);
    }
    if (seen[s].generation == generation) {
      return false;
    }
    seen[s] = DedupSlot{key, generation};
    *next++ = ModelFeature{full_key, 1.0F, token, type};
    return true;
  };
  // Each word hashed once; bigram and prefix keys derive from the word's hash state. A long
  // letter is read by its opening, its closing, and the middle sentences where the lexicon saw
  // something (a request, a topic, a follow-up); the rest of the middle is context. The middle
  // budget bounds the model's cost whatever the length.
  std::uint64_t previous = 0;
  const std::uint32_t head_end = static_cast<std::uint32_t>(std::min<std::size_t>(n, kHeadTokens));
  const std::uint32_t tail_begin = static_cast<std::uint32_t>(
      std::max<std::size_t>(head_end, n > kTailTokens ? n - kTailTokens : 0));
  std::size_t middle_budget = kMiddleTokens;
  // The sentence of the token before, valid whenever `previous` is not 0 (a skipped token
  // zeroes `previous`): no second load of the token before.
  std::uint32_t previous_sentence = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t sentence = text.tokens[i].sentence;
    if (i >= head_end && i < tail_begin) {
      const std::uint32_t s = sentence;
      const bool read = middle_budget > 0 && middle_sentences != nullptr &&
                        s < middle_sentences->size() && (*middle_sentences)[s] != 0;
      if (!read) {
        previous = 0;
        continue;
      }
      --middle_budget;
    }
    const std::string_view w = featureWord(text, i);
    // The state after kPrefixSize bytes is the prefix feature's (used from kPrefixMinWord).
    const std::uint64_t prefix = fnvPrefix(w.data(), w.size());
    const std::uint64_t h = w.size() > kPrefixSize
                                ? fnvBytes(prefix, w.data() + kPrefixSize, w.size() - kPrefixSize)
                                : prefix;
    if (keep(finish(h ^ kWordSalt), i, FeatureType::kWord)) {
      (next - 1)->function_word = isFunctionWord(w, h);
    }
    if (w.size() >= kPrefixMinWord) {
      keep(finish(prefix ^ kPrefixSalt), i, FeatureType::kPrefix);
    }
    if (previous != 0 && previous_sentence == sentence) {  // previous != 0: i > 0
      keep(finish((previous * kFnvPrime) ^ (h + kBigramSalt)), i - 1, FeatureType::kBigram);
    }
    previous = h;
    previous_sentence = sentence;
  }
  const float count = static_cast<float>(next - first);
  // Up to the budget every text feature weighs 1, as written.
  if (count > kTextFeatureBudget) {
    const float value = std::sqrt(kTextFeatureBudget / count);
    for (ModelFeature* f = first; f != next; ++f) {
      f->value = value;
    }
  }

  const auto ch = static_cast<std::uint32_t>(channel);
  *next++ = ModelFeature{kChannelKeys[ch % 4], 1.0F, ch % 4, FeatureType::kChannel};
  if (text.display.find('?') != std::string::npos) {
    *next++ = ModelFeature{kQuestionKey, 1.0F, 0, FeatureType::kQuestion};
  }
  const auto lex = [&next](std::uint32_t index) {
    *next++ = ModelFeature{kLexiconKeys[index], 1.0F, index, FeatureType::kLexicon};
  };
  lex(static_cast<std::uint32_t>(std::clamp(lexicon.intent, 0, 5)));
  if (lexicon.status_score >= 2.5F) {
    lex(kLexStatusHigh);
  }
  if (lexicon.status_score >= 1.5F) {
    lex(kLexStatusMid);
  }
  if (lexicon.status_score > 0) {
    lex(kLexStatusAny);
  }
  const std::pair<bool, std::uint32_t> flags[] = {
      {lexicon.case_ref, kLexCaseRef},
      {lexicon.urgent, kLexUrgent},
      {lexicon.urgency >= 30, kLexUrgency30},
      {lexicon.aggressive, kLexAggressive},
      {lexicon.reassurance >= 60, kLexReassurance60},
      {lexicon.reassurance >= 30, kLexReassurance30},
      {lexicon.person, kLexPerson},
      {lexicon.formal, kLexFormal},
      {lexicon.reopen, kLexReopen},
      {lexicon.vulnerable, kLexVulnerable},
      {lexicon.new_problem, kLexNewProblem},
      {lexicon.negated_urgent, kLexNegatedUrgent},
      {lexicon.vulnerable_cue_alone, kLexVulnerableCueAlone}};
  for (const auto& [on, index] : flags) {
    if (on) {
      lex(index);
    }
  }
  return static_cast<std::size_t>(next - first);
}

std::string describeFeature(const NormalisedText& text, const ModelFeature& f) {
  std::string out;
  appendFeatureDescription(text, f, out);
  return out;
}

void appendFeatureDescription(const NormalisedText& text, const ModelFeature& f, std::string& out) {
  switch (f.type) {
    case FeatureType::kWord:
      out.append(featureWord(text, f.token));
      return;
    case FeatureType::kPrefix:
      out.append(featureWord(text, f.token).substr(0, kPrefixSize));
      out.push_back('-');
      return;
    case FeatureType::kBigram:
      out.append(featureWord(text, f.token));
      out.push_back(' ');
      out.append(featureWord(text, f.token + 1));
      return;
    case FeatureType::kChannel:
      out.append("channel ");
      out.append(kChannelNames[f.token % 4]);
      return;
    case FeatureType::kLexicon:
      out.append("lexicon ");
      out.append(kLexiconNames[f.token]);
      return;
    case FeatureType::kQuestion:
      out.append("question mark");
      return;
  }
}

float ModelScores::probability(std::size_t binary_head) const {
  return 1.0F / (1.0F + std::exp(-logit[binary_head]));
}

ModelDecision combineDecisions(const LexiconSignals& lexicon, const ModelScores& scores,
                               const ModelThresholds& thresholds) {
  ModelDecision d;
  d.intent = scores.best_intent;
  // Safety first: the lexicon's urgency (negation- and vulnerability-aware) is kept, the model
  // adds the wordings the lexicon never listed.
  const float urgent_threshold =
      lexicon.vulnerable_cue_alone                      ? thresholds.urgent_vulnerable_cue_alone
      : lexicon.past_urgent_alone                       ? thresholds.urgent_past_cue_alone
                                                        : thresholds.urgent;
  d.urgent = lexicon.urgent || scores.probability(kHeadUrgent) >= urgent_threshold;
  const float aggressive = scores.probability(kHeadAggressive);
  d.aggressive = aggressive >= thresholds.aggressive ||
                 (lexicon.aggressive && (lexicon.addressed_insult ||
                                         aggressive >= thresholds.aggressive_lexicon_veto));
  d.reassurance_high = scores.probability(kHeadReassurance) >= thresholds.reassurance;
  // An automatic answer only when the model reads a pure follow-up and nothing the lexicon
  // knows to block one (a person asked for, a formal notice, a reopening, a new problem after a
  // connector such as "par contre") is there.
  d.status_only = d.intent == 0 && !d.urgent && !d.aggressive && !lexicon.person &&
                  !lexicon.formal && !lexicon.reopen && !lexicon.new_problem &&
                  scores.probability(kHeadStatusOnly) >= thresholds.status_only &&
                  (!lexicon.non_french ||
                   lexicon.status_score >= thresholds.status_only_non_french_cue);
  return d;
}

ModelWeights ReaderModel::builtInWeights() {
  return ModelWeights{internal::kReaderModelKeys, internal::kReaderModelWeights,
                      internal::kReaderModelCount, internal::kReaderModelBias};
}

ReaderModel::ReaderModel(ModelWeights weights) : weights_(weights) {
  if (weights_.count == 0) {
    return;
  }
  std::size_t size = 16;
  while (size < weights_.count * 2) {
    size *= 2;
  }
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  // Ascending keys (the trainer writes them so; sorted here all the same, equal keys in index
  // order as before), each in the first empty slot from its home: the ordered table score()
  // relies on.
  std::vector<std::uint32_t> order(weights_.count);
  for (std::size_t i = 0; i < weights_.count; ++i) {
    order[i] = static_cast<std::uint32_t>(i);
  }
  std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
    return weights_.keys[a] < weights_.keys[b];
  });
  static_assert(kModelHeadCount + kModelIntentHeads <= kRowFloats);
  rows_.assign(weights_.count * kRowFloats, 0.0F);
  for (std::size_t i = 0; i < weights_.count; ++i) {
    const float* const w = weights_.weights + i * kModelHeadCount;
    float* const row = rows_.data() + i * kRowFloats;
    std::copy(w, w + kModelHeadCount, row);
    for (std::size_t head = 0; head < kModelIntentHeads; ++head) {
      row[kModelHeadCount + head] = intentContrast(w, head);
    }
  }
  for (const std::uint32_t i : order) {
    std::uint64_t s = weights_.keys[i] & mask_;
    while (slots_[s].weights != nullptr) {
      s = (s + 1) & mask_;
    }
    slots_[s] = Slot{weights_.keys[i], rows_.data() + std::size_t{i} * kRowFloats};
  }
}

ModelScores ReaderModel::score(std::span<ModelFeature> features) const {
  ModelScores out;
  if (weights_.bias != nullptr) {
    for (std::size_t h = 0; h < kModelHeadCount; ++h) {
      out.logit[h] = weights_.bias[h];
    }
  }
  // The table is larger than the caches: a few features ahead, fetch the slot each will probe.
  constexpr std::size_t kPrefetchAhead = 8;
  const std::size_t n = features.size();
#if defined(__SSE2__)
  // Heads 0-3 and 4-7 four at a time, 8 and 9 alone: each head still adds its terms one by one
  // in feature order with the same multiply and add (no fused multiply-add), so the sums are
  // bit for bit those of the plain loop below.
  static_assert(kModelHeadCount == 10);
  __m128 low = _mm_loadu_ps(out.logit.data());
  __m128 high = _mm_loadu_ps(out.logit.data() + 4);
  float head8 = out.logit[8];
  float head9 = out.logit[9];
#endif
  // The table in locals: the stores to features[i].weights could otherwise alias it, and it
  // would be reloaded for every feature.
  const Slot* const slots = slots_.data();
  const std::uint64_t mask = mask_;
  // The key's weights, or nullptr: the ordered table's probe path ascends, so the first key not
  // below `key` is it or tells it is absent (an empty slot holds the largest key and nullptr, so
  // that it answers nullptr even for that key).
  const auto find = [slots, mask](std::uint64_t key) -> const float* {
    std::uint64_t s = key & mask;
    while (slots[s].key < key) {
      s = (s + 1) & mask;
    }
    return slots[s].key == key ? slots[s].weights : nullptr;
  };
  const auto add = [&](ModelFeature& f, const float* w) {
    f.weights = w;
    if (w == nullptr) {
      return;
    }
#if defined(__SSE2__)
    const __m128 value = _mm_set1_ps(f.value);
    low = _mm_add_ps(low, _mm_mul_ps(_mm_loadu_ps(w), value));
    high = _mm_add_ps(high, _mm_mul_ps(_mm_loadu_ps(w + 4), value));
    head8 += w[8] * f.value;
    head9 += w[9] * f.value;
#else
    for (std::size_t h = 0; h < kModelHeadCount; ++h) {
      out.logit[h] += w[h] * f.value;
    }
#endif
  };
  ModelFeature* const fs = features.data();
  if (slots_.empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      fs[i].weights = nullptr;
    }
  } else {
    // Features with one kPrefetchAhead on, then the last ones: no bounds test per prefetch.
    std::size_t i = 0;
    for (; i + kPrefetchAhead < n; ++i) {
      __builtin_prefetch(&slots[fs[i + kPrefetchAhead].key & mask]);
      add(fs[i], find(fs[i].key));
    }
    for (; i < n; ++i) {
      add(fs[i], find(fs[i].key));
    }
  }
#if defined(__SSE2__)
  _mm_storeu_ps(out.logit.data(), low);
  _mm_storeu_ps(out.logit.data() + 4, high);
  out.logit[8] = head8;
  out.logit[9] = head9;
#endif
  float top = out.logit[0];
  std::size_t best = 0;
  for (std::size_t h = 1; h < kModelIntentHeads; ++h) {
    if (out.logit[h] > top) {
      top = out.logit[h];
      best = h;
    }
  }
  float total = 0;
  for (std::size_t h = 0; h < kModelIntentHeads; ++h) {
    out.intent_probability[h] = std::exp(out.logit[h] - top);
    total += out.intent_probability[h];
  }
  for (float& p : out.intent_probability) {
    p /= total;
  }
  out.best_intent = static_cast<int>(best);
  return out;
}

namespace {

// topContributors' loop, with `words_only` a template argument and the row's column chosen
// once: two tests fewer per feature than with both decided inside the loop.
template <bool kWordsOnly>
std::size_t topContributorsOf(std::span<const ModelFeature> features, std::size_t column,
                              std::size_t max, std::span<std::size_t> out) {
  std::array<std::pair<float, std::size_t>, ReaderModel::kMaxContributors + 1> best;
  std::size_t count = 0;
  // The features through a pointer and a count held in registers (the stores to `best` would
  // otherwise make the loop reload the vector's bounds every step).
  const ModelFeature* const fs = features.data();
  const std::size_t n = features.size();
  static_assert(FeatureType::kChannel < FeatureType::kLexicon &&
                FeatureType::kLexicon < FeatureType::kQuestion &&
                FeatureType::kWord < FeatureType::kChannel &&
                FeatureType::kBigram < FeatureType::kChannel &&
                FeatureType::kPrefix < FeatureType::kChannel);
  for (std::size_t i = 0; i < n; ++i) {
    const ModelFeature& f = fs[i];
    const float* w = f.weights;
    const FeatureType type = f.type;
    // The channel, lexicon and question features are the types from kChannel on.
    if (w == nullptr || (kWordsOnly && (type >= FeatureType::kChannel ||
                                        (type == FeatureType::kWord && f.function_word)))) {
      continue;
    }
    const float c = w[column] * f.value;
    if (c <= 0 || (count == max && c <= best[count - 1].first)) {
      continue;
    }
    const auto at = std::find_if(best.begin(), best.begin() + count,
                                 [c](const auto& b) { return c > b.first; });
    std::move_backward(at, best.begin() + count, best.begin() + count + 1);
    *at = {c, i};
    count = std::min(count + 1, max);
  }
  for (std::size_t k = 0; k < count; ++k) {
    out[k] = best[k].second;
  }
  return count;
}

}  // namespace

std::size_t ReaderModel::topContributors(std::span<const ModelFeature> features, std::size_t head,
                                         std::span<std::size_t> out, bool words_only) const {
  // A running top-`max` (max is small): no sort of every contribution.
  const std::size_t max = std::min(out.size(), kMaxContributors);
  if (max == 0) {
    return 0;
  }
  // An intent head: what sets this intent apart (intentContrast), precomputed in the row.
  const std::size_t column = head < kModelIntentHeads ? kModelHeadCount + head : head;
  return words_only ? topContributorsOf<true>(features, column, max, out)
                    : topContributorsOf<false>(features, column, max, out);
}

}  // namespace relais::routing
