"""The autosave's two statements, written out in SQL.

Every trainee saves every few seconds, and on SQLite each save holds the database's one write
lock. Built by the ORM, these two statements cost ~1.8 ms of Python per save (filters built,
compiled, rows turned into models); as SQL ~0.2 ms, with the same conditions. quizzes.services
decides what is saved; this module only reads the question and writes the answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection

from .models import Attempt, AttemptQuestion

_AQ = AttemptQuestion._meta.db_table
_ATTEMPT = Attempt._meta.db_table
_RESPONSE = AttemptQuestion._meta.get_field("response")
_RUNNING = Attempt.Status.IN_PROGRESS.value


@dataclass(frozen=True)
class Slot:
    """One question of a running exam, as much as a save needs."""

    pk: int
    type: str
    option_count: int
    revision: int
    running: bool  # the attempt is in progress
    in_time: bool  # its deadline, with the grace, is not past


def read(*, attempt_id: int, position: int, user_id: int | None, not_before: datetime) -> Slot | None:
    """The question at `position` of the attempt (of `user_id`'s attempts only, given one), with
    whether its attempt runs and its deadline is at or after `not_before` (now less the grace)."""
    sql = (
        f"SELECT aq.id, aq.type, aq.options, aq.revision, a.status = %s, a.deadline >= %s"
        f" FROM {_AQ} aq INNER JOIN {_ATTEMPT} a ON a.id = aq.attempt_id"
        f" WHERE aq.attempt_id = %s AND aq.position = %s"
    )
    params: list[Any] = [_RUNNING, _datetime(not_before), attempt_id, position]
    if user_id is not None:
        sql += " AND a.user_id = %s"
        params.append(user_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    pk, qtype, options, revision, running, in_time = row
    options = json.loads(options) if isinstance(options, str) else options
    return Slot(pk, qtype, len(options or []), revision, bool(running), bool(in_time))


def write(*, slot: Slot, attempt_id: int, response: object, flagged: bool | None, now: datetime,
          not_before: datetime) -> bool:  # fmt: skip
    """Store the answer if its attempt still runs in time and nobody saved this question since
    `slot` was read (compare-and-set on the revision). False when nothing was written.

    One statement in autocommit. SQLite: atomic under the database's write lock, which a submit
    holds for its whole transaction, so a save lands wholly before a submit (and is graded) or
    after it (and is refused). PostgreSQL: the check row-locks the attempt, as the submit's
    SELECT … FOR UPDATE does; a save waits for a submit under way and then finds it closed."""
    lock = " FOR NO KEY UPDATE" if connection.vendor == "postgresql" else ""
    sql = (
        f"UPDATE {_AQ} SET response = %s, flagged = COALESCE(%s, flagged), saved_at = %s, revision = %s"
        f" WHERE id = %s AND revision = %s AND EXISTS ("
        f"SELECT 1 FROM {_ATTEMPT} WHERE id = %s AND status = %s AND deadline >= %s{lock})"
    )
    params = [
        _RESPONSE.get_db_prep_save(response, connection),
        flagged,
        _datetime(now),
        slot.revision + 1,
        slot.pk,
        slot.revision,
        attempt_id,
        _RUNNING,
        _datetime(not_before),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return bool(cursor.rowcount == 1)


def _datetime(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)
