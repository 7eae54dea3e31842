"""config.sqlite: writers queue on a file lock, held from BEGIN to COMMIT/ROLLBACK and around a
lone write in autocommit, released at once otherwise (tests on a file database: the suite's own
is in memory and has nothing to queue)."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections, transaction

from config.sqlite.base import DatabaseWrapper


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[tuple[DatabaseWrapper, Path]]:
    name = tmp_path / "queue.sqlite3"
    wrapper = DatabaseWrapper(
        {
            "ENGINE": "config.sqlite",
            "NAME": str(name),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 5},
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TIME_ZONE": None,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        },
        alias="queue-test",
    )
    connections[wrapper.alias] = wrapper  # for transaction.atomic(using=…)
    with django_db_blocker.unblock():  # a database of its own, not the suite's
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (n integer)")
        yield wrapper, Path(f"{name}-writers")
        wrapper.close()
    del connections[wrapper.alias]


def queued(lock_file: Path) -> bool:
    """Whether some connection holds the writers' lock (tried from a file of our own)."""
    with lock_file.open("a+b") as mine:
        try:
            fcntl.flock(mine, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(mine, fcntl.LOCK_UN)
        return False


def test_a_transaction_holds_the_queue_until_commit(database: tuple[DatabaseWrapper, Path]) -> None:
    wrapper, lock_file = database
    with transaction.atomic(using=wrapper.alias):
        assert queued(lock_file)  # from BEGIN (IMMEDIATE: every atomic block is a writer)
        with wrapper.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (1)")
        assert queued(lock_file)
    assert not queued(lock_file)


def test_a_rolled_back_transaction_leaves_the_queue(database: tuple[DatabaseWrapper, Path]) -> None:
    wrapper, lock_file = database
    with pytest.raises(RuntimeError), transaction.atomic(using=wrapper.alias):
        with wrapper.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError
    assert not queued(lock_file)
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM t")
        assert cursor.fetchone() == (0,)


def test_a_write_in_autocommit_queues_for_its_statement_only(
    database: tuple[DatabaseWrapper, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapper, lock_file = database
    seen: list[bool] = []
    enter = DatabaseWrapper.enter_queue

    def spy(self: DatabaseWrapper) -> None:
        enter(self)
        seen.append(queued(lock_file))

    monkeypatch.setattr(DatabaseWrapper, "enter_queue", spy)
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM t")  # a read does not queue
        assert seen == []
        cursor.execute("UPDATE t SET n = 2")
        cursor.execute("INSERT INTO t VALUES (3)")
    assert seen == [True, True]
    assert not queued(lock_file)


def test_a_second_writer_waits_for_the_first(database: tuple[DatabaseWrapper, Path]) -> None:
    """Another connection (another worker thread or process) finds the queue taken."""
    wrapper, lock_file = database
    other = DatabaseWrapper({**wrapper.settings_dict}, alias="queue-test-2")
    try:
        with transaction.atomic(using=wrapper.alias):
            with wrapper.cursor() as cursor:
                cursor.execute("INSERT INTO t VALUES (1)")
            other.ensure_connection()
            with pytest.raises(BlockingIOError):
                fcntl.flock(other._queue_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        other.enter_queue()  # free now: the first committed
        other.leave_queue()
    finally:
        other.close()


def _atomic(wrapper: DatabaseWrapper):  # type: ignore[no-untyped-def]
    from django.db import transaction

    return transaction.atomic(using=wrapper.alias)
