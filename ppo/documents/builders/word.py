"""The programme as a Word document (.docx) in the layout of the official template (seed 000)."""

import io
import re
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from ppo.documents import wording
from ppo.documents.content import BilanSection, DocAction, FigureTable, ProgrammeDocument

BLUE = RGBColor(0x00, 0x00, 0x91)  # DSFR « bleu France »
HEADER_FILL = "E3E3FD"
BLOCK_FILL = "F5F5FE"


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor computes when it lays the document out."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _cells(row) -> list:
    """The cells of a row, read from its own XML: `row.cells` recomputes the whole table's grid on every call,
    which makes a table of n rows cost n² (seconds for a programme of 150 actions)."""
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _run_xml(text: str, bold: bool) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(_CONTROL.sub("", text))}</w:t></w:r>'


def _row_xml(columns, *, span=1, fill=None, bold_first=False, bold_title_in=None) -> str:
    """One table row as WordprocessingML: building rows as text and parsing them once is ten times faster than
    adding cells and runs one by one through python-docx."""
    cells = []
    for index, lines in enumerate(columns):
        props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        if fill:
            props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        paragraphs = "".join(
            f"<w:p>{_run_xml(line, bold=(bold_first or index == bold_title_in) and n == 0)}</w:p>"
            for n, line in enumerate(lines)
        )
        cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs or '<w:p/>'}</w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def _append_rows(table, rows: list[str]) -> None:
    if not rows:
        return
    fragment = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for tr in list(fragment):
        table._tbl.append(tr)


def _widths(table, widths) -> None:
    """Column widths in the table grid (what LibreOffice reads) and in each existing cell (what Word reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(_cells(row), widths, strict=False):
            cell.width = width


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row) -> None:
    tbl_header = OxmlElement("w:tblHeader")
    tbl_header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(tbl_header)


def _set_cell_lines(cell, lines, *, bold_first=False) -> None:
    """Writes one paragraph per line in a cell (the cell already holds one empty paragraph)."""
    lines = [line for line in lines if line is not None] or [""]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        if bold_first and index == 0:
            run.bold = True


def _text_lines(text: str) -> list[str]:
    return text.splitlines() if text else []


def implementation_lines(action: DocAction) -> list[str]:
    """« Mise en œuvre envisagée (Qui, Quand, Quoi, Comment) »: the title, labelled lines, then the description."""
    who = list(action.actors) + ([action.actors_other] if action.actors_other else [])
    lines = [action.title]
    if who:
        lines.append(wording.labelled(wording.WHO, ", ".join(who)))
    if action.period:
        lines.append(wording.labelled(wording.WHEN, action.period))
    if action.start_date:
        lines.append(wording.labelled(wording.DATES, action.dates_label))
    lines.append(wording.labelled(wording.KIND, action.kind_label))
    if action.classes:
        lines.append(wording.labelled(wording.CLASSES, action.classes))
    if action.pupils_count is not None:
        lines.append(wording.labelled(wording.PUPILS, str(action.pupils_count)))
    if action.hours is not None:
        lines.append(wording.labelled(wording.HOURS, wording.decimal_label(action.hours)))
    if action.gender_equality:
        lines.append(wording.labelled(wording.EQUALITY, "oui"))
    description = _text_lines(action.description)
    if description:
        lines.append(wording.labelled(wording.WHAT, description[0]))
        lines.extend(description[1:])
    return lines


def partner_lines(action: DocAction) -> list[str]:
    return list(action.partner_items) + _text_lines(action.partners)


def follow_up_lines(action: DocAction) -> list[str]:
    lines = _text_lines(action.expected_effects)
    indicators = _text_lines(action.indicators)
    if indicators:
        lines.append(wording.labelled(wording.INDICATORS, indicators[0]))
        lines.extend(indicators[1:])
    internal = _text_lines(action.internal_comment)
    if internal:
        lines.append(wording.labelled(wording.INTERNAL, internal[0]))
        lines.extend(internal[1:])
    return lines


def _programme_table(doc, table_content) -> None:
    doc.add_heading(table_content.title, level=2)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    for cell, label in zip(_cells(header), wording.COLUMNS, strict=True):
        for index, line in enumerate(label.split("\n")):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.add_run(line).bold = True
        _shade(cell, HEADER_FILL)
    rows = []
    for block in table_content.blocks:
        rows.append(_row_xml([[block.label]], span=4, fill=BLOCK_FILL, bold_first=True))
        if not block.actions:
            rows.append(_row_xml([[], [], [], []]))
        for action in block.actions:
            rows.append(
                _row_xml(
                    [
                        _text_lines(action.objective),
                        implementation_lines(action),
                        partner_lines(action),
                        follow_up_lines(action),
                    ],
                    bold_title_in=1,
                )
            )
    _append_rows(table, rows)


def _checklists(doc, content: ProgrammeDocument) -> None:
    doc.add_heading(wording.RESSOURCES_TITLE, level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for checklist in content.checklists:
        cells = _cells(table.add_row())
        cells[0].paragraphs[0].add_run(checklist.label).bold = True
        _shade(cells[0], HEADER_FILL)
        lines, group = [], None
        for item in checklist.items:
            if item.group and item.group != group:
                lines.append(item.group)
            group = item.group
            lines.append(f"{wording.TICKED if item.ticked else wording.UNTICKED} {item.label}")
        mark = wording.TICKED if checklist.other else wording.UNTICKED
        lines.append(f"{mark} {wording.OTHER} : {checklist.other}".rstrip())
        _set_cell_lines(cells[1], lines)
    _widths(table, [Cm(5), Cm(12.4)])


def _paragraphs(doc, lines, empty: str) -> None:
    lines = [line for line in lines if line.strip()]
    if not lines:
        doc.add_paragraph().add_run(empty).italic = True
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")


def _calendar(doc, content: ProgrammeDocument) -> None:
    doc.add_heading(wording.CALENDAR_TITLE, level=1)
    if not content.calendar:
        doc.add_paragraph(wording.NO_EVENTS)
        return
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    _widths(table, [Cm(4), Cm(9.4), Cm(4)])
    _repeat_header(table.rows[0])
    for cell, label in zip(table.rows[0].cells, ["Date", "Action ou temps fort", "Niveaux"], strict=True):
        cell.paragraphs[0].add_run(label).bold = True
        _shade(cell, HEADER_FILL)
    rows = []
    for event in content.calendar:
        when = f"{event.start:%d/%m/%Y}"
        if event.end != event.start:
            when += f" – {event.end:%d/%m/%Y}"
        rows.append(_row_xml([[when], [event.title], [event.niveaux]]))
    _append_rows(table, rows)


def _figure_table(doc, figures: FigureTable) -> None:
    doc.add_heading(figures.caption, level=2)
    table = doc.add_table(rows=1, cols=len(figures.headers))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for cell, label in zip(_cells(table.rows[0]), figures.headers, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
        _shade(cell, HEADER_FILL)
    _append_rows(table, [_row_xml([_text_lines(cell) for cell in row], bold_first=False) for row in figures.rows])


def _bilan(doc, bilan: BilanSection) -> None:
    """The year's bilan: the Word importer skips this whole section (its title opens the « bilan » section)."""
    doc.add_heading(bilan.title, level=1)
    doc.add_paragraph(bilan.status_line)
    for line in bilan.summary:
        doc.add_paragraph(line, style="List Bullet")
    for figures in bilan.tables:
        _figure_table(doc, figures)
    for label, text in bilan.texts:
        doc.add_heading(label, level=2)
        for line in _text_lines(text):
            doc.add_paragraph(line)


def _setup(doc, content: ProgrammeDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.6)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(9.5)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 11.5)):
        style = doc.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = BLUE
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{content.etablissement_name} — PPO {content.year_label} — page ")
    _field(footer, "PAGE")
    footer.add_run(" sur ")
    _field(footer, "NUMPAGES")
    props = doc.core_properties
    props.title = f"{wording.TITLE} — {content.etablissement_name} — {content.year_label}"
    props.author = "Plateforme PPO"
    props.language = "fr-FR"


def build_docx(content: ProgrammeDocument) -> bytes:
    doc = Document()
    _setup(doc, content)
    heading = doc.add_paragraph()
    heading.add_run(wording.school_heading(content.kind_label, content.etablissement_name)).bold = True
    heading.add_run(f"\tUAI : {content.uai}\tAnnée : {content.year_label}")
    doc.add_paragraph(wording.TITLE, style="Title")
    doc.add_paragraph(f"PPO {content.ppo_period} — {content.academie} — {content.status_label}")
    doc.add_heading(wording.OBJECTIFS_TITLE, level=1)
    _paragraphs(doc, content.objectifs, wording.NO_OBJECTIFS)
    doc.add_heading(wording.AXES_TITLE, level=1)
    _paragraphs(doc, content.axes_amelioration, wording.NO_AXES)
    _checklists(doc, content)
    doc.add_heading(wording.TRAINING_TITLE, level=1)
    _paragraphs(doc, _text_lines(content.training), wording.NO_TRAINING)
    for table in content.tables:
        _programme_table(doc, table)
    _calendar(doc, content)
    if content.bilan:
        _bilan(doc, content.bilan)
    if content.notes:
        doc.add_heading(wording.NOTES_TITLE, level=1)
        for line in _text_lines(content.notes):
            doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
