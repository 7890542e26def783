"""Demo part of the diagnostic: indicators over three years, answers of several staff, target objectives.

The demo schools have fictional UAIs, absent from the DEPP files: their figures are written through the same
importers, from small files in the DEPP formats built here (fictional values). Years are counted back from the
current school year N (`demo.year`), as the DEPP publishes them a year or two late. The questionnaires, the
inventory and the improvement axes belong to the programme N being written; the target objectives were set when
the PPO started (programme N-1) and carried over to the programme N.
"""

from decimal import Decimal

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership, User
from ppo.demo.base import DEMO_PASSWORD
from ppo.diagnostic.enums import CategorieAxe
from ppo.diagnostic.models import Indicateur, ObjectifCible, Questionnaire, ValeurIndicateur
from ppo.diagnostic.services import (
    axe_amelioration_create,
    inventaire_item_add,
    objectif_save,
    reponse_get_or_create,
    reponse_save,
    valeurs_import,
)
from ppo.plans.models import Axe, ProgrammeAnnuel
from ppo.plans.services import ppo_create, programme_create
from ppo.referentiel.models import Niveau

INSERJEUNES_HEADER = (
    "n°UAI de l'établissement;Libellé de l'établissement;Région;Dont apprentis en EPLE;Taux de poursuite d'études;"
    "Taux;Taux attendu;Valeur ajoutée;Part en poursuite d'études;Part en emploi 6 mois après la sortie;"
    "Part des autres situations"
)
# years before N, public, poursuite, emploi, attendu, valeur ajoutée, part emploi, autres
INSERJEUNES = [
    (4, "ensemble", 41, 48, 50, -2, 28, 31),
    (4, "dont apprentis", 22, 64, 62, 2, 50, 28),
    (3, "ensemble", 44, 51, 50, 1, 29, 27),
    (3, "dont apprentis", 25, "nd", "nd", "nd", "nd", "nd"),
    (2, "ensemble", 47, 53, 51, 2, 28, 25),
]
# session (years before N: the session of June N-1 closes the school year N-2), réussite, élèves, filles par niveau,
# garçons par niveau, IPS
DNB = [(3, "84,1", 512, 62, 66, "103,2"), (2, "86,5", 498, 60, 64, "103,8"), (1, "88,2", 505, 63, 63, "104,5")]
OBJECTIFS = [
    ("taux_emploi_6_mois", 58, "Renforcer les liens avec les entreprises du bassin."),
    ("taux_tle_consolidation_bts", 100, "Cible nationale : tous les élèves de terminale bac pro."),
]
EXTRA = ("redacteur2.lp@demo.ppo.fr", "Amélie", "Roussel", "Psy-EN du lycée professionnel")

ETAT_DES_LIEUX = {
    "ctx-axe-projet": (True, "Axe 2 du projet d’établissement : « Réussir son parcours et son insertion »."),
    "ctx-pilotage": (
        True,
        "Un comité de pilotage (direction, Psy-EN, CPE, deux professeurs principaux) par trimestre.",
    ),
    "ctx-instances": (True, "Le conseil pédagogique propose chaque année les priorités du PPO."),
    "ctx-communication": (None, "Lettre aux familles, affichage au CDI, page de l’ENT."),
    "org-heures": ("Organisées sous forme de modules thématiques", "Deux modules de six semaines en 2nde et en 1re."),
    "org-referent": (None, "La Psy-EN coordonne ; le CPE suit les élèves en risque de décrochage."),
    "diag-tutorat": (False, "Pas encore de tutorat ; projet avec les BTS du lycée voisin."),
    "outils-partenaires": (Decimal(9), "Entreprises du bassin, mission locale, CMA."),
}
INVENTAIRE_KARIM = {
    "ins-recherche-emploi": (None, "Ateliers CV et lettre de motivation en terminale, simulation d’entretiens."),
    "ins-entreprises": (None, "Visites d’entreprises du bassin de Granville en 2nde."),
    "pe-parcoursup": (None, "Accompagnement en demi-groupes de janvier à mars, permanences au CDI."),
}
INVENTAIRE_AMELIE = {
    "ins-recherche-emploi": (None, "Entretiens individuels pour les élèves sans projet d’insertion défini."),
    "pe-consolidation-bts": (True, "Présentation du parcours de consolidation en BTS aux terminales en novembre."),
    "pe-cordees": (False, "Pas encore de cordée ; contact pris avec l’IUT de Saint-Lô."),
}
# respondent key, title, levels (codes), axis number or None, partners, period
ITEMS = {
    "redacteur.lp@demo.ppo.fr": [
        ("Visites d’entreprises du bassin", ["2nde-pro"], 2, "Entreprises partenaires, CCI", "octobre"),
        ("Ateliers CV et simulation d’entretiens", ["tle-pro"], 1, "France Travail", "janvier"),
        ("Accompagnement Parcoursup", ["tle-pro"], 3, "", "janvier à mars"),
    ],
    EXTRA[0]: [
        ("Entretiens d’orientation individuels", ["1re-pro", "tle-pro"], 1, "", "toute l’année"),
        ("Présentation des BTS du bassin", ["tle-pro"], None, "Lycées de Granville", "novembre"),
    ],
    "redacteur.college@demo.ppo.fr": [
        ("Stage d’observation en entreprise", ["3e"], 2, "Entreprises du secteur", "décembre"),
        ("Forum des métiers", ["4e", "3e"], 2, "CMA, CCI", "février"),
        ("Visite du lycée de secteur", ["3e"], 3, "Lycée Jean Rostand", "mars"),
    ],
}


def load(demo) -> None:
    lp, college, lgt = demo.schools["lp"], demo.schools["college"], demo.schools["lgt"]
    head_lp = demo.users["direction.lp@demo.ppo.fr"]
    head_college = demo.users["direction.college@demo.ppo.fr"]
    extra, created = User.objects.get_or_create(
        email=EXTRA[0], defaults={"first_name": EXTRA[1], "last_name": EXTRA[2]}
    )
    if created:
        extra.set_password(DEMO_PASSWORD)
        extra.save(update_fields=["password"])
    Membership.objects.get_or_create(user=extra, role=Role.REDACTEUR, etablissement=lp)
    demo.users[extra.email] = extra
    demo.extra_accounts.append((Role.REDACTEUR.label, extra.email, f"{lp.name} ({EXTRA[3]})"))

    n = demo.year
    if not ValeurIndicateur.objects.filter(etablissement=lp).exists():
        for back in sorted({row[0] for row in INSERJEUNES}, reverse=True):
            year = n - back
            _import(lp, head_lp, f"inserjeunes-demo-{year}_{year + 1}.csv", _inserjeunes(lp, back), year=None)
        _typed(lp, head_lp, "taux_tle_consolidation_bts", {n - 3: 60, n - 2: 75})
        _typed(lp, head_lp, "nombre_partenaires", {n - 3: 6, n - 2: 9})
    if not ValeurIndicateur.objects.filter(etablissement=college).exists():
        _import(college, head_college, "dnb-demo.csv", _dnb(college, n), year=None)
    if not ValeurIndicateur.objects.filter(etablissement=lgt).exists():
        _typed(lgt, demo.users["direction.lgt@demo.ppo.fr"], "part_filles_specialite", {n - 3: 19, n - 2: 23, n - 1: 26},
               scope="Numérique et sciences informatiques")  # fmt: skip

    programme_lp = _programme(lp, head_lp, n)
    programme_college = _programme(college, head_college, n)
    etat, inventaire = (Questionnaire.objects.get(code=c) for c in ("etat-des-lieux", "inventaire-des-actions"))
    _answer(programme_lp, head_lp, etat, ETAT_DES_LIEUX)
    _answer(programme_lp, demo.users["redacteur.lp@demo.ppo.fr"], inventaire, INVENTAIRE_KARIM)
    _answer(programme_lp, extra, inventaire, INVENTAIRE_AMELIE)
    _answer(programme_college, demo.users["redacteur.college@demo.ppo.fr"], inventaire, {})

    previous_lp = ProgrammeAnnuel.objects.filter(ppo=programme_lp.ppo, year=n - 1).first()
    for programme in (previous_lp, programme_lp):
        if programme is None or programme.objectifs_cibles.exists():
            continue
        for code, target, comment in OBJECTIFS:
            objectif = ObjectifCible(
                programme=programme,
                indicateur=Indicateur.objects.get(code=code),
                target=Decimal(target),
                horizon_year=programme.ppo.last_year,
                comment=comment,
            )
            objectif_save(objectif=objectif)
    if not programme_lp.axes_amelioration.exists():
        for category, text in (
            (CategorieAxe.PARTENARIATS, "Approfondir le partenariat avec la mission locale (dispositif Avenir pro)."),
            (CategorieAxe.DIVERSIFICATION, "Mieux présenter le parcours de consolidation en BTS."),
            (CategorieAxe.VIGILANCE, "Élèves de CAP sans solution à la sortie : repérage dès le premier trimestre."),
        ):
            axe_amelioration_create(programme=programme_lp, category=category, text=text)


def _programme(etablissement, user, year) -> ProgrammeAnnuel:
    """The programme of the current school year (the PPO started the year before when plans made none)."""
    programme = ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement, year=year).first()
    if programme is None:
        ppo = ppo_create(etablissement=etablissement, first_year=year - 1, years=3, user=user)
        programme = programme_create(ppo=ppo, year=year, user=user, previous=ppo.programmes.get())
    return programme


def _import(etablissement, user, name, text, year):
    valeurs_import(name=name, data=text.encode("utf-8"), user=user, etablissement=etablissement, year=year)


def _inserjeunes(etablissement, only_back) -> str:
    """One file per school year, as the DEPP publishes them (the year is in the file name)."""
    lines = [INSERJEUNES_HEADER]
    for back, public, poursuite, emploi, attendu, va, part_emploi, autres in INSERJEUNES:
        if back != only_back:
            continue
        lines.append(
            f"{etablissement.uai};{etablissement.name};NORMANDIE;{public};{poursuite};{emploi};{attendu};{va};"
            f"{poursuite};{part_emploi};{autres}"
        )
    return "\n".join(lines)


def _dnb(etablissement, n) -> str:
    levels = ("6eme", "5eme", "4eme", "3eme")
    header = ["", "numero_college", "session", "taux_de_reussite", "nombre_eleves_total", "ips"]
    header += [f"{level}_filles" for level in levels] + [f"{level}s_garcons" for level in levels]
    lines = [",".join(header)]
    for i, (back, reussite, total, girls, boys, ips) in enumerate(DNB, start=1):
        row = [str(i), etablissement.uai, str(n - back), f'"{reussite}"', str(total), f'"{ips}"']
        row += [str(girls)] * 4 + [str(boys)] * 4
        lines.append(",".join(row))
    return "\n".join(lines)


def _typed(etablissement, user, code, by_year, scope=""):
    lines = ["uai;indicateur;annee;valeur;precision;source"]
    lines += [
        f"{etablissement.uai};{code};{year};{value};{scope};Équipe de direction" for year, value in by_year.items()
    ]
    _import(etablissement, user, "modele-demo.csv", "\n".join(lines), year=None)


def _answer(programme, user, questionnaire, texts):
    reponse = reponse_get_or_create(programme=programme, questionnaire=questionnaire, user=user)
    if reponse.is_submitted:
        return
    questions = {q.code: q for s in questionnaire.sections.all() for q in s.questions.all()}
    answers = {}
    for code, (first, text) in texts.items():
        question = questions[code]
        answers[question] = {
            "text": text,
            "yes_no": first if isinstance(first, bool) else None,
            "choice": first if isinstance(first, str) else "",
            "number": first if isinstance(first, Decimal) else None,
        }
    taught = set(programme.ppo.etablissement.niveaux.values_list("code", flat=True))
    if not reponse.inventory_items.exists():
        axes = {a.number: a for a in Axe.objects.all()}
        niveaux = {n.code: n for n in Niveau.objects.all()}
        for title, codes, axe, partners, period in ITEMS.get(user.email, []):
            inventaire_item_add(
                reponse=reponse,
                title=title,
                niveaux=[niveaux[c] for c in codes if c in taught],
                axe=axes.get(axe),
                partners=partners,
                period=period,
            )
    reponse_save(reponse=reponse, answers=answers, submit=True)
