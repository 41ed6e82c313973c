#include "routing/reader_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "routing/contact_reader.h"
#include "routing/text_normaliser.h"

namespace relais::routing {
namespace {

std::vector<ModelFeature> featuresOf(std::string_view text, NormalisedText& norm) {
  normaliseText(text, norm);
  std::vector<ModelFeature> features;
  extractModelFeatures(norm, Channel::kWeb, LexiconSignals{}, features);
  return features;
}

Reading readText(const ContactReader& reader, std::string_view text) {
  ReaderInput in;
  in.channel = Channel::kWeb;
  in.text = text;
  return reader.read(in);
}

bool hasReasonContaining(const Reading& r, std::string_view part) {
  return std::any_of(r.reasons.begin(), r.reasons.end(),
                     [part](const std::string& s) { return s.find(part) != std::string::npos; });
}

TEST(ReaderModelTest, BuiltInWeightsAreLinkedIn) {
  const ReaderModel model(ReaderModel::builtInWeights());
  EXPECT_FALSE(model.empty());
  const ModelWeights w = ReaderModel::builtInWeights();
  EXPECT_GT(w.count, 1000u);
  EXPECT_TRUE(std::is_sorted(w.keys, w.keys + w.count));
}

TEST(ReaderModelTest, FeaturesAreDeterministicAndEachKeyOnce) {
  NormalisedText a;
  NormalisedText b;
  const auto fa = featuresOf("la fuite la fuite la fuite, toujours la fuite", a);
  const auto fb = featuresOf("la fuite la fuite la fuite, toujours la fuite", b);
  ASSERT_EQ(fa.size(), fb.size());
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < fa.size(); ++i) {
    EXPECT_EQ(fa[i].key, fb[i].key);
    keys.push_back(fa[i].key);
  }
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
}

TEST(ReaderModelTest, FeaturesDescribeTheirWords) {
  NormalisedText norm;
  const auto features = featuresOf("Plus de chauffage", norm);
  std::vector<std::string> described;
  for (const ModelFeature& f : features) {
    described.push_back(describeFeature(norm, f));
  }
  for (const char* want : {"plus", "chauffage", "plus de", "de chauffage", "chauff-",
                           "lexicon intent=other", "channel web"}) {
    EXPECT_NE(std::find(described.begin(), described.end(), want), described.end()) << want;
  }
}

TEST(ReaderModelTest, LongTextsDoNotOutvoteTheirDecisiveWords) {
  NormalisedText norm;
  std::string letter;
  for (int i = 0; i < 300; ++i) {
    letter += "mot" + std::to_string(i) + " ";
  }
  for (const ModelFeature& f : featuresOf(letter, norm)) {
    if (f.type == FeatureType::kWord || f.type == FeatureType::kBigram) {
      EXPECT_LT(f.value, 0.2F);
    } else {
      EXPECT_EQ(f.value, 1.0F);  // channel and lexicon signals keep their full weight
    }
  }
}

// Extraction into a vector that held another message's features (fewer, more, or of a text with
// all-new words) gives exactly what a fresh vector gets, whatever size it was left with.
TEST(ReaderModelTest, ExtractionIntoAReusedVectorEqualsAFreshOne) {
  std::string distinct;
  for (int i = 0; i < 300; ++i) {
    distinct += "mot" + std::to_string(i) + "x autrement" + std::to_string(i) + " ";
  }
  // Two features a token (a word and a bigram), then three (a prefix too) over as many tokens:
  // the buffer left by the first must grow for the second. The reader's path is
  // writeModelFeatures over a buffer kept between reads, whose elements past the count are
  // stale; extractModelFeatures trims, so it is only the fresh reference.
  std::string two_each;
  std::string three_each;
  for (int i = 0; i < 150; ++i) {
    two_each += "m" + std::to_string(i) + " ";
    // Distinct 6-byte prefixes: two letters from i, then "longmot".
    three_each += std::string{static_cast<char>('a' + i % 26), static_cast<char>('a' + i / 26)} +
                  "longmot ";
  }
  const std::vector<std::string> texts = {"tjs rien",
                                          distinct,
                                          "Plus de chauffage depuis hier, mon bébé a froid",
                                          distinct.substr(0, 900),
                                          "",
                                          "ok",
                                          distinct,
                                          two_each,
                                          three_each};
  const ReaderModel model(ReaderModel::builtInWeights());
  std::vector<ModelFeature> reused;
  for (const std::string& text : texts) {
    NormalisedText norm;
    normaliseText(text, norm);
    const std::size_t count = writeModelFeatures(norm, Channel::kEmail, LexiconSignals{}, reused);
    std::vector<ModelFeature> fresh;
    extractModelFeatures(norm, Channel::kEmail, LexiconSignals{}, fresh);
    ASSERT_EQ(count, fresh.size()) << text.size();
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      EXPECT_EQ(reused[i].key, fresh[i].key);
      EXPECT_EQ(reused[i].value, fresh[i].value);
      EXPECT_EQ(reused[i].token, fresh[i].token);
      EXPECT_EQ(reused[i].type, fresh[i].type);
      EXPECT_EQ(reused[i].function_word, fresh[i].function_word);
      EXPECT_EQ(reused[i].weights, fresh[i].weights);
    }
    // Scoring writes each feature's weights into the scratch, as in ContactReader: the next
    // extraction must overwrite them.
    model.score(std::span<ModelFeature>(reused.data(), count));
  }
}

TEST(ReaderModelTest, UnknownFeaturesScoreTheBiasOnly) {
  const ReaderModel model(ReaderModel::builtInWeights());
  std::vector<ModelFeature> none;
  const ModelScores s = model.score(none);
  const ModelWeights w = ReaderModel::builtInWeights();
  for (std::size_t h = 0; h < kModelHeadCount; ++h) {
    EXPECT_FLOAT_EQ(s.logit[h], w.bias[h]);
  }
  float total = 0;
  for (float p : s.intent_probability) {
    total += p;
  }
  EXPECT_NEAR(total, 1.0F, 1e-5F);
}

TEST(ReaderModelTest, CombineKeepsLexiconUrgencyAndBlockers) {
  ModelScores scores;  // all logits 0: every probability 0.5, intent status_request
  scores.best_intent = 0;
  LexiconSignals lexicon;
  lexicon.urgent = true;
  ModelThresholds strict;
  strict.urgent = 0.9F;
  EXPECT_TRUE(combineDecisions(lexicon, scores, strict).urgent);
  EXPECT_FALSE(combineDecisions(lexicon, scores, strict).status_only);

  LexiconSignals formal;
  formal.formal = true;
  EXPECT_FALSE(combineDecisions(formal, scores).status_only);
  LexiconSignals person;
  person.person = true;
  EXPECT_FALSE(combineDecisions(person, scores).status_only);
  LexiconSignals reopen;
  reopen.reopen = true;
  EXPECT_FALSE(combineDecisions(reopen, scores).status_only);

  LexiconSignals nothing;
  ModelThresholds loose;
  loose.urgent = 0.6F;
  loose.aggressive = 0.6F;
  EXPECT_TRUE(combineDecisions(nothing, scores, loose).status_only);
}

TEST(ReaderModelTest, VulnerableOnlyCueNeedsAVerySureModel) {
  ModelScores scores;
  scores.logit[kHeadUrgent] = 1.0F;  // p = 0.73
  LexiconSignals alone;
  alone.vulnerable_cue_alone = true;
  EXPECT_FALSE(combineDecisions(alone, scores).urgent);
  EXPECT_TRUE(combineDecisions(LexiconSignals{}, scores).urgent);
}

TEST(ReaderModelTest, AnAddressedInsultIsNotVetoed) {
  ModelScores scores;
  scores.logit[kHeadAggressive] = -3.0F;  // p = 0.05, under the veto
  LexiconSignals criticism;
  criticism.aggressive = true;
  EXPECT_FALSE(combineDecisions(criticism, scores).aggressive);
  LexiconSignals insult = criticism;
  insult.addressed_insult = true;
  EXPECT_TRUE(combineDecisions(insult, scores).aggressive);
  EXPECT_FALSE(combineDecisions(insult, scores).status_only);
}

TEST(ReaderModelTest, ReasonsNameTheWordsBehindTheModelsDecisions) {
  const ContactReader reader;
  const Reading r = readText(reader, "le plombier devait revenir mardi, toujours personne");
  EXPECT_EQ(r.intent, Intent::kStatusRequest);
  EXPECT_TRUE(hasReasonContaining(r, "intent=status_request (model "));
  EXPECT_TRUE(hasReasonContaining(r, "\""));
}

TEST(ReaderModelTest, LexiconAloneIsStillAvailable) {
  ReaderConfig config;
  config.use_model = false;
  const ContactReader lexicon_only(config);
  const Reading r = readText(lexicon_only, "odeur de gaz très forte dans la cuisine");
  EXPECT_TRUE(r.urgent);
  EXPECT_FALSE(hasReasonContaining(r, "(model "));
}

TEST(ReaderModelTest, StatusOnlyStaysFalseOnFormalNoticeOrReopening) {
  const ContactReader reader;
  const Reading notice = readText(
      reader,
      "Ma demande de travaux date de six mois. Je vous mets en demeure d'intervenir sous huit "
      "jours et je demande une indemnisation.");
  EXPECT_FALSE(notice.status_only);
  const Reading reopen = readText(
      reader, "Ma demande a été clôturée alors que personne n'est venu, merci de la rouvrir.");
  EXPECT_FALSE(reopen.status_only);
}

}  // namespace
}  // namespace relais::routing
