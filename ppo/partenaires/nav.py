from django.urls import reverse

from ppo.core.registry import NavItem
from ppo.partenaires import perms


def items(request) -> list[NavItem]:
    entries = [
        NavItem("Catalogue des partenaires", reverse("partenaires:catalogue"), "/partenaires/catalogue/", order=60)
    ]
    user = request.user
    if user.is_authenticated and perms.can_list_ambassadeurs(user):
        entries.append(
            NavItem(
                "Ambassadeurs métiers", reverse("partenaires:ambassadeurs"), "/partenaires/ambassadeurs/", order=61
            )
        )
    if user.is_authenticated and perms.can_have_profile(user):
        entries.append(
            NavItem(
                "Mon profil d’ambassadeur", reverse("partenaires:mon_profil"), "/partenaires/ambassadeurs/", order=61
            )
        )
    return entries
