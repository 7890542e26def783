"""A parent on a phone: from the home page to what happens in 3e and the family PDF, in five taps or fewer."""

import io

import pytest
from pypdf import PdfReader

from ppo.demo.base import DEMO_PASSWORD, demo_load
from ppo.partenaires.models import DemandeIntervention
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import Action
from tests.browser.conftest import assert_no_serious_axe_violations, login

PHONE = {"width": 375, "height": 740}
INTERNAL_FIELDS = [
    "objective", "actors_other", "description", "partners", "classes", "expected_effects", "indicators",
    "internal_comment",
]  # fmt: skip


def _internal_texts(etablissement) -> set[str]:
    """The internal texts of the school's published programme and of the requests to ambassadors, minus those
    that happen to be public values too (a period written twice is no leak)."""
    actions = Action.objects.filter(
        programme__ppo__etablissement=etablissement, programme__status=StatutProgramme.PUBLIE
    )
    public = {value for a in actions for value in (a.title, a.public_description, a.period) if value}
    public |= {item.label for a in actions for item in a.partner_items.all()}
    texts = {getattr(a, name).strip() for a in actions for name in INTERNAL_FIELDS}
    texts |= set(DemandeIntervention.objects.values_list("message", flat=True))
    texts |= set(DemandeIntervention.objects.values_list("wished_dates", flat=True))
    return {t for t in texts if len(t) > 8 and not any(t in p for p in public)}


def _staff_names(demo) -> set[str]:
    return {user.last_name for user in demo.users.values() if user.last_name}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_parent_finds_the_school_reads_3e_and_downloads_the_family_pdf(browser, live_server, tmp_path):
    demo = demo_load()
    college = demo.schools["college"]
    internal = _internal_texts(college)
    assert internal  # the demo has internal texts to hide
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    taps = 0
    page.goto("/")
    assert_no_serious_axe_violations(page)
    field = page.get_by_role("searchbox", name="Parent ou élève")
    field.click()
    taps += 1
    field.fill(college.commune)
    page.get_by_role("button", name="Trouver").click()
    taps += 1
    page.wait_for_url("**/ppo/public/etablissements/?q=*")
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name=college.name).click()
    taps += 1
    page.wait_for_url(f"**/ppo/public/etablissement/{college.uai}/")
    assert page.get_by_role("heading", name=college.name, level=1).is_visible()
    assert_no_serious_axe_violations(page)
    page.get_by_role("navigation", name="Niveaux").get_by_role("link", name="3e", exact=True).click()
    taps += 1
    section = page.locator("#niveau-3e")
    assert section.get_by_role("heading", name="Troisième", level=2).is_visible()
    assert "En 3e, votre enfant" in section.inner_text()
    assert section.get_by_role("link", name="S’abonner aux dates dans mon agenda").count() == 1
    assert "calendrier.ics?niveau=3e" in section.get_by_role("link", name="S’abonner aux dates").get_attribute("href")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    text = page.locator("main").inner_text()
    for secret in internal | _staff_names(demo):
        assert secret not in text, secret
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le programme pour les familles").click()
    taps += 1
    assert taps <= 5
    pdf = tmp_path / "familles.pdf"
    download.value.save_as(pdf)
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Troisième" in pdf_text and "En 3e, votre enfant" in pdf_text
    for secret in internal | _staff_names(demo):
        assert " ".join(secret.split()) not in pdf_text, secret
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_direction_prints_the_poster(page):
    demo = demo_load()
    college = demo.schools["college"]
    login(page, "direction.college@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.goto(f"/ppo/etablissement/{college.uai}/")
    page.get_by_role("link", name="Affiche avec QR code").click()
    page.wait_for_url(f"**/ppo/etablissement/{college.uai}/affiche/")
    assert page.get_by_role("img", name="QR code vers la page publique de l’établissement").is_visible()
    assert f"/ppo/public/etablissement/{college.uai}/" in page.locator(".ppo-poster-url").inner_text()
    assert_no_serious_axe_violations(page)
