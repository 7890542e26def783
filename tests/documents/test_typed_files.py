"""One PPO typed in every way seen in real files gives the same recognised content: one paragraph per line or
manual line breaks (Shift+Enter), boxes ☒ or X, several boxes on one line, tabs, Word's own XML (content-control
check boxes, <w:br/> inside a run), and the same file saved again by LibreOffice."""

import io

import pytest
from docx import Document

from ppo.documents.importer.lines import checklist_items, paragraph_lines
from ppo.documents.importer.objectives import items_of
from ppo.documents.importer.reader import read_docx
from tests.documents import wordfiles

EXPECTED = {
    "header": {"name": "Lycée Maurice Marland", "uai": "0141234A", "year": "2026-2027"},
    "objectifs": [
        "Taux de poursuite d’études : passer de 25 % à 35 % d’ici 2028",
        "Réduire le nombre d’élèves sans solution à la rentrée",
        "Taux de réussite au DNB : 80 % en 2024 → 90 % en 2027-2028",
    ],
    "structured": [
        ("taux_poursuite_etudes", "25", None, "35", 2027),
        None,
        ("taux_reussite_dnb", "80", 2024, "90", 2027),
    ],
    "axes": [("partenariats", "ouvrir le lycée aux entreprises."), ("thematiques", "Mieux informer les familles.")],
    "ressources": ["Professeurs Principaux", "PsyEN", "Mission locale"],
    "autres": {"acteurs": "Infirmière scolaire"},
    "actions": [
        {
            "axe": 1,
            "niveaux": ["2nde-pro"],
            "objective": "Connaître les formations du bassin",
            "title": "Atelier CV",
            "description": "Les professeurs principaux animent deux séances.\nBilan en conseil pédagogique.",
            "partners": "Entreprise du bassin",
            "partner_labels": ["Mission locale"],
            "expected_effects": "Les élèves savent présenter leur projet.",
            "indicators": "nombre de CV rédigés",
        }
    ],
    "unrecognised": [],
}


def recognised(parsed: dict) -> dict:
    return {
        "header": parsed["header"],
        "objectifs": [o["text"] for o in parsed["objectifs"]],
        "structured": [
            (o["indicateur"], o["baseline"], o["baseline_year"], o["target"], o["horizon_year"])
            if o["indicateur"]
            else None
            for o in parsed["objectifs"]
        ],
        "axes": [(a["category"], a["text"]) for a in parsed["axes"]],
        "ressources": parsed["ressource_labels"],
        "autres": parsed["ressources_autres"],
        "actions": [
            {
                "axe": a["axe"],
                "niveaux": a["niveaux"],
                "partner_labels": a["partner_labels"],
                **{
                    k: a["fields"][k]
                    for k in ("objective", "title", "description", "partners", "expected_effects", "indicators")
                },
            }
            for a in parsed["actions"]
        ],
        "unrecognised": parsed["unrecognised"],
    }


VARIANTS = {
    "paragraphes-☒": lambda: wordfiles.typed_docx(breaks=False, tick="☒"),
    "paragraphes-X": lambda: wordfiles.typed_docx(breaks=False, tick="X"),
    "paragraphes-x": lambda: wordfiles.typed_docx(breaks=False, tick="x"),
    "sauts-de-ligne-☒": lambda: wordfiles.typed_docx(breaks=True, tick="☒"),
    "sauts-de-ligne-X": lambda: wordfiles.typed_docx(breaks=True, tick="X"),
    "sauts-de-ligne-✔": lambda: wordfiles.typed_docx(breaks=True, tick="✔"),
    "sauts-de-ligne-■": lambda: wordfiles.typed_docx(breaks=True, tick="■"),
    "xml-word-☒": lambda: wordfiles.word_xml_docx(tick="☒"),
    "xml-word-X": lambda: wordfiles.word_xml_docx(tick="X"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_way_of_typing_gives_the_same_content(db, variant):
    assert recognised(read_docx(VARIANTS[variant]())) == EXPECTED


def test_the_word_xml_variant_really_uses_breaks_and_content_controls():
    """The edited file is what it claims: one paragraph per cell, <w:br/>, w14 check boxes (no typed ☒ left)."""
    doc = Document(io.BytesIO(wordfiles.word_xml_docx()))
    checklist = doc.tables[2]
    cell = checklist.rows[1].cells[1]
    assert len(cell.paragraphs) == 1
    xml = cell._tc.xml
    assert xml.count("<w:br/>") == 3 and xml.count("<w14:checkbox>") == 4
    assert "☒ " not in cell.text
    breaks = Document(io.BytesIO(wordfiles.typed_docx(breaks=True)))
    assert len(breaks.tables[3].rows[3].cells[1].paragraphs) == 1


@pytest.mark.parametrize("breaks", [False, True])
def test_a_libreoffice_saved_file_gives_the_same_content(db, tmp_path, breaks):
    data = wordfiles.libreoffice_docx(wordfiles.typed_docx(breaks=breaks), tmp_path)
    if data is None:
        pytest.skip("LibreOffice (soffice) n’est pas installé sur cette machine.")
    assert recognised(read_docx(data)) == EXPECTED


def _paragraph_with_breaks(*parts):
    paragraph = Document().add_paragraph()
    for index, part in enumerate(parts):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(part)
    return paragraph


def test_lines_of_a_paragraph():
    paragraph = _paragraph_with_breaks("☒ CPE", "x\tPsyEN", "Qui :\tla CPE")
    texts = [line.text for line in paragraph_lines(paragraph._p)]
    assert texts == ["☒ CPE", "x PsyEN", "Qui : la CPE"]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("☒ CPE ☐ PsyEN ☒ Familles", ["☒ CPE", "☐ PsyEN", "☒ Familles"]),
        ("X CPE X PsyEN", ["X CPE", "X PsyEN"]),
        ("☒ CPE Autre : infirmière scolaire", ["☒ CPE", "Autre : infirmière scolaire"]),
        ("☒ Autre : infirmière scolaire", ["☒ Autre : infirmière scolaire"]),
        ("Xperiences Métiers", ["Xperiences Métiers"]),
    ],
)
def test_several_items_on_one_checklist_line(text, items):
    from ppo.documents.importer.lines import Line

    assert [line.text for line in checklist_items(Line(text))] == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "1) Augmenter les vœux en BTS 2) Réduire les abandons",
            ["Augmenter les vœux en BTS", "Réduire les abandons"],
        ),
        ("• Un • Deux", ["Un", "Deux"]),
        ("- Un - Deux", ["Un", "Deux"]),
        ("Passer de 25 % à 35 % - en deux ans", ["Passer de 25 % à 35 % - en deux ans"]),
        ("2. Un objectif", ["Un objectif"]),
    ],
)
def test_several_objectives_in_one_line(text, items):
    assert items_of(text) == items


def _checklist_docx(bold_labels: set[str]) -> bytes:
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Ressources à mobiliser pour mettre en œuvre le PPO"
    table.rows[1].cells[0].text = "Acteurs de la communauté éducative"
    cell = table.rows[1].cells[1]
    for index, label in enumerate(["CPE", "PsyEN", "Familles"]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(label).bold = label in bold_labels
    wordfiles._programme_table(
        doc, f"Objectif 1 - Bac pro : {wordfiles.AXES[0]}", [("En seconde professionnelle", [])]
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_a_bold_label_ticks_its_box(db):
    parsed = read_docx(_checklist_docx({"PsyEN"}))
    assert parsed["ressource_labels"] == ["PsyEN"]
    assert parsed["warnings"] == []


def test_a_checklist_all_in_bold_ticks_nothing(db):
    parsed = read_docx(_checklist_docx({"CPE", "PsyEN", "Familles"}))
    assert parsed["ressource_labels"] == []
    assert "tous les libellés sont en gras" in parsed["warnings"][0]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Taux de poursuite d’études : passer de 25 % à 35 % d’ici 2028", ("25", None, "35", 2027)),
        ("Atteindre un taux de réussite au DNB de 92 %", (None, None, "92", None)),
        ("Taux d’emploi à 6 mois : 50 % en 2024 → 60 % en 2027-2028", ("50", 2024, "60", 2027)),
        ("Nombre de partenaires extérieurs : de 4 à 10", ("4", None, "10", None)),
        ("Taux de poursuite d’études en hausse", None),
        ("Réduire les sorties sans diplôme de 10 %", None),
    ],
)
def test_figures_read_in_a_sentence(db, text, figures):
    from ppo.documents.diagnostic_bridge import indicateurs
    from ppo.documents.importer.objectives import read_figures

    found = read_figures(text, indicateurs())
    if figures is None:
        assert found is None
    else:
        assert (found["baseline"], found["baseline_year"], found["target"], found["horizon_year"]) == figures
        assert found["comment"] == text


def test_an_objective_without_horizon_aims_at_the_last_year_of_the_ppo(lp, direction):
    from ppo.documents.diagnostic_bridge import write
    from ppo.plans.services import ppo_create, programme_create

    ppo = ppo_create(etablissement=lp, first_year=2025, years=3, user=direction)
    programme = programme_create(ppo=ppo, year=2026, user=direction)
    objectif = {"text": "Atteindre un taux de réussite au DNB de 92 %", "indicateur": None}
    from ppo.documents.diagnostic_bridge import indicateurs
    from ppo.documents.importer.objectives import read_figures

    objectif |= read_figures(objectif["text"], indicateurs())
    assert write(programme=programme, objectifs=[objectif], axes=[]) == []
    assert programme.objectifs_cibles.get().horizon_year == ppo.last_year == 2027


def test_the_header_typed_in_the_page_header(db):
    """School, UAI and year typed in Word's page header (one line, tabs and a manual break) are read too."""
    doc = Document(io.BytesIO(wordfiles.typed_docx(uai="", year="")))
    paragraph = doc.sections[0].header.paragraphs[0]
    paragraph.add_run("UAI : 0509903T")
    paragraph.add_run().add_tab()
    paragraph.add_run("Année : 2027-2028")
    paragraph.add_run().add_break()
    paragraph.add_run("Programme pluriannuel d’orientation")
    buffer = io.BytesIO()
    doc.save(buffer)
    parsed = read_docx(buffer.getvalue())
    assert parsed["header"] == {"name": "Lycée Maurice Marland", "uai": "0509903T", "year": "2027-2028"}


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("Année scolaire : 2027-2028", {"year": "2027-2028"}),
        ("Année : 2027/2028", {"year": "2027-2028"}),
        ("Code RNE : 0509903t", {"uai": "0509903T"}),
        ("Code UAI : 0509903T", {"uai": "0509903T"}),
    ],
)
def test_header_forms(db, line, header):
    from ppo.documents.importer.reader import State, _empty_result, _header

    state = State(result=_empty_result())
    assert _header(line, state)
    assert state.result["header"] == header


def test_an_other_text_outside_any_category_is_kept(db):
    from ppo.documents.importer.lines import Line
    from ppo.documents.importer.reader import Reference, State, _empty_result, _paragraph

    state = State(section="ressources", result=_empty_result())
    _paragraph(Line("☒ Autre : Infirmière scolaire"), state, Reference.load())
    assert state.result["unrecognised"] == ["☒ Autre : Infirmière scolaire"]
