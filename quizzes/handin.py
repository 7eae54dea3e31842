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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection

import questiontypes

from . import grading
from .models import Attempt, AttemptQuestion, GradeState

logger = logging.getLogger(__name__)

_AQ = AttemptQuestion._meta.db_table
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


def grade_running(*, attempt_id: int, policy: grading.Policy) -> dict[int, Graded]:
    """Every question of the attempt graded, by pk; empty when the attempt no longer runs."""
    rows = AttemptQuestion.objects.filter(
        attempt_id=attempt_id, attempt__status=Attempt.Status.IN_PROGRESS
    ).values_list(*_COLUMNS)
    return {row[0]: grade_row(row, policy) for row in rows}


def grade_pks(*, pks: Iterable[int], policy: grading.Policy) -> list[Graded]:
    """These questions read afresh and graded: answers saved while the first pass graded."""
    return [
        grade_row(row, policy)
        for row in AttemptQuestion.objects.filter(pk__in=list(pks)).values_list(*_COLUMNS)
    ]


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


def store(grades: Sequence[Graded]) -> None:
    """Every grade in one UPDATE … FROM a list of values (PostgreSQL; SQLite ≥ 3.33). Runs
    holding the write lock (on SQLite the whole database's): one statement, not one per grade."""
    if not grades:
        return
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 33):
        _store_each(grades)  # UPDATE … FROM came with SQLite 3.33 (Django 5.2 runs on 3.31)
        return
    pg = connection.vendor == "postgresql"
    # PostgreSQL types a VALUES list from its rows, and a column of NULLs would come out text.
    row = (
        "(%s::bigint, %s::varchar, %s::numeric, %s::numeric, %s::varchar, %s::varchar)"
        if pg
        else "(%s, %s, %s, %s, %s, %s)"
    )
    params: list[Any] = []
    for g in grades:
        params += [g.pk, g.state, g.score, g.suggested_score, g.key_letters, g.chosen_letters]
    values = ", ".join([row] * len(grades))
    sql = (
        f"WITH v(id, state, score, suggested, key_letters, chosen) AS (VALUES {values})"
        f" UPDATE {_AQ} SET state = v.state, score = v.score, suggested_score = v.suggested,"
        f" key_letters = v.key_letters, chosen_letters = v.chosen FROM v WHERE {_AQ}.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _store_each(grades: Sequence[Graded]) -> None:
    """Older SQLite: one prepared UPDATE run once per question (executemany, no round trips)."""
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {_AQ} SET state = %s, score = %s, suggested_score = %s, key_letters = %s,"
            " chosen_letters = %s WHERE id = %s",
            [(g.state, g.score, g.suggested_score, g.key_letters, g.chosen_letters, g.pk) for g in grades],
        )
