// The reader's per-thread working memory (Lexicon::match's terms and present set, the model
// features' de-duplication set) must leave no trace between calls: a text reads the same first,
// after other texts of any length, and on several threads at once.
#include "routing/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "routing/contact_reader.h"
#include "routing/reader_model.h"
#include "routing/text_normaliser.h"

namespace relais::routing {
namespace {

const std::vector<std::string>& texts() {
  static const auto* const kTexts = new std::vector<std::string>{
      "bjr jattend tjs le plombier pr le wc qui fui, vs en etes ou ??",
      "Bonjour, fuite d'eau importante au plafond de la salle de bain depuis ce matin, "
      "pas de chauffage non plus et j'ai un bébé de 3 mois. Dossier RC-2026-004512.",
      "Je vous écris au sujet de ma demande, la fuite n'est toujours pas réparée. "
      "Pourriez-vous me rappeler ? Ce n'est pas urgent mais j'aimerais savoir.",
      "de la de la de la fuite fuite fuite je je vous vous plus de chauffage plus d'eau",
      "",
      "ticket n° 884213 : toujours rien, personne ne m'a rappelé, je suis à bout",
  };
  return *kTexts;
}

std::string longText() {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "Madame, la fuite du radiateur numéro " + std::to_string(i) +
            " continue et le chauffage ne marche plus. ";
  }
  return text;
}

struct LexiconResult {
  std::vector<std::uint32_t> hits;  // phrase, first, end, flattened
  bool operator==(const LexiconResult&) const = default;
};

LexiconResult matchOnce(const Lexicon& lexicon, std::string_view text) {
  NormalisedText norm;
  normaliseText(text, norm);
  std::vector<CueHit> hits;
  lexicon.match(norm, hits);
  LexiconResult out;
  for (const CueHit& h : hits) {
    out.hits.insert(out.hits.end(), {h.phrase, h.first_token, h.end_token});
  }
  return out;
}

std::vector<std::uint64_t> featureKeys(std::string_view text) {
  NormalisedText norm;
  normaliseText(text, norm);
  std::vector<ModelFeature> features;
  extractModelFeatures(norm, Channel::kEmail, LexiconSignals{}, features);
  std::vector<std::uint64_t> keys;
  for (const ModelFeature& f : features) {
    keys.push_back(f.key);
    keys.push_back(f.token);
  }
  return keys;
}

std::string describe(const Reading& r) {
  std::string out = std::string(intentName(r.intent)) + "|" + std::to_string(r.urgency) + "|" +
                    std::to_string(r.reassurance) + "|" + (r.aggressive ? "A" : "-") +
                    (r.status_only ? "S" : "-") + (r.asks_for_person ? "P" : "-") + "|" +
                    r.case_ref.value_or("") + "|" + r.gist;
  for (const std::string& reason : r.reasons) {
    out += "|" + reason;
  }
  return out;
}

TEST(ReaderScratchTest, LexiconHitsDoNotDependOnEarlierCalls) {
  const Lexicon lexicon(defaultLexiconSource());
  std::vector<LexiconResult> first;
  for (const std::string& t : texts()) {
    first.push_back(matchOnce(lexicon, t));
  }
  matchOnce(lexicon, longText());  // grows the scratch, marks other terms present
  for (std::size_t i = texts().size(); i-- > 0;) {
    EXPECT_EQ(matchOnce(lexicon, texts()[i]), first[i]) << texts()[i];
  }
}

TEST(ReaderScratchTest, ModelFeaturesDoNotDependOnEarlierCalls) {
  std::vector<std::vector<std::uint64_t>> first;
  for (const std::string& t : texts()) {
    first.push_back(featureKeys(t));
  }
  featureKeys(longText());
  for (std::size_t i = texts().size(); i-- > 0;) {
    EXPECT_EQ(featureKeys(texts()[i]), first[i]) << texts()[i];
  }
}

// ContactReader::read keeps its normalised text, hits and features per thread, and drops them
// after a huge message: a reading must not depend on what the thread read before, with or
// without a subject, and whether the buffers were kept or dropped.
TEST(ReaderScratchTest, ReadingsDoNotDependOnEarlierReads) {
  const ContactReader reader;
  auto readOne = [&reader](const std::string& text, const std::string& subject) {
    ReaderInput in;
    in.channel = Channel::kEmail;
    in.text = text;
    in.subject = subject;
    return describe(reader.read(in));
  };
  std::vector<std::string> first;
  for (const std::string& t : texts()) {
    first.push_back(readOne(t, ""));
    first.push_back(readOne(t, "Relance : fuite"));
  }
  std::string huge;
  while (huge.size() < kMaxReadBytes) {
    huge += "fuite d'eau au plafond, pourquoi personne ne vient ? ";
  }
  for (const std::string& before : {longText(), huge, std::string()}) {
    readOne(before, "Objet : demande");
    for (std::size_t i = texts().size(); i-- > 0;) {
      EXPECT_EQ(readOne(texts()[i], ""), first[2 * i]) << texts()[i];
      EXPECT_EQ(readOne(texts()[i], "Relance : fuite"), first[2 * i + 1]) << texts()[i];
    }
  }
}

TEST(ReaderScratchTest, SharedReaderReadsTheSameOnSeveralThreads) {
  const ContactReader reader;
  const std::string long_text = longText();  // ReaderInput::text is a view: keep it alive
  auto readAll = [&reader, &long_text] {
    std::vector<std::string> out;
    for (int round = 0; round < 20; ++round) {
      for (const std::string& t : texts()) {
        ReaderInput in;
        in.channel = Channel::kEmail;
        in.text = t;
        out.push_back(describe(reader.read(in)));
      }
      ReaderInput in;
      in.text = long_text;
      out.push_back(describe(reader.read(in)));
    }
    return out;
  };
  const std::vector<std::string> expected = readAll();
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&r, &readAll] { r = readAll(); });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (const auto& r : results) {
    ASSERT_EQ(r.size(), expected.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
      EXPECT_EQ(r[i], expected[i]) << "read " << i;
    }
  }
}

}  // namespace
}  // namespace relais::routing
