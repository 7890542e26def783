"""A small world with every role, used by the test that walks every URL as every role.

- `school`: a lycée professionnel of Normandie in bassin `bassin`, with a direction, a rédacteur and a lecteur;
- `sibling`: a collège of the same académie, in another bassin;
- `sibling`: in another département (Manche) than `school` (Calvados);
- `foreign`: a lycée of another académie (Lille), with its own direction.

Supervisors at every level: `national` (DGESCO, reads everything, writes nothing), `region` (DRAIO of the région
académique Hauts-de-France: Lille and Amiens, so `foreign` only), `academie` (Normandie), `departement` (DASEN of
Calvados: `school`, not `sibling`), `bassin` (the bassin of `school`).
"""

from dataclasses import dataclass, field

from ppo.comptes.enums import Role
from tests.factories import (
    BassinFactory,
    DepartementFactory,
    EtablissementFactory,
    StructureFactory,
    UserFactory,
    academie,
    user_with,
)

ROLES = [
    "anonyme",
    "direction",
    "redacteur",
    "lecteur",
    "national",
    "region",
    "academie",
    "departement",
    "bassin",
    "partenaire",
    "ambassadeur",
    "autre_direction",
    "autre_academie",
    "admin",
]


@dataclass
class World:
    school: object
    sibling: object
    foreign: object
    bassin: object
    structure: object
    users: dict = field(default_factory=dict)


def build_world() -> World:
    normandie = academie("70")
    lille = academie("09")
    bassin = BassinFactory(academie=normandie, name="Bassin du monde")
    other_bassin = BassinFactory(academie=normandie, name="Autre bassin")
    calvados = DepartementFactory(code="014")
    school = EtablissementFactory(lp=True, bassin=bassin, departement=calvados)
    sibling = EtablissementFactory(
        college=True, bassin=other_bassin, departement=DepartementFactory(code="050", name="Manche")
    )
    foreign = EtablissementFactory(
        lgt=True, departement=DepartementFactory(code="059", name="Nord", academie=lille), academie=lille
    )
    structure = StructureFactory(academie=normandie)
    users = {
        "anonyme": None,
        "direction": user_with(Role.DIRECTION, etablissement=school),
        "redacteur": user_with(Role.REDACTEUR, etablissement=school),
        "lecteur": user_with(Role.LECTEUR, etablissement=school),
        "national": user_with(Role.NATIONAL),
        "region": user_with(Role.REGION, region=lille.region),
        "academie": user_with(Role.ACADEMIE, academie=normandie),
        "departement": user_with(Role.DEPARTEMENT, departement=calvados),
        "bassin": user_with(Role.BASSIN, bassin=bassin),
        "partenaire": user_with(Role.PARTENAIRE, structure=structure),
        "ambassadeur": user_with(Role.AMBASSADEUR),
        "autre_direction": user_with(Role.DIRECTION, etablissement=foreign),
        "autre_academie": user_with(Role.ACADEMIE, academie=lille),
        "admin": UserFactory(is_staff=True, is_superuser=True),
    }
    return World(school=school, sibling=sibling, foreign=foreign, bassin=bassin, structure=structure, users=users)
