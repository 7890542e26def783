"""Builders for the follow-up tests: a programme of the world's school and its actions, through the plans services."""

import datetime
import io
import zipfile
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import PPO, Axe
from ppo.plans.services import action_create, ppo_create
from ppo.referentiel.models import Niveau

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def make_programme(etablissement, user, *, year=2025, status=None):
    """A PPO starting in `year` (or, if another test set already holds that year, the first free one after)."""
    while PPO.objects.filter(etablissement=etablissement, first_year__lte=year, last_year__gte=year).exists():
        year += 4
    ppo = ppo_create(etablissement=etablissement, first_year=year, years=3, user=user)
    programme = ppo.programmes.get()
    if status:
        force_status(programme=programme, status=status, user=user)
    return programme


def niveau(code):
    return Niveau.objects.get(code=code)


def make_action(programme, user, *, axe=1, niveaux=("2nde-pro",), **fields):
    fields.setdefault("title", "Action")
    return action_create(
        programme=programme,
        user=user,
        axe=Axe.objects.get(number=axe),
        niveaux=[niveau(code) for code in niveaux],
        **fields,
    )


def pdf(name="emargement.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


VISIBLE = StatutProgramme.VALIDE
D = Decimal
DAY = datetime.date
