import factory
from django.utils import timezone

from ppo.partenaires.enums import StatutOffre, TypeIntervention, TypeOffre
from ppo.partenaires.models import Ambassadeur, DemandeIntervention, Metier, Offre, Secteur
from ppo.partenaires.services.offres import offre_reindex
from ppo.plans.models import Axe
from ppo.referentiel.models import Niveau
from tests.factories import EtablissementFactory, StructureFactory, UserFactory, academie


class SecteurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Secteur
        django_get_or_create = ["label"]

    label = factory.Sequence(lambda n: f"Secteur {n}")


class MetierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Metier
        django_get_or_create = ["onisep_id"]

    onisep_id = factory.Sequence(lambda n: f"MET.{90000 + n}")
    label = factory.Sequence(lambda n: f"métier {n}")
    onisep_url = factory.LazyAttribute(lambda o: f"http://www.onisep.fr/http/redirection/metier/slug/{o.onisep_id}")
    rome_codes = "H2913"


class OffreFactory(factory.django.DjangoModelFactory):
    """A validated, freshly confirmed offer of the académie of Normandie, for 3e and axis 1, indexed."""

    class Meta:
        model = Offre
        skip_postgeneration_save = True

    structure = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Offre {n}")
    description = "Une présentation des métiers de l’industrie."
    kind = TypeOffre.INTERVENTION
    academie = factory.LazyFunction(academie)
    contact_name = "Camille Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@partenaire.example.fr")
    contact_phone = "02 99 99 99 99"
    status = StatutOffre.VALIDEE
    last_confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        brouillon = factory.Trait(status=StatutOffre.BROUILLON)
        soumise = factory.Trait(status=StatutOffre.SOUMISE)

    @factory.post_generation
    def niveaux(obj, create, extracted, **kwargs):
        if create:
            obj.niveaux.set(extracted if extracted is not None else [Niveau.objects.get(code="3e")])

    @factory.post_generation
    def axes(obj, create, extracted, **kwargs):
        if create:
            obj.axes.set(extracted if extracted is not None else [Axe.objects.get(number=1)])

    @factory.post_generation
    def metiers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.metiers.set(extracted)

    @factory.post_generation
    def departements(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.departements.set(extracted)

    @factory.post_generation
    def bassins(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.bassins.set(extracted)

    @factory.post_generation
    def index(obj, create, extracted, **kwargs):
        if create:
            offre_reindex(offre=obj)


class AmbassadeurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambassadeur

    user = factory.SubFactory(UserFactory)
    job_title = "Technicienne de maintenance"
    employer = "Atelier Exemple"
    academie = factory.LazyFunction(academie)
    availability = "Le mercredi"
    offers_groupe = True
    offers_rencontre = True
    offers_visite = True
    phone = "06 00 00 00 00"


class DemandeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemandeIntervention

    ambassadeur = factory.SubFactory(AmbassadeurFactory)
    etablissement = factory.SubFactory(EtablissementFactory)
    requested_by = factory.SubFactory(UserFactory)
    kind = TypeIntervention.VISITE
    niveau = factory.LazyFunction(lambda: Niveau.objects.get(code="2nde-pro"))
    pupils_count = 15
    wished_dates = "En janvier"
    message = "Bonjour, nos élèves aimeraient visiter votre atelier."
