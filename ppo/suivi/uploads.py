"""Checks of an uploaded attachment: size, extension AND the first bytes of the content must agree.

A renamed executable or a script called `.pdf` is refused: the extension says what the file claims to be, the
content sniffing says what it is. Office files are ZIP archives: their inner layout is checked too.
"""

import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

HEAD_BYTES = 2048


def _zip_names(uploaded) -> set[str]:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return set()
    finally:
        uploaded.seek(0)


def _zip_member(uploaded, name) -> bytes:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return archive.read(name)[:200]
    except (zipfile.BadZipFile, KeyError, OSError):
        return b""
    finally:
        uploaded.seek(0)


def _is_pdf(head, uploaded):
    return head.startswith(b"%PDF-")


def _is_png(head, uploaded):
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_jpeg(head, uploaded):
    return head.startswith(b"\xff\xd8\xff")


def _is_webp(head, uploaded):
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _is_docx(head, uploaded):
    return head.startswith(b"PK\x03\x04") and "word/document.xml" in _zip_names(uploaded)


def _is_xlsx(head, uploaded):
    return head.startswith(b"PK\x03\x04") and "xl/workbook.xml" in _zip_names(uploaded)


def _is_odt(head, uploaded):
    return head.startswith(b"PK\x03\x04") and _zip_member(uploaded, "mimetype").startswith(
        b"application/vnd.oasis.opendocument.text"
    )


def _decodes(head: bytes) -> str | None:
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # the head cut a multi-byte character in two
            return head[: exc.start].decode("utf-8", errors="strict")
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _is_csv(head, uploaded):
    text = _decodes(head) if head else None
    if not text:
        return False
    return not any(ord(char) < 32 and char not in "\t\r\n" for char in text)


# extension -> (content type served, check of the first bytes)
ALLOWED = {
    ".pdf": ("application/pdf", _is_pdf),
    ".png": ("image/png", _is_png),
    ".jpg": ("image/jpeg", _is_jpeg),
    ".jpeg": ("image/jpeg", _is_jpeg),
    ".webp": ("image/webp", _is_webp),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _is_docx),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _is_xlsx),
    ".odt": ("application/vnd.oasis.opendocument.text", _is_odt),
    ".csv": ("text/csv", _is_csv),
}
ALLOWED_LABEL = "PDF, PNG, JPEG, WebP, Word (.docx), Excel (.xlsx), OpenDocument texte (.odt) ou CSV"


def attachment_check(uploaded) -> str:
    """Returns the content type to serve the file with, or raises a ValidationError with a French message."""
    limit = settings.UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            f"Le fichier « {uploaded.name} » pèse {filesizeformat(uploaded.size)} : "
            f"la taille maximale est de {filesizeformat(limit)}."
        )
    if uploaded.size == 0:
        raise ValidationError(f"Le fichier « {uploaded.name} » est vide.")
    extension = PurePosixPath(uploaded.name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(f"Ce type de fichier n’est pas accepté. Formats acceptés : {ALLOWED_LABEL}.")
    content_type, sniff = ALLOWED[extension]
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    if not sniff(head, uploaded):
        raise ValidationError(
            f"Le contenu du fichier « {uploaded.name} » ne correspond pas à son extension {extension} : "
            "il a été refusé."
        )
    return content_type
