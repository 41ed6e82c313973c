#include "routing/text_normaliser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace relais::routing {
namespace {

std::vector<std::string> words(std::string_view raw) {
  NormalisedText t;
  normaliseText(raw, t);
  std::vector<std::string> out;
  for (const Token& tok : t.tokens) {
    out.emplace_back(t.word(tok));
  }
  return out;
}

using Words = std::vector<std::string>;

TEST(TextNormaliserTest, FoldsAccentsCaseAndLigatures) {
  EXPECT_EQ(words("Élément œuvre ÇA Où"), (Words{"element", "oeuvre", "ca", "ou"}));
}

TEST(TextNormaliserTest, SplitsApostrophesAndHyphens) {
  EXPECT_EQ(words("j'ai l’eau rappelez-moi"), (Words{"j", "ai", "l", "eau", "rappelez", "moi"}));
}

TEST(TextNormaliserTest, ExpandsSmsSpellings) {
  EXPECT_EQ(words("bjr jattend tjs vs en etes ou"),
            (Words{"bonjour", "j", "attends", "toujours", "vous", "en", "etes", "ou"}));
  // A bare "c" is "c'est", but the "c" of "c'est" stays itself.
  EXPECT_EQ(words("c la"), (Words{"c", "est", "la"}));
  EXPECT_EQ(words("c'est"), (Words{"c", "est"}));
  // "Someone" with a digit for its last syllable, as in "je veux parler a qq1".
  EXPECT_EQ(words("parler a qq1"), (Words{"parler", "a", "quelqu", "un"}));
  // "qu'un" / "qu'on" glued and spelt with a k, "jaimerai" without its s.
  EXPECT_EQ(words("jaimerai kun conseiller"),
            (Words{"j", "aimerais", "qu", "un", "conseiller"}));
}

TEST(TextNormaliserTest, DropsSpeechFillersAndStutters) {
  EXPECT_EQ(words("euh le le chauffage euh"), (Words{"le", "chauffage"}));
  NormalisedText t;
  normaliseText("bonjour euh fuite", t);
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_TRUE(t.tokens[1].after_dropped);
}

TEST(TextNormaliserTest, SplitsSentencesButNotAbbreviationsOrDecimals) {
  NormalisedText t;
  normaliseText("Fuite. Réf. DM-78-10452 reçue\nMerci 12.5 ok", t);
  ASSERT_EQ(t.sentences.size(), 3u);
  EXPECT_EQ(t.source(t.sentences[0].src_begin, t.sentences[0].src_end), "Fuite.");
  EXPECT_EQ(t.source(t.sentences[1].src_begin, t.sentences[1].src_end), "Réf. DM-78-10452 reçue");
}

TEST(TextNormaliserTest, StripsHtmlAndDecodesEntities) {
  const std::string clean = cleanText(
      "<html><head><style>p{color:red}</style></head><body><p>Bonjour&nbsp;!</p>"
      "<p>Fen&ecirc;tre <b>cass&eacute;e</b> &amp; porte</p><script>alert(1)</script>"
      "<!-- c --></body></html>");
  EXPECT_EQ(clean, "Bonjour !\n\nFenêtre cassée & porte");
}

TEST(TextNormaliserTest, LeavesPlainTextWithAngleBracketsAlone) {
  EXPECT_EQ(cleanText("3 < 5 et 7 > 2"), "3 < 5 et 7 > 2");
}

TEST(TextNormaliserTest, SanitisesInvalidUtf8AndControls) {
  const std::string raw = std::string("a\xFF\xC3(b\x01\tc\r\nd\xED\xA0\x80") + "e";
  const std::string clean = cleanText(raw);
  EXPECT_TRUE(isValidUtf8(clean));
  EXPECT_EQ(clean, "a (b c\nd e");
}

TEST(TextNormaliserTest, EmptyAndBlankInputs) {
  NormalisedText t;
  normaliseText("", t);
  EXPECT_TRUE(t.tokens.empty());
  EXPECT_TRUE(t.sentences.empty());
  normaliseText(" \n\t \r\n ", t);
  EXPECT_TRUE(t.tokens.empty());
  EXPECT_EQ(t.display, "");
}

TEST(TextNormaliserTest, Utf8PrefixCutsOnCharacterBoundary) {
  const std::string s = "éé";  // 4 bytes
  EXPECT_EQ(utf8Prefix(s, 3), "é");
  EXPECT_EQ(utf8Prefix(s, 4), "éé");
  EXPECT_EQ(utf8Prefix(s, 0), "");
}

TEST(TextNormaliserTest, FoldText) { EXPECT_EQ(foldText("Référence N°"), "reference n "); }

TEST(TextNormaliserTest, LongInputIsTruncatedNotRejected) {
  std::string big;
  for (int i = 0; i < 30000; ++i) {
    big += "fuite ";
  }
  NormalisedText t;
  normaliseText(big, t);
  EXPECT_LE(t.display.size(), kMaxReadBytes);
  EXPECT_FALSE(t.tokens.empty());
}

}  // namespace
}  // namespace relais::routing

namespace relais::routing {
namespace {

// normaliseText on a NormalisedText that held a longer (or shorter) text gives exactly what a
// fresh one gives: norm and tokens keep their size between calls and are overwritten, never read.
TEST(TextNormaliserTest, ReusedTextEqualsAFreshOne) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) {
    long_text += "Bjr, la fuite d'eau dure depuis 3 jours euh le le plombier n'est pas venu. ";
  }
  const std::vector<std::string> texts = {
      long_text, "tjs rien", "", "<p>Bonjour&nbsp;<b>Madame</b></p>", long_text.substr(0, 500),
      "x", "Réf. RC-2026-001 : chauffage en panne !!! Mme Dupont, 3e étage"};
  NormalisedText reused;
  for (const std::string& raw : texts) {
    normaliseText(raw, reused);
    NormalisedText fresh;
    normaliseText(raw, fresh);
    EXPECT_EQ(reused.display, fresh.display);
    EXPECT_EQ(reused.norm, fresh.norm);
    ASSERT_EQ(reused.tokens.size(), fresh.tokens.size());
    for (std::size_t i = 0; i < fresh.tokens.size(); ++i) {
      const Token& a = reused.tokens[i];
      const Token& b = fresh.tokens[i];
      EXPECT_EQ(reused.word(a), fresh.word(b));
      EXPECT_EQ(a.norm_begin, b.norm_begin);
      EXPECT_EQ(a.src_begin, b.src_begin);
      EXPECT_EQ(a.src_end, b.src_end);
      EXPECT_EQ(a.sentence, b.sentence);
      EXPECT_EQ(a.after_dropped, b.after_dropped);
    }
    ASSERT_EQ(reused.sentences.size(), fresh.sentences.size());
    for (std::size_t i = 0; i < fresh.sentences.size(); ++i) {
      EXPECT_EQ(reused.sentences[i].src_begin, fresh.sentences[i].src_begin);
      EXPECT_EQ(reused.sentences[i].src_end, fresh.sentences[i].src_end);
      EXPECT_EQ(reused.sentences[i].first_token, fresh.sentences[i].first_token);
      EXPECT_EQ(reused.sentences[i].end_token, fresh.sentences[i].end_token);
    }
  }
}

}  // namespace
}  // namespace relais::routing
