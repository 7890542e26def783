import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from ppo.core.dates import current_school_year
from ppo.demo.base import demo_load
from ppo.partenaires.enums import StatutDemande, StatutOffre
from ppo.partenaires.models import Ambassadeur, DemandeIntervention, Offre
from ppo.partenaires.selectors import CatalogueFilters, catalogue_search
from ppo.partenaires.services.offres import offre_add_to_programme
from ppo.plans.models import Axe
from ppo.plans.services import ppo_create
from ppo.referentiel.models import Niveau
from tests.partenaires.factories import OffreFactory


@pytest.mark.django_db
def test_demo_is_idempotent_and_searchable():
    demo_load()
    counts = (Offre.objects.count(), Ambassadeur.objects.count(), DemandeIntervention.objects.count())
    demo_load()
    assert counts == (Offre.objects.count(), Ambassadeur.objects.count(), DemandeIntervention.objects.count())
    assert counts[0] == 4
    for query in ("soudure", "métiers du numérique"):
        assert len(list(catalogue_search(filters=CatalogueFilters(query=query)))) == 1
    assert Offre.objects.filter(status=StatutOffre.SOUMISE).count() == 1
    stale = Offre.objects.get(title="Forum des métiers de la mer")
    assert stale.last_confirmed_at < timezone.now() - datetime.timedelta(days=365)
    ambassadeur = Ambassadeur.objects.get(user__email="ambassadeur@demo.ppo.fr")
    assert ambassadeur.demandes.get().status == StatutDemande.DEMANDEE


@pytest.mark.django_db
def test_nav_and_dashboard(client, world):
    client.force_login(world.users["academie"])
    OffreFactory(soumise=True)
    html = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "Offres à modérer" in html and "1 en attente" in html
    client.force_login(world.users["direction"])
    html = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "Ambassadeurs métiers" in html and "Demandes aux ambassadeurs métiers" in html
    client.logout()
    html = client.get(reverse("portail:accueil")).content.decode()
    assert "Catalogue des partenaires" in html and "Ambassadeurs métiers" not in html


@pytest.mark.django_db
def test_action_partenaire_tag_shows_the_offer_on_the_action_side(world):
    programme = ppo_create(
        etablissement=world.school, first_year=current_school_year(), years=3, user=world.users["direction"]
    ).programmes.get()
    offre = OffreFactory(title="Visite du port")
    link = offre_add_to_programme(
        offre=offre,
        programme=programme,
        user=world.users["direction"],
        axe=Axe.objects.get(number=1),
        niveaux=[Niveau.objects.get(code="3e")],
    )
    html = Template("{% load partenaires_tags %}{% action_partenaire action %}").render(
        Context({"action": link.action})
    )
    assert "Issue du catalogue" in html and "Visite du port" in html
