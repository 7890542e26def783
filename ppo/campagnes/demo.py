"""Demo: the Normandie campaigns 2025-2026 (seeds 002 and 004, dates moved to 2025-2026) and 2026-2027 (its copy),
and a review cycle on the demo programmes of 2025-2026: the LP sent back with a comment, the collège validated,
the LGT transmitted and waiting."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from ppo.campagnes import services
from ppo.campagnes.contours import contours_import
from ppo.campagnes.enums import Decision, SensCible, TypeTempsFort
from ppo.campagnes.models import Campagne, ContourAcademie
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel
from ppo.plans.services import programme_set_status
from ppo.referentiel.models import Niveau

YEAR = 2025
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
# label, kind, start, end, levels, description
TEMPS_FORTS = [
    (
        "Première semaine de l’orientation",
        TypeTempsFort.SEMAINE_ORIENTATION,
        D(2025, 11, 24),
        D(2025, 12, 5),
        LYCEE,
        "Découvrir le monde professionnel et les formations du supérieur ; réunion des parents sur Parcoursup et la "
        "fiche de dialogue, en amont du conseil de classe du premier trimestre.",
    ),
    (
        "Deuxième semaine de l’orientation",
        TypeTempsFort.SEMAINE_ORIENTATION,
        D(2026, 1, 19),
        D(2026, 2, 6),
        LYCEE,
        "En lien avec les journées portes ouvertes : préparation et exploitation, ateliers sur le projet motivé.",
    ),
    (
        "Semaine régionale de l’orientation",
        TypeTempsFort.SEMAINE_REGIONALE,
        D(2026, 1, 26),
        D(2026, 1, 31),
        [],
        "Organisée par la Région avec la région académique.",
    ),
    (
        "Printemps de l’orientation",
        TypeTempsFort.PRINTEMPS,
        D(2026, 3, 16),
        D(2026, 3, 18),
        ["2nde-gt", "1re-gt"],
        "Trois jours pour approfondir, en autonomie, la connaissance des métiers et des formations.",
    ),
    (
        "Parcoursup : ouverture du site d’information",
        TypeTempsFort.PARCOURSUP,
        D(2025, 12, 17),
        None,
        ["tle-gt", "tle-pro"],
        "",
    ),
    (
        "Parcoursup : inscription et formulation des vœux",
        TypeTempsFort.PARCOURSUP,
        D(2026, 1, 19),
        D(2026, 3, 12),
        ["tle-gt", "tle-pro"],
        "",
    ),
    (
        "Parcoursup : confirmation des vœux",
        TypeTempsFort.PARCOURSUP,
        D(2026, 4, 1),
        None,
        ["tle-gt", "tle-pro"],
        "Dernier jour pour confirmer chacun des vœux.",
    ),
    (
        "Parcoursup : phase principale d’admission",
        TypeTempsFort.PARCOURSUP,
        D(2026, 6, 2),
        D(2026, 7, 10),
        ["tle-gt", "tle-pro"],
        "",
    ),
    (
        "Journées portes ouvertes",
        TypeTempsFort.PORTES_OUVERTES,
        D(2026, 2, 1),
        D(2026, 3, 31),
        ["3e", "tle-gt", "tle-pro"],
        "Participation encouragée, avec les périodes d’immersion.",
    ),
]
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
    "ONISEP : sites « Terminales 2025-2026 » et « Mon orientation en ligne », application Folios.\n"
    "Parcoursup : « L’essentiel sur Parcoursup » et le calendrier de la procédure.\n"
    "AD Normandie : catalogue des actions des partenaires métiers."
)


def load(demo) -> None:
    _coordinates(demo)
    if CONTOURS.exists() and not ContourAcademie.objects.filter(academie=demo.academie).exists():
        contours_import(path=CONTOURS)
    academie_user = demo.users["academie@demo.ppo.fr"]
    campagne = Campagne.objects.filter(academie=demo.academie, year=YEAR).first()
    if campagne is None:
        campagne = _campagne(demo, academie_user)
        services.campagne_create(
            academie=demo.academie,
            year=YEAR + 1,
            deadline=D(2027, 3, 26),
            kinds=campagne.kinds,
            resources="",
            user=academie_user,
            copy_previous=True,
        )
        _review_cycle(demo, academie_user)


def _coordinates(demo):
    for key, (lat, lon) in COORDINATES.items():
        school = demo.schools.get(key)
        if school is not None and school.latitude is None:
            school.latitude, school.longitude = lat, lon
            school.save(update_fields=["latitude", "longitude"])


def _campagne(demo, user) -> Campagne:
    campagne = services.campagne_create(
        academie=demo.academie,
        year=YEAR,
        deadline=D(2026, 3, 27),
        kinds=["college", "lgt", "lp", "lpo", "erea"],
        resources=RESOURCES,
        user=user,
        copy_previous=False,
    )
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
    for label, kind, start, end, codes, description in TEMPS_FORTS:
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


def _programme(demo, key):
    return ProgrammeAnnuel.objects.filter(ppo__etablissement=demo.schools[key], year=YEAR).first()


def _review_cycle(demo, reviewer):
    steps = [
        ("lp", "direction.lp@demo.ppo.fr", Decision.A_COMPLETER),
        ("college", "direction.college@demo.ppo.fr", Decision.VALIDE),
        ("lgt", "direction.lgt@demo.ppo.fr", None),
    ]
    for key, email, decision in steps:
        programme = _programme(demo, key)
        if programme is None or programme.status != StatutProgramme.BROUILLON:
            continue
        director = demo.users[email]
        programme_set_status(programme=programme, status=StatutProgramme.AVIS_CP, user=director)
        if key != "lgt":
            programme_set_status(programme=programme, status=StatutProgramme.ADOPTE_CA, user=director)
        sent = services.programme_transmit(programme=programme, user=director)
        if decision is None:
            continue
        services.transmission_decide(transmission=sent, decision=Decision.EN_COURS, message="", user=reviewer)
        if decision == Decision.A_COMPLETER:
            services.commentaire_add(
                transmission=sent,
                anchor="section:axe-3",
                text="Les poursuites d’études après le bac pro (BTS, apprentissage) sont peu présentes en terminale : "
                "pouvez-vous prévoir une action avec un établissement du supérieur ?",
                user=reviewer,
            )
        message = (
            "Merci de compléter l’axe 3 avant le 27 mars."
            if decision == Decision.A_COMPLETER
            else "Programme complet et cohérent avec les priorités académiques."
        )
        services.transmission_decide(transmission=sent, decision=decision, message=message, user=reviewer)
