from django.urls import reverse

from ppo.core.registry import Card
from ppo.partenaires import perms
from ppo.partenaires.enums import StatutDemande
from ppo.partenaires.selectors import demandes_visible_to, offres_to_moderate


def cards(request) -> list[Card]:
    user = request.user
    if not user.is_authenticated:
        return []
    result = []
    if perms.is_moderator(user):
        pending = offres_to_moderate(user).count()
        result.append(
            Card(
                "Offres à modérer",
                "Valider ou refuser les offres des partenaires au regard des principes du répertoire.",
                reverse("partenaires:moderation"),
                order=60,
                badges=[f"{pending} en attente"],
            )
        )
    if perms.is_partner_user(user):
        result.append(
            Card(
                "Mes offres",
                "Proposer des offres au catalogue, les confirmer chaque année.",
                reverse("partenaires:mes_offres"),
                order=61,
            )
        )
    if perms.is_school_staff_anywhere(user) or perms.can_have_profile(user):
        waiting = demandes_visible_to(user).filter(status=StatutDemande.DEMANDEE).count()
        result.append(
            Card(
                "Demandes aux ambassadeurs métiers",
                "Interventions demandées, planifiées et réalisées, avec les retours de chacun.",
                reverse("partenaires:demandes"),
                order=62,
                badges=[f"{waiting} en attente de réponse"] if waiting else [],
            )
        )
    return result
