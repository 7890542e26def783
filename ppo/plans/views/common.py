"""What every page of a programme needs: the permission check (404 out of scope, 403 forbidden) and its context."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from ppo.plans import lifecycle, perms
from ppo.plans.selectors import action_get, programme_get


def programme_for(request, pk: int, *, need: str = "view"):
    programme = programme_get(pk=pk)
    _check(request.user, programme, need)
    return programme


def action_for(request, pk: int, *, need: str = "edit"):
    action = action_get(pk=pk)
    _check(request.user, action.programme, need)
    return action


def _check(user, programme, need):
    if not perms.can_view_programme(user, programme):
        raise Http404("Programme introuvable.")
    if need == "edit" and perms.can_write_programme(user, programme):
        lifecycle.ensure_editable(programme)  # the role writes, the state does not: why, and the way on
    allowed = {
        "view": True,
        "edit": perms.can_edit_programme(user, programme),
        "manage": perms.can_manage_programme(user, programme),
        "history": perms.can_read_history(user, programme),
    }[need]
    if not allowed:
        raise PermissionDenied("Vous ne pouvez pas faire cette action sur ce programme.")


def programme_context(request, programme, *, title: str, current: str, **extra) -> dict:
    etablissement = programme.ppo.etablissement
    breadcrumb = {
        "links": [
            {"url": reverse("plans:etablissement", kwargs={"uai": etablissement.uai}), "title": "PPO"},
            {
                "url": reverse("plans:programme", kwargs={"pk": programme.pk}),
                "title": f"Programme {programme.year_label}",
            },
        ],
        "current": title,
    }
    if title == f"Programme {programme.year_label}":  # the grid itself
        breadcrumb["links"].pop()
    return {
        "title": f"{title} — {etablissement.name}",
        "page_title": title,
        "breadcrumb_data": breadcrumb,
        "programme": programme,
        "etablissement": etablissement,
        "current": current,
        "can_edit": perms.can_edit_programme(request.user, programme),
        "lock_reason": lifecycle.lock_reason(programme) if perms.can_write_programme(request.user, programme) else "",
        "can_manage": perms.can_manage_programme(request.user, programme),
        "can_read_history": perms.can_read_history(request.user, programme),
        **extra,
    }
