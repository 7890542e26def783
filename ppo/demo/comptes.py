"""The demo's part of the school team: a join code for the LP and a request waiting for its direction."""

from ppo.comptes.enums import Role
from ppo.comptes.models import CodeRattachement, Membership, User
from ppo.demo.base import DEMO_PASSWORD

REQUEST_EMAIL = "demande.lp@demo.ppo.fr"


def load(demo) -> None:
    lp = demo.schools["lp"]
    direction = demo.users["direction.lp@demo.ppo.fr"]
    CodeRattachement.objects.get_or_create(etablissement=lp, defaults={"code": "DEMARN26", "created_by": direction})
    user, created = User.objects.get_or_create(
        email=REQUEST_EMAIL, defaults={"first_name": "Lucas", "last_name": "Fontaine"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        Membership.objects.create(user=user, role=Role.REDACTEUR, etablissement=lp, confirmed_at=None)
    demo.extra_accounts.append(("En attente (LP)", REQUEST_EMAIL, "demande à rejoindre le LP, code DEMA-RN26"))
