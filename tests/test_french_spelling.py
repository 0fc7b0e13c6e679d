"""French spelling (TPL201 with Dicollecte's dictionary): 40 template sentences with one real
typo each, which must be caught with the word meant suggested, and 42 correct ones, which must
pass (elisions, hyphenated forms, names, numbers and ordinals, amounts, placeholders). Written
for this test, not taken from the corpus. A missing accent is a slip, as in Spanish and
Portuguese ('recu' for 'reçu'), capitals included: the Académie française asks for accented
capitals. A typo that makes another word is out of reach ('heurs' for 'heures', 'moi' for
'mois', 'délias' for 'délais': the first list had these three, and they passed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.api import lint_text
from linter.config import Config

SPELLING = Config(select=("TPL201",))

# (sentence, the typo as written, the word meant)
TYPOS = [
    ("Bonjour {{1}}, votre comande n°{{2}} a bien été expédiée.", "comande", "commande"),
    ("Votre colis sera livré demain. Merci de votre confaince.", "confaince", "confiance"),
    ("Bonjour {{1}}, nous avons bien recu votre paiement de {{2}} €.", "recu", "reçu"),
    ("Votre code de vérificaton est {{1}}. Ne le partagez pas.", "vérificaton", "vérification"),
    (
        "Votre facture de {{1}} est disponnible dans votre espace client.",
        "disponnible",
        "disponible",
    ),
    ("Téléchargez l'aplication pour suivre votre livraison.", "aplication", "application"),
    ("Bonjour {{1}}, votre abonement sera renouvelé le {{2}}.", "abonement", "abonnement"),
    ("Rendez-vous demain à 10h. Merci d'arriver 10 minutes en avnace.", "avnace", "avance"),
    ("Votre commande est prête. Retirez-la en magazin dès aujourd'hui.", "magazin", "magasin"),
    ("Bonjour {{1}}, votre mot de passe a été modifé avec succès.", "modifé", "modifié"),
    ("Pour toute question, contactez notre servive client.", "servive", "service"),
    ("Table pour {{1}} personnes confirmée. Nous vous atendons à {{2}}.", "atendons", "attendons"),
    ("Paiement refusé : mettez à jour la carte liée à votre comtpe.", "comtpe", "compte"),
    ("Le livreur passera entre 14h et 18h. Soyez présnet, s'il vous plaît.", "présnet", "présent"),
    (
        "Votre colis est au point relais. Vous avez 10 jours pour le récuperer.",
        "récuperer",
        "récupérer",
    ),
    ("Votre demande de remboursement est en cours de traitemnet.", "traitemnet", "traitement"),
    ("Votre code est {{1}}. Ne le communiquez à persone.", "persone", "personne"),
    ("Votre livraison est prévue le {{1}}. Merci de vérifier votre adrese.", "adrese", "adresse"),
    (
        "Consultation reportée au {{1}}. Veuillez excuser ce désagrement.",
        "désagrement",
        "désagrément",
    ),
    (
        "Votre carte expire bientôt : mettez-la à jour pour éviter toute interuption.",
        "interuption",
        "interruption",
    ),
    (
        "Commande annulée, remboursement sous 5 jours. Merci de votre compréhention.",
        "compréhention",
        "compréhension",
    ),
    (
        "Connexion inhabituelle détectée : changez votre mot de passe imédiatement.",
        "imédiatement",
        "immédiatement",
    ),
    ("Votre véhicule est prêt. Passez le chercher dès 17h au garrage.", "garrage", "garage"),
    (
        "Prélèvement de {{1}} € effectué. Détail dans votre espace persnonel.",
        "persnonel",
        "personnel",
    ),
    (
        "Un technicien passera le {{1}}. Merci de confirmer votre disponibilté.",
        "disponibilté",
        "disponibilité",
    ),
    (
        "Vous étiez absent. Une nouvele tentative de livraison aura lieu demain.",
        "nouvele",
        "nouvelle",
    ),
    ("Votre prêt a été accordé. Merci de votre fidelité.", "fidelité", "fidélité"),
    ("Candidature reçue : nous reviendrons vers vous dans les prochains jous.", "jous", "jours"),
    ("Retour enregistré. Le remboursement sera éffectué à réception.", "éffectué", "effectué"),
    (
        "Réclamation n°{{1}} clôturée. Répondez à ce questionaire en 2 minutes.",
        "questionaire",
        "questionnaire",
    ),
    ("Bonjour {{1}}, votre rendez-vous est confirmé pour mecredi à 9h.", "mecredi", "mercredi"),
    ("Nous traiterons votre demande rapidemment.", "rapidemment", "rapidement"),
    (
        "Il vous reste {{1}} points de fidélité à utiliser avant le {{2}}. Profitez-en vitte !",
        "vitte",
        "vite",
    ),
    ("Votre colis a été remis au transporteur et arivera le {{1}}.", "arivera", "arrivera"),
    (
        "Merci pour votre achat ! Votre garantie est valable deux ans à partir de la date d'acaht.",
        "acaht",
        "achat",
    ),
    (
        "Bonjour {{1}}, votre séjour commence le {{2}}. Présentez-vous à l'acceuil dès 15h.",
        "acceuil",
        "accueil",
    ),
    (
        "Votre ordonnance est prête. Présentez votre carte vitale au comptoire.",
        "comptoire",
        "comptoir",
    ),
    ("Vous pouvez suivre votre colis à tout moment grâce au lein ci-dessous.", "lein", "lien"),
    ("Votre inscription est confirmée. Nous avons hâte de vous recevior.", "recevior", "recevoir"),
    (
        "Votre solde est de {{1}} €. Rechargez votre compte avant la fin de la semmaine.",
        "semmaine",
        "semaine",
    ),
]

CLEAN = [
    "Bonjour {{1}}, votre commande n°{{2}} a été expédiée. Suivez-la dans l'application.",
    "Votre rendez-vous est confirmé pour le {{1}} à {{2}}. À bientôt !",
    "Votre remboursement de {{1}} € a été effectué. Il apparaîtra sous 3 à 5 jours ouvrés.",
    "Merci pour votre achat ! Votre garantie est valable jusqu'au {{1}}. Conservez votre reçu.",
    "Votre dossier a été transmis à notre équipe, qui vous répondra dans les plus brefs délais.",
    "Votre ordonnance est prête. Horaires d'ouverture : 9h-19h du lundi au samedi.",
    "Bonjour {{1}}, il vous reste {{2}} points à utiliser avant le {{3}}. Profitez-en !",
    "Bonjour {{1}}, votre inscription à l'atelier du {{2}} est bien enregistrée.",
    "Votre séjour à l'hôtel commence le {{1}}. L'enregistrement se fait à partir de 15h.",
    "Votre billet pour le vol {{1}} est disponible. L'embarquement ferme 20 minutes avant.",
    "Votre séance de kinésithérapie est prévue mardi à 11h. Prévenez-nous 24 heures à l'avance.",
    "Qu'attendez-vous ? Votre panier vous attend : finalisez votre commande avant minuit.",
    "C'est confirmé : votre abonnement est actif jusqu'au {{1}}.",
    "N'oubliez pas votre rendez-vous de demain. Pouvez-vous confirmer votre présence ?",
    "Votre colis arrivera le 1er mars entre 8h et 13h.",
    "Le 3e versement de {{1}} € sera prélevé le {{2}}. Merci de vérifier votre solde.",
    "Bienvenue chez Maison Lavande ! Votre compte est créé.",
    "Votre code est {{1}}. Pour votre sécurité, ne le partagez avec personne.",
    "Lorsqu'il sera prêt, nous vous écrirons. Puisqu'il s'agit d'une commande spéciale, comptez "
    "10 jours.",
    "Jusqu'à dimanche, la livraison est offerte dès 50 € d'achat.",
    "Votre colis de 2,5 kg est en route. Numéro de suivi : {{1}}.",
    "Bonjour Mme {{1}}, votre véhicule est prêt. Vous pouvez le récupérer au garage.",
    "Votre facture de 129,90 € TTC est disponible dans votre espace client.",
    "Peut-être avez-vous oublié votre panier ? Il vous attend sur notre site.",
    "Votre paiement a-t-il été refusé ? Contactez votre banque ou réessayez.",
    "Nous avons bien reçu votre demande. Un conseiller vous rappellera d'ici 48 heures.",
    "Votre livraison est prévue aujourd'hui. Le livreur vous appellera avant d'arriver.",
    "Merci d'avoir choisi Transports Delmas. Bonne route !",
    "Votre consultation avec le Dr Moreau est confirmée le {{1}} à 14h30.",
    "L’équipe vous remercie de votre confiance. Qu’en avez-vous pensé ?",
    "Votre carte a expiré. Mettez-la à jour dans l'app pour continuer à commander.",
    "Vous n'êtes pas chez vous ? Choisissez un point relais ou une autre date.",
    "Votre mot de passe a été réinitialisé. Si ce n'était pas vous, contactez-nous.",
    "Votre réservation pour deux nuits est confirmée. Le petit-déjeuner est inclus.",
    "Rappel : votre prochaine échéance de {{1}} € sera prélevée le 5 du mois.",
    "Votre commande est prête en magasin. Elle vous attendra pendant 7 jours.",
    "Bonne nouvelle ! Votre candidature a été retenue pour un entretien.",
    "Votre contrat d'assurance habitation sera renouvelé automatiquement le {{1}}.",
    "Votre colis a été déposé dans votre boîte aux lettres ce matin.",
    "Nous sommes désolés pour ce retard. Votre commande sera livrée d'ici vendredi.",
    "Votre rdv du {{1}} est confirmé. Vos cryptos restent disponibles dans l'app.",
    "Votre vol pour Dakar partira de l’aéroport Blaise-Diagne à 23h45. Cdt, le service client.",
]

assert len(TYPOS) == 40 and len(CLEAN) == 42
# Caught, with another word suggested first: one edit away too, where a Hunspell dictionary
# has no frequency to choose by ('magazine', 'jouas', 'comptoirs')
SUGGESTED_OTHERWISE = {"magazin", "jous", "comptoire"}


def _found(text: str) -> list[str]:
    return [d.message for d in lint_text(text, language="fr_FR", config=SPELLING)]


@pytest.mark.parametrize(("text", "typo", "meant"), TYPOS)
def test_a_french_typo_is_caught(text: str, typo: str, meant: str) -> None:
    found = _found(text)
    assert len(found) == 1 and f"'{typo}'" in found[0], found
    if typo not in SUGGESTED_OTHERWISE:
        assert f"did you mean '{meant}'" in found[0], found


@pytest.mark.parametrize("text", CLEAN)
def test_a_correct_french_template_passes(text: str) -> None:
    assert _found(text) == []


# A set written blind by a helper shown no project file (2026-12-08): 60 correct templates from
# France, Québec, Belgium, Switzerland and francophone Africa, and 30 with one typo each (named in
# "why"). Measured before being read: 30 of 30 typos caught, 8 of 60 correct ones flagged
# ('svp', 'Cdt', 'boul.', 'bpost', 'inwi', 'bazins', Moroccan dishes, 'Blaise-Diagne'); the
# accept list and the hyphenated-name reading were then shaped on it: it guards, no longer
# measures.
BLIND = [
    json.loads(line)
    for line in (Path(__file__).parent / "fixtures" / "french_spelling_blind.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]


@pytest.mark.parametrize("row", BLIND, ids=lambda row: f"{row['expect']}-{row['language']}")
def test_the_blind_french_set(row: dict[str, str]) -> None:
    found = [d.message for d in lint_text(row["text"], language=row["language"], config=SPELLING)]
    if row["expect"] == "clean":
        assert found == [], found
    else:
        assert found, row["why"]
