"""The first accounts of an académie on a new platform: its académie accounts, its bassins and their accounts, its
partner bodies and theirs, each with its membership (`manage.py create_first_accounts`, docs/deploiement.md).

Run twice, it changes nothing the second time. New accounts get no password: each receives the link to choose one,
the same as the "mot de passe oublié" link, once the whole set is recorded.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership, User
from ppo.comptes.services import _mail, _password_link
from ppo.referentiel.models import Academie, Bassin


class BootstrapError(Exception):
    """The request cannot be done as asked; nothing has been written. The message is shown as is."""


@dataclass(frozen=True)
class ScopeRequest:
    """One bassin or partner body and the addresses of its accounts."""

    name: str
    emails: tuple[str, ...]
    kind: str = ""  # partner bodies only (partenaires.enums.TypeStructure)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    created_users: list[User] = field(default_factory=list)
    changes: int = 0

    def add(self, indent: int, text: str, *, changed: bool) -> None:
        self.lines.append("  " * indent + text)
        self.changes += changed


def _clean_email(email: str) -> str:
    email = User.objects.normalize_email(email.strip()).lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise BootstrapError(f"Adresse électronique invalide : « {email} ».") from error
    return email


def _account(report: Report, *, email: str, role: str, scope_field: str, scope, indent: int, commit: bool) -> None:
    user = User.objects.filter(email=email).first()
    label = Role(role).label.lower()
    if user is None:
        user = User(email=email)
        user.set_unusable_password()
        user.save()
        report.created_users.append(user)
        account = "compte créé" if commit else "compte à créer"
    elif user in report.created_users:
        account = "même compte que plus haut"
    else:
        account = "compte existant"
    membership = Membership.objects.filter(user=user, role=role, **{scope_field: scope}).first()
    if membership is None:
        Membership.objects.create(user=user, role=role, **{scope_field: scope})
        state, changed = ("rattachement créé" if commit else "rattachement à créer"), True
    elif not membership.is_active or not membership.is_confirmed:
        membership.is_active, membership.confirmed_at = True, membership.confirmed_at or timezone.now()
        membership.save(update_fields=["is_active", "confirmed_at"])
        state, changed = ("rattachement réactivé" if commit else "rattachement à réactiver"), True
    else:
        state, changed = "rattachement existant", False
    report.add(indent, f"{label} {email} : {account}, {state}", changed=changed or user in report.created_users)


def _bassin(academie: Academie, name: str, report: Report, commit: bool) -> Bassin:
    bassin = Bassin.objects.annotate(lower=Lower("name")).filter(academie=academie, lower=name.lower()).first()
    if bassin is None:
        bassin = Bassin.objects.create(academie=academie, name=name)
        report.add(1, f"bassin « {name} » : {'créé' if commit else 'à créer'}", changed=True)
    else:
        report.add(1, f"bassin « {bassin.name} » : existant", changed=False)
    return bassin


def _structure(academie: Academie, request: ScopeRequest, report: Report, commit: bool):
    from ppo.partenaires.enums import TypeStructure
    from ppo.partenaires.models import Structure

    if request.kind not in TypeStructure.values:
        kinds = ", ".join(TypeStructure.values)
        raise BootstrapError(f"Type de structure inconnu « {request.kind} » (types possibles : {kinds}).")
    structure = Structure.objects.annotate(lower=Lower("name")).filter(lower=request.name.lower()).first()
    if structure is None:
        structure = Structure.objects.create(name=request.name, kind=request.kind, academie=academie)
        report.add(1, f"structure « {request.name} » : {'créée' if commit else 'à créer'}", changed=True)
    else:
        report.add(1, f"structure « {structure.name} » : existante", changed=False)
    return structure


def first_accounts_create(
    *,
    academie_code: str,
    academie_emails: list[str],
    bassins: list[ScopeRequest],
    structures: list[ScopeRequest],
    commit: bool,
) -> Report:
    """Creates what is missing (all or nothing). Without `commit`, does the same in a transaction it rolls back:
    the report says exactly what a real run would do, and nothing is written nor sent."""
    academie = Academie.objects.filter(code=academie_code.strip()).first()
    if academie is None:
        raise BootstrapError(f"Aucune académie de code « {academie_code} » (voir l’administration, Académies).")
    academie_emails = [_clean_email(e) for e in academie_emails]
    bassins = [ScopeRequest(b.name.strip(), tuple(_clean_email(e) for e in b.emails)) for b in bassins]
    structures = [ScopeRequest(s.name.strip(), tuple(_clean_email(e) for e in s.emails), s.kind) for s in structures]
    if any(not request.name for request in [*bassins, *structures]):
        raise BootstrapError("Un nom de bassin ou de structure est vide.")
    report = Report()
    with transaction.atomic():
        report.add(0, f"Académie : {academie.name} ({academie.code})", changed=False)
        for email in academie_emails:
            _account(
                report,
                email=email,
                role=Role.ACADEMIE,
                scope_field="academie",
                scope=academie,
                indent=1,
                commit=commit,
            )
        for request in bassins:
            bassin = _bassin(academie, request.name, report, commit)
            for email in request.emails:
                _account(
                    report, email=email, role=Role.BASSIN, scope_field="bassin", scope=bassin, indent=2, commit=commit
                )
        for request in structures:
            structure = _structure(academie, request, report, commit)
            for email in request.emails:
                _account(
                    report,
                    email=email,
                    role=Role.PARTENAIRE,
                    scope_field="structure",
                    scope=structure,
                    indent=2,
                    commit=commit,
                )
        if commit:
            created = list(report.created_users)
            transaction.on_commit(lambda: _welcome(created))
        else:
            transaction.set_rollback(True)
    return report


def _welcome(users: list[User]) -> None:
    for user in users:
        _mail(
            "premier_compte",
            f"Votre compte sur la plateforme « {settings.SITE_TITLE} »",
            [user.email],
            {"password_link": _password_link(user), "login_link": settings.SITE_URL + reverse("comptes:login")},
        )
