"""Is a checklist line ticked? Real files tick boxes in many ways; this reads the ones seen in the wild.

- a leading character: ☒ ☑ ✓ ✔ ✗ ✘ ■ or « X » / « x » / « [x] » (ticked), ☐ □ « [ ] » (not ticked);
- a Wingdings symbol (`w:sym`, as the official template does), a legacy form-field check box
  (`w:ffData/w:checkBox`) or a content-control check box (`w14:checkbox`): `lines` turns them into ☒ / ☐;
- a highlighted or shaded label (« surligné » by hand), or a bold label in a checklist that is not all bold.
"""

import re

from ppo.documents.importer.lines import Line

TICKED_MARKS = "☒☑✓✔✗✘■▣"
UNTICKED_MARKS = "☐□▢◻"
_LEADING = re.compile(
    r"^\s*(\[\s*[xX]\s*\]|\(\s*[xX]\s*\)|[xX](?=[\s:])|\[\s*\]|\(\s*\)|[" + TICKED_MARKS + UNTICKED_MARKS + r"])\s*"
)


def split_mark(text: str) -> tuple[bool | None, str]:
    """(True/False if a textual mark says so, None otherwise; the text without its mark)."""
    match = _LEADING.match(text)
    if not match:
        return None, text.strip()
    mark = match.group(1).replace(" ", "")
    rest = text[match.end() :].strip()
    ticked = mark not in UNTICKED_MARKS and mark not in ("[]", "()")
    return ticked, rest


def read_tick(line: Line) -> tuple[bool | None, str]:
    """(True ticked / False not ticked / None « only bold », which the checklist decides; the label)."""
    mark, rest = split_mark(line.text)
    if mark is not None:
        return mark, rest
    if line.highlighted:
        return True, rest
    return (None if line.bold else False), rest
