// Corpus: labelled tenant messages (JSON lines, as routing/corpus/*.jsonl and the shared sample
// file) that both load tools replay: relais-load sends their texts over gRPC, relais-sim feeds
// them to the real ContactReader and keeps the labels as ground truth. Immutable once loaded.
//
//   auto corpus = loadCorpus({"routing/corpus/dev.jsonl"}, error);
//   const CorpusEntry& e = corpus->entries[i];
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "routing/channel.h"
#include "routing/reading.h"

namespace relais::loadtests {

struct CorpusEntry {
  std::string id;
  routing::Channel channel = routing::Channel::kEmail;
  std::string subject;
  std::string text;
  // Labels written by a person: the truth the simulator scores against.
  routing::Intent intent = routing::Intent::kOther;
  bool urgent = false;
  bool aggressive = false;
  bool reassurance_high = false;
  bool status_only = false;
  std::string case_ref;
};

struct Corpus {
  std::vector<std::string> files;
  std::vector<CorpusEntry> entries;
};

// Reads every file; lines that are blank or lack a text are skipped. nullopt (and `error`) when
// a file cannot be read, a line is not JSON, or nothing usable was found.
std::optional<Corpus> loadCorpus(const std::vector<std::string>& files, std::string& error);

// The corpus used when none is given: the shared sample next to the repository if present,
// otherwise routing/corpus/dev.jsonl of the source tree this binary was built from.
std::vector<std::string> defaultCorpusFiles();

}  // namespace relais::loadtests
