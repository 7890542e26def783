"""Use cases of the school team: invitations, join codes, requests confirmed by the direction."""

import secrets

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ppo.comptes.enums import SCHOOL_ROLES, Role
from ppo.comptes.models import CodeRattachement, Membership, User
from ppo.referentiel.models import Etablissement

# Without 0/O, 1/I/L, so that a code read aloud or copied from paper is not mistaken.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
INVITED_ROLES = (Role.REDACTEUR, Role.LECTEUR)
# Wrong join codes a user may type per window, counted in the cache (shared by every server through CACHE_URL).
JOIN_MAX_FAILURES = 5
JOIN_WINDOW_SECONDS = 3600


class TeamError(Exception):
    """A request on the team that cannot be done; the message is shown to the user as is."""


def _password_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("comptes:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def _mail(template: str, subject: str, to: list[str], context: dict) -> None:
    context = {"site_url": settings.SITE_URL, "site_title": settings.SITE_TITLE, **context}
    body = render_to_string(f"comptes/emails/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


@transaction.atomic
def membership_invite(*, etablissement: Etablissement, email: str, role: str, invited_by: User) -> Membership:
    """Adds a person to the school's team; creates their account if needed and e-mails them how to log in."""
    if role not in INVITED_ROLES:
        raise TeamError("On ajoute un rédacteur ou un lecteur ; la direction est désignée par l’académie.")
    email = User.objects.normalize_email(email).strip().lower()
    user, created = User.objects.get_or_create(email=email)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    existing = list(Membership.objects.filter(user=user, etablissement=etablissement, role__in=SCHOOL_ROLES))
    if any(m.role == Role.DIRECTION and m.is_active for m in existing):
        raise TeamError(f"{email} fait déjà partie de la direction de l’établissement.")
    membership = next((m for m in existing if m.role == role), None) or next(iter(existing), None)
    if membership and membership.is_active and membership.is_confirmed and membership.role == role:
        raise TeamError(f"{email} fait déjà partie de l’équipe comme {membership.get_role_display().lower()}.")
    if membership is None:
        membership = Membership(user=user, etablissement=etablissement)
    membership.role, membership.is_active, membership.confirmed_at = role, True, timezone.now()
    membership.save()
    Membership.objects.filter(user=user, etablissement=etablissement, role__in=INVITED_ROLES).exclude(
        pk=membership.pk
    ).update(is_active=False)
    _mail(
        "invitation",
        f"Vous avez accès au PPO de {etablissement.name}",
        [email],
        {
            "etablissement": etablissement,
            "membership": membership,
            "invited_by": invited_by,
            "password_link": _password_link(user) if not user.has_usable_password() else "",
            "login_link": settings.SITE_URL + reverse("comptes:login"),
        },
    )
    return membership


def membership_deactivate(*, membership: Membership, by: User) -> None:
    if membership.user_id == by.pk:
        raise TeamError("Vous ne pouvez pas retirer votre propre rattachement.")
    if membership.role == Role.DIRECTION:
        raise TeamError("Le rattachement d’une direction se retire par l’académie ou un administrateur.")
    membership.is_active = False
    membership.save(update_fields=["is_active"])


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not CodeRattachement.objects.filter(code=code).exists():
            return code


def join_code_renew(*, etablissement: Etablissement, by: User) -> CodeRattachement:
    """Creates the school's join code, or replaces it: the old code stops working at once."""
    code, _ = CodeRattachement.objects.update_or_create(
        etablissement=etablissement,
        defaults={"code": _new_code(), "created_at": timezone.now(), "created_by": by},
    )
    return code


def normalize_code(value: str) -> str:
    return "".join(c for c in (value or "").upper() if c.isalnum())


def _join_failures_key(user: User) -> str:
    return f"comptes:join-failures:{user.pk}"


def join_failures(user: User) -> int:
    """Wrong codes the user typed in the current window (the window starts at the first wrong code)."""
    return cache.get(_join_failures_key(user), 0)


def _join_failure_count(user: User) -> int:
    """Counts one more wrong code; `add` then `incr` keep the count right between concurrent requests."""
    key = _join_failures_key(user)
    cache.add(key, 0, timeout=JOIN_WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between the two calls
        cache.set(key, 1, timeout=JOIN_WINDOW_SECONDS)
        return 1


@transaction.atomic
def membership_request_join(*, user: User, code: str, role: str) -> Membership:
    """A pending membership (not usable until the direction confirms it) in the school of the code.

    Codes are short: after `JOIN_MAX_FAILURES` wrong codes in `JOIN_WINDOW_SECONDS`, every code (even a right one)
    is refused until the window ends, so that nobody tries codes until one opens a school.
    """
    if join_failures(user) >= JOIN_MAX_FAILURES:
        raise TeamError(
            "Trop de codes erronés : par sécurité, la saisie d’un code de rattachement est bloquée "
            "pendant une heure au plus. Vérifiez le code auprès de la direction de votre établissement, puis réessayez plus tard."
        )
    if role not in INVITED_ROLES:
        raise TeamError("Choisissez le rôle rédacteur ou lecteur.")
    found = CodeRattachement.objects.select_related("etablissement").filter(code=normalize_code(code)).first()
    if found is None:
        left = JOIN_MAX_FAILURES - _join_failure_count(user)
        message = "Ce code ne correspond à aucun établissement. Vérifiez-le auprès de votre direction."
        if left <= 0:
            message += " Vous avez atteint le nombre d’essais permis : réessayez dans une heure."
        elif left <= 2:
            message += f" Il vous reste {left} essai{'s' if left > 1 else ''} pour l’heure qui vient."
        raise TeamError(message)
    etablissement = found.etablissement
    existing = list(Membership.objects.filter(user=user, etablissement=etablissement, role__in=SCHOOL_ROLES))
    if any(m.is_active and m.is_confirmed for m in existing):
        raise TeamError(f"Vous faites déjà partie de l’équipe de {etablissement.name}.")
    membership = next((m for m in existing if m.role == role), None) or next(iter(existing), None)
    if membership is None:
        membership = Membership(user=user, etablissement=etablissement)
    membership.role, membership.is_active, membership.confirmed_at = role, True, None
    membership.save()
    directions = Membership.objects.filter(
        etablissement=etablissement, role=Role.DIRECTION, is_active=True, confirmed_at__isnull=False
    ).values_list("user__email", flat=True)
    if directions:
        _mail(
            "demande_rattachement",
            f"Demande de rattachement à {etablissement.name}",
            list(directions),
            {
                "etablissement": etablissement,
                "membership": membership,
                "team_link": settings.SITE_URL + reverse("comptes:team", args=[etablissement.uai]),
            },
        )
    return membership


def membership_confirm(*, membership: Membership, by: User) -> Membership:
    if membership.is_confirmed:
        raise TeamError("Cette demande a déjà été confirmée.")
    membership.confirmed_at = timezone.now()
    membership.save(update_fields=["confirmed_at"])
    return membership


def membership_refuse(*, membership: Membership, by: User) -> None:
    if membership.is_confirmed:
        raise TeamError("Cette demande a déjà été confirmée : retirez plutôt le rattachement.")
    membership.delete()


def login_lockout_clear(*, user: User) -> int:
    """Lifts every login block on the account (from any address): its owner has just proved who they are by
    choosing a new password from the link sent to their address. Returns the number of attempt records removed."""
    return axes_reset(username=user.email.lower())


def user_set_preferences(*, user: User, receives_reminders: bool) -> User:
    """The user's own choices on their account page: the weekly reminder of the actions to fill (ADR 032)."""
    user.receives_reminders = receives_reminders
    user.save(update_fields=["receives_reminders"])
    return user
