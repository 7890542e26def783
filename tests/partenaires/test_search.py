"""Catalogue search: French full text on PostgreSQL, word-by-word fallback on SQLite; filters; nearest first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ppo.partenaires.enums import TypeOffre
from ppo.partenaires.selectors import CatalogueFilters, catalogue_search
from ppo.plans.models import Axe
from ppo.referentiel.models import Niveau
from tests.factories import BassinFactory, DepartementFactory, EtablissementFactory, academie
from tests.partenaires.factories import MetierFactory, OffreFactory, SecteurFactory


def titles(**filters):
    etablissement = filters.pop("etablissement", None)
    return [o.title for o in catalogue_search(filters=CatalogueFilters(**filters), etablissement=etablissement)]


@pytest.fixture
def offres(db):
    numerique = SecteurFactory(label="informatique, internet")
    dev = MetierFactory(label="développeur / développeuse informatique", rome_codes="M1805")
    dev.secteurs.add(numerique)
    soudeur = MetierFactory(label="soudeur / soudeuse", rome_codes="H2913")
    return {
        "soudure": OffreFactory(
            title="Visite d’un atelier de soudure",
            description="Découverte du soudage à l’arc et de la chaudronnerie.",
            kind=TypeOffre.VISITE,
            metiers=[soudeur],
            niveaux=[Niveau.objects.get(code="2nde-pro")],
            axes=[Axe.objects.get(number=2)],
        ),
        "numerique": OffreFactory(
            title="Les métiers du numérique racontés en classe",
            description="Une développeuse présente son travail.",
            metiers=[dev],
        ),
        "cuisine": OffreFactory(
            title="Atelier cuisine",
            description="Les métiers de la restauration.",
            is_free=False,
            cost_justification="50 € pour les matières premières.",
        ),  # fmt: skip
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("soudure", ["Visite d’un atelier de soudure"]),
        ("SOUDURE", ["Visite d’un atelier de soudure"]),
        ("métiers du numérique", ["Les métiers du numérique racontés en classe"]),
        ("metiers numerique", ["Les métiers du numérique racontés en classe"]),
        ("métier numérique", ["Les métiers du numérique racontés en classe"]),
        ("soudure numérique", []),
        ("H2913", ["Visite d’un atelier de soudure"]),
        ("développeuse", ["Les métiers du numérique racontés en classe"]),
    ],
)
def test_text_search_in_french(offres, query, expected):
    assert titles(query=query) == expected


def test_empty_query_lists_every_public_offer(offres):
    assert len(titles()) == 3


def test_filters(offres):
    assert titles(niveau=Niveau.objects.get(code="2nde-pro")) == ["Visite d’un atelier de soudure"]
    assert titles(axe=Axe.objects.get(number=2)) == ["Visite d’un atelier de soudure"]
    assert titles(kind=TypeOffre.VISITE) == ["Visite d’un atelier de soudure"]
    assert titles(secteur=SecteurFactory(label="informatique, internet")) == [
        "Les métiers du numérique racontés en classe"
    ]
    assert "Atelier cuisine" not in titles(free_only=True)
    assert len(titles(free_only=True)) == 2


def test_territory_filters(db):
    calvados = DepartementFactory(code="014")
    manche = DepartementFactory(code="050", name="Manche")
    caen = BassinFactory(name="Caen", departement=calvados)
    cotentin = BassinFactory(name="Cotentin", departement=manche)
    OffreFactory(title="Toute l’académie")
    OffreFactory(title="Calvados", departements=[calvados])
    OffreFactory(title="Bassin de Caen", bassins=[caen])
    OffreFactory(title="Bassin du Cotentin", bassins=[cotentin])
    OffreFactory(title="Lille", academie=academie("09"))
    assert set(titles(departement=calvados)) == {"Toute l’académie", "Calvados", "Bassin de Caen"}
    assert set(titles(departement=manche)) == {"Toute l’académie", "Bassin du Cotentin"}
    assert set(titles(bassin=caen)) == {"Toute l’académie", "Calvados", "Bassin de Caen"}
    assert set(titles(bassin=cotentin)) == {"Toute l’académie", "Bassin du Cotentin"}


def test_nearest_offers_first(db):
    calvados = DepartementFactory(code="014")
    caen = BassinFactory(name="Caen", departement=calvados)
    school = EtablissementFactory(departement=calvados, bassin=caen)
    OffreFactory(title="A — ailleurs", academie=academie("09"))
    OffreFactory(title="B — académie")
    OffreFactory(title="C — département", departements=[calvados])
    OffreFactory(title="D — bassin", bassins=[caen])
    assert titles(etablissement=school) == ["D — bassin", "C — département", "B — académie", "A — ailleurs"]


def test_only_validated_and_fresh_offers_are_searched(db):
    now = timezone.now()
    OffreFactory(title="Brouillon", brouillon=True)
    OffreFactory(title="Soumise", soumise=True)
    OffreFactory(title="À reconfirmer", last_confirmed_at=now - datetime.timedelta(days=400))
    OffreFactory(title="Trop ancienne", last_confirmed_at=now - datetime.timedelta(days=460))
    assert titles() == ["À reconfirmer"]


def test_catalogue_page_flags_stale_offers_and_keeps_query_count_flat(client, django_assert_max_num_queries, db):
    OffreFactory(title="Ancienne", last_confirmed_at=timezone.now() - datetime.timedelta(days=400))
    url = reverse("partenaires:catalogue")
    response = client.get(url)
    assert "À reconfirmer" in response.content.decode()
    counts = []
    for extra in (3, 30):
        for _ in range(extra):
            OffreFactory(niveaux=list(Niveau.objects.all()[:3]))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"q": "industrie"}).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_catalogue_page_shows_results_and_keeps_the_programme(client, offres):
    response = client.get(reverse("partenaires:catalogue"), {"q": "soudure", "programme": "abc"})
    html = response.content.decode()
    assert "1 offre" in html
    assert "Visite d’un atelier de soudure" in html
    assert "Les métiers du numérique" not in html


def test_bad_filter_values_are_ignored_cleanly(client, offres):
    response = client.get(reverse("partenaires:catalogue"), {"niveau": "999999", "page": "zz"})
    assert response.status_code == 200
