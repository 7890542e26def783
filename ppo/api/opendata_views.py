"""Open data: the page that explains the file, and the file itself (CSV, JSON) with its schema. Public, no account."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date

from ppo.api import opendata, services


@login_not_required
def page(request):
    export = services.open_data_latest(content=False)
    return render(
        request,
        "api/opendata.html",
        {
            "export": export,
            "fields": opendata.FIELDS,
            "licence": opendata.LICENCE,
            "separator": opendata.SEPARATOR.strip(),
            "docs_url": reverse("api:docs"),
            "title": "Données ouvertes",
            "breadcrumb_data": {"links": [], "current": "Données ouvertes"},
        },
    )


def _download(content: str, *, content_type: str, filename: str, export) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Last-Modified"] = http_date(export.generated_at.timestamp())
    return response


@login_not_required
def csv_file(request):
    export = services.open_data_latest()
    return _download(export.csv, content_type="text/csv; charset=utf-8", filename="ppo-actions.csv", export=export)


@login_not_required
def json_file(request):
    export = services.open_data_latest()
    return _download(
        export.json, content_type="application/json; charset=utf-8", filename="ppo-actions.json", export=export
    )


@login_not_required
def schema(request):
    return JsonResponse(
        opendata.table_schema(),
        json_dumps_params={"ensure_ascii": False, "indent": 1},
        content_type="application/json; charset=utf-8",
    )
