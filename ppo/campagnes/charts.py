"""Horizontal bar charts drawn in SVG by the template; each chart sits above the table that says the same."""

from ppo.campagnes.analysis import Table

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
