// The contact reader's statistical layer: a linear model (logistic regression) over hashed
// features of a message (normalised word unigrams, bigrams and 6-letter prefixes, the channel,
// and the hand lexicon's own decisions), with one head per decision: the six intents (softmax),
// then urgent, aggressive, reassurance_high and status_only (each a sigmoid).
//
// The weights are not written by hand: routing/tools/reader_trainer.cc learns them from the
// labelled corpora (routing/corpus/README.md says which files) at build time and writes them
// into a generated .cc in the build tree (routing/CMakeLists.txt). The lexicon stays in charge
// where it is precise (negation, safety words, formal notices); the model brings the everyday
// vocabulary the lexicon never listed.
//
// Thread-safety: a ReaderModel is immutable after construction; extraction and scoring are pure
// (extraction's de-duplication set is per-thread scratch, never shared between threads).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "routing/channel.h"
#include "routing/text_normaliser.h"

namespace relais::routing {

enum ModelHead : unsigned char {
  // 0-5: the intents, in Intent order.
  kHeadUrgent = 6,
  kHeadAggressive = 7,
  kHeadReassurance = 8,
  kHeadStatusOnly = 9,
};
inline constexpr std::size_t kModelIntentHeads = 6;
inline constexpr std::size_t kModelHeadCount = 10;

// An aggression cue's weight from which it is an insult or threat of the writer's own, gross
// enough that the model may not veto it (LexiconSignals::addressed_insult). Reported insults are
// deactivated before, within the report's window.
inline constexpr float kAddressedInsultWeight = 1.5F;

// What the hand lexicon concluded, fed to the model as features.
struct LexiconSignals {
  int intent = 5;  // Intent as an integer
  float status_score = 0;
  bool case_ref = false;
  int urgency = 0;
  bool urgent = false;
  bool aggressive = false;
  // The lexicon's aggression holds an insult of the writer's ("bande d'escrocs", "connard",
  // weight kAddressedInsultWeight or more): the model, which has seen few, does not veto it.
  bool addressed_insult = false;
  int reassurance = 0;
  bool person = false;
  bool formal = false;
  bool reopen = false;
  bool vulnerable = false;
  bool new_problem = false;
  bool negated_urgent = false;
  // A cue urgent only for someone vulnerable ("plus de chauffage") with nobody vulnerable found.
  bool vulnerable_cue_alone = false;
  // Every urgency cue found was told as over by a resolution ("les pompiers sont venus"), none is
  // left standing; a negation or a fear ("vous attendez qu'il tombe ?") is not that.
  bool past_urgent_alone = false;
  // Mostly English (or other non-French) function words: the model, trained mostly on French,
  // reads such text poorly, so an automatic answer needs an explicit follow-up cue.
  bool non_french = false;
};

enum class FeatureType : unsigned char { kWord, kBigram, kPrefix, kChannel, kLexicon, kQuestion };

struct ModelFeature {
  std::uint64_t key = 0;
  float value = 0;
  std::uint32_t token = 0;  // first token (kWord, kBigram, kPrefix), for reasons
  FeatureType type = FeatureType::kWord;
  bool function_word = false;      // "pour", "vous": weighs, but is not quoted in reasons
  // Set by ReaderModel::score: the key's kModelHeadCount weights, if known (a ReaderModel's own
  // copy, followed by what topContributors reads).
  const float* weights = nullptr;
};

// Appends the features of a message to `out` (cleared first), each key once. A long message is
// read by its opening and closing tokens plus, in between, the sentences flagged in
// `middle_sentences` (indexed by sentence; the reader flags those where the lexicon found a
// request, a topic or a status cue), so that a request buried mid-letter still counts.
void extractModelFeatures(const NormalisedText& text, Channel channel,
                          const LexiconSignals& lexicon, std::vector<ModelFeature>& out,
                          const std::vector<char>* middle_sentences = nullptr);

// The same features written over the first elements of `buffer`; returns how many. `buffer` is
// grown when too short and never shrunk, and what lies past the features is left as it was: a
// caller that keeps it from one message to the next (the reader's per-thread scratch) has it
// grown, and its new elements value-initialised, only when a message is longer than any before.
std::size_t writeModelFeatures(const NormalisedText& text, Channel channel,
                               const LexiconSignals& lexicon, std::vector<ModelFeature>& buffer,
                               const std::vector<char>* middle_sentences = nullptr);

// The feature's text as the trainer and reasons show it ("w:fuite", "b:plus|chauffage").
std::string describeFeature(const NormalisedText& text, const ModelFeature& f);
// The same text appended to `out`.
void appendFeatureDescription(const NormalisedText& text, const ModelFeature& f, std::string& out);

struct ModelScores {
  std::array<float, kModelHeadCount> logit{};
  std::array<float, kModelIntentHeads> intent_probability{};
  int best_intent = 5;
  float probability(std::size_t binary_head) const;  // sigmoid of a binary head's logit
};

// How the model's scores and the lexicon's signals combine into decisions; shared by the reader
// and the trainer's cross-validation so that both measure the same thing.
struct ModelDecision {
  int intent = 5;
  bool urgent = false;
  bool aggressive = false;
  bool reassurance_high = false;
  bool status_only = false;
};
struct ModelThresholds {
  // Probabilities at or above which a binary head says yes. Urgency is tuned for recall (a missed
  // emergency costs more than a false alarm), status_only for precision (a wrong automatic
  // answer ignores a real problem); chosen on the trainer's cross-validation, not on the blind
  // batches.
  float urgent = 0.3F;
  float aggressive = 0.4F;
  // The lexicon's aggression stands unless the model is this sure it is wrong (an arson reported,
  // "vous êtes nuls" as mere criticism).
  float aggressive_lexicon_veto = 0.2F;
  float reassurance = 0.5F;
  float status_only = 0.5F;
  // Urgency from the model alone when the lexicon's only urgency cue needs someone vulnerable
  // and found nobody: the label rules say "not urgent", so the model must be very sure.
  float urgent_vulnerable_cue_alone = 0.85F;
  // The same when the lexicon's urgency cues were all told as over (LexiconSignals::
  // past_urgent_alone: "les pompiers sont venus cette nuit, ça sent encore la fumée").
  float urgent_past_cue_alone = 0.85F;
  // Lexicon follow-up score a non-French message needs before an automatic answer.
  float status_only_non_french_cue = 2.0F;
};
ModelDecision combineDecisions(const LexiconSignals& lexicon, const ModelScores& scores,
                               const ModelThresholds& thresholds = {});

// Weights as laid out by the trainer: `keys` sorted ascending, `weights` kModelHeadCount per key.
struct ModelWeights {
  const std::uint64_t* keys = nullptr;
  const float* weights = nullptr;
  std::size_t count = 0;
  const float* bias = nullptr;  // kModelHeadCount
};

class ReaderModel {
 public:
  explicit ReaderModel(ModelWeights weights);
  // Its table points into its own rows: movable, not copyable.
  ReaderModel(const ReaderModel&) = delete;
  ReaderModel& operator=(const ReaderModel&) = delete;
  ReaderModel(ReaderModel&&) noexcept = default;
  ReaderModel& operator=(ReaderModel&&) noexcept = default;
  // The weights generated at build time (an empty model when none were linked in).
  static ModelWeights builtInWeights();

  bool empty() const { return weights_.count == 0; }
  // Also points each feature at its weights, for topContributors.
  ModelScores score(std::span<ModelFeature> features) const;
  // Most indices topContributors reports.
  static constexpr std::size_t kMaxContributors = 8;
  // The features pushing `head` up the most (positive contributions only), best first; after
  // score(). Writes up to min(out.size(), kMaxContributors) indices of `features` into `out`
  // and returns how many (no allocation: called several times per read).
  // `words_only` leaves out the channel and lexicon-signal features (reasons quote words).
  std::size_t topContributors(std::span<const ModelFeature> features, std::size_t head,
                              std::span<std::size_t> out, bool words_only = false) const;

 private:
  ModelWeights weights_;
  // Per key, a row of kRowFloats: its kModelHeadCount weights (copied, the same values), then
  // for each intent head h what topContributors ranks by, its weight against the mean of the
  // other intents' (w[h] - (sum of the six - w[h]) / 5), computed here once per key with the
  // very operations topContributors would repeat for every feature of every read.
  static constexpr std::size_t kRowFloats = 16;
  std::vector<float> rows_;
  struct Slot {
    // The key itself, so that a probe touches one cache line; the largest key in an empty slot.
    std::uint64_t key = ~std::uint64_t{0};
    const float* weights = nullptr;  // the key's row in rows_; nullptr: empty
  };
  // Open addressing, linear probing, keys inserted in ascending order: along any probe path the
  // keys ascend up to the first empty slot (an ordered hash table), so a lookup stops at the
  // first key not below the one sought, found or not, with one comparison a step.
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace relais::routing
