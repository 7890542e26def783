"""A median aggregate for the database: `percentile_cont` on PostgreSQL, a registered aggregate on SQLite."""

import statistics

from django.db.models import Aggregate, FloatField

SQLITE_NAME = "ppo_median"


class Median(Aggregate):
    """The median of the values of each group (NULL without values)."""

    function = SQLITE_NAME
    name = "Median"
    output_field = FloatField()
    allow_distinct = False

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="percentile_cont",
            template="%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)",
            **extra_context,
        )


class _SqliteMedian:
    """The aggregate SQLite calls for `ppo_median` (SQLite has no median of its own)."""

    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(float(value))

    def finalize(self):
        return statistics.median(self.values) if self.values else None


def register_sqlite_median(sender, connection, **kwargs):
    """`connection_created` receiver: makes `ppo_median` available on every SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_NAME, 1, _SqliteMedian)
