"""Two-step aggregates for the dashboard: count per school first, then per key (see ADR 007).

`COUNT(DISTINCT school)` over the join of actions and their levels sorts tens of thousands of rows (on disk with
PostgreSQL's default `work_mem`). Grouping first by (school, key) in a subquery built with the ORM, then counting
the groups per key, hashes instead of sorting. Django has no derived tables, so the outer query is written here
around the SQL of the inner queryset; its parameters stay bound (no value is ever formatted into the SQL).
"""

from decimal import Decimal

from django.db import connection

SCHOOL = "g_school"


def regroup(inner, *, keys: list[str], sums: list[str]) -> list[dict]:
    """Rows of `inner` (a `.values(...).annotate(...)` queryset grouped by `SCHOOL` and `keys`) regrouped by `keys`:
    each row holds the keys, `schools` (distinct schools) and the sum of each column of `sums`."""
    sql, params = inner.query.sql_with_params()
    columns = [*keys, f"COUNT(DISTINCT {SCHOOL}) AS schools", *(f"SUM({s}) AS {s}" for s in sums)]
    group_by = f" GROUP BY {', '.join(keys)}" if keys else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM ({sql}) per_school{group_by}", params)
        names = [c[0] for c in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        for s in sums:
            row[s] = _number(row[s])
    return rows


def _number(value):
    """SQLite returns sums of decimals as floats or integers: give back a Decimal (or an int for counts)."""
    if value is None or isinstance(value, int | Decimal):
        return value if value is not None else 0
    return Decimal(str(value))
