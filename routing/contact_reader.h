// ContactReader: reads a tenant's message (French, any channel) and says what it asks, how
// urgent it is, whether it is aggressive, how much reassurance it needs, which case it is about
// and its gist, with the cues behind each decision. Deterministic, allocation-light, immutable
// after construction: one reader may be shared by any number of threads (each thread reading
// keeps its own working buffers; the reader's own are trimmed back to 256 KiB each after a
// read, the lexicon's and the model's tables are not).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/reader_model.h"
#include "routing/reading.h"

namespace relais::routing {

struct ReaderConfig {
  // Case reference patterns (syntax documented in case_ref.h). Empty means the defaults.
  std::vector<std::string> case_ref_patterns;
  // Reassurance at or above this is "high".
  int reassurance_high_threshold = 60;
  // Urgency at or above this is "urgent".
  int urgent_threshold = 60;
  // Whether the statistical layer (reader_model.h) completes the hand lexicon; false reads with
  // the lexicon alone (what the trainer sees).
  bool use_model = true;
};

class ContactReader {
 public:
  explicit ContactReader(ReaderConfig config = {});
  ~ContactReader();
  ContactReader(ContactReader&&) noexcept;
  ContactReader& operator=(ContactReader&&) noexcept;

  Reading read(const ReaderInput& input) const;

  // The statistical model's view of `input`: its features and the lexicon's signals (the
  // trainer's input, routing/tools/reader_trainer.cc). `text` receives the normalised message.
  void modelInput(const ReaderInput& input, NormalisedText& text, LexiconSignals& signals,
                  std::vector<ModelFeature>& features) const;

  // An error message when `pattern` is not a valid case reference pattern, for config checks.
  static std::optional<std::string> validateCaseRefPattern(std::string_view pattern);
  // The comparison form of a reference: upper case, no spaces or punctuation, digit runs
  // without leading zeros ("rc-2026-004512" and "RC 2026 4512" -> "RC20264512").
  static std::string normaliseCaseRef(std::string_view ref);

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace relais::routing
