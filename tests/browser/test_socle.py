import pytest

from ppo.core.demo import DEMO_PASSWORD, demo_load
from tests.browser.conftest import assert_no_serious_axe_violations, login


@pytest.mark.django_db(transaction=True)
def test_demo_direction_logs_in_and_reaches_its_dashboard(page):
    demo_load()
    page.goto("/")
    assert_no_serious_axe_violations(page)
    login(page, "direction.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    assert page.get_by_role("heading", name="Tableau de bord").is_visible()
    assert "Lycée professionnel Maurice Marland" in page.content()
    assert_no_serious_axe_violations(page)
