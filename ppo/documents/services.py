"""Writes and file builds of the documents app."""

import datetime
import hashlib
import logging
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ppo.documents import diagnostic_bridge
from ppo.documents.builders.calendar import build_ics
from ppo.documents.builders.pdf import build_pdf
from ppo.documents.builders.sheet import build_xlsx
from ppo.documents.builders.word import build_docx
from ppo.documents.content import ProgrammeDocument
from ppo.documents.importer import ImportRefused
from ppo.documents.importer.reader import read_docx
from ppo.documents.importer.safety import check_docx, check_size
from ppo.documents.models import CalendarToken, PreparedPdf, WordImport, new_calendar_token
from ppo.documents.selectors import (
    document_year,
    etablissement_calendar,
    free_years,
    programme_content,
    public_calendar,
    word_import_checks,
)
from ppo.plans.enums import OrigineAction, StatutProgramme
from ppo.plans.models import Axe, ProgrammeAnnuel, RessourceItem
from ppo.plans.services import action_create, programme_create
from ppo.referentiel.models import Niveau

logger = logging.getLogger(__name__)

IMPORT_TTL = datetime.timedelta(hours=24)
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: str
    extension: str
    content_type: str


FORMATS = {
    "docx": ExportFormat(
        "docx", "Word", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "pdf": ExportFormat("pdf", "PDF", "pdf", "application/pdf"),
    "xlsx": ExportFormat("xlsx", "Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ics": ExportFormat("ics", "iCalendar", "ics", "text/calendar; charset=utf-8"),
}
BUILDERS = {
    "docx": build_docx,
    "pdf": build_pdf,
    "xlsx": build_xlsx,
    "ics": lambda content: build_ics(
        name=f"PPO {content.etablissement_name} {content.year_label}", events=list(content.calendar)
    ),
}


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    filename: str
    content_type: str

    @property
    def size(self) -> int:
        return len(self.data)


def content_hash(content: ProgrammeDocument) -> str:
    """A hash of everything a document shows: two contents with the same hash give the same files."""
    return hashlib.sha256(repr(content).encode()).hexdigest()


def _cache_key(content: ProgrammeDocument, fmt: str) -> str:
    return f"documents:{fmt}:{content_hash(content)}"


def export_build(*, content: ProgrammeDocument, fmt: str) -> ExportFile:
    """Builds (or takes from the cache) one export. The cache key is a hash of the content itself, so any change
    of the programme gives a new file, and nothing stale is ever served. PDFs go through `pdf_get` instead."""
    key = _cache_key(content, fmt)
    data = cache.get(key)
    if data is None:
        data = BUILDERS[fmt](content)
        cache.set(key, data, CACHE_SECONDS)
    return _export_file(content, fmt, data)


def _export_file(content: ProgrammeDocument, fmt: str, data: bytes) -> ExportFile:
    spec = FORMATS[fmt]
    suffix = "-familles" if content.public and fmt == "pdf" else ""
    return ExportFile(data=data, filename=f"{content.slug}{suffix}.{spec.extension}", content_type=spec.content_type)


def etablissement_calendar_build(*, etablissement, extra_events=()) -> bytes:
    """The subscription feed of a school: the dated actions of all its programmes."""
    events = etablissement_calendar(etablissement=etablissement, extra_events=extra_events)
    return build_ics(name=f"PPO — {etablissement.name}", events=events)


def public_calendar_build(*, etablissement, niveau=None) -> bytes:
    """The families' feed (see `selectors.public_calendar`); raises ProgrammeAnnuel.DoesNotExist when the school has
    published nothing."""
    programme, events = public_calendar(etablissement=etablissement, niveau=niveau)
    name = f"Orientation {programme.year_label} — {etablissement.name}"
    if niveau is not None:
        name += f" — {niveau.short_label}"
    return build_ics(name=name, events=events)


def calendar_token_renew(*, etablissement, user) -> CalendarToken:
    """Creates the school's calendar token, or replaces it: the previous subscription URL stops working."""
    token, created = CalendarToken.objects.get_or_create(etablissement=etablissement, defaults={"created_by": user})
    if not created:
        token.token = new_calendar_token()
        token.created_by = user
        token.save(update_fields=["token", "created_by", "created_at"])
    return token


def word_import_prepare(*, ppo, year: int | None, user, filename: str, data: bytes) -> WordImport:
    """Checks and reads the file, and keeps what was recognised for the preview. Writes nothing to the plan.

    Without a chosen year, the year written in the document is proposed when the PPO has it free, else the first
    free year (the preview then asks to confirm the other year)."""
    check_docx(data)
    parsed = read_docx(data)
    if year is None:
        years = free_years(ppo=ppo)
        if not years:
            raise ImportRefused("Toutes les années du PPO ont déjà un programme : il n’y a pas d’année où importer.")
        written = document_year(parsed)
        year = written if written in years else years[0]
    WordImport.objects.filter(owner=user, expires_at__lte=timezone.now()).delete()
    return WordImport.objects.create(
        ppo=ppo,
        year=year,
        owner=user,
        filename=filename[:255],
        parsed=parsed,
        expires_at=timezone.now() + IMPORT_TTL,
    )


def upload_read(*, upload) -> bytes:
    """The bytes of an uploaded file, refusing it before reading when it is over the size limit."""
    check_size(upload.size)
    return upload.read()


def _notes(parsed: dict, left: list[str]) -> str:
    parts = []
    if parsed.get("notes"):
        parts.append("\n".join(parsed["notes"]))
    if left:
        parts.append("Objectifs et axes repris du document Word :\n" + "\n".join(left))
    if parsed.get("unrecognised"):
        parts.append("Texte non reconnu lors de l’import du document Word :\n" + "\n".join(parsed["unrecognised"]))
    return "\n\n".join(parts)


def _check_confirmation(word_import: WordImport, *, other_year: bool, other_school: bool) -> None:
    """The two refusals of the preview, checked again where the programme is written."""
    checks = word_import_checks(word_import=word_import)
    if checks.document_year is not None and checks.document_year != word_import.year and not other_year:
        raise ImportRefused(
            f"Le document est daté de {checks.document_year}-{checks.document_year + 1} : confirmez l’import dans "
            f"l’année {word_import.year_label}, ou choisissez l’année du document."
        )
    if checks.foreign_uai and not other_school:
        raise ImportRefused(
            f"Le document porte l’UAI {checks.foreign_uai}, celle d’un autre établissement : confirmez qu’il "
            "s’agit d’une reprise du PPO de cet établissement."
        )


@transaction.atomic
def word_import_confirm(
    *, word_import: WordImport, user, year: int | None = None, other_year: bool = False, other_school: bool = False
):
    """Writes the previewed content into a new programme of the PPO, in one transaction.

    `year` changes the year chosen at upload; importing into another year than the document's (`other_year`) or the
    plan of another school (`other_school`, its UAI in the document) must be confirmed, or nothing is written."""
    ppo = word_import.ppo
    if year is not None and year != word_import.year:
        if year not in free_years(ppo=ppo):
            raise ImportRefused(
                f"L’année {year}-{year + 1} n’est pas une année libre du PPO : l’import n’a rien écrit."
            )
        word_import.year = year
    _check_confirmation(word_import, other_year=other_year, other_school=other_school)
    if ppo.programmes.filter(year=word_import.year).exists():
        raise ImportRefused(f"L’année {word_import.year_label} a déjà un programme : l’import n’a rien écrit.")
    parsed = word_import.parsed
    previous = ppo.programmes.filter(year__lt=word_import.year).order_by("-year").first()
    programme = programme_create(ppo=ppo, year=word_import.year, user=user, previous=previous)
    programme.ressources.set(RessourceItem.objects.filter(pk__in=parsed.get("ressources", [])))
    programme.ressources_autres = parsed.get("ressources_autres", {})
    programme.training = parsed.get("training", "")
    left = diagnostic_bridge.write(programme=programme, objectifs=parsed["objectifs"], axes=parsed["axes"])
    programme.notes = _notes(parsed, left)
    if other_school:
        header = parsed.get("header") or {}
        source = " ".join(filter(None, [header.get("name"), f"(UAI {header.get('uai')})"]))
        programme.notes = "\n\n".join(
            filter(None, [f"Programme repris du PPO d’un autre établissement : {source}.", programme.notes])
        )
    programme._history_user = user
    programme.save(update_fields=["ressources_autres", "training", "notes", "updated_at"])
    axes = {axe.number: axe for axe in Axe.objects.all()}
    niveaux = {n.code: n for n in Niveau.objects.all()}
    for action in parsed["actions"]:
        fields = dict(action["fields"])
        action_create(
            programme=programme,
            user=user,
            axe=axes[action["axe"]],
            niveaux=[niveaux[code] for code in action["niveaux"]],
            origin=OrigineAction.IMPORT_WORD,
            actors=list(RessourceItem.objects.filter(pk__in=fields.pop("actors"))),
            partner_items=list(RessourceItem.objects.filter(pk__in=fields.pop("partner_items"))),
            **fields,
        )
    word_import.programme = programme
    word_import.save(update_fields=["programme", "year"])
    return programme


# PDFs built ahead of time (ADR 011). WeasyPrint needs about 4 s of CPU for a programme of 150 actions (40 pages):
# the PDF is laid out by a background task, and downloads serve the stored file when it matches the content.

# A build asked for and not done after this long is asked again (worker restarted, task lost).
PDF_ASK_AGAIN_AFTER = datetime.timedelta(minutes=2)
# After this long (or after a failed build), the waiting page offers to build the file in the request itself.
PDF_BUILD_NOW_AFTER = datetime.timedelta(seconds=45)
# After a change of the programme, its PDF is prepared this much later: a series of edits makes one build.
PDF_SCHEDULE_DELAY = datetime.timedelta(seconds=10)


@dataclass(frozen=True)
class PdfState:
    """Where the PDF of a content stands: the file when it is ready, else since when it is awaited."""

    export: ExportFile | None
    requested_at: datetime.datetime | None = None
    error: str = ""
    build_now_offered: bool = False

    @property
    def ready(self) -> bool:
        return self.export is not None


def tasks_run_inline() -> bool:
    """True when no worker runs the tasks (TASKS_BACKEND=immediate): PDFs are then built in the request."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend)


def _prepared(programme_id: int, public: bool) -> PreparedPdf:
    prepared, _ = PreparedPdf.objects.get_or_create(programme_id=programme_id, public=public)
    return prepared


def _is_current(prepared: PreparedPdf, digest: str) -> bool:
    return prepared.content_hash == digest and bool(prepared.data)


def _ready(prepared: PreparedPdf, content: ProgrammeDocument, digest: str) -> PdfState | None:
    if _is_current(prepared, digest):
        return PdfState(export=_export_file(content, "pdf", bytes(prepared.data)))
    return None


def pdf_get(*, programme: ProgrammeAnnuel, content: ProgrammeDocument, build_inline: bool = True) -> PdfState:
    """The PDF of this content when it has been prepared. Otherwise asks a worker to prepare it (once per content;
    again if nothing came after `PDF_ASK_AGAIN_AFTER`) and tells since when it is awaited. Without a worker, the
    file is built here if `build_inline`, else the state says it is not ready (and nothing is asked)."""
    digest = content_hash(content)
    prepared = _prepared(programme.pk, content.public)
    if state := _ready(prepared, content, digest):
        return state
    if tasks_run_inline():
        if not build_inline:
            return PdfState(export=None)
        pdf_prepare(programme_id=programme.pk, public=content.public, content=content)
        prepared.refresh_from_db()
        return _ready(prepared, content, digest)
    now = timezone.now()
    changes = {}
    if prepared.requested_hash != digest:
        changes = {"requested_hash": digest, "requested_at": now, "error": ""}
    if changes or prepared.enqueued_at is None or now - prepared.enqueued_at > PDF_ASK_AGAIN_AFTER:
        changes["enqueued_at"] = now
        PreparedPdf.objects.filter(pk=prepared.pk).update(**changes)
        _enqueue(programme.pk, content.public)
    requested_at = changes.get("requested_at", prepared.requested_at)
    error = "" if "error" in changes else prepared.error
    return PdfState(
        export=None,
        requested_at=requested_at,
        error=error,
        build_now_offered=bool(error) or now - requested_at >= PDF_BUILD_NOW_AFTER,
    )


def _enqueue(programme_id: int, public: bool, run_after: datetime.datetime | None = None) -> None:
    from ppo.documents.tasks import prepare_programme_pdf

    task = prepare_programme_pdf if run_after is None else prepare_programme_pdf.using(run_after=run_after)
    task.enqueue(programme_id, public)


def pdf_prepare(*, programme_id: int, public: bool, content: ProgrammeDocument | None = None) -> bool:
    """Lays out and stores the PDF of the programme's current content, unless the stored one is already that.
    Returns whether a file was built. A failure is recorded (the waiting page says so) and raised."""
    if content is None:
        try:
            programme = ProgrammeAnnuel.objects.select_related("ppo__etablissement").get(pk=programme_id)
        except ProgrammeAnnuel.DoesNotExist:
            return False  # deleted since the task was queued
        content = programme_content(programme=programme, public=public)
    digest = content_hash(content)
    prepared = _prepared(programme_id, public)
    if _is_current(prepared, digest):
        return False
    start = time.perf_counter()
    try:
        data = build_pdf(content)
    except Exception as exc:
        PreparedPdf.objects.filter(pk=prepared.pk).update(error=f"{type(exc).__name__} : {exc}"[:2000])
        logger.exception("PDF du programme %s (familles : %s) non construit", programme_id, public)
        raise
    PreparedPdf.objects.filter(pk=prepared.pk).update(
        data=data,
        content_hash=digest,
        built_at=timezone.now(),
        build_ms=round((time.perf_counter() - start) * 1000),
        error="",
    )
    return True


def pdf_schedule(*, programme_id: int) -> None:
    """After a change of a programme: its full PDF (and its family PDF once published) will be prepared in
    `PDF_SCHEDULE_DELAY`. While a preparation is pending, further changes add nothing: the task reads the content
    when it runs. Without a worker, nothing is done ahead of time (files are built on demand)."""
    if tasks_run_inline():
        return
    status = ProgrammeAnnuel.objects.filter(pk=programme_id).values_list("status", flat=True).first()
    if status is None:
        return
    now = timezone.now()
    run_after = now + PDF_SCHEDULE_DELAY
    for public in (False, True) if status == StatutProgramme.PUBLIE else (False,):
        prepared = _prepared(programme_id, public)
        if prepared.scheduled_for is not None and prepared.scheduled_for > now:
            continue
        PreparedPdf.objects.filter(pk=prepared.pk).update(scheduled_for=run_after)
        _enqueue(programme_id, public, run_after=run_after)
