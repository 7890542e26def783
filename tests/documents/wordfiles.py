"""Real Word files made for the tests: the official template filled in by hand (LP, collège, LGT), with the tick
forms seen in real files, and the bad files the importer must refuse."""

import io
import os
import struct
import zipfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"

LEVELS = {
    "lp": [
        ("Bac pro", ["En seconde professionnelle", "En première professionnelle"]),
        ("CAP", ["En première année de CAP"]),
    ],
    "college": [("Collège", ["En classe de sixième", "En classe de troisième"])],
    "lgt": [("Lycée", ["En seconde générale et technologique", "En première", "En terminale"])],
}
HEADER = {
    "lp": "Lycée professionnel : [Lycée Maurice Marland]\tAnnée : 2026-2027",
    "college": "Collège : Collège Les Tilleuls\tAnnée : 2026-2027",
    "lgt": "Lycée général et technologique : Lycée Jean Rostand\tAnnée : 2026-2027",
}
AXES = [
    "Élaborer son projet d’orientation scolaire et professionnelle",
    "Découvrir le monde économique et professionnel et les métiers",
    "Découvrir les différentes voies de formation",
]


def _box(doc, title, lines):
    """The template's boxes are one-column tables: a title row, then the school's text."""
    table = doc.add_table(rows=2, cols=1)
    table.rows[0].cells[0].text = title
    cell = table.rows[1].cells[0]
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _sym(paragraph, char):
    run = paragraph.add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings")
    sym.set(qn("w:char"), char)
    run._r.append(sym)


def _content_control_box(paragraph, checked):
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    box = OxmlElement("w14:checkbox")
    state = OxmlElement("w14:checked")
    state.set(f"{{{W14}}}val", "1" if checked else "0")
    box.append(state)
    pr.append(box)
    sdt.append(pr)
    paragraph._p.append(sdt)


def _form_field_box(paragraph, checked):
    run = paragraph.add_run()
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "begin")
    data = OxmlElement("w:ffData")
    box = OxmlElement("w:checkBox")
    default = OxmlElement("w:default")
    default.set(qn("w:val"), "1" if checked else "0")
    box.append(default)
    data.append(box)
    fld.append(data)
    run._r.append(fld)


def _highlight(paragraph, text):
    run = paragraph.add_run(text)
    highlight = OxmlElement("w:highlight")
    highlight.set(qn("w:val"), "yellow")
    run._r.get_or_add_rPr().append(highlight)


def _checklists(doc):
    table = doc.add_table(rows=5, cols=3)
    table.rows[0].cells[0].text = "Ressources à mobiliser pour mettre en œuvre le PPO"
    rows = table.rows
    # Acteurs: Wingdings symbols, as in the official template.
    rows[1].cells[0].text = "Acteurs de la communauté éducative"
    cell = rows[1].cells[1]
    p = cell.paragraphs[0]
    _sym(p, "F0FE")
    p.add_run(" Professeurs Principaux")
    p = cell.add_paragraph()
    _sym(p, "F0A8")
    p.add_run(" Professeurs")
    p = cell.add_paragraph()
    _sym(p, "F0FE")
    p.add_run(" PsyEN")
    rows[1].cells[2].text = "☐ Référent décrochage"
    rows[1].cells[2].add_paragraph("☒ Autre : Infirmière scolaire")
    # Actions et dispositifs: « X » typed before the label, and a highlighted label.
    rows[2].cells[0].text = "Actions et dispositifs proposés"
    cell = rows[2].cells[1]
    cell.text = "Etablissements d'enseignement supérieur"
    cell.add_paragraph("X Salons du supérieur")
    cell.add_paragraph(" Journée portes ouvertes")
    _highlight(cell.add_paragraph(), "Xperiences Métiers")
    # Partenariats: content-control check boxes; Ressources: legacy form-field check boxes.
    rows[3].cells[0].text = "Partenariats"
    cell = rows[3].cells[1]
    p = cell.paragraphs[0]
    _content_control_box(p, True)
    p.add_run(" Mission locale")
    p = cell.add_paragraph()
    _content_control_box(p, False)
    p.add_run(" Pôle emploi")
    rows[4].cells[0].text = "Ressources"
    cell = rows[4].cells[1]
    p = cell.paragraphs[0]
    _form_field_box(p, True)
    p.add_run(" onisep.fr")
    p = cell.add_paragraph()
    _form_field_box(p, False)
    p.add_run(" Repères DRAIO")


def _programme_table(doc, title, blocks):
    """`blocks`: [(label, [[objective, implementation, partners, follow-up], …]), …] — seed 000 shape."""
    table = doc.add_table(rows=0, cols=4)
    row = table.add_row()
    row.cells[0].merge(row.cells[3]).text = title
    header = table.add_row().cells
    for cell, text in zip(
        header,
        [
            "Déclinaison en objectifs opérationnels",
            "Mise en œuvre envisagée\n(Qui, Quand, Quoi, Comment)",
            " Partenaires",
            "Suivi et évaluation \n(Effets attendus)",
        ],
        strict=True,
    ):
        cell.text = text
    for label, rows in blocks:
        row = table.add_row()
        row.cells[0].merge(row.cells[3]).text = label
        for values in rows or [["", "", "", ""]]:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                lines = value.split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)


def official_docx(kind="lp", *, with_rows=True, stray_text=True) -> bytes:
    """A PPO filled in by hand in the official template (no labelled lines, free text in the cells)."""
    doc = Document()
    doc.add_paragraph("La méthode proposée")
    doc.add_paragraph(HEADER[kind])
    doc.add_paragraph("Plan Pluriannuel d’Orientation")
    _box(
        doc,
        "OBJECTIFS CIBLES par l’établissement dans le cadre du PPO",
        [
            "À partir des indicateurs pertinents de l’établissement. (Des outils diagnostics sont disponibles en "
            "téléchargement)",
            "Augmenter la poursuite d’études en BTS des bacheliers professionnels.",
        ],
    )
    _box(
        doc,
        "AXES D’AMELIORATION pour approfondir l’accompagnement à l’orientation et points de vigilance",
        [
            "Partenariats à approfondir : ouvrir le lycée aux entreprises du bassin.",
            "Mieux informer les familles des élèves de seconde.",
        ],
    )
    _checklists(doc)
    _box(doc, "Actions de formation à prévoir pour accompagner la mise en œuvre du PPO", ["Formation Folios."])
    if stray_text:
        doc.add_paragraph("Mot de la proviseure : merci à toutes les équipes.")
    for group, levels in LEVELS[kind]:
        for number, label in enumerate(AXES, start=1):
            blocks = []
            for level_index, level in enumerate(levels):
                rows = []
                if with_rows and level_index == 0:
                    rows.append(
                        [
                            f"Objectif opérationnel {number}",
                            f"Atelier {group} axe {number}\nLes professeurs principaux animent deux séances.",
                            "Mission locale\nEntreprise du bassin",
                            "Les élèves savent présenter leur projet.",
                        ]
                    )
                blocks.append((level, rows))
            _programme_table(doc, f"Objectif {number} - {group} : {label}", blocks)
    if kind == "lp":
        table_rows = [
            (f"Objectif {n} - {label}", [["", f"Mini-stage axe {n}", "", ""]] if n == 2 else [])
            for n, label in enumerate(AXES, start=1)
        ]
        table = doc.add_table(rows=0, cols=4)
        row = table.add_row()
        row.cells[0].merge(row.cells[3]).text = "En classe de troisième prépa-métiers"
        for cell, text in zip(
            table.add_row().cells,
            [
                "Déclinaison en objectifs opérationnels",
                "Mise en œuvre envisagée",
                "Partenaires",
                "Suivi et évaluation",
            ],
            strict=True,
        ):
            cell.text = text
        for label, rows in table_rows:
            row = table.add_row()
            row.cells[0].merge(row.cells[3]).text = label
            for values in rows:
                for cell, value in zip(table.add_row().cells, values, strict=True):
                    cell.text = value
    doc.add_paragraph("Supports ressources téléchargeables pour accompagner la rédaction du PPO")
    doc.add_paragraph("Questionnaire état des lieux pour l’équipe de direction")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def other_shape_docx() -> bytes:
    doc = Document()
    doc.add_paragraph("Compte rendu du conseil pédagogique")
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Point"
    table.rows[0].cells[1].text = "Décision"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def encrypted_docx() -> bytes:
    """A password-protected Word file: an OLE compound file (CFB) holding EncryptionInfo and EncryptedPackage."""
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<I", header, 76, 0)  # DIFAT[0]: the FAT is sector 0
    for index in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * index, free)
    fat = [fat_sect, end] + [3, 4, 5, 6, 7, 8, 9, end] + [11, 12, 13, 14, 15, 16, 17, end]
    fat += [free] * (128 - len(fat))
    fat_sector = struct.pack("<128I", *fat)

    def entry(name, kind, left, right, child, start, size):
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        raw[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, left, right, child)
        struct.pack_into("<IQ", raw, 116, start, size)
        return bytes(raw)

    directory = (
        entry("Root Entry", 5, nostream, nostream, 1, end, 0)
        + entry("EncryptionInfo", 2, nostream, 2, nostream, 2, 4096)
        + entry("EncryptedPackage", 2, nostream, nostream, nostream, 10, 4096)
        + entry("", 0, nostream, nostream, nostream, 0, 0)
    )
    return bytes(header) + fat_sector + directory + os.urandom(8192)


def zip_bomb_docx() -> bytes:
    """A .docx whose media part decompresses 1000 times over (60 Mo of zeros in ~60 ko)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        archive.writestr("word/media/image1.bin", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


def spreadsheet_bytes() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def corrupted_docx() -> bytes:
    """A real .docx cut in the middle (a download that stopped)."""
    data = official_docx()
    return data[: len(data) // 2]


def broken_xml_docx() -> bytes:
    """A well-formed archive whose main part is not XML."""
    source = zipfile.ZipFile(io.BytesIO(official_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = b"<w:document><w:body><oops"
            archive.writestr(info, data)
    return buffer.getvalue()


# --- The same PPO typed in different ways -----------------------------------------------------------------------
# `typed_docx` writes one content two ways with python-docx: one paragraph per line, or one paragraph per cell with
# manual line breaks (Shift+Enter) and several boxes on one line; `word_xml_docx` edits the XML of the first the
# way Word writes it (`<w:br/>` inside a run, content-control check boxes in MS Gothic); `libreoffice_docx` has the
# file saved again by LibreOffice. Every variant must be read the same.

TYPED_HEADER = ["Lycée professionnel : Lycée Maurice Marland", "UAI : 0141234A", "Année : 2026-2027"]
TYPED_OBJECTIFS = [
    "1) Taux de poursuite d’études : passer de 25 % à 35 % d’ici 2028",
    "2) Réduire le nombre d’élèves sans solution à la rentrée",
    "- Taux de réussite au DNB : 80 % en 2024 → 90 % en 2027-2028",
]
TYPED_AXES = ["Partenariats à approfondir : ouvrir le lycée aux entreprises.", "Mieux informer les familles."]
# (category, [(ticked, label), …] by line): in the "breaks" style the items of one tuple share a line.
TYPED_CHECKLIST = [
    (
        "Acteurs de la communauté éducative",
        [
            [(True, "Professeurs Principaux"), (False, "Professeurs")],
            [(True, "PsyEN"), (True, "Autre : Infirmière scolaire")],
        ],
    ),
    ("Partenariats", [[(True, "Mission locale"), (False, "Pôle emploi")]]),
]
TYPED_ROWS = [
    [
        "Connaître les formations du bassin",
        "Atelier CV\nLes professeurs principaux animent deux séances.\nBilan en conseil pédagogique.",
        "Mission locale\nEntreprise du bassin",
        "Les élèves savent présenter leur projet.\nIndicateurs : nombre de CV rédigés",
    ]
]


def _lines_into(container, lines, *, breaks, first_paragraph=None):
    """Writes `lines` into a cell (or the body): one paragraph each, or one paragraph with line breaks."""
    if breaks:
        paragraph = first_paragraph if first_paragraph is not None else container.add_paragraph()
        for index, line in enumerate(lines):
            if index:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
        return
    for index, line in enumerate(lines):
        paragraph = first_paragraph if index == 0 and first_paragraph is not None else container.add_paragraph()
        paragraph.add_run(line)


def _tick(ticked, label, tick):
    if label.startswith("Autre") and not ticked:
        return label
    return f"{tick if ticked else '☐'} {label}"


def typed_docx(*, breaks=False, tick="☒", uai="0141234A", year="2026-2027") -> bytes:
    doc = Document()
    header = [TYPED_HEADER[0], f"UAI : {uai}" if uai else "", f"Année : {year}" if year else ""]
    if breaks:
        paragraph = doc.add_paragraph()
        for index, part in enumerate(header):
            if index:
                paragraph.add_run().add_tab()
            paragraph.add_run(part)
    else:
        for part in header:
            doc.add_paragraph(part)
    doc.add_paragraph("Plan Pluriannuel d’Orientation")
    for title, lines in (
        ("OBJECTIFS CIBLES par l’établissement dans le cadre du PPO", TYPED_OBJECTIFS),
        ("AXES D’AMELIORATION pour approfondir l’accompagnement à l’orientation et points de vigilance", TYPED_AXES),
    ):
        table = doc.add_table(rows=2, cols=1)
        table.rows[0].cells[0].text = title
        cell = table.rows[1].cells[0]
        _lines_into(cell, lines, breaks=breaks, first_paragraph=cell.paragraphs[0])
        doc.add_paragraph()  # Word always keeps a paragraph between two tables (LibreOffice merges them otherwise)
    table = doc.add_table(rows=1 + len(TYPED_CHECKLIST), cols=2)
    table.rows[0].cells[0].text = "Ressources à mobiliser pour mettre en œuvre le PPO"
    for row, (category, item_lines) in zip(table.rows[1:], TYPED_CHECKLIST, strict=True):
        row.cells[0].text = category
        cell = row.cells[1]
        if breaks:  # several boxes on one line, separated by a tab (first line) or spaces (the others)
            lines = [
                ("\t" if number == 0 else "  ").join(_tick(t, label, tick) for t, label in items)
                for number, items in enumerate(item_lines)
            ]
            paragraph = cell.paragraphs[0]
            for index, line in enumerate(lines):
                if index:
                    paragraph.add_run().add_break()
                for part_index, part in enumerate(line.split("\t")):
                    if part_index:
                        paragraph.add_run().add_tab()
                    paragraph.add_run(part)
        else:
            lines = [_tick(t, label, tick) for items in item_lines for t, label in items]
            _lines_into(cell, lines, breaks=False, first_paragraph=cell.paragraphs[0])
    doc.add_paragraph()
    table = doc.add_table(rows=0, cols=4)
    row = table.add_row()
    row.cells[0].merge(row.cells[3]).text = f"Objectif 1 - Bac pro : {AXES[0]}"
    for cell, text in zip(
        table.add_row().cells,
        ["Déclinaison en objectifs opérationnels", "Mise en œuvre envisagée", "Partenaires", "Suivi et évaluation"],
        strict=True,
    ):
        cell.text = text
    row = table.add_row()
    row.cells[0].merge(row.cells[3]).text = "En seconde professionnelle"
    for values in TYPED_ROWS:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            _lines_into(cell, value.split("\n"), breaks=breaks, first_paragraph=cell.paragraphs[0])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _rewrite_document_xml(data: bytes, edit) -> bytes:
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(part)
                edit(root)
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            archive.writestr(info, part)
    return buffer.getvalue()


def _w(tag):
    return qn(f"w:{tag}")


def _word_checkbox(checked: bool):
    """A content-control check box as Word 2010+ writes it: the state in w14, the glyph in MS Gothic."""
    from lxml import etree

    sdt = etree.Element(_w("sdt"))
    pr = etree.SubElement(sdt, _w("sdtPr"))
    etree.SubElement(pr, _w("id")).set(_w("val"), "-1287000001")
    box = etree.SubElement(pr, f"{{{W14}}}checkbox")
    etree.SubElement(box, f"{{{W14}}}checked").set(f"{{{W14}}}val", "1" if checked else "0")
    for name, value in (("checkedState", "2612"), ("uncheckedState", "2610")):
        state = etree.SubElement(box, f"{{{W14}}}{name}")
        state.set(f"{{{W14}}}val", value)
        state.set(f"{{{W14}}}font", "MS Gothic")
    content = etree.SubElement(sdt, _w("sdtContent"))
    run = etree.SubElement(content, _w("r"))
    fonts = etree.SubElement(etree.SubElement(run, _w("rPr")), _w("rFonts"))
    for attr in ("ascii", "eastAsia", "hAnsi"):
        fonts.set(_w(attr), "MS Gothic")
    fonts.set(_w("hint"), "eastAsia")
    etree.SubElement(run, _w("t")).text = "☒" if checked else "☐"
    return sdt


def _as_word_writes_it(root):
    from lxml import etree

    body = root.find(_w("body"))
    # The header on one line, its parts separated by tabs.
    head = body.findall(_w("p"))[: len(TYPED_HEADER)]
    for paragraph in head[1:]:
        tab_run = etree.SubElement(head[0], _w("r"))
        etree.SubElement(tab_run, _w("tab"))
        for run in paragraph.findall(_w("r")):
            head[0].append(run)
        body.remove(paragraph)
    # Typed boxes become content controls, and the paragraphs of each cell one paragraph with <w:br/>.
    for text in list(root.iter(_w("t"))):
        value = text.text or ""
        if value[:2] in ("☒ ", "☐ "):
            run = text.getparent()
            run.addprevious(_word_checkbox(value[0] == "☒"))
            text.text = value[1:]
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for cell in root.iter(_w("tc")):
        paragraphs = cell.findall(_w("p"))
        first = paragraphs[0]
        for paragraph in paragraphs[1:]:
            runs = [child for child in paragraph if child.tag != _w("pPr")]
            if runs:
                last_run = first.findall(_w("r"))[-1] if first.findall(_w("r")) else etree.SubElement(first, _w("r"))
                etree.SubElement(last_run, _w("br"))
                for child in runs:
                    first.append(child)
            cell.remove(paragraph)


def word_xml_docx(*, tick="☒") -> bytes:
    """The one-paragraph-per-line file, its XML edited the way Word writes manual breaks and check boxes."""
    return _rewrite_document_xml(typed_docx(breaks=False, tick=tick), _as_word_writes_it)


def libreoffice_docx(data: bytes, workdir) -> bytes | None:
    """`data` opened and saved again as .docx by LibreOffice; None where LibreOffice is not installed."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    source = workdir / "source.docx"
    source.write_bytes(data)
    out = workdir / "out"
    profile = workdir / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (out / "source.docx").read_bytes()
