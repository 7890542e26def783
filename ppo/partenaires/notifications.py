"""E-mails to the moderators of the catalogue when an offer waits for them (see docs/partenaires.md)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership
from ppo.partenaires.perms import membership_moderates


def moderator_emails(offre) -> list[str]:
    """The addresses of the active users who moderate this offer (`perms.membership_moderates`), once each.

    Platform admins see the queue too but are not the moderators in charge: they get no e-mail.
    """
    candidates = (
        Membership.objects.filter(
            Q(role=Role.ACADEMIE, academie_id=offre.academie_id)
            | Q(role=Role.PARTENAIRE, structure__academie_id=offre.academie_id),
            is_active=True,
            confirmed_at__isnull=False,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("structure", "user")
    )
    unique = {}
    for membership in candidates:
        if membership_moderates(membership, offre):
            unique.setdefault(membership.user.email.lower(), membership.user.email)
    return sorted(unique.values(), key=str.lower)


def notify_moderators(*, offre, resubmitted: bool) -> int:
    """One e-mail per moderator, with the link to the moderation queue; returns the number sent."""
    recipients = moderator_emails(offre)
    if not recipients:
        return 0
    context = {
        "offre": offre,
        "resubmitted": resubmitted,
        "queue_url": settings.SITE_URL + reverse("partenaires:moderation"),
        "url": settings.SITE_URL + reverse("partenaires:offre_moderate", args=[offre.pk]),
    }
    subject = render_to_string("partenaires/emails/a_moderer_subject.txt", context).strip()
    body = render_to_string("partenaires/emails/a_moderer.txt", context)
    return send_mass_mail([(subject, body, None, [email]) for email in recipients])
