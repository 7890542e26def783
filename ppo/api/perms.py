"""Who may create and revoke API keys, and whether a key still speaks for someone allowed (ADR 012).

A key is as strong as the person who made it: it stops working as soon as that person no longer holds the
membership that allowed it (left the académie, the bassin or the partner body, account deactivated).
"""

from ppo.api.enums import ScopeKind
from ppo.comptes.enums import Role
from ppo.comptes.perms import active_memberships, is_operator


def manageable_scopes(user) -> list[tuple[str, object]]:
    """The (kind, target) pairs for which `user` may create keys: their académies, bassins and partner bodies."""
    scopes = []
    for m in active_memberships(user):
        if m.role == Role.ACADEMIE:
            scopes.append((ScopeKind.ACADEMIE, m.academie))
        elif m.role == Role.BASSIN:
            scopes.append((ScopeKind.BASSIN, m.bassin))
        elif m.role == Role.PARTENAIRE:
            scopes.append((ScopeKind.STRUCTURE, m.structure))
    return scopes


def can_manage_scope(user, scope_kind: str, target) -> bool:
    if not user.is_authenticated or not user.is_active or target is None:
        return False
    for m in active_memberships(user):
        if scope_kind == ScopeKind.ACADEMIE and m.role == Role.ACADEMIE and m.academie_id == target.pk:
            return True
        if scope_kind == ScopeKind.BASSIN:
            if m.role == Role.BASSIN and m.bassin_id == target.pk:
                return True
            if m.role == Role.ACADEMIE and m.academie_id == target.academie_id:
                return True
        if scope_kind == ScopeKind.STRUCTURE and m.role == Role.PARTENAIRE and m.structure_id == target.pk:
            return True
    return False


def can_manage_key(user, key) -> bool:
    """The people who could create a key for its scope may see and revoke it; operators too."""
    return is_operator(user) or can_manage_scope(user, key.scope_kind, key.academie or key.bassin or key.structure)


def key_still_allowed(key) -> bool:
    return key.is_active and can_manage_scope(
        key.created_by, key.scope_kind, key.academie or key.bassin or key.structure
    )
