"""Issue 20, RGAA 6.1 and 6.2: every link's accessible name says where it goes.

The key pages of each side (the académie's dashboard, the list of schools it reviews, its campaigns, the school's
dashboard, grid, follow-up and diagnostic) are rendered with several schools, actions and figures, and read as a
screen reader lists links: no two links with different targets may share the same name, and in the page's content
(`<main>`) a link's `title` or `aria-label` must start with its visible text (RGAA 6.1.5, WCAG 2.5.3 « Label in
name »). The DSFR's header and footer keep the titles the design system documents.
"""

import datetime
import re
from collections import defaultdict
from decimal import Decimal

import pytest
from django.urls import reverse
from lxml import html

from ppo.campagnes.models import Priorite
from ppo.comptes.enums import Role
from ppo.plans.enums import CategorieRessource, StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import RessourceItem
from ppo.referentiel.models import Academie
from tests.campagnes import factories
from tests.factories import BassinFactory, EtablissementFactory, MembershipFactory, UserFactory, user_with

pytestmark = pytest.mark.django_db


def _text(element, *, visible_only=False) -> str:
    """The text a link's content gives to its name (accname: images by their alt, hidden parts left out)."""
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return ""
    if visible_only and "fr-sr-only" in (element.get("class") or "").split():
        return ""
    if element.tag == "br":
        return " "
    parts = [element.get("alt", "")] if element.tag == "img" else [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_text(child, visible_only=visible_only))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def accessible_name(link, document) -> str:
    if link.get("aria-labelledby"):
        ids = link.get("aria-labelledby").split()
        return _clean(" ".join(_text(document.get_element_by_id(i)) for i in ids))
    if _clean(link.get("aria-label", "")):
        return _clean(link.get("aria-label"))
    return _clean(_text(link)) or _clean(link.get("title", ""))


def link_problems(content: bytes) -> list[str]:
    document = html.fromstring(content)
    targets = defaultdict(set)
    problems = [] if next(document.iter("main"), None) is not None else ["page sans <main>"]
    for link in document.iter("a"):
        href = link.get("href")
        if not href:
            continue
        name = accessible_name(link, document)
        if not name:
            problems.append(f"lien sans intitulé vers {href}")
            continue
        targets[name.casefold()].add(href)
        if not any(ancestor.tag == "main" for ancestor in link.iterancestors()):
            continue  # the DSFR's own header and footer, with their documented titles
        visible = _clean(_text(link, visible_only=True)).casefold()
        for attribute in ("aria-label", "title"):
            value = _clean(link.get(attribute, "")).casefold()
            if value and visible and not value.startswith(visible):
                problems.append(f"{attribute} « {value} » ne commence pas par le texte visible « {visible} »")
    problems += [f"« {name} » mène à {sorted(hrefs)}" for name, hrefs in targets.items() if len(hrefs) > 1]
    return problems


@pytest.fixture
def academie_world():
    """Four schools of Normandie with transmitted programmes, actions, partners and a priority; one draft."""
    normandie = Academie.objects.get(code="70")
    campagne = factories.campagne(academie=normandie)
    Priorite.objects.create(campagne=campagne, text="Mixité des filières", indicator_label="Part des filles")
    Priorite.objects.create(campagne=campagne, text="Découverte des métiers")
    partners = list(RessourceItem.objects.filter(category=CategorieRessource.PARTENARIATS)[:2])
    bassins = [BassinFactory(name="Caen"), BassinFactory(name="Cotentin")]
    programmes = []
    for i, kind in enumerate(["lp", "lp", "college", "college"]):
        school = EtablissementFactory(name=f"Établissement {i}", bassin=bassins[i % 2], **{kind: True})
        programme = factories.programme(school)
        niveaux = ("2nde-pro", "1re-pro") if kind == "lp" else ("5e", "3e")
        for axe in (1, 2):
            factories.action(
                programme,
                axe=axe,
                niveaux=niveaux,
                title="Forum des métiers",  # the same title in two axes, as schools do
                hours=Decimal(3),
                partner_items=partners,
                gender_equality=True,
                start_date=datetime.date(2025, 11, 10 + axe),
            )
        programmes.append(programme)
    for programme in programmes[:3]:
        factories.transmitted(programme)
    force_status(programme=programmes[1], status=StatutProgramme.VALIDE, user=programmes[1].ppo.created_by)
    return {"academie": user_with(Role.ACADEMIE, academie=normandie), "programmes": programmes}


def test_academie_pages_have_no_ambiguous_link(client, academie_world):
    client.force_login(academie_world["academie"])
    pages = [
        reverse("pilotage:tableau_de_bord"),
        reverse("pilotage:etablissements"),
        reverse("pilotage:etablissements") + "?etat=transmis",
        reverse("pilotage:carte"),
        reverse("campagnes:campagnes"),
        reverse("portail:tableau_de_bord"),
    ]
    programme = academie_world["programmes"][0]
    pages.append(reverse("examen:transmission", args=[programme.transmissions.get().pk]))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert link_problems(response.content) == [], url
    # The platform's operator sees the campaigns of every académie: the same school year twice.
    factories.campagne(academie=Academie.objects.get(code="09"))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert link_problems(client.get(reverse("campagnes:campagnes")).content) == []


def test_school_pages_have_no_ambiguous_link(client, academie_world):
    programme = academie_world["programmes"][0]
    direction = programme.ppo.created_by
    # The head of two schools: one card per school on the dashboard.
    other = academie_world["programmes"][2].ppo.etablissement
    MembershipFactory(user=direction, role=Role.DIRECTION, etablissement=other)
    client.force_login(direction)
    pages = [
        reverse("portail:tableau_de_bord"),
        reverse("plans:etablissement", args=[programme.ppo.etablissement.uai]),
        reverse("plans:programme", args=[programme.pk]),
        reverse("plans:action_list", args=[programme.pk]),
        reverse("plans:completeness", args=[programme.pk]),
        reverse("suivi:mes_actions"),
        reverse("suivi:calendrier", args=[programme.pk]),
        reverse("suivi:programme", args=[programme.pk]),
        reverse("suivi:bilan", args=[programme.pk]),
        reverse("diagnostic:programme", args=[programme.pk]),
        reverse("diagnostic:synthese", args=[programme.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert link_problems(response.content) == [], url


def test_the_check_finds_ambiguous_links():
    """The check itself: same name, two targets; a title that does not take up the visible text."""
    page = (
        b'<main><p><a href="/a">Examiner</a> <a href="/b">Examiner</a> <a href="/c">Examiner<span class="fr-sr-only">'
        b' C</span></a> <a href="/d" title="Voir la liste">3</a> <a href="/e" aria-label="Ouvrir E">Ouvrir</a></p></main>'
    )
    assert link_problems(page) == [
        "title « voir la liste » ne commence pas par le texte visible « 3 »",
        "« examiner » mène à ['/a', '/b']",
    ]
