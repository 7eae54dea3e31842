"""A hand-in's reads and writes as plain rows: the attempt's questions read as values, graded in
Python, and every grade written back in one statement.

At the deadline hundreds of trainees hand in within seconds. As model instances a submit of 100
questions cost ~30 ms of CPU (100 AttemptQuestion and 100 Attempt instances built, then one
UPDATE per distinct grade — a dozen or more, since the chosen letters differ — and three for the
错题本); here ~a third of it. quizzes.services decides when and under which lock; this module
only reads, grades and writes.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db import connection
from django.db.models import Field

import questiontypes
from config import rows as config_rows

from . import grading
from .models import Attempt, AttemptQuestion, GradeState

logger = logging.getLogger(__name__)

_AQ = AttemptQuestion._meta.db_table
_ATTEMPT = Attempt._meta.db_table
_RUNNING = Attempt.Status.IN_PROGRESS.value
# What grading reads of a frozen question: never its texts, pictures or explanation.
_COLUMNS = ("pk", "type", "key", "response", "option_order", "points", "revision", "question_id")


@dataclass(frozen=True)
class Graded:
    """One frozen question's grade, as written back (and what the total and 错题本 need)."""

    pk: int
    question_id: int | None
    revision: int
    points: Decimal
    state: str
    score: Decimal | None
    suggested_score: Decimal | None
    key_letters: str
    chosen_letters: str

    def written(self) -> tuple[Any, ...]:
        """What store() writes, in the order of _V."""
        return (self.pk, self.revision, self.state, self.score, self.suggested_score, self.key_letters,
                self.chosen_letters)  # fmt: skip


def grade_running(*, attempt_id: int, policy: grading.Policy) -> dict[int, Graded]:
    """Every question of the attempt graded, by pk; empty when the attempt no longer runs."""
    rows = config_rows.values(
        AttemptQuestion,
        _COLUMNS,
        f"attempt_id = %s AND EXISTS (SELECT 1 FROM {_ATTEMPT} WHERE id = %s AND status = %s)",
        [attempt_id, attempt_id, _RUNNING],
    )
    return {row[0]: grade_row(row, policy) for row in rows}


def grade_stale(*, attempt_id: int, graded: dict[int, Graded], policy: grading.Policy) -> list[Graded]:
    """Inside the lock, after store() wrote fewer rows than `graded` holds: the questions saved
    since they were graded (their revision moved on), read afresh, graded and returned."""
    revisions = config_rows.values(AttemptQuestion, ("pk", "revision"), "attempt_id = %s", [attempt_id])
    stale = [pk for pk, revision in revisions if pk not in graded or graded[pk].revision != revision]
    if not stale:
        return []
    rows = AttemptQuestion.objects.filter(pk__in=stale).values_list(*_COLUMNS)
    return [grade_row(row, policy) for row in rows]


def lock(*, attempt_id: int) -> Attempt | None:
    """The attempt, read afresh and row-locked until the transaction ends (PostgreSQL; on SQLite
    the transaction already holds the database's write lock)."""
    suffix = "FOR UPDATE" if connection.features.has_select_for_update else ""
    return cast(Attempt | None, config_rows.instance(Attempt, "id = %s", [attempt_id], suffix=suffix))


def close(*, attempt: Attempt) -> None:
    """Write the closed attempt's fields (status, times, total) back in one plain UPDATE."""
    fields = [cast(Field[Any, Any], Attempt._meta.get_field(name)) for name in SUBMITTED_FIELDS]
    assignments = ", ".join(f"{f.column} = %s" for f in fields)
    params = [f.get_db_prep_save(getattr(attempt, f.attname), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {_ATTEMPT} SET {assignments} WHERE id = %s", [*params, attempt.pk])


SUBMITTED_FIELDS = ("status", "submitted_at", "auto_submitted", "score", "pending_grading", "passed")


def grade_row(row: Sequence[Any], policy: grading.Policy) -> Graded:
    pk, qtype_code, key, response, order, points, revision, question_id = row
    qtype = questiontypes.get(str(qtype_code))
    order = order or []
    letters = (qtype.bank_letters(key, order), qtype.bank_letters(response, order))
    base = (int(pk), question_id, int(revision), points)
    try:
        result = grading.grade(str(qtype_code), key, response, policy)
    except ValueError:
        # A key that does not fit its type (it got past the bank's checks somehow): a trainer
        # marks this one by hand rather than the whole submit failing.
        logger.exception("attempt question %s has an ungradable key", pk)
        return Graded(*base, GradeState.PENDING, None, Decimal("0"), *letters)
    scored = grading.points_for(result, points)
    if result.state == GradeState.PENDING:
        return Graded(*base, result.state, None, scored, *letters)
    return Graded(*base, result.state, scored, None, *letters)


def store(grades: Sequence[Graded]) -> int:
    """Every grade in one UPDATE … FROM a list of values (PostgreSQL: arrays, unnested; SQLite ≥
    3.33: a VALUES list), each only where the question's revision is still the one graded.
    Returns the rows written: fewer than `grades` when an answer was saved since. Runs holding
    the write lock (on SQLite the whole database's): one statement, not one per grade."""
    if not grades:
        return 0
    if connection.vendor == "postgresql":
        return _store_arrays(grades)
    if sqlite3.sqlite_version_info < (3, 33):
        return _store_each(grades)  # UPDATE … FROM came with SQLite 3.33 (Django 5.2 runs on 3.31)
    params = [value for g in grades for value in g.written()]
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(grades))
    # A subquery naming VALUES' columns, not WITH: Python's sqlite3 gives no row count for a
    # statement that does not begin with UPDATE.
    names = ", ".join(f"column{i} AS {name}" for i, name in enumerate(_V, start=1))
    sql = _update(f"(SELECT {names} FROM (VALUES {values})) AS v")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)


_V = ("id", "revision", "state", "score", "suggested", "key_letters", "chosen")


def _update(source: str) -> str:
    """The grades' UPDATE from `source`, a relation v of the columns _V."""
    return (
        f"UPDATE {_AQ} SET state = v.state, score = v.score, suggested_score = v.suggested,"
        f" key_letters = v.key_letters, chosen_letters = v.chosen"
        f" FROM {source} WHERE {_AQ}.id = v.id AND {_AQ}.revision = v.revision"
    )


_UNNEST = _update(
    "unnest(%s::bigint[], %s::integer[], %s::varchar[], %s::numeric[], %s::numeric[], %s::varchar[],"
    f" %s::varchar[]) AS v({', '.join(_V)})"
)


def _store_arrays(grades: Sequence[Graded]) -> int:
    """PostgreSQL: seven array parameters, one per column, unnested into rows. A VALUES list of
    700 parameters cost ~2 ms of psycopg's Python (a statement too long for its cache, split
    and each value adapted) and the server ~1 ms more to parse; a short statement is cached."""
    with connection.cursor() as cursor:
        cursor.execute(_UNNEST, [list(column) for column in zip(*(g.written() for g in grades), strict=True)])
        return int(cursor.rowcount)


def _store_each(grades: Sequence[Graded]) -> int:
    """Older SQLite: one prepared UPDATE run once per question (executemany, no round trips)."""
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {_AQ} SET state = %s, score = %s, suggested_score = %s, key_letters = %s,"
            " chosen_letters = %s WHERE id = %s AND revision = %s",
            [
                (g.state, g.score, g.suggested_score, g.key_letters, g.chosen_letters, g.pk, g.revision)
                for g in grades
            ],
        )
        return int(cursor.rowcount)
