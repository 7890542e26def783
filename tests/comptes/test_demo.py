import pytest

from ppo.comptes.models import CodeRattachement, Membership
from ppo.comptes.perms import active_memberships
from ppo.demo.base import demo_accounts_text, demo_load

pytestmark = pytest.mark.django_db


def test_demo_has_a_join_code_and_a_pending_request_and_is_idempotent():
    demo = demo_load()
    demo_load()
    lp = demo.schools["lp"]
    assert CodeRattachement.objects.get(etablissement=lp).display == "DEMA-RN26"
    pending = Membership.objects.get(user__email="demande.lp@demo.ppo.fr")
    assert pending.etablissement == lp and pending.confirmed_at is None
    assert active_memberships(pending.user) == []
    assert "demande.lp@demo.ppo.fr" in demo_accounts_text(demo)
    # The printed accounts line up: every e-mail starts in the same column, whatever the length of the role.
    lines = [line for line in demo_accounts_text(demo).splitlines() if "@" in line and line.startswith("  ")]
    assert len({line.index("@") - len(line[: line.index("@")].split()[-1]) for line in lines}) == 1
