import pytest

from ppo.core.demo import DEMO_PASSWORD, demo_load
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
