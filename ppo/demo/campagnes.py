"""Demo: the Normandie campaigns of the school years N-1 and N (N = `demo.year`, the current one).

The campaign N-1 is built from seeds 002 and 004 (their dates moved to N-1) and is over: the three demo programmes
N-1 were transmitted before its deadline, validated and published. The campaign N is its copy (dates moved by a
year, deadline in March N+1) and its review is under way on the programmes N: the LP sent back with a comment,
the collège validated, the LGT transmitted and waiting."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from ppo.campagnes import services
from ppo.campagnes.enums import SensCible, TypeTempsFort
from ppo.campagnes.models import Campagne
from ppo.core.dates import school_year_label
from ppo.demo import peers as demo_peers
from ppo.demo.base import demo_datetime
from ppo.examen import services as examen_services
from ppo.examen.enums import Decision
from ppo.examen.models import DecisionRevue, Transmission
from ppo.pilotage.contours import contours_import
from ppo.pilotage.models import ContourAcademie
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status, take
from ppo.plans.models import ProgrammeAnnuel, StatutChange
from ppo.referentiel.models import Niveau

CONTOURS = Path(settings.BASE_DIR).parent / "shared" / "data" / "referentiel" / "fr-en-contour-academies-2020.geojson"
COORDINATES = {
    "college": (49.1829, -0.3707),
    "lgt": (49.1950, -0.3550),
    "lp": (48.8378, -1.5971),
    "lpo": (49.4431, 1.0993),
    "erea": (49.4200, 1.0600),
    "college_prive": (49.1158, -1.0903),
}
LYCEE = ["2nde-gt", "1re-gt", "tle-gt", "2nde-pro", "1re-pro", "tle-pro", "cap-1", "cap-2"]
D = datetime.date
PRIORITES = [
    (
        "Atteindre au moins 30 % de filles ou de garçons dans les spécialités NSI, SI, HLP, Arts, LLCA et dans les "
        "séries STI2D, ST2S et STD2A.",
        "Part de filles par spécialité",
        "part_filles_specialite",
        Decimal(30),
        "%",
        SensCible.MIXITE,
    ),
    ("Faciliter les transitions collège-lycée et lycée-enseignement supérieur.", "", "", None, "", SensCible.AU_MOINS),
    (
        "Renforcer la découverte du monde économique et professionnel, dès la 5e au collège.",
        "",
        "",
        None,
        "",
        SensCible.AU_MOINS,
    ),
    (
        "Améliorer l’accès et la réussite dans l’enseignement supérieur (BUT pour les bacheliers technologiques, CPGE).",
        "",
        "",
        None,
        "",
        SensCible.AU_MOINS,
    ),
]
RESOURCES = (
    "ONISEP : sites « Terminales {label} » et « Mon orientation en ligne », application Folios.\n"
    "Parcoursup : « L’essentiel sur Parcoursup » et le calendrier de la procédure.\n"
    "AD Normandie : catalogue des actions des partenaires métiers."
)


# What the demo schools write when they transmit with open points (the confirmation page asks for it).
DEMO_JUSTIFICATION = "Les actions manquantes seront précisées avec nos partenaires au prochain trimestre."


def temps_forts(n: int) -> list:
    """The temps forts of school year `n` (seeds 002 and 004): label, kind, start, end, levels, description."""
    return [
        (
            "Première semaine de l’orientation",
            TypeTempsFort.SEMAINE_ORIENTATION,
            D(n, 11, 24),
            D(n, 12, 5),
            LYCEE,
            "Découvrir le monde professionnel et les formations du supérieur ; réunion des parents sur Parcoursup et la "
            "fiche de dialogue, en amont du conseil de classe du premier trimestre.",
        ),
        (
            "Deuxième semaine de l’orientation",
            TypeTempsFort.SEMAINE_ORIENTATION,
            D(n + 1, 1, 19),
            D(n + 1, 2, 6),
            LYCEE,
            "En lien avec les journées portes ouvertes : préparation et exploitation, ateliers sur le projet motivé.",
        ),
        (
            "Semaine régionale de l’orientation",
            TypeTempsFort.SEMAINE_REGIONALE,
            D(n + 1, 1, 26),
            D(n + 1, 1, 31),
            [],
            "Organisée par la Région avec la région académique.",
        ),
        (
            "Printemps de l’orientation",
            TypeTempsFort.PRINTEMPS,
            D(n + 1, 3, 16),
            D(n + 1, 3, 18),
            ["2nde-gt", "1re-gt"],
            "Trois jours pour approfondir, en autonomie, la connaissance des métiers et des formations.",
        ),
        (
            "Parcoursup : ouverture du site d’information",
            TypeTempsFort.PARCOURSUP,
            D(n, 12, 17),
            None,
            ["tle-gt", "tle-pro"],
            "",
        ),
        (
            "Parcoursup : inscription et formulation des vœux",
            TypeTempsFort.PARCOURSUP,
            D(n + 1, 1, 19),
            D(n + 1, 3, 12),
            ["tle-gt", "tle-pro"],
            "",
        ),
        (
            "Parcoursup : confirmation des vœux",
            TypeTempsFort.PARCOURSUP,
            D(n + 1, 4, 1),
            None,
            ["tle-gt", "tle-pro"],
            "Dernier jour pour confirmer chacun des vœux.",
        ),
        (
            "Parcoursup : phase principale d’admission",
            TypeTempsFort.PARCOURSUP,
            D(n + 1, 6, 2),
            D(n + 1, 7, 10),
            ["tle-gt", "tle-pro"],
            "",
        ),
        (
            "Journées portes ouvertes",
            TypeTempsFort.PORTES_OUVERTES,
            D(n + 1, 2, 1),
            D(n + 1, 3, 31),
            ["3e", "tle-gt", "tle-pro"],
            "Participation encouragée, avec les périodes d’immersion.",
        ),
    ]


DEADLINE = (3, 27)  # the campaign of school year N asks for the programmes by 27 March N+1


def load(demo) -> None:
    _coordinates(demo)
    if CONTOURS.exists() and not ContourAcademie.objects.filter(academie=demo.academie).exists():
        contours_import(path=CONTOURS)
    academie_user = demo.users["academie@demo.ppo.fr"]
    previous_year, year = demo.year - 1, demo.year
    previous = Campagne.objects.filter(academie=demo.academie, year=previous_year).first()
    if previous is None:
        previous = _campagne(demo, academie_user, previous_year)
    _previous_year_review(demo, academie_user, previous)
    if not Campagne.objects.filter(academie=demo.academie, year=year).exists():
        current = services.campagne_create(
            academie=demo.academie,
            year=year,
            deadline=D(year + 1, *DEADLINE),
            kinds=previous.kinds,
            resources=RESOURCES.format(label=school_year_label(year)),
            user=academie_user,
            copy_previous=True,
        )
        Campagne.objects.filter(pk=current.pk).update(created_at=demo_datetime(D(year, 9, 8)))
    _review_cycle(demo, academie_user, year)
    demo_peers.load(demo)


def _coordinates(demo):
    for key, (lat, lon) in COORDINATES.items():
        school = demo.schools.get(key)
        if school is not None and school.latitude is None:
            school.latitude, school.longitude = lat, lon
            school.save(update_fields=["latitude", "longitude"])


def _campagne(demo, user, year) -> Campagne:
    campagne = services.campagne_create(
        academie=demo.academie,
        year=year,
        deadline=D(year + 1, *DEADLINE),
        kinds=["college", "lgt", "lp", "lpo", "erea"],
        resources=RESOURCES.format(label=school_year_label(year)),
        user=user,
        copy_previous=False,
    )
    Campagne.objects.filter(pk=campagne.pk).update(created_at=demo_datetime(D(year, 9, 8)))
    for text, label, code, target, unit, direction in PRIORITES:
        services.priorite_add(
            campagne=campagne,
            text=text,
            indicator_label=label,
            indicator_code=code,
            target=target,
            unit=unit,
            target_direction=direction,
        )
    niveaux = {n.code: n for n in Niveau.objects.all()}
    for label, kind, start, end, codes, description in temps_forts(year):
        services.temps_fort_add(
            campagne=campagne,
            label=label,
            kind=kind,
            start_date=start,
            end_date=end,
            description=description,
            niveaux=[niveaux[c] for c in codes],
        )
    services.volume_set(campagne=campagne, niveau=niveaux["5e"], hours=Decimal(12))
    return campagne


def _programme(demo, key, year):
    return ProgrammeAnnuel.objects.filter(ppo__etablissement=demo.schools[key], year=year).first()


def _previous_year_review(demo, reviewer, campagne):
    """The programmes N-1, adopted in CA, were transmitted before the deadline, validated, then published."""
    year = campagne.year
    sent_on, decided_on, published_on = D(year + 1, 3, 20), D(year + 1, 4, 3), D(year + 1, 4, 10)
    for key, email in DIRECTORS:
        programme = _programme(demo, key, year)
        if programme is None or programme.status != StatutProgramme.ADOPTE_CA:
            continue
        director = demo.users[email]
        sent = examen_services.programme_transmit(programme=programme, user=director, justification=DEMO_JUSTIFICATION)
        examen_services.transmission_decide(
            transmission=sent,
            decision=Decision.VALIDE,
            message="Programme complet et cohérent avec les priorités académiques.",
            user=reviewer,
        )
        programme.refresh_from_db()
        take(programme, "publier", director)
        Transmission.objects.filter(pk=sent.pk).update(created_at=demo_datetime(sent_on))
        DecisionRevue.objects.filter(transmission=sent).update(at=demo_datetime(decided_on))
        for status, day in (
            (StatutProgramme.TRANSMIS, sent_on),
            (StatutProgramme.VALIDE, decided_on),
            (StatutProgramme.PUBLIE, published_on),
        ):
            StatutChange.objects.filter(programme=programme, status=status).update(at=demo_datetime(day))


def _council_dates(demo) -> tuple[datetime.date, datetime.date]:
    """The conseil pédagogique three weeks ago and the CA ten days ago, but never before the school year began."""
    start = datetime.date(demo.year, 9, 1)
    today = max(demo.today, start + datetime.timedelta(days=21))
    return today - datetime.timedelta(days=21), today - datetime.timedelta(days=10)


DIRECTORS = [
    ("lp", "direction.lp@demo.ppo.fr"),
    ("college", "direction.college@demo.ppo.fr"),
    ("lgt", "direction.lgt@demo.ppo.fr"),
]


def _review_cycle(demo, reviewer, year):
    """The programmes N under review: the LP sent back with a comment, the collège validated, the LGT waiting."""
    decisions = {"lp": Decision.A_COMPLETER, "college": Decision.VALIDE, "lgt": None}
    deadline = D(year + 1, *DEADLINE)
    for key, email in DIRECTORS:
        decision = decisions[key]
        programme = _programme(demo, key, year)
        if programme is None or programme.status != StatutProgramme.BROUILLON:
            continue
        director = demo.users[email]
        # The councils sat before the transmission: their dates are on the status page and the confirmation page.
        cp_on, ca_on = _council_dates(demo)
        force_status(programme=programme, status=StatutProgramme.AVIS_CP, user=director, date_of_decision=cp_on)
        if key != "lgt":
            force_status(programme=programme, status=StatutProgramme.ADOPTE_CA, user=director, date_of_decision=ca_on)
        sent = examen_services.programme_transmit(programme=programme, user=director, justification=DEMO_JUSTIFICATION)
        if decision is None:
            continue
        examen_services.transmission_decide(transmission=sent, decision=Decision.EN_COURS, message="", user=reviewer)
        if decision == Decision.A_COMPLETER:
            examen_services.commentaire_add(
                transmission=sent,
                anchor="section:axe-3",
                text="Les poursuites d’études après le bac pro (BTS, apprentissage) sont peu présentes en terminale : "
                "pouvez-vous prévoir une action avec un établissement du supérieur ?",
                user=reviewer,
            )
        message = (
            f"Merci de compléter l’axe 3 avant le {deadline.day} mars."
            if decision == Decision.A_COMPLETER
            else "Programme complet et cohérent avec les priorités académiques."
        )
        examen_services.transmission_decide(transmission=sent, decision=decision, message=message, user=reviewer)
