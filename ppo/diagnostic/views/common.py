from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse

from ppo.diagnostic import perms
from ppo.plans.models import ProgrammeAnnuel


def programme_for(request, pk) -> ProgrammeAnnuel:
    """The programme if the user may see it; 404 otherwise (no hint that it exists)."""
    programme = get_object_or_404(ProgrammeAnnuel.objects.select_related("ppo__etablissement__academie"), pk=pk)
    if not perms.can_view_programme(request.user, programme):
        raise Http404("Programme introuvable.")
    return programme


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
