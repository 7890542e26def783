"""Horizontal bar charts drawn in SVG by the template; each chart sits above the table that says the same."""

from ppo.pilotage.analysis import Table

ROW = 24
WIDTH = 360


def bars(table: Table, *, column: int = 1, skip_total: bool = False) -> dict:
    rows = table.rows[:-1] if skip_total else table.rows
    values = [(row[0].text, row[column].value or 0) for row in rows]
    top = max((v for _, v in values), default=0)
    return {
        "code": table.code,
        "title": f"{table.caption} ({table.columns[column].lower()}) ; le tableau qui suit donne les mêmes valeurs.",
        "height": ROW * len(values),
        "bars": [
            {"label": label, "n": n, "y": ROW * i, "width": round(WIDTH * n / top) if top else 0}
            for i, (label, n) in enumerate(values)
        ],
    }


def paired_bars(table: Table, *, first: int, second: int) -> dict:
    """Two bars a row (solid, then outlined) with their values written: e.g. hours planned and reference."""
    values = [(row[0].text, row[first].value, row[second].value) for row in table.rows]
    top = max((float(v) for _, a, b in values for v in (a, b) if v is not None), default=0)

    def width(v):
        return round(WIDTH * float(v) / top) if top and v is not None else 0

    return {
        "code": table.code,
        "title": f"{table.caption} ; le tableau qui suit donne les mêmes valeurs.",
        "first_label": table.columns[first],
        "second_label": table.columns[second],
        "height": 2 * ROW * len(values),
        "rows": [
            {
                "label": label,
                "y": 2 * ROW * i,
                "a": "—" if a is None else a,
                "b": "—" if b is None else b,
                "wa": width(a),
                "wb": width(b),
            }
            for i, (label, a, b) in enumerate(values)
        ],
    }
