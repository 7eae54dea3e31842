"""SQLite whose writers queue on a file lock instead of polling for the database's write lock.

SQLite lets one writer in at a time; a connection that finds the lock taken waits in its busy
handler, which polls: it sleeps 1, 2, 5, 10 … 100 ms between tries, and whoever tries at the
right moment gets in next. Under a stream of short writes from many processes and threads (the
autosave: one UPDATE of ~0.3 ms each) waiters sleep long after the lock is free, each such
request holds its worker for tens of milliseconds, and the server's capacity collapses at a
fraction of what its CPU allows (measured: 150 saves/s at 4.5 ms of CPU a save on 2 cores).

Here every connection takes an exclusive flock on `<database>-writers` (one open file per
connection, so threads of one process queue too) before it writes: at BEGIN of a transaction
(Django's atomic; IMMEDIATE mode, so every atomic block is a writer anyway) until COMMIT or
ROLLBACK, and around a single INSERT/UPDATE/DELETE in autocommit. The kernel wakes the next
waiter the moment the lock is released, in order. SQLite's own lock stays the guarantee (and
the busy timeout still covers writers that do not use this backend, e.g. the sqlite3 shell);
the file lock only orders the waiting. A process that dies releases it with its files.
In-memory databases (the test suite's) have one connection and no file: nothing to queue.
"""

from __future__ import annotations

import fcntl
from typing import Any

from django.db.backends.sqlite3 import base

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._queue_file: Any = None
        self._queued = False

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = super().get_new_connection(conn_params)
        if not self.is_in_memory_db():
            self._queue_file = open(f"{self.settings_dict['NAME']}-writers", "a+b")  # noqa: SIM115  (closed with the connection)
        return connection

    def create_cursor(self, name: str | None = None) -> Any:
        cursor = self.connection.cursor(factory=QueuedCursor)
        cursor.queue = self
        return cursor

    def enter_queue(self) -> None:
        if self._queue_file is not None and not self._queued:
            fcntl.flock(self._queue_file, fcntl.LOCK_EX)  # releases the GIL while it waits
            self._queued = True

    def leave_queue(self) -> None:
        if self._queued:
            self._queued = False
            fcntl.flock(self._queue_file, fcntl.LOCK_UN)

    def _start_transaction_under_autocommit(self) -> None:
        self.enter_queue()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]
        except BaseException:
            self.leave_queue()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]
        finally:
            self.leave_queue()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]
        finally:
            self.leave_queue()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]
        finally:
            self.leave_queue()
            if self._queue_file is not None:
                self._queue_file.close()
                self._queue_file = None


class QueuedCursor(base.SQLiteCursorWrapper):
    """A write outside a transaction (autocommit) queues for its one statement."""

    queue: DatabaseWrapper

    def execute(self, query: str, params: Any = None) -> Any:
        return self._in_queue(query, super().execute, query, params)

    def executemany(self, query: str, param_list: Any) -> Any:
        return self._in_queue(query, super().executemany, query, param_list)

    def _in_queue(self, query: str, run: Any, *args: Any) -> Any:
        if not self._single_write(query):
            return run(*args)
        self.queue.enter_queue()
        try:
            return run(*args)
        finally:
            self.queue.leave_queue()

    def _single_write(self, query: str) -> bool:
        return (
            not self.queue._queued
            and not self.queue.in_atomic_block
            and query.lstrip()[:6].upper() in _WRITES
        )
