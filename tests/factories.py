"""Factories of the base objects; each app's tests add theirs in tests/<app>/factories.py."""

import factory
from django.utils import timezone

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership, User
from ppo.partenaires.models import Structure
from ppo.referentiel.enums import Secteur, TypeEtablissement
from ppo.referentiel.models import Academie, Bassin, Departement, Etablissement
from ppo.referentiel.services import etablissement_set_default_niveaux
from ppo.referentiel.uai import uai_check_letter

PASSWORD = "mot-de-passe-de-test"


def academie(code="70"):
    return Academie.objects.get(code=code)


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement
        django_get_or_create = ["code"]

    code = "014"
    name = "Calvados"
    academie = factory.LazyFunction(academie)


class BassinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bassin

    academie = factory.LazyFunction(academie)
    name = factory.Sequence(lambda n: f"Bassin {n}")


def _uai(n):
    number = f"{9000000 + n:07d}"
    return number + uai_check_letter(number)


class EtablissementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Etablissement
        skip_postgeneration_save = True

    uai = factory.Sequence(_uai)
    name = factory.Sequence(lambda n: f"Établissement {n}")
    kind = TypeEtablissement.LP
    secteur = Secteur.PUBLIC
    commune = "Caen"
    departement = factory.SubFactory(DepartementFactory)
    academie = factory.SelfAttribute("departement.academie")

    class Params:
        college = factory.Trait(kind=TypeEtablissement.COLLEGE, name=factory.Sequence(lambda n: f"Collège {n}"))
        lgt = factory.Trait(kind=TypeEtablissement.LGT, name=factory.Sequence(lambda n: f"Lycée {n}"))
        lp = factory.Trait(kind=TypeEtablissement.LP, name=factory.Sequence(lambda n: f"Lycée professionnel {n}"))
        lpo = factory.Trait(kind=TypeEtablissement.LPO, name=factory.Sequence(lambda n: f"Lycée polyvalent {n}"))

    @factory.post_generation
    def with_niveaux(obj, create, extracted, **kwargs):
        if create:
            etablissement_set_default_niveaux(etablissement=obj)


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Partenaire {n}")
    kind = "association"
    academie = factory.LazyFunction(academie)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.DIRECTION
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        direction = factory.Trait(role=Role.DIRECTION, etablissement=factory.SubFactory(EtablissementFactory))
        redacteur = factory.Trait(role=Role.REDACTEUR, etablissement=factory.SubFactory(EtablissementFactory))
        lecteur = factory.Trait(role=Role.LECTEUR, etablissement=factory.SubFactory(EtablissementFactory))
        academie_role = factory.Trait(role=Role.ACADEMIE, academie=factory.LazyFunction(academie))
        bassin_role = factory.Trait(role=Role.BASSIN, bassin=factory.SubFactory(BassinFactory))
        partenaire = factory.Trait(role=Role.PARTENAIRE, structure=factory.SubFactory(StructureFactory))
        ambassadeur = factory.Trait(role=Role.AMBASSADEUR)


def user_with(role, **scope):
    """A user holding one membership: `user_with(Role.DIRECTION, etablissement=etab)`."""
    return MembershipFactory(role=role, **scope).user
