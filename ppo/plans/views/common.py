"""What every page of a programme shows around it: its context (the loading and the check: `perms.programme_for`)."""

from django.urls import reverse

from ppo.plans import lifecycle, perms


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
