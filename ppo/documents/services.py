"""Writes and file builds of the documents app."""

import datetime
import hashlib
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
from ppo.documents.models import CalendarToken, WordImport, new_calendar_token
from ppo.documents.selectors import etablissement_calendar
from ppo.plans.enums import OrigineAction
from ppo.plans.models import Axe, RessourceItem
from ppo.plans.services import action_create, programme_create
from ppo.referentiel.models import Niveau

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


# WeasyPrint lays out about ten pages a second: the documents page builds a PDF only up to this many actions
# (about a second); above, it shows the size once the file has been built by a download.
PDF_EAGER_MAX_ACTIONS = 40


def _cache_key(content: ProgrammeDocument, fmt: str) -> str:
    return f"documents:{fmt}:{hashlib.sha256(repr(content).encode()).hexdigest()}"


def export_build(*, content: ProgrammeDocument, fmt: str) -> ExportFile:
    """Builds (or takes from the cache) one export. The cache key is a hash of the content itself, so any change
    of the programme gives a new file, and nothing stale is ever served."""
    key = _cache_key(content, fmt)
    data = cache.get(key)
    if data is None:
        data = BUILDERS[fmt](content)
        cache.set(key, data, CACHE_SECONDS)
    return _export_file(content, fmt, data)


def export_size(*, content: ProgrammeDocument, fmt: str) -> int | None:
    """The size of an export for the documents page: built when cheap, else read from the cache (None if absent)."""
    if fmt != "pdf" or len(content.actions) <= PDF_EAGER_MAX_ACTIONS:
        return export_build(content=content, fmt=fmt).size
    data = cache.get(_cache_key(content, fmt))
    return None if data is None else len(data)


def _export_file(content: ProgrammeDocument, fmt: str, data: bytes) -> ExportFile:
    spec = FORMATS[fmt]
    suffix = "-familles" if content.public and fmt == "pdf" else ""
    return ExportFile(data=data, filename=f"{content.slug}{suffix}.{spec.extension}", content_type=spec.content_type)


def etablissement_calendar_build(*, etablissement, extra_events=()) -> bytes:
    """The subscription feed of a school: the dated actions of all its programmes."""
    events = etablissement_calendar(etablissement=etablissement, extra_events=extra_events)
    return build_ics(name=f"PPO — {etablissement.name}", events=events)


def calendar_token_renew(*, etablissement, user) -> CalendarToken:
    """Creates the school's calendar token, or replaces it: the previous subscription URL stops working."""
    token, created = CalendarToken.objects.get_or_create(etablissement=etablissement, defaults={"created_by": user})
    if not created:
        token.token = new_calendar_token()
        token.created_by = user
        token.save(update_fields=["token", "created_by", "created_at"])
    return token


def word_import_prepare(*, ppo, year: int, user, filename: str, data: bytes) -> WordImport:
    """Checks and reads the file, and keeps what was recognised for the preview. Writes nothing to the plan."""
    check_docx(data)
    parsed = read_docx(data)
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


@transaction.atomic
def word_import_confirm(*, word_import: WordImport, user):
    """Writes the previewed content into a new programme of the PPO, in one transaction."""
    ppo = word_import.ppo
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
    word_import.save(update_fields=["programme"])
    return programme
