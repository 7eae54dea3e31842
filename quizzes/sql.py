"""SQL functions Django does not provide, for the engines the project runs on (SQLite, PostgreSQL)."""

from __future__ import annotations

from typing import Any

from django.db.models import Func, IntegerField


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
