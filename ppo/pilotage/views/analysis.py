"""The académie's dashboard, the lists of schools behind its figures, the XLSX exports and the map."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ppo.campagnes.views.common import require
from ppo.comptes.perms import supervised_etablissements
from ppo.pilotage import analysis, perms
from ppo.pilotage.analysis import FIGURE_KEYS, Cell, Filtres, Table
from ppo.pilotage.charts import bars, paired_bars
from ppo.pilotage.enums import EtatEtablissement
from ppo.pilotage.export import workbook_bytes
from ppo.pilotage.figures import figure_label
from ppo.pilotage.forms import FiltresForm
from ppo.pilotage.map import build_map, legend
from ppo.pilotage.models import ContourAcademie

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtres(request) -> tuple[FiltresForm, Filtres]:
    scope = supervised_etablissements(request.user).filter(is_active=True)
    form = FiltresForm(request.GET or None, schools=scope)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filtres = Filtres(
        year=data.get("annee") or analysis.default_year(scope, today=timezone.localdate()),
        departement=data["departement"].pk if data.get("departement") else None,
        bassin=data["bassin"].pk if data.get("bassin") else None,
        kind=data.get("type_etablissement") or "",
        secteur=data.get("secteur") or "",
    )
    form.show_year(filtres.year)
    return form, filtres


def _figure(request) -> dict:
    figure = {key: request.GET[key] for key in FIGURE_KEYS if request.GET.get(key)}
    if "etat" in figure and figure["etat"] not in EtatEtablissement.values:
        figure.pop("etat")
    return figure


def _breadcrumb(current):
    return {"links": [{"url": reverse("pilotage:tableau_de_bord"), "title": "Analyse"}], "current": current}


@login_required
def tableau_de_bord(request):
    require(perms.can_analyse(request.user))
    form, filtres = _filtres(request)
    data = analysis.dashboard(user=request.user, filtres=filtres, today=timezone.localdate())
    tables = data["tables"]
    charts = {
        "statuts": bars(tables["statuts"], skip_total=True),
        "axes": bars(tables["axes"]),
        "types": bars(tables["types"]),
        "heures": paired_bars(tables["heures"], first=3, second=4),
    }
    return render(
        request,
        "pilotage/tableau_de_bord.html",
        {
            "title": f"Analyse de la campagne {filtres.year}-{filtres.year + 1}",
            "form": form,
            "filtres": filtres,
            "params": filtres.params(),
            "campagne": data["campagne"],
            "tables": data["tables"],
            "charts": charts,
            "breadcrumb_data": {"links": [], "current": "Analyse"},
        },
    )


def _schools_table(schools, *, caption) -> Table:
    table = Table("etablissements", caption, ["Établissement", "UAI", "Type", "Secteur", "Commune", "Bassin", "État"])
    for s in schools:
        table.rows.append(
            [
                Cell(s.name),
                Cell(s.uai),
                Cell(s.get_kind_display()),
                Cell(s.get_secteur_display()),
                Cell(s.commune),
                Cell(s.bassin.name if s.bassin else "—"),
                Cell(EtatEtablissement(s.etat).label),
            ]
        )
    return table


def _schools(request):
    require(perms.can_analyse(request.user))
    form, filtres = _filtres(request)
    figure = _figure(request)
    base, _campagne = analysis.scope(user=request.user, filtres=filtres)
    schools = list(analysis.schools_behind(base, year=filtres.year, today=timezone.localdate(), figure=figure))
    return form, filtres, figure, schools, figure_label(figure, schools=base)


@login_required
def etablissements(request):
    form, filtres, figure, schools, label = _schools(request)
    return render(
        request,
        "pilotage/etablissements.html",
        {
            "title": "Établissements",
            "form": form,
            "filtres": filtres,
            "figure": figure,
            "figure_label": label,
            "schools": schools,
            "export_params": {**filtres.params(), **figure, "table": "etablissements"},
            "breadcrumb_data": _breadcrumb("Établissements"),
        },
    )


@login_required
def export(request):
    code = request.GET.get("table", "")
    if code == "etablissements":
        _form, filtres, figure, schools, label = _schools(request)
        tables = [_schools_table(schools, caption="Établissements" + (f" — {label}" if label else ""))]
    else:
        require(perms.can_analyse(request.user))
        _form, filtres = _filtres(request)
        data = analysis.dashboard(user=request.user, filtres=filtres, today=timezone.localdate())
        if code == "tout":
            tables = list(data["tables"].values())
        elif code in data["tables"]:
            tables = [data["tables"][code]]
        else:
            raise Http404("Tableau inconnu.")
    response = HttpResponse(workbook_bytes(tables=tables, title_suffix=f" ({filtres.year}-{filtres.year + 1})"), XLSX)
    response["Content-Disposition"] = f'attachment; filename="ppo-{code}-{filtres.year}.xlsx"'
    return response


@login_required
def carte(request):
    form, filtres, figure, schools, _label = _schools(request)
    academie_ids = {s.academie_id for s in schools}
    contour = ContourAcademie.objects.filter(academie_id__in=academie_ids).first() if len(academie_ids) == 1 else None

    def url_for(school):
        if school.transmission_id:
            return reverse("examen:transmission", kwargs={"pk": school.transmission_id})
        return reverse("pilotage:etablissements") + f"?annee={filtres.year}&etat={school.etat}"

    return render(
        request,
        "pilotage/carte.html",
        {
            "title": "Carte des établissements",
            "form": form,
            "filtres": filtres,
            "schools": schools,
            "svg": build_map(contour=contour, schools=schools, url_for=url_for),
            "legend": legend(),
            "breadcrumb_data": _breadcrumb("Carte"),
        },
    )
