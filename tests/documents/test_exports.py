"""Every produced file is opened again with its own library and its content checked."""

import datetime
import io
import shutil
import subprocess

import pytest
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from ppo.documents import wording
from ppo.documents.builders.calendar import build_ics
from ppo.documents.builders.pdf import build_pdf
from ppo.documents.builders.sheet import build_xlsx
from ppo.documents.builders.word import build_docx
from ppo.documents.selectors import programme_document


def _docx(programme, public=False):
    return Document(io.BytesIO(build_docx(programme_document(programme=programme, public=public))))


def test_word_has_the_official_layout(rich):
    doc = _docx(rich)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert wording.OBJECTIFS_TITLE in headings
    assert wording.RESSOURCES_TITLE in headings
    assert "Objectif 1 - Bac pro : Élaborer son projet d’orientation scolaire et professionnelle" in headings
    assert "Objectif 3 - CAP : Connaître les formations et leurs débouchés" in headings
    assert "En classe de troisième prépa-métiers" in headings
    assert doc.paragraphs[0].text.startswith("Lycée professionnel : Lycée professionnel Maurice Marland")
    assert "Année : 2025-2026" in doc.paragraphs[0].text
    programme_tables = [t for t in doc.tables if t.rows[0].cells[0].text == wording.COLUMNS[0]]
    assert len(programme_tables) == 3 + 3 + 1  # bac pro × 3 axes, CAP × 3 axes, 3e prépa-métiers
    assert all(t.style.name == "Table Grid" for t in programme_tables)
    first = programme_tables[0]
    assert [c.text for c in first.rows[0].cells] == wording.COLUMNS
    assert first.rows[1].cells[0].text == "En seconde professionnelle"
    row = first.rows[2].cells
    assert row[0].text == "Chaque élève formule un projet.\nIl le présente à son professeur principal."
    assert row[1].paragraphs[0].runs[0].bold and row[1].paragraphs[0].text == "Entretiens personnalisés d’orientation"
    assert "Qui : Professeurs Principaux, CPE, Proviseure adjointe, DDFPT" in row[1].text
    assert "Dates : du 12/11/2025 au 14/11/2025" in row[1].text
    assert row[2].text == "Mission locale\nCIO de Granville"
    assert "Indicateurs : Nombre d’entretiens menés" in row[3].text
    assert "Commentaire interne : Prévoir une salle calme." in row[3].text
    # The multi-level action appears on each of its levels.
    assert first.rows[4].cells[1].paragraphs[0].text == "Entretiens personnalisés d’orientation"


def test_word_ticks_the_checklists_and_numbers_pages(rich):
    doc = _docx(rich)
    checklist = next(t for t in doc.tables if t.rows[0].cells[0].text == "Acteurs de la communauté éducative")
    acteurs = checklist.rows[0].cells[1].text.splitlines()
    assert "☒ Professeurs Principaux" in acteurs
    assert "☐ Professeurs" in acteurs
    assert "☒ Autre : Infirmière scolaire" in acteurs
    partenariats = checklist.rows[2].cells[1].text.splitlines()
    assert "☐ Autre :" in partenariats
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml


def test_word_public_version_drops_internal_comment_and_names(rich):
    text = "\n".join(c.text for t in _docx(rich, public=True).tables for r in t.rows for c in r.cells)
    assert "Prévoir une salle calme" not in text
    assert "Proviseure adjointe" not in text
    assert "Entretiens personnalisés d’orientation" in text


def test_pdf_full_and_family(rich, tmp_path):
    full = build_pdf(programme_document(programme=rich))
    family = build_pdf(programme_document(programme=rich, public=True))
    reader = PdfReader(io.BytesIO(full))
    assert len(reader.pages) > 0
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Plan Pluriannuel d’Orientation" in text
    assert "Entretiens personnalisés d’orientation" in text
    assert "Objectif 2 - Bac pro" in text
    assert "Prévoir une salle calme" in text
    assert "conseil d’administration" in text
    assert f"Page 1 sur {len(reader.pages)}" in text
    family_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(family)).pages)
    assert "Entretiens personnalisés d’orientation" in family_text
    assert "Prévoir une salle calme" not in family_text
    assert "Historique du programme" not in family_text
    assert "familles" in family_text
    (tmp_path / "programme.pdf").write_bytes(full)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "2", tmp_path / "programme.pdf", tmp_path / "page"],
            check=True,
            timeout=60,
        )
        assert sorted(p.name for p in tmp_path.glob("page-*.png")) == ["page-1.png", "page-2.png"]


def test_xlsx_one_row_per_action_and_level(rich):
    content = programme_document(programme=rich)
    sheet = load_workbook(io.BytesIO(build_xlsx(content))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) - 1 == 5  # 4 actions, one of them on two levels
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}6"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["F"].width == 40
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    first = records[0]
    assert first["Niveau"] == "Seconde professionnelle" and records[1]["Niveau"] == "Première professionnelle"
    assert first["Intitulé de l’action"] == "Entretiens personnalisés d’orientation"
    assert first["Date de début"] == datetime.datetime(2025, 11, 12)
    assert first["Heures"] == 2.5
    assert first["Nombre d’élèves"] == 48
    assert first["Qui (acteurs)"] == "Professeurs Principaux, CPE"
    assert first["Commentaire interne"] == "Prévoir une salle calme."
    public = load_workbook(io.BytesIO(build_xlsx(programme_document(programme=rich, public=True)))).active
    assert "Commentaire interne" not in [c.value for c in public[1]]


def test_ics_all_day_events(rich):
    content = programme_document(programme=rich)
    calendar = Calendar.from_ical(build_ics(name="PPO", events=list(content.calendar)))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Entretiens personnalisés d’orientation",
        "Visite d’entreprise du bassin",
        "Mini-stages en lycée professionnel",
    }
    entretiens = events["Entretiens personnalisés d’orientation"]
    assert entretiens.decoded("dtstart") == datetime.date(2025, 11, 12)
    assert entretiens.decoded("dtend") == datetime.date(2025, 11, 15)  # exclusive end of an all-day event
    visite = events["Visite d’entreprise du bassin"]
    assert visite.decoded("dtend") - visite.decoded("dtstart") == datetime.timedelta(days=1)
    assert "2nde pro" in str(entretiens["description"])


def test_extra_events_hook(rich):
    from ppo.documents.content import CalendarEvent

    temps_fort = CalendarEvent(
        uid="tf-1@ppo",
        title="Semaine de l’orientation",
        start=datetime.date(2026, 1, 26),
        end=datetime.date(2026, 1, 30),
    )
    content = programme_document(programme=rich, extra_events=[temps_fort])
    assert "Semaine de l’orientation" in [e.title for e in content.calendar]
    assert [e.start for e in content.calendar] == sorted(e.start for e in content.calendar)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice absent")
def test_word_converts_with_libreoffice(rich, tmp_path):
    path = tmp_path / "programme.docx"
    path.write_bytes(build_docx(programme_document(programme=rich)))
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [binary, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    reader = PdfReader(tmp_path / "programme.pdf")
    assert len(reader.pages) > 0
    assert "Entretiens personnalisés" in "".join(page.extract_text() for page in reader.pages)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", tmp_path / "programme.pdf", tmp_path / "word"],
            check=True,
            timeout=60,
        )
        assert list(tmp_path.glob("word-*.png"))
