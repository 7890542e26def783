"""The demo data set: one académie (Normandie) with three bassins, a school of each kind, a user per role.

Each app's part is a module `ppo/demo/<app>.py` defining `load(demo: Demo) -> None`; they run in the
order of `registry.APP_ORDER`, after the base set below. Everything is idempotent: running it twice changes nothing.

The demo follows the date: `demo.year` is the current school year N (`ppo.core.dates.current_school_year`). The PPO
started in N-1: the programme N-1 is finished (published, followed up, bilan validated), the programme N is being
written and reviewed. Every date is computed from N, never written as a year.
"""

import datetime
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership, User
from ppo.core.dates import current_school_year
from ppo.core.registry import APP_ORDER
from ppo.partenaires.enums import TypeStructure
from ppo.partenaires.models import Structure
from ppo.referentiel.enums import Secteur, TypeEtablissement
from ppo.referentiel.models import Academie, Bassin, Departement, Etablissement, Region
from ppo.referentiel.services import etablissement_set_default_niveaux
from ppo.referentiel.uai import uai_check_letter

DEMO_PASSWORD = "demo-ppo-2026"

DEPARTEMENTS = [("014", "Calvados"), ("050", "Manche"), ("076", "Seine-Maritime"), ("027", "Eure"), ("061", "Orne")]
BASSINS = [("Caen", "014"), ("Cotentin", "050"), ("Rouen", "076")]
POSTCODES = {"Caen": "14000", "Granville": "50400", "Rouen": "76000", "Saint-Lô": "50000"}
# key, number (7 digits), name, kind, secteur, commune, bassin
SCHOOLS = [
    ("college", "0149901", "Collège Les Tilleuls", TypeEtablissement.COLLEGE, Secteur.PUBLIC, "Caen", "Caen"),
    ("lgt", "0149902", "Lycée Jean Rostand", TypeEtablissement.LGT, Secteur.PUBLIC, "Caen", "Caen"),
    (
        "lp",
        "0509903",
        "Lycée professionnel Maurice Marland",
        TypeEtablissement.LP,
        Secteur.PUBLIC,
        "Granville",
        "Cotentin",
    ),
    ("lpo", "0769904", "Lycée polyvalent Val de Seine", TypeEtablissement.LPO, Secteur.PUBLIC, "Rouen", "Rouen"),
    ("erea", "0769905", "EREA Les Alizés", TypeEtablissement.EREA, Secteur.PUBLIC, "Rouen", "Rouen"),
    (
        "college_prive",
        "0509906",
        "Collège Saint-Joseph",
        TypeEtablissement.COLLEGE,
        Secteur.PRIVE,
        "Saint-Lô",
        "Cotentin",
    ),
]
# Hauts-de-France (région académique of Lille and Amiens, seed 002), for its DRAIO:
# number (7 digits), name, kind, commune, postcode, académie code, (département code, name)
HDF_SCHOOLS = [
    ("0599901", "Lycée professionnel Jean Prouvé", TypeEtablissement.LP, "Lille", "59000", "09", ("059", "Nord")),
    ("0629902", "Lycée Robespierre", TypeEtablissement.LGT, "Arras", "62000", "09", ("062", "Pas-de-Calais")),
    ("0809903", "Lycée Édouard Branly", TypeEtablissement.LGT, "Amiens", "80000", "20", ("080", "Somme")),
    ("0029904", "Collège Jean Racine", TypeEtablissement.COLLEGE, "Soissons", "02200", "20", ("002", "Aisne")),
]
# email, first name, last name, role, scope key
ACCOUNTS = [
    ("direction.lp@demo.ppo.fr", "Claire", "Martin", Role.DIRECTION, "lp"),
    ("redacteur.lp@demo.ppo.fr", "Karim", "Benali", Role.REDACTEUR, "lp"),
    ("lecteur.lp@demo.ppo.fr", "Sophie", "Lefèvre", Role.LECTEUR, "lp"),
    ("direction.college@demo.ppo.fr", "Marc", "Durand", Role.DIRECTION, "college"),
    ("redacteur.college@demo.ppo.fr", "Julie", "Moreau", Role.REDACTEUR, "college"),
    ("direction.lgt@demo.ppo.fr", "Nadia", "Petit", Role.DIRECTION, "lgt"),
    ("academie@demo.ppo.fr", "Hélène", "Roux", Role.ACADEMIE, "academie"),
    ("bassin@demo.ppo.fr", "Thomas", "Girard", Role.BASSIN, "bassin:Cotentin"),
    ("draio.hdf@demo.ppo.fr", "Mathilde", "Vasseur", Role.REGION, "region:32"),
    ("dasen.manche@demo.ppo.fr", "Olivier", "Lemonnier", Role.DEPARTEMENT, "departement:050"),
    ("dgesco@demo.ppo.fr", "Anne", "Delcourt", Role.NATIONAL, None),
    ("partenaire@demo.ppo.fr", "Inès", "Garnier", Role.PARTENAIRE, "structure:agence"),
    ("ambassadeur@demo.ppo.fr", "Paul", "Lambert", Role.AMBASSADEUR, None),
]


class DemoError(Exception):
    """The demo cannot be loaded into this database; the message (French) says why and what to do."""


@dataclass
class Demo:
    academie: Academie
    year: int  # the current school year N: 2026 for 2026-2027
    today: datetime.date | None = None  # the day the demo is loaded for (the real today by default)
    bassins: dict = field(default_factory=dict)
    schools: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    structures: dict = field(default_factory=dict)
    admin: User | None = None
    extra_accounts: list = field(default_factory=list)


def _user(email, first_name, last_name, **extra):
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def demo_datetime(day: datetime.date) -> datetime.datetime:
    """A moment of `day` (10 a.m., local time), to date a step of the past school year as it happened."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@transaction.atomic
def demo_load(today: datetime.date | None = None) -> Demo:
    """Loads the demo set in the school year of `today` (by default the real today)."""
    academie = Academie.objects.get(code="70")
    departements = {
        code: Departement.objects.get_or_create(code=code, defaults={"name": name, "academie": academie})[0]
        for code, name in DEPARTEMENTS
    }
    demo = Demo(academie=academie, year=current_school_year(today), today=today or timezone.localdate())
    for name, dep in BASSINS:
        demo.bassins[name] = Bassin.objects.get_or_create(
            academie=academie, name=name, defaults={"departement": departements[dep]}
        )[0]
    for key, number, name, kind, secteur, commune, bassin in SCHOOLS:
        etab, created = Etablissement.objects.get_or_create(
            uai=number + uai_check_letter(number),
            defaults={
                "name": name,
                "kind": kind,
                "secteur": secteur,
                "commune": commune,
                "code_postal": POSTCODES.get(commune, ""),
                "departement": departements[number[:3]],
                "academie": academie,
                "bassin": demo.bassins[bassin],
            },
        )
        if created:
            etablissement_set_default_niveaux(etablissement=etab)
        demo.schools[key] = etab
    demo.structures["agence"] = Structure.objects.get_or_create(
        name="AD Normandie — Agence de l’orientation et des métiers",
        defaults={"kind": TypeStructure.AGENCE_ORIENTATION, "academie": academie, "is_moderator": True},
    )[0]
    demo.structures["region"] = Structure.objects.get_or_create(
        name="Région Normandie", defaults={"kind": TypeStructure.REGION, "academie": academie}
    )[0]
    for number, name, kind, commune, postcode, academie_code, (dep_code, dep_name) in HDF_SCHOOLS:
        other = Academie.objects.get(code=academie_code)
        dep = Departement.objects.get_or_create(code=dep_code, defaults={"name": dep_name, "academie": other})[0]
        etab, created = Etablissement.objects.get_or_create(
            uai=number + uai_check_letter(number),
            defaults={
                "name": name,
                "kind": kind,
                "commune": commune,
                "code_postal": postcode,
                "departement": dep,
                "academie": other,
            },
        )
        if created:
            etablissement_set_default_niveaux(etablissement=etab)
    for email, first_name, last_name, role, scope in ACCOUNTS:
        user = _user(email, first_name, last_name)
        scope_kwargs = {}
        if scope and scope.startswith("region:"):
            scope_kwargs["region"] = Region.objects.get(code=scope.split(":", 1)[1])
        elif scope and scope.startswith("departement:"):
            scope_kwargs["departement"] = departements[scope.split(":", 1)[1]]
        elif scope == "academie":
            scope_kwargs["academie"] = academie
        elif scope and scope.startswith("bassin:"):
            scope_kwargs["bassin"] = demo.bassins[scope.split(":", 1)[1]]
        elif scope and scope.startswith("structure:"):
            scope_kwargs["structure"] = demo.structures[scope.split(":", 1)[1]]
        elif scope:
            scope_kwargs["etablissement"] = demo.schools[scope]
        Membership.objects.get_or_create(user=user, role=role, **scope_kwargs)
        demo.users[email] = user
    # The head of the LP also reads the collège's PPO: shows the role switcher.
    Membership.objects.get_or_create(
        user=demo.users["direction.lp@demo.ppo.fr"], role=Role.LECTEUR, etablissement=demo.schools["college"]
    )
    demo.admin = _user("admin@demo.ppo.fr", "Alex", "Opérateur", is_staff=True, is_superuser=True)

    for app in APP_ORDER:
        if not apps.is_installed(f"ppo.{app}"):
            continue
        try:
            module = import_module(f"ppo.demo.{app}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ppo.demo.{app}":
                raise
            continue
        module.load(demo)
    return demo


def demo_accounts_text(demo: Demo) -> str:
    rows = []
    for email, _, _, role, _scope in ACCOUNTS:
        user = demo.users[email]
        membership = user.memberships.filter(role=role).first()
        rows.append((role.label, email, membership.scope_label if membership else ""))
    rows += [(label, email, scope) for label, email, scope in demo.extra_accounts]
    rows.append(("Administration", demo.admin.email, "toute la plateforme (/admin/)"))
    # Columns as wide as their longest cell (« Région académique (DRAIO) » is longer than the other roles).
    role_width = max(len(label) for label, _, _ in rows)
    email_width = max(len(email) for _, email, _ in rows)
    lines = [f"Comptes de démonstration (mot de passe commun : {DEMO_PASSWORD})", ""]
    lines += [f"  {label:<{role_width}}  {email:<{email_width}}  {scope}" for label, email, scope in rows]
    return "\n".join(lines)
