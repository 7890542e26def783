from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ppo.documents import perms, selectors, services
from ppo.documents.forms import WordImportConfirmForm, WordImportForm
from ppo.documents.importer import ImportRefused
from ppo.documents.importer.safety import size_label
from ppo.documents.models import CalendarToken, WordImport
from ppo.plans.models import PPO, ProgrammeAnnuel
from ppo.plans.perms import can_read_history, programme_for
from ppo.referentiel.models import Etablissement

DOWNLOADS = [
    ("docx", False, "Programme au format Word", "Mise en page du modèle académique, modifiable et imprimable."),
    ("pdf", False, "Programme pour le conseil d’administration", "Version complète, paginée, à joindre à la séance."),
    (
        "pdf",
        True,
        "Programme pour les familles",
        "Le contenu de la page publique, classe par classe, en langage simple.",
    ),
    ("xlsx", False, "Actions au format Excel", "Une ligne par action et par niveau, filtres activés."),
    ("ics", False, "Calendrier des actions datées", "À importer dans un agenda (format iCalendar)."),
]


def _content(programme, *, public=False):
    return selectors.programme_content(programme=programme, public=public)


def _file_response(export: services.ExportFile, *, inline=False) -> HttpResponse:
    response = HttpResponse(export.data, content_type=export.content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{export.filename}"'
    response["Content-Length"] = str(export.size)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def programme(request, pk):
    programme = programme_for(request, pk)
    etablissement = programme.ppo.etablissement
    contents = {False: _content(programme), True: _content(programme, public=True)}
    downloads = []
    for fmt, public, label, description in DOWNLOADS:
        name = "family_pdf" if public else "download"
        kwargs = {"pk": programme.pk} if public else {"pk": programme.pk, "fmt": fmt}
        pdf = None
        if fmt == "pdf":
            # Asks a worker to prepare the PDF if it is not ready; never lays it out in this request.
            pdf = services.pdf_get(programme=programme, content=contents[public], build_inline=False)
            size = pdf.export.size if pdf.ready else None
        else:
            size = services.export_build(content=contents[public], fmt=fmt).size
        downloads.append(
            {
                "label": label,
                "description": description,
                "url": reverse(f"documents:{name}", kwargs=kwargs),
                "format": services.FORMATS[fmt].label,
                "size": size_label(size) if size is not None else "",
                "pdf": pdf,
            }
        )
    token = selectors.calendar_token_of(etablissement=etablissement)
    can_see_link = perms.can_see_calendar_link(request.user, etablissement)
    feed_url = ""
    if token and can_see_link:
        feed_url = request.build_absolute_uri(reverse("documents:calendar_feed", args=[token.token]))
    return render(
        request,
        "documents/programme.html",
        {
            "title": f"Documents — {etablissement.name} — {programme.year_label}",
            "breadcrumb_data": {
                "links": [{"url": reverse("plans:programme", args=[programme.pk]), "title": programme.year_label}],
                "current": "Documents et exports",
            },
            "programme": programme,
            "etablissement": etablissement,
            "downloads": downloads,
            "public_url": reverse("documents:public_pdf", args=[programme.public_id])
            if perms.can_download_public(programme)
            else "",
            "feed_url": feed_url,
            "feed_webcal": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
            "token": token if can_see_link else None,
            "can_see_link": can_see_link,
            "can_renew": perms.can_renew_calendar_link(request.user, etablissement),
            "can_import": perms.can_import_word(request.user, programme.ppo),
            "free_years": selectors.free_years(ppo=programme.ppo),
            "can_read_history": can_read_history(request.user, programme),
            "current": "documents",
        },
    )


def _pdf_response(request, programme, content):
    """A PDF download: the prepared file, or a page that waits for it (202) and updates itself with htmx every two
    seconds (without JavaScript, its button asks again). `?vue=ligne` gives the short status of the documents page.
    A POST builds the file in the request, once the wait has been long or the preparation has failed."""
    if request.method == "POST":
        state = services.pdf_get(programme=programme, content=content, build_inline=False)
        if not state.ready and state.build_now_offered:
            try:
                services.pdf_prepare(programme_id=programme.pk, public=content.public, content=content)
            except Exception:  # recorded on the prepared file and logged by pdf_prepare
                messages.error(
                    request,
                    "Le PDF n’a pas pu être construit ; l’erreur est enregistrée pour l’équipe technique. Réessayez plus tard, ou téléchargez la version Word.",
                )
        return redirect(request.path)
    state = services.pdf_get(programme=programme, content=content)
    context = {
        "state": state,
        "url": request.path,
        "size": size_label(state.export.size) if state.ready else "",
        "waited": int((timezone.now() - state.requested_at).total_seconds()) if state.requested_at else 0,
    }
    if request.htmx:
        template = "documents/_pdf_line.html" if request.GET.get("vue") == "ligne" else "documents/_pdf_status.html"
        # 286 tells htmx to stop polling: the file is ready, or the user is offered to build it now.
        status = 286 if state.ready or state.build_now_offered else 200
        return render(request, template, context, status=status)
    if state.ready:
        return _file_response(state.export)
    label = "version pour les familles" if content.public else "version complète"
    context |= {
        "title": f"PDF en préparation — {content.etablissement_name} — {content.year_label}",
        "programme": programme,
        "label": label,
        "back_url": reverse("plans:public_programme", args=[programme.public_id])
        if content.public and not request.user.is_authenticated
        else reverse("documents:programme", args=[programme.pk]),
    }
    return render(request, "documents/pdf_waiting.html", context, status=202)


@login_required
@require_http_methods(["GET", "POST"])
def download(request, pk, fmt):
    if fmt not in services.FORMATS:
        raise Http404("Format inconnu.")
    programme = programme_for(request, pk)
    content = _content(programme)
    if fmt == "pdf":
        return _pdf_response(request, programme, content)
    if request.method == "POST":
        return redirect(request.path)
    return _file_response(services.export_build(content=content, fmt=fmt))


@login_required
@require_http_methods(["GET", "POST"])
def family_pdf(request, pk):
    programme = programme_for(request, pk)
    return _pdf_response(request, programme, _content(programme, public=True))


@login_not_required
@require_http_methods(["GET", "POST"])
def public_pdf(request, public_id):
    try:
        programme = selectors.published_programme_get(public_id=public_id)
    except ProgrammeAnnuel.DoesNotExist as exc:
        raise Http404("Aucun programme publié à cette adresse.") from exc
    return _pdf_response(request, programme, _content(programme, public=True))


@login_not_required
@require_GET
def calendar_feed(request, token):
    try:
        calendar_token = selectors.calendar_token_get(token=token)
    except CalendarToken.DoesNotExist as exc:
        raise Http404("Lien d’abonnement inconnu ou renouvelé.") from exc
    etablissement = calendar_token.etablissement
    data = services.etablissement_calendar_build(etablissement=etablissement)
    response = HttpResponse(data, content_type=services.FORMATS["ics"].content_type)
    response["Content-Disposition"] = f'inline; filename="ppo-{etablissement.uai.lower()}.ics"'
    return response


@login_not_required
@require_GET
def public_calendar(request, uai):
    """The families' feed of a school (no login): its published programme's dated actions, public fields only,
    and the académie's temps forts; `?niveau=<code>` keeps one level."""
    etablissement = Etablissement.objects.filter(uai=uai.upper()).first()
    if etablissement is None:
        raise Http404("Établissement inconnu.")
    niveau = None
    if code := request.GET.get("niveau", "").strip():
        niveau = etablissement.niveaux.filter(code=code).first()
        if niveau is None:
            raise Http404("Ce niveau n’est pas enseigné dans l’établissement.")
    try:
        data = services.public_calendar_build(etablissement=etablissement, niveau=niveau)
    except ProgrammeAnnuel.DoesNotExist as exc:
        raise Http404("Cet établissement n’a pas encore publié son programme d’orientation.") from exc
    response = HttpResponse(data, content_type=services.FORMATS["ics"].content_type)
    suffix = f"-{niveau.code}" if niveau is not None else ""
    response["Content-Disposition"] = f'inline; filename="orientation-{etablissement.uai.lower()}{suffix}.ics"'
    return response


@login_required
@require_POST
def calendar_renew(request, pk):
    etablissement = get_object_or_404(Etablissement, pk=pk)
    if not perms.can_see_etablissement(request.user, etablissement):
        raise Http404("Établissement introuvable.")
    if not perms.can_renew_calendar_link(request.user, etablissement):
        raise PermissionDenied("Seule la direction renouvelle le lien d’abonnement.")
    services.calendar_token_renew(etablissement=etablissement, user=request.user)
    messages.success(request, "Nouveau lien d’abonnement créé : l’ancien lien ne fonctionne plus.")
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("portail:tableau_de_bord")


def _ppo_for_import(request, pk) -> PPO:
    ppo = get_object_or_404(PPO.objects.select_related("etablissement"), pk=pk)
    if not perms.can_see_etablissement(request.user, ppo.etablissement):
        raise Http404("PPO introuvable.")
    if not perms.can_import_word(request.user, ppo):
        raise PermissionDenied("Seule la direction importe un document Word dans une nouvelle année.")
    return ppo


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request, pk):
    ppo = _ppo_for_import(request, pk)
    years = selectors.free_years(ppo=ppo)
    form = WordImportForm(request.POST or None, request.FILES or None, years=years)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = services.upload_read(upload=upload)
            word_import = services.word_import_prepare(
                ppo=ppo, year=form.cleaned_data["year"], user=request.user, filename=upload.name, data=data
            )
        except ImportRefused as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("documents:import_preview", pk=word_import.pk)
    return render(
        request,
        "documents/import_upload.html",
        {
            "title": f"Importer un PPO au format Word — {ppo.etablissement.name}",
            "breadcrumb_data": {
                "links": [{"url": reverse("plans:etablissement", args=[ppo.etablissement.uai]), "title": "PPO"}],
                "current": "Importer un document Word",
            },
            "ppo": ppo,
            "form": form,
            "years": years,
        },
    )


def _word_import_for(request, pk) -> WordImport:
    try:
        return selectors.word_import_get(pk=pk, owner=request.user)
    except WordImport.DoesNotExist as exc:
        raise Http404("Import introuvable ou expiré : déposez le fichier à nouveau.") from exc


def _confirm_form(word_import: WordImport, checks: selectors.ImportChecks, data=None) -> WordImportConfirmForm:
    return WordImportConfirmForm(
        data,
        initial={"year": word_import.year},
        years=checks.years,
        document_year=checks.document_year,
        foreign_uai=checks.foreign_uai,
    )


def _render_preview(request, word_import: WordImport, checks: selectors.ImportChecks, form):
    niveaux_taught = set(word_import.ppo.etablissement.niveaux.values_list("code", flat=True))
    parsed = word_import.parsed
    foreign = sorted({code for a in parsed["actions"] for code in a["niveaux"] if code not in niveaux_taught})
    document_year = checks.document_year
    return render(
        request,
        "documents/import_preview.html",
        {
            "title": f"Aperçu de l’import — {word_import.filename}",
            "breadcrumb_data": {
                "links": [
                    {"url": reverse("documents:import_upload", args=[word_import.ppo_id]), "title": "Import Word"}
                ],
                "current": "Aperçu de l’import",
            },
            "word_import": word_import,
            "parsed": parsed,
            "foreign_niveaux": foreign,
            "checks": checks,
            "document_year_label": f"{document_year}-{document_year + 1}" if document_year else "",
            "form": form,
        },
    )


@login_required
@require_GET
def import_preview(request, pk):
    word_import = _word_import_for(request, pk)
    checks = selectors.word_import_checks(word_import=word_import)
    return _render_preview(request, word_import, checks, _confirm_form(word_import, checks))


@login_required
@require_POST
def import_confirm(request, pk):
    word_import = _word_import_for(request, pk)
    if not perms.can_import_word(request.user, word_import.ppo):
        raise PermissionDenied("Seule la direction importe un document Word dans une nouvelle année.")
    checks = selectors.word_import_checks(word_import=word_import)
    form = _confirm_form(word_import, checks, request.POST)
    if not form.is_valid():
        return _render_preview(request, word_import, checks, form)
    try:
        programme = services.word_import_confirm(
            word_import=word_import,
            user=request.user,
            year=form.cleaned_data["year"],
            other_year=form.cleaned_data.get("other_year", False),
            other_school=form.cleaned_data.get("other_school", False),
        )
    except (ImportRefused, ValidationError) as exc:
        text = str(exc) if isinstance(exc, ImportRefused) else "; ".join(exc.messages)
        messages.error(request, f"L’import n’a rien écrit : {text}")
        return redirect("documents:import_preview", pk=word_import.pk)
    count = len(word_import.parsed["actions"])
    messages.success(
        request,
        f"Le programme {programme.year_label} a été créé à partir du document Word "
        f"({count} action{'s' if count > 1 else ''}).",
    )
    return redirect("documents:programme", pk=programme.pk)
