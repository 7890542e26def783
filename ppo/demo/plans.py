"""Demo plans: a rich PPO for the LP (with gaps left for the completeness check), a collège and an LGT.

Each PPO runs over three school years from N-1 (N = `demo.year`, the current one). The programme N-1 holds the
actions below, adopted by the conseil pédagogique and the CA during N-1; the programme N started as its copy (the
LP's last action of N-1 was not carried forward) and is the draft the schools are working on.
"""

import datetime
from decimal import Decimal

from ppo.core.dates import school_year_label
from ppo.demo.base import DemoError, demo_datetime
from ppo.plans.enums import CategorieRessource, StatutProgramme, TypeAction
from ppo.plans.lifecycle import take
from ppo.plans.models import PPO, Axe, RessourceItem, StatutChange
from ppo.plans.services import action_create, ppo_create, programme_start_next_year
from ppo.referentiel.models import Competence, Niveau

YEARS = 3
D = datetime.date

PP, PROFS, DOC, CPE, PSYEN, FAMILLES, EGALITE = (
    "Professeurs Principaux",
    "Professeurs",
    "Professeur documentaliste",
    "CPE",
    "PsyEN",
    "Familles",
    "Référent égalité filles-garçons",
)
ECO, PRO, ASSO, CLEE, CMQ, MISSION = (
    "Représentants du monde économique",
    "Représentants du monde professionnel",
    "Représentants du monde associatif",
    "Comité Local École Entreprise (CLEE)",
    "Campus des métiers et des qualifications (CMQ)",
    "Mission locale",
)


def _a(axe, niveaux, title, kind, hours, actors, period, items=(), effects="", equality=False, **extra):
    return {
        "axe": axe,
        "niveaux": niveaux,
        "title": title,
        "kind": kind,
        "hours": hours,
        "actors": actors,
        "period": period,
        "partner_items": items,
        "expected_effects": effects,
        "gender_equality": equality,
        **extra,
    }


LP = [
    _a(
        1,
        ["3e-prepa-metiers"],
        "Entretiens d’orientation individualisés",
        TypeAction.ENTRETIEN,
        4,
        [PP, PSYEN],
        "novembre à février",
        effects="Chaque élève formule un vœu argumenté.",
        indicators="Part d’élèves reçus",
    ),
    _a(
        2,
        ["3e-prepa-metiers"],
        "Stages d’observation en entreprise",
        TypeAction.IMMERSION,
        30,
        [PP, PROFS],
        "janvier",
        [ECO, CLEE],
        "Découverte de trois métiers par élève.",
        partners="Entreprises du Granvillais",
    ),
    _a(
        3,
        ["3e-prepa-metiers"],
        "Mini-stages dans les lycées professionnels du bassin",
        TypeAction.IMMERSION,
        6,
        [PP],
        "mars",
        effects="Choix de spécialité éclairé.",
    ),
    _a(
        1,
        ["2nde-pro"],
        "Portfolio du parcours Avenir",
        TypeAction.SEANCE,
        6,
        [PP, DOC],
        "toute l’année",
        effects="Chaque élève tient son portfolio.",
        objective="Identifier ses intérêts et ses compétences.",
    ),
    _a(
        2,
        ["2nde-pro", "1re-pro"],
        "Forum des métiers du bâtiment et de l’énergie",
        TypeAction.EVENEMENT,
        3,
        [PROFS],
        "février",
        [PRO, CMQ],
        "Rencontre d’au moins trois professionnels.",
        partners="CMQ Bâtiment durable",
    ),
    _a(
        3,
        ["2nde-pro"],
        "Journée de découverte des familles de métiers",
        TypeAction.SEANCE,
        3,
        [PP, PSYEN],
        "octobre",
        effects="Choix de la spécialité de 1re.",
    ),
    _a(
        1,
        ["1re-pro"],
        "Atelier « Mon projet après le bac pro »",
        TypeAction.SEANCE,
        4,
        [PP, PSYEN],
        "mars",
        effects="Choix du module de terminale argumenté.",
    ),
    _a(
        2,
        ["1re-pro"],
        "Rencontres femmes et hommes de métiers non genrés",
        TypeAction.INTERVENTION,
        2,
        [EGALITE, PROFS],
        "8 mars",
        [ASSO],
        "Faire évoluer les représentations.",
        equality=True,
        partners="Association Elles bougent",
    ),
    _a(
        3,
        ["1re-pro", "tle-pro"],
        "Salon de l’enseignement supérieur de Caen",
        TypeAction.EVENEMENT,
        6,
        [PP],
        "décembre",
        effects="Découverte des BTS accessibles.",
    ),
    _a(
        1,
        ["tle-pro"],
        "Module insertion ou poursuite d’études",
        TypeAction.SEANCE,
        12,
        [PP, PROFS],
        "septembre à mai",
        effects="Chaque élève a un projet construit.",
        objective="Préparer Parcoursup ou l’emploi.",
    ),
    _a(
        2,
        ["tle-pro"],
        "Simulations d’entretien d’embauche",
        TypeAction.INTERVENTION,
        3,
        [PROFS],
        "janvier",
        [ECO, MISSION],
        "",
        partners="Club d’entreprises de Granville",
    ),
    _a(
        1,
        ["cap-1"],
        "Entretiens de positionnement",
        TypeAction.ENTRETIEN,
        2,
        [PP, CPE],
        "septembre",
        effects="Repérage des élèves à accompagner.",
    ),
    _a(
        2,
        ["cap-1", "cap-2"],
        "Visites d’entreprises partenaires",
        TypeAction.VISITE,
        8,
        [PROFS],
        "au fil de l’année",
        [ECO],
        "Connaître les conditions de travail réelles.",
    ),
    _a(
        3,
        ["cap-1"],
        "Découverte des poursuites d’études après le CAP",
        TypeAction.SEANCE,
        2,
        [PP, PSYEN],
        "avril",
        effects="Connaissance des bacs pro en un an.",
    ),
    _a(
        1,
        ["cap-2"],
        "Préparer sa recherche d’emploi",
        TypeAction.SEANCE,
        4,
        [PP],
        "",
        [MISSION],
        "Chaque élève a un CV à jour.",
    ),
]

# Actions of the LP's programme N-1 only: its bilan dropped them (see suivi/demo.py).
LP_PREVIOUS_ONLY = [
    _a(
        3,
        ["1re-pro"],
        "Conférence « Les métiers de demain »",
        TypeAction.INTERVENTION,
        2,
        [PROFS],
        "novembre",
        effects="Ouvrir les élèves aux métiers émergents.",
    ),
]

COLLEGE = [
    _a(
        1,
        ["6e"],
        "Découvrir le collège et ses métiers",
        TypeAction.SEANCE,
        2,
        [PP, CPE],
        "septembre",
        effects="Les élèves repèrent les personnels ressources.",
    ),
    _a(
        3,
        ["6e", "5e"],
        "Visite du CDI : s’informer sur les formations",
        TypeAction.SEANCE,
        2,
        [DOC],
        "novembre",
        effects="Savoir chercher une information sur onisep.fr.",
    ),
    _a(
        2,
        ["5e"],
        "Découverte des métiers : rencontres de professionnels",
        TypeAction.INTERVENTION,
        8,
        [PROFS],
        "de janvier à juin",
        [PRO, CLEE],
        "Trois métiers découverts par élève.",
        partners="Ambassadeurs métiers",
    ),
    _a(
        1,
        ["5e", "4e"],
        "Ateliers « Filles et garçons : tous les métiers »",
        TypeAction.SEANCE,
        2,
        [EGALITE],
        "mars",
        [ASSO],
        "Élargir les choix.",
        equality=True,
    ),
    _a(
        2,
        ["4e"],
        "Découverte des métiers : visites d’entreprises",
        TypeAction.VISITE,
        6,
        [PP, PROFS],
        "février",
        [ECO],
        "Découvrir un secteur du bassin.",
    ),
    _a(
        3,
        ["4e"],
        "Forum des lycées du bassin",
        TypeAction.EVENEMENT,
        4,
        [PP, PSYEN],
        "avril",
        effects="Connaître les voies générale, technologique et professionnelle.",
    ),
    _a(
        1,
        ["4e", "3e"],
        "Entretiens personnalisés d’orientation",
        TypeAction.ENTRETIEN,
        2,
        [PP, PSYEN],
        "décembre et mars",
        [],
        "Un entretien par élève et par an.",
        classes="Toutes les classes",
        public_description="Votre enfant fait le point sur ses goûts et ses projets avec son professeur principal "
        "ou la psychologue de l’Éducation nationale.",
    ),
    _a(
        2,
        ["3e"],
        "Stage d’observation en milieu professionnel",
        TypeAction.IMMERSION,
        30,
        [PP],
        "décembre",
        [ECO, PRO],
        "Rapport de stage rédigé par chaque élève.",
        public_description="Votre enfant passe une semaine dans une entreprise ou une administration pour découvrir "
        "un métier. Le collège aide à trouver un lieu de stage.",
    ),
    _a(
        3,
        ["3e"],
        "Mini-stages en lycée professionnel",
        TypeAction.IMMERSION,
        6,
        [PP],
        "février",
        effects="Vœux Affelnet éclairés.",
        public_description="Votre enfant passe une journée dans un lycée professionnel pour découvrir une formation.",
    ),
    _a(
        1,
        ["3e"],
        "Réunion d’information des familles sur l’affectation",
        TypeAction.FAMILLES,
        2,
        [PP, FAMILLES],
        "janvier",
        effects="Familles informées des étapes.",
        public_description="Une réunion pour les parents : les choix possibles après la 3e et les étapes de "
        "l’affectation au lycée.",
    ),
]

LGT = [
    _a(
        1,
        ["2nde-gt"],
        "Accompagnement au choix de l’orientation : ateliers hebdomadaires",
        TypeAction.SEANCE,
        40,
        [PP, PSYEN],
        "toute l’année",
        effects="Choix des spécialités argumenté.",
    ),
    _a(
        2,
        ["2nde-gt"],
        "Journée « Découverte des métiers » avec le CLEE",
        TypeAction.INTERVENTION,
        6,
        [PROFS],
        "janvier",
        [ECO, CLEE],
        "Rencontre de professionnels de cinq secteurs.",
    ),
    _a(
        3,
        ["2nde-gt"],
        "Présentation des spécialités et des séries technologiques",
        TypeAction.SEANCE,
        8,
        [PP, PROFS],
        "février",
        effects="Connaissance de l’offre du lycée.",
        equality=True,
    ),
    _a(
        1,
        ["1re-gt"],
        "Accompagnement au choix de l’orientation en première",
        TypeAction.SEANCE,
        36,
        [PP, PSYEN],
        "toute l’année",
        effects="Choix de la spécialité abandonnée argumenté.",
    ),
    _a(
        2,
        ["1re-gt"],
        "Stages d’immersion en entreprise",
        TypeAction.IMMERSION,
        12,
        [PP],
        "juin",
        [PRO],
        "Découverte du monde professionnel.",
    ),
    _a(
        3,
        ["1re-gt", "tle-gt"],
        "Cordées de la réussite avec l’université de Caen",
        TypeAction.INTERVENTION,
        6,
        ["Référent Cordées de la réussite"],
        "novembre à avril",
        [],
        "Ambition scolaire des élèves boursiers.",
    ),
    _a(
        1,
        ["tle-gt"],
        "Préparer Parcoursup : ateliers et entretiens",
        TypeAction.SEANCE,
        36,
        [PP, PSYEN],
        "décembre à mars",
        effects="100 % des élèves formulent des vœux.",
    ),
    _a(
        2,
        ["tle-gt"],
        "Forum des anciens élèves",
        TypeAction.EVENEMENT,
        6,
        [PROFS],
        "janvier",
        [ASSO],
        "Témoignages de parcours variés.",
        equality=True,
    ),
    _a(
        3,
        ["tle-gt"],
        "Journées portes ouvertes du supérieur",
        TypeAction.EVENEMENT,
        6,
        [PP],
        "février",
        effects="Chaque élève visite au moins un établissement.",
    ),
]


def _adoption_steps(year: int) -> list:
    """The adoption of the programme `year` (N-1) during its school year: status, date of the session."""
    return [(StatutProgramme.AVIS_CP, D(year + 1, 2, 10)), (StatutProgramme.ADOPTE_CA, D(year + 1, 3, 12))]


def load(demo) -> None:
    first_year = demo.year - 1
    director = {
        "lp": demo.users["direction.lp@demo.ppo.fr"],
        "college": demo.users["direction.college@demo.ppo.fr"],
        "lgt": demo.users["direction.lgt@demo.ppo.fr"],
    }
    for key, actions, dropped in (("lp", LP, LP_PREVIOUS_ONLY), ("college", COLLEGE, []), ("lgt", LGT, [])):
        etablissement = demo.schools[key]
        if PPO.objects.filter(etablissement=etablissement, first_year=first_year).exists():
            continue
        _refuse_another_year(etablissement, first_year)
        ppo = ppo_create(etablissement=etablissement, first_year=first_year, years=YEARS, user=director[key])
        previous = ppo.programmes.get()
        _fill(previous, director[key], actions + dropped)
        for status, day in _adoption_steps(first_year):
            take(previous, status.value, director[key], date_of_decision=day)
            StatutChange.objects.filter(programme=previous, status=status).update(at=demo_datetime(day))
        StatutChange.objects.filter(programme=previous, status=StatutProgramme.BROUILLON).update(
            at=demo_datetime(D(first_year, 9, 15))
        )
        titles = {spec["title"] for spec in dropped}
        kept = [pk for pk, title in previous.actions.values_list("pk", "title") if title not in titles]
        current = programme_start_next_year(programme=previous, user=director[key], action_ids=kept)
        # Started from the bilan at the end of N-1 (see suivi/demo.py).
        StatutChange.objects.filter(programme=current).update(at=demo_datetime(D(demo.year, 6, 30)))


def _refuse_another_year(etablissement, first_year):
    """A demo loaded in an earlier school year is still in the database: two PPO would overlap."""
    other = (
        PPO.objects.filter(
            etablissement=etablissement, first_year__lte=first_year + YEARS - 1, last_year__gte=first_year
        )
        .exclude(first_year=first_year)
        .first()
    )
    if other is not None:
        raise DemoError(
            f"La base contient la démonstration d’une autre année scolaire (PPO {other.period_label} de "
            f"{etablissement.name}) ; celle d’aujourd’hui se déroule en {school_year_label(first_year + 1)}. "
            "Rien n’a été modifié : chargez la démonstration dans une base neuve (supprimez db.sqlite3 ou "
            "changez DATABASE_URL)."
        )


# The « compétences à s’orienter » a demonstration action works, by axis: any two axes cover the three families.
COMPETENCES_BY_AXE = {1: ["c2-1", "c3-2"], 2: ["c1-4", "c2-3"], 3: ["c1-3", "c3-3"]}


def _fill(programme, user, actions):
    axes = {axe.number: axe for axe in Axe.objects.all()}
    competences = {c.code: c for c in Competence.objects.all()}
    niveaux = {n.code: n for n in Niveau.objects.all()}
    items = {(i.category, i.label): i for i in RessourceItem.objects.all()}
    for spec in actions:
        spec = dict(spec)
        spec["hours"] = Decimal(spec["hours"])
        spec["actors"] = [items[(CategorieRessource.ACTEURS, label)] for label in spec["actors"]]
        spec["partner_items"] = [items[(CategorieRessource.PARTENARIATS, label)] for label in spec["partner_items"]]
        spec.setdefault(
            "competences", [competences[code] for code in COMPETENCES_BY_AXE[spec["axe"]] if code in competences]
        )
        action_create(
            programme=programme,
            user=user,
            axe=axes[spec.pop("axe")],
            niveaux=[niveaux[code] for code in spec.pop("niveaux")],
            **spec,
        )
    programme.ressources.set(
        [i for (category, _), i in items.items() if category != CategorieRessource.ACTIONS_DISPOSITIFS][:12]
    )
