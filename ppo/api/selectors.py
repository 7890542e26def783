from django.db.models import Q

from ppo.api.enums import ScopeKind
from ppo.api.models import ApiKey
from ppo.api.perms import manageable_scopes


def keys_managed_by(user) -> list[ApiKey]:
    """The keys of every scope the user may manage, newest first (revoked ones included, marked)."""
    scopes = manageable_scopes(user)
    if not scopes:
        return []
    condition = Q()
    for kind, target in scopes:
        field = {ScopeKind.ACADEMIE: "academie", ScopeKind.BASSIN: "bassin", ScopeKind.STRUCTURE: "structure"}[kind]
        condition |= Q(scope_kind=kind, **{field: target})
        if kind == ScopeKind.ACADEMIE:
            condition |= Q(scope_kind=ScopeKind.BASSIN, bassin__academie=target)
    return list(
        ApiKey.objects.filter(condition).select_related("academie", "bassin", "structure", "created_by").distinct()
    )
