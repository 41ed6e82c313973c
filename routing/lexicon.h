// The contact reader's weighted cue lexicon: phrases over normalised tokens (see
// text_normaliser.h), each with a kind (what it is evidence for) and a weight, compiled into a
// token trie so that all cues of a message are found in one pass, linear in its length.
//
// Lexicon text format, one entry per line:
//   kind weight: phrase; phrase; ...        # comment
// A phrase is tokens separated by spaces, written folded (no accents, apostrophes as spaces):
//   word     that exact token           fuit*    any token starting with "fuit"
//   _        any one token              ..       up to three tokens (a short gap)
// Phrases never cross a sentence boundary. Weights may be negative.
//
// Thread-safety: a Lexicon is immutable after construction.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/text_normaliser.h"

namespace relais::routing {

enum class CueKind : unsigned char {
  kRepair,  // intent evidence
  kRent,
  kNeighbourhood,
  kAdmin,
  kOther,
  kStatus,      // asks where an existing request stands
  kNewProblem,  // "par ailleurs", "autre problème": what follows is a new request
  kUrgent,      // urgency points (negative: "ce n'est pas urgent")
  kVulnUrgent,  // urgency points only when someone vulnerable is concerned (no heating)
  kBreakIn,     // break-in; with kLockFail makes a door that cannot lock urgent
  kLockFail,
  kResolved,     // "a été réparée": urgent cues of the sentence are past
  kAggressive,   // insults, threats, intimidation
  kReported,     // "il m'a traité de": following aggressive cues are reported speech
  kReassurance,  // distress, anxiety, repeated contacts without answer
  kVulnerable,   // elderly, ill, disabled, baby, alone with children, bereavement
  kPerson,       // wants to talk to a person / be called back
  kFormal,       // formal notice, compensation claim, legal steps
  kReopen,       // asks to reopen a request closed without work
  kBoilerplate,  // salutation or politeness formula: the sentence is not the gist
  kLeadIn,       // "je me permets de", "je vous écris": skipped at the start of a gist
  kRequest,      // "pourriez-vous", "je souhaite": the sentence carries a request (gist)
  kCount,
};
inline constexpr std::size_t kCueKindCount = static_cast<std::size_t>(CueKind::kCount);

std::string_view cueKindName(CueKind k);
std::optional<CueKind> parseCueKind(std::string_view name);

struct CueHit {
  std::uint32_t phrase = 0;       // index into Lexicon phrases
  std::uint32_t first_token = 0;  // [first_token, end_token) in the token stream
  std::uint32_t end_token = 0;
};

struct Phrase {
  CueKind kind = CueKind::kOther;
  float weight = 0;
  std::string text;  // as written in the lexicon
};

class Lexicon {
 public:
  // Parses `source`; on a syntax error, `error` is set and the lexicon is empty.
  explicit Lexicon(std::string_view source, std::string* error = nullptr);
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Appends to `hits` every cue found in `text`, in token order (overlapping hits included).
  void match(const NormalisedText& text, std::vector<CueHit>& hits) const;

  const Phrase& phrase(std::uint32_t i) const { return phrases_[i]; }
  std::size_t size() const { return phrases_.size(); }

 private:
  struct Impl;
  std::vector<Phrase> phrases_;
  std::unique_ptr<Impl> impl_;
};

// The built-in French/English lexicon of tenant messages (lexicon_data.cc).
std::string_view defaultLexiconSource();

}  // namespace relais::routing
