"""The lines of a Word paragraph, however they were typed.

Schools separate the lines of a cell or of a checklist with paragraphs, but just as often with manual line breaks
(Shift+Enter, `<w:br/>` inside one paragraph), with tabs, or by putting several ticked boxes on one line. Every
place the reader looks at lines goes through `paragraph_lines`, so that all these forms give the same lines.

A tick carried by the XML (a Wingdings symbol, a form-field or content-control check box, a glyph typed in a
Wingdings font) becomes a textual mark ☒ / ☐ at its place in the line, so `ticks.split_mark` reads every form the
same way. A line also says whether its text was highlighted (or shaded) or bold, the other ways a box is "ticked".
"""

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TICKED, UNTICKED = "☒", "☐"
BOX_GLYPHS = "☒☑✓✔✗✘■▣☐□▢◻"
# Wingdings / Wingdings 2 code points of boxes (last two hex digits of w:char, or the character typed in the font).
TICKED_SYMBOLS = {"FE", "FD", "FC", "FB", "78", "52", "53", "54", "4F", "50"}
UNTICKED_SYMBOLS = {"A8", "6F", "71", "A3", "A1", "30", "2A"}
_SKIPPED = {qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"), qn("w:sdtPr"), f"{{{MC}}}AlternateContent"}
_CONTAINERS = {
    qn("w:hyperlink"),
    qn("w:ins"),
    qn("w:moveTo"),
    qn("w:smartTag"),
    qn("w:customXml"),
    qn("w:fldSimple"),
    qn("w:sdtContent"),
}
_GLYPH_SPLIT = re.compile(f"([{BOX_GLYPHS}])")
_MARK_START = re.compile(r"^\s*(?:\[\s*[xX]?\s*\]|\(\s*[xX]?\s*\)|[xX](?=[\s:])|[" + BOX_GLYPHS + "])")
# Inside a checklist line: the start of another ticked item, or « Autre : » after an item.
_NEXT_ITEM = re.compile(
    r"\s+(?=\[\s*[xX]?\s*\]|\(\s*[xX]?\s*\)\s|[xX]\s+\S|[" + BOX_GLYPHS + r"]|autre\s*:)", re.IGNORECASE
)


def label_of(text: str) -> str:
    """The text without its leading box mark, if any."""
    match = _MARK_START.match(text + " ")
    return (text + " ")[match.end() :].strip() if match else text.strip()


@dataclass(frozen=True)
class Line:
    text: str
    highlighted: bool = False  # highlighted or shaded text: a way of ticking a box by hand
    bold: bool = False  # every word of the line in bold (a tick only when the checklist is not all bold)


def _on(element) -> bool:
    return element is not None and element.get(qn("w:val"), "true").lower() not in ("0", "false", "off", "none")


def _run_style(run) -> tuple[bool, bool, str]:
    props = run.find(qn("w:rPr"))
    if props is None:
        return False, False, ""
    highlight = props.find(qn("w:highlight"))
    shade = props.find(qn("w:shd"))
    highlighted = _on(highlight) or (
        shade is not None and (shade.get(qn("w:fill")) or "auto").upper() not in ("AUTO", "FFFFFF")
    )
    fonts = props.find(qn("w:rFonts"))
    font = " ".join(v for v in fonts.attrib.values()) if fonts is not None else ""
    return highlighted, _on(props.find(qn("w:b"))), font


def _symbol_mark(code: str) -> str | None:
    code = code.upper()[-2:]
    if code in TICKED_SYMBOLS:
        return TICKED
    if code in UNTICKED_SYMBOLS:
        return UNTICKED
    return None


def _checkbox_mark(box) -> str:
    checked = box.find(qn("w:checked"))
    if checked is not None:
        return TICKED if _on(checked) else UNTICKED
    default = box.find(qn("w:default"))
    return TICKED if default is not None and _on(default) else UNTICKED


class _Builder:
    """Collects pieces (text, highlighted, bold) into lines, cutting at breaks, tabs and a second box."""

    def __init__(self):
        self.lines: list[list[tuple[str, bool, bool]]] = [[]]

    def text(self, value: str, highlighted=False, bold=False):
        for piece in _GLYPH_SPLIT.split(value):
            if piece in BOX_GLYPHS and piece and self._has_label():
                self.cut()
            if piece:
                self.lines[-1].append((piece, highlighted, bold))

    def _current(self) -> str:
        return "".join(piece for piece, _, _ in self.lines[-1])

    def _has_label(self) -> bool:
        """The line holds more than a box mark: a new box starts a new item."""
        return bool(label_of(self._current()).strip())

    def tab(self):
        current = self._current().strip()
        # A tab after a label (« Qui :\t… ») or a box (« ☒\tCPE ») is a space; elsewhere it separates two lines.
        if not current or current.endswith(":") or not label_of(current).strip():
            self.lines[-1].append((" ", False, False))
        else:
            self.cut()

    def cut(self):
        if self.lines[-1]:
            self.lines.append([])

    def result(self) -> list[Line]:
        lines = []
        for pieces in self.lines:
            text = re.sub(r"[ \t\u00a0]+", " ", "".join(p for p, _, _ in pieces)).strip()
            if not text:
                continue
            worded = [(h, b) for p, h, b in pieces if p.strip() and p.strip() not in BOX_GLYPHS]
            lines.append(
                Line(
                    text,
                    highlighted=any(h for h, _ in worded),
                    bold=bool(worded) and all(b for _, b in worded),
                )
            )
        return lines


def _walk(element, builder: _Builder, *, skip_glyphs=False) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == qn("w:r"):
            _run(child, builder, skip_glyphs=skip_glyphs)
        elif tag == qn("w:sdt"):
            box = child.find(f"{qn('w:sdtPr')}/{{{W14}}}checkbox")
            content = child.find(qn("w:sdtContent"))
            if box is not None:
                checked = box.find(f"{{{W14}}}checked")
                builder.text(
                    TICKED if checked is not None and checked.get(f"{{{W14}}}val") in ("1", "true") else UNTICKED
                )
            if content is not None:
                _walk(content, builder, skip_glyphs=box is not None)
        elif tag in _CONTAINERS:
            _walk(child, builder, skip_glyphs=skip_glyphs)


def _run(run, builder: _Builder, *, skip_glyphs: bool) -> None:
    highlighted, bold, font = _run_style(run)
    symbol_font = any(name in font.lower() for name in ("wingdings", "webdings", "symbol"))
    for child in run:
        tag = child.tag
        if tag == qn("w:t"):
            value = child.text or ""
            if skip_glyphs and value.strip() and all(c in BOX_GLYPHS or c.isspace() for c in value):
                continue  # the glyph Word shows for a content-control box, already read from the control
            if symbol_font and len(value.strip()) == 1:
                # A character typed in a symbol font is a dingbat: a box (kept as ☒ / ☐) or a bullet (dropped).
                mark = _symbol_mark(f"{ord(value.strip()):02X}")
                if mark:
                    builder.text(mark)
                continue
            builder.text(value, highlighted, bold)
        elif tag == qn("w:tab") or tag == qn("w:ptab"):
            builder.tab()
        elif tag in (qn("w:br"), qn("w:cr")):
            builder.cut()
        elif tag == qn("w:sym"):
            mark = _symbol_mark(child.get(qn("w:char")) or "")
            if mark:
                builder.text(mark)
        elif tag == qn("w:fldChar"):
            box = child.find(f"{qn('w:ffData')}/{qn('w:checkBox')}")
            if box is not None:
                builder.text(_checkbox_mark(box))
        elif tag == qn("w:noBreakHyphen"):
            builder.text("-", highlighted, bold)


def paragraph_lines(p_element) -> list[Line]:
    """The lines of one `w:p` (or of any element holding runs, such as a table row's paragraphs)."""
    builder = _Builder()
    paragraphs = [p_element] if p_element.tag == qn("w:p") else list(p_element.iter(qn("w:p")))
    for paragraph in paragraphs:
        _walk(paragraph, builder)
        builder.cut()
    return builder.result()


def text_lines(text: str) -> list[Line]:
    """Plain text (already read) cut the same way: line breaks and tabs."""
    builder = _Builder()
    for number, part in enumerate(text.split("\n")):
        if number:
            builder.cut()
        for index, chunk in enumerate(part.split("\t")):
            if index:
                builder.tab()
            builder.text(chunk)
    return builder.result()


def checklist_items(line: Line) -> list[Line]:
    """One checklist line that holds several items (« ☒ CPE X PsyEN Autre : infirmière ») → one line per item.
    Only a line that starts with a box is cut on « X » and « Autre : », so that a label is never cut in two."""
    if not _MARK_START.match(line.text + " "):
        return [line]
    items: list[str] = []
    for part in (p.strip() for p in _NEXT_ITEM.split(line.text)):
        if items and not label_of(items[-1]):
            items[-1] = f"{items[-1]} {part}"  # « ☒ » then « Autre : … »: one item
        elif part:
            items.append(part)
    return [Line(item, line.highlighted, line.bold) for item in items]
