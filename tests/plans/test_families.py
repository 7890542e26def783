"""Families: find the school, read its programme level by level, and see nothing that is not theirs."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from ppo.comptes.enums import Role
from ppo.documents.builders.pdf import build_pdf
from ppo.documents.builders.sheet import build_xlsx
from ppo.documents.builders.word import build_docx
from ppo.documents.selectors import programme_content
from ppo.documents.services import build_ics
from ppo.partenaires.services.demandes import demande_accept, demande_schedule
from ppo.partenaires.services.offres import offre_add_to_programme
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import take
from ppo.plans.models import Axe, ProgrammeAnnuel, RessourceItem
from ppo.plans.selectors import programme_completeness
from ppo.referentiel.models import Niveau, RepereFamille
from tests.documents.factories import rich_programme
from tests.factories import EtablissementFactory, user_with
from tests.partenaires.factories import AmbassadeurFactory, DemandeFactory, OffreFactory
from tests.plans.factories import add_action, page_queries, programme_for

pytestmark = pytest.mark.django_db

MESSAGE = "Nos élèves de seconde MELEC aimeraient voir un atelier de maintenance en activité."
WISHED = "Fin janvier ou début février"
# Texts of the rich programme and of an accepted ambassador's visit that only the team and the académie may read.
INTERNAL = [
    "Prévoir une salle calme",  # internal comment
    "Proviseure adjointe",  # other actors (staff)
    "Entretien de vingt minutes",  # internal description
    "Compte rendu dans Folios",
    "CIO de Granville",  # free-text partners
    "Entreprise Acier Normand",
    "Chaque élève formule un projet",  # objective
    "Projet écrit pour 90",  # expected effects
    "Nombre d’entretiens menés",  # indicators
    "2nde MRC",  # classes
    "Note interne de l’équipe",  # notes
    "Formation des professeurs principaux",  # training
    "Infirmière scolaire",  # resources « Autre »
    "Visite d’une demi-journée",
    "Stands des lycées du bassin",
    "Tester deux spécialités",
    MESSAGE,
    WISHED,
    "Camille Contact",  # catalogue offer's contact
    "Une présentation des métiers de l’industrie.",  # catalogue offer's description
]


def _publish(programme, user):
    for step, date in (("avis_cp", "2026-01-12"), ("adopte_ca", "2026-02-03"), ("publier", None)):
        take(programme, step, user, date_of_decision=date)
    programme.refresh_from_db()
    return programme


@pytest.fixture
def lp():
    return EtablissementFactory(lp=True, name="Lycée professionnel Maurice Marland", commune="Granville")


@pytest.fixture
def direction(lp):
    return user_with(Role.DIRECTION, etablissement=lp)


@pytest.fixture
def ambassadeur():
    return AmbassadeurFactory(
        user__first_name="Yannick", user__last_name="Le Goff", employer="Chantier naval du Cotentin"
    )


@pytest.fixture
def published(lp, direction, ambassadeur):
    """The rich programme, an ambassador's visit accepted then scheduled, a catalogue offer, then published."""
    programme = rich_programme(etablissement=lp, user=direction)
    programme.actions.filter(title="Visite d’entreprise du bassin").update(
        public_description="Votre enfant visite une entreprise du territoire."
    )
    demande = DemandeFactory(
        ambassadeur=ambassadeur, etablissement=lp, requested_by=direction, message=MESSAGE, wished_dates=WISHED
    )
    demande_accept(demande=demande, user=ambassadeur.user)
    demande_schedule(demande=demande, user=ambassadeur.user, date=datetime.date(2026, 2, 3))
    offre = OffreFactory(structure__name="AD Normandie", contact_name="Camille Contact")
    offre_add_to_programme(
        offre=offre,
        programme=programme,
        user=direction,
        axe=Axe.objects.get(number=1),
        niveaux=[Niveau.objects.get(code="tle-pro")],
    )
    return _publish(programme, direction)


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _xlsx_text(data: bytes) -> str:
    sheet = load_workbook(io.BytesIO(data)).active
    return "\n".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None)


def _public_outputs(client, programme, lp):
    """Every public output of the programme, as text: pages, family PDF (downloaded), public Word, Excel, ICS."""
    pages = [
        client.get(reverse("plans:public_etablissement", kwargs={"uai": lp.uai})),
        client.get(reverse("plans:public_programme", kwargs={"public_id": programme.public_id})),
        client.get(reverse("plans:public_search") + "?q=Granville"),
    ]
    assert all(page.status_code == 200 for page in pages)
    pdf = client.get(reverse("documents:public_pdf", args=[programme.public_id]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    content = programme_content(programme=programme, public=True)
    ics = Calendar.from_ical(build_ics(name="PPO", events=list(content.calendar)))
    return {
        "pages": "\n".join(page.content.decode() for page in pages),
        "pdf": _pdf_text(pdf.content),
        "word": _docx_text(build_docx(content)),
        "xlsx": _xlsx_text(build_xlsx(content)),
        "content": repr(content),
        "ics": "\n".join(str(e.get("summary", "")) + str(e.get("description", "")) for e in ics.walk("VEVENT")),
    }


def test_no_internal_text_reaches_any_public_output(client, published, lp, direction, ambassadeur):
    outputs = _public_outputs(client, published, lp)
    assert "Entretiens personnalisés d’orientation" in outputs["word"] and "Forum des formations" in outputs["xlsx"]
    for name, text in outputs.items():
        for internal in [*INTERNAL, direction.last_name, ambassadeur.user.last_name, ambassadeur.user.email]:
            assert internal not in text, f"« {internal} » dans {name}"
    page, pdf = outputs["pages"], outputs["pdf"]
    for text in (page, pdf):
        assert "Entretiens personnalisés d’orientation" in text
        assert "Votre enfant visite une entreprise du territoire." in text
        assert "Mission locale" in text  # partner organisations from the reference list
        assert "AD Normandie" in text  # the catalogue offer's organisation
        assert "Un ambassadeur métiers (Chantier naval du Cotentin)" in text
        assert "3 février 2026" in text  # the real date, not the wished one


def test_an_ambassador_who_agreed_is_named(client, published, lp, ambassadeur):
    ambassadeur.show_name_publicly = True
    ambassadeur.save()
    html = client.get(reverse("plans:public_etablissement", kwargs={"uai": lp.uai})).content.decode()
    assert "Yannick Le Goff, ambassadeur métiers (Chantier naval du Cotentin)" in html


def test_the_family_pdf_is_the_family_content_in_a_few_pages(published):
    content = programme_content(programme=published, public=True)
    data = build_pdf(content)
    reader = PdfReader(io.BytesIO(data))
    text = _pdf_text(data)
    assert len(reader.pages) <= 8
    assert "L’orientation de votre enfant, classe par classe" in text
    assert "En terminale professionnelle, votre enfant" in text
    assert "Qui contacter" in text and "Psy-EN" in text and "Les mots de l’orientation" in text
    # Not the administrative document.
    for jargon in ("Indicateurs", "☐", "☒", "Déclinaison en objectifs opérationnels", "Ressources à mobiliser"):
        assert jargon not in text


def test_page_per_level_with_table_of_contents_steps_and_calendar_link(client, published, lp):
    html = client.get(reverse("plans:public_etablissement", kwargs={"uai": lp.uai})).content.decode()
    assert 'href="#niveau-tle-pro"' in html and 'id="niveau-tle-pro"' in html
    assert f"/documents/public/etablissement/{lp.uai}/calendrier.ics?niveau=tle-pro" in html
    assert "Votre enfant s’inscrit sur Parcoursup" in html
    assert "Les mots de l’orientation" in html and "PFMP" in html


def test_parents_steps_are_reference_data(client, published, lp):
    """Edited in the administration, the text changes on the page: it is not written in the template."""
    step = RepereFamille.objects.filter(niveau__code="tle-pro", kind="parents").first()
    step.text = "Réunion Parcoursup au lycée, en visioconférence aussi."
    step.save()
    html = client.get(reverse("plans:public_etablissement", kwargs={"uai": lp.uai})).content.decode()
    assert "Réunion Parcoursup au lycée, en visioconférence aussi." in html


def test_public_page_queries_do_not_grow_with_actions(client, lp, direction):
    programme = programme_for(lp, user=direction)
    add_action(programme, title="Première")
    _publish(programme, direction)
    url = reverse("plans:public_etablissement", kwargs={"uai": lp.uai})
    _, few = page_queries(client, url)
    mission = RessourceItem.objects.get(label="Mission locale")
    for index in range(8):
        add_action(programme, title=f"Action {index}", partner_items=[mission], niveaux=list(lp.niveaux.all()[:2]))
    _, many = page_queries(client, url)
    assert many == few


# Find the school


def _published_school(**fields):
    school = EtablissementFactory(lp=True, **fields)
    ProgrammeAnnuel.objects.filter(pk=programme_for(school).pk).update(status=StatutProgramme.PUBLIE)
    return school


def test_search_by_name_commune_postcode_or_uai(client):
    school = _published_school(name="Lycée Maurice Marland", commune="Granville", code_postal="50400")
    _published_school(name="Lycée Jean Rostand", commune="Caen", code_postal="14000")
    hidden = EtablissementFactory(lp=True, name="Lycée sans programme", commune="Granville")
    programme_for(hidden)  # a draft: not listed
    url = reverse("plans:public_search")
    for query in ("Marland", "granville", "504", school.uai.lower(), "Lycée Granville"):
        html = client.get(url, {"q": query}).content.decode()
        assert "Lycée Maurice Marland" in html, query
        assert "Jean Rostand" not in html and "sans programme" not in html, query
    assert "Aucun établissement ne correspond" in client.get(url, {"q": "Tombouctou"}).content.decode()
    assert "Aucun établissement" not in client.get(url).content.decode()


def test_search_suggestions_with_htmx_and_full_page_without(client):
    _published_school(name="Lycée Maurice Marland", commune="Granville")
    url = reverse("plans:public_search")
    full = client.get(url, {"q": "Granville"}).content.decode()
    assert "<html" in full and 'hx-get="' in full and "Lycée Maurice Marland" in full
    fragment = client.get(url, {"q": "Granville"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "Lycée Maurice Marland" in fragment


def test_search_queries_do_not_grow_with_schools(client, django_assert_max_num_queries):
    url = reverse("plans:public_search") + "?q=Granville"
    _published_school(commune="Granville")
    _, few = page_queries(client, url)
    for _ in range(6):
        _published_school(commune="Granville")
    response, many = page_queries(client, url)
    assert many == few <= 3
    assert "7 établissements trouvés" in response.content.decode()


def test_a_very_long_query_is_cut_not_refused(client):
    response = client.get(reverse("plans:public_search"), {"q": "Granville " * 50})
    assert response.status_code == 200


def test_home_page_leads_families_to_the_search(client):
    html = client.get(reverse("portail:accueil")).content.decode()
    assert f'href="{reverse("plans:public_search")}"' in html
    assert f'action="{reverse("plans:public_search")}"' in html


def test_direction_prints_a_poster_with_a_qr_code(client, lp, direction):
    client.force_login(direction)
    response = client.get(reverse("plans:poster", kwargs={"uai": lp.uai}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert f"http://testserver/ppo/public/etablissement/{lp.uai}/" in html
    assert "Aucun programme n’est encore publié" in html
    client.force_login(user_with(Role.REDACTEUR, etablissement=lp))
    assert client.get(reverse("plans:poster", kwargs={"uai": lp.uai})).status_code == 403


# Written for families: the action form, outdated references


def test_the_action_form_has_the_public_description(client, lp, direction):
    programme = programme_for(lp, user=direction)
    client.force_login(direction)
    html = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk})).content.decode()
    assert 'name="public_description"' in html
    assert "Publiée pour les familles" in html


def test_an_outdated_reference_is_flagged_on_the_plan_and_renamed_for_families(client, lp, direction):
    pole = RessourceItem.objects.get(label="Pôle emploi")
    assert not pole.is_active and pole.replaced_by.label == "France Travail"
    site = RessourceItem.objects.get(label="terminales2021-2022.fr")
    assert not site.is_active and site.replaced_by.label == "onisep.fr"
    programme = programme_for(lp, user=direction)
    programme.ressources.add(site)
    add_action(programme, title="Atelier CV", partner_items=[pole])
    messages = [item.message for item in programme_completeness(programme=programme)]
    assert (
        "Action « Atelier CV » : « Pôle emploi » est une référence périmée : remplacez-la par « France Travail »."
        in (messages)
    )
    assert any("terminales2021-2022.fr" in m and "onisep.fr" in m for m in messages)
    _publish(programme, direction)
    html = client.get(reverse("plans:public_etablissement", kwargs={"uai": lp.uai})).content.decode()
    assert "France Travail" in html and "Pôle emploi" not in html


def test_the_ambassador_chooses_to_be_named_publicly_on_their_profile(client):
    client.force_login(user_with(Role.AMBASSADEUR))
    html = client.get(reverse("partenaires:mon_profil")).content.decode()
    assert 'name="show_name_publicly"' in html
    assert "Afficher mon nom sur les pages publiques des établissements" in html
