"""Writes of the API app: creating and revoking keys, logging calls."""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ppo.api import opendata, perms
from ppo.api.enums import ScopeKind
from ppo.api.models import ApiCall, ApiKey, OpenDataExport

SECRET_PREFIX = "ppo_"


def key_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_key_create(*, user, name: str, scope_kind: str, target) -> tuple[ApiKey, str]:
    """A new key for `target`; returns it with its secret, which is shown once and never stored."""
    if not perms.can_manage_scope(user, scope_kind, target):
        raise PermissionDenied("Vous ne pouvez pas créer de clé pour ce périmètre.")
    name = (name or "").strip()
    if not name:
        raise ValidationError("Donnez un nom à la clé (par exemple le service qui l’utilisera).")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        name=name[:100],
        prefix=secret[:12],
        digest=key_digest(secret),
        scope_kind=scope_kind,
        created_by=user,
        **{_field(scope_kind): target},
    )
    key.full_clean()
    key.save()
    return key, secret


def _field(scope_kind: str) -> str:
    return {ScopeKind.ACADEMIE: "academie", ScopeKind.BASSIN: "bassin", ScopeKind.STRUCTURE: "structure"}[scope_kind]


@transaction.atomic
def api_key_revoke(*, user, key: ApiKey) -> ApiKey:
    if not perms.can_manage_key(user, key):
        raise PermissionDenied("Vous ne pouvez pas révoquer cette clé.")
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.revoked_by = user
        key.save(update_fields=["revoked_at", "revoked_by"])
    return key


def api_call_log(*, key: ApiKey, method: str, path: str, status: int) -> None:
    now = timezone.now()
    ApiCall.objects.create(key=key, method=method, path=path[:500], status=status)
    ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)


@transaction.atomic
def open_data_regenerate() -> OpenDataExport:
    """Builds the open data file from the published programmes and stores it in place of the previous one."""
    generated_at = timezone.now()
    data = opendata.rows()
    export = OpenDataExport.objects.create(
        generated_at=generated_at,
        rows=len(data),
        csv=opendata.build_csv(data),
        json=opendata.build_json(data, generated_at=generated_at),
    )
    OpenDataExport.objects.exclude(pk=export.pk).delete()
    return export


def open_data_latest(*, content: bool = True) -> OpenDataExport:
    """The last stored file (without its text when `content` is false: the page only says when and how many);
    built now, once, when the nightly task has not run yet."""
    exports = OpenDataExport.objects.order_by("-generated_at")
    if not content:
        exports = exports.defer("csv", "json")
    return exports.first() or open_data_regenerate()
