// The built-in lexicon. Words are folded (no accents, apostrophes and hyphens as spaces, SMS
// spellings already expanded by the normaliser). Weights: intents and status ~1-3 (a decision
// needs about 2), urgency and reassurance in points out of 100, aggression ~1 per insult or
// threat (aggressive from 1).
#include <string_view>

#include "routing/lexicon.h"

namespace relais::routing {

namespace {

constexpr std::string_view kLexicon = R"LEX(
# ---------------------------------------------------------------- intent: repair
repair 2.5: fuite; fuit*; fui; infiltr*; degat des eaux; degats des eaux; inond*; goutte*
repair 2: robinet*; mitigeur*; chasse d eau; evier*; lavabo*; baignoire*; douche*; chauffe eau
repair 2: cumulus; ballon d eau chaude; chaudiere*; chauffage; radiateur*; vmc; ventilation
repair 2: volet*; fenetre*; vitre*; serrure*; poignee*; interphone*; digicode*; sonnette
repair 2: ascenseur*; electricite; electrique*; disjonct*; tableau electrique; prise electrique
repair 2: ampoule*; eclairage*; plombier*; electricien*; serrurier*; vitrier; technicien*
repair 2: humidite; humide*; moisi*; salpetre; champignon*; condensation; plafond*; toiture*
repair 2: gouttiere*; canalisation*; tuyau*; egout*; refoul*; bouche; bouchee; bouches; wc
repair 2.5: cafard*; blatte*; punaise*; nuisible*; souris; rats; desinsectisation; deratisation
repair 1.5: toilette*; carrelage*; faience*; parquet*; lino; peinture*; papier peint; fissur*
repair 1.5: porte*; placard*; meuble*; joint*; eau chaude; gaz; panne*; casse*; cassee*; abime*
repair 1.5: repar*; remplac*; travaux; intervention*; lumiere*; eteint*; marche plus
repair 1.5: fonctionne plus
repair 2: plinthe*; se decolle; se decollent; decolle*; se detache; moquette*; cremone*; barillet*; ferme porte
repair 1.5: marche pas; fonctionne pas; ne ferme plus; ferme plus; boite aux lettres; portail*
repair 1.5: hotte; plaque*; four; store*; garde corps; balcon*; rampe*; mur*; sol; odeur de gaz
repair 1.5: de l eau; ca descend
repair 2.5: plus aucune lumiere; dans le noir; taudis; insalubr*; menace de tomber; arbre*; branche*
repair 2.5: elagage; fils electriques; fil electrique; cables electriques
repair 1: eau; froid; chauffe*; refait; bruit de tuyau*; fracture*; effraction; leak*; broken
repair 1: repair*; window*; door*; tap; shower
repair 2: light; lights; bulb*; flicker*; extractor*; fan; mould; mold; damp; intercom; toilet; latch; lock; socket*; fuse*
repair 2: local compteur*; compteur*; detecteur*; alarme; bloque; coince; fait un bruit
repair 3: porte du garage; porte de garage; odeur de brule; s ouvre plus
repair 2: heating; boiler; lift; elevator; leaking; plumber; ceiling; sink; radiator; radiators
repair 1: fumee
repair 3: odeur .. de gaz; odeur .. gaz
# Gas, electrical burning and meters are equipment, wherever they are (hall, stairs, cellar).
repair 4: odeur de gaz; sent le gaz; ca sent le gaz; fuite de gaz; gaz .. .. odeur*; odeur* .. .. gaz*
repair 4: sent .. .. gaz*; pue .. .. gaz*; sentir .. .. gaz*; smell* .. .. gas
repair 4: oeuf pourri; oeufs pourris; odeur de brule; sent le brule; gaine technique; colonne montante
repair 3: local compteur*; armoire electrique; tableau electrique .. fume*; court circuit
repair 2.5: plus d eau; pas d eau; coupure d eau; fourmi*; guepe*; frelon*; termite*; moustique*
repair 2.5: nid de
repair 2.5: eau sort; de l eau sort; eau qui sort; sent le gaz; odeur d egout*; eaux usees
repair 2.5: coupure d electricite; plus d electricite
# A cistern or tap that will not stop running is a repair, noisy at night or not.
repair 2.5: arrete pas de couler; arrete plus de couler; coule en continu; coule sans arret; coule non stop
# SMS spellings that glue the elided article on ("pas deau chaude", "leau du lavabo").
repair 2: deau chaude; leau chaude; deau froide; leau froide; chasse deau; lelectricite; delectricite
repair 1: deau; leau

# ---------------------------------------------------------------- intent: rent and charges
rent 3.5: avis de regularisation
rent 1: comprends pas pourquoi; triple; a double
rent 3: surendettement; dette locative; banque de france
rent 3: loyer*; quittance*; avis d echeance; decompte de charges; regularisation de charges
rent 3: regularisation des charges; plan d apurement; apurement; commandement de payer; surloyer
rent 2.5: charges; echeance*; prelevement*; impaye*; dette*; depot de garantie; caution
rent 2.5: huissier*; expulsion; echeancier; trop percu; rappel de loyer; aide au logement
rent 2: paiement*; payer; paye; payes; virement*; rib; apl; caf; facture*; factur*; montant*
rent 2: rembours*; euros; augmentation; hausse; taxe*; solde; especes; cheque*; carte bancaire
rent 2: aides; fsl; retard de paiement; mensualite*; provision*; regularisation; tarif*; frais
rent 1.5: argent; compte; debit*; preleve*; rent; payment; charge
rent 2: aides au logement; aide pour payer; difficultes financieres; perdu mon emploi

# ---------------------------------------------------------------- intent: neighbourhood
neighbourhood 1.5: voisin*; voisine*
neighbourhood 2.5: fait du bruit; font du bruit; bruit*; bruyant*; tapage*; nuisance*; harcel*
neighbourhood 2.5: squat*
neighbourhood 2.5: se battent; bagarre*; dispute*; deal*; dealer*; drogue*; trafic*; pigeon*
neighbourhood 2.5: incivilit*; degradation*; vandal*; tag; tags; graffiti*; depot sauvage
neighbourhood 2.5: encombrant*; sert de toilettes; urine*; excrement*; crotte*
neighbourhood 2.5: menage n est pas fait
neighbourhood 2: musique; fete*; cris; crie*; hurle*; aboie*; chien*; odeur*; sale*
neighbourhood 2: salete*; proprete; poubelle*; ordure*; dechet*; menage
neighbourhood 2: entretien des parties communes
neighbourhood 3: vomi*; jouent au ballon; matelas; abandonne*; canape*
neighbourhood 2.5: enfants jouent; pas ete nettoye*; nettoye*
neighbourhood 3: s introduisent; s introduit; intrus*; par les fenetres; jete*; jettent
neighbourhood 2.5: travaux la nuit; fait des travaux; font des travaux
neighbourhood 1: insupportable; la nuit
neighbourhood 2: individus; y dorment; degoutant
neighbourhood 2.5: perceuse; perforateur; marteau
neighbourhood 1.5: hall*
neighbourhood 3: barbecue; barbecues; barbec*; plancha; chicha; narguile*; fument; cigarette*; megot*
neighbourhood 2: parties communes; cage d escalier; couteau; arme*; agress*; menace*
neighbourhood 2: insulte*; insecurite; securite; jeunes; rassemblement*; rodeo*; moto*; scooter*
neighbourhood 2: police; stationnement; voiture*; epave*; infect*; nourrit*; nourrir
neighbourhood 1: local a velo*; local velo*; chat; chats; gardien*
neighbourhood 1.5: frappe*; tape*; crache*; local poubelle*; escalier*; noise; neighbour*
neighbourhood 1.5: neighbor*; fight*; dirty; rubbish; smell*; anti social
# Somebody else's vehicle where it should not be: a dispute, not the garage or parking space
# the tenant rents ("place de stationnement", admin).
neighbourhood 2.5: se gare; se garent; gare sa; gare son; garent leur; gare devant; garee devant; garent devant
neighbourhood 2.5: stationne devant; stationne sur ma place; se gare sur ma place; sur ma place; camionnette*; fourgon*
neighbourhood 2.5: bloque* l acces; bloque* la sortie; bloque* l entree; bloque* le passage; devant la sortie
neighbourhood 3: devant la porte du garage; devant la porte de garage; devant mon garage; devant le garage
# Vandalism is neighbourhood whatever equipment it damaged ("des tags sur la porte du garage").
neighbourhood 4: tags; tag; tague*; taggu*; graffiti*; vandal*
neighbourhood 2.5: crachat*
# A fire in the bin room is neighbourhood (label rules); someone who was sick is no dirt.
neighbourhood 3: local a poubelles; local des poubelles; local a poubelle
neighbourhood 0: fils a vomi; fille a vomi; enfant a vomi; bebe a vomi; j ai vomi; avons vomi; on a vomi; a vomi au reveil

# ---------------------------------------------------------------- intent: tenancy administration
admin 4: attestation de paiement; attestation de loyer; attestation de domicile
admin 4: attestation de logement; justificatif de domicile; justificatif d adresse
admin 3: justificatif*
admin 3: attestation*; certificat*; preavis; bail; avenant; mutation; echange de logement
admin 3: etat des lieux; changement de situation; composition du foyer; cotitulaire; titulaire
admin 3: garage; place de parking; box; sous location; resiliation; resilier; conge
admin 2.5: demenag*; relogement; reloge*; logement plus grand; logement plus petit; t2; t3; t4
admin 2.5: assurance*; divorce; separation; mariage; pacs; naissance; decede*; deces; veuve; veuf
admin 3: place de stationnement; sous louer; sous loue*
admin 3: double de la cle; double de cle; habiter avec moi; vivre avec moi; venir habiter
admin 3: echanger mon logement
# A lost key or badge to be replaced is an administrative request, whatever door it opens.
admin 3: perdu ma cle; perdu mes cles; perdu la cle; perdu les cles; perdu mon badge; refaire une cle; refaire une; en refaire; un double de la cle; un double du badge
admin 2.5: plus petit logement; plus grand logement; plus petit appartement; plus grand appartement
admin 2.5: appartement plus petit; appartement plus grand; demande d echange; faire un echange
admin 4: transfert du bail; transfert de bail; reprise du bail; bail a mon nom; a mon seul nom
admin 3: change de numero; changement de numero; nouveau numero; changement d adresse; mettre a jour
admin 2: declarer; autoris*; demarches; ai je le droit; le droit d avoir; le droit de
admin 2.5: badge*; bip; telecommande*; double des cles; parking; enquete*
admin 1.5: cave
admin 1: cle; cles
admin 2.5: avis d imposition; ressources; situation familiale; inscription; papiers; coordonnees
admin 2: dossier de demande; demande de logement; changer de logement; quitter le logement
admin 2: hebergement; heberger; heberge; nom; adresse; contrat*; signature; signer; document*
admin 2: lease; notice; certificate; parking space; transfer; espace locataire; mot de passe
admin 2: declare* dans le logement; occupant*; rendre les cles; animaux; accessibilite

# ---------------------------------------------------------------- intent: other
other 3: l agent; agent d accueil; l accueil; desagreable; mal parle; parle comme
other 3: bien recu votre reponse
other 1.5: responsable
other 4: tenais a remercier; juste dire merci; recrut*; candidature; offre d emploi
other 4: mon cv; embauch*; cherche du travail; cherche un emploi; cherche du boulot; cherche un travail
other 2: vous proposez; services
other 2: gentillesse; merci pour; je voulais juste dire; tres bien; ravi*
other 3: un grand merci; merci beaucoup pour; felicit*; bravo; trompe de numero; mauvais numero
# Round 11: a wrong number in the feminine or plural ("je me suis trompée de numéro"), and the
# wrong service.
other 4: trompee de numero; trompes de numero; trompees de numero; trompe de service; trompee de service
other 3: fete des voisins; erreur de numero; wrong number; remercie*; remercier; magnifique
other 2: tres efficace; efficace; tres professionnel*; tres aimable; au top; impeccable
other 2: organisez; organiser; reunion; concours; jardin partage*; atelier*; evenement*; bravo a
other 1.5: information*; renseignement*; horaires; agence ouverte; ouverture de l agence
# Thanks after a job done, and asking to close a request: nothing left to do.
other 4: vous pouvez cloturer; vous pouvez clore; vous pouvez fermer; merci de cloturer; merci de clore
other 4: cloturer ma demande; cloturer le ticket; cloturer le dossier; cloturer la demande; clore le dossier
other 4: fermer le ticket; fermer ma demande; fermer la demande; fermer le dossier; classer le dossier
other 4: annuler ma demande; annuler la demande; plus besoin de passer; plus besoin d intervention
other 3: plus besoin; n est plus necessaire; tout est rentre dans l ordre; tout est en ordre
other 3: tout fonctionne; tout marche; tout est ok; c est regle; probleme est regle; probleme regle
other 3: merci au technicien; merci a l equipe; merci a votre equipe; remercier le technicien; remercier l equipe
other 3: merci beaucoup au; merci beaucoup a la; merci au gardien; merci a la gardienne; tres gentil; tres gentille; vraiment gentil; vraiment gentille
other 3: tres satisfait*; bon travail; du bon boulot; travail soigne; rapide et efficace; s est bien passe*
other 3: close the request; close my request; close the ticket; thank you for; thanks for
# Round 11: thanks to a member of staff named by who they are ("merci à la dame de l'agence",
# "super accueil"), even when the help was with a file.
other 3: merci a la dame; merci au monsieur; merci a la personne; merci a votre collegue; merci a la conseillere; merci au conseiller; merci a l agent; merci a l employe*
other 3: super accueil; tres bon accueil; bon accueil; accueil formidable; accueil au top; pris le temps de m aider; pris le temps de m expliquer; pris du temps pour m aider
# Round 9: booking the common room is other.
other 3: salle commune; salle polyvalente; reserver la salle; reserve la salle

# ---------------------------------------------------------------- status of an existing request
status 3: ou en est; ou en etes vous; en etes ou; vous en etes ou; ou ca en est; ou cela en est
status 3: en est ou; ou en sommes nous; etat d avancement; suivi de ma demande; statut de ma demande
status 3: toujours pas de date; toujours pas de nouvelle*; toujours aucune nouvelle*; toujours rien
status 3: j attends toujours; attends toujours; attend toujours; on attend toujours
status 3: toujours en attente
status 3: toujours aucune date; toujours pas de rdv; toujours aucun rdv; toujours pas de rendez vous; toujours aucun rendez vous
status 3: je relance; nouvelle relance; derniere relance; je vous relance; status of; heard nothing
status 3: still waiting; any update*; suit son cours; passee en commission; passe en commission
status 2.5: on m avait dit; on nous avait dit; on m a dit que; on m avait promis; m avait assure
status 2.5: devait passer; devait venir; devait revenir; devaient passer; devaient venir
status 2.5: devait etre
status 2.5: quelqu un passerait; passerait; viendrait; allait venir; allait passer; etait cense
status 2.5: avez vous une date; avoir des nouvelles; des nouvelles de ma; connaitre la date
status 2.5: m en dire plus sur
status 2.5: j avais demande; j avais signale; deja signale; j ai fait la demande
status 2.5: j ai fait une demande
status -3: lettre de relance; relance de paiement; relance pour un impaye; relance pour impaye
status -3: courrier de relance
status 2: relance*
status 2.5: statut; status; aucune nouvelle; pas de nouvelle*; sans nouvelle*
status 2.5: avait avance; a avance; rien ne bouge; rien n a bouge; aucune suite; suivre ma demande
status 2: savoir si ma demande; savoir si mon dossier; savoir ou; savoir quand; il arrive quand
status 2: j attends depuis; toujours pas; toujours sans; toujours aucun*; pas de suite; en cours
status 2: planifie*; promis; pas encore connu de suite; deja fait une demande; deja appele
status 2: si c est accepte; est accepte*; a ete accepte*; est valide*; est prete; est pret
status 2.5: que j ai signale; la demande que j ai faite; demande que j ai faite; a bien ete
status 2.5: has been reviewed; not heard anything; have not heard; haven t heard; no reply
status 2.5: malgre mon appel; malgre mes appels; malgre mon courrier; malgre mes relances
status 2.5: personne n est venu*; personne n est passe*; n est pas venu*; n est pas passe*
status 1.5: n est venu*; est venu*; depuis la reparation; apres la reparation; apres son passage
status 1.5: j ai signale; me confirmer que; renouvel*; whether it has
status -3: bien recu votre reponse; merci pour votre reponse
status -3: vous pouvez cloturer; vous pouvez clore; merci de cloturer; merci de clore; cloturer ma demande
status -3: cloturer le ticket; cloturer le dossier; cloturer la demande; clore le dossier; plus besoin
status -3: fermer le ticket; fermer ma demande; fermer la demande; fermer le dossier; annuler ma demande
status -2: tout est rentre dans l ordre; tout fonctionne; merci au technicien; remercier le technicien
status 2: j ai demande; sans date; pas de date; quelle date
status 1.5: une date
status 2: de ma demande; ma demande; mon dossier; ma reclamation; mon ticket; le ticket; ce ticket
status 2: la demande n; le dossier n; le dossier; votre technicien; submitted; m a assure
status 1.5: savoir pour; c est pour savoir; je voulais savoir; j attends le; j attends la
status 2.5: j ai rien recu; toujours rien recu; toujours pas recu; jamais recu; n ai rien recu
status 1.5: j attends; j ai appele; j ai telephone; j ai ecrit; deja ecrit; plusieurs fois
status 1.5: ca fait _ semaines; ca fait _ mois; cela fait _ semaines; cela fait _ mois
status 2.5: telephone _ fois; appele _ fois; ecrit _ fois; relance _ fois; ca avance
status 2.5: a t elle avance
status 0.5: depuis; toujours
status 1.5: en attente; ticket; dossier; vous pouvez m en dire plus; m en dire plus
status 1.5: date d intervention
status 1: pas recu; delai*; quand; commission; suivi; retour; promise; examine*; passe bien
status 1: annonce dans votre courrier; revenir
status 2.5: j avais fait une demande; j avais fait la demande; je vous ai sollicite
status 2.5: suite a ma demande
status 2.5: concernant ma demande; suites donnees; suite donnee; a ete examine*; a ete traite*
status 2.5: a bien ete recu*; avez vous bien recu; vous avez bien recu; bien recu mon; bien recu ma
status 2.5: avez vous recu; vous avez recu; avez vous eu; vous avez eu
status 2.5: vous l avez recu*; vous les avez recu*; vous l avez eu*; vous les avez eu*; l avez vous recu*; les avez vous recu*
status 2.5: toujours personne; plus aucun signe; aucun signe de vie; sont programme*; sont prevu*; est passe* constater; sont passe* constater
status 1.5: j ai envoye; j ai transmis; j ai donne mes; j ai fourni
status 2.5: i called about; i rang about; i phoned about; i emailed about; been booked; booked in yet; booked to come
status 2.5: c est fait; si c est passe; etait prevu*; toujours prevu*; comme prevu; reporte*
status 2.5: il revient quand; revient quand; reviendrait; n est jamais arrive*; jamais arrive*
status 2.5: devais etre; je devais; il devait; elle devait; plus de nouvelles
status 2.5: n ai plus de nouvelles
status 2.5: je rappelle pour; c est encore moi; encore moi pour; une enieme fois
status 1.5: je reviens vers vous; je reviens vers vous concernant
status 2.5: fois que j appelle; fois que j ecris; fois que je relance; fois que je demande
status 2.5: fois que j ai appele; j avais envoye; demande faite; demande deposee; dossier depose
status 2.5: fois que je vous ecris; fois que je vous appelle; fois que je vous telephone; fois que je telephone; fois que je vous contacte
status 2.5: fois que je signale; fois que je vous relance; fois que jecris; fois que japelle
status 2: personne me repond; personne ne me repond; on ne me repond pas; on me repond pas; on ne me repond jamais
status 1.5: demande du; rien vu; aucune reponse; a nouveau; peut revenir
status -2: me l envoyer; me les envoyer; l envoyer; les envoyer; me la renvoyer
status -2: mettre a jour; renvoyer; me renvoyer; m envoyer; envoyez moi; me faire parvenir
status -2: il me faudrait
status -1: je souhaite; je voudrais; j aimerais; comment je peux; comment faire; est ce possible
status 2.5: il avait dit; avait dit qu; avaient dit; on devait; devait me; devaient me; repasserait
status 2.5: devait m; devaient m
status 2.5: jamais revu; jamais venu*; toujours pas venu*; personne est venu*; personne est passe*
status 2.5: ca bouge; il se passe quoi; tenir inform*; avancee de; l avancee; sous quel delai
status 2.5: n a donne lieu a aucune; aucune intervention; c est toujours pour; toujours pour ma
status 2.5: toujours pour mon; c est encore pour; encore pour le; encore pour la; encore pour ma
status 2.5: encore pour mon; mon signalement; signalement du; mon appel du; mon courrier du
status 2.5: mon mail du; suite a mon appel; suite a mon courrier; suite a mon mail; je l ai depose*
status 2.5: comme convenu; comme promis; m avait dit; my request; my repair request; my application
status 1.5: j ai depose
status 2.5: j ai depose .. demande; j ai depose .. dossier
status 0: depuis que j ai signale; depuis que je l ai signale
# A letter's closing about the request it is making ("l'attention que vous porterez à ma
# demande", "pour constituer le dossier") is no follow-up; nor is a contract not renewed or the
# unemployment benefit ("allocation de retour à l'emploi").
status 0: porterez a ma demande; accorderez a ma demande; reserverez a ma demande; examiner ma demande; etudier ma demande
status 0: constituer le dossier; constituer mon dossier; pas ete renouvele*; non renouvele*; retour a l emploi
# How often a nuisance happens is not how often the tenant wrote ("plusieurs fois par semaine").
status 0: plusieurs fois par
status 2: depose en; convenu avec; toujours actif; toujours active; je confirme que
status 1: on est en; je confirme; on est fin
status 2: serait refait*; serait fait*; serait repare*; serait change*; serait remplace*
status 2.5: devait me rappeler; m aviez dit; vous aviez dit; vous m aviez; ecris pour la _ fois
status 2.5: appelle pour la _ fois; ecrit pour la _ fois; relance pour la _ fois
status 1: pour la _ fois; si personne ne vient
status 2.5: suite a mon courriel; courriel du; reste sans reponse; restee sans reponse
status 2.5: que je signale
status 2.5: personne vient; personne ne vient; prise en compte; pris en compte; prochaines etapes
status 2.5: signale il y a; signale la semaine; est prevu*; qd il vient; quand il vient
status 2.5: jamais passe*
status 2: aucune confirmation; et maintenant; aucun retour
status 2.5: promesse non tenue; promesses non tenues; promesse pas tenue
status 2.5: message sans reponse; messages sans reponse; mail sans reponse; mails sans reponse
status 2.5: demande sans reponse; demandes sans reponse; appels sans reponse; relances sans reponse
status 2.5: courriers sans reponse; toujours sans reponse; restes sans reponse; restees sans reponse
status 2.5: depuis plus rien; et depuis rien; depuis rien; s il y a une date; c est programme
status 2.5: visite .. n a pas eu lieu; passage .. n a pas eu lieu; rendez vous .. n a pas eu lieu
status 2.5: intervention .. n a pas eu lieu; rdv .. n a pas eu lieu; que j avais signale*
status 2.5: je vous ai adresse*; je vous ai envoye*; je vous ai transmis; je vous ai fait parvenir
status 2.5: rappellerait; recontacterait; appellerait; enverrait; interviendrait; passeraient
status 2.5: viendraient; serait programme*; serait commande*; etait annonce*; annonce* dans votre
status 2: avez pu regarder; vous avez pu; avez vous pu
status 2.5: vous nous aviez; vous nous aviez dit; vous m aviez promis; vous nous aviez promis; nous avait promis
# Approximate French from non-native speakers: infinitives, no article, no "ne".
status 2.5: toujours attendre; moi attendre; j attendre; nous attendre; attendre toujours; encore attendre
status 2.5: quand vous venir; quand venir; quand quelqu un venir; personne venu; personne venir
status 2.5: personne pas venu; pas venir; il y a reponse; y a reponse; pas de reponse; pas reponse
# Somebody who will not come to stay with the writer ("il veut pas venir chez moi") is no
# visit that did not happen.
status 0: veut pas venir chez; voulait pas venir chez; veulent pas venir chez; veut pas venir dormir
status 2: mon demande; ma demande il; vous dire .. .. ok; vous avez dit; quand vous donner
# A repeated contact counted by its rank ("c'est le quatrième appel", "4e fois").
status 2.5: quatrieme fois; cinquieme fois; sixieme fois; dixieme fois; enieme fois; 4e fois; 5e fois
status 2.5: 4eme fois; 5eme fois; 6e fois; 6eme fois; troisieme appel; quatrieme appel; cinquieme appel
status 2.5: 3e appel; 4e appel; 5e appel; 3eme appel; 4eme appel; 5eme appel; je rappelle encore
status 2.5: rappelle encore; third time; fourth time; fifth time
status 2.5: pour la deuxieme fois; pour la troisieme fois; pour la quatrieme fois; pour la 2e fois; pour la 3e fois; pour la 3eme fois; pour la 4e fois
status 2.5: 2e relance; 3e relance; 4e relance; 2eme relance; 3eme relance; 4eme relance; deuxieme relance; troisieme relance; quatrieme relance
# The rank of a mail, message or letter: "troisième mail pour la fuite".
status 2.5: deuxieme mail; troisieme mail; quatrieme mail; 2e mail; 3e mail; 4e mail; 3eme mail; 4eme mail
status 2.5: deuxieme message; troisieme message; quatrieme message; 2e message; 3e message; 3eme message
status 2.5: deuxieme courrier; troisieme courrier; quatrieme courrier; 2e courrier; 3e courrier; 3eme courrier
# SMS spellings the normaliser leaves: "devai passer", "persone".
status 2.5: devai passer; devai venir; devais passer; persone; personne n est venue
# "bât C fait un bruit": a building letter, not "c'est fait".
status 0: bat c est fait; batiment c est fait; bloc c est fait; escalier c est fait; entree c est fait
# English follow-ups.
status 2.5: following up; follow up on; i reported; i applied; i submitted; supposed to come
status 2.5: was supposed to; nobody came; nobody showed; nobody has come; did you receive
status 2.5: waiting list; has a date been set; any news; writing again; you said; still pending
status 2.5: still open; no confirmation; haven t had; has this been; been assigned; still no
status 2.5: i sent; you again; were received; was received; confirm receipt; still coming; still planned
status 2.5: still going ahead; still on for; is it still
status 2: a fait la demande; bien enregistre*; est enregistre*; ete enregistre*

# ---------------------------------------------------------------- a new problem follows
new 1: par ailleurs; autre probleme; autre chose; autre souci; en plus de ca; en outre
# "Entre-temps, la vitre s'est fendue": a weak boundary, like "depuis hier" (round 28).
new 0.5: entre temps
new 0.5: et depuis son passage; depuis son passage; depuis leur passage; depuis votre passage
new 1: de plus il; de plus le; de plus la; de plus les; de plus j; de plus nous; de plus depuis
new 1: et maintenant; maintenant il y a; nouveau probleme; une autre demande; j en profite
new 1: et sinon; sinon j ai; sinon il y a; et aussi; aussi mon; aussi ma; aussi le; aussi la
new 1: aussi il y a
new 1: au passage; aussi un; aussi une; egalement un; egalement une; en plus il y a; et en plus
new 1: aussi que; egalement que; signale aussi; signale egalement; signaler aussi; signaler egalement
new 1: au fait; ps; p s; autre chose; et puis aussi; je vous signale au passage
new 1: mais sinon; a part ca; a part cela; autre question; surtout une question; mais j ai aussi
# Contrastive and additive connectors: what follows them is usually something else.
new 1: par contre; en revanche; mais aussi; d autre part; de plus; en plus; autre point; autre detail
new 1: j ai aussi; j ai egalement; il y a aussi; il y a egalement; on a aussi; nous avons aussi
new 1: un autre probleme; deuxieme probleme; second probleme; deuxieme chose; derniere chose
new 1: mais maintenant; et la maintenant; mais la maintenant; maintenant c est; maintenant j ai
new 1: maintenant on a; maintenant ca; et depuis peu; depuis peu; nouvelle fuite; nouveau souci
new 1: in addition; also the; another problem; apart from that
new 0: de plus en plus
# "Another thing" in every register, and taking the chance of a letter to raise something else.
new 1: autre truc; deuxieme truc; second truc; autre sujet; autre demande; autre requete
new 1: autres problemes; autres soucis; point distinct; sujet distinct; probleme distinct
new 1: je profite de; profite de ce courrier; profite de ce message; profite de l occasion
new 1: another thing; one more thing; something else; on another note; also there is; also my
new 1: and also; oh and also
# The same, with an adverb in between or in a letter's words ("je profite également de ce
# courrier", "par la même occasion", "un autre désordre"). In a courtesy sentence ("je vous
# remercie par la même occasion") they open nothing (ContactReader, courtesy sentences).
new 1: profite .. de ce courrier; profite .. de ce message; profite .. de ce mail; profite .. de l occasion
new 1: profite .. de cette occasion; j en profite .. pour; par la meme occasion; dans le meme courrier
new 1: autre desordre; autres desordres; second desordre; nouveau desordre; un autre point
new 1: souhaite egalement vous signaler; tiens egalement a vous signaler; dois egalement vous signaler
new 1: vous informe egalement; vous signale egalement; souhaite aussi vous signaler; tiens aussi a vous signaler
# Weak boundaries (under 1): an aside ("ah et", "sinon", "à côté de ça") or a fresh onset
# ("depuis hier", "ce matin", "now"). After a follow-up, they start a new request only when
# their clause is about something other than the follow-up (ContactReader::weakNewProblem).
new 0.5: sinon; ah et; oh et; ah oui et; oh and; and now; a cote de ca; a cote de cela
new 0.5: en meme temps; et puis; je voulais vous dire; je voulais aussi; je voulais vous signaler
new 0.5: je vous signale; je dois vous dire
new 0.5: depuis hier; depuis ce matin; depuis cette nuit; depuis ce week end; depuis le week end
new 0.5: depuis avant hier; depuis quelques jours; depuis deux jours; depuis trois jours; depuis 2 jours
new 0.5: depuis 3 jours; depuis lundi; depuis mardi; depuis mercredi; depuis jeudi; depuis vendredi
new 0.5: depuis samedi; depuis dimanche; depuis cette semaine; depuis une semaine; depuis 1 semaine
new 0.5: ce matin; cette nuit; hier soir; cet apres midi; aujourd hui; maintenant; now
new 0.5: since yesterday; since this morning; this morning; last night; today

# ---------------------------------------------------------------- urgency (points)
urgent 70: jaillit; jaillissent; gicle*; jet d eau; l eau monte; eau monte; eclate*
urgent 70: rupture de canalisation
urgent 65: courant .. saute; plus du tout de courant; fils .. visibles; fils apparents
urgent 65: prise arrachee
urgent 40: arrive pas a fermer le robinet; impossible de couper l eau; robinet d arret
urgent 40: trouve pas ou on coupe l eau; sais pas ou couper l eau; sais pas ou on coupe l eau
# Water spreading through the home towards the sockets; a person lying still (round 21).
urgent 70: vers les prises; jusqu aux prises; fuit de partout; de l eau dans tout
urgent 70: bouge presque pas; bouge presque plus; il ne bouge plus; elle ne bouge plus; il bouge plus; elle bouge plus
urgent 70: respire plus; inconscient*
# Round 23, from check_u's misses (emergencies told without the usual words).
urgent 70: elle ne bouge pas; il ne bouge pas; ne bouge pas et ne repond pas
urgent 75: remonte par la bonde; remonte par le siphon; eau grise .. .. remonte*; douche .. .. deborde*; baignoire .. .. deborde*
urgent 75: egout* .. .. remont*; remonte encore dans; merde dans la baignoire
urgent 70: goutte* par le spot; coule* par le spot; goutte* .. .. lampe; coule* .. .. lampe; plafond fait une poche
urgent 70: ca hurle et ca cogne; ca cogne; une femme crie; femme qui crie; choses qui se cassent; en train de frapper; frapper sa femme
urgent 50: bloque grand ouvert; trouve pas la vanne; trouve pas le robinet d arret; va deborder
urgent 70: odeur .. .. .. chaudiere; tous mal a la tete; on a mal a la tete; mal de tete .. .. odeur
urgent 70: racines sortent de terre; arbre .. .. va tomber; arbre .. .. penche dangereusement
urgent 75: plus aucune electricite; aucune electricite; plus aucune lumiere ni; aucune prise ne; ni prise ne fonctionne
urgent 70: a la lampe de poche; a la bougie; lampe torche
urgent 65: sort de sous les plinthes; sous les plinthes .. .. eau; s etale partout; ca s etale
urgent 80: on est .. dans l ascenseur; ils sont .. dans l ascenseur; elle est dans l ascenseur; il est dans l ascenseur
# Round 25 (after blind_40..43): an electrical panel too hot to touch, a swollen ceiling told at
# length, a railing hanging loose, a person lying still said without "ne", a tree down across
# the way out, roof tiles blown off over the street.
urgent 70: tableau .. .. brulant; tableau .. .. brule quand; compteur .. .. brulant; prise .. .. brulante; disjoncteur .. .. brulant
urgent 70: plafond .. .. .. gonfl*; grosse poche; poche toute molle; poche .. .. goutte*; que ca me tombe dessus; nous tombe dessus
urgent 70: rambarde .. .. decroch*; garde corps .. .. decroch*; rambarde .. .. tient plus; garde corps .. .. tient plus; tient plus qu a _ vis
urgent 70: bouge pas et repond pas; bouge pas et ne repond pas; allonge* dans le local
urgent 70: arbre .. .. est tombe; pin .. .. est tombe; voitures ecrasees; voiture ecrasee; peut plus sortir ni rentrer
urgent 70: tuiles .. .. s envolent; tuiles s envolent; tombees sur le trottoir; tombe sur le trottoir; tombent sur le trottoir
# Round 26 (after blind_44..47): water reaching the electrical panel or the neighbour below now,
# and violence heard now ("elle crie à l'aide", "la dame hurle arrête").
urgent 70: au dessus du tableau electrique; coule* .. .. .. tableau electrique; goutte chez la voisine; goutte chez le voisin; goutte chez elle; coule chez la voisine; coule chez le voisin; l eau arrive jusque
urgent 70: crie a l aide; hurle arrete; crie arrete; tape contre les murs
# Round 28 (after blind_56..63): a railing loose at its fixings, a frame or a railing held by one
# point, water spreading into the next room or faster now, a child shut in alone, a door kept
# shut with a chair or a home that cannot be left shut, a gas smell told by the cooker, a man
# shouting at his partner. The review of rounds 28-32 narrowed these to their water, their door
# or their cooker ("l'ampoule dans le plafonnier", "le robinet coule de plus en plus", "le
# voisin donne des coups contre le mur", "j'ai oublié d'allumer le chauffage" are no emergency).
urgent 70: rambarde .. .. descell*; garde corps .. .. descell*; balustrade .. .. descell*; rambarde .. .. decoll*; garde corps .. .. decoll*
urgent 70: rambarde .. .. bouge*; garde corps .. .. bouge*; balustrade .. .. bouge*; failli passer par dessus
urgent 60: tient plus que par; tient plus qu a un; tient plus qu a une; tient plus qu au
urgent 70: eau .. .. arrive dans le couloir; eau .. .. arrive dans le salon; eau .. .. arrive dans la chambre; eau .. .. arrive dans la cuisine; ca arrive dans le couloir; ca arrive dans le salon
urgent 70: ca coule beaucoup plus; ca coule de plus en plus; ca coule encore plus; coule beaucoup plus fort
urgent 80: dedans tout seul; dedans toute seule; enferme* tout seul; enferme* toute seule; seul a l interieur; seule a l interieur
urgent 65: chaise coincee sous; chaise sous la poignee; chaise contre la porte; chaise derriere la porte pour
urgent 65: sans laisser l appart* ouvert; sans laisser le logement ouvert
urgent 70: cuisiniere sans allumer; gaziniere sans allumer; oublie d allumer le feu
urgent 70: crie sur sa femme; hurle sur sa femme; il la frappe; elle dit arrete
# Round 29 (after blind_64..71): water on a ceiling light or into the flat below now, a lift door
# open on the shaft, sewage out of the shower, somebody threatening to set the building alight.
urgent 70: eau .. .. .. plafonnier; goutte* .. .. plafonnier; coule* .. .. plafonnier; eau .. .. .. autour du spot; goutte* .. .. autour du spot
urgent 70: coule dans sa salle de bain; coule dans sa cuisine; coule chez lui; coule chez eux; eau .. .. passe chez le voisin; eau .. .. passe chez la voisine; ca passe chez le voisin; ca passe chez la voisine
urgent 85: pas l ascenseur derriere; ascenseur n etait pas la; cabine n etait pas la; cabine etait pas la
urgent 75: ressort par la douche; ressort aussi par la douche; ressort par la baignoire; ressort par le lavabo
urgent 80: va mettre le feu; veut mettre le feu; menace de mettre le feu; bidon d essence
# Round 30 (after blind_72..79): a person who may not be breathing, fear of intruders coming
# back tonight (not "peur qu'il revienne" alone: a violent ex-partner, blind_32 u173), a man
# with an iron bar at the doors.
urgent 80: sais pas s il respire; sais pas si il respire; sais pas s elle respire; sais pas si elle respire
urgent 60: peur qu ils reviennent ce soir; peur qu ils reviennent cette nuit; peur qu il revienne ce soir; peur qu il revienne cette nuit; peur pour ce soir; peur pour cette nuit
urgent 75: barre en fer; barre de fer; tape sur toutes les portes
# Round 31 (after blind_80..87): a railing off the wall, a lift door open on an empty shaft,
# somebody locked out with children, a boiler beeping (a CO sign) and nausea (a weak one).
urgent 70: rambarde .. .. tient plus au mur; garde corps .. .. tient plus au mur
urgent 85: cabine est pas la; cabine n est pas la; on voit le vide
urgent 65: suis dehors avec mes; suis bloquee dehors avec mes; suis bloque dehors avec mes; suis coincee dehors avec mes
# Round 32 (after blind_88..95): a crack that keeps growing.
urgent 70: fissure .. .. s agrandit
urgent 60: allonge* dans le hall; allonge* dans l escalier; allonge* par terre; allonge* sur le palier
urgent 30: dans le noir
urgent 20: dans tout l appart*; dans tout le logement; ne revient pas
urgent 75: eau sale remonte; eaux sales remontent; toilettes deborde*; wc qui deborde*
urgent 75: toilettes qui deborde*; cuvette qui deborde*; la cuvette deborde*
urgent 70: detecteur* de fumee sonne; detecteur* de fumee .. sonne; alarme incendie
urgent 60: sent les egouts; odeur d egout*
urgent 40: remonte* dans
urgent 5: detecteur* de fumee; detecteur* de fumees
urgent 90: odeur .. de gaz; odeur .. gaz; smell .. gas
urgent 0: attendez que le plafond tombe; attendre que le plafond tombe; attendez que .. tombe
urgent 90: odeur de gaz; sent le gaz; fuite de gaz; ca sent le gaz; smell of gas; smells of gas
urgent 90: gas leak; monoxyde; au feu; il y a le feu; coups de feu; coup de feu
urgent 85: incendie; pris feu; prend feu; flammes; bloque* dans l ascenseur
urgent 85: coince* dans l ascenseur
urgent 85: enferme* dans l ascenseur; stuck in the lift; stuck in the elevator; plafond s effondre
urgent 80: ascenseur bloque .. avec; bloque* .. dedans; coince* .. dedans; couteau; arme a feu
urgent 80: personne bloquee; quelqu un .. bloque; egout* refoul*; remontee* d eaux usees
urgent 75: de la fumee; fumee; inond*; flood*; coule* .. du plafond; coule .. plafond; eau partout
urgent 75: de l eau partout; plus d electricite; plus de courant; plus du tout d electricite
urgent 75: no electricity; no power; water pouring; ceiling collapsed; plafond .. effondr*
urgent 75: plafond s est effondre; mur .. effondr*; balcon .. effondr*; escalier .. effondr*
urgent 60: risque d effondrement; menace de s effondrer; s ecroule
urgent 70: saigne; en sang; il la frappe; il le frappe; la frappe; le frappe; frappe sa femme
urgent 70: violence* conjugale*
urgent 60: blesse*; blessure*
urgent 30: par terre
urgent 20: la maintenant; en ce moment meme
urgent 70: se battent; se bat; en danger; au secours; trombe*; cascade
urgent 30: menace de mort
# A threat to kill told by the person threatened: safety now (the reporter is not aggressive).
urgent 70: va me tuer; veut me tuer; menace de me tuer; va nous tuer; veut nous tuer
urgent 70: menace de nous tuer; va la tuer; menace de la tuer; going to kill me
# Violence heard next door, feared for the person hit (round 16).
urgent 70: qu il lui fasse du mal; qu il la tue; qu il le tue; qu il leur fasse du mal
urgent 70: ca crie ca tape; ca crie et ca tape; femme qui hurle; dame qui hurle; la femme hurle
urgent 70: la dame hurle; crient au secours; appelait au secours
# Everyday wordings of emergencies now.
urgent 70: ne s arrete pas; ne s arrete plus; n arrete pas de couler; coule sans arret
urgent 70: traverse le plancher; traverse le plafond; passe a travers; a traverse le
urgent 70: sol est recouvert; recouvert d eau; monte encore; ca monte; niveau monte
urgent 60: eaux marron; eau marron; eaux noires; matieres fecales; excrements
urgent 75: en partie effondre*; effondre sur; beton tombe*; morceaux de beton; blocs de beton
urgent 60: risque de tomber; menace de tomber; se detache du mur; se decroche du plafond
urgent 80: electrocut*; decharge electrique; prend le jus; cables fondus; odeur de crame
urgent 75: fumee noire; ca fume; odeur de fumee; pistolet; fusil; coups de couteau; arme
urgent 90: gaz sent; pue le gaz; sent fort le gaz; odeur forte de gaz
# Gas described rather than named (rotten eggs is how mercaptan smells).
urgent 85: oeuf pourri; oeufs pourris; odeur d oeuf*; sent l oeuf*; sent les oeufs
urgent 60: odeur .. gaziniere; sent .. gaziniere; odeur .. chaudiere; sent .. chaudiere
# Falling structure, however it is worded.
urgent 75: plafond .. .. s effondr*; plafond .. .. s est effondre*; plafond .. .. vient de tomber
urgent 75: mur .. .. s effondr*; balcon .. .. s effondr*; escalier .. .. s effondr*
urgent 70: morceaux .. .. tomb*; gravats .. .. tomb*; plaques .. .. tomb*
urgent 70: morceau de platre .. .. tomb*; morceau du plafond .. .. tomb*; bout de platre .. .. tomb*; gonfl* .. .. .. goutt*
urgent 50: vient de s effondrer; continuent de tomber; continuent a tomber
# A structure and a falling word in the same stretch of a sentence, however worded.
urgent 70: plafond .. .. tomb*; plafond .. .. effondr*; plafond .. .. cede; plafond .. .. ceder; plafond .. .. ecroul*; plafond .. .. craque*; plafond .. .. s affaiss*; plafond .. .. penche; plafond .. .. s ouvre en deux
urgent 70: faux plafond .. .. tomb*; faux plafond .. .. effondr*; faux plafond .. .. cede; faux plafond .. .. ceder; faux plafond .. .. ecroul*; faux plafond .. .. craque*; faux plafond .. .. s affaiss*; faux plafond .. .. penche; faux plafond .. .. s ouvre en deux
urgent 70: mur .. .. tomb*; mur .. .. effondr*; mur .. .. cede; mur .. .. ceder; mur .. .. ecroul*; mur .. .. craque*; mur .. .. s affaiss*; mur .. .. penche; mur .. .. s ouvre en deux
urgent 70: cloison .. .. tomb*; cloison .. .. effondr*; cloison .. .. cede; cloison .. .. ceder; cloison .. .. ecroul*; cloison .. .. craque*; cloison .. .. s affaiss*; cloison .. .. penche; cloison .. .. s ouvre en deux
urgent 70: balcon .. .. tomb*; balcon .. .. effondr*; balcon .. .. cede; balcon .. .. ceder; balcon .. .. ecroul*; balcon .. .. craque*; balcon .. .. s affaiss*; balcon .. .. penche; balcon .. .. s ouvre en deux
urgent 70: toit .. .. tomb*; toit .. .. effondr*; toit .. .. cede; toit .. .. ceder; toit .. .. ecroul*; toit .. .. craque*; toit .. .. s affaiss*; toit .. .. penche; toit .. .. s ouvre en deux
urgent 70: toiture .. .. tomb*; toiture .. .. effondr*; toiture .. .. cede; toiture .. .. ceder; toiture .. .. ecroul*; toiture .. .. craque*; toiture .. .. s affaiss*; toiture .. .. penche; toiture .. .. s ouvre en deux
urgent 70: escalier .. .. tomb*; escalier .. .. effondr*; escalier .. .. cede; escalier .. .. ceder; escalier .. .. ecroul*; escalier .. .. craque*; escalier .. .. s affaiss*; escalier .. .. penche; escalier .. .. s ouvre en deux
urgent 70: plancher .. .. tomb*; plancher .. .. effondr*; plancher .. .. cede; plancher .. .. ceder; plancher .. .. ecroul*; plancher .. .. craque*; plancher .. .. s affaiss*; plancher .. .. penche; plancher .. .. s ouvre en deux
urgent 70: facade .. .. tomb*; facade .. .. effondr*; facade .. .. cede; facade .. .. ceder; facade .. .. ecroul*; facade .. .. craque*; facade .. .. s affaiss*; facade .. .. penche; facade .. .. s ouvre en deux
urgent 70: corniche .. .. tomb*; corniche .. .. effondr*; corniche .. .. cede; corniche .. .. ceder; corniche .. .. ecroul*; corniche .. .. craque*; corniche .. .. s affaiss*; corniche .. .. penche; corniche .. .. s ouvre en deux
urgent 70: tomb* du plafond; tomb* .. du plafond; morceau* du plafond; bout du plafond
# Gas named with a smell nearby, in either order; sulphur is how the added odorant smells.
urgent 85: gaz* .. .. odeur*; gaz* .. .. sent; gaz* .. .. pue; sent .. .. gaz*; pue .. .. gaz*
urgent 85: odeur* .. .. gaz*; soufre; tourner la tete; mal a la tete .. odeur
# Water on electricity; electricity that sparks, burns or blows.
urgent 75: eau .. .. lustre; eau .. .. plafonnier; eau .. .. spot*; eau .. .. interrupteur*
urgent 75: eau .. .. prise*; eau .. .. tableau electrique; eau .. .. compteur electrique
urgent 75: coule* .. .. prise*; coule* .. .. lustre; goutte* .. .. lustre; goutte* .. .. prise*
urgent 75: prise* .. .. etincel*; prise* .. .. flamme*; prise* .. .. fume*; prise* .. .. explos*
urgent 75: compteur* .. .. etincel*; tableau .. .. etincel*; tableau .. .. fume*; disjoncteur* .. .. fume*
urgent 70: sent le crame; sent le cramer; sent le plastique brule; odeur de plastique brule
urgent 70: prise* .. .. noirci*; prise* .. .. fondu*; interrupteur* .. .. fondu*
# Sewage coming back up, in the words tenants use.
urgent 75: deborde* .. toilettes; deborde* .. wc; deborde* .. douche; refoul* .. douche
urgent 75: ressort par la douche; sort par la douche; remonte par la douche; remonte* par l evier
# Violence now.
urgent 70: tape sur les gens; tapent sur les gens; frappe les gens; frappent les gens; barre de fer
urgent 40: venez vite; vite svp; vite s il vous plait
urgent 0: eclater la tete; eclate la tete; lui eclater
# "je vous éclate", "je vais t'éclater": a threat (aggression), not a burst pipe.
urgent 0: vous eclate*; je t eclate*; te eclate*; lui eclate*; leur eclate*; je les eclate*; vais vous eclater; vais t eclater
# Condensation running down the windows is damp, not water pouring in.
urgent 0: condensation .. .. .. ruissel*; buee .. .. ruissel*
# Flakes of paint falling are a repair, not falling structure.
urgent 0: morceaux de peinture tomb* du plafond; morceaux de peinture tomb* .. du plafond; peinture tomb* du plafond; peinture qui tombe* du plafond; peinture qui tombe* .. du plafond
urgent 0: des morceaux de peinture .. tomb*; petits morceaux de peinture .. tomb*; des bouts de peinture .. tomb*; des morceaux de peinture tomb*; petits morceaux de peinture tomb*; des ecailles de peinture .. tomb*
# A gas smell denied: "ça sent pas le gaz hein".
urgent 0: ca sent pas .. gaz*; ca sent plus .. gaz*; ne sent pas .. gaz*; ne sent plus .. gaz*; ca pue pas .. gaz*
urgent 0: je sens pas .. gaz*; on sent pas .. gaz*; je sens plus .. gaz*; on sent plus .. gaz*; aucune odeur .. gaz*
# A cistern that keeps filling is not a flood.
urgent 0: chasse d eau .. .. arrete plus; chasse d eau .. .. arrete pas; chasse .. .. arrete plus
urgent 0: si ca continue; si ca continue comme ca
# A fire feared, a gutter overflowing in the rain (round 22).
urgent 0: risque d incendie; risque incendie; peur d un incendie; crainte d un incendie; gouttiere* .. .. deborde*
# Not emergencies: a running cistern, lukewarm water, plants being watered, a buzzing doorbell.
urgent 0: chasse d eau coule*; chasse d eau .. coule*; chasse coule*; la chasse .. en continu
# Water running into a toilet bowl is a repair, not water pouring into the home.
urgent -30: cuvette; dans la cuvette; la cuvette; toilet bowl
urgent 0: eau sort tiede; eau sort froide; eau .. sort tiede; arrose* .. .. eau coule*
urgent 0: eau coule* .. .. arrose*; plantes .. .. deborde*; jardiniere* .. .. deborde*
urgent 0: sonnette gresille; interphone gresille; sonnette .. gresille; interphone .. gresille
# Smoke from a barbecue, cigarettes or a shisha is a nuisance, not a fire.
urgent -50: barbecue; barbecues; barbec*; plancha; chicha; narguile*; cigarette*; clope*; fument; fume sur
urgent -50: fume a sa fenetre; fume a la fenetre; fume dans la cage; fumee de cigarette; fumee de tabac
# A gas smell that was dealt with is past.
resolved 1: grdf est passe*; grdf est venu*; technicien gaz est passe*; gaz a ete coupe*; fuite a ete colmatee
resolved 1: plus d odeur; plus aucune odeur; l odeur a disparu; odeur est partie; ca ne sent plus
# Past events: "suite à l'inondation de janvier" is the reason for a claim, not an emergency.
resolved 1: suite a l inondation; suite au degat des eaux; suite aux degats des eaux; suite au sinistre
resolved 1: suite a l incendie; lors de l inondation; lors du degat des eaux; lors de l incendie
resolved 1: apres l inondation; apres l incendie
resolved 1: depuis l inondation; depuis l incendie
resolved 1: l annee derniere; l an dernier; l hiver dernier; on a eu une; nous avons eu une
# Smoke or water that came out of a socket is no person freed from a lift (round 28).
resolved 0: fumee qui est sorti* de; fumee est sorti* de; fumee .. est sorti* de; eau qui est sorti* de; eau est sorti* de
resolved 0: depuis l annee derniere; depuis l an dernier; depuis l hiver dernier
urgent 80: entre deux etages; menacent de tomber
# A car, not a person, shut in the car park (round 19).
urgent 0: voiture est coincee dedans; voiture coincee dedans; voiture est bloquee dedans; voiture bloquee dedans; voiture .. coincee dedans
# Cannabis smoked in the hall is a nuisance, not a fire.
urgent -50: shit; cannabis; beuh; weed
# A lift stopped between numbered floors with somebody inside ("arrêté entre le 4e et le 5e
# et ma voisine est dedans"); without anybody inside it is a repair.
urgent 80: est dedans avec; sont dedans avec; coince* dedans; enferme* dedans
urgent 50: arrete* entre le _ et le _; bloque* entre le _ et le _; coince* entre le _ et le _
# Gas described by what burns it ("odeur ... de la cuisinière", "la bouteille de gaz"), or as a
# chemical smell that stings.
urgent 60: odeur .. .. cuisiniere; sent .. .. cuisiniere; odeur .. .. bouteille de gaz; odeur .. .. compteur de gaz
urgent 30: pique le nez; pique les yeux; pique la gorge; odeur chimique; odeur .. .. produit chimique
repair 3: odeur .. .. cuisiniere; odeur .. .. compteur de gaz; odeur .. .. bouteille de gaz
repair 2: cuisiniere; gaziniere; bouteille de gaz
urgent 70: pend dans le vide; tombent du toit; morceaux tombent; plaques tombent; craquement*
# Wallpaper coming off, a floor that creaks: no structure giving way (review of rounds 28-32).
urgent 0: papier peint se detache du mur; papier peint .. se detache du mur; craquement* dans le parquet; craquement* du parquet
# Something hanging over where people pass, that the wind or its weight may bring down, and a
# ceiling swelling with the water above it (round 18).
urgent 70: pend au dessus; pendent au dessus; passent dessous; passe dessous; passer dessous
# Air or cold under a door is a draught (round 28).
urgent 0: air qui passe dessous; air passe dessous; froid qui passe dessous; froid passe dessous
urgent 70: tomber sur quelqu un; tomber sur les gens; tomber sur la tete; tomber sur un enfant
urgent 70: plafond .. .. gonfle*; poche d eau; poches d eau; bosse qui gonfle; gonfle* .. .. goutt*
# Heat or melting plastic smelt at a socket or a device: a fire starting.
urgent 70: sent le chaud; ca sent le chaud; odeur de chaud; sent le plastique; odeur de plastique
urgent 90: y a le feu; le feu a pris; feu a pris; a pris feu; ca brule; ca crame
urgent 75: pas de courant; noir complet; dans le noir total; eau .. monte; l eau .. monte
urgent 80: suis dans l ascenseur; sommes dans l ascenseur; bloquee dans l ascenseur
urgent 75: a gros bouillon; l eau gicle; ca gicle; ca inonde; tout est inonde; est inonde
urgent 70: verre partout; a explose; vitre .. explose; ne peut plus fermer; ne pouvons plus fermer
urgent 70: fils .. a nu; fils .. denudes; cables .. a nu; cable .. arrache; gresille
urgent 70: en train de se battre; appelle a l aide; appelle au secours; crie au secours
urgent 70: egouts debordent; egouts .. debordent; remonte par les; eaux usees .. remontent
urgent 70: faux plafond .. effondre; plafond .. tombe; morceau .. pend; continue de couler
urgent 65: coule toujours; coule encore; passe dans les prises; sur le tableau
# "ça continue" after water running; alone it is a nuisance that goes on ("ça continue la musique").
urgent 65: eau .. .. ca continue; fuit* .. .. ca continue; coul* .. .. ca continue; deborde* .. .. ca continue; pisse .. .. ca continue; inond* .. .. ca continue
urgent 20: ca continue
urgent 60: qui ferme plus du tout; porte .. cassee .. ferme plus
urgent 70: pas d electricite; courant coupe; electricite coupee; eaux usees; wc deborde*
urgent 65: l eau coule; eau coule; eau .. coule; eau sort; de l eau sort; ruissel*; plus d eau
urgent 65: coupure d electricite; coupure de courant; coupure .. d electricite; panne de courant
urgent 65: pas deau; plus deau; coupure deau; plus delectricite; pas delectricite
urgent 65: panne d electricite; plus une goutte d eau; ca pisse; pisse de partout; etincelle*
urgent 65: sans eau; sans une goutte d eau; sans electricite; sans courant; sans lumiere ni
urgent 60: odeur de brule; odeur de plastique; sent le brule; fuite importante; grosse fuite
urgent 60: fuite enorme; degouline*; pas d eau; coupure d eau; fils denudes; court circuit
urgent 55: degat des eaux; degats des eaux; debord*; refoul*; bagarre*; ca coule; plafond tombe
urgent 65: fils electriques qui pendent; fils qui pendent; cables qui pendent; fils a nu
urgent 70: plus de lumiere dans tout*; plus de lumiere nulle part
urgent 50: compteur est eteint; compteur eteint; compteur .. eteint
urgent 45: plus de lumiere
urgent 30: eau .. dessus; goutte dessus; coule dessus
urgent 40: dans l appartement du dessous; chez le voisin du dessous; ca descend; frappe*
urgent 30: disjoncteur .. refuse; danger*; dangereux; gaz; medicaments; insuline; pompiers; samu
# Round 11: no power in the home told by its effects: the appliances listed as dead ("ni le
# frigo ni la lumière"), a breaker that will not go back up (40 each: two signs make it).
urgent 40: ni le frigo; ni la lumiere; ni les plaques; ni le four; ni la tele; ni le chauffe eau; ni frigo; ni lumiere
urgent 40: disjoncteur .. pas remonter; disjoncteur .. remonte pas; disjoncteur .. remonte plus; disjoncteur .. plus remonter; disjoncteur .. reste en bas; disjoncteur .. saute a chaque fois
urgent 40: plus rien chez moi; plus rien qui marche; rien ne marche chez moi; plus rien ne marche; plus rien ne fonctionne
urgent 25: tres urgent; extremement urgent; en urgence; de pire en pire; le plus vite possible
urgent 15: urgent; urgence; au plus vite; immediatement; tout de suite; ce soir; asap; fuite
urgent -40: pas urgent; pas d urgence; sans urgence; aucune urgence; rien d urgent; pas grave
urgent -40: rien de grave; pas presse; pas pressee; quand vous pourrez; quand vous aurez le temps
urgent -40: a votre convenance; not urgent; no rush
urgent -40: rien de dangereux; pas dangereux; aucun danger; pas de danger; pas en danger
vurgent 70: chauffage .. coupe; plus .. de chauffage; pas .. de chauffage
vurgent 70: plus de chauffage; pas de chauffage; sans chauffage; chauffage coupe; no heating
vurgent 70: aucun chauffage; toujours pas de chauffage; toujours aucun chauffage
vurgent 70: panne du chauffage; panne de chauffage; panne de la chaudiere; panne de chaudiere
vurgent 70: chauffage .. marche plus; chauffage .. fonctionne plus; chauffage en panne
vurgent 70: chaudiere .. en panne; chaudiere .. .. en panne
# Somebody frail who cannot be taken down or out (round 29): "l'ambulance ne pourra pas la
# descendre", "je ne peux plus sortir de l'immeuble" in a wheelchair.
vurgent 70: pas la descendre; pas le descendre; plus la descendre; plus le descendre
vurgent 60: dort avec _ couvertures; dorment avec _ couvertures; dort avec des couvertures; dorment avec des couvertures
vurgent 70: pour la descendre; pour le descendre; pour la monter; pour le monter
vurgent 50: degres chez elle; degres chez lui; degres chez moi; degres chez nous
vurgent 45: sous sa couverture; sous une couverture; sous la couverture
vurgent 70: peux plus sortir de l immeuble; peut plus sortir de l immeuble; peux pas sortir de l immeuble; peut pas sortir de l immeuble
vurgent 70: chaudiere en panne; chaudiere .. marche plus; chaudiere .. fonctionne plus
vurgent 70: chauffage ne marche pas; chauffage .. marche pas; chauffage est coupe
vurgent 60: plus d eau chaude; pas d eau chaude; sans eau chaude; no hot water; eau froide
vurgent 60: plus deau chaude; pas deau chaude; deau froide
vurgent 35: tres froid; il fait froid; gele*; glacial; freezing; very cold
vurgent 50: has not worked; doesn t work; not working; does not work
vurgent 30: degres dans
# A temperature told for somebody frail is a cold (or hot) home; sleeping in a coat too.
vurgent 60: il fait _ degres; dormi avec son manteau; dort avec son manteau; dormi avec nos manteaux; dormons avec nos manteaux
vurgent 70: chauffage .. en panne; chauffage .. tombe en panne; ni chauffage; ni de chauffage
vurgent 60: ni eau chaude; ni d eau chaude; chauffage .. toujours rien
vurgent 70: radiateur* .. .. froid*; radiateur* .. .. glac*; chauffage .. .. froid*; chauffage .. .. s allume plus
# Heating gone, worded loosely ("le chauffage plus rien", "les radiateurs ne chauffent plus").
vurgent 70: chauffage .. .. plus rien; chauffage .. .. rien du tout; chauffage .. .. ne chauffe plus
vurgent 70: radiateur* .. .. chauffe* plus; radiateur* .. .. chauffe* pas; radiateur* .. .. plus rien
vurgent 70: chauffage .. .. hs; chaudiere .. .. hs; chauffage .. .. mort; chaudiere .. .. morte
vurgent 70: chaudiere .. .. demarre plus; chaudiere .. .. s allume plus; chauffage .. .. demarre plus
vurgent 70: chaudiere .. .. plus rien; chauffage .. .. arrete; chaudiere .. .. arrete*; heating .. .. broken
# A boiler in safety lockout that will not restart; "il ne fait plus que 13 degrés".
vurgent 70: chaudiere .. .. en securite; chaudiere .. .. redemarr*; refuse de redemarrer; refuse de se rallumer; chaudiere .. .. refuse*
vurgent 60: fait plus que _ degres; ne fait que _ degres
vurgent 70: radiator* .. .. cold; heating .. .. off; heater* .. .. cold; no heat; heating .. .. not on
vurgent 45: on gele; on se gele; gele chez; caille; on caille; grelott*; sous la couette; couvertures
# Cold coming in through a broken window or door, for a baby or somebody frail (round 18).
vurgent 70: le froid .. rentre; le froid rentre; froid qui rentre; le froid entre; l air froid rentre
# Stuck at home upstairs by a lift out of order: urgent for someone ill, disabled or elderly.
vurgent 70: peut pas descendre; peut plus descendre; pouvons pas descendre; peux pas descendre
vurgent 70: peut pas sortir de chez; peut plus sortir de chez; bloque* chez moi; bloque* chez nous
vurgent 70: peux plus sortir de chez; peux pas sortir de chez; pouvons plus sortir de chez; completement bloque*
# Wasps or hornets coming into the home, for somebody allergic (round 24).
vurgent 70: guepes .. .. rentrent; guepes .. .. entrent; frelons .. .. rentrent; frelons .. .. entrent
vurgent 70: bloque* a l etage; coince* a l etage; bloque* en haut; coince* chez; cannot go down
vurgent 60: ascenseur* .. .. marche pas; ascenseur* .. .. marche plus; ascenseur* .. .. en panne
vurgent 60: ascenseur* .. .. fonctionne pas; ascenseur* .. .. fonctionne plus; ascenseur* .. .. hs
vurgent 60: lift .. .. broken; lift .. .. not working; elevator .. .. broken; elevator .. .. not working
# Somebody vulnerable nobody has seen for days, who does not answer the door or the phone.
vurgent 70: jours qu on l a pas vu*; jours qu on ne l a pas vu*; jours qu on l a plus vu*; jours qu on ne l a plus vu*
vurgent 70: pas vu* depuis _ jours; plus vu* depuis _ jours; pas vu* depuis hier; depuis _ on l a pas vu*; depuis _ on ne l a pas vu*
vurgent 70: repond pas quand on; repond plus quand on; ouvre pas quand on; ouvre plus quand on; personne n ouvre; ne repond ni; ne repond plus ni
vurgent 70: on sonne .. .. repond pas; on frappe .. .. repond pas; on tape .. .. repond pas; on sonne .. .. repond plus; on frappe .. .. repond plus
vurgent 70: son telephone sonne dans le vide; son portable sonne dans le vide
vurgent 70: on le voit plus; on la voit plus; on ne le voit plus; on ne la voit plus
vurgent 70: lui soit arrive quelque chose; lui est arrive quelque chose; qu il soit arrive quelque chose
vurgent 70: repond pas quand je; repond plus quand je; ouvre pas quand je; ouvre plus quand je
vurgent 70: qu elle soit tombee; qu il soit tombe; qu elle est tombee; qu il est tombe
vurgent 40: volets .. fermes depuis; boite aux lettres .. pleine; courrier .. deborde
# Knocked on and no answer, told in the past ("on a frappé elle répond pas"), or nobody seen for
# about a week (round 19).
vurgent 70: on a frappe .. .. repond pas; on a sonne .. .. repond pas; a frappe .. .. repond pas; a sonne .. .. repond pas
vurgent 70: pas vu* depuis .. semaine; plus vu* depuis .. semaine; pas vu* depuis .. .. semaine; plus vu* depuis .. .. semaine
# Electricity that keeps cutting out for somebody on a breathing machine.
vurgent 70: electricite .. saute; courant .. saute; a encore saute; ca saute; concentrateur .. s arrete; concentrateur .. arrete
vurgent 70: courant disjoncte; disjoncte des que; disjoncteur ne tient pas; pompe .. .. vide; batterie .. .. vide*
vurgent 70: le vent .. entre; le vent .. entrent; la pluie .. entre; la pluie .. entrent; vent et la pluie entrent; rentre un froid; il rentre un froid
vurgent 70: ne repond plus depuis; repond plus depuis; n ouvre toujours pas; journal .. .. devant la porte; journal .. .. devant sa porte; lumiere reste allumee
breakin 1: fractur*; effraction; cambriol*; force la porte; forcee; enfonce*; break in
breakin 1: brise*; brisee*; defonce*
breakin 1: broken into; burglar*; vole; volee; volees; squatte
breakin 1: on a force; ont force; a force ma; a force la; a force notre; force ma porte; force la serrure
breakin 1: porte forcee; serrure forcee; a ete forcee; ete forcee; forcer ma porte; force notre porte
breakin 1: ont casse la serrure; ont casse ma serrure; ont casse la porte; ont casse ma porte; ont defonce
breakin 1: on a casse la vitre; ont casse la vitre; on a casse la fenetre; ont casse la fenetre; on a casse la baie vitree; ont casse la baie vitree
breakin 1: lance une pierre; lance un caillou; lance un pave; jete une pierre; jete un caillou; jete un pave; lance des pierres; jete des pierres; lance des cailloux
breakin 1: pierre ou; une pierre; un caillou; un pave dans
breakin 1: quelqu un est rentre chez; quelqu un est entre chez; est rentre chez lui pendant; est rentre chez elle pendant; on lui a pris son; on lui a vole
breakin 1: balance* une bouteille; jete* une bouteille; lance* une bouteille; une bouteille dans ma fenetre
breakin 1: essaye de la forcer; essaye de forcer; tente de la forcer; tente de forcer
breakin 1: a essaye d entrer; ont essaye d entrer; tente d entrer; marques de tournevis; traces de tournevis; traces d effraction
breakin 1: a casse la vitre; a casse ma vitre; pour essayer de rentrer; pour essayer d entrer
breakin 1: essaye de rentrer chez; essaye d entrer chez; tente de rentrer chez; tentative d effraction; tentative de cambriolage
breakin 1: broke the lock; broke the door; broke our lock; broke my lock; forced the door; forced the lock; kicked the door in; kicked in the door; broke in
lockfail 1: ne ferme plus; se ferme plus; ferme plus; ne ferme pas; ne se ferme pas
lockfail 1: peut plus .. fermer; peut pas .. fermer; impossible de la fermer
lockfail 1: impossible de fermer la
lockfail 1: serrure .. arrachee; serrure .. detruite; peux pas .. fermer; pouvons pas .. fermer
lockfail 1: peux plus .. fermer; pouvons plus .. fermer; fermer a cle
lockfail 1: ne se verrouille plus; impossible de fermer; ne ferme plus du tout; cannot lock
lockfail 1: won t lock; serrure cassee; serrure .. cassee; serrure arrachee; porte ouverte
lockfail 1: fermait plus a cle; ferme plus a cle; fermait plus; reste grande ouverte; grande ouverte; gache .. arrachee; gache arrachee
lockfail 1: impossible de la refermer; impossible de refermer; peut plus refermer; cremone .. arrachee; cremone arrachee; tient plus fermee; ne tient plus fermee
lockfail 1: peux plus verrouiller; peut plus verrouiller; impossible de verrouiller; verrouille plus
lockfail 1: tourne dans le vide; tout est ouvert; reste ouverte
lockfail 1: plus de vitre; plus de carreau
# A home left open to anybody after a break-in (round 15), whatever was broken to get in.
lockfail 1: n importe qui peut entrer; n importe qui peut rentrer; tout le monde peut entrer
lockfail 1: n importe qui peut passer; n importe qui peut ouvrir; passer la main et ouvrir; passer le bras et ouvrir
lockfail 1: tout le monde peut rentrer; anyone can get in; anyone can come in
lockfail 1: doesn t close; does not close; won t close; can t close; cannot close; doesn t lock; does not lock; can t lock; won t shut; doesn t shut; does not shut
resolved 1: a ete repare*; est repare*; ont repare; a repare; ete reparee; est reglee; est regle
resolved 1: est resolu*; a disparu; est revenu*; est revenue; remarche; refonctionne
resolved 1: fonctionne a nouveau; marche a nouveau; plus de fuite; depuis la reparation
resolved 1: j ai porte plainte; porte plainte; main courante; mains courantes; il y a eu
resolved 1: s est produit
# A false alarm or a past event told as such.
resolved 1: tout va bien; fausse alerte; sonne pour rien; c est juste parce; juste parce que
resolved 1: etait bloque* hier; il y avait; y avait une; ont sorti*; l ont sorti*; est sorti* de
resolved 1: is fixed; was fixed; been repaired; a ete retabli*; est retabli*; c est repare
# Water already gone: "l'inondation ... est résorbée, les pompiers ont pompé".
resolved 1: est resorbe*; s est resorbe*; a ete resorbe*; sont resorbe*; ont pompe; ont tout pompe; a ete pompe*
# A fire put out or dealt with by the firemen closes the story told just before it too ("le
# local a pris feu. Les pompiers sont intervenus ..."): weight 2 (ContactReader).
resolved 2: pompiers sont intervenus; pompiers sont partis; pompiers ont eteint; ont eteint le feu; ont pu eteindre; feu a ete eteint; feu est eteint
resolved 2: c est eteint; incendie a ete eteint; incendie est eteint; a ete maitrise*; ont maitrise le feu; rapidement maitrise*
# Round 9: the firemen came (they have been and gone), and the smell a fire left behind
# ("ça sent encore le brûlé") is past too.
resolved 2: pompiers sont venus; pompiers sont passes; pompiers sont deja venus; pompiers etaient la; pompiers ont du venir
resolved 1: sent encore le brule; sent encore la fumee; encore une odeur de brule; encore une odeur de fumee; odeur de brule persiste; odeur de fumee persiste
# A water damage that "occurred" is an event on file (a claim, a follow-up), not water now.
resolved 1: degat des eaux survenu*; degats des eaux survenu*; sinistre survenu*; inondation survenue*
resolved 1: incendie .. .. la semaine derniere; incendie .. .. le mois dernier; feu .. .. la semaine derniere; feu .. .. le mois dernier
# Round 11: a repair told with an adverb ("la fuite a été définitivement réparée") is past, and
# so is what happens again and again ("l'ascenseur tombe régulièrement en panne", "il m'est
# arrivé à plusieurs reprises de rester bloqué"): a habit, not an emergency now.
resolved 1: definitivement repare*; definitivement regle*; definitivement resolu*; a ete rapidement repare*; a ete vite repare*; a ete correctement repare*; a ete bien repare*
resolved 1: regulierement en panne; souvent en panne; sans cesse en panne; tout le temps en panne; il m est arrive; il nous est arrive; m est deja arrive; nous est deja arrive
# Nobody hurt: the word "blessé" is no injury.
urgent 0: personne n a ete blesse*; personne n est blesse*; il n y a pas eu de blesse*; n a fait aucun blesse*; sans faire de blesse*
# Carbon monoxide told by its signs: a flame turned yellow or orange, headaches with dizziness or
# nausea, a smell nobody can name. None is an emergency alone ("la flamme est jaune, c'est
# normal ?"); two of them are (50 + 0.35 x 50 over the threshold).
urgent 50: flamme .. .. orange*; flamme .. .. jaune*; flammes .. .. orange*; flammes .. .. jaune*; flamme .. .. .. orange*; flamme .. .. .. jaune*
# "La flamme, que l'on aperçoit par le petit hublot, est devenue jaune"; headaches on waking.
urgent 50: flamme .. .. .. .. orange*; flamme .. .. .. .. jaune*; mal a la tete au reveil; maux de tete au reveil; mal a la tete le matin; maux de tete le matin
urgent 50: maux de tete .. .. vertige*; maux de tete .. .. nausee*; mal a la tete .. .. vertige*; mal a la tete .. .. nausee*; vertige* .. .. nausee*; nausee* .. .. vertige*
urgent 50: vertige* .. .. mal a la tete; vertige* .. .. maux de tete; nausee* .. .. mal a la tete; nausee* .. .. maux de tete; vertige* .. .. mal au crane
urgent 50: tous mal a la tete; tous des maux de tete; tous la tete qui tourne; la tete qui tourne; vomi .. .. tete qui tourne; somnolent*
urgent 25: odeur inhabituelle; odeur bizarre; sent bizarre; odeur suspecte; odeur etrange; sent bizarrement
urgent 25: mal a la tete; maux de tete; mal au crane; vertige*; nausee*
# Round 9: soot or black marks by the boiler or water heater are a sign (black marks elsewhere
# are damp), vomiting a weak one: with headaches they make two signs.
urgent 50: suie* .. .. chaudiere*; suie* .. .. chauffe eau; suie* .. .. chauffe bain; chaudiere* .. .. suie*; chauffe eau .. .. suie*; chauffe bain .. .. suie*
urgent 50: noires au dessus de la chaudiere; noires autour de la chaudiere; noires sur la chaudiere; noires au dessus du chauffe*; noires autour du chauffe*; noir au dessus de la chaudiere; noirci* au dessus de la chaudiere; noirci* autour de la chaudiere
urgent 50: chaudiere* .. .. traces noires; chauffe eau .. .. traces noires; chauffe bain .. .. traces noires; chaudiere* .. .. tout noirci*; chauffe bain .. .. tout noir*
urgent 25: vomi; ont vomi; a vomi; vomissent; vomit; vomissement*
urgent 50: chaudiere .. .. bip*; bip* .. .. chaudiere; chauffe eau .. .. bip*; bip* .. .. chauffe eau
urgent 25: envie de vomir

# ---------------------------------------------------------------- aggression
aggressive 1: feignasse*; naze; nazes; branleur*; vous etes nuls; trou du cul; petasse*; pouffiasse*
aggressive 1: sous merde*
# A threat of harm, to the landlord's staff or a neighbour (round 28).
aggressive 1: va mal se passer; va tres mal se passer; ca va mal finir; lui regle son compte; lui regler son compte; leur regler leur compte
aggressive 1: des manches; bon a rien; bons a rien; a rien foutre; fout rien de; foutent rien de; vous etes des voleurs; bande de voleurs; faineant*; branque*; incompetents notoires
aggressive 1: bras casses; incompetents finis; va tres mal finir; mal finir pour; merdeux; une raclee
aggressive 1: je le crame; je la crame; je vous crame; te la crame; te le crame; va s en souvenir; vont s en souvenir; s en souviendra; espece d incompetent*; espece d idiot*; espece de nul*; bande de sauvages; baltringue*; bougez vous le cul; en calmer plus d un
aggressive 1: conne; abruti*
# The grossest insults are aggression whoever they are aimed at: weight 1.5, no model veto (round 21).
aggressive 1.5: connard*; connasse*; salope*; salaud*; enfoire*; encule*; batard*; gros con; grosse conne
aggressive 1: cretin*; debile*; imbecile*; branquignol*; guignol*; clown*; glandeur*; parasite*
aggressive 1: rapace*; sangsue*; racaille*; cassos; pute; nique*; ta gueule; tocard*; bouffon*
aggressive 1: des nuls; allez vous faire; va te faire; vous faire foutre; salopard*
aggressive 1: incapables; des incapables; bons a rien; minable*; idiots; morons; fucking
aggressive 1: venir vous chercher; par la peau du cou; casser la gueule; defoncer; buter
aggressive 1: ca va pas etre beau; pas etre beau a voir; ca va mal finir; ca va mal se passer
aggressive 1: vous allez le regretter; gare a vous; je sais ou vous habitez; je sais ou tu habites
aggressive 1: on sait ou vous habitez; faire justice
aggressive 1: je vais tout casser; tout casser; mettre le feu; je vais le tuer; je vais vous tuer
aggressive 1: je vais la tuer; regler ca a ma facon; regler ca moi meme; cramer
aggressive 0.5: bande de
aggressive 0.8: se fout de ma gueule; foutez de ma gueule; se fout de nous; foutez de nous
aggressive 1: m en occuper moi meme; va le regretter; vont le regretter; allez le regretter
aggressive 1.5: sale con
# "Con" as a noun; "c'est con" (it is silly) is no insult.
aggressive 1: un con; une conne; gueule de con; tete de con; espece de con; pauvre con
aggressive 1: vieux con; des cons; je le fous par; je le fous dans; je la fous par
aggressive 1: je la fous dans; je vous fous dans; je vous fous par
aggressive 1: gros faineant*; grosse faineante*
aggressive 1.5: bande de faineants
aggressive 1: je lui fais bouffer; je te fais bouffer; je vous fais bouffer; vous faire bouffer
aggressive 1: creve ses pneus; crever les pneus; creve les pneus; crever ses pneus; lui creve
aggressive 1: lui casser
aggressive 0.8: feignant*; faineant*; voleur*; escroc*; mafia*; fumier; on va s en occuper
aggressive 0.6: je vais te; espece de
aggressive 0.4: vous etes des
aggressive 0.8: je vais venir; on va venir; je vais m en occuper
aggressive 0.5: putain; merde; chier; incompetent*; pourri*; fuck*; idiot; stupide*; gueule
aggressive 0.5: sans coeur; nuls; nul; honte a vous; vous foutez
aggressive 0.3: bordel; degueulasse; crevez
# Threats of violence in the first person, as tenants phrase them (generic wording, not lists of
# sentences): the reported-speech rule still applies.
aggressive 1: refaire le portrait; refais le portrait; faire la peau; fais la peau
aggressive 1: arracher la tete; etrangler; etrangle; massacrer; massacre; je le cogne; je la cogne
aggressive 1: je vais le cogner; je vais la cogner; peter la gueule; pete la gueule; casse la gueule
aggressive 1: casser les dents; peter les dents; en coller une; mettre une raclee
aggressive 1: casse les dents; je vous casse; je te casse; je lui casse; casser la figure
aggressive 1: dans la figure; dans la gueule; je le balance; je la balance; je les balance
aggressive 1: balance par la fenetre; balancer par la fenetre; jette par la fenetre lui
aggressive 1: eclater la tete; eclate la tete; lui eclater; exploser la tete; peter la tete; mon poing
aggressive 1: creverez; vous creviez; que vous creviez; crever tous
aggressive 1: sale porc; sales porcs; gros porc; espece de porc
aggressive 1.5: bande de cochons; bande de porcs
aggressive 1: espece de cochon; sagouin*
aggressive 0.6: si je vous croise; si je te croise; si je le croise; si je la croise
aggressive 0.8: un incapable; une incapable; menteur*; menteuse*
# "bande de" followed by an insult is the writer's insult ("bande de manches", "bande d'escrocs"),
# addressed to a group: weight 1.5 (kAddressedInsultWeight), which the model does not veto.
aggressive 1.5: bande d escroc*; bande de voleur*; bande de manches; bande de guignols; bande de clowns; bande de charlots; bande de rigolos; bande de bras casses; bande de tocards; bande de bouffons; bande de bons a rien; bande de pourris; bande de nuls; bande de cassos; bande d abrutis; bande d imbeciles; bande d idiots; bande de cons; bande de branquignols
# Making someone eat something ("je lui fais manger son tapis").
aggressive 1: lui fais manger; lui faire manger; vous faire manger; te faire manger; leur faire manger; lui ferai manger
aggressive 1: je le fracasse; je la fracasse; fracasser; lui fais avaler; lui faire avaler
aggressive 1.5: bande d incapables; bande de feignasses; bande de feignants; bande de branleurs; bande de nazes
aggressive 1.5: bande de glandeurs; bande d incompetents; bande de fumiers; bande de connards; bande de batards
aggressive 1: defoncer la gueule
aggressive 1: avec une batte; a coups de pied; je vais l attendre; l attendre a la sortie
aggressive 1: foutre le feu; bruler votre; rayer sa caisse; rayer sa voiture; lui rayer
aggressive 1: je defonce; defonce sa porte; allez tous crever; allez crever; crevez tous
aggressive 1: vous allez voir ce que; tu vas voir ce que; tu vas prendre
aggressive 1: sale quart d heure; mauvais quart d heure
aggressive 1: mort aux rats; les empoisonner; l empoisonner; empoisonner ses
aggressive 1: je casse tout; on casse tout; lui balancer; balancer .. par la fenetre; cette folle; ce malade mental
aggressive 1: ils le regretteront; vous le regretterez; m occuperai de lui; m en occuperai personnellement; vieille peau; de la fermer ou
aggressive 1: va voir ce qu il va prendre
aggressive 1: je vais lui faire; je vais le faire; lui faire bouffer; faire bouffer
aggressive 1: je vais vous pourrir
aggressive 1: je vais tout peter; tout peter; venir tout casser; une ordure; raclure*; enflure*
aggressive 1: sale ordure; pourriture; vermine; fdp; ntm; fils de pute
aggressive 1.5: bande d ordures
aggressive 1: gros con; grosse conne; grosse vache
aggressive 1: sale type; sale bonne femme; fumiers; crapule*; enfoires; salauds; sale race
aggressive 0.6: des chiens; des rats; des porcs; de merde; vous etes des minables
# Threats of violence as a family: first person, object pronoun, a violent verb in any
# inflection ("je vous défonce", "je vais lui démonter"), or such a verb on a body part.
aggressive 1: je vous defonc*; je vous demont*; je vous eclat*; je vous explos*; je vous fracass*; je vous pete; je vous peter; je vous petes; je vous cass*; je vous arrach*; je vous cogn*; je vous bousill*; je vous massacr*; je vous tabass*; je vous egorg*; je vous etrangl*; je vous crev*; je vous bute; je vous buter; je vous butte; je vous plant*; je vous saign*
aggressive 1: vais vous defonc*; vais vous demont*; vais vous eclat*; vais vous explos*; vais vous fracass*; vais vous pete; vais vous peter; vais vous petes; vais vous cass*; vais vous arrach*; vais vous cogn*; vais vous bousill*; vais vous massacr*; vais vous tabass*; vais vous egorg*; vais vous etrangl*; vais vous crev*; vais vous bute; vais vous buter; vais vous butte; vais vous plant*; vais vous saign*
aggressive 1: je lui defonc*; je lui demont*; je lui eclat*; je lui explos*; je lui fracass*; je lui pete; je lui peter; je lui petes; je lui cass*; je lui arrach*; je lui cogn*; je lui bousill*; je lui massacr*; je lui tabass*; je lui egorg*; je lui etrangl*; je lui crev*; je lui bute; je lui buter; je lui butte; je lui plant*; je lui saign*
aggressive 1: vais lui defonc*; vais lui demont*; vais lui eclat*; vais lui explos*; vais lui fracass*; vais lui pete; vais lui peter; vais lui petes; vais lui cass*; vais lui arrach*; vais lui cogn*; vais lui bousill*; vais lui massacr*; vais lui tabass*; vais lui egorg*; vais lui etrangl*; vais lui crev*; vais lui bute; vais lui buter; vais lui butte; vais lui plant*; vais lui saign*
aggressive 1: je te defonc*; je te demont*; je te eclat*; je te explos*; je te fracass*; je te pete; je te peter; je te petes; je te cass*; je te arrach*; je te cogn*; je te bousill*; je te massacr*; je te tabass*; je te egorg*; je te etrangl*; je te crev*; je te bute; je te buter; je te butte; je te plant*; je te saign*
aggressive 1: vais te defonc*; vais te demont*; vais te eclat*; vais te explos*; vais te fracass*; vais te pete; vais te peter; vais te petes; vais te cass*; vais te arrach*; vais te cogn*; vais te bousill*; vais te massacr*; vais te tabass*; vais te egorg*; vais te etrangl*; vais te crev*; vais te bute; vais te buter; vais te butte; vais te plant*; vais te saign*
aggressive 1: je leur defonc*; je leur demont*; je leur eclat*; je leur explos*; je leur fracass*; je leur pete; je leur peter; je leur petes; je leur cass*; je leur arrach*; je leur cogn*; je leur bousill*; je leur massacr*; je leur tabass*; je leur egorg*; je leur etrangl*; je leur crev*; je leur bute; je leur buter; je leur butte; je leur plant*; je leur saign*
aggressive 1: vais leur defonc*; vais leur demont*; vais leur eclat*; vais leur explos*; vais leur fracass*; vais leur pete; vais leur peter; vais leur petes; vais leur cass*; vais leur arrach*; vais leur cogn*; vais leur bousill*; vais leur massacr*; vais leur tabass*; vais leur egorg*; vais leur etrangl*; vais leur crev*; vais leur bute; vais leur buter; vais leur butte; vais leur plant*; vais leur saign*
# Coming to do it ("je viens lui arracher ...").
aggressive 1: viens vous defonc*; viens vous demont*; viens vous eclat*; viens vous explos*; viens vous fracass*; viens vous pete; viens vous peter; viens vous petes; viens vous cass*; viens vous arrach*; viens vous cogn*; viens vous bousill*; viens vous massacr*; viens vous tabass*; viens vous egorg*; viens vous etrangl*; viens vous crev*; viens vous bute; viens vous buter; viens vous butte; viens vous plant*; viens vous saign*
aggressive 1: viens lui defonc*; viens lui demont*; viens lui eclat*; viens lui explos*; viens lui fracass*; viens lui pete; viens lui peter; viens lui petes; viens lui cass*; viens lui arrach*; viens lui cogn*; viens lui bousill*; viens lui massacr*; viens lui tabass*; viens lui egorg*; viens lui etrangl*; viens lui crev*; viens lui bute; viens lui buter; viens lui butte; viens lui plant*; viens lui saign*
aggressive 1: viens te defonc*; viens te demont*; viens te eclat*; viens te explos*; viens te fracass*; viens te pete; viens te peter; viens te petes; viens te cass*; viens te arrach*; viens te cogn*; viens te bousill*; viens te massacr*; viens te tabass*; viens te egorg*; viens te etrangl*; viens te crev*; viens te bute; viens te buter; viens te butte; viens te plant*; viens te saign*
aggressive 1: viens leur defonc*; viens leur demont*; viens leur eclat*; viens leur explos*; viens leur fracass*; viens leur pete; viens leur peter; viens leur petes; viens leur cass*; viens leur arrach*; viens leur cogn*; viens leur bousill*; viens leur massacr*; viens leur tabass*; viens leur egorg*; viens leur etrangl*; viens leur crev*; viens leur bute; viens leur buter; viens leur butte; viens leur plant*; viens leur saign*
aggressive 1: defonc* la tete; demont* la tete; fracass* la tete; arrach* la tete; bousill* la tete; tabass* la tete; refais la tete; refaire la tete
aggressive 1: defonc* la gueule; demont* la gueule; fracass* la gueule; arrach* la gueule; bousill* la gueule; tabass* la gueule; refais la gueule; refaire la gueule
aggressive 1: defonc* la figure; demont* la figure; fracass* la figure; arrach* la figure; bousill* la figure; tabass* la figure; refais la figure; refaire la figure
aggressive 1: defonc* le crane; demont* le crane; fracass* le crane; arrach* le crane; bousill* le crane; tabass* le crane; refais le crane; refaire le crane
aggressive 1: defonc* les dents; demont* les dents; fracass* les dents; arrach* les dents; bousill* les dents; tabass* les dents; refais les dents; refaire les dents
aggressive 1: defonc* la face; demont* la face; fracass* la face; arrach* la face; bousill* la face; tabass* la face; refais la face; refaire la face
aggressive 1: defonc* les jambes; demont* les jambes; fracass* les jambes; arrach* les jambes; bousill* les jambes; tabass* les jambes; refais les jambes; refaire les jambes
aggressive 1: defonc* le nez; demont* le nez; fracass* le nez; arrach* le nez; bousill* le nez; tabass* le nez; refais le nez; refaire le nez
aggressive 1: defonc* les genoux; demont* les genoux; fracass* les genoux; arrach* les genoux; bousill* les genoux; tabass* les genoux; refais les genoux; refaire les genoux
aggressive 1: en colle une; en collerai une; en foutre une; en fous une
aggressive 1: lui fais sa fete; lui faire sa fete; lui ferai sa fete; te faire ta fete; vous faire votre fete; leur faire leur fete; lui regler son compte
# Veiled threats of pain ("il va comprendre sa douleur", "tu vas morfler").
aggressive 1: va comprendre sa douleur; vas comprendre ta douleur; allez comprendre votre douleur; vont comprendre leur douleur; va comprendre leur douleur
aggressive 1: va morfler; vas morfler; allez morfler; vont morfler; va prendre cher; vas prendre cher; allez prendre cher
# "Vous allez voir ce qui va se passer", "il va comprendre ce que ça fait": veiled threats.
aggressive 1: vous allez voir ce qui; tu vas voir ce qui; vous allez voir ce qu il; vous allez voir ce qu on
aggressive 1: va comprendre ce que ca fait; vas comprendre ce que ca fait; allez comprendre ce que ca fait; vont comprendre ce que ca fait
aggressive 0.6: fois que je le croise; fois que je la croise; fois que je vous croise; fois que je te croise
# Veiled threats at a person: knowing where they live or park and when they leave work, a
# warning given, trouble promised ("il va avoir des soucis ... il est prévenu").
aggressive 1: je sais ou il habite; je sais ou elle habite; je sais ou ils habitent; je sais ou vous habitez; je sais ou tu habites
aggressive 1: je sais ou il se gare; je sais ou elle se gare; je sais ou il gare; je sais ou elle gare; je sais ou il vit; je sais ou elle vit
aggressive 0.8: je sais a quelle heure il finit; je sais a quelle heure elle finit; je sais a quelle heure il sort; je sais a quelle heure elle sort
aggressive 0.8: je sais a quelle heure il termine; je sais a quelle heure elle termine; je sais a quelle heure il quitte; je sais a quelle heure elle quitte
aggressive 0.6: je connais ses horaires; je connais son adresse; a interet a faire attention; a interet a faire gaffe; fasse attention a lui
aggressive 0.6: fasse bien attention; fasse gaffe; ne perd rien pour attendre; ne perdez rien pour attendre; ne perdent rien pour attendre
aggressive 0.5: va avoir des soucis; va avoir des problemes; va avoir des ennuis; va avoir de serieux problemes; va avoir de gros problemes
aggressive 0.5: il est prevenu; elle est prevenue; vous etes prevenu*; je vous aurai prevenu*; tenez vous le pour dit
aggressive 1: l attendrai a la sortie; les attendrai a la sortie; vous attendrai a la sortie; t attendrai a la sortie; l attendrai en bas; vous attendrai en bas
aggressive 1: je l attends devant; je l attends a la sortie; je l attends en bas; fera moins le malin; fera plus le malin; ferez moins les malins; s il fait toujours le malin
# Neighbours called pigs or savages by the writer ("ces porcs", "ce sont des porcs").
aggressive 1: ces porcs; ce porc; sale porc; sales porcs; gros porc; gros porcs; sont des porcs; ces cochons; ce cochon; sale cochon; sales cochons
aggressive 1: ces sauvages; ce sauvage; sale sauvage; sales sauvages; sont des sauvages; ces degueulasses; gros degueulasses; sont des degueulasses
aggressive 0: cochon d inde; cochons d inde; ce cochon d inde
# Round 9: insults at staff after "espèce de" ("une espèce de mégère aigrie", "espèce de vieux
# grincheux": "espèce de" alone stays 0.6, "une espèce de tache" is no insult), a person told
# they "a intérêt à ne plus" come back or that the writer "ne répond plus de rien", damage
# promised "un de ces matins" (each half under 1: "un de ces jours" alone asks for a visit).
aggressive 1: megere*; harpie*; pimbeche*; grognasse*; greluche*; vieille bique; espece de vieux; espece de vieille; espece de sale
aggressive 0.5: aigri; aigrie; aigris; aigries; grincheux; grincheuse
aggressive 0.6: a interet a ne plus; a interet a ne pas; a interet a ne jamais; a interet a plus; ont interet a ne plus; ont interet a ne pas; avez interet a ne plus; avez interet a ne pas
aggressive 0.5: remettre les pieds; remette les pieds; remettent les pieds
aggressive 1: je ne reponds plus de rien; je ne reponds de rien; je reponds plus de rien; je ne reponds plus de moi; je reponds plus de moi; je ne repondrai plus de rien; je ne reponds plus de mes actes
aggressive 0.5: un de ces matins; un de ces jours; un de ces soirs; un de ces quatre; une de ces nuits
aggressive 0.5: aura plus de pneus; aura plus de roues; aura plus de vitres; aura plus de retroviseurs; auront plus de pneus; aura plus de moto; aura plus de voiture
# Round 11: a person who will not leave on their own feet ("il repartira pas sur ses deux
# jambes", "tu ressortiras pas entier"), and luck that the writer is far or not there ("elle a de
# la chance que j'habite loin", 0.6) hinted at ("vous voyez ce que je veux dire", 0.5; each half
# under 1). "J'ai de la chance que" is no threat.
aggressive 1: repartira pas sur ses; repartiras pas sur tes; ressortira pas sur ses; ressortiras pas sur tes; sortira pas sur ses; repartira pas sur ses deux
aggressive 1: repartira pas entier; ressortira pas entier; repartiras pas entier; ressortiras pas entier; repartira en ambulance; ressortira en ambulance; repartira sur un brancard; repartira sur une civiere
aggressive 0.6: a de la chance que j; a de la chance que je; as de la chance que j; as de la chance que je; avez de la chance que j; avez de la chance que je; ont de la chance que j; ont de la chance que je
aggressive 0.5: comprenez ce que je veux dire; voyez ce que je veux dire; comprends ce que je veux dire; vois ce que je veux dire; understand what i mean
reported 1: traite* de; m a traite; me traite; m insulte; insulte* de; il m a dit; elle m a dit
reported 1: m a dit; m a menace; me menace; m a crie; m appelle; called me; il dit; elle dit
reported 1: il crie; elle crie; ils crient; m a insulte*; nous traite; m a dit que; menace* de
# SMS spellings: "le voisin ma dit quil allait ...".
reported 1: ma dit; ma menace*; ma traite*; ma insulte*; ma crie dessus
# A threat told in the third person ("il a dit qu'il allait me faire la peau").
reported 1: il a dit; elle a dit; ils ont dit; a dit qu; ont dit qu; a menace de; a menace; qu il allait; qu elle allait; qu ils allaient
reported 1: a hurle; m a hurle; a crie qu; a hurle qu

# ---------------------------------------------------------------- reassurance (points)
reassure 65: tres angoiss*; tres inquiet*; tres peur; completement perdu*; tres stresse*
reassure 60: n en peux plus; au bout du rouleau
reassure 55: angoiss*; desespere*; detresse; panique*
reassure 50: j ai peur; peur de sortir
reassure 20: m a menace; me menace; harcel*; agress*; me planter
reassure 40: menace de mort
reassure 50: on a peur; nous avons peur
reassure 60: peur d etre expulse*; peur de perdre
# Round 11: fear for one's children or family ("j'ai peur pour les petits").
reassure 30: peur pour les petits; peur pour mes petits; peur pour les enfants; peur pour mes enfants; peur pour nos enfants; peur pour ma famille; peur pour mon fils; peur pour ma fille; peur pour mon bebe; peur pour les gosses
reassure 40: qui peut m aider; n arrive plus a payer; arrive plus a payer
reassure 20: a menace; dort dans le salon; dorment dans le salon
reassure 45: inquiet*; peur; deprim*; pleure*; pleurs; a bout; je ne sais plus quoi faire
reassure 45: sais plus quoi faire; ne sais plus a qui; sais pas quoi faire; sais plus a qui
reassure 45: n en dors plus; dors plus; je sais pas ce que je dois faire; anxious; scared
reassure 50: epuise*
reassure 40: aidez moi; besoin d aide; perdre mon logement; a la rue; decourag*; stress*
reassure 40: 4e fois; 5e fois; 6e fois; 4eme fois; 5eme fois; dixieme fois; enieme fois
reassure 40: troisieme fois; 3eme fois; 3e fois; quatrieme fois; cinquieme fois; help me; worried
reassure 40: quatrieme appel; cinquieme appel; 4e appel; 5e appel; 4eme appel; 5eme appel; sixieme fois
reassure 30: trois fois; quatre fois; cinq fois; trois reprises; quatre reprises; cinq reprises
reassure 30: 3 reprises; 4 reprises; 5 reprises; ecrit _ fois; appele _ fois; telephone _ fois
reassure 35: personne ne repond; personne ne me repond; jamais de reponse; on ne me rappelle jamais
reassure 35: personne ne rappelle; ne rappelle jamais; en securite; seul* avec
reassure 25: aucune reponse
reassure 40: on dort ou; ou dormir; dormir ou
reassure 30: bloque* chez moi; i do not understand; don t understand; english is not good
reassure 30: le coeur lourd; sans reponse; pas de reponse; promet un rappel; je ne comprends pas
reassure 30: comprends pas; je suis perdu*; perdu* face; suicid* ; en finir
reassure 20: plusieurs fois; a plusieurs reprises; plusieurs reprises; excusez moi; je m excuse
reassure 20: pardon de vous deranger; desole* de vous deranger; vous deranger
reassure 20: pardon de rappeler; desole* de rappeler; excusez moi de rappeler; pardon de vous rappeler
reassure 30: un peu perdu*; personne me repond
reassure 0: plusieurs fois par
# Round 9: "on en peut plus" spoken without its "n'", confusion told as "je m'y perds"
# (with a call back asked, over the threshold), young children named by their ages.
reassure 60: on en peut plus; on n en peut plus; j en peux plus; j en peut plus
reassure 40: je m y perds; m y perds; m y perd; m y retrouve plus; m y retrouve pas; comprends plus rien
vulnerable 60: petits de _ ans; petits de _ et _ ans; petites de _ ans; petites de _ et _ ans; enfants de _ et _ ans
vulnerable 60: cancer; chimio*; oxygene; dialyse; decede*; deces; enterrement; obseques; alite*
vulnerable 45: handicap*
vulnerable 45: deambulateur
vulnerable 60: machine pour respirer; appareil pour respirer; respirateur
vulnerable 60: est handicape*; suis handicape*
vulnerable 60: fauteuil roulant; malvoyant*; aveugle; nourrisson; nouveau ne; wheelchair; en fauteuil
vulnerable 60: bebe; bebes; enceinte; pregnant; baby; dans le platre; bequille*; fille de _ mois
vulnerable 60: fils de _ mois; enfant de _ mois; bebe de _ mois; veuve; veuf
vulnerable 25: personnes agees
vulnerable 45: monsieur age; homme age; vieux monsieur; vieille dame; dame agee
vulnerable 45: personne agee; malade; maladie; diabet*; insuline
vulnerable 45: autis*; invalid*; hospitalis*; sortie d hopital; elderly; disabled
vulnerable 40: mere isolee; pere isole
vulnerable 35: il est age; est tres age; vit tout seul; vit toute seule; vit seul; vit seule; lives alone
vulnerable 45: perdu mon emploi; perdu mon travail; perdu mon boulot
reassure 25: pas pouvoir payer; je fais comment; comment je vais faire; comment on va faire
vulnerable 35: agee; sourd*; hopital; operation; operee; opere; convalescen*; infirmiere; sick
vulnerable 30: fievre; chomage; licencie*; mon mari est parti; ma femme est partie
vulnerable 30: seule avec mes enfants
vulnerable 60: enfants en bas age; enfant en bas age; jeunes enfants; tout petits
vulnerable 30: seul avec mes enfants; petits enfants; jumeaux; asthm*
vulnerable 60: appareil respiratoire; sous oxygene; respirateur; dialyse*; mon fils de _ ans
vulnerable 45: ma fille de _ ans; fils de _ ans; fille de _ ans; enfant de _ ans; paralyse*
vulnerable 45: personne agee; grand mere; grand pere; ma mere de; mon pere de; enceinte de
vulnerable 60: bb; mon bb; un bb
vulnerable 60: petite de _ mois; petit de _ mois; garcon de _ mois; puce de _ mois; jumeaux de _ mois
vulnerable 60: petit de _ ans; petite de _ ans; petit il a _ mois; petite elle a _ mois
vulnerable 60: bebe il a _ mois; bebe elle a _ mois; le petit a _ mois; la petite a _ mois
vulnerable 60: fille a _ mois; fils a _ mois; bebe a _ mois; enfant a _ mois; fille a _ semaines; fils a _ semaines
vulnerable 60: enfant de _ semaines; bebe de _ semaines; fille de _ semaines; fils de _ semaines; petite de _ semaines; petit de _ semaines
vulnerable 60: month old; months old; week old; weeks old
vulnerable 60: octogenaire; nonagenaire; centenaire; ma vieille mere; mon vieux pere; mamie; papy
vulnerable 45: ma mere agee; mon pere age; mes parents ages; personne fragile; tres fragile; sous traitement
vulnerable 60: dialyse a domicile; greffe*; insuffisan* respiratoire; insuffisan* cardiaque; bronchiolite
vulnerable 60: sclerose en plaques; parkinson; alzheimer; myopath*; mucoviscidose; insuffisan* renale; epilep*; amput*; avc
vulnerable 60: nutrition enterale; pompe electrique; assistance respiratoire; apnee du sommeil; fauteuil electrique
vulnerable 60: allergique; choc anaphylactique; anaphyla*
vulnerable 60: elle a _ mois; il a _ mois
vulnerable 0: elle a _ mois de; il a _ mois de

# ---------------------------------------------------------------- asks for a person / call back
person 1: parler a quelqu un; parler a une personne; vraie personne; personne physique; un humain
person 1: rappelez moi; me rappeler; me rappelle; me rappeliez; m appeler; m appelle svp
# Somebody calling for a neighbour without a phone or internet (round 28).
person 1: peut la rappeler; vous la rappeler; merci de la rappeler; peut le rappeler; vous le rappeler; merci de le rappeler
person 1: parler au conseiller; parler a la conseillere; parler au responsable; parler a la responsable
person 1: qu un conseiller; un conseiller .. appeler; un conseiller .. rappeler; me recevoir
person 1: parler a un conseiller; parler a un agent; prendre rendez vous; un rendez vous
person 1: rendez vous en agence; joindre quelqu un; call me back; call me; talk to someone
person 1: speak to someone; speak to a person; talk to a person; me contacter par telephone
person 1: m appeler; de vive voix; un appel; qu on me rappelle; qu on m appelle; contactez moi
person 0: devait me rappeler; doit me rappeler; devaient me rappeler; devait me recontacter
person 0: promet un rappel
# A call awaited or not received is a report: "je n'ai reçu aucun appel pour fixer un
# rendez-vous", "je dois attendre un courrier ou un appel" (round 20).
person 0: aucun appel pour fixer un rendez vous; attendre un appel; attendre un courrier ou un appel
# A call awaited or not received is a report: "je n'ai reçu aucun appel pour fixer un
# rendez-vous", "je dois attendre un courrier ou un appel" (round 20).
person 1: etre rappele*; rappele par; etre contacte*; etre recontacte*
person 1: parler a votre responsable; parler au responsable; parler a un responsable
# A named person or an interview asked for (round 16).
person 1: voudrais parler a; voudrais parler au; voudrais parler avec; souhaiterais parler a
person 1: parler directement a; parler directement au; parler directement avec; personne qui suit mon dossier
person 1: souhaite parler a; aimerais parler a; veux parler a; veux parler au; puis je parler a
person 1: solliciter un entretien; sollicite un entretien; sollicitation d un entretien
person 1: accorder un entretien; obtenir un entretien; un entretien avec
person 1: mettre en relation; me mettre en contact; en relation avec
# Having somebody call: "pourriez-vous me faire appeler par la personne qui suit le dossier ?".
person 1: me faire appeler; me faire rappeler; me faire contacter; me faire recontacter
person 1: faites moi appeler; faites moi rappeler; faire appeler par; faire rappeler par
# Asking to be phoned in other words ("de me téléphoner", "me passer un coup de fil",
# "quelqu'un au téléphone"); a promised call that never came is a report, not a request.
person 1: me telephoner; me telephoniez; telephonez moi; me passer un coup de fil; me donner un coup de fil
person 1: passez moi un coup de fil; me passer un appel; quelqu un au telephone; un conseiller au telephone
person 1: une personne au telephone; un humain au telephone; me joindre par telephone
person 0: devait me telephoner; devaient me telephoner; doit me telephoner; devait m appeler; devaient m appeler
person 0: doit m appeler; allait m appeler; allait me rappeler; devait me contacter; devaient me contacter
person 0: allait me telephoner; allaient me telephoner; allait me contacter; allaient me contacter
# "l'expert me contacterait pour fixer un rendez-vous": what the promised call was for (round 28).
person 0: contacterait pour fixer un rendez vous; appellerait pour fixer un rendez vous; rappellerait pour fixer un rendez vous; devait me contacter pour fixer un rendez vous
person 0: alliez m appeler; alliez me rappeler; alliez me contacter; deviez m appeler; deviez me rappeler; deviez me contacter; allaient m appeler; allaient me rappeler
person 0: devait .. prendre rendez vous; devaient .. prendre rendez vous; devait .. .. un rendez vous; devaient .. .. un rendez vous
person 0: allait .. .. .. prendre rendez vous; allaient .. .. .. prendre rendez vous; devait .. .. .. prendre rendez vous; devaient .. .. .. prendre rendez vous
# Round 9: a call back wished in the subjunctive ("qu'un conseiller me téléphone", SMS "kun
# conseiller me tel"), asked of somebody ("quelqu'un de la comptabilité pourrait me
# recontacter ?") or in English ("give me a call", "someone who speaks English").
person 1: qu un _ me telephone; qu un _ me telephonent; qu on me telephone; qu un _ me recontacte; qu on me recontacte
person 1: pourrait .. me recontacter; pourrait .. me contacter; pourraient .. me recontacter; pourriez vous me recontacter; pourriez vous me contacter
person 1: merci de me recontacter; recontactez moi; bien vouloir me recontacter; veuillez me recontacter
# A call asked for somebody else ("est-ce que quelqu'un peut rappeler ma fille").
person 1: quelqu un peut rappeler; quelqu un pourrait rappeler; quelqu un peut appeler
person 1: quelqu un pourrait appeler; rappeler ma fille; rappeler mon fils; rappeler ma femme
person 1: rappeler mon mari; appeler ma fille; appeler mon fils; contacter ma fille; contacter mon fils
person 1: give me a call; give me a ring; give me a phone call; ring me; phone me; someone who speaks; somebody who speaks; someone who can speak; anyone who speaks
# Round 10: "rappelle-moi" in the second person ("rapl moi" once spelt out), being contacted
# asked outright ("merci de me contacter au ..."), a meeting asked as being received ("être
# reçue en agence"), a call passed on to somebody ("me passer quelqu'un du service"). A call
# promised in the conditional ("qu'un conseiller me recontacterait") is a report, and "n'hésitez
# pas à me contacter" only closes a letter.
person 1: rappelle moi; rappel moi; merci de me contacter; veuillez me contacter; bien vouloir me contacter; pouvez vous me contacter; contacter moi
person 1: etre recu en agence; etre recue en agence; etre recu par; etre recue par; me recevoir en agence; etre recu* en rendez vous
person 1: me passer quelqu un; me passer un conseiller; me passer une conseillere; me passer le service; me passer la personne; me passer votre responsable; qu on me passe quelqu un
person 0: me rappellerait; me recontacterait; me contacterait; m appellerait; me telephonerait; me rappelleraient; me recontacteraient; me contacteraient; m appelleraient
person 0: hesitez pas a me contacter; hesitez pas a me joindre; hesitez pas a me recontacter; hesitez pas a me rappeler
person 0: qu un conseiller me rappellerait; qu un conseiller me recontacterait; qu un conseiller me contacterait; qu un conseiller m appellerait; qu un conseiller me telephonerait
person 0: qu un conseiller allait; qu un conseiller devait; qu un conseiller va me; qu un conseiller doit me; qu un conseiller me rappellera; qu un conseiller me recontactera

# ---------------------------------------------------------------- formal notice, claims
formal 1: mise en demeure; met en demeure; mets en demeure; a defaut de; faute de reponse
formal 1: saisirai; saisir le; saisir la; saisine; avocat; tribunal; conciliat*; juridique
formal 1: je saisis la; je saisis le
formal 1: indemnis*; dedommag*; compensation; reduction de loyer; prejudice; dommages et interets
formal 1: adil; defenseur des droits; porter plainte contre; plainte contre vous; recommande
formal 1: avec accuse de reception; avec avis de reception; lrar; action en justice
formal 1: je me reserve; lawyer; compensation claim
formal 1: reduction sur le loyer; reduction du loyer; baisse de loyer; baisse du loyer; diminution du loyer; diminution de loyer
# Withholding the rent until the work is done (round 24).
formal 1: paye plus le loyer; paierai plus le loyer; payer plus le loyer; arreter de payer le loyer; arrete de payer le loyer; suspendre le paiement; je bloque le loyer; bloquer le loyer
formal 1: geste sur le loyer; un geste financier; geste sur mon loyer
# A share of the charges claimed back for a service that was missing (round 28).
formal 1: geste sur les charges; geste sur mes charges; je demande un geste; reduction des charges; reduction sur les charges; reduction de charges
formal 1: veux qu on me rembourse; veux qu on nous rembourse; voudrais qu on me rembourse; rembourse sur les charges
formal 1: que vous me remboursiez; demande a etre rembourse*; demande a etre indemnise*
# A hearing the tenant is summoned to is no step of the tenant's against the landlord.
formal 0: audience .. .. tribunal; audience .. .. .. tribunal; convoque* au tribunal; convoque* devant le tribunal
# An acknowledgment of receipt is the tenant's formal step only when a letter goes "avec"
# one; "un/l'accusé de réception" is the landlord's, received (round 14).
formal 1: vous demande le remboursement; demande le remboursement de mes; rembourser mes frais
formal 1: prise en charge de mes frais; surconsommation; geste commercial; trouble de jouissance
formal 1: consigner; consignerai; mediateur; ma facture d hotel; frais d hotel; refund my
# Doing the work oneself and taking it off the rent (round 19).
formal 1: deduis la facture; deduirai la facture; deduire la facture; deduis du loyer; deduirai du loyer; retiens sur le loyer; retiendrai sur le loyer
formal 1: je vous aurai prevenu; vous aurai prevenu; je vous aurais prevenu
# "comme le plombier me l'avait recommandé": advice, not a registered letter.
formal 0: m a recommande; m avait recommande; me l avait recommande; me l a recommande; nous a recommande; nous avait recommande; il recommandait

# ------------------------------------------------- reopen a request closed without work
reopen 1: rouvrir; reouvrir; re ouvrir; reouverture; cloture* sans; clos sans; ferme sans
reopen 1: fermee sans; fermee alors; cloture* alors; marque* comme resolu*; marque* comme termine*
reopen 1: alors que rien n a ete fait; alors que personne n est venu; sans intervention
reopen 1: sans aucune intervention; sans que personne; sans etre venu; reopen
# Every inflection of the reopening verbs, and a request shown as done when it is not.
reopen 1: rouvr*; reouvr*; reactiver; reactivez; la reactiver; le reactiver; re activer; marque* termine*; marque* clos; marque* cloture*
reopen 1: indique* clos; indique* cloture*; indique* termine*; passe* en termine*; passe* en clos
reopen 1: remettre en cours; ferme* mais personne; clos mais; cloture* mais; fermee mais; ferme* alors que
reopen 1: cloture* pourtant; termine* mais; termine* pourtant; termine* alors; remettre en route
reopen 1: la reprendre; reprendre ma demande; je conteste la cloture; rien eu de fait
# The participle is spelt "réouvert", "rouvert": the stems above stop at "reouvr", "rouvr".
reopen 1: reouvert*; rouvert*; re ouvert*

# ---------------------------------------------------------------- gist: boilerplate and requests
boilerplate 1: madame monsieur; cordialement; salutations; veuillez agreer; veuillez recevoir
boilerplate 1: veuillez croire; je vous prie; recevez madame; bien a vous; bien cordialement
boilerplate 1: merci d avance; merci par avance; en vous remerciant; dans l attente; sentiments
boilerplate 1: je reste a votre disposition; je me tiens a votre disposition; kind regards
boilerplate 1: best regards; mes remerciements; avec mes remerciements; bonne journee
boilerplate 1: bonne soiree; je vous remercie; merci pour votre comprehension; regards
boilerplate 1: je reste joignable; je tiens a votre disposition
boilerplate 1: a votre disposition; a votre entiere disposition; a votre disposition pour
leadin 1: je me permets de; je me permets d; je vous ecris afin de; je vous ecris; je vous contacte
leadin 1: je vous contacte afin de; par la presente; par le present courriel; je vous informe que
leadin 1: c est monsieur _; c est madame _; madame _ a l appareil; monsieur _ a l appareil
leadin 1: je vous appelle; j appelle; je vous ecris a nouveau
leadin 1: je m excuse de vous deranger; desole de vous deranger; desolee de vous deranger
leadin 1: excusez moi de vous deranger; pardon de vous deranger
request 1: pourriez vous; pouvez vous; vous pouvez; je souhaite; je souhaiterais; je voudrais
request 1: j aimerais; merci de; est ce que; est ce qu; il me faudrait; comment; could you
request 1: je demande; je vous demande; je sollicite; please; savoir
)LEX";

}  // namespace

std::string_view defaultLexiconSource() { return kLexicon; }

}  // namespace relais::routing
