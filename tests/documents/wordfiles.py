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
