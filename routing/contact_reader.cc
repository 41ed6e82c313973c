#include "routing/contact_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <utility>

#include "routing/case_ref.h"
#include "routing/internal/short_word.h"
#include "routing/internal/word_shapes.h"
#include "routing/lexicon.h"
#include "routing/text_normaliser.h"

namespace relais::routing {
namespace {

// Literals appended to reasons as string_views: their length is known, not measured at each call.
using namespace std::string_view_literals;

constexpr std::size_t kGistMaxBytes = 200;
constexpr std::size_t kSnippetMaxBytes = 60;
constexpr std::size_t kMaxSnippetsPerReason = 4;
constexpr int kNegationWindow = 3;
constexpr int kReportedWindow = 6;
// A resolved cue of this weight or more ("les pompiers ont éteint le feu") closes the story told
// in the sentences just before it as well as its own: so many of them.
constexpr float kClosingResolvedWeight = 2.0F;
constexpr std::uint32_t kClosedSentencesBefore = 2;
constexpr float kStatusThreshold = 2.5F;
constexpr float kStatusWeakThreshold = 1.5F;
constexpr float kTopicThreshold = 1.5F;
constexpr float kNewTopicThreshold = 2.0F;
constexpr float kCaseRefStatusBonus = 1.5F;
constexpr float kAggressiveThreshold = 1.0F;
constexpr int kElderlyAge = 70;
constexpr int kElderlyPoints = 60;
constexpr int kUrgentDistressPoints = 20;
constexpr int kPersonPoints = 30;
constexpr int kPriorContactPoints = 15;
constexpr int kPriorContactCap = 45;
constexpr int kContextVulnerablePoints = 35;
constexpr int kBreakInLockUrgency = 80;
constexpr float kSecondaryUrgencyShare = 0.35F;
// A message at least this long is read as a letter: the model sees only part of it (head, tail
// and cue sentences), so an automatic answer needs the lexicon's own follow-up evidence.
constexpr std::size_t kLetterTokens = 150;
// Two words name the same thing when they share this many leading bytes ("chaudière",
// "chauffage"; "fuite", "fuit").
constexpr std::size_t kSameWordPrefix = 4;
// The model reads messages up to this many tokens whole (reader_model.cc: head + tail).
constexpr std::size_t kModelWholeTokens = 280;
// A reading gathers up to about this many reasons (some dropped again): reserved at once
// instead of grown, string moves included, one push at a time.
constexpr std::size_t kReasonsReserved = 8;
// A reason fits in this many bytes when it quotes up to three words or bigrams (the model's) or
// a few short snippets (the lexicon's): reserved at once (reasonBuffer()).
constexpr std::size_t kReasonReserved = 128;

// Topic kinds in Intent order (status excluded).
constexpr std::array<CueKind, 5> kTopicKinds = {
    CueKind::kRepair, CueKind::kRent, CueKind::kNeighbourhood, CueKind::kAdmin, CueKind::kOther};
constexpr std::array<Intent, 5> kTopicIntents = {Intent::kRepair, Intent::kRentAndCharges,
                                                 Intent::kNeighbourhood, Intent::kTenancyAdmin,
                                                 Intent::kOther};
constexpr std::size_t kAdminTopic = 3;
// The topic kinds are the first CueKinds, in the same order: a hit's topic index is its kind.
static_assert([] {
  for (std::size_t t = 0; t < kTopicKinds.size(); ++t) {
    if (static_cast<std::size_t>(kTopicKinds[t]) != t) {
      return false;
    }
  }
  return true;
}());
// The index in kTopicKinds of kind `k`, or kTopicKinds.size() when `k` is no topic.
constexpr std::size_t topicIndex(CueKind k) {
  const auto i = static_cast<std::size_t>(k);
  return i < kTopicKinds.size() ? i : kTopicKinds.size();
}
// findCaseRef: how far before a match "contrat" makes it a contract number, and how many
// such matches are skipped.
constexpr std::size_t kContractWindow = 32;
constexpr std::size_t kMaxCaseRefTries = 4;
static_assert(kTopicIntents[kAdminTopic] == Intent::kTenancyAdmin);

// Verbs asking the landlord to look at a decision again (asksForADocumentOrAReview).
constexpr std::string_view kReviewVerbList[] = {"reexaminer", "reetudier", "reconsiderer",
                                                "recalculer", "reviser",   "proceder"};
constexpr internal::WordSet kReviewVerbs(kReviewVerbList);

bool isReviewVerb(std::string_view v) { return kReviewVerbs.contains(v); }

// Verbs asking the landlord to send a document (asksForADocumentOrAReview).
constexpr std::string_view kSendVerbList[] = {"adresser", "envoyer",  "transmettre",
                                              "etablir",  "delivrer", "parvenir"};
constexpr internal::WordSet kSendVerbs(kSendVerbList);

// Present-tense sendings after "je vous" / "nous vous", misspellings included
// (findDocumentSentNow). "renvoie" is left out: sending again follows up a file.
constexpr std::string_view kSendingNowList[] = {"envoie",    "envoi",    "envois",
                                                "transmets", "transmet", "adresse",
                                                "envoyons",  "transmettons", "adressons"};
constexpr internal::WordSet kSendingNowWords(kSendingNowList);

// The words findDocumentSentNow looks back from: an attachment's or a sending's last word.
constexpr std::string_view kDocumentSentAnchorList[] = {
    "joint",  "jointe",   "joints",    "jointes",  "pj",           "attached",
    "attach", "joins",    "joignons",  "envoie",   "envoi",        "envois",
    "transmets", "transmet", "adresse", "envoyons", "transmettons", "adressons"};
constexpr internal::WordSet kDocumentSentAnchors(kDocumentSentAnchorList);

// What a tenant files with a message: "je vous envoie mon RIB", not "ce message" or "mes
// salutations".
constexpr std::string_view kDocumentNounList[] = {
    "rib",          "releve",        "attestation", "attestations", "certificat", "copie",
    "copies",       "photo",         "photos",      "facture",      "factures",   "quittance",
    "justificatif", "justificatifs", "avis",        "piece",        "pieces",     "document",
    "documents",    "bulletin",      "bulletins",   "papiers",      "preavis",    "declaration",
    "contrat",      "mandat",        "formulaire",  "jugement",     "acte",       "livret",
    "scan",         "dossier",       "carte",       "fiche",        "fiches"};
constexpr internal::WordSet kDocumentNouns(kDocumentNounList);

// Where tenants are received, and the words of opening hours (findOpeningHoursAsked).
constexpr std::string_view kOfficeNounList[] = {"agence", "agences",    "accueil", "bureau",
                                                "bureaux", "loge",      "permanence", "guichet",
                                                "siege",  "antenne",    "office"};
constexpr internal::WordSet kOfficeNouns(kOfficeNounList);
constexpr std::string_view kOpeningAnchorList[] = {
    "agence", "agences", "accueil", "bureau", "bureaux", "loge",   "permanence", "guichet",
    "siege",  "antenne", "office",  "heures", "jours",   "horaires", "opening"};
constexpr internal::WordSet kOpeningAnchors(kOpeningAnchorList);
constexpr std::string_view kDeterminerList[] = {"l",     "la", "le",  "les",  "du",  "au", "votre",
                                                "vos",   "notre", "cette", "ce", "the", "your"};
constexpr internal::WordSet kDeterminers(kDeterminerList);
constexpr std::string_view kOpenList[] = {"ouvert", "ouverte", "ouverts", "ouvertes",
                                          "ouvre",  "ouvrent", "open",    "opens"};
constexpr internal::WordSet kOpenWords(kOpenList);

// Hosting somebody, or coming to live ("venir vivre chez nous"), for findHouseholdChange.
constexpr std::string_view kHouseholdAnchorList[] = {
    "heberger", "hebergerai", "hebergerais", "hebergeons",   "hebergerons", "vivre",
    "installer", "habiter",   "emmenager",   "ajouter",      "rajouter",    "desormais"};
constexpr internal::WordSet kHouseholdAnchors(kHouseholdAnchorList);
constexpr std::string_view kComingList[] = {"venir",    "vient",     "viendra",    "viendrait",
                                            "viennent", "viendront", "viendraient"};
constexpr internal::WordSet kComingWords(kComingList);

// A notice given or contact details changed now, for findNoticeOrNewDetails: the notice's
// nouns, the verbs that end a lease, and the details a tenant declares.
constexpr std::string_view kNoticeAnchorList[] = {
    "conge",     "preavis",  "resilier",  "resilie",   "quitte",   "quittons", "quitterai",
    "quitter",
    "quitterons", "numero",  "telephone", "portable",  "adresse",  "mail",     "email",
    "coordonnees"};
constexpr internal::WordSet kNoticeAnchors(kNoticeAnchorList);
constexpr std::string_view kGivingList[] = {"donne", "donner", "donnons", "adresse", "envoie"};
constexpr internal::WordSet kGivingWords(kGivingList);
constexpr std::string_view kHomeNounList[] = {"logement", "appartement", "appart", "studio",
                                              "pavillon", "maison"};
constexpr internal::WordSet kHomeNouns(kHomeNounList);
// The nouns ("mon changement de numéro") name a change already asked for as often.
// "nouvelles" is news ("vos nouvelles par mail"), not details.
constexpr std::string_view kChangeList[] = {"changer", "change",   "modifier",
                                            "nouveau", "nouvelle", "nouveaux"};
constexpr internal::WordSet kChangeWords(kChangeList);
constexpr std::string_view kAddressWordList[] = {"adresse"};
constexpr internal::WordSet kAddressWord(kAddressWordList);
// Auxiliaries, past sendings and a request already made: "j'ai donné mon préavis", "je vous ai
// envoyé ma nouvelle adresse" follow a file up. Participles spelt like the present ("donne",
// "communique") are not here: folded, "je vous donne" and "donné" are one word, and the auxiliary
// before a past one marks it already. "a" counts only after its subject (kHasSubjects): folded,
// "à" is "a" too.
constexpr std::string_view kPastMarkList[] = {
    "ai",     "a",       "avons",    "avez",   "avais",  "avait", "avions",
    "deja",   "envoye",  "envoyee",  "transmis", "fourni", "demande"};
constexpr internal::WordSet kPastMarks(kPastMarkList);
// The subjects before the auxiliary "a" ("il a", "on a", "qui a"), not the preposition "à".
constexpr std::string_view kHasSubjectList[] = {"il", "elle", "on", "qui", "ca", "c", "y"};
constexpr internal::WordSet kHasSubjects(kHasSubjectList);
// A file's number, not the tenant's: "nouveau numéro de dossier".
constexpr std::string_view kFileNounList[] = {"dossier", "demande", "ticket", "reference",
                                              "contrat", "locataire", "client", "allocataire"};
constexpr internal::WordSet kFileNouns(kFileNounList);

// Moving an appointment (findMoveAsked): the verbs, and what asks for it before them.
constexpr std::string_view kMoveVerbList[] = {"decaler", "reporter", "deplacer", "avancer",
                                              "repousser", "changer", "modifier"};
constexpr internal::WordSet kMoveVerbs(kMoveVerbList);
constexpr std::string_view kMoveAskList[] = {
    "possible",  "pouvez",      "pourriez",  "peut",     "pourrait", "voudrais", "voudrions",
    "souhaite",  "souhaiterais", "souhaitons", "aimerais", "merci",   "faudrait", "besoin",
    "vouloir"};
constexpr internal::WordSet kMoveAsks(kMoveAskList);
// What "changer" or "modifier" must move to be an appointment ("changer la date"), and what a
// slot asked for names ("me proposer une date", "fixer un rendez-vous").
constexpr std::string_view kSlotNounList[] = {"date",    "dates",   "rendez", "rdv",
                                              "heure",   "creneau", "creneaux", "horaire",
                                              "jour"};
constexpr internal::WordSet kSlotNouns(kSlotNounList);
// A wish in the first person, right before what is wished ("je souhaiterais obtenir", "nous
// voudrions fixer").
constexpr std::string_view kWishList[] = {"souhaiterais", "souhaiterions", "souhaite",
                                          "souhaitons",   "voudrais",      "voudrions",
                                          "aimerais",     "aimerions"};
constexpr internal::WordSet kWishWords(kWishList);
// Sending or bringing a paper (findWhereToSendAsked), and the words between "où" and the verb
// in "où est-ce que je dois l'envoyer".
constexpr std::string_view kBringVerbList[] = {"envoie",   "envoyer", "deposer", "depose",
                                               "transmettre", "adresser", "poster", "apporter",
                                               "ramener"};
constexpr internal::WordSet kBringVerbs(kBringVerbList);
constexpr std::string_view kWhereGlueList[] = {"est", "ce",   "que", "qu",  "je",  "j",
                                               "dois", "doit", "peux", "peut", "on", "il",
                                               "faut", "le",  "la",  "les", "l",   "lui"};
constexpr internal::WordSet kWhereGlue(kWhereGlueList);

// The subjects of a present clause after "et là" (Analysis::nowBetween).
constexpr std::string_view kNowSubjectList[] = {"ca", "c", "il", "elle", "on", "y", "j", "je",
                                                "le", "les", "l", "tout"};
constexpr internal::WordSet kNowSubjects(kNowSubjectList);

// "Que pouvez-vous faire ?" (findWhatWillBeDoneAsked): the verb, and who is asked.
constexpr std::string_view kDoList[] = {"faire"};
constexpr internal::WordSet kDoWords(kDoList);
constexpr std::string_view kIntendList[] = {"pouvez", "pourriez", "comptez", "allez"};
constexpr internal::WordSet kIntendWords(kIntendList);

// A job asked for (findJobAsked): hiring words, and work looked for after "cherche".
// Not "embauche": folded, it is "embauché" (hired) too.
constexpr std::string_view kJobList[] = {"embauchez", "embaucher",   "recrutez", "recruter",
                                         "recrutement", "cv",        "emploi",   "travail",
                                         "boulot"};
constexpr internal::WordSet kJobWords(kJobList);
// What a procedure requires (findRequirementsAsked), asked after "quel(le)s".
constexpr std::string_view kRequirementList[] = {"documents", "document",   "justificatifs",
                                                 "justificatif", "papiers", "papier", "pieces",
                                                 "demarches",  "formalites", "conditions"};
constexpr internal::WordSet kRequirementWords(kRequirementList);
constexpr std::string_view kWhichList[] = {"quel", "quels", "quelle", "quelles"};
constexpr internal::WordSet kWhichWords(kWhichList);
// "quelles démarches ont été entreprises": steps already taken, asked about a file ("avez" is
// left out: "quels documents avez-vous besoin" asks what is required).
constexpr std::string_view kTakenList[] = {"ont", "aviez", "avait", "avaient", "ete"};
constexpr internal::WordSet kTakenWords(kTakenList);
// Every anchor of the scans behind firstAnchored: one pass over the tokens lists those whose
// shape one of them has (Analysis::scanCandidates), and each scan then looks at those only. A
// scan whose anchors this does not cover stops the build at Analysis::firstAnchored.
constexpr internal::WordShapes kScanShapes = internal::WordShapes()
                                                 .add(kHouseholdAnchors.shapes())
                                                 .add(kOpeningAnchors.shapes())
                                                 .add(kDocumentSentAnchors.shapes())
                                                 .add(kNoticeAnchors.shapes())
                                                 .add(kMoveVerbs.shapes())
                                                 .add(kBringVerbs.shapes())
                                                 .add(kDoWords.shapes())
                                                 .add(kJobWords.shapes())
                                                 .add(kRequirementWords.shapes());

bool isNegatable(CueKind k) {
  return k == CueKind::kUrgent || k == CueKind::kVulnUrgent || k == CueKind::kReassurance ||
         k == CueKind::kVulnerable || k == CueKind::kPerson || k == CueKind::kLockFail ||
         k == CueKind::kBreakIn;
}

// Hits of the same family shadow the hits they contain ("plus d'eau chaude" hides "plus d'eau").
constexpr int familyOf(CueKind k) {
  if (k == CueKind::kUrgent || k == CueKind::kVulnUrgent) {
    return static_cast<int>(CueKind::kUrgent);
  }
  // Topics share a family: "attestation de loyer" (admin) hides "loyer" (rent).
  if (k == CueKind::kRent || k == CueKind::kNeighbourhood || k == CueKind::kAdmin ||
      k == CueKind::kOther) {
    return static_cast<int>(CueKind::kRepair);
  }
  return static_cast<int>(k);
}

// familyOf for every kind, looked up: shadowContained's sort asks twice per comparison.
constexpr auto kFamilies = [] {
  std::array<int, kCueKindCount> families{};
  for (std::size_t k = 0; k < kCueKindCount; ++k) {
    families[k] = familyOf(static_cast<CueKind>(k));
  }
  return families;
}();

int family(CueKind k) { return kFamilies[static_cast<std::size_t>(k)]; }


template <std::size_t N>
constexpr std::array<std::uint64_t, N> sortedPackedWords(const std::string_view (&words)[N]) {
  std::array<std::uint64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = internal::packShortWord(words[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// nonFrench(): English and French function words (all of at most 5 bytes; the lists are disjoint).
constexpr std::string_view kEnglishWordList[] = {"the",  "my",  "i",    "is",  "you", "your",
                                                 "to",   "and", "for",  "it",  "was", "have",
                                                 "has",  "what", "who", "how", "can", "with"};
constexpr std::string_view kFrenchWordList[] = {"le",   "la",  "les", "je",  "mon", "ma",
                                                "vous", "de",  "du",  "des", "et",  "est",
                                                "pour", "pas", "que", "un",  "une", "il"};
constexpr auto kEnglishFunctionWords = sortedPackedWords(kEnglishWordList);
constexpr auto kFrenchFunctionWords = sortedPackedWords(kFrenchWordList);

// Both lists in one open-addressing table of packed words: one probe sequence per token
// instead of two binary searches. A slot holds the packed word (0: empty) and its language.
struct FunctionWordTable {
  static constexpr std::size_t kSlots = 128;
  std::array<std::uint64_t, kSlots> keys{};
  std::array<unsigned char, kSlots> lang{};  // 1 English, 2 French
  static constexpr std::size_t slot(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 57);
  }
  constexpr void insert(std::uint64_t key, unsigned char l) {
    std::size_t s = slot(key);
    while (keys[s] != 0 && keys[s] != key) {
      s = (s + 1) % kSlots;
    }
    if (keys[s] == 0) {
      keys[s] = key;
      lang[s] = l;
    }
  }
  // 0 when `key` is in neither list.
  unsigned char find(std::uint64_t key) const {
    for (std::size_t s = slot(key);; s = (s + 1) % kSlots) {
      if (keys[s] == key) {
        return lang[s];
      }
      if (keys[s] == 0) {
        return 0;
      }
    }
  }
};
// Most tokens are turned down by their shape, before they are packed and probed.
constexpr auto kFunctionWordShapes =
    internal::WordShapes().add(kEnglishWordList).add(kFrenchWordList);

constexpr FunctionWordTable kFunctionWordTable = [] {
  FunctionWordTable t;
  for (std::uint64_t k : kEnglishFunctionWords) {  // English first: it wins, as in nonFrench()
    t.insert(k, 1);
  }
  for (std::uint64_t k : kFrenchFunctionWords) {
    t.insert(k, 2);
  }
  return t;
}();

// The words that can open another question (otherQuestion()): any other token is passed over
// with one packed comparison set instead of a dozen string comparisons.
constexpr std::string_view kQuestionOpenerList[] = {"pk",  "pq",  "pkoi", "why",     "si",
                                                    "que", "qu",  "puis", "peut",    "comment",
                                                    "how", "can", "may",  "should"};
constexpr auto kQuestionOpeners = sortedPackedWords(kQuestionOpenerList);

// The openers' shapes, "pourquoi" (too long to pack) included: nearly every token of a letter
// is turned down by one table load, before it is packed.
constexpr auto kQuestionOpenerShapes =
    internal::shapesOf(kQuestionOpenerList).add("pourquoi");
static_assert(std::all_of(std::begin(kQuestionOpenerList), std::end(kQuestionOpenerList),
                          [](std::string_view w) { return w.size() <= 7; }));

bool mayOpenQuestion(std::string_view w) {
  if (!kQuestionOpenerShapes.mayHold(w)) {
    return false;
  }
  if (w.size() > 7) {
    return w == "pourquoi";
  }
  return std::binary_search(kQuestionOpeners.begin(), kQuestionOpeners.end(),
                            internal::packShortWord(w));
}

// What ends a clause between two tokens (clauseStart()).
bool isClausePunctuation(char c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',' || c == '\n';
}

// Whether `gap` (the bytes between two tokens, usually one or two) holds a clause mark: a plain
// loop, which inlines the test (std::any_of called it through a function pointer per byte).
bool hasClausePunctuation(std::string_view gap) {
  for (const char c : gap) {
    if (isClausePunctuation(c)) {
      return true;
    }
  }
  return false;
}

// Clause words: a negation or a clause does not reach past them (isScopeBreak()).
constexpr std::string_view kScopeBreakList[] = {"et",    "mais", "bon", "alors", "donc",
                                                "car",   "puis", "ben", "voila", "parce",
                                                "sinon", "and",  "but"};
constexpr internal::WordSet kScopeBreakWords(kScopeBreakList);

bool isScopeBreakWord(std::string_view w) { return kScopeBreakWords.contains(w); }

// Negators other than "plus" (isNegator() judges "plus" by its neighbours).
constexpr std::string_view kNegatorList[] = {"pas",   "aucun",   "aucune",   "jamais", "sans",
                                             "ni",    "rien",    "non",      "no",     "not",
                                             "never", "inutile", "nullement"};
constexpr internal::WordSet kNegatorWords(kNegatorList);

constexpr std::string_view kGreetingList[] = {
    "bonjour",   "bonsoir", "salut",     "hello",       "hi",       "allo",     "oui",
    "ouais",     "voila",   "alors",     "madame",      "monsieur", "mesdames", "messieurs",
    "cher",      "chere",   "chers",     "cheres",      "dear",     "good",     "morning",
    "afternoon", "evening", "coucou",    "objet",       "subject",  "re",       "tr",
    "fwd",       "hey",     "rebonjour", "mademoiselle"};
constexpr internal::WordSet kGreetingWords(kGreetingList);

bool isGreetingWord(std::string_view w) { return kGreetingWords.contains(w); }

int numberWordValue(std::string_view w) {
  static constexpr std::pair<std::string_view, int> kNumbers[] = {
      {"un", 1},         {"deux", 2},      {"trois", 3},   {"quatre", 4},    {"cinq", 5},
      {"six", 6},        {"sept", 7},      {"huit", 8},    {"neuf", 9},      {"dix", 10},
      {"onze", 11},      {"douze", 12},    {"treize", 13}, {"quatorze", 14}, {"quinze", 15},
      {"seize", 16},     {"vingt", 20},    {"vingts", 20}, {"trente", 30},   {"quarante", 40},
      {"cinquante", 50}, {"soixante", 60}, {"et", 0},      {"cent", 100}};
  for (const auto& [word, value] : kNumbers) {
    if (w == word) {
      return value;
    }
  }
  return -1;
}

// What a repair cue is about, coarsely: water, heating, electricity, openings and locks, damp,
// lift, entry phone, ventilation, pests, structure, gas. A follow-up and a later clause about
// different things are two requests; about the same thing, one ("la chaudière ... depuis hier
// plus de chauffage"). Matched on word starts; a word in no family says nothing.
enum ObjectClass : std::uint32_t {
  kObjWater = 1U << 0,
  kObjHeating = 1U << 1,
  kObjElectricity = 1U << 2,
  kObjOpenings = 1U << 3,
  kObjDamp = 1U << 4,
  kObjLift = 1U << 5,
  kObjEntryPhone = 1U << 6,
  kObjVentilation = 1U << 7,
  kObjPests = 1U << 8,
  kObjStructure = 1U << 9,
  kObjGas = 1U << 10,
  // Non-repair topics are one family each (bits from kObjTopicShift, by CueKind).
};
constexpr int kObjTopicShift = 16;

using ObjectPrefix = std::pair<std::string_view, std::uint32_t>;
constexpr ObjectPrefix kObjectPrefixes[] = {
      {"fuit", kObjWater},        {"fuite", kObjWater},       {"fui", kObjWater},
      {"eau", kObjWater},         {"inond", kObjWater},       {"degat", kObjWater},
      {"goutt", kObjWater},       {"coul", kObjWater},        {"robinet", kObjWater},
      {"mitigeur", kObjWater},    {"evier", kObjWater},       {"lavabo", kObjWater},
      {"wc", kObjWater},          {"toilet", kObjWater},      {"chasse", kObjWater},
      {"douche", kObjWater},      {"baignoire", kObjWater},   {"tuyau", kObjWater},
      {"canalis", kObjWater},     {"plomb", kObjWater},       {"siphon", kObjWater},
      {"bouche", kObjWater},      {"evacu", kObjWater},       {"egout", kObjWater},
      {"refoul", kObjWater},      {"leak", kObjWater},        {"sink", kObjWater},
      {"tap", kObjWater},         {"shower", kObjWater},      {"water", kObjWater},
      {"flexible", kObjWater},    {"chauff", kObjHeating},    {"chaud", kObjHeating},
      {"radiat", kObjHeating},    {"ballon", kObjHeating},    {"cumulus", kObjHeating},
      {"thermost", kObjHeating},  {"heating", kObjHeating},   {"boiler", kObjHeating},
      {"electr", kObjElectricity}, {"prise", kObjElectricity}, {"courant", kObjElectricity},
      {"disjonct", kObjElectricity}, {"compteur", kObjElectricity},
      {"lumiere", kObjElectricity}, {"ampoule", kObjElectricity}, {"eclair", kObjElectricity},
      {"interrupt", kObjElectricity}, {"light", kObjElectricity}, {"bulb", kObjElectricity},
      {"etincel", kObjElectricity}, {"power", kObjElectricity},  {"socket", kObjElectricity},
      {"porte", kObjOpenings},    {"fenetre", kObjOpenings},  {"volet", kObjOpenings},
      {"serrur", kObjOpenings},   {"vitre", kObjOpenings},    {"poignee", kObjOpenings},
      {"store", kObjOpenings},    {"placard", kObjOpenings},  {"cremone", kObjOpenings},
      {"barillet", kObjOpenings}, {"verrou", kObjOpenings},   {"window", kObjOpenings},
      {"door", kObjOpenings},     {"lock", kObjOpenings},     {"latch", kObjOpenings},
      {"humid", kObjDamp},        {"moisi", kObjDamp},        {"salpetre", kObjDamp},
      {"champignon", kObjDamp},   {"condensation", kObjDamp}, {"infiltr", kObjDamp},
      {"mould", kObjDamp},        {"mold", kObjDamp},         {"damp", kObjDamp},
      {"ascenseur", kObjLift},    {"lift", kObjLift},         {"elevator", kObjLift},
      {"interphone", kObjEntryPhone}, {"digicode", kObjEntryPhone},
      {"sonnette", kObjEntryPhone}, {"intercom", kObjEntryPhone}, {"vmc", kObjVentilation},
      {"ventil", kObjVentilation}, {"aeration", kObjVentilation}, {"extract", kObjVentilation},
      {"fan", kObjVentilation},   {"hotte", kObjVentilation}, {"cafard", kObjPests},
      {"blatte", kObjPests},      {"punaise", kObjPests},     {"souris", kObjPests},
      {"rat", kObjPests},         {"nuisible", kObjPests},    {"fourmi", kObjPests},
      {"guepe", kObjPests},       {"frelon", kObjPests},      {"moucheron", kObjPests},
      {"cockroach", kObjPests},   {"mice", kObjPests},        {"plafond", kObjStructure},
      {"mur", kObjStructure},     {"fissur", kObjStructure},  {"carrelage", kObjStructure},
      {"parquet", kObjStructure}, {"plinthe", kObjStructure}, {"peinture", kObjStructure},
      {"toit", kObjStructure},    {"ceiling", kObjStructure}, {"wall", kObjStructure},
      {"gaz", kObjGas},           {"gas", kObjGas}};
constexpr std::size_t kObjectPrefixCount = std::size(kObjectPrefixes);

// kObjectPrefixes grouped by first byte (the classes are OR-ed, so order does not matter), with
// where each byte's group starts: a word is tried against its own letter's prefixes only.
struct ObjectPrefixIndex {
  std::array<ObjectPrefix, kObjectPrefixCount> sorted{};
  std::array<std::uint16_t, 257> begin{};  // group of byte b: [begin[b], begin[b + 1])
};
constexpr ObjectPrefixIndex kObjectPrefixIndex = [] {
  ObjectPrefixIndex index;
  std::size_t n = 0;
  for (int b = 0; b < 256; ++b) {
    index.begin[b] = static_cast<std::uint16_t>(n);
    for (const ObjectPrefix& p : kObjectPrefixes) {
      if (static_cast<unsigned char>(p.first[0]) == b) {
        index.sorted[n++] = p;
      }
    }
  }
  index.begin[256] = static_cast<std::uint16_t>(n);
  return index;
}();

std::uint32_t repairObjectClass(std::string_view w) {
  std::uint32_t classes = 0;
  if (w.empty()) {
    return classes;
  }
  const auto first = static_cast<unsigned char>(w[0]);
  for (std::size_t i = kObjectPrefixIndex.begin[first]; i < kObjectPrefixIndex.begin[first + 1];
       ++i) {
    const auto& [prefix, cls] = kObjectPrefixIndex.sorted[i];
    if (!w.starts_with(prefix)) {
      continue;
    }
    // Short stems stand for the word and its plural only ("rat", not "rate"; "eau", "eaux").
    if (prefix.size() <= 3 && w.size() > prefix.size() &&
        (w.size() > prefix.size() + 1 || (w.back() != 's' && w.back() != 'x'))) {
      continue;
    }
    classes |= cls;
  }
  return classes;
}

// Words that say what is wrong rather than with what ("fuit", "coule", "humidité"): met again
// in the object family the message already named, they describe the same problem, not a new one.
bool isSymptomWord(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      "fuit",  "fui",    "eau",     "goutt",   "coul",  "inond", "degat",   "leak",
      "water", "chaude", "courant", "power",   "humid", "moisi", "infiltr", "condens",
      "mould", "mold",   "damp",    "etincel", "froid", "bruit"};
  return std::any_of(std::begin(kStems), std::end(kStems),
                     [w](std::string_view stem) { return w.starts_with(stem); });
}

struct Scored {
  CueHit hit;
  CueKind kind;
  float weight;
  bool active = true;  // not shadowed, negated, resolved or reported
  bool negated = false;
  bool past = false;  // an emergency told as over (isPast), not merely negated
};

// A byte that continues a UTF-8 sequence (10xxxxxx): no character starts there.
bool isUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `s` without the bytes that do not belong to a well-formed UTF-8 sequence.
std::string wellFormedOnly(std::string_view s) {
  if (isValidUtf8(s)) {  // the usual case: every sequence is well-formed, nothing to drop
    return std::string(s);
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len != 0 && i + len <= s.size() && isValidUtf8(s.substr(i, len))) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      ++i;
    }
  }
  return out;
}

// A thread keeps at most this many bytes in each scratch buffer after a read: a 64 KiB message
// does not pin its buffers (several times its size) for the life of the thread.
constexpr std::size_t kKeepScratchBytes = 256 * 1024;

template <typename Buffer>
void releaseIfHuge(Buffer& b) {
  if (b.capacity() * sizeof(typename Buffer::value_type) > kKeepScratchBytes) {
    Buffer().swap(b);
  }
}

// The working memory of one read: the normalised text, the lexicon's hits, the model's
// features. Reused from one read to the next on the same thread (ContactReader::read keeps one
// per thread, never shared), so that a read allocates little beyond the Reading it returns.
struct ReadScratch {
  NormalisedText text;
  std::string combined;  // subject + text
  std::vector<CueHit> hits;
  std::vector<Scored> scored;
  std::vector<std::size_t> order;  // shadowContained()
  std::vector<char> covered;       // applyNegation(), by token
  std::vector<ModelFeature> features;  // applyModel(): grown, never shrunk (but when huge)
  std::vector<char> middle;            // cueSentences()
  std::vector<char> courtesy;     // markCourtesySentences(), by sentence
  std::vector<float> gist_score;  // buildGist(), by sentence
  std::vector<char> gist_excluded;
  std::vector<std::uint32_t> gist_start;
  std::vector<CueHit> gist_lead_ins;
  std::vector<std::uint32_t> gist_boilerplate_first;  // by sentence
  std::vector<std::uint32_t> scan_candidates;  // Analysis::scanCandidates()

  void releaseHugeBuffers() {
    releaseIfHuge(text.display);
    releaseIfHuge(text.norm);
    releaseIfHuge(text.tokens);
    releaseIfHuge(text.sentences);
    releaseIfHuge(combined);
    releaseIfHuge(hits);
    releaseIfHuge(scored);
    releaseIfHuge(order);
    releaseIfHuge(covered);
    releaseIfHuge(features);
    releaseIfHuge(middle);
    releaseIfHuge(courtesy);
    releaseIfHuge(gist_score);
    releaseIfHuge(gist_excluded);
    releaseIfHuge(gist_start);
    releaseIfHuge(gist_lead_ins);
    releaseIfHuge(gist_boilerplate_first);
    releaseIfHuge(scan_candidates);
  }
};

class Analysis {
 public:
  Analysis(const ReaderConfig& config, const Lexicon& lexicon, const CaseRefMatcher& refs,
           const ReaderModel* model, const ReaderInput& input, ReadScratch& scratch)
      : config_(config),
        lexicon_(lexicon),
        refs_(refs),
        model_(model),
        model_rereads_(model != nullptr && !model->empty()),
        input_(input),
        scratch_(scratch),
        text_(scratch.text),
        scored_(scratch.scored) {
    scored_.clear();
    r_.reasons.reserve(kReasonsReserved);
  }

  Reading run() {
    readWithLexicon();
    if (model_rereads_) {
      applyModel();
    }
    takeTheNewRequestsIntent();
    takeTheAskedDocumentsIntent();
    buildGist();
    return std::move(r_);
  }

  // The lexicon's reading, then what the model sees of the message.
  void modelView(NormalisedText& text, LexiconSignals& signals,
                 std::vector<ModelFeature>& features) {
    readWithLexicon();
    signals = lexiconSignals();
    const std::vector<char>& middle = cueSentences();
    extractModelFeatures(text_, input_.channel, signals, features, &middle);
    text = std::move(text_);
  }

 private:
  void readWithLexicon() {
    if (input_.subject.empty()) {
      normaliseText(input_.text, text_);
    } else {
      std::string& combined = scratch_.combined;
      combined.clear();
      combined.append(input_.subject.substr(0, kMaxReadBytes / 4));
      combined.append("\n\n"sv);
      combined.append(input_.text);
      normaliseText(combined, text_);
    }
    std::vector<CueHit>& raw = scratch_.hits;
    raw.clear();
    lexicon_.match(text_, raw);
    for (const CueHit& h : raw) {
      const Phrase& p = lexicon_.phrase(h.phrase);
      scored_.push_back(Scored{h, p.kind, p.weight});
    }
    shadowContained();
    applyNegation();
    applyResolvedAndReported();
    tallyKinds();

    findCaseRef();
    decideAggression();
    decidePerson();
    decideUrgency();
    decideReassurance();
    decideIntent();
    decideStatusOnly();
  }

  // `with_non_french` false leaves non_french false, for a caller that asks nonFrench() itself
  // only when it matters.
  LexiconSignals lexiconSignals(bool with_non_french = true) const {
    LexiconSignals sig;
    sig.intent = static_cast<int>(r_.intent);
    sig.status_score = status_score_;
    sig.case_ref = r_.case_ref.has_value();
    sig.urgency = r_.urgency;
    sig.urgent = r_.urgent;
    sig.aggressive = r_.aggressive;
    sig.addressed_insult = r_.aggressive && gross_insult_;
    sig.reassurance = r_.reassurance;
    sig.person = r_.asks_for_person;
    sig.formal = any(CueKind::kFormal);
    sig.reopen = any(CueKind::kReopen);
    sig.vulnerable = vulnerable_;
    sig.new_problem = new_problem_;
    bool past_urgent = false;  // an urgency cue told as over; a past cue is negated too
    for (const Scored& s : scored_) {
      if (s.negated && (s.kind == CueKind::kUrgent || s.kind == CueKind::kVulnUrgent)) {
        sig.negated_urgent = true;
        past_urgent = past_urgent || s.past;
      }
    }
    sig.vulnerable_cue_alone = !vulnerable_ && !r_.urgent && any(CueKind::kVulnUrgent);
    // Every urgency cue told as over ("les pompiers sont venus"), none left standing.
    sig.past_urgent_alone =
        past_urgent && !any(CueKind::kUrgent) && !any(CueKind::kVulnUrgent);
    sig.non_french = with_non_french && nonFrench();
    return sig;
  }

  // The sentences where the lexicon found what a request is made of (a topic, a follow-up, a
  // request, an emergency, a new problem...): the model reads them even in the middle of a long
  // letter. Empty for short messages, which the model reads whole.
  const std::vector<char>& cueSentences() const {
    std::vector<char>& keep = scratch_.middle;
    keep.clear();
    if (text_.tokens.size() <= kModelWholeTokens) {
      return keep;
    }
    keep.assign(text_.sentences.size(), 0);
    for (const Scored& s : scored_) {
      if (!s.active || s.weight <= 0 || s.kind == CueKind::kBoilerplate ||
          s.kind == CueKind::kLeadIn) {
        continue;
      }
      keep[text_.tokens[s.hit.first_token].sentence] = 1;
    }
    return keep;
  }

  void dropReasons(std::string_view prefix) {
    // The first byte turns down most reasons before a comparison call (prefixes are not empty).
    std::erase_if(r_.reasons, [prefix](const std::string& r) {
      return !r.empty() && r[0] == prefix[0] && r.starts_with(prefix);
    });
  }

  // Appends up to three quoted features pushing `head` up, or "no single cue".
  void appendModelCues(std::string& out, std::span<const ModelFeature> features,
                       std::size_t head) const {
    std::array<std::size_t, 3> top{};
    const std::size_t count = model_->topContributors(features, head, top, /*words_only=*/true);
    for (std::size_t k = 0; k < count; ++k) {
      if (k > 0) {
        out.append(", "sv);
      }
      out.push_back('"');
      appendFeatureDescription(text_, features[top[k]], out);
      out.push_back('"');
    }
    if (count == 0) {
      out.append("no single cue"sv);
    }
  }

  // Appends `v` in decimal, as std::to_string writes it (without a temporary string).
  static void appendInt(std::string& out, long v) {
    std::array<char, 24> digits;  // to_chars writes what is appended: no need to clear it
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), v).ptr;
    out.append(digits.data(), end);
  }

  // Appends `p` as a whole percentage ("87%").
  static void appendPercent(std::string& out, float p) {
    appendInt(out, std::lround(p * 100.0F));
    out.push_back('%');
  }

  // A reason is written in one string reserved once (most fit in it), not by a chain of
  // temporaries.
  static std::string reasonBuffer() {
    std::string out;
    out.reserve(kReasonReserved);
    return out;
  }

  // The statistical layer: re-decides intent, aggression, reassurance and status_only, and may
  // add urgency the lexicon missed (never removes it). The lexicon's pass left no intent or
  // status_only reason (model_rereads_): this pass writes them.
  void applyModel() {
    // Whether the text is French matters only when the model reads a follow-up: no feature
    // carries it, and combineDecisions and the status_only decision ask it only then. A pass
    // over every token, so asked only then.
    LexiconSignals sig = lexiconSignals(/*with_non_french=*/false);
    const std::vector<char>& middle = cueSentences();
    // Written over the thread's buffer, which keeps its size from one read to the next. The
    // count first: writing may grow (move) the buffer, so data() is only good after it.
    const std::size_t count =
        writeModelFeatures(text_, input_.channel, sig, scratch_.features, &middle);
    const std::span<ModelFeature> features(scratch_.features.data(), count);
    const ModelScores scores = model_->score(features);
    if (scores.best_intent == static_cast<int>(Intent::kStatusRequest)) {
      sig.non_french = nonFrench();
    }
    const ModelDecision d = combineDecisions(sig, scores);

    const auto intent = static_cast<Intent>(d.intent);
    const auto head = static_cast<std::size_t>(d.intent);
    std::string intent_reason = reasonBuffer();
    intent_reason.append("intent="sv).append(intentName(intent)).append(" (model "sv);
    appendPercent(intent_reason, scores.intent_probability[head]);
    intent_reason.append("): "sv);
    appendModelCues(intent_reason, features, head);
    if (intent != r_.intent) {
      intent_reason.append("; lexicon read "sv).append(intentName(r_.intent));
    }
    r_.reasons.push_back(std::move(intent_reason));
    r_.intent = intent;

    if (d.urgent && !r_.urgent) {
      const float p = scores.probability(kHeadUrgent);
      r_.urgent = true;
      r_.urgency = std::max(
          {r_.urgency, config_.urgent_threshold, static_cast<int>(std::lround(p * 100.0F))});
      dropReasons("not urgent");
      std::string reason = reasonBuffer();
      reason.append("urgent("sv);
      appendInt(reason, r_.urgency);
      reason.append(", model "sv);
      appendPercent(reason, p);
      reason.append("): "sv);
      appendModelCues(reason, features, kHeadUrgent);
      r_.reasons.push_back(std::move(reason));
    }

    if (d.aggressive != r_.aggressive) {
      const float p = scores.probability(kHeadAggressive);
      r_.aggressive = d.aggressive;
      dropReasons("aggressive");
      std::string reason = reasonBuffer();
      reason.append(d.aggressive ? "aggressive (model "sv : "not aggressive (model "sv);
      appendPercent(reason, p);
      if (d.aggressive) {
        reason.append("): "sv);
        appendModelCues(reason, features, kHeadAggressive);
      } else {
        reason.append(", overrides the lexicon)"sv);
      }
      r_.reasons.push_back(std::move(reason));
    }

    const bool high = d.reassurance_high || (r_.reassurance_high && context_points_ > 0);
    if (high != r_.reassurance_high) {
      const float p = scores.probability(kHeadReassurance);
      r_.reassurance_high = high;
      r_.reassurance = high ? std::max(r_.reassurance, config_.reassurance_high_threshold)
                            : std::min(r_.reassurance, config_.reassurance_high_threshold - 1);
      std::string reason = reasonBuffer();
      reason.append(high ? "reassurance high (model "sv : "reassurance not high (model "sv);
      appendPercent(reason, p);
      if (high) {
        reason.append("): "sv);
        appendModelCues(reason, features, kHeadReassurance);
      } else {
        reason.push_back(')');
      }
      r_.reasons.push_back(std::move(reason));
    }

    r_.status_only = false;
    if (r_.intent == Intent::kStatusRequest) {
      decideStatusOnlyWithModel(sig, d, scores.probability(kHeadStatusOnly));
    }
  }

  // status_only once the model reads a follow-up: what blocks an automatic answer, in the order
  // reported (aggression, urgency, the lexicon's blockers, then a non-French text without an
  // explicit follow-up cue or a model unsure it is only a follow-up).
  void decideStatusOnlyWithModel(const LexiconSignals& sig, const ModelDecision& d, float p) {
    const std::vector<std::string>& lexicon_blockers = lexiconBlockers();
    const bool blocked = r_.aggressive || r_.urgent || !lexicon_blockers.empty();
    const bool non_french = !blocked && sig.non_french &&
                            sig.status_score < ModelThresholds{}.status_only_non_french_cue;
    r_.status_only = d.status_only && !blocked && !non_french;
    std::string reason = reasonBuffer();
    if (r_.status_only) {
      reason.append("status_only (model "sv);
      appendPercent(reason, p);
      reason.append("): only asks where the request stands"sv);
      r_.reasons.push_back(std::move(reason));
      return;
    }
    reason.append("not status_only: "sv);
    bool first = true;
    const auto add = [&reason, &first](std::string_view blocker) {
      reason.append(first ? ""sv : "; "sv).append(blocker);
      first = false;
    };
    if (r_.aggressive) {
      add("aggressive");
    }
    if (r_.urgent) {
      add("urgent");
    }
    for (const std::string& b : lexicon_blockers) {
      add(b);
    }
    if (non_french) {
      add("not French and no explicit follow-up cue");
    } else if (!blocked && !d.status_only) {
      add("model reads more than a follow-up (");
      appendPercent(reason, p);
      reason.push_back(')');
    }
    r_.reasons.push_back(std::move(reason));
  }

  std::string_view snippet(const CueHit& h) const {
    const Token& a = text_.tokens[h.first_token];
    const Token& b = text_.tokens[h.end_token - 1];
    return utf8Prefix(text_.source(a.src_begin, std::max(a.src_end, b.src_end)), kSnippetMaxBytes);
  }

  // Up to four distinct quoted snippets of the active hits matching `pred`.
  template <typename Pred>
  std::string quotes(Pred pred) const {
    std::string out;
    appendQuotes(out, pred);
    return out;
  }

  // The same snippets appended to `out` (a reason being written); returns whether there were
  // any.
  template <typename Pred>
  bool appendQuotes(std::string& out, Pred pred) const {
    std::array<std::string_view, kMaxSnippetsPerReason> seen;
    std::size_t seen_count = 0;
    for (const Scored& s : scored_) {
      // Zero-weight entries are exceptions ("on devait me rappeler"), never evidence.
      if (!s.active || s.weight == 0 || !pred(s)) {
        continue;
      }
      const std::string_view q = snippet(s.hit);
      if (std::find(seen.begin(), seen.begin() + seen_count, q) != seen.begin() + seen_count) {
        continue;
      }
      if (seen_count == kMaxSnippetsPerReason) {
        out.append(", ..."sv);
        break;
      }
      if (seen_count > 0) {
        out.append(", "sv);
      }
      seen[seen_count++] = q;
      out.push_back('"');
      out.append(q);
      out.push_back('"');
    }
    return seen_count > 0;
  }

  void shadowContained() {
    std::vector<std::size_t>& order = scratch_.order;
    order.resize(scored_.size());
    // The hits by family, then first token, longest first, heaviest first, hit order: a total
    // order (the index decides last), which any sort gives alike.
    const auto before = [&](std::size_t a, std::size_t b) {
      const Scored& x = scored_[a];
      const Scored& y = scored_[b];
      const int fx = family(x.kind);
      const int fy = family(y.kind);
      if (fx != fy) {
        return fx < fy;
      }
      if (x.hit.first_token != y.hit.first_token) {
        return x.hit.first_token < y.hit.first_token;
      }
      if (x.hit.end_token != y.hit.end_token) {
        return x.hit.end_token > y.hit.end_token;
      }
      if (std::fabs(x.weight) != std::fabs(y.weight)) {
        return std::fabs(x.weight) > std::fabs(y.weight);
      }
      return a < b;
    };
    // Grouped by family in one counting pass (each family's hits in hit order), then finished
    // by an insertion sort: the lexicon gives its hits in token order, so each family's run is
    // nearly sorted already and takes about one comparison a hit (std::sort took n log n).
    std::array<std::uint32_t, kCueKindCount + 1> next{};
    for (const Scored& h : scored_) {
      ++next[static_cast<std::size_t>(family(h.kind)) + 1];
    }
    for (std::size_t f = 1; f < next.size(); ++f) {
      next[f] += next[f - 1];
    }
    for (std::size_t i = 0; i < scored_.size(); ++i) {
      order[next[static_cast<std::size_t>(family(scored_[i].kind))]++] = i;
    }
    for (std::size_t i = 1; i < order.size(); ++i) {
      const std::size_t x = order[i];
      std::size_t j = i;
      for (; j > 0 && before(x, order[j - 1]); --j) {
        order[j] = order[j - 1];
      }
      order[j] = x;
    }
    int current_family = -1;
    std::uint32_t max_end = 0;
    for (std::size_t idx : order) {
      Scored& s = scored_[idx];
      if (family(s.kind) != current_family) {
        current_family = family(s.kind);
        max_end = 0;
      }
      if (max_end >= s.hit.end_token) {
        s.active = false;
      } else {
        max_end = s.hit.end_token;
      }
    }
  }

  // More English function words than French ones (at least three): the text is not French.
  // Computed once per message (the tokens do not change after normalisation).
  bool nonFrench() const {
    if (non_french_ < 0) {
      int english = 0;
      int french = 0;
      const char* const norm = text_.norm.data();
      for (const Token& t : text_.tokens) {
        // Size and first byte straight from the token: most tokens stop here.
        if (t.norm_size == 0 ||
            !kFunctionWordShapes.mayHold(static_cast<unsigned char>(norm[t.norm_begin]),
                                         t.norm_size)) {
          continue;
        }
        const unsigned char lang =
            kFunctionWordTable.find(internal::packShortWord(text_.word(t)));
        english += lang == 1 ? 1 : 0;
        french += lang == 2 ? 1 : 0;
      }
      non_french_ = english >= 3 && english > french ? 1 : 0;
    }
    return non_french_ != 0;
  }

  bool isScopeBreak(std::size_t i) const { return isScopeBreakWord(text_.word(text_.tokens[i])); }

  bool isNegator(std::size_t i) const {
    const std::string_view w = text_.word(text_.tokens[i]);
    // One integer compare for "plus", then the list's shapes: most words stop at one of them.
    if (internal::packShortWord(w) == internal::packShortWord("plus")) {
      // "de plus en plus", "en plus", "au plus vite" are not negations, nor is the restrictive
      // "il ne fait plus que 13 degrés" (only 13 degrees left).
      if (i + 1 < text_.tokens.size()) {
        const std::string_view next = text_.word(text_.tokens[i + 1]);
        if (next == "en" || next == "que" || next == "qu") {
          return false;
        }
      }
      if (i > 0) {
        const std::string_view prev = text_.word(text_.tokens[i - 1]);
        if (prev == "de" || prev == "en" || prev == "au" || prev == "le" || prev == "la") {
          return false;
        }
      }
      return true;
    }
    return kNegatorWords.contains(w);
  }

  void applyNegation() {
    // A negator that belongs to another cue ("je ne sais pas quoi faire, aidez-moi") negates
    // nothing else.
    std::vector<char>& covered = scratch_.covered;
    covered.assign(text_.tokens.size(), 0);
    for (const Scored& s : scored_) {
      if (s.active && s.weight > 0 && s.kind != CueKind::kBoilerplate &&
          s.kind != CueKind::kRequest && s.kind != CueKind::kLeadIn) {
        for (std::uint32_t t = s.hit.first_token; t < s.hit.end_token; ++t) {
          covered[t] = 1;
        }
      }
    }
    for (Scored& s : scored_) {
      if (!s.active || !isNegatable(s.kind) || s.weight < 0) {
        continue;
      }
      const std::uint32_t sentence = text_.tokens[s.hit.first_token].sentence;
      bool negated = false;
      bool filler_between = false;
      for (int k = 1; k <= kNegationWindow && !negated; ++k) {
        if (s.hit.first_token < static_cast<std::uint32_t>(k)) {
          break;
        }
        const std::size_t i = s.hit.first_token - static_cast<std::uint32_t>(k);
        if (text_.tokens[i].sentence != sentence) {
          break;
        }
        // Unpunctuated speech: a dropped filler ("euh") or a clause word ("et", "mais", "bon",
        // "alors") between the negator and the cue ends the negation's scope ("je parle pas bien
        // français euh chauffage il marche plus").
        // A negator right before a filler still negates ("c'est pas euh urgent").
        filler_between = filler_between || text_.tokens[i + 1].after_dropped;
        // Nor does it reach across a comma or another clause mark: "ça n'avance pas, pouvez-vous
        // me rappeler" asks for a call back.
        if ((filler_between && k > 1) || isScopeBreak(i) || punctuationBetween(i, i + 1)) {
          break;
        }
        negated = isNegator(i) && !covered[i];
      }
      // "l'eau ne coule plus", "le gaz ne sent pas"; not "un conseiller, pas un bot", where the
      // negation after the comma is about what follows it.
      // Not across a dropped filler, nor "plus rien", which says the absence again: "j'ai plus
      // d'électricité euh plus rien du tout".
      const std::uint32_t after = s.hit.end_token;
      if (!negated && after < text_.tokens.size() && text_.tokens[after].sentence == sentence &&
          !text_.tokens[after].after_dropped && !punctuationBetween(after - 1, after)) {
        const std::string_view next = text_.word(text_.tokens[after]);
        const std::string_view last = text_.word(text_.tokens[after - 1]);
        const bool again = after + 1 < text_.tokens.size() && word(after + 1) == "rien";
        if ((next == "pas" || next == "plus" || next == "jamais") && last != "plus" &&
            last != "pas" && !again && isNegator(after)) {
          negated = true;
        }
      }
      // A hypothetical: "vous attendez qu'il tombe ?", "attendre que ça s'effondre".
      if (!negated && (s.kind == CueKind::kUrgent || s.kind == CueKind::kVulnUrgent)) {
        negated = waitedFor(s.hit.end_token - 1, sentence);
      }
      if (negated) {
        s.active = false;
        s.negated = true;
      }
    }
  }

  // Whether "attendez/attendre ... que/qu'" comes within three tokens before token `t` of its
  // sentence: what follows is what the writer fears, not what is happening.
  bool waitedFor(std::uint32_t t, std::uint32_t sentence) const {
    for (std::uint32_t k = 1; k <= 4 && k <= t; ++k) {
      const std::uint32_t i = t - k;
      if (text_.tokens[i].sentence != sentence || i + 1 >= text_.tokens.size()) {
        break;
      }
      const std::string_view w = text_.word(text_.tokens[i]);
      // Every verb form below starts with "attend": most words stop at the first byte.
      if (w.size() < 6 || w[0] != 'a' || !w.starts_with("attend")) {
        continue;
      }
      const std::string_view next = text_.word(text_.tokens[i + 1]);
      if ((w == "attendez" || w == "attendre" || w == "attend" || w == "attendiez" ||
           w == "attendent") &&
          (next == "que" || next == "qu")) {
        return true;
      }
    }
    return false;
  }

  // Whether the hit starting at token `first` in sentence `sentence` told an emergency that is
  // over: a resolved cue (its first token in `resolved`) before it in its sentence with no "now"
  // between, or after it in that sentence, or a closing one (kClosingResolvedWeight) in it or in
  // one of the kClosedSentencesBefore sentences after it.
  bool isPast(std::uint32_t sentence, std::uint32_t first,
              const std::vector<std::uint32_t>& resolved,
              const std::vector<std::uint32_t>& closing_sentences) const {
    for (const std::uint32_t r : resolved) {
      if (text_.tokens[r].sentence == sentence && (r > first || !nowBetween(r, first))) {
        return true;
      }
    }
    return std::any_of(closing_sentences.begin(), closing_sentences.end(),
                       [sentence](std::uint32_t c) {
                         return sentence <= c && c - sentence <= kClosedSentencesBefore;
                       });
  }

  // Whether the resolution at token `t` is asked about: "quand est-ce qu'il est réparé" asks,
  // "quand le plombier est venu, il a réparé" tells. Looks back six tokens within the clause.
  bool asksWhen(std::uint32_t t) const {
    const std::uint32_t from = clauseStart(t);
    for (std::uint32_t k = t; k > from && t - k < 6; --k) {
      if (word(k - 1) == "quand") {
        return k + 1 < t && word(k) == "est" && word(k + 1) == "ce";
      }
    }
    return false;
  }

  // A "now" between tokens `from` and `to`: "il y a eu comme un pof et là ça sent le chaud"
  // tells a past event, then the present. Speech has no full stops to part them.
  bool nowBetween(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from + 1; k < to; ++k) {
      const std::string_view w = word(k);
      if (w == "maintenant" || w == "actuellement" || w == "now" ||
          (w == "la" && k + 1 < text_.tokens.size() && word(k - 1) == "et" &&
           kNowSubjects.contains(word(k + 1)))) {
        return true;
      }
    }
    return false;
  }

  void applyResolvedAndReported() {
    std::vector<std::uint32_t> resolved;  // first tokens of the resolved cues
    std::vector<std::uint32_t> closing_sentences;
    std::vector<std::uint32_t> reported_ends;  // token index where a report ends
    for (const Scored& s : scored_) {
      if (!s.active) {
        continue;
      }
      // A zero-weight resolved cue is an exception ("depuis l'an dernier"), not a resolution.
      if (s.kind == CueKind::kResolved && s.weight > 0) {
        if (asksWhen(s.hit.first_token)) {
          continue;  // "quand est-ce qu'il est réparé ?" asks, it does not tell
        }
        if (s.weight >= kClosingResolvedWeight) {
          closing_sentences.push_back(text_.tokens[s.hit.first_token].sentence);
        } else {
          resolved.push_back(s.hit.first_token);
        }
      } else if (s.kind == CueKind::kReported) {
        reported_ends.push_back(s.hit.end_token);
      }
    }
    if (resolved.empty() && closing_sentences.empty() && reported_ends.empty()) {
      return;
    }
    for (Scored& s : scored_) {
      if (!s.active) {
        continue;
      }
      const std::uint32_t sentence = text_.tokens[s.hit.first_token].sentence;
      if ((s.kind == CueKind::kUrgent || s.kind == CueKind::kVulnUrgent) && s.weight > 0 &&
          isPast(sentence, s.hit.first_token, resolved, closing_sentences)) {
        s.active = false;
        s.negated = true;
        s.past = true;
      }
      if (s.kind == CueKind::kAggressive) {
        for (std::uint32_t end : reported_ends) {
          if (s.hit.first_token >= end - 1 && s.hit.first_token < end + kReportedWindow &&
              text_.tokens[end - 1].sentence == sentence) {
            s.active = false;
            s.negated = true;
            break;
          }
        }
      }
    }
  }

  // The active hits' weights summed by kind, and the kinds with an active hit of positive
  // weight, in one pass once applyResolvedAndReported has settled which hits are active (no
  // later pass changes it): the decisions ask sum() and any() a dozen times a read, each a pass
  // over the hits before. Each kind's sum adds its weights in hit order from 0, as that pass did.
  void tallyKinds() {
    static_assert(kCueKindCount <= 32);
    kind_sum_.fill(0.0F);
    kinds_present_ = 0;
    kinds_quotable_ = 0;
    gross_insult_ = false;
    for (const Scored& s : scored_) {
      if (!s.active) {
        continue;
      }
      const auto k = static_cast<std::size_t>(s.kind);
      kind_sum_[k] += s.weight;
      if (s.weight > 0) {
        kinds_present_ |= std::uint32_t{1} << k;
      }
      if (s.weight != 0) {
        kinds_quotable_ |= std::uint32_t{1} << k;
      }
      gross_insult_ =
          gross_insult_ || (s.kind == CueKind::kAggressive && s.weight >= kAddressedInsultWeight);
    }
  }

  // Whether an active hit of nonzero weight (what quotes() may quote) has one of `kinds`: when
  // none has, a quotes() pass over the hits would find nothing.
  bool anyQuotable(std::initializer_list<CueKind> kinds) const {
    std::uint32_t mask = 0;
    for (const CueKind k : kinds) {
      mask |= std::uint32_t{1} << static_cast<std::size_t>(k);
    }
    return (kinds_quotable_ & mask) != 0;
  }

  float sum(CueKind k) const { return kind_sum_[static_cast<std::size_t>(k)]; }
  // Zero-weight entries are exceptions that shadow what they contain ("on devait me rappeler"
  // hides "me rappeler"); they are not evidence themselves.
  bool any(CueKind k) const { return (kinds_present_ >> static_cast<std::size_t>(k) & 1) != 0; }

  // A contract number is no case reference (label rules): "contrat de location n° 04-331-2014",
  // "Contrat n° 07-118-2016" have a reference's shape. A match with "contrat" or "contract" in
  // the kContractWindow bytes before it, and no reference keyword after that word, is skipped
  // and the search goes on after it.
  static bool afterAContractWord(std::string_view display, std::size_t begin) {
    const std::size_t from = begin > kContractWindow ? begin - kContractWindow : 0;
    std::string before(display.substr(from, begin - from));
    for (char& c : before) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    std::size_t at = before.rfind("contrat");
    if (at == std::string::npos) {
      at = before.rfind("contract");
    }
    if (at == std::string::npos) {
      return false;
    }
    const std::string_view tail = std::string_view(before).substr(at);
    for (const std::string_view k : {"dossier", "demande", "ticket", "ref", "request", "case"}) {
      if (tail.find(k) != std::string_view::npos) {
        return false;
      }
    }
    return true;
  }

  void findCaseRef() {
    const std::string_view display = text_.display;
    std::optional<CaseRefMatch> m;
    for (std::size_t from = 0, tries = 0; tries < kMaxCaseRefTries; ++tries) {
      m = refs_.find(display.substr(from));
      if (!m) {
        return;
      }
      m->begin += from;
      m->end += from;
      if (!afterAContractWord(display, m->begin)) {
        break;
      }
      from = m->end;
      m.reset();
    }
    if (!m) {
      return;
    }
    std::string_view ref = display.substr(m->begin, m->end - m->begin);
    r_.case_ref = std::string(ref);
    r_.reasons.push_back("case_ref: \"" + std::string(ref) + "\" (pattern \"" +
                         refs_.patternText(m->pattern) + "\")");
  }

  void decideAggression() {
    const float score = sum(CueKind::kAggressive);
    r_.aggressive = score >= kAggressiveThreshold;
    if (r_.aggressive) {
      std::string reason = reasonBuffer();
      reason.append("aggressive: "sv);
      appendQuotes(reason, [](const Scored& s) { return s.kind == CueKind::kAggressive; });
      r_.reasons.push_back(std::move(reason));
    }
  }

  void decidePerson() {
    r_.asks_for_person = any(CueKind::kPerson);
    if (r_.asks_for_person) {
      std::string reason = reasonBuffer();
      reason.append("asks_for_person: "sv);
      appendQuotes(reason, [](const Scored& s) { return s.kind == CueKind::kPerson; });
      r_.reasons.push_back(std::move(reason));
    }
  }

  // An age of 70 or more written in figures or words before "ans" ("j'ai 85 ans",
  // "quatre-vingt-cinq ans").
  bool mentionsElderlyAge() {
    // The bounds in locals: the compare calls below could otherwise change them, as far as the
    // compiler knows, and it reloads them at every token.
    const char* const norm = text_.norm.data();
    const Token* const tokens = text_.tokens.data();
    const std::size_t n = text_.tokens.size();
    for (std::size_t i = 1; i < n; ++i) {
      // Size and first byte straight from the token: most tokens stop there.
      const Token& t = tokens[i];
      if (t.norm_size != 3 || norm[t.norm_begin] != 'a' || text_.word(t) != "ans") {
        continue;
      }
      const std::string_view prev = text_.word(text_.tokens[i - 1]);
      int age = -1;
      if (!prev.empty() && prev.size() <= 3 &&
          std::all_of(prev.begin(), prev.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        age = 0;
        for (char c : prev) {
          age = age * 10 + (c - '0');
        }
      } else {
        int total = 0;
        int words = 0;
        for (std::size_t j = i; j > 0 && words < 5; --j, ++words) {
          const std::string_view w = text_.word(text_.tokens[j - 1]);
          const int v = numberWordValue(w);
          if (v < 0 || text_.tokens[j - 1].sentence != text_.tokens[i].sentence) {
            break;
          }
          if ((w == "vingt" || w == "vingts") && j >= 2 &&
              text_.word(text_.tokens[j - 2]) == "quatre") {
            total += 80;
            --j;
            continue;
          }
          total += v;
        }
        age = total > 0 ? total : -1;
      }
      if (age >= kElderlyAge && age <= 115) {
        elderly_snippet_ = text_.source(text_.tokens[i - 1].src_begin, text_.tokens[i].src_end);
        return true;
      }
    }
    return false;
  }

  // Whether the phrase of hit `s` starts with one of `words` (a whole first token).
  bool startsWithAny(const Scored& s, std::initializer_list<std::string_view> words) const {
    const std::string_view text = lexicon_.phrase(s.hit.phrase).text;
    for (const std::string_view w : words) {
      if (text.starts_with(w) && (text.size() == w.size() || text[w.size()] == ' ')) {
        return true;
      }
    }
    return false;
  }

  // Whether somebody vulnerable makes vulnerable-only cue `s` an emergency. A lift out of order
  // strands somebody elderly, ill or disabled upstairs; a pregnancy alone does not make it
  // urgent (the label rules' list; the corpora label cold or no power with a pregnancy urgent,
  // blind_15 g076's broken lift not).
  bool vulnerableFor(const Scored& s) const {
    if (!vulnerable_) {
      return false;
    }
    if (!startsWithAny(s, {"ascenseur*", "lift", "elevator"})) {
      return true;
    }
    if (!vulnerable_beyond_pregnancy_) {  // computed on the first lift cue only
      bool beyond = elderly_ || input_.context.vulnerable;
      for (const Scored& v : scored_) {
        beyond = beyond || (v.active && v.kind == CueKind::kVulnerable && v.weight > 0 &&
                            !startsWithAny(v, {"enceinte", "pregnant"}));
      }
      vulnerable_beyond_pregnancy_ = beyond;
    }
    return *vulnerable_beyond_pregnancy_;
  }

  void decideUrgency() {
    elderly_ = mentionsElderlyAge();
    vulnerable_ = elderly_ || any(CueKind::kVulnerable) || input_.context.vulnerable;
    float best = 0;
    float rest = 0;
    float calm = 0;
    for (const Scored& s : scored_) {
      if (!s.active) {
        continue;
      }
      if (s.kind == CueKind::kUrgent || (s.kind == CueKind::kVulnUrgent && vulnerableFor(s))) {
        if (s.weight < 0) {
          calm += s.weight;
        } else if (s.weight > best) {
          rest += best;
          best = s.weight;
        } else {
          rest += s.weight;
        }
      }
    }
    float urgency = best + kSecondaryUrgencyShare * rest + std::max(calm, -60.0F);
    const bool break_in_lock = any(CueKind::kBreakIn) && any(CueKind::kLockFail);
    if (break_in_lock) {
      urgency = std::max(urgency, static_cast<float>(kBreakInLockUrgency));
    }
    r_.urgency = std::clamp(static_cast<int>(std::lround(urgency)), 0, 100);
    r_.urgent = r_.urgency >= config_.urgent_threshold;
    const bool vuln = vulnerable_;
    // Most messages hold no urgency cue at all: no pass over the hits then.
    std::string cues;
    if (anyQuotable(
            {CueKind::kUrgent, CueKind::kVulnUrgent, CueKind::kBreakIn, CueKind::kLockFail})) {
      cues = quotes([this](const Scored& s) {
        return (s.kind == CueKind::kUrgent && s.weight > 0) ||
               (s.kind == CueKind::kVulnUrgent && vulnerableFor(s)) ||
               s.kind == CueKind::kBreakIn || s.kind == CueKind::kLockFail;
      });
    }
    // "urgent(N): cues", or "not urgent(N)" with ": cues" when there are any, written in one
    // reserved string once it is known to be kept.
    if (r_.urgent || !cues.empty() || any(CueKind::kVulnUrgent)) {
      std::string reason = reasonBuffer();
      reason.append(r_.urgent ? "urgent("sv : "not urgent("sv);
      appendInt(reason, r_.urgency);
      reason.push_back(')');
      if (r_.urgent || !cues.empty()) {
        reason.append(": "sv).append(cues);
      }
      if (!r_.urgent && !vuln && any(CueKind::kVulnUrgent)) {
        reason.append(" nobody vulnerable: "sv);
        appendQuotes(reason, [](const Scored& s) { return s.kind == CueKind::kVulnUrgent; });
      }
      r_.reasons.push_back(std::move(reason));
    }
    std::string calm_cues;
    if (anyQuotable({CueKind::kUrgent})) {
      calm_cues =
          quotes([](const Scored& s) { return (s.kind == CueKind::kUrgent && s.weight < 0); });
    }
    if (!calm_cues.empty()) {
      r_.reasons.push_back("calming: " + calm_cues);
    }
    std::string negated;
    for (const Scored& s : scored_) {
      if (s.negated && (s.kind == CueKind::kUrgent || s.kind == CueKind::kVulnUrgent)) {
        if (!negated.empty()) {
          negated += ", ";
        }
        negated.push_back('"');
        negated.append(snippet(s.hit));
        negated.push_back('"');
        if (negated.size() > 120) {
          break;
        }
      }
    }
    if (!negated.empty()) {
      r_.reasons.push_back("negated or past: " + negated);
    }
  }

  void decideReassurance() {
    float points = sum(CueKind::kReassurance) + sum(CueKind::kVulnerable);
    if (elderly_) {
      points += kElderlyPoints;
    }
    if (r_.asks_for_person) {
      points += kPersonPoints;
    }
    if (r_.urgent) {
      points += kUrgentDistressPoints;  // someone in danger now needs reassurance too
    }
    const int prior = std::max(0, input_.context.prior_contacts_same_case);
    context_points_ = std::min(kPriorContactCap, prior * kPriorContactPoints) +
                      (input_.context.vulnerable ? kContextVulnerablePoints : 0);
    points += static_cast<float>(context_points_);
    r_.reassurance = std::clamp(static_cast<int>(std::lround(points)), 0, 100);
    r_.reassurance_high = r_.reassurance >= config_.reassurance_high_threshold;
    if (r_.reassurance > 0) {
      std::string reason = reasonBuffer();
      reason.append("reassurance("sv);
      appendInt(reason, r_.reassurance);
      reason.append("): "sv);
      if (!appendQuotes(reason, [](const Scored& s) {
            return s.kind == CueKind::kReassurance || s.kind == CueKind::kVulnerable;
          })) {
        reason.resize(reason.size() - 2);  // no ": "
      }
      if (elderly_) {
        reason.append(", age \""sv).append(elderly_snippet_).push_back('"');
      }
      if (r_.asks_for_person) {
        reason += ", asks for a person";
      }
      if (r_.urgent) {
        reason += ", urgent situation";
      }
      if (prior > 0) {
        reason += ", context: " + std::to_string(prior) + " prior contacts";
      }
      if (input_.context.vulnerable) {
        reason += ", context: vulnerable";
      }
      r_.reasons.push_back(std::move(reason));
    }
  }

  // Marks the sentences holding a salutation or politeness formula ("je reste par ailleurs à
  // votre disposition", "je vous remercie par la même occasion"): 1, and those where an `other`
  // cue thanks or praises ("je profite de ce courrier pour remercier vos équipes pour leur
  // gentillesse"): 2.
  void markCourtesySentences() {
    std::vector<char>& courtesy = scratch_.courtesy;
    courtesy.assign(text_.sentences.size(), 0);
    for (const Scored& s : scored_) {
      if (!s.active || s.weight <= 0) {
        continue;
      }
      char& mark = courtesy[text_.tokens[s.hit.first_token].sentence];
      if (s.kind == CueKind::kBoilerplate) {
        mark = 1;
      } else if (mark == 0 && s.kind == CueKind::kOther && isThanksCue(s)) {
        mark = 2;
      }
    }
  }

  bool isThanksCue(const Scored& s) const {
    for (std::uint32_t t = s.hit.first_token; t < s.hit.end_token; ++t) {
      const std::string_view w = text_.word(text_.tokens[t]);
      if (w.starts_with("remerci") || w.starts_with("merci") || w.starts_with("felicit") ||
          w.starts_with("bravo") || w == "thank" || w == "thanks") {
        return true;
      }
    }
    return false;
  }

  char courtesyMark(const Scored& s) const {
    const std::uint32_t sentence = text_.tokens[s.hit.first_token].sentence;
    return sentence < scratch_.courtesy.size() ? scratch_.courtesy[sentence] : 0;
  }

  bool inCourtesySentence(const Scored& s) const { return courtesyMark(s) == 1; }

  // What a new request after a follow-up cannot be made of: courtesy sentences, and thanks or
  // praise (the `other` cues of a sentence that thanks). A connector in a courtesy sentence
  // ("je reste par ailleurs à votre disposition") opens nothing, and these words are no new
  // topic ("je profite de ce courrier pour remercier ...").
  bool courtesyOrThanks(const Scored& s) const {
    const char mark = courtesyMark(s);
    return mark == 1 || (mark == 2 && s.kind == CueKind::kOther);
  }

  // The object families (ObjectClass) of the topic hits within [begin, end).
  std::uint32_t objectClasses(std::uint32_t begin, std::uint32_t end) const {
    std::uint32_t classes = 0;
    for (const Scored& s : scored_) {
      if (!s.active || s.weight <= 0 || s.hit.first_token < begin || s.hit.end_token > end) {
        continue;
      }
      if (s.kind == CueKind::kRepair) {
        for (std::uint32_t t = s.hit.first_token; t < s.hit.end_token; ++t) {
          classes |= repairObjectClass(text_.word(text_.tokens[t]));
        }
      } else if (s.kind == CueKind::kRent || s.kind == CueKind::kNeighbourhood ||
                 s.kind == CueKind::kAdmin || s.kind == CueKind::kOther) {
        classes |= 1U << (kObjTopicShift + static_cast<int>(s.kind));
      }
    }
    return classes;
  }

  // Whether a clause mark (comma, full stop, colon...) stands between tokens `a` and `b`.
  // False for two tokens of one source word ("pr" -> "pour" "le").
  bool punctuationBetween(std::size_t a, std::size_t b) const {
    const std::uint32_t from = text_.tokens[a].src_end;
    const std::uint32_t to = text_.tokens[b].src_begin;
    if (to <= from) {
      return false;
    }
    const std::string_view gap = text_.source(from, to);
    return hasClausePunctuation(gap);
  }

  // Where the clause holding token `t` starts: after the last punctuation mark or dropped
  // filler, or at the last clause word ("et", "mais", "sinon"...) before it in its sentence.
  std::uint32_t clauseStart(std::uint32_t t) const {
    const std::uint32_t sentence_begin = text_.sentences[text_.tokens[t].sentence].first_token;
    for (std::uint32_t i = t;; --i) {
      if (i == sentence_begin || text_.tokens[i].after_dropped || isScopeBreak(i)) {
        return i;
      }
      const std::string_view gap =
          text_.source(text_.tokens[i - 1].src_end, text_.tokens[i].src_begin);
      if (hasClausePunctuation(gap)) {
        return i;
      }
    }
  }

  // A weak boundary (a "new" cue under weight 1: "ah et", "sinon", "depuis hier", "now") after
  // a follow-up starts a new request only when its clause names a topic of its own, asks
  // nothing about the old one, and is about other things than the follow-up before it:
  // "j'attends le plombier pour la douche. et là ce matin le compteur fait des étincelles" is
  // two requests; "toujours personne pour la chaudière. Depuis hier plus de chauffage" is one.
  // Returns the clause's first token and fills `new_topic`, or UINT32_MAX.
  std::uint32_t weakNewProblem(std::uint32_t first_status, std::array<float, 5>& new_topic) const {
    for (const Scored& b : scored_) {
      if (!b.active || b.kind != CueKind::kNewProblem || b.weight <= 0 || b.weight >= 1 ||
          inCourtesySentence(b)) {
        continue;
      }
      const std::uint32_t from = clauseStart(b.hit.first_token);
      if (from <= first_status) {
        continue;
      }
      const std::uint32_t to = text_.sentences[text_.tokens[from].sentence].end_token;
      std::array<float, 5> topic{};
      float status_after = 0;
      for (const Scored& s : scored_) {
        if (!s.active || s.hit.first_token < from || s.hit.end_token > to) {
          continue;
        }
        if (s.kind == CueKind::kStatus) {
          status_after += s.weight;
        }
        if (courtesyOrThanks(s)) {
          continue;
        }
        if (const std::size_t k = topicIndex(s.kind); k < kTopicKinds.size()) {
          topic[k] += s.weight;
        }
      }
      if (status_after >= kStatusWeakThreshold ||
          *std::max_element(topic.begin(), topic.end()) < kNewTopicThreshold) {
        continue;
      }
      const std::uint32_t before = objectClasses(0, from);
      const std::uint32_t after = objectClasses(from, to);
      if (before != 0 && after != 0 && (before & after) == 0) {
        new_topic = topic;
        return from;
      }
    }
    return UINT32_MAX;
  }

  void decideIntent() {
    markCourtesySentences();
    std::array<float, 5> topic{};
    std::array<float, 5> new_topic{};
    float status_after_new = 0;  // "par contre j'attends toujours..." is another follow-up
    std::uint32_t new_from = UINT32_MAX;
    std::uint32_t first_status = UINT32_MAX;
    for (const Scored& s : scored_) {
      // Weight 1 connectors ("par contre") start a new request wherever they are; weaker ones
      // only after a follow-up and about something else (weakNewProblem).
      if (s.active && s.kind == CueKind::kNewProblem && s.weight >= 1 && !inCourtesySentence(s)) {
        new_from = std::min(new_from, s.hit.end_token);
      }
      if (s.active && s.kind == CueKind::kStatus && s.weight > 0) {
        first_status = std::min(first_status, s.hit.first_token);
      }
    }
    for (const Scored& s : scored_) {
      if (!s.active) {
        continue;
      }
      if (s.kind == CueKind::kStatus && s.hit.first_token >= new_from) {
        status_after_new += s.weight;
      }
      if (const std::size_t t = topicIndex(s.kind); t < kTopicKinds.size()) {
        topic[t] += s.weight;
        if (s.hit.first_token >= new_from && !courtesyOrThanks(s)) {
          new_topic[t] += s.weight;
        }
      }
    }
    float status = sum(CueKind::kStatus);
    if (r_.case_ref) {
      status += kCaseRefStatusBonus;
    }
    status_score_ = status;
    const auto best_topic =
        static_cast<std::size_t>(std::max_element(topic.begin(), topic.end()) - topic.begin());
    const auto best_new = static_cast<std::size_t>(
        std::max_element(new_topic.begin(), new_topic.end()) - new_topic.begin());

    std::size_t chosen_topic = kTopicKinds.size();  // none: status or fallback
    // Why a follow-up reads as a new problem, for the reason (written only when it is kept).
    std::string why;
    if (status >= kStatusThreshold) {
      if (new_from != UINT32_MAX && new_topic[best_new] >= kNewTopicThreshold &&
          status_after_new < kStatusThreshold) {
        chosen_topic = best_new;
        new_problem_ = true;
        new_problem_from_ = new_from;
        if (!model_rereads_) {
          why = "status question plus a new problem (" + quotes([](const Scored& s) {
                  return s.kind == CueKind::kNewProblem && s.weight >= 1;
                }) +
                ")";
        }
      } else if (first_status != UINT32_MAX && !any(CueKind::kFormal)) {
        // A formal step or claim lists the damage of the file it follows up ("entre-temps j'ai
        // perdu un canapé, je veux être dédommagé"): no new request, as in
        // takeTheNewRequestsIntent, which any formal cue stops the same way.
        std::array<float, 5> clause_topic{};
        const std::uint32_t from = weakNewProblem(first_status, clause_topic);
        if (from != UINT32_MAX) {
          chosen_topic = static_cast<std::size_t>(
              std::max_element(clause_topic.begin(), clause_topic.end()) - clause_topic.begin());
          new_problem_ = true;
          new_problem_from_ = from;
          if (!model_rereads_) {
            why = "status question plus a new problem about something else (\"" +
                  clauseSnippet(from) + "\")";
          }
        }
      }
    } else if (topic[best_topic] >= kTopicThreshold) {
      chosen_topic = best_topic;
    } else if (status < kStatusWeakThreshold) {
      chosen_topic = kTopicKinds.size() - 1;  // other
    }
    r_.intent =
        chosen_topic == kTopicKinds.size() ? Intent::kStatusRequest : kTopicIntents[chosen_topic];
    if (model_rereads_) {
      return;  // applyModel writes the intent's reason
    }
    if (chosen_topic == kTopicKinds.size()) {
      std::string cues =
          quotes([](const Scored& s) { return s.kind == CueKind::kStatus && s.weight > 0; });
      if (r_.case_ref) {
        cues += cues.empty() ? "case reference" : ", case reference";
      }
      r_.reasons.push_back("intent=status_request: " + cues);
      return;
    }
    const CueKind kind = kTopicKinds[chosen_topic];
    std::string cues = quotes([kind](const Scored& s) { return s.kind == kind && s.weight > 0; });
    if (cues.empty()) {
      cues = "no clear cue";
    }
    r_.reasons.push_back("intent=" + std::string(intentName(r_.intent)) + ": " + cues +
                         (why.empty() ? "" : "; " + why));
  }

  // Whether word `w` (of a clause starting at token `from`) names something already named
  // before `from`: the same word stem, or a symptom in an object family named before.
  bool namedBefore(std::string_view w, std::uint32_t from, std::uint32_t classes_before) const {
    if (isSymptomWord(w) && (repairObjectClass(w) & classes_before) != 0) {
      return true;
    }
    const std::string_view stem = w.substr(0, kSameWordPrefix);
    if (stem.empty()) {
      return from > 0 && std::any_of(text_.tokens.begin(), text_.tokens.begin() + from,
                                     [](const Token& t) { return t.norm_size >= kSameWordPrefix; });
    }
    // Called for a few words of a clause, each time over every token before it: the first byte
    // settles almost every token without building a string_view or calling memcmp.
    const char* const norm = text_.norm.data();
    for (std::uint32_t t = 0; t < from; ++t) {
      const Token& tok = text_.tokens[t];
      if (tok.norm_size >= kSameWordPrefix && norm[tok.norm_begin] == stem[0] &&
          text_.word(tok).starts_with(stem)) {
        return true;
      }
    }
    return false;
  }

  // A clause after the follow-up, opened by any new-problem cue (a connector, an aside or a
  // fresh onset: "sinon", "et puis", "en même temps", "depuis ce matin", "another thing"), that
  // asks nothing more about the old request and names an object the message had not named
  // before ("j'attends le plombier euh et puis depuis ce matin le ballon marche plus"): the
  // message is more than a follow-up even when the intent rule (decideIntent) kept the
  // follow-up, for instance because both objects share a family. The same object or the same
  // symptom again ("la chaudière ... plus de chauffage", "la fuite ... ça coule") is not another
  // topic. Returns the clause's first token, or UINT32_MAX. The cues no longer change once
  // read, so both of its callers (the status_only vetoes, the new request's intent) share one
  // answer.
  std::uint32_t otherTopicAfterFollowUp() const {
    if (!other_topic_from_) {
      other_topic_from_ = findOtherTopicAfterFollowUp();
    }
    return *other_topic_from_;
  }

  std::uint32_t findOtherTopicAfterFollowUp() const {
    std::uint32_t first_status = UINT32_MAX;
    for (const Scored& s : scored_) {
      if (s.active && s.kind == CueKind::kStatus && s.weight > 0) {
        first_status = std::min(first_status, s.hit.first_token);
      }
    }
    if (first_status == UINT32_MAX) {
      return UINT32_MAX;
    }
    for (const Scored& b : scored_) {
      if (!b.active || b.kind != CueKind::kNewProblem || b.weight <= 0 ||
          b.hit.first_token <= first_status || inCourtesySentence(b)) {
        continue;
      }
      std::uint32_t from = clauseStart(b.hit.first_token);
      if (from <= first_status) {
        // A fresh onset inside the follow-up's own clause dates it ("le technicien devait venir
        // ce matin pour le chauffe-eau"); only a connector opens another request there.
        if (b.weight < 1) {
          continue;
        }
        from = b.hit.first_token;
      }
      const std::uint32_t to = text_.sentences[text_.tokens[from].sentence].end_token;
      const std::uint32_t classes_before = objectClasses(0, from);
      float status_after = 0;
      float topic = 0;
      bool new_object = false;
      for (const Scored& s : scored_) {
        if (!s.active || s.weight <= 0 || s.hit.first_token < from || s.hit.end_token > to) {
          continue;
        }
        if (s.kind == CueKind::kStatus) {
          if (!whenClause(s)) {
            status_after += s.weight;
          }
          continue;
        }
        if (std::find(kTopicKinds.begin(), kTopicKinds.end(), s.kind) == kTopicKinds.end() ||
            courtesyOrThanks(s)) {
          continue;
        }
        topic += s.weight;
        for (std::uint32_t t = s.hit.first_token; t < s.hit.end_token && !new_object; ++t) {
          const std::string_view w = text_.word(text_.tokens[t]);
          // An object: equipment with a family, or a long word of another topic's cue.
          const bool object =
              s.kind == CueKind::kRepair ? repairObjectClass(w) != 0 : w.size() >= kSameWordPrefix;
          new_object = object && !namedBefore(w, from, classes_before);
        }
      }
      if (status_after < kStatusWeakThreshold && topic >= kTopicThreshold && new_object) {
        return from;
      }
    }
    return UINT32_MAX;
  }

  // Whether status hit `s` is a bare "quand" opening a clause of time ("des claquements quand il
  // chauffe"): a subject follows, no "savoir"/"dire" asks it, and no "?" ends its sentence.
  bool whenClause(const Scored& s) const {
    const std::uint32_t t = s.hit.first_token;
    if (s.hit.end_token != t + 1 || word(t) != "quand" || t + 1 >= text_.tokens.size() ||
        text_.tokens[t + 1].sentence != text_.tokens[t].sentence ||
        !kNowSubjects.contains(word(t + 1))) {
      return false;
    }
    if (t > 0 && (word(t - 1) == "savoir" || word(t - 1) == "dire")) {
      return false;
    }
    const Sentence& sentence = text_.sentences[text_.tokens[t].sentence];
    return text_.source(text_.tokens[t].src_end, sentence.src_end).find('?') ==
           std::string_view::npos;
  }

  // A question other than "where is it, when": why ("pourquoi", "pk", "why"; not "c'est
  // pourquoi"), whether one may ("si je peux", "est-ce qu'on peut", "puis-je", "can I"), how to
  // ("comment je fais", "how do I", "how come"). Such a question needs an answer about the
  // substance, not the file's state. Returns the question word's token, or UINT32_MAX.
  std::uint32_t otherQuestion() const {
    const auto word = [this](std::size_t i) {
      return i < text_.tokens.size() ? text_.word(text_.tokens[i]) : std::string_view();
    };
    const auto subject = [](std::string_view w) { return w == "je" || w == "on"; };
    const auto may = [](std::string_view w) {
      return w == "peux" || w == "peut" || w == "pourrais" || w == "pourrait";
    };
    // The bounds in locals, as in mentionsElderlyAge.
    const char* const norm = text_.norm.data();
    const Token* const tokens = text_.tokens.data();
    const std::size_t n = text_.tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
      // Every test below needs the word to be one of a few short words: most tokens of a long
      // letter are rejected here, on their size and first byte, before any string comparison.
      const Token& t = tokens[i];
      if (!kQuestionOpenerShapes.mayHold(static_cast<unsigned char>(norm[t.norm_begin]),
                                         t.norm_size)) {
        continue;
      }
      const std::string_view w = text_.word(t);
      if (!mayOpenQuestion(w)) {
        continue;
      }
      const std::string_view prev = i > 0 ? word(i - 1) : std::string_view();
      const std::string_view next = word(i + 1);
      // A why-word before a number is a reference's prefix ("PK-2026-0219", SMS "pk" expanded).
      const bool why = (w == "pourquoi" || w == "pk" || w == "pq" || w == "pkoi" || w == "why") &&
                       (next.empty() || next[0] < '0' || next[0] > '9');
      const bool whether = (w == "si" || ((w == "que" || w == "qu") && prev == "ce")) &&
                           subject(next) && may(word(i + 2)) &&
                           (i + 3 >= text_.tokens.size() || !isNegator(i + 3));
      // "puis-je", "peut-on"; not "et puis je".
      const bool inverted = ((w == "puis" && prev != "et") || w == "peut") && subject(next);
      // "comment je fais", "comment faire", "comment ça se fait", "comment se fait-il".
      const bool how =
          (w == "comment" && (subject(next) || next == "faire" || next == "ca" || next == "se")) ||
          (w == "how" && (next == "do" || next == "can" || next == "come" || next == "should"));
      const bool may_i = (w == "can" || w == "may" || w == "should") && next == "i";
      if ((why && prev != "est" && prev != "voila" && prev != "that" && prev != "is") || whether ||
          inverted || how || may_i) {
        return static_cast<std::uint32_t>(i);
      }
    }
    return UINT32_MAX;
  }

  // Asks the landlord to act: "merci d'intervenir", "je vous demande de bien vouloir intervenir
  // auprès de ces locataires", "pouvez-vous faire intervenir un plombier". Such a message wants
  // an intervention, not the state of a file; a reported one ("le technicien devait intervenir",
  // "pour intervenir") asks nothing. Returns the verb's token, or UINT32_MAX.
  // The words that end at token `verb` ask the landlord for what follows: "de bien vouloir",
  // "pouvez-vous", "pourriez-vous", "merci d'", "je vous demande de", "je vous prie d'", "je
  // vous serais reconnaissant d'"; not "afin d'", "en mesure d'".
  bool asksWith(std::size_t verb) const {
    const std::string_view w = text_.word(text_.tokens[verb]);
    const std::string_view before =
        verb > 0 ? text_.word(text_.tokens[verb - 1]) : std::string_view();
    const bool asking_word = before == "merci" || before == "demande" || before == "prie" ||
                             before == "reconnaissant" || before == "reconnaissante" ||
                             before == "gre";
    return w == "vouloir" || ((w == "d" || w == "de") && asking_word) ||
           (w == "vous" && (before == "pouvez" || before == "pourriez"));
  }

  // Within four words after token `i`, what is asked for is news of the file (a date, an
  // answer, where it stands), or with `or_a_meeting` also a meeting or information.
  bool newsAfter(std::size_t i, bool or_a_meeting) const {
    for (std::size_t k = i + 1; k < std::min(text_.tokens.size(), i + 5); ++k) {
      const std::string_view o = text_.word(text_.tokens[k]);
      if (o == "date" || o == "dates" || o == "nouvelles" || o == "point" || o == "reponse" ||
          o == "etat" || o == "suite" ||
          (or_a_meeting && (o == "rendez" || o == "information" || o == "informations" ||
                            o == "precisions"))) {
        return true;
      }
    }
    return false;
  }

  std::uint32_t asksForAnIntervention() const {
    const std::size_t n = text_.tokens.size();  // in a local, as in mentionsElderlyAge
    for (std::size_t i = 1; i < n; ++i) {
      const Token& t = text_.tokens[i];
      if (t.norm_size != 10 || text_.norm[t.norm_begin] != 'i' || word(i) != "intervenir") {
        continue;
      }
      std::size_t verb = i - 1;  // "faire intervenir": what asks is before "faire"
      if (word(verb) == "faire" && verb > 0) {
        --verb;
      }
      if (asksWith(verb)) {
        return static_cast<std::uint32_t>(i);
      }
    }
    return UINT32_MAX;
  }

  // Whether one of the five tokens before `i` reports the action as promised or planned ("le
  // technicien devait me rappeler pour me proposer", "il était prévu de me proposer").
  bool reportedBefore(std::size_t i) const {
    for (std::size_t k = i >= 5 ? i - 5 : 0; k < i; ++k) {
      const std::string_view o = word(k);
      if (o == "devait" || o == "deviez" || o == "devaient" || o == "doit" || o == "aviez" ||
          o == "avait" || o == "allait" || o == "alliez" || o == "dit" || o == "promis" ||
          o == "annonce" || o == "prevu") {
        return true;
      }
    }
    return false;
  }

  // Asks the landlord for an action of its own inside a follow-up: a visit ("quelqu'un peut
  // passer constater ?", "pourriez-vous venir voir"), somebody sent ("il faut qu'on m'envoie
  // quelqu'un d'autre", "envoyez-moi un plombier"), a new slot ("me proposer un autre créneau")
  // or a first one ("me proposer une date pour l'état des lieux", "je souhaiterais fixer la
  // date"), an explanation by phone ("que quelqu'un me l'explique au téléphone"). A question about
  // when the promised visit happens ("quand passera le technicien ?", "le technicien peut venir
  // quand ?"), a new date asked ("pouvez-vous me donner une nouvelle date ?", labelled
  // status_only in the corpora) and a sending reported ("elle devait m'envoyer quelqu'un") stay
  // follow-ups. Returns the token where the action is asked, or UINT32_MAX.
  std::uint32_t asksForAnAction() const {
    const std::size_t n = text_.tokens.size();
    const char* norm = text_.norm.data();
    // Each anchor below by its length, first and last letters: most tokens of a long letter
    // are rejected on that key, before any string comparison.
    constexpr auto key = [](std::uint32_t size, char first, char last) {
      return (size << 16) | (static_cast<std::uint32_t>(static_cast<unsigned char>(first)) << 8) |
             static_cast<unsigned char>(last);
    };
    for (std::size_t i = 2; i < n; ++i) {
      const Token& t = text_.tokens[i];
      if (t.norm_size - 5 > 4) {
        continue;
      }
      switch (key(t.norm_size, norm[t.norm_begin], norm[t.norm_begin + t.norm_size - 1])) {
        case key(6, 'p', 'r'):  // passer
        case key(5, 'v', 'r'):  // venir
        case key(8, 'r', 'r'):  // repasser, renvoyer
        case key(6, 'e', 'e'):  // envoie
        case key(7, 'e', 'r'):  // envoyer
        case key(7, 'e', 'z'):  // envoyez
        case key(7, 'r', 'e'):  // renvoie
        case key(8, 'r', 'z'):  // renvoyez
        case key(5, 'a', 'e'):  // autre
        case key(7, 'n', 'u'):  // nouveau
        case key(9, 't', 'e'):  // telephone
        case key(8, 'p', 'r'):  // proposer
        case key(5, 'f', 'r'):  // fixer
        case key(8, 'c', 'r'):  // convenir
          break;
        default:
          continue;
      }
      const std::string_view w = word(i);
      const std::string_view prev = word(i - 1);
      const std::string_view before = word(i - 2);
      const std::string_view next = i + 1 < n ? word(i + 1) : std::string_view();
      if (w == "passer" || w == "venir" || w == "repasser") {
        const bool look = next == "constater" || next == "voir" || next == "verifier" ||
                          next == "regarder" || next == "controler";
        const bool asked = prev == "peut" || prev == "pourrait" || prev == "pouvez" ||
                           prev == "pourriez" || prev == "pourraient" || prev == "vouloir" ||
                           (prev == "vous" && (before == "pouvez" || before == "pourriez")) ||
                           ((prev == "de" || prev == "d") && before == "merci");
        bool when = next == "quand" || next == "when";
        for (std::size_t k = i >= 6 ? i - 6 : 0; k < i && !when; ++k) {
          when = word(k) == "quand" || word(k) == "when";
        }
        if ((look || asked) && !when) {
          return static_cast<std::uint32_t>(i);
        }
      } else if (w == "envoie" || w == "envoyer" || w == "envoyez" || w == "renvoie" ||
                 w == "renvoyer" || w == "renvoyez") {
        bool somebody = false;
        for (std::size_t k = i + 1; k < std::min(n, i + 4) && !somebody; ++k) {
          const std::string_view o = word(k);
          somebody = o == "quelqu" || o == "technicien" || o == "plombier" ||
                     o == "electricien" || o == "serrurier" || o == "artisan" || o == "agent";
        }
        // "vous deviez m'envoyer quelqu'un", "on m'a dit qu'on envoie"
        if (somebody && !reportedBefore(i)) {
          return static_cast<std::uint32_t>(i);
        }
      } else if (w == "autre" || w == "nouveau") {
        const bool slot = next == "creneau" || next == "passage" || next == "rendez" ||
                          next == "rdv";
        const auto offer = [](std::string_view o) {
          return o == "proposer" || o == "proposez" || o == "programmer" || o == "fixer" ||
                 o == "caler" || o == "trouver" || o == "reprogrammer" || o == "planifier";
        };
        if (slot && (offer(prev) || offer(before))) {
          return static_cast<std::uint32_t>(i);
        }
      } else if (w == "proposer") {
        // "pourriez-vous me proposer une date pour l'état des lieux"; not "on devait me proposer
        // un rendez-vous", a promise reported.
        const bool slot = (next == "une" || next == "un" || next == "des") && i + 2 < n &&
                          kSlotNouns.contains(word(i + 2));
        if (slot && !reportedBefore(i)) {
          return static_cast<std::uint32_t>(i);
        }
      } else if (w == "fixer" || w == "convenir") {
        // "je souhaiterais fixer la date de l'état des lieux": a meeting wished, not awaited;
        // not "fixer une étagère".
        if (kWishWords.contains(prev) && firstIn(i + 1, i + 4, kSlotNouns) != SIZE_MAX) {
          return static_cast<std::uint32_t>(i);
        }
      } else if (w == "telephone" && (prev == "au" || prev == "par")) {
        for (std::size_t k = i >= 5 ? i - 5 : 0; k + 1 < i; ++k) {
          if (word(k).starts_with("expliqu")) {
            return static_cast<std::uint32_t>(k);
          }
        }
      }
    }
    return UINT32_MAX;
  }

  // Token i's folded word.
  std::string_view word(std::size_t i) const { return text_.word(text_.tokens[i]); }

  // The first token in [from, to) (clipped to the text) whose word `set` holds, or SIZE_MAX:
  // the window a scan looks in around its anchor ("mon préavis" three words after "donne").
  template <std::size_t N>
  std::size_t firstIn(std::size_t from, std::size_t to, const internal::WordSet<N>& set) const {
    for (std::size_t j = from; j < std::min(to, text_.tokens.size()); ++j) {
      if (set.contains(word(j))) {
        return j;
      }
    }
    return SIZE_MAX;
  }
  // The three tokens before token i.
  static std::size_t threeBefore(std::size_t i) { return i >= 3 ? i - 3 : 0; }

  // The tokens whose shape some scan's anchor has (kScanShapes), listed on first use: eight
  // scans then look at a few tokens each instead of every token of a letter.
  const std::vector<std::uint32_t>& scanCandidates() const {
    if (!scan_candidates_ready_) {
      std::vector<std::uint32_t>& out = scratch_.scan_candidates;
      out.clear();
      for (std::size_t i = 0; i < text_.tokens.size(); ++i) {
        const Token& t = text_.tokens[i];
        if (t.norm_size != 0 &&
            kScanShapes.mayHold(static_cast<unsigned char>(text_.norm[t.norm_begin]),
                                t.norm_size)) {
          out.push_back(static_cast<std::uint32_t>(i));
        }
      }
      scan_candidates_ready_ = true;
    }
    return scratch_.scan_candidates;
  }

  // The first token whose word is in `anchors` and that `at(i, word)` answers for (a token to
  // report, or UINT32_MAX to look further); UINT32_MAX when none does.
  template <const auto& anchors, typename At>
  std::uint32_t firstAnchored(At at) const {
    static_assert(kScanShapes.covers(anchors.shapes()), "add these anchors to kScanShapes");
    for (const std::uint32_t i : scanCandidates()) {
      const std::string_view w = word(i);
      if (!anchors.contains(w)) {
        continue;
      }
      if (const std::uint32_t found = at(i, w); found != UINT32_MAX) {
        return found;
      }
    }
    return UINT32_MAX;
  }

  // A scan's token (or UINT32_MAX), found on first use: blockers and intent rules ask again.
  std::uint32_t once(std::optional<std::uint32_t>& slot,
                     std::uint32_t (Analysis::*find)() const) const {
    if (!slot) {
      slot = (this->*find)();
    }
    return *slot;
  }

  // Asks the landlord for a document or a re-examination: "je vous serais reconnaissant de bien
  // vouloir m'adresser une attestation", "merci de me faire parvenir un duplicata", "je vous
  // saurais gré de bien vouloir réexaminer le calcul". Such a message makes a new request even
  // when its narrative reads like a file's story ("le dossier", "délais"); asking to be sent a
  // date or news ("merci de m'envoyer la date du passage") is still a follow-up, and so is a
  // document already asked for, named by a pronoun ("merci de me l'adresser"). Returns the
  // verb's token, or UINT32_MAX.
  std::uint32_t asksForADocumentOrAReview() const {
    return once(asked_document_, &Analysis::findDocumentOrReviewAsked);
  }

  std::uint32_t findDocumentOrReviewAsked() const {
    const std::size_t n = text_.tokens.size();
    const char* norm = text_.norm.data();
    for (std::size_t i = 2; i < n; ++i) {
      // Every verb below is an infinitive of 7 to 12 letters ending in "r", or "transmettre"
      // (11 letters, "e"): most tokens of a long letter are rejected here, before any string
      // comparison.
      const Token& t = text_.tokens[i];
      const char last = norm[t.norm_begin + t.norm_size - 1];
      if (t.norm_size - 7 > 5 || (last != 'r' && (last != 'e' || t.norm_size != 11))) {
        continue;
      }
      const std::string_view v = word(i);
      const bool review = isReviewVerb(v);
      const bool send = kSendVerbs.contains(v);
      // "c'est ce document que je souhaiterais obtenir": wished, with the document before it.
      const bool obtain = v == "obtenir";
      if (!review && !send && !obtain) {
        continue;
      }
      if (obtain) {
        if (kWishWords.contains(word(i - 1))) {
          // "je souhaiterais obtenir une date / des nouvelles / une réponse / un rendez-vous"
          if (!newsAfter(i, /*or_a_meeting=*/true)) {
            return static_cast<std::uint32_t>(i);
          }
        }
        continue;
      }
      std::size_t verb = i - 1;
      if (word(verb) == "faire" && verb > 0) {
        --verb;
      } else if (v == "parvenir") {
        continue;  // "afin de parvenir à": only "faire parvenir" sends something
      }
      const std::string_view pronoun = word(verb);
      if ((pronoun == "m" || pronoun == "me" || pronoun == "nous") && verb > 0) {
        --verb;
      } else if (send) {
        continue;  // "d'envoyer un technicien", "me l'adresser": not a document asked for here
      }
      if (!asksWith(verb)) {
        continue;
      }
      // "m'envoyer la date", "me transmettre des nouvelles"
      if (!send || !newsAfter(i, /*or_a_meeting=*/false)) {
        return static_cast<std::uint32_t>(i);
      }
    }
    return UINT32_MAX;
  }

  std::uint32_t announcesAHouseholdChange() const {
    return once(household_change_, &Analysis::findHouseholdChange);
  }

  // Somebody coming to live in the home ("elle viendrait vivre chez moi", "va venir s'installer
  // chez nous", "je souhaiterais l'héberger", "ajouter mon épouse au bail", "qui vit désormais
  // avec nous") is a new situation to declare, whatever the
  // letter's "savoir si" and "tenir informés" make the model read. The noun ("attestation
  // d'hébergement", "ma demande d'hébergement") and the participle ("j'ai été hébergé à
  // l'hôtel") are left out: they name a file or a past stay as often.
  std::uint32_t findHouseholdChange() const {
    const std::size_t n = text_.tokens.size();
    return firstAnchored<kHouseholdAnchors>([&](std::size_t i, std::string_view w) {
      const auto here = static_cast<std::uint32_t>(i);
      if (w.starts_with("heberg")) {
        return here;
      }
      // "je souhaite ajouter mon épouse au bail"; not "j'ai demandé à l'ajouter" nor the noun,
      // which names a file as often ("ma demande d'ajout au bail").
      if (w == "ajouter" || w == "rajouter") {
        for (std::size_t j = threeBefore(i); j < i; ++j) {
          if (word(j).starts_with("demand")) {
            return UINT32_MAX;  // "j'ai demandé à l'ajouter"
          }
        }
        for (std::size_t j = i + 1; j + 1 < std::min(n, i + 7); ++j) {
          if (word(j) == "au" && word(j + 1) == "bail") {
            return here;
          }
        }
        return UINT32_MAX;
      }
      // "qui réside désormais avec nous"
      if (w == "desormais") {
        return i + 2 < n && word(i + 1) == "avec" &&
                       (word(i + 2) == "nous" || word(i + 2) == "moi")
                   ? here
                   : UINT32_MAX;
      }
      const bool coming = firstIn(threeBefore(i), i, kComingWords) != SIZE_MAX;
      for (std::size_t j = i + 1; coming && j + 1 < std::min(n, i + 4); ++j) {
        const std::string_view where = word(j);
        const std::string_view who = word(j + 1);
        // "viendrait vivre chez nous", "viendrait habiter l'appartement"
        if (((where == "chez" || where == "avec") && (who == "moi" || who == "nous")) ||
            kHomeNouns.contains(who)) {
          return here;
        }
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t givesNoticeOrNewDetails() const {
    return once(notice_or_details_, &Analysis::findNoticeOrNewDetails);
  }

  // A notice given now ("je vous donne mon préavis", "je souhaite résilier mon bail", "je quitte
  // mon logement") or contact details changed now ("mon numéro a changé", "voici ma nouvelle
  // adresse mail") is a new step somebody has to record, however much the message asks to
  // "confirmer" it, which the model reads as a follow-up. The same done in the past ("j'ai donné
  // mon préavis", "je vous ai envoyé ma nouvelle adresse") follows a file up and is left alone,
  // and so are bank details, which come with most refunds followed up.
  std::uint32_t findNoticeOrNewDetails() const {
    const std::size_t n = text_.tokens.size();
    // Whether a past mark stands in the `reach` tokens before `i` with no punctuation between:
    // "je vous ai communiqué mon numéro et ma nouvelle adresse" runs over "et".
    const auto pastBefore = [&](std::size_t i, std::size_t reach) {
      const std::size_t first = text_.sentences[text_.tokens[i].sentence].first_token;
      for (std::size_t j = i; j > first && i - j < reach && !punctuationBetween(j - 1, j); --j) {
        const std::string_view w = word(j - 1);
        if (kPastMarks.contains(w) && (w != "a" || (j >= 2 && kHasSubjects.contains(word(j - 2))))) {
          return true;
        }
      }
      return false;
    };
    // "je vous ai transmis mon RIB ainsi que ma nouvelle adresse"
    constexpr std::size_t kClauseReach = 12;
    return firstAnchored<kNoticeAnchors>([&](std::size_t i, std::string_view w) {
      const auto here = static_cast<std::uint32_t>(i);
      if (w == "conge" || w == "preavis") {
        // "je vous donne mon préavis", "donner congé"
        for (std::size_t j = firstIn(threeBefore(i), i, kGivingWords); j != SIZE_MAX;
             j = firstIn(j + 1, i, kGivingWords)) {
          if (!pastBefore(j, 3)) {
            return static_cast<std::uint32_t>(j);
          }
        }
        return UINT32_MAX;
      }
      if (w == "resilier" || w == "resilie") {
        return pastBefore(i, 3) ? UINT32_MAX : here;
      }
      if (w.starts_with("quitt")) {
        return !pastBefore(i, 3) && firstIn(i + 1, i + 3, kHomeNouns) != SIZE_MAX ? here
                                                                                 : UINT32_MAX;
      }
      if (w == "numero" && firstIn(i + 1, i + 3, kFileNouns) != SIZE_MAX) {
        return UINT32_MAX;
      }
      // "un nouveau mail" is a message; the detail is "ma nouvelle adresse mail".
      if ((w == "mail" || w == "email") && firstIn(threeBefore(i), i, kAddressWord) == SIZE_MAX) {
        return UINT32_MAX;
      }
      // "changer mon numéro", "changement d'adresse", "ma nouvelle adresse mail"
      for (std::size_t j = firstIn(threeBefore(i), i, kChangeWords); j != SIZE_MAX;
           j = firstIn(j + 1, i, kChangeWords)) {
        if (j > 0 && word(j - 1) == "de") {
          continue;  // "de nouveau": again
        }
        if (!pastBefore(j, kClauseReach)) {
          return static_cast<std::uint32_t>(j);
        }
      }
      // "mon adresse électronique a changé", "mes coordonnées ont changé"
      for (std::size_t j = i + 1; j + 1 < std::min(n, i + 4); ++j) {
        const std::string_view aux = word(j);
        if ((aux == "a" || aux == "ont") && word(j + 1) == "change") {
          return here;
        }
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t asksToMoveAnAppointment() const {
    return once(move_asked_, &Analysis::findMoveAsked);
  }

  // Moving a planned visit or an appointment ("serait-il possible de le décaler au lendemain ?",
  // "je voudrais changer la date de l'état des lieux") is a new request to the planning, not a
  // question about where things stand. "faire avancer mon dossier" presses a follow-up and is
  // left alone, as is a move reported ("ils l'ont décalé").
  std::uint32_t findMoveAsked() const {
    return firstAnchored<kMoveVerbs>([&](std::size_t i, std::string_view w) {
      if (i == 0 || word(i - 1) == "faire") {
        return UINT32_MAX;
      }
      // What is moved: a slot named after the verb, or a pronoun before it ("le décaler");
      // "avancer sur mon dossier" moves nothing.
      const std::string_view object = word(i - 1);
      const bool pronoun = object == "le" || object == "la" || object == "l" || object == "les";
      if (firstIn(i + 1, i + 4, kSlotNouns) == SIZE_MAX && (!pronoun || w == "changer" ||
                                                            w == "modifier")) {
        return UINT32_MAX;
      }
      for (std::size_t j = i; j > 0 && i - j < 5 && !punctuationBetween(j - 1, j); --j) {
        if (kMoveAsks.contains(word(j - 1))) {
          return static_cast<std::uint32_t>(i);
        }
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t asksWhatWillBeDone() const {
    return once(what_done_, &Analysis::findWhatWillBeDoneAsked);
  }

  // "Que pouvez-vous faire ?", "qu'est-ce que vous comptez faire", "vous allez faire quoi ?" ask
  // the landlord to act, whatever the model makes of the story told before.
  std::uint32_t findWhatWillBeDoneAsked() const {
    const std::size_t n = text_.tokens.size();
    return firstAnchored<kDoWords>([&](std::size_t i, std::string_view) {
      if (i < 2) {
        return UINT32_MAX;
      }
      const auto here = static_cast<std::uint32_t>(i);
      const std::string_view a = word(i - 1);
      const std::string_view b = word(i - 2);
      const std::string_view c = i >= 3 ? word(i - 3) : std::string_view();
      const bool what = c == "que" || c == "qu";
      // "qu'est-ce que vous allez faire", not "j'espère que vous allez faire le nécessaire".
      const bool est_ce = what && i >= 5 && word(i - 4) == "ce" && word(i - 5) == "est";
      if ((a == "vous" && kIntendWords.contains(b) && what) ||
          (kIntendWords.contains(a) && b == "vous" &&
           (est_ce || (i + 1 < n && word(i + 1) == "quoi")))) {
        return here;
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t asksForAJob() const { return once(job_asked_, &Analysis::findJobAsked); }

  // Somebody asking for a job ("vous embauchez des gardiens ?", "je cherche du travail") has no
  // file with the landlord, however the question opens ("je voulais savoir si").
  std::uint32_t findJobAsked() const {
    return firstAnchored<kJobWords>([&](std::size_t i, std::string_view w) {
      const auto here = static_cast<std::uint32_t>(i);
      if (w != "emploi" && w != "travail" && w != "boulot") {
        return here;
      }
      // "je cherche du travail", "à la recherche d'un emploi"; not "mon travail".
      for (std::size_t j = (i >= 3 ? i - 3 : 0); j < i; ++j) {
        if (word(j) == "cherche" || word(j) == "recherche") {
          return here;
        }
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t asksWhatIsRequired() const {
    return once(requirements_asked_, &Analysis::findRequirementsAsked);
  }

  // What a procedure requires ("quels documents dois-je fournir ?", "quelles sont les conditions
  // à remplir", "quels papiers ?", "quoi comme papier") is a general question, whatever file the
  // letter tells of; "quelles démarches ont déjà été entreprises" asks what was done on one.
  std::uint32_t findRequirementsAsked() const {
    return firstAnchored<kRequirementWords>([&](std::size_t i, std::string_view) {
      // "j'envoie quoi comme papier ?" asks the same.
      const std::size_t q = firstIn(threeBefore(i), i, kWhichWords);
      // Not "dans quelles pièces il y a de l'humidité": rooms, not papers.
      const bool which = (q != SIZE_MAX && (q == 0 || word(q - 1) != "dans")) ||
                         (i >= 2 && word(i - 1) == "comme" && word(i - 2) == "quoi");
      if (!which || firstIn(i + 1, i + 4, kTakenWords) != SIZE_MAX) {
        return UINT32_MAX;
      }
      return static_cast<std::uint32_t>(i);
    });
  }

  std::uint32_t asksWhereToSend() const {
    return once(where_to_send_, &Analysis::findWhereToSendAsked);
  }

  // Where to send or bring a paper ("où est-ce que j'envoie la notification", "où déposer mon
  // dossier", "à quelle adresse envoyer") is a general question, even about a file. Folded, "où"
  // is also "or": only the words of a question may stand between it and the verb.
  std::uint32_t findWhereToSendAsked() const {
    return firstAnchored<kBringVerbs>([&](std::size_t i, std::string_view) {
      const std::size_t first = text_.sentences[text_.tokens[i].sentence].first_token;
      for (std::size_t j = i; j > first && i - j < 6 && !punctuationBetween(j - 1, j); --j) {
        const std::string_view w = word(j - 1);
        if (w == "adresse" && j >= 2 && word(j - 2) == "quelle") {
          return static_cast<std::uint32_t>(j - 1);
        }
        // Right before the verb, "ou" is "or" ("l'envoyer ou le déposer") unless a question
        // opens there ("je sais pas où envoyer", "savoir où déposer", "Où envoyer ...").
        if (w == "ou") {
          const std::string_view before = j >= 2 && j - 1 > first ? word(j - 2) : "";
          const bool asked = j < i || j - 1 == first || before == "sais" || before == "savoir" ||
                             before == "pas" || before == "dire" || before == "indiquer";
          return asked ? static_cast<std::uint32_t>(j - 1) : UINT32_MAX;
        }
        if (!kWhereGlue.contains(w)) {
          break;
        }
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t asksOpeningHours() const {
    return once(opening_hours_, &Analysis::findOpeningHoursAsked);
  }

  // Whether or when an office is open ("l'agence elle est ouverte le samedi ?", "les horaires de
  // la permanence", "heures d'ouverture") is a general question even when opened like a
  // follow-up ("je voulais savoir"), which the model reads as one. "Horaires" alone is not
  // enough ("je travaille en horaires décalés"). Returns the office's or the hours' token.
  std::uint32_t findOpeningHoursAsked() const {
    const std::size_t n = text_.tokens.size();
    // "l'agence de la rue Pasteur euh elle est ouverte": the office's name comes between.
    constexpr std::size_t kReach = 10;
    return firstAnchored<kOpeningAnchors>([&](std::size_t i, std::string_view w) {
      const auto here = static_cast<std::uint32_t>(i);
      if ((w == "heures" || w == "jours" || w == "horaires") && i + 2 < n &&
          word(i + 1) == "d" && word(i + 2) == "ouverture") {
        return here;
      }
      if (w == "opening" && i + 1 < n && word(i + 1) == "hours") {
        return here;
      }
      // A particular office ("l'agence", "votre bureau"), not business hours in general
      // ("joignable aux horaires de bureau").
      if (!kOfficeNouns.contains(w) || i == 0 || !kDeterminers.contains(word(i - 1))) {
        return UINT32_MAX;
      }
      for (std::size_t j = (i >= 3 ? i - 3 : 0); j < std::min(n, i + kReach + 1); ++j) {
        // Within the office's clause: "l'agence ... ils ont ouvert un dossier" asks nothing.
        if (text_.tokens[j].sentence != text_.tokens[i].sentence ||
            (j > i && punctuationBetween(j - 1, j)) || (j < i && punctuationBetween(j, j + 1))) {
          if (j > i) {
            break;
          }
          continue;
        }
        const std::string_view v = word(j);
        if ((j > i && kOpenWords.contains(v)) || ((v == "horaires" || v == "horaire") && j < i)) {
          return static_cast<std::uint32_t>(std::min(i, j));
        }
      }
      return UINT32_MAX;
    });
  }

  std::uint32_t sendsADocumentNow() const {
    return once(sent_document_, &Analysis::findDocumentSentNow);
  }

  // A document sent with this very message ("ci-joint", "en pièce jointe", "je vous joins",
  // "je vous transmets mon RIB", "please find attached") makes a new submission that somebody
  // has to file, even when the message only asks to confirm its receipt: the model reads the
  // confirmation as a follow-up. Returns the token where the sending starts.
  std::uint32_t findDocumentSentNow() const {
    return firstAnchored<kDocumentSentAnchors>([&](std::size_t i, std::string_view w) {
      if (i == 0) {
        return UINT32_MAX;
      }
      const std::string_view before = word(i - 1);
      const auto at = static_cast<std::uint32_t>(i - 1);
      if (before == "ci" && (w == "joint" || w == "jointe" || w == "joints" || w == "jointes")) {
        return at;
      }
      if (before == "en" && w == "pj") {
        return at;
      }
      if ((before == "piece" || before == "pieces") && (w == "jointe" || w == "jointes") &&
          i >= 2 && word(i - 2) == "en") {
        return at - 1;
      }
      if ((w == "attached" && (before == "find" || before == "are" || before == "is")) ||
          (w == "attach" && (before == "i" || before == "we"))) {
        return at;
      }
      if (before != "vous" || i < 2) {
        return UINT32_MAX;
      }
      const std::string_view subject = word(i - 2);
      if (subject != "je" && subject != "j" && subject != "nous") {
        return UINT32_MAX;
      }
      if (w == "joins" || w == "joint" || w == "joignons") {
        return at - 1;
      }
      if (kSendingNowWords.contains(w) && firstIn(i + 1, i + 5, kDocumentNouns) != SIZE_MAX) {
        return at - 1;
      }
      return UINT32_MAX;
    });
  }

  // A letter (kLetterTokens or more) whose follow-up evidence the lexicon does not see: status
  // cues of weight 1 or more outside courtesy sentences ("je vous remercie ... ma demande"),
  // with a case reference's bonus, under kStatusThreshold. The model reads only part of a letter
  // and has been seen to take a new request's narrative ("j'ai déposé plainte", "depuis") for a
  // follow-up.
  bool letterWithoutFollowUpCue() const {
    if (text_.tokens.size() < kLetterTokens) {
      return false;
    }
    std::vector<char> courtesy(text_.sentences.size(), 0);
    for (const Scored& s : scored_) {
      if (s.active && s.kind == CueKind::kBoilerplate) {
        courtesy[text_.tokens[s.hit.first_token].sentence] = 1;
      }
    }
    float status = r_.case_ref ? kCaseRefStatusBonus : 0.0F;
    for (const Scored& s : scored_) {
      if (s.active && s.kind == CueKind::kStatus && s.weight >= 1 &&
          courtesy[text_.tokens[s.hit.first_token].sentence] == 0) {
        status += s.weight;
      }
    }
    return status < kStatusThreshold;
  }

  // The clause from token `from` to its sentence's end, for reasons. Well-formed UTF-8 only: a
  // sentence may end inside a decoded entity of a broken HTML body (as the gist, see there).
  std::string clauseSnippet(std::uint32_t from) const {
    const Token& t = text_.tokens[from];
    return wellFormedOnly(utf8Prefix(
        text_.source(t.src_begin, text_.sentences[t.sentence].src_end), kSnippetMaxBytes));
  }

  // A follow-up then another request ("j'attends le plombier ... ah et le mitigeur fuit
  // maintenant", "any news on the sink? Another thing, the dog barks all night"): the message's
  // intent is the new request's (label rules), although the follow-up's words (and often the
  // model) say status_request. Applies when the lexicon found where the new request starts (a
  // connector or an aside with a topic of its own, or veto 1's clause about an object the
  // follow-up never named) and that clause names a topic; its best topic wins.
  void takeTheNewRequestsIntent() {
    // A follow-up whose problem has become urgent stays a follow-up (label rules), and so does
    // a formal notice or claim listing the damage of the file it is about.
    if (r_.intent != Intent::kStatusRequest || r_.urgent || any(CueKind::kFormal)) {
      return;
    }
    std::uint32_t from = new_problem_from_;
    std::uint32_t to = static_cast<std::uint32_t>(text_.tokens.size());
    if (from == UINT32_MAX) {
      from = otherTopicAfterFollowUp();
      if (from == UINT32_MAX) {
        return;
      }
      to = text_.sentences[text_.tokens[from].sentence].end_token;
    }
    const TopicWeights topic = topicWeights(from, to);
    const std::size_t best = clearTopic(topic);
    if (best == kNoTopic) {
      return;
    }
    takeTopicsIntent(best, "the follow-up adds a new request (\"" + clauseSnippet(from) + "\")");
  }

  // A message read as a follow-up that asks for a document or a re-examination
  // (asksForADocumentOrAReview) is a new request about its topic: the message's best topic
  // becomes the intent, unless the message is urgent or a formal notice or claim (which stay
  // follow-ups, as in takeTheNewRequestsIntent) or names no topic clearly.
  void takeTheAskedDocumentsIntent() {
    if (r_.intent != Intent::kStatusRequest || r_.urgent || any(CueKind::kFormal)) {
      return;
    }
    const std::uint32_t v = asksForADocumentOrAReview();
    if (v == UINT32_MAX) {
      return;
    }
    const TopicWeights topic =
        topicWeights(0, static_cast<std::uint32_t>(text_.tokens.size()));
    std::size_t best = clearTopic(topic);
    if (best == kNoTopic) {
      return;
    }
    // An attestation asked for is tenancy admin, whatever it certifies: "une attestation ...
    // certifiant que nous sommes à jour du paiement de nos loyers" names the rent more often
    // than the certificate (a re-examination keeps the best topic).
    const std::string_view verb = text_.word(text_.tokens[v]);
    if (!isReviewVerb(verb) && topic[kAdminTopic] >= kTopicThreshold) {
      for (const Token& t : text_.tokens) {
        if (text_.word(t).starts_with("attestation")) {
          best = kAdminTopic;
          break;
        }
      }
    }
    dropReasons("not status_only");
    takeTopicsIntent(best, "asks for a document or a review (\"" +
                               clauseSnippet(clauseStart(v)) + "\")");
  }

  using TopicWeights = std::array<float, kTopicKinds.size()>;
  static constexpr std::size_t kNoTopic = kTopicKinds.size();

  // The weights of the topic cues within tokens [from, to), courtesy and thanks left out.
  TopicWeights topicWeights(std::uint32_t from, std::uint32_t to) const {
    TopicWeights topic{};
    for (const Scored& s : scored_) {
      if (!s.active || s.weight <= 0 || s.hit.first_token < from || s.hit.end_token > to ||
          courtesyOrThanks(s)) {
        continue;
      }
      if (const std::size_t k = topicIndex(s.kind); k < kTopicKinds.size()) {
        topic[k] += s.weight;
      }
    }
    return topic;
  }

  // The heaviest topic when it is clear enough to name a request and is not `other`, else
  // kNoTopic.
  static std::size_t clearTopic(const TopicWeights& topic) {
    const auto best =
        static_cast<std::size_t>(std::max_element(topic.begin(), topic.end()) - topic.begin());
    return topic[best] < kTopicThreshold || kTopicIntents[best] == Intent::kOther ? kNoTopic
                                                                                  : best;
  }

  // The follow-up is a new request about topic `best`: its intent, and no automatic answer.
  void takeTopicsIntent(std::size_t best, const std::string& why) {
    r_.intent = kTopicIntents[best];
    r_.status_only = false;
    dropReasons("intent=");
    dropReasons("status_only");
    r_.reasons.push_back("intent=" + std::string(intentName(r_.intent)) + ": " + why);
  }

  // What the lexicon knows to block an automatic answer, urgency and aggression aside. Computed
  // once, when first asked (by the lexicon's status_only decision, or by the model's pass when
  // the model reads a follow-up): the lexicon's reading (hits, person, case reference, new
  // problem) is settled before the first call and the model changes none of it.
  const std::vector<std::string>& lexiconBlockers() const {
    if (!lexicon_blockers_) {
      lexicon_blockers_ = computeLexiconBlockers();
    }
    return *lexicon_blockers_;
  }

  std::vector<std::string> computeLexiconBlockers() const {
    std::vector<std::string> blockers;
    if (r_.asks_for_person) {
      blockers.emplace_back("asks for a person");
    }
    if (any(CueKind::kFormal)) {
      blockers.push_back("formal notice or claim: " +
                         quotes([](const Scored& s) { return s.kind == CueKind::kFormal; }));
    }
    if (any(CueKind::kReopen)) {
      blockers.push_back("asks to reopen: " +
                         quotes([](const Scored& s) { return s.kind == CueKind::kReopen; }));
    }
    if (new_problem_) {
      const std::string cues =
          quotes([](const Scored& s) { return s.kind == CueKind::kNewProblem && s.weight > 0; });
      blockers.push_back("adds a new problem" + (cues.empty() ? std::string() : ": " + cues));
    }
    // Conservative by design (a wrong automatic answer ignores a real problem): anything beyond
    // "where is it, when" goes to a person.
    if (!new_problem_) {
      if (const std::uint32_t from = otherTopicAfterFollowUp(); from != UINT32_MAX) {
        blockers.push_back("names another topic after the follow-up (\"" + clauseSnippet(from) +
                           "\")");
      }
    }
    if (const std::uint32_t q = otherQuestion(); q != UINT32_MAX) {
      blockers.push_back("asks another question (\"" + clauseSnippet(clauseStart(q)) + "\")");
    }
    if (const std::uint32_t v = asksForAnIntervention(); v != UINT32_MAX) {
      blockers.push_back("asks for an intervention (\"" + clauseSnippet(clauseStart(v)) + "\")");
    }
    if (const std::uint32_t v = asksForAnAction(); v != UINT32_MAX) {
      blockers.push_back("asks for an action (\"" + clauseSnippet(clauseStart(v)) + "\")");
    }
    if (letterWithoutFollowUpCue()) {
      blockers.emplace_back("a letter without an explicit follow-up cue");
    }
    if (const std::uint32_t v = asksForADocumentOrAReview(); v != UINT32_MAX) {
      blockers.push_back("asks for a document or a review (\"" + clauseSnippet(clauseStart(v)) +
                         "\")");
    }
    if (const std::uint32_t v = announcesAHouseholdChange(); v != UINT32_MAX) {
      blockers.push_back("announces somebody coming to live in the home (\"" +
                         clauseSnippet(clauseStart(v)) + "\")");
    }
    if (const std::uint32_t v = givesNoticeOrNewDetails(); v != UINT32_MAX) {
      blockers.push_back("gives notice or new details (\"" + clauseSnippet(clauseStart(v)) +
                         "\")");
    }
    if (const std::uint32_t v = asksWhatWillBeDone(); v != UINT32_MAX) {
      blockers.push_back("asks what will be done (\"" + clauseSnippet(clauseStart(v)) + "\")");
    }
    if (const std::uint32_t v = asksWhatIsRequired(); v != UINT32_MAX) {
      blockers.push_back("asks what a procedure requires (\"" + clauseSnippet(clauseStart(v)) +
                         "\")");
    }
    if (const std::uint32_t v = asksForAJob(); v != UINT32_MAX) {
      blockers.push_back("asks for a job (\"" + clauseSnippet(clauseStart(v)) + "\")");
    }
    if (const std::uint32_t v = asksToMoveAnAppointment(); v != UINT32_MAX) {
      blockers.push_back("asks to move an appointment (\"" + clauseSnippet(clauseStart(v)) +
                         "\")");
    }
    if (const std::uint32_t v = asksWhereToSend(); v != UINT32_MAX) {
      blockers.push_back("asks where to send something (\"" + clauseSnippet(clauseStart(v)) +
                         "\")");
    }
    if (const std::uint32_t v = asksOpeningHours(); v != UINT32_MAX) {
      blockers.push_back("asks when an office is open (\"" + clauseSnippet(clauseStart(v)) +
                         "\")");
    }
    if (const std::uint32_t v = sendsADocumentNow(); v != UINT32_MAX) {
      blockers.push_back("sends a document with this message (\"" + clauseSnippet(v) + "\")");
    }
    return blockers;
  }

  // The lexicon's own status_only decision. With the model, applyModel decides it afresh (and
  // asks for the lexicon's blockers only when the model reads a follow-up): nothing to do here.
  void decideStatusOnly() {
    if (model_rereads_ || r_.intent != Intent::kStatusRequest) {
      return;
    }
    std::vector<std::string> blockers = lexiconBlockers();
    if (r_.aggressive) {
      blockers.insert(blockers.begin(), "aggressive");
    }
    if (r_.urgent) {
      blockers.insert(blockers.begin(), "urgent");
    }
    if (blockers.empty() && nonFrench() &&
        status_score_ < ModelThresholds{}.status_only_non_french_cue) {
      blockers.emplace_back("not French and no explicit follow-up cue");
    }
    r_.status_only = blockers.empty();
    if (r_.status_only) {
      r_.reasons.emplace_back("status_only: only asks where the request stands");
    } else {
      std::string reason = "not status_only: ";
      for (std::size_t i = 0; i < blockers.size(); ++i) {
        reason += (i > 0 ? "; " : "") + blockers[i];
      }
      r_.reasons.push_back(std::move(reason));
    }
  }

  // ------------------------------------------------------------------------------ gist
  float gistWeight(const Scored& s) const {
    switch (s.kind) {
      case CueKind::kRepair:
      case CueKind::kRent:
      case CueKind::kNeighbourhood:
      case CueKind::kAdmin:
      case CueKind::kOther: {
        const bool chosen = r_.intent != Intent::kStatusRequest &&
                            kTopicIntents[static_cast<std::size_t>(s.kind)] == r_.intent;
        return std::max(0.0F, s.weight) * (chosen ? 1.0F : 0.4F);
      }
      case CueKind::kStatus:
        return std::max(0.0F, s.weight) * (r_.intent == Intent::kStatusRequest ? 1.0F : 0.3F);
      case CueKind::kUrgent:
      case CueKind::kVulnUrgent:
        return std::max(0.0F, s.weight) / 30.0F;
      case CueKind::kReassurance:
      case CueKind::kVulnerable:
        return s.weight / 60.0F;
      case CueKind::kPerson:
      case CueKind::kReopen:
      case CueKind::kRequest:
        return 1.5F;
      case CueKind::kFormal:
        return 0.5F;
      case CueKind::kNewProblem:
        // A weak boundary ("depuis hier") only counts when it did start a new request.
        return s.weight >= 1 || new_problem_ ? 0.5F : 0.0F;
      default:
        return 0;
    }
  }

  // First token of the sentence's content: greetings and lead-ins skipped.
  // `lead_ins`: the hits of the lead-in cues, in scored_ order (buildGist collects them once).
  std::uint32_t contentStart(const Sentence& st, const std::vector<CueHit>& lead_ins) const {
    std::uint32_t i = st.first_token;
    bool moved = true;
    while (moved && i < st.end_token) {
      moved = false;
      for (const CueHit& h : lead_ins) {
        if (h.first_token == i && h.end_token <= st.end_token) {
          i = h.end_token;
          moved = true;
          break;
        }
      }
      if (!moved && isGreetingWord(text_.word(text_.tokens[i]))) {
        ++i;
        moved = true;
      }
    }
    return i;
  }

  // The display text of tokens [from, st.end_token), a dropped filler or stutter as one space.
  // Between two dropped words the text is one run of the display text, appended at once.
  // Returns whether what it appended is well-formed UTF-8. The display text is (sanitise makes
  // it so), so a piece of it is unless an end falls inside a character: a sentence's end can,
  // after a character folded to a full stop ("…"). Testing the pieces' ends costs less than
  // decoding the gist again.
  bool appendSpan(std::string& out, std::uint32_t from, const Sentence& st) const {
    // At most the span's bytes: one allocation, not one per growth.
    if (from < st.end_token && text_.tokens[from].src_begin < st.src_end) {
      out.reserve(out.size() + (st.src_end - text_.tokens[from].src_begin));
    }
    const std::string_view display = text_.display;
    bool well_formed = true;
    const auto append = [&](std::uint32_t begin, std::uint32_t end) {
      const std::string_view piece = text_.source(begin, end);
      if (!piece.empty()) {
        const std::size_t b = static_cast<std::size_t>(piece.data() - display.data());
        const std::size_t e = b + piece.size();
        well_formed = well_formed && !isUtf8Continuation(display[b]) &&
                      (e == display.size() || !isUtf8Continuation(display[e]));
      }
      out.append(piece);
    };
    const Token* prev = nullptr;
    std::uint32_t run_begin = 0;
    for (std::uint32_t i = from; i < st.end_token; ++i) {
      const Token& t = text_.tokens[i];
      if (prev == nullptr) {
        run_begin = t.src_begin;
      } else {
        if (t.src_begin < prev->src_end) {
          continue;  // one source word expanded into several tokens
        }
        if (t.after_dropped) {
          append(run_begin, prev->src_end);
          out.push_back(' ');
          run_begin = t.src_begin;
        }
      }
      prev = &t;
    }
    if (prev != nullptr) {
      append(run_begin, prev->src_end);
    }
    if (prev != nullptr && prev->src_end < st.src_end) {
      std::string_view tail = text_.source(prev->src_end, st.src_end);
      // Keep a closing mark with its French space ("quand ?"), drop a trailing comma.
      std::uint32_t skipped = 0;
      while (!tail.empty() &&
             (tail.front() == ',' || (tail.front() == ' ' && tail.size() > 1 && tail[1] == ','))) {
        tail.remove_prefix(1);
        ++skipped;
      }
      if (tail.size() <= 3) {
        append(prev->src_end + skipped, st.src_end);
      }
    }
    return well_formed;
  }

  void buildGist() {
    const std::size_t n = text_.sentences.size();
    if (n == 0) {
      return;
    }
    std::vector<float>& score = scratch_.gist_score;
    std::vector<char>& excluded = scratch_.gist_excluded;
    std::vector<std::uint32_t>& start = scratch_.gist_start;
    score.assign(n, 0);
    excluded.assign(n, 0);
    start.assign(n, 0);
    // One pass over the hits instead of one per sentence: the lead-ins (for contentStart) and,
    // per sentence, where its first boilerplate cue starts (active or not, as the test below
    // has always read them).
    std::vector<CueHit>& lead_ins = scratch_.gist_lead_ins;
    std::vector<std::uint32_t>& boilerplate_first = scratch_.gist_boilerplate_first;
    lead_ins.clear();
    boilerplate_first.assign(n, UINT32_MAX);
    for (const Scored& s : scored_) {
      const std::uint32_t si = text_.tokens[s.hit.first_token].sentence;
      if (s.kind == CueKind::kLeadIn) {
        lead_ins.push_back(s.hit);
      } else if (s.kind == CueKind::kBoilerplate) {
        boilerplate_first[si] = std::min(boilerplate_first[si], s.hit.first_token);
      }
      if (!s.active && s.kind != CueKind::kAggressive) {
        continue;
      }
      score[si] += gistWeight(s);
    }
    std::size_t last_boilerplate = n;
    for (std::size_t i = 0; i < n; ++i) {
      const Sentence& st = text_.sentences[i];
      start[i] = contentStart(st, lead_ins);
      if (start[i] >= st.end_token) {
        excluded[i] = 1;
        continue;
      }
      if (boilerplate_first[i] != UINT32_MAX &&
          (boilerplate_first[i] <= start[i] + 2 || st.end_token - st.first_token <= 8)) {
        excluded[i] = 1;
        last_boilerplate = i;
      }
    }
    // Signatures: short cue-less sentences after the closing formula, or a short last line.
    for (std::size_t i = 0; i < n; ++i) {
      const Sentence& st = text_.sentences[i];
      const bool short_line = st.end_token - st.first_token <= 4 && score[i] <= 0;
      if (short_line && ((last_boilerplate < n && i > last_boilerplate) || (i == n - 1 && n > 1))) {
        excluded[i] = 1;
      }
    }
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!excluded[i] && (best == n || score[i] > score[best])) {
        best = i;
      }
    }
    if (best == n) {
      // Only boilerplate: fall back on the first sentence with any content.
      for (std::size_t i = 0; i < n && best == n; ++i) {
        if (start[i] < text_.sentences[i].end_token) {
          best = i;
        }
      }
      if (best == n) {
        best = 0;
        start[0] = text_.sentences[0].first_token;
      }
    }
    std::string first;
    const bool first_well_formed = appendSpan(first, start[best], text_.sentences[best]);
    bool well_formed = first_well_formed;
    std::size_t second = n;
    if (score[best] > 0) {
      for (std::size_t i = 0; i < n; ++i) {
        if (i != best && !excluded[i] && score[i] >= 0.5F * score[best] &&
            (second == n || score[i] > score[second])) {
          second = i;
        }
      }
    }
    std::string gist;
    if (second != n) {
      std::string other;
      const bool other_well_formed = appendSpan(other, start[second], text_.sentences[second]);
      if (first.size() + other.size() + 1 <= kGistMaxBytes) {
        gist = second < best ? other + " " + first : first + " " + other;
        well_formed = first_well_formed && other_well_formed;
      }
    }
    if (gist.empty()) {
      gist = std::move(first);
    }
    if (!gist.empty()) {
      // Capitalise an ASCII first letter (speech transcripts are lower case).
      if (gist[0] >= 'a' && gist[0] <= 'z') {
        gist[0] = static_cast<char>(gist[0] - 32);
      }
    }
    if (!well_formed) {
      // A sentence boundary can fall inside a decoded entity ("&hellip;") in broken input; the
      // gist goes into a proto3 string, which clients only parse when it is valid UTF-8.
      gist = wellFormedOnly(gist);
    }
    if (gist.size() > kGistMaxBytes) {
      static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
      std::string_view cut = utf8Prefix(gist, kGistMaxBytes - kEllipsis.size());
      const std::size_t space = cut.rfind(' ');
      if (space != std::string_view::npos && space > kGistMaxBytes / 2) {
        cut = cut.substr(0, space);
      }
      while (!cut.empty() && (cut.back() == ',' || cut.back() == ' ')) {
        cut.remove_suffix(1);
      }
      gist = std::string(cut) + std::string(kEllipsis);
    }
    r_.gist = std::move(gist);
  }

  const ReaderConfig& config_;
  const Lexicon& lexicon_;
  const CaseRefMatcher& refs_;
  const ReaderModel* model_;
  // The model reads the message after the lexicon (applyModel): it always replaces the
  // lexicon's intent and status_only reasons, so the lexicon's pass does not write them.
  const bool model_rereads_;
  const ReaderInput& input_;
  ReadScratch& scratch_;
  NormalisedText& text_;
  std::vector<Scored>& scored_;
  Reading r_;
  bool elderly_ = false;
  bool vulnerable_ = false;
  // vulnerableFor: a vulnerability other than pregnancy (computed on the first lift cue).
  mutable std::optional<bool> vulnerable_beyond_pregnancy_;
  bool new_problem_ = false;
  std::uint32_t new_problem_from_ = UINT32_MAX;  // where the new request starts (decideIntent)
  float status_score_ = 0;
  mutable int non_french_ = -1;  // nonFrench(), once computed
  mutable std::optional<std::vector<std::string>> lexicon_blockers_;  // lexiconBlockers()
  mutable std::optional<std::uint32_t> asked_document_;  // asksForADocumentOrAReview()
  mutable bool scan_candidates_ready_ = false;          // scanCandidates()
  mutable std::optional<std::uint32_t> sent_document_;   // sendsADocumentNow()
  mutable std::optional<std::uint32_t> opening_hours_;   // asksOpeningHours()
  mutable std::optional<std::uint32_t> household_change_;  // announcesAHouseholdChange()
  mutable std::optional<std::uint32_t> notice_or_details_;  // givesNoticeOrNewDetails()
  mutable std::optional<std::uint32_t> move_asked_;  // asksToMoveAnAppointment()
  mutable std::optional<std::uint32_t> where_to_send_;  // asksWhereToSend()
  mutable std::optional<std::uint32_t> what_done_;  // asksWhatWillBeDone()
  mutable std::optional<std::uint32_t> job_asked_;  // asksForAJob()
  mutable std::optional<std::uint32_t> requirements_asked_;  // asksWhatIsRequired()
  mutable std::optional<std::uint32_t> other_topic_from_;  // otherTopicAfterFollowUp()
  int context_points_ = 0;
  std::array<float, kCueKindCount> kind_sum_{};  // tallyKinds()
  std::uint32_t kinds_present_ = 0;              // bit per kind, tallyKinds()
  bool gross_insult_ = false;  // an active aggression cue of kAddressedInsultWeight, tallyKinds()
  std::uint32_t kinds_quotable_ = 0;             // bit per kind, tallyKinds()
  std::string_view elderly_snippet_;
};

}  // namespace

struct ContactReader::Impl {
  explicit Impl(ReaderConfig c)
      : config(std::move(c)),
        lexicon(defaultLexiconSource()),
        case_refs(config.case_ref_patterns),
        model(ReaderModel::builtInWeights()) {}
  ReaderConfig config;
  Lexicon lexicon;
  CaseRefMatcher case_refs;
  ReaderModel model;
};

ContactReader::ContactReader(ReaderConfig config)
    : impl_(std::make_unique<const Impl>(std::move(config))) {}
ContactReader::~ContactReader() = default;
ContactReader::ContactReader(ContactReader&&) noexcept = default;
ContactReader& ContactReader::operator=(ContactReader&&) noexcept = default;

Reading ContactReader::read(const ReaderInput& input) const {
  const ReaderModel* model = impl_->config.use_model ? &impl_->model : nullptr;
  // One scratch per thread: the reader itself stays immutable and shareable.
  thread_local ReadScratch scratch;
  Reading reading =
      Analysis(impl_->config, impl_->lexicon, impl_->case_refs, model, input, scratch).run();
  scratch.releaseHugeBuffers();
  return reading;
}

void ContactReader::modelInput(const ReaderInput& input, NormalisedText& text,
                               LexiconSignals& signals, std::vector<ModelFeature>& features) const {
  ReadScratch scratch;
  Analysis(impl_->config, impl_->lexicon, impl_->case_refs, nullptr, input, scratch)
      .modelView(text, signals, features);
}

std::optional<std::string> ContactReader::validateCaseRefPattern(std::string_view pattern) {
  return validateCaseRefPatternSyntax(pattern);
}

std::string ContactReader::normaliseCaseRef(std::string_view ref) {
  return caseRefComparisonForm(ref);
}

}  // namespace relais::routing
