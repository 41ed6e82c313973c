#include "routing/contact_reader.h"

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "routing/lexicon.h"
#include "routing/text_normaliser.h"

namespace relais::routing {
namespace {

Reading readText(const ContactReader& reader, std::string_view text,
                 Channel channel = Channel::kWeb, ReaderContext context = {}) {
  ReaderInput in;
  in.channel = channel;
  in.text = text;
  in.context = context;
  return reader.read(in);
}

bool hasReason(const Reading& r, std::string_view prefix) {
  for (const std::string& reason : r.reasons) {
    if (reason.rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

// ----------------------------------------------------------------------------- behaviour

TEST(ContactReaderTest, DefaultLexiconParses) {
  std::string error;
  const Lexicon lexicon(defaultLexiconSource(), &error);
  EXPECT_EQ(error, "");
  EXPECT_GT(lexicon.size(), 500u);
}

TEST(ContactReaderTest, LexiconReportsSyntaxErrors) {
  std::string error;
  const Lexicon bad("repair 2: fuite\nnope 1: x\n", &error);
  EXPECT_NE(error.find("line 2"), std::string::npos);
  EXPECT_EQ(bad.size(), 0u);
  const Lexicon gap("repair 2: .. fuite\n", &error);
  EXPECT_EQ(gap.size(), 0u);
}

TEST(ContactReaderTest, GasSmellIsUrgentRepairWithReason) {
  const ContactReader reader;
  const Reading r =
      readText(reader, "bonjour ça sent le gaz très fort dans la cuisine", Channel::kPhone);
  EXPECT_EQ(r.intent, Intent::kRepair);
  EXPECT_TRUE(r.urgent);
  EXPECT_GE(r.urgency, 60);
  EXPECT_FALSE(r.status_only);
  EXPECT_TRUE(hasReason(r, "urgent("));
}

TEST(ContactReaderTest, NegatedOrPastUrgencyIsNotUrgent) {
  const ContactReader reader;
  EXPECT_FALSE(readText(reader, "il n'y a pas d'odeur de gaz mais la flamme est jaune").urgent);
  EXPECT_FALSE(readText(reader, "la fuite a été réparée hier, merci, reste la peinture").urgent);
  EXPECT_FALSE(readText(reader, "répondez-moi en urgence svp pour ma quittance").urgent);
  EXPECT_FALSE(readText(reader, "plus d'eau chaude depuis ce matin").urgent);
}

TEST(ContactReaderTest, SpokenNegationStopsAtFillersAndClauseWords) {
  const ContactReader reader;
  // "pas" belongs to "parle pas bien français"; the heating cue after "euh" is not negated.
  EXPECT_TRUE(readText(reader,
                       "allo euh je parle pas bien français euh chauffage il marche plus euh "
                       "j'ai un bébé de trois mois",
                       Channel::kPhone)
                  .urgent);
  EXPECT_TRUE(readText(reader, "j'ai pas compris et ça sent le gaz dans la cuisine", Channel::kPhone)
                  .urgent);
  // A negator right before a filler still negates.
  EXPECT_FALSE(
      readText(reader, "c'est pas euh urgent hein la poignée est cassée", Channel::kPhone).urgent);
}

TEST(ContactReaderTest, LiftOutOfOrderIsUrgentOnlyForSomeoneStuckAndVulnerable) {
  const ContactReader reader;
  EXPECT_TRUE(readText(reader,
                       "l'ascenseur est en panne depuis lundi et mon père de 90 ans ne peut plus "
                       "descendre de chez lui")
                  .urgent);
  EXPECT_FALSE(readText(reader, "l'ascenseur est en panne depuis hier, on monte à pied").urgent);
}

TEST(ContactReaderTest, NonFrenchNeedsAnExplicitFollowUpForAnAutomaticAnswer) {
  const ContactReader reader;
  const Reading question =
      readText(reader, "Hi, I moved in last week and I never got the key for the bike room. "
                       "Who can I ask?");
  EXPECT_FALSE(question.status_only);
  const Reading follow_up = readText(
      reader, "Hello, I reported a broken shower two weeks ago and nobody came. Any news?");
  EXPECT_EQ(follow_up.intent, Intent::kStatusRequest);
  EXPECT_TRUE(follow_up.status_only);
}

TEST(ContactReaderTest, NoHeatingIsUrgentOnlyWithSomeoneVulnerable) {
  const ContactReader reader;
  EXPECT_FALSE(readText(reader, "plus de chauffage depuis hier dans l'appartement").urgent);
  EXPECT_TRUE(readText(reader, "plus de chauffage depuis hier, j'ai un bébé de deux mois").urgent);
  ReaderContext vulnerable;
  vulnerable.vulnerable = true;
  EXPECT_TRUE(readText(reader, "plus de chauffage depuis hier dans l'appartement", Channel::kWeb,
                       vulnerable)
                  .urgent);
}

TEST(ContactReaderTest, BrokenLockIsUrgentOnlyAfterBreakIn) {
  const ContactReader reader;
  EXPECT_TRUE(readText(reader, "porte fracturée cette nuit, la serrure ne ferme plus").urgent);
  EXPECT_FALSE(readText(reader, "la porte du hall ne ferme plus depuis une semaine").urgent);
}

TEST(ContactReaderTest, InsultsAreAggressiveButReportsAndLegalThreatsAreNot) {
  const ContactReader reader;
  EXPECT_TRUE(readText(reader, "bande de glandeurs, vous êtes des nuls").aggressive);
  EXPECT_FALSE(readText(reader, "ma voisine me traite de salope dans l'escalier").aggressive);
  EXPECT_FALSE(readText(reader, "SANS RÉPONSE JE SAISIRAI UN AVOCAT ET LA PRESSE !!!").aggressive);
}

TEST(ContactReaderTest, StatusOnlyAndItsBlockers) {
  const ContactReader reader;
  const Reading plain = readText(reader, "bjr jattend tjs le plombier, vs en etes ou ??");
  EXPECT_EQ(plain.intent, Intent::kStatusRequest);
  EXPECT_TRUE(plain.status_only);
  const Reading person = readText(reader, "où en est ma demande pour le volet ? rappelez-moi svp");
  EXPECT_EQ(person.intent, Intent::kStatusRequest);
  EXPECT_TRUE(person.asks_for_person);
  EXPECT_FALSE(person.status_only);
  const Reading texted = readText(reader, "tjs rien pr mon radiateur, je veux parler a qq1 svp");
  EXPECT_TRUE(texted.asks_for_person);
  EXPECT_FALSE(texted.status_only);
  const Reading reopen =
      readText(reader, "le ticket 877120 a été clôturé sans intervention, merci de le rouvrir");
  EXPECT_FALSE(reopen.status_only);
  EXPECT_EQ(reopen.case_ref, "877120");
}

TEST(ContactReaderTest, StatusPlusNewProblemTakesTheNewIntent) {
  const ContactReader reader;
  const Reading r = readText(reader,
                             "J'attends toujours le technicien pour le volet. Par ailleurs, "
                             "mon voisin fait du bruit toutes les nuits.");
  EXPECT_EQ(r.intent, Intent::kNeighbourhood);
  EXPECT_FALSE(r.status_only);
}

// The lexicon alone, to test its rules without the statistical layer.
ReaderConfig lexiconOnly() {
  ReaderConfig config;
  config.use_model = false;
  return config;
}

// The lexicon alone and with the model: a rule must hold in both. Built once for all tests.
const std::array<ContactReader, 2>& bothReaders() {
  static const std::array<ContactReader, 2> kReaders = {ContactReader(lexiconOnly()),
                                                        ContactReader()};
  return kReaders;
}

// Expects `label` to read `want` for each text, by both readers: the rule tests of the rounds.
void expectLabel(bool Reading::*label, bool want, Channel channel,
                 std::initializer_list<std::string_view> texts) {
  for (const ContactReader& reader : bothReaders()) {
    for (const std::string_view text : texts) {
      EXPECT_EQ(readText(reader, text, channel).*label, want) << text;
    }
  }
}

TEST(ContactReaderTest, AsideAfterAFollowUpAboutSomethingElseIsANewProblem) {
  for (const ContactReader& reader : bothReaders()) {
    // An aside ("ah et") or a fresh onset ("depuis hier", "yesterday") opens a clause about
    // other equipment: a new request, no automatic answer.
    const Reading aside = readText(
        reader, "toujours rien pour le volet du salon signalé en mars. ah et l'évier se bouche "
                "depuis hier");
    EXPECT_EQ(aside.intent, Intent::kRepair);
    EXPECT_FALSE(aside.status_only);
    const Reading english =
        readText(reader, "Any news on my kitchen tap repair? Reported two weeks ago. Oh and the "
                         "intercom stopped working yesterday");
    EXPECT_EQ(english.intent, Intent::kRepair);
    EXPECT_FALSE(english.status_only);
    // The same thing getting worse stays one follow-up.
    const Reading same = readText(
        reader,
        "oui bonjour c'est pour la chaudière on m'avait dit que le technicien passerait euh et "
        "puis depuis ce matin plus de chauffage du tout",
        Channel::kPhone);
    EXPECT_EQ(same.intent, Intent::kStatusRequest);
  }
  // The lexicon sees no other topic there and answers it. The model, trained on the blind days
  // whose writers often withhold an automatic answer once the problem got worse, withholds it.
  EXPECT_TRUE(readText(ContactReader(lexiconOnly()),
                       "oui bonjour c'est pour la chaudière on m'avait dit que le technicien "
                       "passerait euh et puis depuis ce matin plus de chauffage du tout",
                       Channel::kPhone)
                  .status_only);
}

// The status_only vetoes (issue #3: precision first, a wrong automatic answer ignores a real
// problem). Each one blocks an automatic answer, with its reason, and leaves its near miss alone.
TEST(ContactReaderTest, AnotherObjectAfterAFollowUpBlocksTheAutomaticAnswer) {
  for (const ContactReader& reader : bothReaders()) {
    // Same object family (water), so the intent rule keeps the follow-up, but the mixer tap is
    // an object the follow-up never named.
    const Reading other = readText(
        reader,
        "bonjour euh j'attends toujours le plombier pour l'évier euh ah et euh le mitigeur de "
        "la baignoire il goutte aussi maintenant",
        Channel::kPhone);
    EXPECT_FALSE(other.status_only);
    EXPECT_TRUE(hasReason(other, "not status_only: names another topic after the follow-up") ||
                hasReason(other, "not status_only: adds a new problem"));
  }
  const ContactReader lexicon(lexiconOnly());
  const Reading other = readText(
      lexicon,
      "bonjour euh j'attends toujours le plombier pour l'évier euh ah et euh le mitigeur de la "
      "baignoire il goutte aussi maintenant",
      Channel::kPhone);
  // The intent rule kept the follow-up (same family), veto 1 blocks the automatic answer, and
  // the reading takes the new request's intent (label rules: a status question plus a new
  // problem takes the new problem's intent).
  EXPECT_EQ(other.intent, Intent::kRepair);
  EXPECT_TRUE(hasReason(other, "not status_only: names another topic after the follow-up"));
  EXPECT_TRUE(hasReason(other, "intent=repair: the follow-up adds a new request"));
  // The same leak running harder is the same problem: still an automatic answer.
  const Reading same = readText(
      lexicon,
      "toujours personne pour la fuite sous l'évier euh et depuis ce matin ça coule plus fort",
      Channel::kPhone);
  EXPECT_EQ(same.intent, Intent::kStatusRequest);
  EXPECT_TRUE(same.status_only);
}

TEST(ContactReaderTest, AQuestionOtherThanWhereOrWhenBlocksTheAutomaticAnswer) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading may =
        readText(reader,
                 "Bonjour, où en est ma demande de garage ? Est-ce qu'on peut le partager avec "
                 "mon frère ?");
    EXPECT_FALSE(may.status_only);
    const Reading why = readText(
        reader, "jai tjs rien recu pr ma demande dattestation, pk vous me l'envoyez pas ?");
    EXPECT_FALSE(why.status_only);
  }
  const ContactReader lexicon(lexiconOnly());
  EXPECT_TRUE(hasReason(
      readText(lexicon,
               "Bonjour, où en est ma demande de garage ? Est-ce qu'on peut le partager avec mon "
               "frère ?"),
      "not status_only: asks another question"));
  // "c'est pourquoi" is not a question, "si je peux pas" not a request for permission.
  const Reading therefore =
      readText(lexicon,
               "Le technicien n'est jamais venu, c'est pourquoi je voulais savoir où en est ma "
               "demande pour le volet.");
  EXPECT_EQ(therefore.intent, Intent::kStatusRequest);
  EXPECT_TRUE(therefore.status_only);
}

TEST(ContactReaderTest, ALetterNeedsAnExplicitFollowUpCueForAnAutomaticAnswer) {
  const std::string courtesy =
      "Je tiens à saluer le travail de votre gardien, toujours disponible et aimable avec les "
      "habitants de la résidence, et je vous remercie pour la rénovation récente des boîtes aux "
      "lettres et de l'éclairage des parties communes, très appréciée de tous. ";
  const std::string narrative =
      "Objet : Demande de place de stationnement\n\nMadame, Monsieur,\n\n" + courtesy +
      "Depuis plusieurs mois, ma voiture garée devant l'immeuble a été rayée à trois reprises et "
      "j'ai déposé plainte à chaque fois au commissariat du quartier, sans suite à ce jour. Mon "
      "assureur m'a fait savoir qu'il ne prendrait plus en charge ces dégradations. " +
      courtesy +
      "Je souhaiterais donc louer une place dans le parking souterrain de la résidence et vous "
      "serais reconnaissant de m'indiquer les pièces à fournir ainsi que le montant du loyer "
      "mensuel de la place. Je reste disponible en semaine après dix-huit heures.\n\nJe vous "
      "remercie par avance de l'attention portée à ma demande et vous prie d'agréer, Madame, "
      "Monsieur, mes salutations distinguées.";
  const std::string follow_up =
      "Objet : Dossier 2026/004512\n\nMadame, Monsieur,\n\n" + courtesy + courtesy +
      "J'ai signalé en février que le volet roulant de la chambre ne remontait plus. Je n'ai "
      "toujours aucune nouvelle et je voudrais savoir où en est ma demande. " +
      courtesy + "\n\nVeuillez agréer, Madame, Monsieur, mes salutations distinguées.";
  for (const ContactReader& reader : bothReaders()) {
    const Reading r = readText(reader, narrative, Channel::kEmail);
    EXPECT_FALSE(r.status_only);
    if (r.intent == Intent::kStatusRequest) {
      EXPECT_TRUE(hasReason(r, "not status_only: a letter without an explicit follow-up cue"));
    }
    const Reading f = readText(reader, follow_up, Channel::kEmail);
    EXPECT_EQ(f.intent, Intent::kStatusRequest);
    EXPECT_TRUE(f.status_only);
  }
}

TEST(ContactReaderTest, ThreatsAreAFamilyOfVerbsNotAListOfSentences) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader, "si tu continues je te défonce la tête").aggressive);
    EXPECT_TRUE(
        readText(reader, "le prochain qui me raccroche au nez je vais lui démonter la figure")
            .aggressive);
    EXPECT_TRUE(readText(reader, "encore une relance et je vous en colle une").aggressive);
    // Hurt oneself, a threat reported, a figure of speech: not aggression.
    EXPECT_FALSE(
        readText(reader, "je me suis cogné la tête contre le placard de la cuisine qui est décroché")
            .aggressive);
    EXPECT_FALSE(readText(reader,
                          "ma voisine m'a dit qu'elle allait me défoncer la tête si je me "
                          "plaignais encore")
                     .aggressive);
    EXPECT_FALSE(
        readText(reader, "le bruit du voisin ça me casse la tête tous les soirs").aggressive);
  }
}

TEST(ContactReaderTest, InfantsNamedByTheirAgeAreVulnerable) {
  const ContactReader reader(lexiconOnly());
  EXPECT_TRUE(readText(reader, "pas de chauffage depuis hier avec ma petite de 6 semaines").urgent);
  EXPECT_TRUE(readText(reader, "radiators cold since Sunday and we have a 4 month old").urgent);
  EXPECT_FALSE(readText(reader, "pas de chauffage depuis hier").urgent);
}

TEST(ContactReaderTest, KeywordlessFollowUpsAndGasBySmell) {
  const ContactReader reader(lexiconOnly());
  EXPECT_EQ(readText(reader, "j'ai déposé mon RIB à l'accueil lundi, vous l'avez reçu ?").intent,
            Intent::kStatusRequest);
  EXPECT_EQ(readText(reader, "toujours personne pour la serrure de la cave").intent,
            Intent::kStatusRequest);
  const Reading gas = readText(reader, "ça sent vachement fort le gaz dans le hall du bâtiment");
  EXPECT_EQ(gas.intent, Intent::kRepair);
  EXPECT_TRUE(gas.urgent);
}

// Round 6. A connector in a courtesy sentence ("je reste par ailleurs à votre disposition") or
// thanks after a follow-up ("je profite de ce message pour remercier ...") open no new request;
// a letter's connector with a word in between ("je profite également de ce message") does.
TEST(ContactReaderTest, CourtesyAndThanksAfterAFollowUpAreNoNewRequest) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading courtesy = readText(
        reader,
        "Bonjour,\nJe me permets de vous relancer : toujours aucune nouvelle de l'intervention "
        "prévue sur la chasse d'eau. Je reste par ailleurs à votre disposition pour tout "
        "renseignement complémentaire.\nCordialement",
        Channel::kEmail);
    EXPECT_EQ(courtesy.intent, Intent::kStatusRequest);
    EXPECT_TRUE(courtesy.status_only);
    const Reading thanks = readText(
        reader,
        "J'attends toujours le menuisier pour la porte du cellier, il devait passer la semaine "
        "dernière. Je profite de ce message pour remercier la gardienne pour sa gentillesse.",
        Channel::kEmail);
    EXPECT_EQ(thanks.intent, Intent::kStatusRequest);
    EXPECT_TRUE(thanks.status_only);
    const Reading other = readText(
        reader,
        "J'attends toujours le menuisier pour la porte du cellier, il devait passer la semaine "
        "dernière. Je profite également de ce message pour vous signaler que le lavabo de la "
        "salle de bains est fissuré.",
        Channel::kEmail);
    EXPECT_EQ(other.intent, Intent::kRepair);
    EXPECT_FALSE(other.status_only);
  }
}

TEST(ContactReaderTest, UrgencyWordsThatAreNotEmergencies) {
  const ContactReader reader(lexiconOnly());
  // A denied gas smell, a threat with "éclater", paint flaking: not urgent.
  EXPECT_FALSE(
      readText(reader, "la plaque de cuisson s'allume plus euh mais ça sent pas le gaz hein",
               Channel::kPhone)
          .urgent);
  EXPECT_TRUE(readText(reader, "ça sent le gaz dans la cuisine", Channel::kPhone).urgent);
  const Reading threat = readText(reader, "si personne vient demain je vous éclate");
  EXPECT_FALSE(threat.urgent);
  EXPECT_TRUE(threat.aggressive);
  EXPECT_TRUE(readText(reader, "le tuyau sous l'évier a éclaté").urgent);
  EXPECT_FALSE(
      readText(reader, "des morceaux de peinture tombent du mur de l'entrée depuis l'hiver")
          .urgent);
}

TEST(ContactReaderTest, EmergenciesWordedWithoutTheUsualWords) {
  const ContactReader reader(lexiconOnly());
  // Somebody inside a lift stopped between numbered floors; nobody inside is a repair.
  EXPECT_TRUE(readText(reader,
                       "l'ascenseur s'est arrêté entre le 2e et le 3e et mon fils est dedans "
                       "avec un copain")
                  .urgent);
  EXPECT_FALSE(readText(reader, "l'ascenseur est en panne, personne dedans, on monte à pied")
                   .urgent);
  // A boiler in safety lockout for someone vulnerable; "ne fait plus que" is no negation.
  EXPECT_TRUE(readText(reader,
                       "la chaudière s'est mise en sécurité et refuse de redémarrer, ma mère "
                       "de 90 ans a froid")
                  .urgent);
  EXPECT_TRUE(
      readText(reader, "il ne fait plus que 14 degrés dans la chambre du bébé").urgent);
  // Gas told by the appliance it smells of.
  EXPECT_TRUE(
      readText(reader, "il y a une drôle d'odeur qui vient de la cuisinière", Channel::kPhone)
          .urgent);
}

TEST(ContactReaderTest, VeiledThreatsRankedRemindersAndBuildingLetters) {
  const ContactReader reader(lexiconOnly());
  EXPECT_TRUE(
      readText(reader, "si le plombier revient pas demain il va comprendre sa douleur").aggressive);
  EXPECT_FALSE(readText(reader, "je comprends votre douleur, mais la fuite continue").aggressive);
  EXPECT_EQ(readText(reader, "3e relance pour le store du salon").intent, Intent::kStatusRequest);
  // "bât C fait un bruit" is a building letter, not "c'est fait ?".
  EXPECT_NE(readText(reader, "l'ascenseur du bat C fait un bruit bizarre depuis lundi").intent,
            Intent::kStatusRequest);
}

TEST(ContactReaderTest, AcknowledgmentsReportedThreatsAndDatesStillMissing) {
  const ContactReader reader(lexiconOnly());
  // The landlord's acknowledgment received is no formal notice: still an automatic answer.
  const Reading ack = readText(
      reader,
      "Bonjour, j'ai envoyé mes justificatifs pour l'avenant le 4 mars, un accusé de réception "
      "m'est parvenu par courriel. Où en est mon dossier ?",
      Channel::kEmail);
  EXPECT_EQ(ack.intent, Intent::kStatusRequest);
  EXPECT_TRUE(ack.status_only);
  EXPECT_FALSE(readText(reader,
                        "Je vous adresse ce courrier en recommandé avec accusé de réception : où "
                        "en est mon dossier ?",
                        Channel::kEmail)
                   .status_only);
  // A threat reported in SMS spelling is not the writer's aggression.
  EXPECT_FALSE(
      readText(reader, "le voisin ma dit quil allait me casser la gueule si je parlais").aggressive);
}

// Round 6: the new request's topic is the message's intent, with either reader, unless the
// follow-up's problem became urgent or the message is a formal claim listing its damage.
TEST(ContactReaderTest, AFollowUpThenANewRequestTakesTheNewRequestsIntent) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading other = readText(
        reader,
        "oui bonjour c'est pour la baignoire euh on m'avait dit que le plombier rappellerait euh "
        "j'attends euh ah et euh le robinet du lavabo il goutte sans arrêt maintenant",
        Channel::kPhone);
    EXPECT_EQ(other.intent, Intent::kRepair);
    EXPECT_FALSE(other.status_only);
    // The same leak now running onto the meter: urgent, still the follow-up.
    const Reading urgent = readText(reader,
                                    "j'ai signalé hier la fuite du ballon, personne n'est venu. "
                                    "depuis cette nuit l'eau coule sur le compteur électrique",
                                    Channel::kWeb);
    EXPECT_TRUE(urgent.urgent);
    EXPECT_EQ(urgent.intent, Intent::kStatusRequest);
    // A claim listing the damage of its file ("un matelas que j'ai dû jeter" is no dumped item).
    const Reading claim = readText(
        reader,
        "Madame, Monsieur, je reviens vers vous au sujet de mon dossier de dégât des eaux "
        "enregistré en janvier. En revanche, l'eau a abîmé le parquet de la chambre et un "
        "matelas que j'ai dû jeter. L'expert devait passer et je n'ai toujours aucune nouvelle. "
        "Je vous demande une indemnisation.",
        Channel::kEmail);
    EXPECT_EQ(claim.intent, Intent::kStatusRequest);
    EXPECT_FALSE(claim.status_only);
    // Asking for a manager after a follow-up is no request of its own ('other').
    const Reading manager =
        readText(reader,
                 "ça fait trois fois que j'appelle pour le radiateur et on me rappelle jamais. je "
                 "veux qu'un responsable me rappelle aujourd'hui",
                 Channel::kWeb);
    EXPECT_EQ(manager.intent, Intent::kStatusRequest);
    EXPECT_FALSE(manager.status_only);
  }
}

TEST(ContactReaderTest, HypotheticalCollapsesAndInsultsAfterBandeDe) {
  const ContactReader reader(lexiconOnly());
  EXPECT_FALSE(readText(reader, "le plafond fissuré, vous attendez qu'il tombe ?").urgent);
  EXPECT_FALSE(readText(reader,
                        "de la condensation se forme chaque matin sur les vitres et ruisselle "
                        "jusqu'au sol")
                   .urgent);
  EXPECT_TRUE(readText(reader, "l'eau ruisselle du plafond de la cuisine").urgent);
  EXPECT_EQ(readText(reader, "c'est pour la troisième fois pour le volet du salon").intent,
            Intent::kStatusRequest);
  EXPECT_TRUE(readText(reader, "le plafond de la cuisine vient de tomber sur la table").urgent);
  EXPECT_TRUE(readText(reader, "bande de charlots, ça fait un mois pour une ampoule").aggressive);
  EXPECT_FALSE(
      readText(reader, "vous êtes des incompétents, ça fait un mois pour une ampoule").aggressive);
  EXPECT_TRUE(readText(reader, "si personne répare demain je viens vous cogner").aggressive);
  EXPECT_FALSE(readText(reader, "si personne répare demain je viens vous voir à l'agence")
                   .aggressive);
  EXPECT_TRUE(
      readText(reader, "la prochaine fois je monte et je lui fais manger ses poubelles").aggressive);
}

// Round 7 (blind_12's misses): having somebody call is a call-back request; veiled threats
// worded "vous allez voir ce qui ..." / "va comprendre ce que ça fait"; a mail counted by its
// rank is a follow-up; a flood whose water is gone is past.
TEST(ContactReaderTest, HavingSomebodyCallIsACallBackRequest) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading r = readText(reader,
                               "Toujours aucune nouvelle pour le remplacement de la baignoire. "
                               "Merci de me faire rappeler par le technicien.",
                               Channel::kEmail);
    EXPECT_TRUE(r.asks_for_person);
    EXPECT_FALSE(r.status_only);
  }
}

TEST(ContactReaderTest, VeiledThreatsAboutWhatWillHappen) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader, "le chauffagiste est jamais venu, demain je passe et vous allez "
                                 "voir ce qui va arriver")
                    .aggressive);
    EXPECT_TRUE(readText(reader, "le concierge refuse de changer l'ampoule, celui-là il va "
                                 "comprendre ce que ça fait")
                    .aggressive);
    // Understanding something is no threat.
    EXPECT_FALSE(readText(reader, "j'espère que le voisin va comprendre ce que je lui ai "
                                  "expliqué pour le bruit")
                     .aggressive);
  }
}

TEST(ContactReaderTest, AMailCountedByItsRankIsAFollowUp) {
  const Reading r = readText(ContactReader(lexiconOnly()),
                             "Deuxième message pour le radiateur de la chambre.", Channel::kEmail);
  EXPECT_EQ(r.intent, Intent::kStatusRequest);
}

TEST(ContactReaderTest, AFloodWhoseWaterIsGoneIsPast) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading r = readText(reader,
                               "L'inondation du parking s'est résorbée dans la nuit, il faut "
                               "maintenant enlever la boue.",
                               Channel::kDigitalAgency);
    EXPECT_FALSE(r.urgent);
  }
}

// Round 8 (the categories of blind_13's misses): a negation does not reach across a comma.
TEST(ContactReaderTest, ANegationStopsAtAComma) {
  for (const ContactReader& reader : bothReaders()) {
    // "pas" before the comma belongs to "n'avance pas", after it to "pas à un robot".
    const Reading before = readText(reader,
                                    "Le dossier pour le volet roulant n'avance pas, pouvez-vous "
                                    "me rappeler demain matin ?",
                                    Channel::kEmail);
    EXPECT_TRUE(before.asks_for_person);
    EXPECT_FALSE(before.status_only);
    const Reading after = readText(reader,
                                   "Toujours rien pour la fuite du lavabo depuis un mois. Je "
                                   "voudrais parler à un conseiller, pas à un robot.",
                                   Channel::kDigitalAgency);
    EXPECT_TRUE(after.asks_for_person);
    EXPECT_FALSE(after.status_only);
    // Within a clause the negation still holds.
    EXPECT_FALSE(readText(reader,
                          "je ne veux pas être rappelé, où en est ma demande pour le "
                          "volet ?")
                     .asks_for_person);
  }
}

// A call back asked in other words is a request for a person; a promised call is a report.
TEST(ContactReaderTest, PhoningAndAPromisedCall) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading asks = readText(reader,
                                  "Toujours rien depuis mon appel du 4 mars pour la porte du "
                                  "placard. Merci de demander au menuisier de me téléphoner.",
                                  Channel::kEmail);
    EXPECT_TRUE(asks.asks_for_person);
    EXPECT_FALSE(asks.status_only);
    EXPECT_TRUE(readText(reader,
                         "c'est pour le dossier du carrelage euh quelqu'un peut me passer un "
                         "coup de fil euh ça bouge pas",
                         Channel::kPhone)
                    .asks_for_person);
    const Reading report = readText(reader,
                                    "bonjour euh le plombier devait m'appeler euh pour prendre "
                                    "rendez-vous pour le mitigeur euh j'ai jamais eu d'appel",
                                    Channel::kPhone);
    EXPECT_FALSE(report.asks_for_person);
    EXPECT_EQ(report.intent, Intent::kStatusRequest);
  }
}

// Veiled threats at staff (where they live, when they leave work, trouble promised), neighbours
// called pigs or savages, and threats the writer only reports.
TEST(ContactReaderTest, VeiledThreatsInsultsAtNeighboursAndReportedThreats) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "le gardien fait semblant de pas me voir, dites-lui qu'il va "
                         "avoir des problèmes, je sais où il habite")
                    .aggressive);
    EXPECT_TRUE(readText(reader, "encore leurs ordures dans l'escalier, ces cochons du troisième")
                    .aggressive);
    EXPECT_FALSE(readText(reader,
                          "le technicien devait venir pour la vmc, je sais pas à quelle "
                          "heure il passe")
                     .aggressive);
    EXPECT_FALSE(readText(reader, "ma fille a un cochon d'inde, est-ce autorisé dans le logement ?")
                     .aggressive);
    EXPECT_FALSE(readText(reader,
                          "le voisin du dessus a dit qu'il allait me casser les dents si "
                          "je me plaignais encore")
                     .aggressive);
  }
}

// A fire the firemen have put out is past, in its sentence and the ones just before; "personne
// n'a été blessé" is no injury; "ça continue" alone is a nuisance going on, not water.
TEST(ContactReaderTest, AFireTheFiremenPutOutIsPast) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_FALSE(readText(reader,
                          "Hier soir le local à vélos a pris feu. Les pompiers ont éteint le feu "
                          "en dix minutes et personne n'a été blessé. Il faudrait changer la "
                          "porte.",
                          Channel::kEmail)
                     .urgent);
    EXPECT_TRUE(readText(reader, "Le local à vélos a pris feu, les flammes montent !",
                         Channel::kDigitalAgency)
                    .urgent);
    EXPECT_FALSE(readText(reader,
                          "j'ai signalé la musique du voisin en mars, ça continue tous "
                          "les soirs, vous lui avez écrit ?")
                     .urgent);
  }
}

// Carbon monoxide told by its signs (a flame turned yellow, headaches with dizziness), none an
// emergency alone; somebody old nobody has seen for days and who does not answer the door.
TEST(ContactReaderTest, CarbonMonoxideBySignsAndANeighbourNobodyHasSeen) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "La flamme de mon chauffe-bain est devenue jaune. Depuis deux jours on a "
                         "des maux de tête et des vertiges.",
                         Channel::kEmail)
                    .urgent);
    EXPECT_FALSE(readText(reader,
                          "le bruit des travaux d'à côté me donne des maux de tête et des "
                          "vertiges")
                     .urgent);
    EXPECT_TRUE(readText(reader,
                         "mon voisin de 88 ans, on ne l'a pas vu depuis quatre jours et il ne "
                         "répond pas quand on frappe",
                         Channel::kPhone)
                    .urgent);
    EXPECT_FALSE(readText(reader,
                          "le voisin du 2e ne répond pas quand on sonne, sa musique est à "
                          "fond toute la nuit")
                     .urgent);
  }
}

// Intent cues: SMS spellings that glue the article on, vandalism and somebody else's vehicle
// (neighbourhood, whatever door they concern), a lost key (admin), a letter's closing formula
// (no follow-up), advice "recommandé" (no registered letter).
TEST(ContactReaderTest, IntentCuesOfRoundEight) {
  const ContactReader reader(lexiconOnly());
  EXPECT_EQ(readText(reader, "pas deau chaude depuis hier soir").intent, Intent::kRepair);
  EXPECT_EQ(readText(reader, "des graffitis sur toute la porte de l'ascenseur").intent,
            Intent::kNeighbourhood);
  EXPECT_EQ(readText(reader,
                     "un camion est garé devant la porte du garage depuis ce matin, on ne "
                     "peut plus sortir")
                .intent,
            Intent::kNeighbourhood);
  EXPECT_EQ(readText(reader,
                     "j'ai perdu la clé de ma boîte aux lettres, comment en avoir une "
                     "autre ?")
                .intent,
            Intent::kTenancyAdmin);
  EXPECT_EQ(readText(reader,
                     "Bonjour, je souhaiterais étaler le paiement de ma régularisation de charges "
                     "en trois fois. Je vous remercie de l'attention que vous porterez à ma "
                     "demande.",
                     Channel::kEmail)
                .intent,
            Intent::kRentAndCharges);
  const Reading advice = readText(reader,
                                  "J'attends toujours le plombier pour l'évier, j'ai mis du "
                                  "vinaigre comme il me l'avait recommandé. Où en est ma demande ?",
                                  Channel::kEmail);
  EXPECT_EQ(advice.intent, Intent::kStatusRequest);
  EXPECT_TRUE(advice.status_only);
}

// Asking the landlord to intervene is more than asking where a request stands; a follow-up that
// says when the visit was due is still one follow-up.
TEST(ContactReaderTest, AskingToInterveneAndFollowUpsDatedInTheirOwnClause) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_FALSE(readText(reader,
                          "Ma demande pour le bruit des voisins du dessus date de janvier, "
                          "toujours rien. Je vous demande de bien vouloir intervenir auprès "
                          "d'eux.",
                          Channel::kEmail)
                     .status_only);
    const Reading dated = readText(reader,
                                   "le technicien devait venir ce matin pour le chauffe-eau, "
                                   "vous savez s'il vient toujours ?",
                                   Channel::kWeb);
    EXPECT_EQ(dated.intent, Intent::kStatusRequest);
    EXPECT_TRUE(dated.status_only);
  }
}

// Contacts counted by their rank are a follow-up; "un peu perdue" is confusion.
TEST(ContactReaderTest, ContactsCountedByRankAndConfusion) {
  const ContactReader lexicon(lexiconOnly());
  EXPECT_EQ(readText(lexicon, "c'est la 3e fois que je vous écris pour les volets").intent,
            Intent::kStatusRequest);
  EXPECT_TRUE(readText(lexicon,
                       "j'ai envoyé mon avis d'imposition, vous l'avez reçu ? je suis un "
                       "peu perdue, ça m'inquiète")
                  .reassurance_high);
}

// Waiting for someone to make them less cocky is a threat; an old neighbour's phone ringing
// unanswered is a worry now.
TEST(ContactReaderTest, WaitingForSomeoneAndAPhoneRingingUnanswered) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "si le plombier annule encore, je l'attends devant l'agence, il "
                         "fera moins le malin")
                    .aggressive);
    EXPECT_TRUE(readText(reader,
                         "ma voisine a 90 ans et son téléphone sonne dans le vide depuis "
                         "hier midi",
                         Channel::kPhone)
                    .urgent);
  }
}

TEST(ContactReaderTest, ContextRaisesReassurance) {
  const ContactReader reader;
  const std::string_view text = "où en est ma demande pour la fenêtre ?";
  const Reading alone = readText(reader, text);
  ReaderContext ctx;
  ctx.prior_contacts_same_case = 3;
  ctx.vulnerable = true;
  const Reading with_context = readText(reader, text, Channel::kWeb, ctx);
  EXPECT_GT(with_context.reassurance, alone.reassurance);
  EXPECT_TRUE(with_context.reassurance_high);
  EXPECT_TRUE(hasReason(with_context, "reassurance("));
}

TEST(ContactReaderTest, CaseRefIsTheIdentifierOnly) {
  const ContactReader reader;
  EXPECT_EQ(readText(reader, "Objet : dossier n° 2025/118734").case_ref, "2025/118734");
  EXPECT_EQ(readText(reader, "n° de locataire 0078134, ma demande a avancé ?").case_ref,
            std::nullopt);
}

TEST(ContactReaderTest, ConfiguredPatternsReplaceTheDefaults) {
  ReaderConfig config;
  config.case_ref_patterns = {"HLM-9{4}"};
  const ContactReader reader(config);
  EXPECT_EQ(readText(reader, "ma demande HLM-1234 et RC-2026-004512").case_ref, "HLM-1234");
}

TEST(ContactReaderTest, GistDropsBoilerplate) {
  const ContactReader reader;
  const Reading r = readText(reader,
                             "Objet : relance\n\nMadame, Monsieur,\n\nJe me permets de vous "
                             "écrire. Où en est ma demande de remplacement du volet ?\n\n"
                             "Veuillez agréer, Madame, Monsieur, mes salutations distinguées.\n\n"
                             "Jean Dupont",
                             Channel::kEmail);
  EXPECT_NE(r.gist.find("Où en est ma demande"), std::string::npos) << r.gist;
  EXPECT_EQ(r.gist.find("Madame"), std::string::npos) << r.gist;
  EXPECT_EQ(r.gist.find("Veuillez"), std::string::npos) << r.gist;
  EXPECT_EQ(r.gist.find("Dupont"), std::string::npos) << r.gist;
}

TEST(ContactReaderTest, GistDropsSpeechFillers) {
  const ContactReader reader;
  const Reading r =
      readText(reader, "oui bonjour euh le chauffe-eau euh il marche plus", Channel::kPhone);
  EXPECT_EQ(r.gist, "Le chauffe-eau il marche plus");
}

TEST(ContactReaderTest, SubjectIsRead) {
  const ContactReader reader;
  ReaderInput in;
  in.channel = Channel::kEmail;
  in.subject = "Odeur de gaz dans l'escalier";
  in.text = "Bonjour, merci de venir vite.";
  EXPECT_TRUE(reader.read(in).urgent);
}

// ----------------------------------------------------------------------------- robustness

void expectSane(const Reading& r) {
  EXPECT_LE(r.gist.size(), 200u);
  EXPECT_TRUE(isValidUtf8(r.gist));
  EXPECT_GE(r.urgency, 0);
  EXPECT_LE(r.urgency, 100);
  EXPECT_GE(r.reassurance, 0);
  EXPECT_LE(r.reassurance, 100);
  for (const std::string& reason : r.reasons) {
    EXPECT_TRUE(isValidUtf8(reason));
  }
  if (r.case_ref) {
    EXPECT_TRUE(isValidUtf8(*r.case_ref));
  }
}

TEST(ContactReaderTest, SurvivesBadInputs) {
  const ContactReader reader;
  std::vector<std::string> inputs = {
      "",
      "   \n\t  ",
      std::string("\xFF\xFE\xC3\x28\xE2\x82\xF0\x9F\x98", 9),
      std::string("\0\0\0fuite\0", 9),
      "<html><body><p>Fuite d&apos;eau <b>urgente</b></p><script>x</script></body></html>",
      "<<<<>>>>&&&&;;;;",
      "🙂🙂🙂 😡😡 !!!",
      "........!!!!!????",
  };
  std::string repeated;
  while (repeated.size() < 64 * 1024) {
    repeated += "fuite ";
  }
  inputs.push_back(repeated);
  inputs.push_back(std::string(64 * 1024, 'a'));
  inputs.push_back(std::string(100 * 1024, '<'));
  std::string many_sentences;
  while (many_sentences.size() < 64 * 1024) {
    many_sentences += "Bonjour. Merci. ";
  }
  inputs.push_back(many_sentences);
  for (const std::string& in : inputs) {
    const Reading r = readText(reader, in);
    expectSane(r);
  }
  EXPECT_EQ(readText(reader, "").intent, Intent::kOther);
  EXPECT_EQ(readText(reader, "").gist, "");
}

TEST(ContactReaderTest, RandomBytesNeverCrashAndAreDeterministic) {
  const ContactReader reader;
  std::mt19937 rng(20260601);
  const std::string_view alphabet =
      "abcdefghijklmnopqrstuvwxyz éèàç'.,!?\n<>&;#0123456789RC-/ euh fuite gaz";
  for (int iter = 0; iter < 2000; ++iter) {
    std::string s;
    const int len = static_cast<int>(rng() % 600);
    for (int k = 0; k < len; ++k) {
      if (rng() % 3 == 0) {
        s.push_back(static_cast<char>(rng() % 256));
      } else {
        s.push_back(alphabet[rng() % alphabet.size()]);
      }
    }
    const Reading a = readText(reader, s);
    expectSane(a);
    const Reading b = readText(reader, s);
    EXPECT_EQ(a.intent, b.intent);
    EXPECT_EQ(a.urgency, b.urgency);
    EXPECT_EQ(a.reassurance, b.reassurance);
    EXPECT_EQ(a.gist, b.gist);
    EXPECT_EQ(a.reasons, b.reasons);
    EXPECT_EQ(a.case_ref, b.case_ref);
  }
}

TEST(ContactReaderTest, LongGistIsCutOnACharacterBoundary) {
  const ContactReader reader;
  std::string text = "Où en est ma demande pour la fenêtre ";
  for (int i = 0; i < 40; ++i) {
    text += "éèà ";
  }
  const Reading r = readText(reader, text);
  EXPECT_LE(r.gist.size(), 200u);
  EXPECT_TRUE(isValidUtf8(r.gist));
}

// Round 9 (the categories of blind_15's first-pass misses): a call back asked in SMS spelling
// ("kun conseiller me tel"), in English ("give me a call", "someone who speaks English") or as
// "quelqu'un de ... pourrait me recontacter" asks for a person; a promised call stays a report.
TEST(ContactReaderTest, CallBacksInSmsSpellingEnglishAndRecontacter) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading sms = readText(reader,
                                 "slt c pr le dossier du store, jaimerai kun technicien me tel "
                                 "demain apres 17h",
                                 Channel::kWeb);
    EXPECT_TRUE(sms.asks_for_person);
    EXPECT_FALSE(sms.status_only);
    const Reading english = readText(reader,
                                     "Hi, the plumber never came for the leaking tap (ticket "
                                     "RC-2026-000412). Can somebody who speaks Spanish give me "
                                     "a ring?",
                                     Channel::kEmail);
    EXPECT_TRUE(english.asks_for_person);
    EXPECT_FALSE(english.status_only);
    const Reading recontact = readText(reader,
                                       "toujours pas de nouvelles du remboursement du dépôt de "
                                       "garantie, quelqu'un du service contentieux pourrait-il me "
                                       "recontacter ?",
                                       Channel::kDigitalAgency);
    EXPECT_TRUE(recontact.asks_for_person);
    EXPECT_FALSE(recontact.status_only);
    EXPECT_FALSE(readText(reader,
                          "la conseillère devait vérifier mon solde et me recontacter, je n'ai "
                          "rien reçu, où en est-on ?",
                          Channel::kEmail)
                     .asks_for_person);
  }
}

// Round 10 (frames of a call back or a meeting that round 9's words did not cover, found by
// probes written before blind_16 was scored): SMS "rapl moi", "merci de me contacter au ...",
// "être reçu(e) en agence", "me passer quelqu'un du service ...". A call promised in the
// conditional ("qu'un conseiller me recontacterait") is a report, and "n'hésitez pas à me
// contacter" closes a letter without asking for anything.
TEST(ContactReaderTest, CallBackAndMeetingFramesOfRoundTen) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading sms =
        readText(reader, "rapl moi stp pr le remboursement du trop percu, tjs rien", Channel::kWeb);
    EXPECT_TRUE(sms.asks_for_person);
    EXPECT_FALSE(sms.status_only);
    const Reading contact = readText(reader,
                                     "Toujours rien concernant ma demande RC-2026-000731. Merci "
                                     "de me contacter au 07 11 22 33 44.",
                                     Channel::kEmail);
    EXPECT_TRUE(contact.asks_for_person);
    EXPECT_FALSE(contact.status_only);
    const Reading received = readText(reader,
                                      "je voudrais être reçue en agence pour parler de ma "
                                      "demande de mutation qui n'avance pas",
                                      Channel::kDigitalAgency);
    EXPECT_TRUE(received.asks_for_person);
    EXPECT_FALSE(received.status_only);
    const Reading transfer = readText(reader,
                                      "oui bonjour c est pour savoir ou en est mon dossier euh "
                                      "vous pouvez me passer quelqu un de la comptabilite",
                                      Channel::kPhone);
    EXPECT_TRUE(transfer.asks_for_person);
    EXPECT_FALSE(transfer.status_only);
    EXPECT_FALSE(readText(reader,
                          "on m'a dit qu'un conseiller me recontacterait, j'attends toujours "
                          "pour la chaudière",
                          Channel::kEmail)
                     .asks_for_person);
    EXPECT_FALSE(readText(reader,
                          "Bonjour, où en est ma demande de mutation ? N'hésitez pas à me "
                          "contacter au 06 98 76 54 32 si besoin.",
                          Channel::kEmail)
                     .asks_for_person);
  }
}

// A letter asking the landlord for a document or to re-examine a decision ("de bien vouloir
// m'adresser une attestation", "de bien vouloir réexaminer le calcul") makes a new request, not
// a follow-up, whatever its narrative says about a file; the request's topic is the intent. A
// follow-up asking to be sent the date of a visit stays one.
TEST(ContactReaderTest, ALetterAskingForADocumentOrAReviewIsANewRequest) {
  const std::string certificate =
      "Objet : attestation de domicile\n\nMadame, Monsieur,\n\nLocataire depuis 2019, je "
      "constitue un dossier de demande de naturalisation auprès de la préfecture, qui doit "
      "être complet avant la fin du mois. Le dossier exige un document récent signé par le "
      "bailleur. Je vous serais reconnaissante de bien vouloir me faire parvenir une "
      "attestation de domicile dans les meilleurs délais.\n\nJe vous prie d'agréer, Madame, "
      "Monsieur, mes salutations distinguées.";
  const std::string review =
      "Madame, Monsieur,\n\nSuite à votre courrier, mon loyer a augmenté de 40 euros pour la "
      "première fois depuis mon entrée dans les lieux. Mes revenus n'ont pas été pris en compte "
      "dans le délai. Je vous saurais gré de bien vouloir réexaminer le calcul de ce montant au "
      "vu de ma situation.\n\nCordialement.";
  for (const ContactReader& reader : bothReaders()) {
    const Reading c = readText(reader, certificate, Channel::kEmail);
    EXPECT_FALSE(c.status_only);
    EXPECT_EQ(c.intent, Intent::kTenancyAdmin);
    const Reading r = readText(reader, review, Channel::kEmail);
    EXPECT_FALSE(r.status_only);
    EXPECT_EQ(r.intent, Intent::kRentAndCharges);
  }
  const Reading date = readText(ContactReader(lexiconOnly()),
                                "Le plombier devait passer pour le ballon, toujours personne. "
                                "Merci de m'envoyer la date du prochain passage.",
                                Channel::kEmail);
  EXPECT_EQ(date.intent, Intent::kStatusRequest);
  EXPECT_TRUE(date.status_only);
}

// Round 12: a document sent with the message itself ("ci-joint", "en pièce jointe", "je vous
// joins", "je vous transmets mon avis d'imposition", "please find attached") makes a new
// submission that somebody has to file, even when it asks to confirm receipt. A document sent
// earlier, a re-sending, a message that only sends itself and a closing formula stay what they
// were.
TEST(ContactReaderTest, ADocumentSentWithTheMessageIsANewSubmission) {
  const std::string_view sent_now[] = {
      "Bonjour, suite à mon changement de banque je vous transmets mon nouveau RIB en pièce "
      "jointe. Pouvez-vous me confirmer que c'est pris en compte pour le prochain prélèvement ?",
      "bonjour je vous envoie mon nouveau rib en piece jointe pour le prelevement du loyer, vous "
      "pouvez me confirmer que cest pris en compte",
      "Bonjour, nous attendons un bébé pour juin. Je vous joins le certificat de grossesse pour "
      "la mise à jour de notre dossier. Merci de me confirmer que c'est enregistré.",
      "Bonjour, je vous transmets ci-joint le mandat de prélèvement signé. Est-ce que ce sera "
      "pris en compte dès le mois prochain ?",
  };
  for (const ContactReader& reader : bothReaders()) {
    for (const std::string_view text : sent_now) {
      const Reading r = readText(reader, text, Channel::kEmail);
      EXPECT_FALSE(r.status_only) << text;
    }
  }
  const Reading sent_before = readText(ContactReader(lexiconOnly()),
                                       "Bonjour, je vous ai envoyé mon RIB la semaine dernière "
                                       "pour le prélèvement, vous l'avez bien reçu ?",
                                       Channel::kEmail);
  EXPECT_TRUE(sent_before.status_only);
  const Reading itself = readText(ContactReader(lexiconOnly()),
                                  "Je vous envoie ce message pour savoir où en est ma demande "
                                  "de mutation déposée en janvier.",
                                  Channel::kEmail);
  EXPECT_TRUE(itself.status_only);
  const Reading resent = readText(ContactReader(lexiconOnly()),
                                  "Comme convenu je vous renvoie la photo du placard. Le "
                                  "menuisier passe toujours jeudi ?",
                                  Channel::kEmail);
  EXPECT_TRUE(resent.status_only);
  const Reading closing = readText(
      ContactReader(lexiconOnly()),
      "Madame, Monsieur,\n\nPourriez-vous m'indiquer où en est ma demande de remplacement de "
      "la baignoire, déposée en février ?\n\nDans l'attente, je vous adresse, Madame, "
      "Monsieur, mes salutations distinguées.",
      Channel::kEmail);
  EXPECT_TRUE(closing.status_only);
}

// Round 13: a threat to kill reported by the person threatened ("il crie qu'il va me tuer") is
// safety at stake now, and stays the reporter's fear, not aggression. "Con" as a noun ("un
// con", "tête de con") is an insult and "je le fous par la fenêtre" a threat; "c'est con" is
// neither.
TEST(ContactReaderTest, AThreatToKillReportedIsUrgentAndConAsANounIsAnInsult) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading ex = readText(reader,
                                "Mon ex est en bas de l'immeuble, il hurle qu'il va me tuer, "
                                "j'ai peur, je suis seule avec ma fille",
                                Channel::kWeb);
    EXPECT_TRUE(ex.urgent);
    EXPECT_FALSE(ex.aggressive);
    EXPECT_TRUE(readText(reader,
                         "le voisin du dessus menace de nous tuer depuis ce matin et il tape "
                         "dans notre porte",
                         Channel::kDigitalAgency)
                    .urgent);
    EXPECT_TRUE(readText(reader, "Votre gardien est un con fini, il m'a ri au nez.",
                         Channel::kEmail)
                    .aggressive);
    EXPECT_TRUE(
        readText(reader, "la tête de con de l'accueil m'a encore raccroché au nez").aggressive);
    EXPECT_TRUE(readText(reader,
                         "si le plombier revient faire le malin je le fous par la fenêtre",
                         Channel::kDigitalAgency)
                    .aggressive);
    EXPECT_FALSE(readText(reader, "c'est con, j'ai oublié mon badge au travail, vous pouvez "
                                  "m'ouvrir le local vélo ?",
                          Channel::kDigitalAgency)
                     .aggressive);
  }
}

// Round 14: whether and when an office is open is a general question, not a follow-up, however
// it is opened ("je voulais savoir ..."). The landlord's acknowledgment of receipt is no formal
// notice, only a letter sent "avec accusé de réception" is; a call promised "pour prendre
// rendez-vous" asks for nobody.
TEST(ContactReaderTest, OpeningHoursAcknowledgmentsAndPromisedCallsOfRoundFourteen) {
  const std::string_view opening[] = {
      "oui bonjour euh je voulais savoir euh la loge du gardien elle est ouverte le mercredi "
      "après-midi ou pas euh parce que moi je travaille toute la journée",
      "bonjour euh je voulais savoir euh votre agence euh elle ouvre à quelle heure le lundi euh",
      "bonjour je voulais savoir si l agence est ouverte le samedi matin car je travaille en "
      "semaine",
  };
  for (const ContactReader& reader : bothReaders()) {
    for (const std::string_view text : opening) {
      EXPECT_FALSE(readText(reader, text, Channel::kPhone).status_only) << text;
    }
    EXPECT_TRUE(readText(reader,
                         "Bonjour, j'ai une réclamation en cours pour le chauffage "
                         "(REC-2026-0410). Je n'ai reçu qu'un accusé de réception il y a un "
                         "mois. Où en est-elle ?",
                         Channel::kEmail)
                    .status_only);
    EXPECT_FALSE(readText(reader,
                          "Je vous ai adressé un courrier avec accusé de réception le 2 mars "
                          "pour ma demande de mutation, sans réponse. Où en est-elle ?",
                          Channel::kEmail)
                     .status_only);
    EXPECT_TRUE(readText(reader,
                         "oui bonjour euh j'avais signalé la porte du garage euh on m'avait dit "
                         "que l'entreprise allait m'appeler pour prendre rendez-vous euh et "
                         "toujours rien euh c'est pour savoir quand ils viennent",
                         Channel::kPhone)
                    .status_only);
  }
}

// Round 15: a window broken in a break-in that leaves the home open to "n'importe qui" is the
// door that cannot lock after a break-in; an elderly neighbour "on ne voit plus", with the fear
// "qu'il lui soit arrivé quelque chose", is somebody vulnerable nobody has seen. A window a
// child broke playing is neither.
TEST(ContactReaderTest, AnOpenHomeAfterABreakInAndANeighbourNobodySeesOfRoundFifteen) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "Des cambrioleurs ont cassé la vitre de la cuisine cette nuit, on est "
                         "au premier et n'importe qui peut rentrer maintenant.",
                         Channel::kDigitalAgency)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "Cette nuit on a cassé la vitre de notre baie vitrée, tout le monde "
                         "peut entrer, on a dormi chez ma soeur",
                         Channel::kEmail)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "ma voisine du troisième elle a 88 ans on la voit plus depuis la semaine "
                         "dernière euh j'ai peur qu'il lui soit arrivé quelque chose",
                         Channel::kPhone)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "bonjour le monsieur du cinquième il est âgé il vit tout seul et on le "
                         "voit plus depuis des jours euh ça sent mauvais sur le palier",
                         Channel::kPhone)
                    .urgent);
    EXPECT_FALSE(readText(reader,
                          "Mon fils a cassé la vitre de sa chambre avec un ballon, pouvez-vous "
                          "envoyer un vitrier ?",
                          Channel::kEmail)
                     .urgent);
  }
}

// Round 16: a letter announcing that somebody comes to live in the home ("elle viendrait vivre
// chez moi", "je souhaiterais l'héberger") asks what to do about a new situation, not where a
// file stands; a named person or an interview asked for ("je voudrais parler à monsieur X",
// "je sollicite un entretien avec") is a person asked for; "gros fainéants" and "lui faire
// bouffer" are an insult and a threat; blows heard next door with the fear "qu'il lui fasse du
// mal", and an elderly neighbour who "répond pas quand je sonne" feared "tombée", are urgent.
TEST(ContactReaderTest, AHouseholdChangeANamedPersonAndHeardViolenceOfRoundSixteen) {
  const std::string letter =
      "Objet : Accueil de ma mère à mon domicile\n\nMadame, Monsieur,\n\nLocataire depuis "
      "2011 d'un appartement de type 3 dans votre résidence des Acacias, je me permets de vous "
      "écrire afin de vous tenir informés d'un changement qui interviendra prochainement dans "
      "mon foyer, et de solliciter vos conseils.\n\nMa mère, âgée de quatre-vingt-deux ans, a "
      "récemment perdu son époux et ne peut plus demeurer seule dans sa maison. Après en avoir "
      "longuement discuté en famille, nous avons décidé qu'elle viendrait vivre chez moi dès le "
      "mois de mars. Mon logement dispose d'une chambre libre, de sorte que son arrivée ne "
      "posera aucune difficulté d'occupation.\n\nJe souhaiterais donc savoir si je dois vous "
      "déclarer sa présence, quelles pièces vous transmettre, et si cela peut avoir une "
      "incidence sur mon loyer ou sur l'aide au logement que je perçois.\n\nJe vous remercie "
      "par avance de votre attention et vous prie d'agréer, Madame, Monsieur, l'expression de "
      "mes salutations distinguées.\n\nNadia Ferrand";
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_FALSE(readText(reader, letter, Channel::kEmail).status_only);
    EXPECT_TRUE(readText(reader,
                         "oui bonjour euh je voudrais parler à monsieur bernard du service "
                         "contentieux euh c'est pour mon échéancier",
                         Channel::kPhone)
                    .asks_for_person);
    EXPECT_TRUE(readText(reader,
                         "Bonjour, je sollicite un entretien avec la conseillère sociale au "
                         "sujet de ma demande de mutation déposée l'an dernier. Cordialement",
                         Channel::kEmail)
                    .asks_for_person);
    EXPECT_TRUE(readText(reader,
                         "dites à ces gros fainéants de l'entreprise de venir bosser au lieu de "
                         "boire des cafés dans le hall",
                         Channel::kDigitalAgency)
                    .aggressive);
    EXPECT_TRUE(readText(reader,
                         "ma voisine de 87 ans elle répond pas quand je sonne depuis hier et ses "
                         "volets sont fermés j'ai peur qu'elle soit tombée",
                         Channel::kPhone)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "j'entends le voisin hurler sur sa femme et des bruits de coups, j'ai "
                         "peur qu'il lui fasse du mal",
                         Channel::kWeb)
                    .urgent);
  }
  // Review after round 17: the office must be in the clause that asks, and a stay in the past
  // ("j'ai été hébergé") announces nobody.
  for (const std::string_view text :
       {"J'ai appelé l'agence, ils ont ouvert un dossier pour ma fenêtre. Où en est-il ?",
        "J'ai été hébergé à l'hôtel pendant les travaux de ma salle de bain, où en est le "
        "dossier de remboursement ?"}) {
    const Reading r = readText(ContactReader(lexiconOnly()), text, Channel::kEmail);
    for (const std::string& reason : r.reasons) {
      EXPECT_EQ(reason.find("office is open"), std::string::npos) << text;
      EXPECT_EQ(reason.find("coming to live"), std::string::npos) << text;
    }
  }
  const Reading relance = readText(ContactReader(lexiconOnly()),
                                   "Bonjour, ma demande d'hébergement de ma mère (dossier "
                                   "2025/140388) est-elle acceptée ? Je n'ai pas de nouvelles "
                                   "depuis janvier.",
                                   Channel::kEmail);
  EXPECT_TRUE(relance.status_only);
}

// Round 17: a fight heard next door now ("ça crie ça tape", "une femme qui hurle"), toilets
// "qui débordent" and a stone thrown through a window that no longer closes are urgent; a
// party's noise and a bin room's broken pane are not.
TEST(ContactReaderTest, AFightHeardOverflowingToiletsAndAStoneOfRoundSeventeen) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "allo euh au dessus de chez moi euh ça crie ça tape euh on entend une "
                         "femme qui hurle euh là maintenant euh je sais pas quoi faire",
                         Channel::kPhone)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "oui bonjour euh les toilettes qui débordent depuis cette nuit euh et ça "
                         "ressort aussi par la douche euh c'est partout",
                         Channel::kPhone)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "allo euh quelqu'un a lancé un caillou dans la baie vitrée du salon "
                         "cette nuit euh y a un trou euh on peut pas la fermer",
                         Channel::kPhone)
                    .urgent);
    EXPECT_FALSE(readText(reader,
                          "les voisins font la fete tous les samedis, ça crie, ça chante jusqu a "
                          "3h du matin",
                          Channel::kWeb)
                     .urgent);
    EXPECT_FALSE(readText(reader,
                          "bonjour euh on a cassé la vitre de la porte du local poubelles euh "
                          "faudrait la changer",
                          Channel::kPhone)
                     .urgent);
  }
}

// Insults at staff after "espèce de" ("espèce de vieux grincheux aigri", "une vraie harpie"),
// veiled threats that a person "a intérêt à ne plus" come back or that the writer "ne répond
// plus de rien", and damage promised "un de ces soirs". "Une espèce de tache", "un de ces jours"
// alone are no threat.
TEST(ContactReaderTest, InsultsAfterEspeceDeAndVeiledThreatsOfRoundNine) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "Le gardien m'a répondu sans même lever les yeux, espèce de vieux "
                         "grincheux aigri.",
                         Channel::kEmail)
                    .aggressive);
    EXPECT_TRUE(readText(reader, "la dame de l'accueil est une vraie harpie avec les locataires")
                    .aggressive);
    EXPECT_TRUE(readText(reader,
                         "Dites à votre électricien qu'il a intérêt à ne pas remettre les pieds "
                         "dans mon immeuble.",
                         Channel::kDigitalAgency)
                    .aggressive);
    EXPECT_TRUE(readText(reader, "encore un rendez-vous annulé, la prochaine fois je ne réponds "
                                 "plus de rien")
                    .aggressive);
    EXPECT_TRUE(readText(reader,
                         "le voisin se gare sur ma place, un de ces soirs sa voiture aura plus de "
                         "roues",
                         Channel::kPhone)
                    .aggressive);
    EXPECT_FALSE(readText(reader, "il y a une espèce de tache noire au plafond de la chambre")
                     .aggressive);
    EXPECT_FALSE(readText(reader, "si quelqu'un peut passer un de ces jours pour le joint, merci")
                     .aggressive);
  }
}

// Carbon monoxide by its signs: headaches with soot or black marks by the boiler or water
// heater, or with vomiting; black marks elsewhere are damp and one sign alone is no emergency.
// A fire the firemen already came for is past, and so is the smell it left ("ça sent encore la
// fumée"); a new danger told after it is not.
TEST(ContactReaderTest, CarbonMonoxideBySootAndVomitingAndAFireTheFiremenCameFor) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "depuis qu'on a remis le chauffe-eau en route on a tous mal à la tête, "
                         "et il y a de la suie autour du chauffe-eau",
                         Channel::kPhone)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "Le chauffe-bain fait des traces noires au plafond. Depuis hier ma "
                         "femme a des maux de tête et ma fille a vomi deux fois.",
                         Channel::kDigitalAgency)
                    .urgent);
    EXPECT_FALSE(readText(reader,
                          "il y a des traces noires au-dessus de la fenêtre de la chambre, c'est "
                          "de la moisissure ?")
                     .urgent);
    EXPECT_FALSE(readText(reader, "mon fils a vomi dans l'ascenseur, désolée, pouvez-vous "
                                  "prévenir l'agent d'entretien ?")
                     .urgent);
    EXPECT_FALSE(readText(reader,
                          "Cette nuit quelqu'un a brûlé un scooter au parking, les pompiers "
                          "sont venus. Ce matin ça sent encore la fumée dans la cage "
                          "d'escalier.",
                          Channel::kDigitalAgency)
                     .urgent);
    EXPECT_TRUE(readText(reader,
                         "Les pompiers sont venus la semaine dernière pour la cave. Là ça sent "
                         "le gaz très fort dans ma cuisine.",
                         Channel::kDigitalAgency)
                    .urgent);
  }
}

// A lift out of order is urgent for somebody elderly, ill or disabled stuck upstairs, not for a
// pregnancy alone (which still makes no heating urgent).
TEST(ContactReaderTest, ALiftOutOfOrderWithAPregnancyAloneIsNotUrgent) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading lift = readText(reader,
                                  "je suis enceinte de sept mois, l'ascenseur ne marche plus "
                                  "depuis lundi et j'habite au neuvième",
                                  Channel::kWeb);
    EXPECT_FALSE(lift.urgent);
    EXPECT_TRUE(readText(reader,
                         "mon mari est en fauteuil roulant et l'ascenseur est en panne depuis "
                         "trois jours, il ne peut plus sortir",
                         Channel::kWeb)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "je suis enceinte de sept mois et plus de chauffage depuis hier, il fait "
                         "13 degrés",
                         Channel::kWeb)
                    .urgent);
  }
}

// A reference prefixed "PK" (a parking request) is no SMS "pourquoi": the follow-up asks no
// other question.
TEST(ContactReaderTest, AReferencePrefixedPkIsNoWhyQuestion) {
  for (const ContactReader& reader : bothReaders()) {
    const Reading r = readText(reader,
                               "Bonjour, je relance pour ma demande de box PK-2025-1187 déposée "
                               "en mars, je n'ai eu aucun retour. Où en est-elle ?",
                               Channel::kEmail);
    EXPECT_EQ(r.intent, Intent::kStatusRequest);
    EXPECT_TRUE(r.status_only);
  }
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "jattend tjs le plombier, pk personne vient ??")
                   .status_only);
}

// Intent cues of round 9: booking the common room is `other`; a cistern that will not stop
// running is a repair even when it is noisy at night.
TEST(ContactReaderTest, IntentCuesOfRoundNine) {
  const ContactReader reader(lexiconOnly());
  EXPECT_EQ(readText(reader, "est-il possible de réserver la salle commune pour un baptême ?")
                .intent,
            Intent::kOther);
  // Somebody who will not come to stay with the writer is no technician who did not come.
  EXPECT_EQ(readText(reader,
                     "ma mère de 90 ans n'a plus de chauffage depuis dimanche, elle veut pas "
                     "venir chez nous",
                     Channel::kPhone)
                .intent,
            Intent::kRepair);
  EXPECT_EQ(readText(reader,
                     "je voulais savoir quand le menuisier repasse pour le placard, et aussi "
                     "depuis hier la chasse d'eau n'arrête pas de couler, ça fait du bruit toute "
                     "la nuit",
                     Channel::kPhone)
                .intent,
            Intent::kRepair);
}

// Reassurance: "on en peut plus" (spoken, without "n'"), confusion told as "je m'y perds", and
// young children named by their ages ("mes petits de 2 et 4 ans").
TEST(ContactReaderTest, ReassuranceCuesOfRoundNine) {
  const ContactReader reader(lexiconOnly());
  EXPECT_TRUE(readText(reader,
                       "les voisins du dessous font la fête jusqu'à 4h du matin tous les "
                       "week-ends euh on en peut plus",
                       Channel::kPhone)
                  .reassurance_high);
  EXPECT_TRUE(readText(reader,
                       "je m'y perds avec tous ces courriers sur mon APL, quelqu'un peut-il "
                       "m'appeler ?",
                       Channel::kDigitalAgency)
                  .reassurance_high);
  EXPECT_TRUE(readText(reader,
                       "plus d'eau chaude depuis trois jours, j'ai mes petits de 2 et 4 ans à "
                       "laver",
                       Channel::kWeb)
                  .reassurance_high);
}

// Round 11: a follow-up that asks the landlord to act (a visit to see or check, somebody sent,
// a new slot offered, an explanation by phone) gets no automatic answer; a question about when
// the promised visit happens stays a follow-up.
TEST(ContactReaderTest, AFollowUpAskingForAnActionGetsNoAutomaticAnswer) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_FALSE(readText(reader,
                          "Le plombier devait venir mardi pour l'évier du dossier RC-2026-001874, "
                          "toujours personne. Vous pourriez passer vérifier cette semaine ?",
                          Channel::kEmail)
                     .status_only);
    EXPECT_FALSE(readText(reader,
                          "c est encore pour la porte du placard dossier 2026 004411 euh le "
                          "monsieur a rien fait euh faudrait qu on m envoie un autre artisan",
                          Channel::kPhone)
                     .status_only);
    EXPECT_FALSE(readText(reader,
                          "L'entreprise a annulé le rendez-vous de jeudi pour la VMC "
                          "(INT-2026-00977). Pouvez-vous me programmer un nouveau passage ?",
                          Channel::kDigitalAgency)
                     .status_only);
    EXPECT_FALSE(readText(reader,
                          "bonjour je vous appelle encore pour ma demande d'échange de logement "
                          "euh c'est marqué en attente depuis janvier euh j'aimerais bien qu'on "
                          "m'explique tout ça par téléphone",
                          Channel::kPhone)
                     .status_only);
  }
  const ContactReader reader(lexiconOnly());
  const Reading when = readText(reader,
                                "Bonjour, le technicien devait passer pour la VMC (INT-2026-00412). "
                                "Il peut venir quand finalement ?",
                                Channel::kEmail);
  EXPECT_EQ(when.intent, Intent::kStatusRequest);
  EXPECT_TRUE(when.status_only);
  const Reading promised = readText(reader,
                                    "Bonjour, vous deviez m'envoyer un technicien pour la VMC "
                                    "(INT-2026-00518), où en est-on ?",
                                    Channel::kEmail);
  EXPECT_EQ(promised.intent, Intent::kStatusRequest);
  EXPECT_TRUE(promised.status_only);
}

// Round 11: the document-or-review rule also reads a document wished for ("c'est ce document
// que nous voudrions obtenir"), and an attestation asked for is tenancy admin even when what it
// certifies is the rent. The landlord's acknowledgment quoted by its reference is no registered
// letter.
TEST(ContactReaderTest, ADocumentWishedForAndTheLandlordsAcknowledgment) {
  const std::string letter =
      "Objet : justificatif pour un prêt\n\nMadame, Monsieur,\n\nLocataires depuis 2012 "
      "(contrat n° 2012-04-00917), nous préparons l'achat d'un petit logement. Le dossier que "
      "nous avons déposé auprès de la banque reste en attente : il ne sera étudié qu'une fois "
      "toutes les pièces reçues. Il y manque une attestation du bailleur indiquant que nos "
      "loyers et nos charges sont réglés sans retard, par prélèvement, depuis notre arrivée. "
      "C'est ce document que nous voudrions obtenir de votre part, par courriel si possible."
      "\n\nNous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.";
  for (const ContactReader& reader : bothReaders()) {
    const Reading r = readText(reader, letter, Channel::kEmail);
    EXPECT_FALSE(r.status_only);
    EXPECT_EQ(r.intent, Intent::kTenancyAdmin);
  }
  const Reading ack = readText(ContactReader(lexiconOnly()),
                               "Bonjour, j'ai envoyé mon nouveau RIB le 3 mars. Le courrier "
                               "d'accusé de réception porte la référence RIB/2026/0456. "
                               "Pourriez-vous me dire s'il a été pris en compte ?",
                               Channel::kEmail);
  EXPECT_EQ(ack.intent, Intent::kStatusRequest);
  EXPECT_TRUE(ack.status_only);
}

// Round 11: a threat that somebody will not leave on their own feet, and luck that the writer
// is far away with the hint spelt out; "j'ai de la chance que" is no threat.
TEST(ContactReaderTest, VeiledThreatsOfRoundEleven) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "si votre gardien me reparle sur ce ton il ressortira pas entier de "
                         "chez moi",
                         Channel::kPhone)
                    .aggressive);
    EXPECT_TRUE(readText(reader,
                         "Votre comptable a de la chance que je sois en déplacement cette "
                         "semaine. Vous voyez ce que je veux dire.",
                         Channel::kDigitalAgency)
                    .aggressive);
  }
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "J'ai de la chance que ma voisine m'aide pour les courses, vous voyez "
                        "ce que je veux dire, l'ascenseur est en panne.",
                        Channel::kEmail)
                   .aggressive);
}

// Round 11: no power in the home told by what no longer works (the appliances listed, a
// breaker that will not go back up), and a door forced in English that no longer closes. A
// hall door that does not close without a break-in is no emergency.
TEST(ContactReaderTest, NoPowerByItsEffectsAndAForcedDoorInEnglish) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "bonsoir euh plus rien ne marche chez moi euh ni la télé ni le frigo "
                         "euh le disjoncteur il remonte pas",
                         Channel::kPhone)
                    .urgent);
    EXPECT_TRUE(readText(reader,
                         "Somebody forced the door of my flat while I was at work, it does not "
                         "close anymore.",
                         Channel::kDigitalAgency)
                    .urgent);
  }
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "The hall door doesn't close properly since last week, could you "
                        "have a look?",
                        Channel::kWeb)
                   .urgent);
}

// Round 11: a leak "définitivement réparée" and what keeps happening ("l'ascenseur tombe
// souvent en panne", "il m'est arrivé de rester bloquée") are past or habitual, no emergency now.
TEST(ContactReaderTest, RepairsToldWithAnAdverbAndHabitsAreNotEmergencies) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_FALSE(readText(reader,
                          "Dossier dégât des eaux : la fuite a été définitivement réparée par "
                          "votre plombier mais les murs sont encore humides, qui paie la peinture ?",
                          Channel::kEmail)
                     .urgent);
    EXPECT_FALSE(readText(reader,
                          "Je suis en fauteuil roulant et l'ascenseur tombe souvent en panne, il "
                          "m'est arrivé de rester bloquée chez moi deux jours. Où en est ma "
                          "demande de mutation ?",
                          Channel::kEmail)
                     .urgent);
  }
}

// Round 11: thanks to a member of staff named by who they are, for help with a file, are other
// for the lexicon (the model may still read "dossier" as a follow-up) and get no automatic answer.
TEST(ContactReaderTest, ThanksToStaffNamedByWhoTheyAreAreOther) {
  const std::string thanks =
      "merci à la conseillère de l'agence du centre, elle a pris le temps de m'aider pour mon "
      "dossier APL";
  EXPECT_EQ(readText(ContactReader(lexiconOnly()), thanks, Channel::kWeb).intent, Intent::kOther);
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_FALSE(readText(reader, thanks, Channel::kWeb).status_only);
  }
}

// Round 11: a contract number with a reference's shape ("contrat n° 05-214-2017") is no case
// reference (label rules); a request's number after it is still found.
TEST(ContactReaderTest, AContractNumberIsNoCaseReference) {
  const ContactReader reader(lexiconOnly());
  EXPECT_FALSE(readText(reader,
                        "Bonjour, pourriez-vous m'envoyer une copie de mon bail ? Contrat n° "
                        "05-214-2017, 8 rue des Lilas.",
                        Channel::kEmail)
                   .case_ref.has_value());
  const Reading both = readText(reader,
                                "Contrat de location 05-214-2017. Où en est ma demande "
                                "46-377-2026 pour le volet ?",
                                Channel::kEmail);
  ASSERT_TRUE(both.case_ref.has_value());
  EXPECT_EQ(*both.case_ref, "46-377-2026");
}

// Round 11: a wrong number told in the feminine ("je me suis trompée de numéro") is other, even
// with what the caller wanted to change ("pour mon changement d'adresse").
TEST(ContactReaderTest, AWrongNumberInTheFeminineIsOther) {
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_EQ(readText(reader,
                       "allô oui c'est pour mon changement d'adresse sur ma carte vitale euh ah "
                       "vous êtes le bailleur euh excusez-moi je me suis trompée de numéro",
                       Channel::kPhone)
                  .intent,
              Intent::kOther);
  }
}

// Round 11: fear for one's children is distress for the lexicon (the model decides in the end).
TEST(ContactReaderTest, FearForOnesChildrenRaisesReassurance) {
  EXPECT_TRUE(readText(ContactReader(lexiconOnly()),
                       "le voisin du 3e crie dans l'escalier toutes les nuits, j'ai peur pour mes "
                       "enfants",
                       Channel::kDigitalAgency)
                  .reassurance_high);
}

// ----------------------------------------------------------------------------- quality

struct Metrics {
  int n = 0;
  int intent_ok = 0;
  int ref_ok = 0;
  std::array<int, 4> tp{}, fp{}, fn{};
  double precision(int k) const { return tp[k] + fp[k] ? 1.0 * tp[k] / (tp[k] + fp[k]) : 1.0; }
  double recall(int k) const { return tp[k] + fn[k] ? 1.0 * tp[k] / (tp[k] + fn[k]) : 1.0; }
  double f1(int k) const {
    const double p = precision(k), r = recall(k);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double intentAccuracy() const { return n ? 1.0 * intent_ok / n : 0; }
  double refAccuracy() const { return n ? 1.0 * ref_ok / n : 0; }
};
enum Label { kUrgent = 0, kAggressive = 1, kReassurance = 2, kStatusOnly = 3 };

Metrics evaluate(const std::string& path) {
  const ContactReader reader;
  std::ifstream f(path);
  EXPECT_TRUE(f.good()) << path;
  Metrics m;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty()) {
      continue;
    }
    const auto j = nlohmann::json::parse(line);
    ReaderInput in;
    const std::string text = j["text"].get<std::string>();
    in.text = text;
    in.channel = parseChannel(j["channel"].get<std::string>()).value_or(Channel::kWeb);
    const Reading r = reader.read(in);
    ++m.n;
    m.intent_ok += intentName(r.intent) == j["intent"].get<std::string>();
    const std::string want_ref =
        j["case_ref"].is_string()
            ? ContactReader::normaliseCaseRef(j["case_ref"].get<std::string>())
            : "";
    m.ref_ok += want_ref == (r.case_ref ? ContactReader::normaliseCaseRef(*r.case_ref) : "");
    const std::array<const char*, 4> keys = {"urgent", "aggressive", "reassurance_high",
                                             "status_only"};
    const std::array<bool, 4> got = {r.urgent, r.aggressive, r.reassurance_high, r.status_only};
    for (int k = 0; k < 4; ++k) {
      const bool want = j[keys[k]].get<bool>();
      m.tp[k] += want && got[k];
      m.fp[k] += !want && got[k];
      m.fn[k] += want && !got[k];
    }
  }
  return m;
}

void expectFloors(const Metrics& m, double intent, double status_p, double status_r,
                  double urgent_r, double aggressive_f1, double reassurance_f1, double ref) {
  EXPECT_GE(m.intentAccuracy(), intent);
  EXPECT_GE(m.precision(kStatusOnly), status_p);
  EXPECT_GE(m.recall(kStatusOnly), status_r);
  EXPECT_GE(m.recall(kUrgent), urgent_r);
  EXPECT_GE(m.f1(kAggressive), aggressive_f1);
  EXPECT_GE(m.f1(kReassurance), reassurance_f1);
  EXPECT_GE(m.refAccuracy(), ref);
}

TEST(ContactReaderQualityTest, SampleFileMeetsTargets) {
  // The shared samples live beside the repository (as in CI), not in it.
  const std::string path = std::string(RELAIS_SAMPLES_DIR) + "/contacts.sample.jsonl";
  if (!std::ifstream(path).good()) {
    GTEST_SKIP() << path << " is not beside this checkout";
  }
  const Metrics m = evaluate(path);
  EXPECT_EQ(m.n, 60);
  expectFloors(m, /*intent=*/0.90, /*status_p=*/0.95, /*status_r=*/0.85, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.80, /*ref=*/0.95);
}

// The blind batches up to blind_95 train the model since rounds 29-32 (routing/corpus/README.md);
// before, they measured how the reader did on wording it had not seen, and their floors, just
// under the scores of their day, still guard the rules written from them. blind_1 and blind_2
// have since informed lexicon categories; blind_3 was the freshest. blind_2's aggression floor is below the target because that is what
// the reader honestly reaches on it (one reported threat, one unlisted threat wording).
TEST(ContactReaderQualityTest, FirstBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_1.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.90, /*status_p=*/0.93, /*status_r=*/0.90, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.75, /*ref=*/0.95);
}

TEST(ContactReaderQualityTest, SecondBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_2.jsonl");
  EXPECT_EQ(m.n, 80);
  // Reassurance 0.91 -> 0.83 after train_l: one "fourth call + asks for a manager" now read
  // high; reassurance is not a target of the issue, the floor follows the honest figure.
  expectFloors(m, /*intent=*/0.92, /*status_p=*/0.90, /*status_r=*/0.90, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.60, /*reassurance_f1=*/0.80, /*ref=*/0.95);
}

TEST(ContactReaderQualityTest, ThirdBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_3.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.88, /*status_p=*/0.95, /*status_r=*/0.85, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.80, /*ref=*/0.95);
}

// blind_4 was written before looking at the reader's internals, scored (first pass: intent 0.94,
// status_only 0.98 / 0.98, urgent recall 0.83, aggressive F1 0.83, case_ref 0.95), then the
// categories of its misses informed general lexicon cues: its scores are now optimistic.
TEST(ContactReaderQualityTest, FourthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_4.jsonl");
  EXPECT_EQ(m.n, 132);
  expectFloors(m, /*intent=*/0.95, /*status_p=*/0.95, /*status_r=*/0.93, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.90, /*reassurance_f1=*/0.75, /*ref=*/0.95);
}

// blind_5 was written after the last tuning pass and scored once: the freshest estimate. Its
// floors sit under the targets where the reader honestly does (intent 0.84, urgent recall 0.90,
// status_only precision 0.94 on 50 messages); raise them only with a fresh batch.
TEST(ContactReaderQualityTest, FifthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_5.jsonl");
  EXPECT_EQ(m.n, 50);
  expectFloors(m, /*intent=*/0.82, /*status_p=*/0.90, /*status_r=*/0.90, /*urgent_r=*/0.85,
               /*aggressive_f1=*/0.90, /*reassurance_f1=*/0.65, /*ref=*/0.95);
}

// blind_6 (IVR, app chat, approximate French, mixed topics) was written and committed before
// scoring, scored once (intent 0.90, status_only 0.91 / 0.77, urgent recall 0.89, case_ref
// 0.97) and never tuned on. Floors under those figures; status_only recall and urgent recall
// are under target there.
TEST(ContactReaderQualityTest, SixthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_6.jsonl");
  EXPECT_EQ(m.n, 62);
  expectFloors(m, /*intent=*/0.88, /*status_p=*/0.88, /*status_r=*/0.75, /*urgent_r=*/0.85,
               /*aggressive_f1=*/0.90, /*reassurance_f1=*/0.75, /*ref=*/0.95);
}

// blind_7 (IVR, English and Arabic-influenced French, mixed topics, formal letters, anger vs
// aggression) was written and committed (eebefdc) before this round's changes, scored once at
// the end (intent 0.89, status_only 0.85 / 0.85, urgent recall 1.00, aggressive F1 0.86,
// case_ref 1.00) and never tuned on. Floors under those figures; intent, status_only precision
// and recall are under target there.
TEST(ContactReaderQualityTest, SeventhBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_7.jsonl");
  EXPECT_EQ(m.n, 62);
  expectFloors(m, /*intent=*/0.86, /*status_p=*/0.82, /*status_r=*/0.82, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.60, /*ref=*/0.95);
}

// blind_8 (80 messages, every channel, follow-ups plus a new problem after unlisted connectors,
// threats vs anger, five letters) was committed (c18357a) before round 4's changes and scored
// once first (intent 0.81, status_only 0.63 / 0.80, urgent recall 0.92, aggressive F1 0.57,
// case_ref 0.99). The categories of its misses then shaped round 4's rule families, so today's
// figures on it are optimistic; floors under them.
TEST(ContactReaderQualityTest, EighthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_8.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.92, /*status_p=*/0.85, /*status_r=*/0.95, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.70, /*reassurance_f1=*/0.70, /*ref=*/0.95);
}

// blind_9 (60 messages) was committed (687f7d5) after round 4's changes, before the reader read
// it, scored once (intent 0.87, status_only 0.75 / 0.75, urgent recall 0.86, aggressive F1 0.67,
// case_ref 1.00) and never tuned on: the honest figure. Floors under it; status_only, urgent
// recall and aggression are under target there.
TEST(ContactReaderQualityTest, NinthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_9.jsonl");
  EXPECT_EQ(m.n, 60);
  expectFloors(m, /*intent=*/0.85, /*status_p=*/0.72, /*status_r=*/0.72, /*urgent_r=*/0.85,
               /*aggressive_f1=*/0.60, /*reassurance_f1=*/0.70, /*ref=*/0.95);
}

// blind_10 (70 messages) was committed (0466b1b) before this round's status_only vetoes, scored
// once by the reader before them (status_only 0.88 / 1.00) and once after (intent 0.94,
// status_only 0.92 / 1.00, urgent recall 1.00, aggressive F1 1.00, reassurance F1 0.92, case_ref
// 1.00); never tuned on. Floors under those figures; status_only precision is under target.
TEST(ContactReaderQualityTest, TenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_10.jsonl");
  EXPECT_EQ(m.n, 70);
  expectFloors(m, /*intent=*/0.92, /*status_p=*/0.90, /*status_r=*/0.95, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.90, /*reassurance_f1=*/0.85, /*ref=*/0.95);
}

// blind_11 (80 messages) was written and committed (8b19697) before round 6 read the reader, and
// scored once first: intent 0.86, status_only 0.95 / 0.83, urgent recall 0.77, aggressive F1
// 0.86, case_ref 0.99. Round 6 then studied its misses (never trained on it), so its later
// figures (intent 0.95, status_only 1.00 / 1.00, urgent recall 1.00) are optimistic; the floors
// sit under them with room for the model's retraining noise.
TEST(ContactReaderQualityTest, EleventhBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_11.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.90, /*status_p=*/0.95, /*status_r=*/0.90, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.80, /*ref=*/0.95);
}

// blind_12 (80 messages) was written and committed (5629e51) before round 7 read the reader, and
// scored once first: intent 0.90, status_only 0.89 / 0.96 (0.96 / 0.96 once six labels followed
// the corpus README's rules, f3b2869), urgent recall 0.92, aggressive F1 0.80, case_ref 0.975.
// Round 7 studied its misses (never trained on it): intent 0.91, status_only 1.00 / 0.96, urgent
// recall 0.92 (under the 0.95 target: a past-tense gas smell), aggressive F1 1.00. Floors under.
TEST(ContactReaderQualityTest, TwelfthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_12.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.88, /*status_p=*/0.95, /*status_r=*/0.90, /*urgent_r=*/0.90,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.65, /*ref=*/0.95);
}

// blind_13 (80 messages) was written and committed (349f3b7) before round 8 opened any file under
// routing/, and scored once first: intent 0.875, status_only 0.87 / 0.87, urgent recall 0.82
// (precision 0.75), aggressive F1 0.73, case_ref 0.96. Round 8 studied the categories of its
// misses (never trained on it): intent 0.96, status_only 1.00 / 1.00, urgent recall 1.00,
// aggressive F1 1.00 (optimistic). Floors under, with room for the model's retraining noise;
// case_ref stays under 1 (spoken references, case_ref.cc).
TEST(ContactReaderQualityTest, ThirteenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_13.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.92, /*status_p=*/0.95, /*status_r=*/0.90, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.90, /*reassurance_f1=*/0.85, /*ref=*/0.95);
}

// blind_14 (80 messages) was written and committed (9e0ec3c) after round 8, by a session that
// read only the label rules, and scored once first: intent 0.91, status_only 0.93 / 1.00,
// urgent recall 1.00, aggressive F1 1.00 (3 positives), reassurance F1 0.83, case_ref 0.95.
// Its one change since: "qq1" is an SMS spelling of "quelqu'un" (status_only 0.96 / 1.00).
TEST(ContactReaderQualityTest, FourteenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_14.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.88, /*status_p=*/0.95, /*status_r=*/0.95, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.90, /*reassurance_f1=*/0.80, /*ref=*/0.93);
}

// blind_15 (80 messages) was written after round 8's successor by someone who never saw the
// reader, and scored once first: intent 0.875, status_only 0.815 / 0.957, urgent recall 0.909,
// aggressive F1 0.571, reassurance F1 0.84, case_ref 0.950. Round 9's rules were written for
// the categories of its misses, so these floors (what round 9's reader reaches, rounded down)
// are optimistic: they guard the rules, they do not measure generalisation. Never trained on.
TEST(ContactReaderQualityTest, FifteenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_15.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.95, /*status_p=*/1.00, /*status_r=*/1.00, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/1.00, /*ref=*/1.00);
}

// blind_16 (80 messages, f001-f080) was written after round 10 by someone who never saw the
// reader and scored once first (intent 0.925, status_only 0.70 / 0.84, urgent recall 0.75,
// aggressive F1 0.80); its misses' categories shaped round 11, so these floors are optimistic.
TEST(ContactReaderQualityTest, SixteenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_16.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.96, /*status_p=*/1.00, /*status_r=*/0.94, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.87, /*ref=*/1.00);
}

// blind_17 (80 messages, j001-j080) was written after round 11 as a typical day's inbox (not
// a set of traps) by someone who never saw the reader, and scored once by the final reader
// with no change made after: these floors are that first pass, rounded down, so they do
// measure generalisation, on one batch (2 aggressive and 6 urgent messages only). Round 13's
// spoken-number fix (blind_18 and blind_19 showed it again) mended j056's reference since.
TEST(ContactReaderQualityTest, SeventeenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_17.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.97, /*status_p=*/1.00, /*status_r=*/0.86, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.90, /*ref=*/0.97);
}

// blind_18 (80 messages, m001-m080), a typical day at another landlord, written by someone who
// never saw the reader and scored once first: intent 0.925, status_only 0.90 / 0.90 (three
// wrong automatic answers: a general question, a new RIB sent with a confirmation asked, a
// letter announcing a change), urgent recall 1.00, aggressive F1 1.00, case_ref 0.988. Rounds
// 12-14 then mended the RIB, the general question and a spoken reference: in sample for those.
TEST(ContactReaderQualityTest, EighteenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_18.jsonl");
  EXPECT_EQ(m.n, 80);
  // status_only recall 0.86 since round 28's retraining left one follow-up at 43 %.
  expectFloors(m, /*intent=*/0.92, /*status_p=*/0.96, /*status_r=*/0.86, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.76, /*ref=*/1.00);
}

// blind_19 (80 messages, u001-u080), a typical day at a third landlord, scored once first by
// round 12's reader: intent 0.863, status_only 0.96 / 0.89, urgent recall 0.83 (a threat to
// kill told by the threatened tenant), aggressive F1 0.67 (an insult and threat at a
// technician), case_ref 0.963. Round 13 mended those three misses: in sample for them.
TEST(ContactReaderQualityTest, NineteenthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_19.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.86, /*status_p=*/0.96, /*status_r=*/0.89, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.69, /*ref=*/0.97);
}

// blind_20 (80 messages, i001-i080), a typical day at a fourth landlord, scored once first by
// round 13's reader: intent 0.875, status_only 0.91 / 0.74 (the landlord's acknowledgment of
// receipt read as a formal notice, a promised call as a call asked, an office's opening hours
// as a follow-up, four follow-ups read as their topic), urgent recall 1.00, aggressive F1 0.86,
// case_ref 0.988. Round 14 mended the first three: in sample for them.
TEST(ContactReaderQualityTest, TwentiethBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_20.jsonl");
  EXPECT_EQ(m.n, 80);
  expectFloors(m, /*intent=*/0.87, /*status_p=*/0.95, /*status_r=*/0.85, /*urgent_r=*/1.00,
               /*aggressive_f1=*/0.85, /*reassurance_f1=*/0.74, /*ref=*/0.98);
}

// blind_21 (100 messages, o001-o100), a typical Monday at a fifth landlord, scored once first
// by round 14's reader: intent 0.92, status_only 0.97 / 0.91, urgent recall 0.78 (a window
// broken in a break-in, an elderly neighbour nobody sees), aggressive F1 1.00, case_ref 0.99.
// Round 15 mended both urgent misses: in sample for them. Round 16's retrained weights moved
// o016's reassurance (a person asked for) from 50.x % to 50 %, under the threshold: 0.83 -> 0.79.
TEST(ContactReaderQualityTest, TwentyFirstBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_21.jsonl");
  EXPECT_EQ(m.n, 100);
  expectFloors(m, /*intent=*/0.90, /*status_p=*/0.96, /*status_r=*/0.91, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.78, /*ref=*/0.99);
}

// blind_22 and blind_23 (100 messages each, a001-a100 and l001-l100), typical days at a sixth
// and a seventh landlord, scored once first by round 15's reader: intent 0.87 / 0.84,
// status_only 0.91 / 0.83 and 0.94 / 0.86, urgent recall 0.89 / 0.88, aggressive F1 1.00 /
// 0.86, case_ref 0.98 / 1.00. Round 16 mended three of their five wrong automatic answers (a
// letter announcing somebody coming to live in the home, an interview and a named person asked
// for) and the urgent and aggressive misses: in sample for those.
TEST(ContactReaderQualityTest, TwentySecondAndThirdBlindBatchesMeetFloors) {
  const Metrics a = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_22.jsonl");
  EXPECT_EQ(a.n, 100);
  expectFloors(a, /*intent=*/0.86, /*status_p=*/0.96, /*status_r=*/0.83, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.85, /*ref=*/0.98);
  const Metrics l = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_23.jsonl");
  EXPECT_EQ(l.n, 100);
  expectFloors(l, /*intent=*/0.83, /*status_p=*/0.96, /*status_r=*/0.85, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.68, /*ref=*/1.00);
}

// blind_24 (100 messages, e101-e200), a typical March day at an eighth landlord, scored once
// first by round 16's reader: intent 0.93, status_only 0.935 / 0.906, urgent recall 0.67
// (sewage told in another order, a fight heard next door, a stone through a window that no
// longer closes), aggressive F1 0.86 ("vous vous foutez de nous", labelled frustration),
// case_ref 1.00. Round 17 mended the three urgent misses: in sample for them.
TEST(ContactReaderQualityTest, TwentyFourthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_24.jsonl");
  EXPECT_EQ(m.n, 100);
  // Round 27's retrained weights moved e171 ("comment elle fait pour faire une demande", at the
  // status_only threshold, 50 %) to an automatic answer: status_only precision 0.935 -> 0.906.
  expectFloors(m, /*intent=*/0.92, /*status_p=*/0.90, /*status_r=*/0.90, /*urgent_r=*/1.00,
               /*aggressive_f1=*/0.85, /*reassurance_f1=*/0.76, /*ref=*/1.00);
}

// blind_25 (100 messages, g101-g200), a typical July day at a ninth landlord, written after
// round 17 and scored once by the final reader with no change made after: these floors are that
// first pass, rounded down (intent 0.89, status_only 1.00 / 0.80, urgent recall 1.00,
// aggressive F1 1.00, case_ref 1.00).
TEST(ContactReaderQualityTest, TwentyFifthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_25.jsonl");
  EXPECT_EQ(m.n, 100);
  // Reassurance 0.77 at first; round 23's retrained weights moved g135 under its threshold.
  expectFloors(m, /*intent=*/0.88, /*status_p=*/1.00, /*status_r=*/0.80, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.71, /*ref=*/1.00);
}

// blind_26 (100 messages, h101-h200), a typical October day at a tenth landlord, scored once
// by the final reader with no change made after: these floors are that first pass, rounded
// down (intent 0.90, status_only 0.94 / 0.88, urgent recall 0.89, aggressive F1 1.00, case_ref
// 1.00).
TEST(ContactReaderQualityTest, TwentySixthBlindBatchMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/blind_26.jsonl");
  EXPECT_EQ(m.n, 100);
  expectFloors(m, /*intent=*/0.89, /*status_p=*/0.93, /*status_r=*/0.88, /*urgent_r=*/0.88,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.69, /*ref=*/1.00);
}

// blind_27 .. blind_63 (100 messages each): ordinary days at thirty-seven more landlords, each
// written blind and committed before the reader read it. Their first passes
// (routing/corpus/README.md) led rounds 18-28; these floors are today's scores rounded down, in
// sample for the misses those rounds mended. Readings near a threshold move a little whenever
// the lexicon's features retrain the model: round 23 moved a114 and i110 ("mon fils de 19 ans")
// to reassurance high; round 28's took the automatic answer from three follow-ups here (a107,
// o113, o269) and gave one (i181), and its loose railings made blind_37's k182 urgent.
TEST(ContactReaderQualityTest, BlindBatchesSinceRoundEighteenMeetFloors) {
  struct Floors {
    const char* file;
    double intent, status_p, status_r, urgent_r, aggressive_f1, reassurance_f1, ref;
  };
  constexpr Floors kFloors[] = {
      {"blind_27.jsonl", 0.85, 1.00, 0.87, 1.00, 1.00, 0.54, 0.98},
      {"blind_28.jsonl", 0.85, 0.90, 0.72, 1.00, 1.00, 0.63, 0.97},
      {"blind_29.jsonl", 0.90, 0.92, 0.88, 1.00, 1.00, 0.69, 0.98},
      {"blind_30.jsonl", 0.87, 0.92, 0.92, 1.00, 1.00, 0.69, 0.99},
      {"blind_31.jsonl", 0.87, 1.00, 0.90, 1.00, 1.00, 0.76, 0.98},
      {"blind_32.jsonl", 0.90, 0.93, 0.96, 1.00, 1.00, 0.75, 0.99},
      {"blind_33.jsonl", 0.86, 0.96, 0.83, 0.91, 1.00, 0.74, 0.97},
      {"blind_34.jsonl", 0.88, 1.00, 1.00, 1.00, 1.00, 0.77, 0.98},
      {"blind_35.jsonl", 0.92, 1.00, 0.96, 1.00, 1.00, 0.78, 0.97},
      {"blind_36.jsonl", 0.92, 1.00, 0.92, 1.00, 1.00, 0.77, 0.99},
      {"blind_37.jsonl", 0.91, 0.91, 0.84, 0.92, 1.00, 0.61, 0.96},
      {"blind_38.jsonl", 0.91, 0.95, 0.95, 0.90, 1.00, 0.81, 1.00},
      {"blind_39.jsonl", 0.85, 0.95, 0.86, 0.90, 1.00, 0.78, 0.98},
      {"blind_40.jsonl", 0.89, 0.96, 1.00, 1.00, 1.00, 0.73, 0.97},
      {"blind_41.jsonl", 0.94, 1.00, 0.96, 1.00, 1.00, 0.74, 0.96},
      {"blind_42.jsonl", 0.91, 1.00, 0.88, 1.00, 1.00, 0.66, 0.93},
      {"blind_43.jsonl", 0.93, 0.96, 0.86, 1.00, 1.00, 0.73, 0.99},
      {"blind_44.jsonl", 0.84, 1.00, 0.88, 1.00, 1.00, 0.69, 0.95},
      {"blind_45.jsonl", 0.88, 0.96, 0.96, 1.00, 0.93, 0.69, 0.97},
      {"blind_46.jsonl", 0.89, 0.91, 0.84, 1.00, 0.92, 0.57, 0.94},
      {"blind_47.jsonl", 0.83, 0.96, 0.92, 1.00, 1.00, 0.69, 1.00},
      {"blind_48.jsonl", 0.92, 0.87, 0.84, 1.00, 0.92, 0.83, 1.00},
      {"blind_49.jsonl", 0.88, 0.87, 0.84, 0.91, 1.00, 0.69, 0.96},
      {"blind_50.jsonl", 0.87, 1.00, 0.93, 1.00, 1.00, 0.66, 0.97},
      {"blind_51.jsonl", 0.84, 0.95, 0.95, 1.00, 1.00, 0.69, 0.97},
      // Round 27's reader read these four first, then round 28's eight below; no rule was
      // written from them.
      {"blind_52.jsonl", 0.90, 1.00, 0.91, 0.91, 0.93, 0.66, 1.00},
      {"blind_53.jsonl", 0.86, 0.96, 0.96, 0.91, 0.90, 0.80, 0.97},
      {"blind_54.jsonl", 0.90, 0.88, 0.95, 0.66, 1.00, 0.72, 0.94},
      {"blind_55.jsonl", 0.88, 0.95, 0.90, 0.75, 0.93, 0.56, 0.96},
      // Round 28 was written from these eight (in sample for its misses).
      {"blind_56.jsonl", 0.95, 1.00, 0.92, 1.00, 1.00, 0.69, 0.94},
      {"blind_57.jsonl", 0.85, 0.96, 0.92, 1.00, 0.90, 0.73, 0.94},
      {"blind_58.jsonl", 0.91, 0.92, 0.96, 1.00, 1.00, 0.66, 0.97},
      {"blind_59.jsonl", 0.90, 1.00, 1.00, 1.00, 1.00, 0.63, 0.95},
      {"blind_60.jsonl", 0.87, 0.96, 0.88, 1.00, 1.00, 0.69, 0.95},
      {"blind_61.jsonl", 0.89, 1.00, 0.89, 1.00, 1.00, 0.66, 0.94},
      {"blind_62.jsonl", 0.88, 0.92, 0.88, 1.00, 1.00, 0.85, 0.98},
      {"blind_63.jsonl", 0.84, 1.00, 0.83, 1.00, 1.00, 0.64, 0.97},
      // Scored once before any rule or training came from them (corpus README), these train the
      // model now: in sample, floored 0.05 under today's scores so that retraining noise passes
      // and a real loss does not.
      {"blind_64.jsonl", 0.94, 0.95, 0.87, 0.95, 0.95, 0.95, 0.93},
      {"blind_65.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.94},
      {"blind_66.jsonl", 0.95, 0.95, 0.91, 0.95, 0.95, 0.95, 0.85},
      {"blind_67.jsonl", 0.95, 0.95, 0.91, 0.95, 0.95, 0.95, 0.93},
      {"blind_68.jsonl", 0.94, 0.95, 0.78, 0.95, 0.95, 0.95, 0.91},
      {"blind_69.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.88},
      {"blind_70.jsonl", 0.94, 0.95, 0.90, 0.95, 0.95, 0.95, 0.91},
      {"blind_71.jsonl", 0.94, 0.95, 0.87, 0.95, 0.95, 0.95, 0.88},
      {"blind_72.jsonl", 0.94, 0.95, 0.91, 0.95, 0.95, 0.95, 0.89},
      {"blind_73.jsonl", 0.95, 0.95, 0.91, 0.95, 0.95, 0.95, 0.90},
      {"blind_74.jsonl", 0.95, 0.95, 0.83, 0.95, 0.95, 0.95, 0.93},
      {"blind_75.jsonl", 0.94, 0.95, 0.83, 0.95, 0.95, 0.95, 0.87},
      {"blind_76.jsonl", 0.94, 0.95, 0.82, 0.95, 0.95, 0.95, 0.91},
      {"blind_77.jsonl", 0.95, 0.95, 0.87, 0.95, 0.95, 0.95, 0.91},
      {"blind_78.jsonl", 0.94, 0.95, 0.91, 0.95, 0.95, 0.95, 0.91},
      {"blind_79.jsonl", 0.94, 0.95, 0.86, 0.95, 0.95, 0.95, 0.94},
      {"blind_80.jsonl", 0.95, 0.95, 0.91, 0.95, 0.95, 0.95, 0.90},
      {"blind_81.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.89},
      {"blind_82.jsonl", 0.95, 0.95, 0.85, 0.95, 0.95, 0.95, 0.95},
      {"blind_83.jsonl", 0.94, 0.95, 0.79, 0.95, 0.95, 0.95, 0.91},
      {"blind_84.jsonl", 0.94, 0.95, 0.87, 0.95, 0.95, 0.95, 0.85},
      {"blind_85.jsonl", 0.95, 0.95, 0.90, 0.95, 0.95, 0.95, 0.92},
      {"blind_86.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.93},
      {"blind_87.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.86},
      {"blind_88.jsonl", 0.94, 0.95, 0.83, 0.95, 0.95, 0.95, 0.90},
      {"blind_89.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.92},
      {"blind_90.jsonl", 0.94, 0.95, 0.86, 0.95, 0.95, 0.95, 0.91},
      {"blind_91.jsonl", 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.93},
      {"blind_92.jsonl", 0.94, 0.95, 0.91, 0.95, 0.95, 0.95, 0.92},
      {"blind_93.jsonl", 0.94, 0.95, 0.91, 0.95, 0.95, 0.95, 0.87},
      {"blind_94.jsonl", 0.95, 0.95, 0.90, 0.95, 0.95, 0.95, 0.90},
      {"blind_95.jsonl", 0.93, 0.95, 0.87, 0.95, 0.95, 0.95, 0.92},
  };
  for (const Floors& f : kFloors) {
    SCOPED_TRACE(f.file);
    const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/" + f.file);
    EXPECT_EQ(m.n, 100);
    expectFloors(m, f.intent, f.status_p, f.status_r, f.urgent_r, f.aggressive_f1,
                 f.reassurance_f1, f.ref);
  }
}

// blind_96 .. blind_111: the held-out days. Written blind and committed before the final reader
// (round 32, trained on blind_1..95) read them once; no rule and no training came from them
// (routing/CMakeLists.txt, RELAIS_READER_LAST_TRAINED_BLIND). Floors: each batch's first pass
// rounded down, and the issue's targets on the 1,600 messages together (first pass: intent
// 0.973, status_only 0.984 / 0.913, urgent recall 0.971, aggressive F1 0.962, case_ref 0.968).
// The review's mends then retrained the model and moved blind_102's p580 to reassurance high.
TEST(ContactReaderQualityTest, HeldOutBlindBatchesMeetTheTargets) {
  struct Floors {
    const char* file;
    double intent, status_p, status_r, urgent_r, aggressive_f1, reassurance_f1, ref;
  };
  constexpr Floors kFloors[] = {
      {"blind_96.jsonl", 0.96, 0.91, 0.91, 0.91, 1.00, 0.81, 0.94},
      {"blind_97.jsonl", 0.96, 1.00, 0.96, 1.00, 0.92, 0.95, 0.98},
      {"blind_98.jsonl", 0.96, 0.95, 0.95, 1.00, 0.92, 0.96, 0.96},
      {"blind_99.jsonl", 1.00, 1.00, 0.88, 1.00, 1.00, 0.84, 0.98},
      {"blind_100.jsonl", 0.98, 0.96, 0.96, 1.00, 0.92, 0.92, 0.97},
      {"blind_101.jsonl", 0.96, 1.00, 0.86, 0.87, 0.93, 0.84, 0.98},
      {"blind_102.jsonl", 1.00, 1.00, 0.92, 1.00, 1.00, 0.82, 0.96},
      {"blind_103.jsonl", 1.00, 1.00, 1.00, 1.00, 0.92, 1.00, 0.97},
      {"blind_104.jsonl", 0.97, 1.00, 0.91, 0.90, 0.92, 0.87, 0.97},
      {"blind_105.jsonl", 0.96, 1.00, 0.88, 1.00, 1.00, 0.85, 0.99},
      {"blind_106.jsonl", 0.99, 1.00, 1.00, 1.00, 1.00, 0.95, 0.96},
      {"blind_107.jsonl", 0.95, 1.00, 0.84, 1.00, 1.00, 0.95, 0.95},
      {"blind_108.jsonl", 0.97, 1.00, 0.89, 0.90, 1.00, 0.94, 0.97},
      {"blind_109.jsonl", 0.98, 0.95, 0.91, 1.00, 0.92, 0.87, 0.94},
      {"blind_110.jsonl", 0.97, 1.00, 0.90, 0.91, 1.00, 0.86, 0.98},
      {"blind_111.jsonl", 0.95, 0.95, 0.80, 1.00, 0.92, 0.87, 0.98},
  };
  Metrics all;
  for (const Floors& f : kFloors) {
    SCOPED_TRACE(f.file);
    const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/" + f.file);
    EXPECT_EQ(m.n, 100);
    expectFloors(m, f.intent, f.status_p, f.status_r, f.urgent_r, f.aggressive_f1,
                 f.reassurance_f1, f.ref);
    all.n += m.n;
    all.intent_ok += m.intent_ok;
    all.ref_ok += m.ref_ok;
    for (std::size_t k = 0; k < all.tp.size(); ++k) {
      all.tp[k] += m.tp[k];
      all.fp[k] += m.fp[k];
      all.fn[k] += m.fn[k];
    }
  }
  EXPECT_GE(all.intentAccuracy(), 0.85);
  EXPECT_GE(all.precision(kStatusOnly), 0.95);
  EXPECT_GE(all.recall(kStatusOnly), 0.85);
  EXPECT_GE(all.recall(kUrgent), 0.95);
  EXPECT_GE(all.f1(kAggressive), 0.80);
  EXPECT_GE(all.refAccuracy(), 0.95);
}

// check_u (150 messages, cu001-cu150): emergencies told without the usual words and their near
// misses, written as training data; trained on, it moved other corpora's readings (15
// emergencies lost among them), so it is never trained on. The reader before round 23 found 71
// of its 95 emergencies (recall 0.747); round 23 was written from the categories of the misses,
// so these floors are in sample.
TEST(ContactReaderQualityTest, CheckUMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/check_u.jsonl");
  EXPECT_EQ(m.n, 150);
  expectFloors(m, /*intent=*/0.87, /*status_p=*/0.80, /*status_r=*/0.66, /*urgent_r=*/0.97,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.47, /*ref=*/0.95);
}

// check_p (60 messages): new requests worded like follow-ups (general questions, documents sent
// with a confirmation asked, letters announcing a change) and close follow-ups, written as
// training data and kept out of training since it moved other corpora both ways. Round 12's
// sending rule took status_only precision from 0.565 to 0.684, round 14's opening hours to
// 0.722, round 16's household rule to 0.765; letters announcing other changes are still read
// as follow-ups.
TEST(ContactReaderQualityTest, NewRequestLookAlikesMeetFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/check_p.jsonl");
  EXPECT_EQ(m.n, 60);
  expectFloors(m, /*intent=*/0.78, /*status_p=*/0.76, /*status_r=*/0.86, /*urgent_r=*/1.00,
               /*aggressive_f1=*/1.00, /*reassurance_f1=*/0.57, /*ref=*/1.00);
}

// check_q (71 messages) was written in round 8 for blind_13's miss categories (call backs inside
// follow-ups, veiled and reported threats, past fires, carbon monoxide by its signs, a neighbour
// nobody has seen, intent look-alikes) and their near misses, as training data; it cost the
// model elsewhere (corpus README), so it is never trained on. The lexicon rules were written
// with it in view: this guards them rather than measuring generalisation. Before round 8:
// intent 0.82, status_only 0.60 / 0.60, urgent recall 0.36, aggressive F1 0; after: 0.94,
// 1.00 / 1.00, 1.00, 0.94.
TEST(ContactReaderQualityTest, RoundEightCheckSetMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/check_q.jsonl");
  EXPECT_EQ(m.n, 71);
  expectFloors(m, /*intent=*/0.90, /*status_p=*/0.95, /*status_r=*/0.90, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.85, /*reassurance_f1=*/0.75, /*ref=*/0.95);
}

// dev.jsonl is training data for the model (and the lexicon was tuned on it): this checks the
// model fits what it was taught, not how it generalises.
TEST(ContactReaderQualityTest, DevCorpusMeetsFloors) {
  const Metrics m = evaluate(std::string(RELAIS_CORPUS_DIR) + "/dev.jsonl");
  EXPECT_GE(m.n, 250);
  expectFloors(m, /*intent=*/0.85, /*status_p=*/0.95, /*status_r=*/0.85, /*urgent_r=*/0.95,
               /*aggressive_f1=*/0.80, /*reassurance_f1=*/0.75, /*ref=*/0.95);
}

}  // namespace
}  // namespace relais::routing

namespace relais::routing {
namespace {

// Found by contact_reader_fuzzer: invalid bytes around HTML entities and tags in an email body.
// The gist goes into a proto3 string, which a client cannot parse unless it is valid UTF-8.
TEST(ContactReaderTest, GistIsValidUtf8EvenFromBrokenHtml) {
  const std::string text("\xe8\xe8\xe8\xe8\xe8\xe8\xe8\x3c\x70\x3e\x4d\x61\x64\x61\x6d\x65\x2c\x20\x4d\x6f\x6e\x73\x69\x65\x75\x72\x2c\x3c\x2f\x70\x3e\x3c\x70\x3e\x6c\x65\x20\x63\x68\x61\x75\x66\x66\x65\x26\x23\x38\x32\x30\x39\x3b\x65\x61\x75\x20\x66\x75\x69\x74\x20\x26\x00\x3c\x70\x2e\x4d\x61\x64\x61\x6d\x65\x2c\x0f\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xdc\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x69\x01\x00\x60\x70\x00\x0a\x10\xaa\x65\x75\x72\x2c\x3c\x2f\x70\x3e\x3c\x70\x3e\x6c\x65\x20\x63\x68\x61\x75\x66\x66\x65\x26\x23\x38\x32\x2d\x38\x3b\x65\x61\x75\x20\x66\x75\x69\x74\x20\x26\x61\x6d\x70\x3b\x20\xc3\xa7\x61\x20\x73\x65\x2e\x74\x20\x6c\x65\x20\x67\x61\x7a\x26\x68\x65\x6c\x6c\x69\x70\x3b\x20\xc3\xa7\x61\x20\x73\x65\x6e\x74\x20\x6c\x65\x20\x67\x61\x7a\x26\x6e\x62\x73\x70\x3b\x21\x3c\x2f\x70\x3e", 215);
  ReaderInput input;
  input.channel = Channel::kEmail;
  input.text = text;
  const Reading r = ContactReader().read(input);
  std::string hex;
  for (unsigned char c : r.gist) {
    hex += "0123456789abcdef"[c >> 4];
    hex += "0123456789abcdef"[c & 15];
  }
  EXPECT_TRUE(isValidUtf8(r.gist)) << hex;
  NormalisedText normalised;
  normaliseText(text, normalised);
  EXPECT_TRUE(isValidUtf8(normalised.display));
}

// Round 18: a notice given and new contact details are new requests a person must record,
// however much they ask to "confirm" (blind_26 h143, check_p). The "how do I" questions below
// were already blocked by older rules; they stay as a check that they still are.
TEST(ContactReaderTest, ANoticeNewDetailsAndAJobOfRoundEighteen) {
  for (const ContactReader& reader : bothReaders()) {
    for (const std::string_view text : {
             "Bonjour, par ce mail je vous donne mon préavis, je pars fin janvier pour Nantes. "
             "Pouvez-vous me dire si c'est bien enregistré ? Merci",
             "bjr je souhaite resilier mon bail au 31 mars, vous pouvez me confirmer la suite svp",
             "oui bonjour c'est madame henri euh je quitte mon logement le mois prochain euh "
             "je voulais savoir comment ça se passe",
             "Bonjour, mon numéro de portable a changé, c'est désormais le 07 81 22 45 90. "
             "Merci de me confirmer que c'est noté.",
             "bonjour voici ma nouvelle adresse mail pour les avis d'échéance : "
             "sandra.m@laposte.net, c'est bien pris en compte ?",
             "Bonjour, je voudrais savoir comment déposer une demande de mutation pour un T4, "
             "nous sommes cinq dans un T2.",
         }) {
      const Reading r = readText(reader, text, Channel::kEmail);
      EXPECT_FALSE(r.status_only) << text;
    }
  }
  // A job asked for is no file of the landlord's (blind_26 h125); the model, which knows no
  // such message, still reads "je voulais savoir" as a follow-up, but not as only that.
  EXPECT_EQ(readText(ContactReader(lexiconOnly()),
                     "bonjour je voulais savoir si vous embauchez des agents d'entretien, je "
                     "peux vous envoyer mon cv",
                     Channel::kPhone)
                .intent,
            Intent::kOther);
  // Done in the past, these are files to follow up, and a follow-up keeps its answer.
  for (const std::string_view text : {
           "Bonjour, j'ai donné mon préavis le 2 février, où en est la date de l'état des "
           "lieux de sortie ? Dossier 2026/004418",
           "Bonjour, je vous ai communiqué le 3 mars mon numéro de portable et ma nouvelle "
           "adresse (dossier PR-2026-1187), c'est enregistré ? Merci",
           "Mon changement d'adresse mail a-t-il été pris en compte ?",
       }) {
    const Reading r = readText(ContactReader(lexiconOnly()), text, Channel::kEmail);
    for (const std::string& reason : r.reasons) {
      EXPECT_EQ(reason.find("notice or new details"), std::string::npos) << text;
    }
  }
}

// Round 18, after blind_27: dangers told without the usual words, a past event then the present
// in one spoken run, and follow-ups that ask for something else (all new sentences).
TEST(ContactReaderTest, DangersAndRequestsOfRoundEighteen) {
  expectLabel(
      &Reading::urgent, true, Channel::kPhone,
      {
          "le panneau de l'enseigne pend au dessus de l'entrée du bâtiment et les gens "
          "passent dessous",
          "au plafond de la cuisine il y a une poche d'eau qui grossit",
          "le plafond du couloir fait une bosse qui gonfle et ça goutte sur le parquet",
          "la multiprise derrière la télé euh ça sent le chaud euh le plastique",
          "il y a eu un gros bruit euh dans le tableau euh et là ça sent le chaud",
          "la vitre de la chambre est cassée, le froid rentre et ma fille a 3 mois",
          "plus de chauffage depuis hier, il fait 14 degrés et mon petit de 2 ans est malade",
      });
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {
                  "Bonjour, la visite du technicien est prévue jeudi 9h (dossier 2026/118204), "
                  "serait-il possible de la décaler à vendredi ? Merci",
                  "bonjour ma fille a eu son attestation de la caf, ou est ce que je dois la "
                  "deposer pour mon dossier ?",
                  "Le voisin du dessous m'a encore insulté dans l'escalier, j'ai déjà écrit deux "
                  "fois. Que comptez-vous faire ?",
              });
  expectLabel(&Reading::asks_for_person, true, Channel::kPhone,
              {
                  "c'est pour la porte du garage on m'avait dit en janvier euh est-ce "
                  "que quelqu'un peut rappeler mon fils il comprend mieux",
              });
  expectLabel(&Reading::aggressive, true, Channel::kDigitalAgency,
              {
                  "vos peintres ont tout salopé, bande de porcs",
              });
  // The present needs its "now": a past event alone stays past.
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "il y a eu une odeur de plastique hier soir mais l'électricien est "
                        "passé, tout va bien",
                        Channel::kPhone)
                   .urgent);
}

// Round 19, after blind_28 and blind_29 (new sentences): an insult addressed to a group stands
// against the model, dangers for somebody frail or unseen, a home left open by a stone, a
// ceiling that swelled and dropped plaster; a car is not a person stuck, cannabis smoke is no
// fire; doing the work oneself and taking it off the rent is a formal step; a job asked for and
// a promised call reported.
TEST(ContactReaderTest, InsultsDangersAndFormalStepsOfRoundNineteen) {
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {
                  "2e relance pour le digicode en panne, vous répondez jamais, bande de "
                  "branleurs",
              });
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "mon mari est sous oxygène et le courant saute sans arrêt depuis ce matin, son "
                  "concentrateur s'arrête à chaque fois",
                  "notre voisin de 80 ans on l'a pas vu depuis une semaine, on a frappé il répond "
                  "pas",
                  "quelqu'un a jeté une pierre dans la baie vitrée cette nuit, n'importe qui peut "
                  "passer la main et ouvrir",
                  "le plafond des toilettes a gonflé avec l'eau du dessus et un morceau de plâtre "
                  "est tombé, ça goutte encore",
              });
  expectLabel(&Reading::urgent, false, Channel::kWeb,
              {
                  "le rideau du parking est bloqué depuis hier et ma voiture est coincée dedans",
                  "ils fument du shit tous les soirs sur le palier, ça monte jusque chez nous",
              });
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {
                  "relance pour le volet roulant (dossier 2026/004120) : sans passage "
                  "avant le 15, je fais venir un artisan et je déduis la facture du "
                  "loyer.",
              });
  expectLabel(&Reading::status_only, false, Channel::kPhone,
              {
                  "bonjour je voulais savoir si vous recrutez pour l'entretien des "
                  "espaces verts, je cherche du travail sur rouen",
              });
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "le serrurier devait repasser, vous alliez m'appeler pour me donner "
                        "une date et rien",
                        Channel::kWeb)
                   .asks_for_person);
}

// Round 20, after blind_30 and blind_31 (new sentences).
TEST(ContactReaderTest, ReopeningsHeatingAndReportedCallsOfRoundTwenty) {
  // The model reads this follow-up as one; the lexicon alone reads the equipment.
  const Reading reopen = readText(ContactReader(),
                                  "mon ticket pour la vmc a été clôturé hier, je voudrais "
                                  "qu'il soit réouvert svp",
                                  Channel::kWeb);
  EXPECT_NE(reopen.reasons.back().find("asks to reopen"), std::string::npos)
      << reopen.reasons.back();
  for (const ContactReader& reader : bothReaders()) {
    EXPECT_TRUE(readText(reader,
                         "depuis mon appel de lundi toujours aucun chauffage, mon bébé de 5 "
                         "mois tousse",
                         Channel::kEmail)
                    .urgent);
  }
  const ContactReader lexicon(lexiconOnly());
  EXPECT_FALSE(readText(lexicon,
                        "Je relance pour ma demande 2026/004455 : je n'ai reçu aucun appel pour "
                        "fixer un rendez-vous.",
                        Channel::kEmail)
                   .asks_for_person);
  EXPECT_FALSE(readText(lexicon,
                        "on m'a dit que ma mutation passait en commission, je dois attendre un "
                        "courrier ou un appel ?",
                        Channel::kWeb)
                   .asks_for_person);
  for (const std::string& reason :
       readText(lexicon,
                "Le plan d'apurement devait m'être envoyé avant l'audience du 3 mars au "
                "tribunal, est-il parti ?",
                Channel::kEmail)
           .reasons) {
    EXPECT_EQ(reason.find("formal notice"), std::string::npos) << reason;
  }
}

// Round 21, after blind_32 and blind_33 (new sentences).
TEST(ContactReaderTest, WaterPeopleDoorsAndDeclarationsOfRoundTwentyOne) {
  expectLabel(
      &Reading::urgent, true, Channel::kPhone,
      {
          "le ballon d'eau chaude fuit de partout, l'eau coule dans l'entrée et va vers les "
          "prises",
          "il y a une dame allongée dans l'escalier du 3, elle ne bouge plus",
          "la porte du local vélos a été forcée cette nuit et elle reste grande ouverte",
          "ma mère de 91 ans, sa porte fermait plus à clé depuis lundi et cette nuit "
          "quelqu'un est rentré chez elle pendant qu'elle dormait",
      });
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {
                  "le connard du rez-de-chaussée a encore rayé ma voiture",
              });
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {
                  "Bonjour, je vous informe de mon intention de quitter le logement fin août. "
                  "Pouvez-vous me proposer une date pour l'état des lieux ?",
                  "Bonjour, ma compagne vit désormais avec nous, que dois-je vous transmettre ? "
                  "Cordialement",
                  "ça fait deux mois pour le radiateur, je demande une réduction sur le loyer de "
                  "mars, où en est-on ?",
              });
  // A call for adding somebody named as a file is a follow-up.
  for (const std::string& reason :
       readText(ContactReader(lexiconOnly()),
                "bonjour ma demande pour ajouter mon fils au bail, c'est fait ?", Channel::kWeb)
           .reasons) {
    EXPECT_EQ(reason.find("coming to live"), std::string::npos) << reason;
  }
}

// Round 22, after blind_34 and blind_35 (new sentences): a thing that no longer moves is no
// person lying still, a fire feared and a gutter overflowing are no emergency, a breakdown of
// the heating named as a noun is heating gone.
TEST(ContactReaderTest, StillThingsFearsAndBreakdownsOfRoundTwentyTwo) {
  expectLabel(
      &Reading::urgent, false, Channel::kWeb,
      {
          "la parabole s'était décrochée avec le vent, je l'ai rattachée et ça ne bouge "
          "plus, quelqu'un peut vérifier ?",
          "les cartons entassés au sous-sol, c'est un risque d'incendie, merci de les faire "
          "enlever",
          "la gouttière au-dessus de la porte déborde dès qu'il pleut",
      });
  expectLabel(&Reading::urgent, true, Channel::kEmail,
              {
                  "depuis la panne du chauffage lundi il fait 15 degrés et ma fille de 2 "
                  "ans est malade",
              });
}

// Round 23, from check_u's misses (new sentences): emergencies told by what is seen and heard.
TEST(ContactReaderTest, EmergenciesToldByWhatIsSeenOfRoundTwentyThree) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "une eau grise remonte par la bonde de l'évier à chaque fois que le voisin tire "
                  "la chasse",
                  "ça goutte par le spot de la cuisine et le plafond fait une poche",
                  "chez les voisins du dessous ça hurle, une femme crie et on entend des coups",
                  "plus aucune électricité dans l'appartement, on est à la lampe de poche",
                  "de l'eau sort de sous les plinthes du couloir et ça s'étale partout",
                  "on est quatre dans l'ascenseur entre le 2e et le 3e, la porte s'ouvre pas",
                  "mon mari dort avec une assistance respiratoire et le courant disjoncte dès "
                  "qu'on rallume",
                  "la fenêtre de la chambre de mon fils, il a 5 mois, ferme plus et il rentre un "
                  "froid terrible",
                  "des gamins ont balancé une bouteille dans ma fenêtre, elle est impossible à "
                  "refermer, impossible de la refermer cette nuit",
              });
  // "il a 3 mois de retard" is no infant.
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "mon fils il a 3 mois de retard de loyer dans son studio, il n'a plus de "
                        "chauffage",
                        Channel::kWeb)
                   .urgent);
}

// Round 24, after blind_36 .. blind_39 (new sentences).
TEST(ContactReaderTest, RentStrikesThreatsAndHouseholdsOfRoundTwentyFour) {
  expectLabel(
      &Reading::status_only, false, Channel::kEmail,
      {
          "relance pour la vmc (dossier 2026/104412) : si rien n'est fait lundi, j'arrête "
          "de payer le loyer",
          "bonjour, je pars un an en formation et ma cousine viendrait habiter le logement, "
          "je dois faire quoi ?",
          "c'est la troisième fois pour la porte de la cave, je voudrais parler directement "
          "à la personne qui suit mon dossier",
      });
  expectLabel(&Reading::aggressive, true, Channel::kPhone,
              {
                  "si personne vient pour le volet demain je monte à l'agence et votre "
                  "collègue va passer un sale quart d'heure",
              });
  expectLabel(&Reading::urgent, true, Channel::kWeb,
              {
                  "l'ascenseur est en panne depuis hier, je suis en fauteuil roulant au "
                  "8e et je ne peux plus sortir de chez moi",
              });
}

// Round 25, after blind_40 .. blind_43 (new sentences).
TEST(ContactReaderTest, FallingThingsAndHotPanelsOfRoundTwentyFive) {
  expectLabel(
      &Reading::urgent, true, Channel::kPhone,
      {
          "le compteur dans le couloir il est brûlant quand on le touche et tout a sauté",
          "au plafond de la cuisine au-dessus de la table il y a une grosse poche qui "
          "grossit",
          "la rambarde de l'escalier extérieur s'est décrochée, les enfants montent par là",
          "un homme dans le hall, il bouge pas et répond pas quand on lui parle",
          "le gros platane devant l'immeuble est tombé cette nuit, voitures écrasées",
          "avec le vent les tuiles s'envolent, il y en a une qui est tombée sur le trottoir",
      });
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {
                  "si vous faites rien pour son chat je vais l'empoisonner",
              });
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {
                  "Dossier 2026/118822 : la porte est enfin réparée, quand passe le "
                  "peintre ? Je demande aussi un geste sur le loyer pour le mois perdu.",
              });
  // A car that has not moved for months is no person lying still.
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "une épave sur le parking, ça fait deux mois qu'elle bouge pas",
                        Channel::kWeb)
                   .urgent);
}

// Round 26, after blind_44 .. blind_47 (new sentences).
TEST(ContactReaderTest, QuestionsAboutRepairsAndWaterSpreadingOfRoundTwentySix) {
  // A repair asked about ("quand est-ce qu'il est réparé") resolves nothing.
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "l'ascenseur est en panne, mon père a 88 ans au 7e il peut pas "
                  "descendre, quand est-ce qu'il est réparé",
              });
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "la fuite du ballon, maintenant ça coule juste au-dessus du tableau électrique",
                  "la dame du 2e crie à l'aide, ça hurle chez eux",
              });
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {
                  "si ça continue je descends et je casse tout chez lui",
              });
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {
                  "Dossier 2026/104771 : la moquette est fichue après la fuite, je "
                  "demande à être remboursée. Où en est-on ?",
              });
}

// Round 27, after blind_48 .. blind_51 (new sentences).
TEST(ContactReaderTest, AbsencesSaidTwiceAndAttemptedBreakInsOfRoundTwentySeven) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  // "plus rien" after a filler says the absence again; it negates nothing.
                  "depuis l'orage j'ai plus d'électricité euh plus rien euh et mon mari est sous "
                  "oxygène",
                  "quelqu'un a essayé de rentrer chez moi cette nuit, la serrure est cassée et la "
                  "porte elle ferme plus",
                  "ma grand-mère a 90 ans, plus de chauffage depuis samedi, il fait 13 degrés chez "
                  "elle",
              });
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {
                  "si son chien aboie encore cette nuit ils le regretteront, vous leur direz",
                  "dites à votre collègue de la fermer ou je m'en charge, cette vieille peau",
              });
  // A negator right after the cue still negates.
  EXPECT_FALSE(readText(ContactReader(lexiconOnly()),
                        "le plombier est passé hier et l'eau coule plus", Channel::kWeb)
                   .urgent);
}

// Round 28, after blind_56 .. blind_63 (new sentences).
TEST(ContactReaderTest, RailingsChildrenShutInAndChargesClaimedOfRoundTwentyEight) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "la balustrade de notre balcon est descellée, elle bouge dès qu'on la touche, "
                  "on est au 6e",
                  "le volet de la chambre s'est arraché, il ne tient plus que par une charnière "
                  "au-dessus du trottoir",
                  "la fuite du ballon a empiré, maintenant l'eau arrive dans le salon",
                  "la porte a claqué, ma fille de 2 ans est enfermée toute seule dans "
                  "l'appartement",
                  "ma serrure est cassée, j'ai dormi avec une chaise contre la porte",
                  "ça sent comme quand on oublie d'allumer le feu de la gazinière, dans toute la "
                  "cuisine",
                  "au dessus de chez moi il hurle sur sa femme et on entend des coups contre la "
                  "cloison",
                  // "est sortie de" frees people from lifts, not smoke from a socket.
                  "de la fumée qui est sortie de la prise, ça sent le brûlé partout",
                  "la chaudière est encore en panne chez ma mère de 88 ans, elle a froid",
                  "La flamme, que l'on voit par le petit hublot, est devenue orange. On a des "
                  "maux de tête et des nausées",
                  "quelqu'un a essayé de la forcer cette nuit, ma porte ne ferme plus à clé",
              });
  // A draught under a door is nothing hanging over anybody.
  expectLabel(&Reading::urgent, false, Channel::kWeb,
              {"la porte ferme mal, il y a de l'air qui passe dessous, où en est ma demande de "
               "remplacement ?"});
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {"ça fait 5 semaines que j'attends pour la fenêtre, si personne ne vient ça va "
               "très mal se passer"});
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {
                  "Nous demandons une réduction des charges d'ascenseur pour ces deux mois. Où "
                  "en est la réparation ?",
                  "ma voisine n'a pas de portable, elle attend toujours sa demande de mars, "
                  "est-ce que quelqu'un peut la rappeler au fixe ?",
                  "Mon préavis est parti le 2 mai. Pourriez-vous me proposer une date pour l'état "
                  "des lieux ?",
                  "Ma demande de cotitularité est enregistrée sous le numéro 2026/4411. Quelles "
                  "pièces dois-je encore vous envoyer ?",
              });
  // A call promised is no call asked for; steps already taken are a file's state.
  expectLabel(&Reading::status_only, true, Channel::kPhone,
              {
                  "on m'avait dit que le technicien allait me téléphoner pour la vmc, c'est "
                  "toujours prévu ?",
                  "Ma réclamation REC-2026-0455 : pouvez-vous me dire à quel stade elle se trouve "
                  "et quelles démarches ont déjà été entreprises ?",
              });
}

// Round 28's second part: a new problem after a follow-up, opened by "Et depuis hier" with a
// clause of time ("quand on l'allume", no question) or by "Entre-temps".
TEST(ContactReaderTest, NewProblemsAfterClausesOfTimeOfRoundTwentyEight) {
  for (const ContactReader& reader : bothReaders()) {
    for (const std::string_view text : {
             "Toujours rien pour la fenêtre du salon (ticket 77120). Et depuis hier la hotte "
             "fait un bruit de moteur quand on l'allume.",
             "Je n'ai pas de nouvelles du plombier pour le lavabo. Entre-temps le volet du "
             "séjour s'est bloqué en bas.",
         }) {
      const Reading r = readText(reader, text, Channel::kWeb);
      EXPECT_FALSE(r.status_only) << text;
      EXPECT_EQ(r.intent, Intent::kRepair) << text;
    }
    // A claim lists the damage of the file it follows up: no new request.
    EXPECT_EQ(readText(reader,
                       "Dossier SIN-2026-0114 : le plafond a été refait, mais entre-temps j'ai dû "
                       "jeter mon matelas, je demande à être indemnisé. Où en est ma demande ?",
                       Channel::kEmail)
                  .intent,
              Intent::kStatusRequest);
  }
}

// Round 29, after blind_64 .. blind_71 (new sentences).
TEST(ContactReaderTest, LiftShaftsSewageAndFrailPeopleShutInOfRoundTwentyNine) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "la voisine d'en dessous est montée, ça coule dans sa cuisine depuis une heure",
                  "les portes de l'ascenseur se sont ouvertes au 3e mais la cabine n'était pas "
                  "là, on voit le trou",
                  "le locataire du 4e hurle qu'il va mettre le feu à la cage d'escalier",
                  "mon père est en fauteuil, l'ascenseur est en panne et les pompiers disent "
                  "qu'ils ne peuvent pas le descendre pour sa chimio",
                  "ma mère est en fauteuil, la porte du hall est bloquée, elle ne peut plus "
                  "sortir de l'immeuble",
                  "quelqu'un a tenté d'entrer chez moi, il y a des traces de tournevis et la "
                  "porte ne ferme plus à clé",
              });
  // "On vit à la lumière du plafonnier" is no water on a light.
  expectLabel(&Reading::urgent, false, Channel::kWeb,
              {"Le volet du séjour est bloqué en bas depuis un mois, on vit à la lumière du "
               "plafonnier. Où en est ma demande ?"});
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {"votre technicien c'est un faineant qui fout rien de sa journée, où en est ma "
               "demande ?"});
  expectLabel(&Reading::status_only, false, Channel::kDigitalAgency,
              {
                  "Ma demande d'échange est-elle étudiée ? J'aimerais parler au conseiller qui "
                  "la suit.",
                  "le plombier est passé pour la fuite, merci, il devait revenir pour le joint, "
                  "c'est prévu quand ? Et depuis son passage la lumière de la cuisine ne "
                  "s'allume plus",
                  "on m'a dit qu'il manquait une pièce à mon dossier de mutation, j'envoie quoi "
                  "comme papier ?",
              });
}

// Round 30, after blind_72 .. blind_79 (new sentences).
TEST(ContactReaderTest, BreathingIntrudersAndIronBarsOfRoundThirty) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "il y a une dame allongée dans le parking, elle répond pas, je sais pas si "
                  "elle respire",
                  "on a cambriolé le voisin, chez moi ils ont essayé aussi, je suis seule et j'ai "
                  "peur qu'ils reviennent cette nuit",
                  "un homme tape sur toutes les portes du couloir en hurlant",
                  "quelqu'un a cassé la vitre de la porte-fenêtre pour essayer d'entrer, il n'y a "
                  "plus de vitre",
                  "ma mère se déplace avec un déambulateur, l'ascenseur est en panne, elle ne "
                  "peut pas descendre",
              });
  expectLabel(&Reading::aggressive, true, Channel::kWeb,
              {
                  "si personne ne vient demain ça va très mal finir pour votre technicien",
                  "vous êtes des bras cassés, trois mois pour un volet",
                  "ces petits merdeux ont encore cassé l'interphone du bâtiment",
              });
  // The model already read this one; the lexicon now does too.
  EXPECT_TRUE(readText(ContactReader(lexiconOnly()),
                       "mon bébé dort avec deux couvertures depuis trois nuits, on a signalé la "
                       "panne",
                       Channel::kPhone)
                  .urgent);
}

// Round 31, after blind_80 .. blind_87 (new sentences).
TEST(ContactReaderTest, EmptyShaftsLockedOutChildrenAndBeepingBoilersOfRoundThirtyOne) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "au 5e la porte de l'ascenseur s'est ouverte et la cabine n'est pas là, on "
                  "voit le vide",
                  "le petit appareil sous la chaudière bipe depuis une heure, j'ai mal à la tête "
                  "et un peu envie de vomir",
              });
  expectLabel(&Reading::aggressive, true, Channel::kPhone,
              {
                  "espèce d'incompétent, ça fait trois fois que je vous explique",
                  "si personne ne vient cette semaine, la prochaine fois je viens et votre "
                  "collègue va s'en souvenir",
              });
  expectLabel(&Reading::status_only, false, Channel::kEmail,
              {"Sans réparation d'ici lundi je saisis la commission de conciliation. Où en est "
               "ma demande 2026/4410 ?"});
  // The lexicon alone now reads these too (the model read the first and the last already).
  const ContactReader lexicon(lexiconOnly());
  for (const std::string_view text : {
           "je suis dehors avec mes trois enfants, la serrure est bloquée et il commence à neiger",
           "ma femme est en chimio, l'ascenseur est arrêté depuis lundi, on fait comment pour la "
           "descendre demain ?",
           "mon père a 90 ans, il a 15 degrés chez lui et reste sous une couverture",
       }) {
    EXPECT_TRUE(readText(lexicon, text, Channel::kPhone).urgent) << text;
  }
}

// Round 32, after blind_88 .. blind_95 (new sentences).
TEST(ContactReaderTest, BreathingMachinesGrowingCracksAndBurningThreatsOfRoundThirtyTwo) {
  expectLabel(&Reading::urgent, true, Channel::kPhone,
              {
                  "le courant a sauté dans la chambre et mon père a sa machine pour respirer la "
                  "nuit",
                  "la fissure au-dessus du lit s'agrandit depuis ce matin, des bouts de plâtre "
                  "tombent",
              });
  expectLabel(&Reading::aggressive, true, Channel::kPhone,
              {"si tu gares encore ta moto devant chez moi je te la crame, dis-lui bien"});
}

// From the read-only review of rounds 28-32: the look-alikes of their phrases, which name no
// water, door, cooker or threat.
TEST(ContactReaderTest, LookAlikesOfRoundsTwentyEightToThirtyTwo) {
  expectLabel(&Reading::urgent, false, Channel::kWeb,
              {
                  "quand j'arrive dans le hall le soir la lumière ne s'allume plus",
                  "l'ampoule dans le plafonnier de la cuisine est grillée",
                  "le plombier passe chez le voisin demain, peut-il aussi regarder mon évier ?",
                  "le papier peint se détache du mur à cause de l'humidité",
                  "on entend des craquements dans le parquet quand on marche",
                  "le robinet de la cuisine coule de plus en plus, il faudrait changer le joint",
                  "le voisin du dessus donne des coups contre le mur tous les soirs",
                  "j'ai oublié d'allumer le chauffage pendant les vacances",
                  "le désinsectiseur est passé pour les cafards, j'ai peur qu'ils reviennent",
                  "une chaise derrière la porte du local vélo bloque le passage",
                  "on est dehors avec les enfants tout l'après-midi, la cour est sale",
                  "je vais laisser l'appartement ouvert pour le technicien",
              });
  expectLabel(&Reading::aggressive, false, Channel::kWeb,
              {
                  "des voleurs sont entrés dans la cave cette nuit",
                  "je retourne tout de suite le formulaire signé",
                  "pour les encombrants je m'en occupe personnellement",
                  "mon fils souhaite régler son compte avant son départ",
              });
  // "avez-vous besoin" asks what is required; "pourriez-vous la rappeler" asks for a person.
  expectLabel(&Reading::status_only, false, Channel::kWeb,
              {
                  "Où en est ma demande de mutation ? Quels documents avez-vous besoin pour la "
                  "compléter ?",
                  "Ma voisine attend toujours sa demande de mars, pourriez-vous la rappeler au "
                  "fixe ?",
              });
}

// From the read-only review of rounds 18-27: the new scans' words once folded ("à" is "a",
// "donné" is "donne", "embauché" is "embauche", "où" is "ou") and their look-alikes.
TEST(ContactReaderTest, FoldedLookAlikesOfTheNewScans) {
  const ContactReader lexicon(lexiconOnly());
  const auto reasonsOf = [&](std::string_view text) {
    std::string all;
    for (const std::string& r : readText(lexicon, text, Channel::kEmail).reasons) {
      all += r + "\n";
    }
    return all;
  };
  for (const std::string_view text : {
           "Bonjour, où en est mon dossier ? Je tiens à vous donner mon préavis.",
           "Bonjour, où en est mon dossier ? Je vous communique mon nouveau numéro de téléphone.",
       }) {
    EXPECT_NE(reasonsOf(text).find("gives notice or new details"), std::string::npos) << text;
  }
  for (const std::string_view text : {
           "Je me permets de vous adresser un nouveau mail : où en est ma demande 2026/104455 ?",
           "Je vous relance de nouveau par téléphone pour le dossier 2026/104455, où en est-il ?",
       }) {
    EXPECT_EQ(reasonsOf(text).find("gives notice or new details"), std::string::npos) << text;
  }
  EXPECT_EQ(reasonsOf("j'ai demandé à l'ajouter au bail il y a deux mois, où en est ma demande ?")
                .find("coming to live"),
            std::string::npos);
  EXPECT_EQ(reasonsOf("Pourriez-vous avancer sur mon dossier 2026/104455 ? Merci").find("move"),
            std::string::npos);
  EXPECT_EQ(reasonsOf("Où en est le dossier 2026/104455 ? J'espère que vous allez faire le "
                      "nécessaire.")
                .find("what will be done"),
            std::string::npos);
  EXPECT_EQ(reasonsOf("j'ai été embauché en CDI, où en est ma demande de logement 2026/104455 ?")
                .find("asks for a job"),
            std::string::npos);
  EXPECT_EQ(reasonsOf("Le RIB, je peux vous l'envoyer ou le déposer à l'agence. Où en est le "
                      "remboursement 2026/104455 ?")
                .find("where to send"),
            std::string::npos);
}

// Found by contact_reader_fuzzer: a reason quoting a clause up to its sentence's end, where the
// sentence ended inside a decoded entity. Reasons go into a proto3 string too.
TEST(ContactReaderTest, ReasonsAreValidUtf8EvenFromBrokenHtml) {
  const std::string text("\xe8\xe8\xe8\xe8\xe8\xe8\xe8\x3c\x70\x3e\x4d\x61\x64\x61\x6d\x65\x2c\x20\x4d\x6f\x6e\x73\x6a\x6f\x75\x72\x2c\x0a\x6c\x65\x20\x64\x6f\x73\x73\x69\x65\x72\x02\x00\x00\x00\x00\x00\x00\x63\x6f\x6d\x6d\x65\x6e\x74\x20\x6f\x6e\x26\x61\x6d\x70\x3b\x20\xc3\xa7\x61\x20\x73\x65\x2e\x74\x20\x6c\x65\x20\x67\x61\x7a\x26\x68\x65\x6c\x6c\x69\x70\x3b\xe2\x80\x99\x61\x20\x73\x65\x6e\x74\x20\x6c\x65\x20\x67\x61\x01\x00\x60\x60\x00\x32\xfc\xc0\x3c\x2f\x70\x3e", 111);
  ReaderInput input;
  input.channel = Channel::kEmail;
  input.text = text;
  const Reading r = ContactReader().read(input);
  for (const std::string& reason : r.reasons) {
    EXPECT_TRUE(isValidUtf8(reason)) << reason.size();
  }
}

}  // namespace
}  // namespace relais::routing
