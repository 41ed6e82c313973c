#include "routing/case_ref.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "routing/contact_reader.h"

namespace relais::routing {
namespace {

std::optional<std::string> findRef(std::string_view text,
                                   const std::vector<std::string>& patterns = {}) {
  const CaseRefMatcher m(patterns);
  const auto r = m.find(text);
  if (!r) {
    return std::nullopt;
  }
  return std::string(text.substr(r->begin, r->end - r->begin));
}

TEST(CaseRefTest, DefaultPatternsFindPrefixShapedReferences) {
  EXPECT_EQ(findRef("ma demande RC-2026-004512 svp"), "RC-2026-004512");
  EXPECT_EQ(findRef("hello ma demande c la RC2026/8823 je crois"), "RC2026/8823");
  EXPECT_EQ(findRef("Ma demande INT-2026-04127 est planifiée"), "INT-2026-04127");
  EXPECT_EQ(findRef("(réf. DM-77-20931)"), "DM-77-20931");
  EXPECT_EQ(findRef("la demande n°46-203-2026, relative"), "46-203-2026");
  EXPECT_EQ(findRef("Objet : Réf. SIG-2026-00871"), "SIG-2026-00871");
}

TEST(CaseRefTest, DefaultPatternsFindKeywordAnchoredReferences) {
  EXPECT_EQ(findRef("Objet : Dossier n° 2025/131207 – Infiltrations"), "2025/131207");
  EXPECT_EQ(findRef("ticket 884213 merci"), "884213");
  EXPECT_EQ(findRef("pour le ticket 890 377 euh le monsieur"), "890 377");
  EXPECT_EQ(findRef("Ticket 891054 : avez vous une date"), "891054");
  EXPECT_EQ(findRef("Référence : RC-2026-007415."), "RC-2026-007415");
  // The number after the year grouped by thousands, as tenants type it.
  EXPECT_EQ(findRef("mon dossier n° 2026/120 455 indique clos"), "2026/120 455");
  EXPECT_EQ(findRef("ref 2026/004 871, mon dossier"), "2026/004 871");
  EXPECT_EQ(findRef("dossier 2025/1187 du 3 mars"), "2025/1187");
}

TEST(CaseRefTest, SpeechFormKeepsItsSpelling) {
  EXPECT_EQ(findRef("le numéro c'est mut 2026 0093"), "mut 2026 0093");
  EXPECT_EQ(findRef("le dossier m u t 2025 1187 euh"), "m u t 2025 1187");
  // A capitals code spelled out letter by letter fits the "%{2,4}/9{4}/9{3,8}" shape.
  EXPECT_EQ(findRef("oui c'est le x b 2025 4419 euh"), "x b 2025 4419");
  EXPECT_EQ(findRef("il y a 2025 1234 raisons"), std::nullopt);
  EXPECT_EQ(findRef("le code c'est x b 2025"), std::nullopt);
}

// Round 9: speech-to-text writes a reference's number digit by digit or in pairs ("r c 2026 0 0
// 6 3 1 8", "ticket numéro 9 1 4 6 6 2"): the reference is found as written, and its comparison
// form is the typed one's.
TEST(CaseRefTest, SpokenDigitsAreFoundAsWritten) {
  EXPECT_EQ(findRef("le numéro c'est r c 2026 0 0 4 5 1 2 euh voilà"), "r c 2026 0 0 4 5 1 2");
  EXPECT_EQ(findRef("la i n t 2026 00 31 27 euh mais"), "i n t 2026 00 31 27");
  EXPECT_EQ(findRef("c'est le ticket numéro 8 8 4 2 1 3 euh"), "8 8 4 2 1 3");
  // A group of three then a pair after a spelled prefix ("DM-77-20931" spoken).
  EXPECT_EQ(findRef("ma demande c'est la d m 77 209 31 euh"), "d m 77 209 31");
  EXPECT_EQ(findRef("j'ai relancé le ticket 3 fois"), std::nullopt);
  EXPECT_EQ(findRef("ma demande 2 3 4 euh"), std::nullopt);
  EXPECT_EQ(findRef("ticket au 06 39 98 35 90"), std::nullopt);
  EXPECT_EQ(ContactReader::normaliseCaseRef("r c 2026 0 0 4 5 1 2"),
            ContactReader::normaliseCaseRef("RC-2026-004512"));
  EXPECT_EQ(ContactReader::normaliseCaseRef("r c 2026 00 45 12"),
            ContactReader::normaliseCaseRef("RC-2026-004512"));
  EXPECT_EQ(ContactReader::normaliseCaseRef("8 8 4 2 1 3"), "884213");
  EXPECT_EQ(ContactReader::normaliseCaseRef("RC 2026 0412"), "RC2026412");
  EXPECT_EQ(ContactReader::normaliseCaseRef("d m 77 209 31"),
            ContactReader::normaliseCaseRef("DM-77-20931"));
}

// Round 13: speech-to-text also writes a long number in groups of three ("r c 2026 004 512"):
// whole three-digit groups continue the number as far as the pattern allows, as in a typed
// "884 213". A group of another size, or one too many, does not.
TEST(CaseRefTest, SpokenThreeDigitGroupsContinueTheNumber) {
  EXPECT_EQ(findRef("la référence c'est r c 2026 004 512 euh je voulais savoir"),
            "r c 2026 004 512");
  EXPECT_EQ(findRef("le numéro r c 2026 004 512 321 euh"), "r c 2026 004 512");
  EXPECT_EQ(findRef("r c 2026 0045 et on a 3 enfants"), "r c 2026 0045");
  EXPECT_EQ(findRef("r c 2026 004 12 mars"), "r c 2026 004");
  EXPECT_EQ(ContactReader::normaliseCaseRef("r c 2026 004 512"),
            ContactReader::normaliseCaseRef("RC-2026-004512"));
  // The groups still honour the element's minimum ("12 345" has 5 digits, not 6 to 8).
  const std::vector<std::string> six = {"PK-9{6,8}"};
  EXPECT_EQ(findRef("le badge p k 12 345 euh", six), std::nullopt);
  EXPECT_EQ(findRef("le badge p k 123 456 euh", six), "p k 123 456");
}

// A year and number after "le numéro", far from the word "dossier".
TEST(CaseRefTest, AYearAndNumberAfterNumero) {
  EXPECT_EQ(findRef("mon dossier, si je me souviens bien, porte le numéro 2026/118734."),
            "2026/118734");
  EXPECT_EQ(findRef("mon numéro 06 39 98 35 90"), std::nullopt);
}

TEST(CaseRefTest, TenantAndPhoneNumbersAreNotReferences) {
  EXPECT_EQ(findRef("Bonjour, n° de locataire 0078134. Ma demande avance ?"), std::nullopt);
  EXPECT_EQ(findRef("joignable au 06 39 98 35 90"), std::nullopt);
  EXPECT_EQ(findRef("valable jusqu'au 31/03/2027"), std::nullopt);
  EXPECT_EQ(findRef("ma demande de 3 semaines"), std::nullopt);
  EXPECT_EQ(findRef("Contrat n° 5541287"), std::nullopt);
}

TEST(CaseRefTest, EarliestMatchWins) {
  EXPECT_EQ(findRef("ticket 884213 puis RC-2026-004512"), "884213");
}

TEST(CaseRefTest, CustomPatterns) {
  const std::vector<std::string> p = {"HLM-9{3}", "after bon: 9{5}"};
  EXPECT_EQ(findRef("voir HLM-123 et bon n° 12345", p), "HLM-123");
  EXPECT_EQ(findRef("bon n° 12345", p), "12345");
  EXPECT_EQ(findRef("RC-2026-004512", p), std::nullopt);
  EXPECT_EQ(findRef("HLM-1234", p), std::nullopt);  // must end on a word boundary
}

// Shapes that need a digit are only tried up to the text's last digit; a pattern without a
// digit is tried everywhere, and a reference still ends where the whole text says.
TEST(CaseRefTest, DigitBoundDoesNotCutMatches) {
  EXPECT_EQ(findRef("Bonjour, toujours rien pour mon dossier, merci"), std::nullopt);
  EXPECT_EQ(findRef("le 12 mars, puis ma demande RC-2026-004512"), "RC-2026-004512");
  EXPECT_EQ(findRef("RC-2026-004512b est ma demande"), std::nullopt);
  const std::vector<std::string> letters = {"RC-9{4}-9{3,8}", "after bon: %{5}"};
  EXPECT_EQ(findRef("le 12 mars, bon ABCDE", letters), "ABCDE");
  EXPECT_EQ(findRef("bon ABCDE", letters), "ABCDE");
}

TEST(CaseRefTest, ValidationReportsSyntaxErrors) {
  EXPECT_EQ(ContactReader::validateCaseRefPattern("RC-9{4}-9{3,8}"), std::nullopt);
  EXPECT_EQ(ContactReader::validateCaseRefPattern("after dossier|ticket: #"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern(""), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("RC-9{4"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("RC-9{5,2}"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("RC-9{99}"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("rc-9"), std::nullopt);  // lower case
  EXPECT_NE(ContactReader::validateCaseRefPattern("-9{4}"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("after dossier 9{4}"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("after : 9{4}"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("--"), std::nullopt);
  EXPECT_NE(ContactReader::validateCaseRefPattern("A{3}"), std::nullopt);
  for (const std::string& p : defaultCaseRefPatterns()) {
    EXPECT_EQ(ContactReader::validateCaseRefPattern(p), std::nullopt) << p;
  }
}

// Round 11: a work order ("bon de travaux") is named by its number, as a reference.
TEST(CaseRefTest, AWorkOrdersNumberIsAReference) {
  EXPECT_EQ(findRef("euh c'est pour le bon numéro 562318 euh la porte"), "562318");
  EXPECT_EQ(findRef("j'ai le bon n° 740155 sous les yeux"), "740155");
  EXPECT_EQ(findRef("c'est bon merci"), std::nullopt);
}

TEST(CaseRefTest, NormaliseForComparison) {
  EXPECT_EQ(ContactReader::normaliseCaseRef("rc-2026-004512"), "RC20264512");
  EXPECT_EQ(ContactReader::normaliseCaseRef("RC 2026 4512"), "RC20264512");
  EXPECT_EQ(ContactReader::normaliseCaseRef("m u t 2026 0093"), "MUT202693");
  EXPECT_EQ(ContactReader::normaliseCaseRef("MUT-2026-93"), "MUT202693");
  EXPECT_EQ(ContactReader::normaliseCaseRef("890 377"), "890377");
  EXPECT_EQ(ContactReader::normaliseCaseRef("A-000"), "A0");
  EXPECT_EQ(ContactReader::normaliseCaseRef("réf"), "REF");
  EXPECT_EQ(ContactReader::normaliseCaseRef(""), "");
}

// Round 18: speech hesitates between the keyword and the number, and other landlords number
// files with a service's code, letters glued to a short year, or a code spoken first.
TEST(CaseRefTest, HesitationsAndOtherLandlordsNumbering) {
  EXPECT_EQ(findRef("c'est pour le dossier euh 771 204 euh la baignoire"), "771 204");
  EXPECT_EQ(findRef("ma demande euh c'est la euh 2025/140 388"), "2025/140 388");
  EXPECT_EQ(findRef("relance pour 2025-ENT-10442, merci"), "2025-ENT-10442");
  EXPECT_EQ(findRef("Dossier B25-04417 : où en est-on ?"), "B25-04417");
  EXPECT_EQ(findRef("la référence c'est sin 2026 4410 je crois"), "sin 2026 4410");
  // Round 22: a département between the code and the year, a code with a short year.
  EXPECT_EQ(findRef("Objet : dossier n° SLS/69/2026/00871 – relance"), "SLS/69/2026/00871");
  EXPECT_EQ(findRef("votre courrier (réf. RGUL-26-1187) annonce"), "RGUL-26-1187");
  // Neither a date nor a year alone after the keyword.
  EXPECT_EQ(findRef("mon dossier de 2025 euh toujours rien"), std::nullopt);
  EXPECT_EQ(findRef("ma demande du 12 mars 2026 euh"), std::nullopt);
}

TEST(CaseRefTest, PathologicalInputStaysFast) {
  std::string s;
  for (int i = 0; i < 20000; ++i) {
    s += "9 ";
  }
  s += std::string(20000, '7');
  EXPECT_EQ(findRef(s), std::nullopt);
}

}  // namespace
}  // namespace relais::routing
