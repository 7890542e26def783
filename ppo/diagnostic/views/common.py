from django.urls import NoReverseMatch, reverse

from ppo.diagnostic import perms


def url_or_none(name, **kwargs):
    """A link to a page of another app, when that page exists."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def breadcrumb(programme, current: str, *links) -> dict:
    etablissement = programme.ppo.etablissement
    items = []
    plan_url = url_or_none("plans:programme", pk=programme.pk)
    if plan_url:
        items.append({"url": plan_url, "title": f"{etablissement.name} — {programme.year_label}"})
    items.extend({"url": url, "title": title} for url, title in links)
    return {"links": items, "current": current}


def base_context(request, programme, title: str, *links, step: str = "analyser") -> dict:
    return {
        "step": step,
        "title": title,
        "breadcrumb_data": breadcrumb(programme, title, *links),
        "programme": programme,
        "etablissement": programme.ppo.etablissement,
        "can_edit_indicators": perms.can_edit_indicators(request.user, programme),
        "can_answer": perms.can_answer(request.user, programme),
        "can_read_all_answers": perms.can_read_all_answers(request.user, programme),
        "can_edit": perms.can_edit_programme(request.user, programme),
        "plan_url": url_or_none("plans:programme", pk=programme.pk),
    }
