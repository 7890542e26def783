"""The screens where an académie, a bassin or a partner creates its API keys (shown once) and revokes them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ppo.api import perms, selectors, services
from ppo.api.forms import ApiKeyForm
from ppo.api.models import ApiKey

BREADCRUMB = {"links": [], "current": "Clés d’API"}


def _require_manager(request):
    if not perms.manageable_scopes(request.user):
        raise PermissionDenied("Les clés d’API sont créées par une académie, un bassin ou une structure partenaire.")


@login_required
def keys(request):
    _require_manager(request)
    form = ApiKeyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        kind, target = form.cleaned_data["scope"]
        try:
            key, secret = services.api_key_create(
                user=request.user, name=form.cleaned_data["name"], scope_kind=kind, target=target
            )
        except ValidationError as exc:
            form.add_error("name", exc)
        else:
            return render(
                request,
                "api/key_created.html",
                {"title": "Clé d’API créée", "breadcrumb_data": BREADCRUMB, "key": key, "secret": secret},
            )
    return render(
        request,
        "api/keys.html",
        {
            "title": "Clés d’API",
            "breadcrumb_data": BREADCRUMB,
            "form": form,
            "keys": selectors.keys_managed_by(request.user),
            "docs_url": reverse("api:docs"),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
def key_revoke(request, pk):
    key = get_object_or_404(ApiKey.objects.select_related("academie", "bassin", "structure"), pk=pk)
    if not perms.can_manage_key(request.user, key):
        raise PermissionDenied("Vous ne pouvez pas révoquer cette clé.")
    if request.method != "POST":
        return render(
            request,
            "api/key_revoke.html",
            {"title": f"Révoquer la clé « {key.name} »", "breadcrumb_data": BREADCRUMB, "key": key},
        )
    services.api_key_revoke(user=request.user, key=key)
    messages.success(request, f"La clé « {key.name} » est révoquée : elle ne donne plus accès à l’API.")
    return redirect("api:keys")
