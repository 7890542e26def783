"""E-mails of the review cycle: to the académie and bassin on transmission, to the direction on each decision."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.comptes.models import User


def _active(qs):
    return qs.filter(memberships__is_active=True, memberships__confirmed_at__isnull=False, is_active=True).distinct()


def supervisors_of(etablissement) -> list[str]:
    q = Q(memberships__role=Role.ACADEMIE, memberships__academie_id=etablissement.academie_id)
    if etablissement.bassin_id:
        q |= Q(memberships__role=Role.BASSIN, memberships__bassin_id=etablissement.bassin_id)
    return sorted(set(_active(User.objects.filter(q)).values_list("email", flat=True)))


def direction_of(etablissement) -> list[str]:
    qs = User.objects.filter(memberships__role=Role.DIRECTION, memberships__etablissement=etablissement)
    return sorted(set(_active(qs).values_list("email", flat=True)))


def _send(*, template: str, context: dict, recipients: list[str]) -> int:
    if not recipients:
        return 0
    subject = render_to_string(f"examen/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"examen/emails/{template}.txt", context)
    return send_mass_mail([(subject, body, None, [email]) for email in recipients])


def _notify(*, template: str, transmission, to_school: bool, **context) -> int:
    etablissement = transmission.programme.ppo.etablissement
    url = settings.SITE_URL + reverse("examen:transmission", kwargs={"pk": transmission.pk})
    return _send(
        template=template,
        context={"transmission": transmission, "etablissement": etablissement, "url": url, **context},
        recipients=direction_of(etablissement) if to_school else supervisors_of(etablissement),
    )


def notify_transmission(*, transmission) -> int:
    return _notify(template="transmission", transmission=transmission, to_school=False)


def notify_decision(*, decision) -> int:
    return _notify(template="decision", transmission=decision.transmission, to_school=True, decision=decision)


def notify_comment(*, comment) -> int:
    return _notify(template="commentaire", transmission=comment.transmission, to_school=True, comment=comment)


def notify_reply(*, reply) -> int:
    return _notify(template="reponse", transmission=reply.transmission, to_school=False, reply=reply)
