"""Checks a file is a plain Word document (.docx) before python-docx opens it.

Refuses, with a message for the user: an empty or too large file, a file that is not a Word document, a
password-protected document (an encrypted OLE/CFB container), an old .doc, a corrupted archive, and a zip bomb
(declared uncompressed sizes and compression ratio are checked before anything is decompressed).
"""

import io
import zipfile

from django.conf import settings

from ppo.documents.importer import ImportRefused

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTION_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # all parts together, once decompressed
MAX_RATIO = 200  # a part may not decompress to more than 200 times its compressed size…
RATIO_FLOOR = 1024 * 1024  # …unless it stays under 1 Mio (small XML parts compress very well)
REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")
    return f"{max(1, round(size / 1024))} ko"


def check_size(size: int) -> None:
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ImportRefused(
            f"Le fichier pèse {size_label(size)}, au-delà de la limite de {size_label(limit)}. "
            "Enregistrez-le sans les images ou en plusieurs parties."
        )
    if size == 0:
        raise ImportRefused("Le fichier est vide.")


def check_docx(data: bytes) -> None:
    """Raises ImportRefused unless `data` looks like a safe .docx archive."""
    check_size(len(data))
    if data.startswith(CFB_MAGIC):
        if any(name in data for name in ENCRYPTION_STREAMS):
            raise ImportRefused(
                "Ce document Word est protégé par un mot de passe. Ouvrez-le dans votre traitement de texte, "
                "retirez la protection (Fichier › Protéger le document), enregistrez-le puis déposez-le à nouveau."
            )
        raise ImportRefused(
            "Ce fichier est au format Word 97-2003 (.doc). Ouvrez-le et enregistrez-le au format Word (.docx), "
            "puis déposez-le à nouveau."
        )
    if not data.startswith(ZIP_MAGIC):
        raise ImportRefused("Ce fichier n’est pas un document Word (.docx). Déposez le PPO au format .docx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportRefused("Ce document Word est endommagé et ne peut pas être lu.") from exc
    with archive:
        _check_archive(archive, infos)


def _check_archive(archive: zipfile.ZipFile, infos) -> None:
    if len(infos) > MAX_ENTRIES:
        raise ImportRefused("Ce fichier contient un nombre anormal de parties : il n’est pas lu par précaution.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportRefused(
                "Ce fichier se décompresse en un volume anormal (archive piégée) : il n’est pas lu par précaution."
            )
    if total > MAX_UNCOMPRESSED:
        raise ImportRefused(
            "Ce fichier se décompresse en un volume anormal (archive piégée) : il n’est pas lu par précaution."
        )
    if info_flag_encrypted(infos):
        raise ImportRefused(
            "Ce document Word est protégé par un mot de passe : retirez la protection puis déposez-le."
        )
    names = {info.filename for info in infos}
    if not all(part in names for part in REQUIRED_PARTS):
        raise ImportRefused(
            "Ce fichier n’est pas un document Word (.docx) : c’est peut-être un tableur ou une présentation."
        )
    try:
        bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise ImportRefused("Ce document Word est endommagé et ne peut pas être lu.") from exc
    if bad is not None:
        raise ImportRefused("Ce document Word est endommagé et ne peut pas être lu.")


def info_flag_encrypted(infos) -> bool:
    """Zip-level encryption (bit 0 of the flags), which Word never writes but other tools may."""
    return any(info.flag_bits & 0x1 for info in infos)
