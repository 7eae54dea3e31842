"""SQL functions Django does not provide, for the engines the project runs on (SQLite, PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Func, IntegerField
from django.db.models.expressions import RawSQL


class SecondsBetween(Func):
    """Whole seconds from the first datetime to the second, computed in the database, so that
    times can be grouped there. Django's own datetime subtraction is a Python function called
    per row on SQLite."""

    arity = 2
    output_field = IntegerField()
    # PostgreSQL (and the fallback): the interval's length in seconds.
    template = "CAST(ROUND(EXTRACT(EPOCH FROM (%(expressions)s))) AS INTEGER)"
    arg_joiner = " - "

    def __init__(self, start: Any, end: Any) -> None:
        super().__init__(end, start)  # end − start

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # julianday() reads the stored 'YYYY-MM-DD HH:MM:SS.ffffff' text; days × 86400 = seconds.
        return self.as_sql(
            compiler,
            connection,
            template="CAST(ROUND((julianday(%(expressions)s)) * 86400) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )


def id_list(ids: Sequence[int]) -> RawSQL:
    """`ids` as one bound parameter, for `pk__in=`: Django binds an IN list value by value
    (~5 µs of Python each), which for a draw's few hundred proposed ids per rule cost more
    than the query. SQLite reads a JSON array, PostgreSQL an array."""
    values = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (values,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(values),))
