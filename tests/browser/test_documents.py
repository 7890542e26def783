import pytest

from ppo.demo.base import DEMO_PASSWORD, demo_load
from tests.browser.conftest import assert_no_serious_axe_violations, login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_direction_exports_renews_the_calendar_and_previews_an_import(page, tmp_path):
    demo = demo_load()
    programme = demo.schools["lp"].ppos.get().programmes.order_by("year").first()
    login(page, "direction.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.goto(f"/documents/programme/{programme.pk}/")
    assert page.get_by_role("heading", name="Documents et exports", level=1).is_visible()
    assert_no_serious_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Programme au format Word").click()
    word = tmp_path / "programme.docx"
    download.value.save_as(word)
    old_url = page.get_by_label("Adresse d’abonnement").input_value()
    page.get_by_role("button", name="Renouveler le lien (l’ancien ne fonctionnera plus)").click()
    assert "l’ancien lien ne fonctionne plus" in page.content()
    assert page.get_by_label("Adresse d’abonnement").input_value() != old_url
    page.get_by_role("link", name="Importer un document Word").click()
    assert_no_serious_axe_violations(page)
    page.get_by_label("Document Word du PPO").set_input_files(str(word))
    page.get_by_role("button", name="Lire le document").click()
    page.wait_for_url("**/documents/import/*/")
    assert page.get_by_role("heading", name="Aperçu de l’import", level=1).is_visible()
    assert_no_serious_axe_violations(page)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pdf_being_prepared_shows_a_waiting_page_that_updates_itself(page, settings):
    """With a worker (here: tasks queued, not run), the download opens an accessible waiting page; once the worker
    has stored the file, htmx swaps in the download button without a reload, and the documents page shows sizes."""
    from ppo.comptes.enums import Role
    from ppo.documents import services
    from tests.documents.factories import rich_programme
    from tests.factories import EtablissementFactory, user_with

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    lp = EtablissementFactory(lp=True, name="Lycée professionnel Maurice Marland")
    direction = user_with(Role.DIRECTION, etablissement=lp)
    direction.set_password("mot-de-passe-de-test-assez-long")
    direction.save()
    programme = rich_programme(etablissement=lp, user=direction)
    login(page, direction.email, "mot-de-passe-de-test-assez-long")
    page.wait_for_url("**/tableau-de-bord/")

    page.goto(f"/documents/programme/{programme.pk}/")
    line = page.get_by_role("link", name="Programme pour le conseil d’administration")
    assert "en préparation" in line.inner_text()
    line.click()
    assert page.get_by_role("heading", name="Préparation du PDF", level=1).is_visible()
    assert "en cours de mise en page" in page.locator("#pdf-status").inner_text()
    assert_no_serious_axe_violations(page)

    services.pdf_prepare(programme_id=programme.pk, public=False)  # what the worker does
    button = page.get_by_role("link", name="Télécharger le PDF")
    button.wait_for(timeout=10_000)
    assert page.url.endswith("/telecharger/pdf/")  # no reload: htmx swapped the status in
    assert_no_serious_axe_violations(page)
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".pdf")

    page.goto(f"/documents/programme/{programme.pk}/")
    assert " ko" in page.get_by_role("link", name="Programme pour le conseil d’administration").inner_text()
