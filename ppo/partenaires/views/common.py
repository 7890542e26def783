from django.shortcuts import render
from django.urls import reverse


def crumbs(current: str, *links: tuple[str, str]) -> dict:
    return {"current": current, "links": [{"url": url, "title": title} for url, title in links]}


def catalogue_crumb() -> tuple[str, str]:
    return reverse("partenaires:catalogue"), "Catalogue des partenaires"


def ambassadeurs_crumb() -> tuple[str, str]:
    return reverse("partenaires:ambassadeurs"), "Ambassadeurs métiers"


def page(request, template: str, title: str, breadcrumb: dict, **context):
    return render(request, template, {"title": title, "breadcrumb_data": breadcrumb, **context})


def offre_url(offre) -> str:
    return reverse("partenaires:offre_detail", args=[offre.pk])


def mes_offres_crumb() -> tuple[str, str]:
    return reverse("partenaires:mes_offres"), "Mes offres"


def ambassadeur_url(ambassadeur) -> str:
    return reverse("partenaires:ambassadeur_detail", args=[ambassadeur.pk])


def demandes_crumb() -> tuple[str, str]:
    return reverse("partenaires:demandes"), "Demandes d’intervention"
