"""The tick forms of checklist lines written by hand."""

import pytest
from docx import Document

from ppo.documents.importer.lines import paragraph_lines
from ppo.documents.importer.ticks import read_tick, split_mark


@pytest.mark.parametrize(
    ("text", "ticked", "label"),
    [
        ("☒ CPE", True, "CPE"),
        ("☑ CPE", True, "CPE"),
        ("✓ CPE", True, "CPE"),
        ("✔CPE", True, "CPE"),
        ("X CPE", True, "CPE"),
        ("x\tCPE", True, "CPE"),
        ("[x] CPE", True, "CPE"),
        ("( X ) CPE", True, "CPE"),
        ("■ CPE", True, "CPE"),
        ("☐ CPE", False, "CPE"),
        ("□ CPE", False, "CPE"),
        ("[ ] CPE", False, "CPE"),
        ("Xperiences Métiers", None, "Xperiences Métiers"),
        ("  CPE", None, "CPE"),
    ],
)
def test_textual_marks(text, ticked, label):
    assert split_mark(text) == (ticked, label)


def test_no_mark_and_no_highlight_is_not_ticked():
    paragraph = Document().add_paragraph("CPE")
    assert read_tick(paragraph_lines(paragraph._p)[0]) == (False, "CPE")


def test_shaded_run_is_ticked():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = Document().add_paragraph()
    run = paragraph.add_run("CPE")
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:fill"), "FFFF00")
    run._r.get_or_add_rPr().append(shade)
    assert read_tick(paragraph_lines(paragraph._p)[0]) == (True, "CPE")


def _symbol_font_run(paragraph, char):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run(char)
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi"):
        fonts.set(qn(f"w:{attr}"), "Wingdings")
    run._r.get_or_add_rPr().append(fonts)


@pytest.mark.parametrize(("char", "ticked"), [("þ", True), ("¨", False), ("l", False)])
def test_boxes_and_bullets_typed_in_a_wingdings_font(char, ticked):
    """« þ » in Wingdings is a ticked box, « ¨ » an empty one, « l » a bullet (not a letter of the label)."""
    from ppo.documents.importer.lines import paragraph_lines

    paragraph = Document().add_paragraph()
    _symbol_font_run(paragraph, char)
    paragraph.add_run(" CPE")
    assert read_tick(paragraph_lines(paragraph._p)[0]) == (ticked, "CPE")
