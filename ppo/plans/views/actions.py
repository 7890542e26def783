"""Creating, editing and deleting actions: plain pages without JavaScript, an inline panel with htmx."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from ppo.core.locking import StaleVersionError
from ppo.plans.forms import ActionForm, DeleteForm
from ppo.plans.models import Action
from ppo.plans.perms import action_for, programme_for
from ppo.plans.selectors import action_last_change, programme_completeness, programme_grid
from ppo.plans.services import action_create, action_delete, action_update
from ppo.plans.views.common import programme_context


def _form_page(request, context):
    template = "plans/_action_panel.html" if request.htmx else "plans/action_form.html"
    return render(request, template, context)


def _saved(request, programme, message, anchor=""):
    """With htmx: the refreshed grid (out of band) and a message in the panel; without: back to the grid."""
    if request.htmx:
        grid = programme_grid(programme=programme)
        context = programme_context(
            request,
            programme,
            title=f"Programme {programme.year_label}",
            current="programme",
            grid=grid,
            todo=programme_completeness(programme=programme, grid=grid),
            saved_message=message,
        )
        return render(request, "plans/_action_saved.html", context)
    messages.success(request, message)
    return redirect(reverse("plans:programme", kwargs={"pk": programme.pk}) + anchor)


def _gone(request, programme, title):
    """The action was deleted by someone else between the opening of the page and this save: nothing is written."""
    messages.error(
        request, f"L’action « {title} » a été supprimée entre-temps par une autre personne : rien n’a été enregistré."
    )
    url = reverse("plans:programme", kwargs={"pk": programme.pk})
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _anchor(action) -> str:
    """Back to the row of the action's first level on the grid."""
    niveau = min(action.niveaux.all(), key=lambda n: n.order, default=None)
    return f"#niveau-{niveau.pk}" if niveau else ""


@login_required
@require_http_methods(["GET", "POST"])
def action_create_view(request, pk):
    programme = programme_for(request, pk, need="edit")
    etablissement = programme.ppo.etablissement
    if request.method == "POST":
        form = ActionForm(request.POST, etablissement=etablissement, year=programme.year)
        if form.is_valid():
            action = action_create(programme=programme, user=request.user, **form.service_fields())
            return _saved(request, programme, f"L’action « {action.title} » est ajoutée.", _anchor(action))
    else:
        initial = {}
        if request.GET.get("axe", "").isdigit():
            initial["axe"] = int(request.GET["axe"])
        if request.GET.get("niveau", "").isdigit():
            initial["niveaux"] = [int(request.GET["niveau"])]
        form = ActionForm(initial=initial, etablissement=etablissement, year=programme.year)
    context = programme_context(request, programme, title="Ajouter une action", current="programme", form=form)
    context["form_url"] = reverse("plans:action_create", kwargs={"pk": programme.pk})
    return _form_page(request, context)


@login_required
@require_http_methods(["GET", "POST"])
def action_update_view(request, pk):
    action = action_for(request, pk, need="view")
    programme = action.programme
    etablissement = programme.ppo.etablissement
    conflict = None
    if request.method == "POST":
        action = action_for(request, pk, need="edit")
        saved_title = action.title  # the form writes the typed values onto the instance
        form = ActionForm(request.POST, instance=action, etablissement=etablissement, year=programme.year)
        if form.is_valid():
            try:
                action_update(
                    action=action,
                    user=request.user,
                    expected_version=form.cleaned_data["version"] or 0,
                    **form.service_fields(),
                )
            except Action.DoesNotExist:
                return _gone(request, programme, saved_title)
            except StaleVersionError as exc:
                conflict = _conflict(form, exc.current)
                data = request.POST.copy()
                data["version"] = str(exc.current.version)
                form = ActionForm(data, instance=exc.current, etablissement=etablissement, year=programme.year)
                form.is_valid()
            else:
                return _saved(request, programme, f"L’action « {action.title} » est enregistrée.", _anchor(action))
    else:
        form = ActionForm(
            instance=action, initial={"version": action.version}, etablissement=etablissement, year=programme.year
        )
    context = programme_context(
        request,
        programme,
        title=f"Action « {action.title} »",
        current="programme",
        form=form,
        action=action,
        conflict=conflict,
    )
    context["form_url"] = reverse("plans:action_update", kwargs={"pk": action.pk})
    return _form_page(request, context)


@login_required
@require_http_methods(["GET", "POST"])
def action_delete_view(request, pk):
    action = action_for(request, pk, need="edit")
    programme = action.programme
    form = DeleteForm(request.POST or None, initial={"version": action.version})
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            action_delete(action=action, user=request.user, expected_version=form.cleaned_data["version"])
        except Action.DoesNotExist:
            return _gone(request, programme, action.title)
        except StaleVersionError as exc:
            stale = True
            action = exc.current
            form = DeleteForm(initial={"version": action.version})
        else:
            return _saved(request, programme, f"L’action « {action.title} » est supprimée.")
    context = programme_context(
        request, programme, title="Supprimer une action", current="programme", form=form, action=action, stale=stale
    )
    template = "plans/_action_delete_panel.html" if request.htmx else "plans/action_delete.html"
    return render(request, template, context)


def _conflict(form, current) -> dict:
    """Both versions side by side: what the user typed and what is saved now, for the fields that differ."""
    rows = []
    for name in form.Meta.fields:
        field = form.fields[name]
        mine = form.cleaned_data.get(name)
        theirs = getattr(current, name)
        if hasattr(theirs, "all"):
            theirs = list(theirs.all())
            mine = list(mine or [])
        if _same(mine, theirs):
            continue
        rows.append({"label": field.label, "mine": _display(field, mine), "theirs": _display(field, theirs)})
    return {"rows": rows, "current": current, "last_change": action_last_change(action=current)}


def _same(a, b):
    if isinstance(a, list):
        return {getattr(x, "pk", x) for x in a} == {getattr(x, "pk", x) for x in b}
    if isinstance(a, str) or isinstance(b, str):
        return (a or "").strip() == (b or "").strip()
    return a == b


def _display(field, value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, list):
        return ", ".join(str(getattr(v, "label", v)) for v in value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    choices = dict(getattr(field, "choices", []) or [])
    if choices and not hasattr(value, "pk"):
        return str(choices.get(value, value))
    return str(value)
