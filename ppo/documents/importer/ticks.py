"""Is a checklist line ticked? Real files tick boxes in many ways; this reads the ones seen in the wild.

- a leading character: ☒ ☑ ✓ ✔ ✗ ✘ ■ or « X » / « [x] » (ticked), ☐ □ « [ ] » (not ticked);
- a Wingdings symbol (`w:sym`), as the official template does;
- a legacy form-field check box (`w:ffData/w:checkBox`) or a content-control check box (`w14:checkbox`);
- a highlighted or shaded run (the label « surligné » by hand).
"""

import re

from docx.oxml.ns import qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
TICKED_MARKS = "☒☑✓✔✗✘■▣"
UNTICKED_MARKS = "☐□▢◻"
_LEADING = re.compile(
    r"^\s*(\[\s*[xX]\s*\]|\(\s*[xX]\s*\)|[xX](?=[\s:])|\[\s*\]|\(\s*\)|[" + TICKED_MARKS + UNTICKED_MARKS + r"])\s*"
)
# Wingdings / Wingdings 2 code points of boxes (last two hex digits of w:char).
TICKED_SYMBOLS = {"FE", "FD", "FC", "FB", "78", "52", "53", "54", "4F", "50"}
UNTICKED_SYMBOLS = {"A8", "6F", "71", "A3", "A1", "30", "2A"}


def split_mark(text: str) -> tuple[bool | None, str]:
    """(True/False if a textual mark says so, None otherwise; the text without its mark)."""
    match = _LEADING.match(text)
    if not match:
        return None, text.strip()
    mark = match.group(1).replace(" ", "")
    rest = text[match.end() :].strip()
    ticked = mark not in UNTICKED_MARKS and mark not in ("[]", "()")
    return ticked, rest


def xml_tick(p_element) -> bool | None:
    """The tick state carried by the paragraph's XML (symbols, check boxes, highlighting), if any."""
    for sym in p_element.iter(qn("w:sym")):
        code = (sym.get(qn("w:char")) or "").upper()[-2:]
        if code in TICKED_SYMBOLS:
            return True
        if code in UNTICKED_SYMBOLS:
            return False
    for box in p_element.iter(qn("w:checkBox")):
        checked = box.find(qn("w:checked"))
        if checked is not None:
            return checked.get(qn("w:val"), "1") not in ("0", "false")
        default = box.find(qn("w:default"))
        return default is not None and default.get(qn("w:val")) in ("1", "true")
    for checked in p_element.iter(f"{{{W14}}}checked"):
        return checked.get(f"{{{W14}}}val") in ("1", "true")
    for run_props in p_element.iter(qn("w:rPr")):
        highlight = run_props.find(qn("w:highlight"))
        if highlight is not None and highlight.get(qn("w:val")) not in (None, "none"):
            return True
        shade = run_props.find(qn("w:shd"))
        if shade is not None and (shade.get(qn("w:fill")) or "auto").upper() not in ("AUTO", "FFFFFF"):
            return True
    return None


def read_tick(text: str, p_element) -> tuple[bool, str]:
    mark, rest = split_mark(text)
    if mark is not None:
        return mark, rest
    return bool(xml_tick(p_element)), rest
