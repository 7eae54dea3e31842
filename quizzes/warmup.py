"""Load grading's resources when a server process starts, not in the first request that grades.

jieba's dictionary (~0.9 s) and the OpenCC converters are loaded lazily and cached per process.
Left lazy, the first short answer graded in each worker pays for them — on SQLite while holding
the write lock, so every writer queues behind it. `make serve` sets QBANK_WARM_UP=1 for gunicorn
(loaded once in the master before workers fork, gunicorn.conf.py preloads the app) and the task
worker; tests and management commands stay fast without it.
"""

from __future__ import annotations

from qbank.fingerprint import fold
from questiontypes.short import key_terms
from questiontypes.text import normalise_fill


def warm_up() -> None:
    # Through the public functions, so this keeps working whatever the types cache inside.
    key_terms("客户服务满意度的关键要素")
    normalise_fill("顧客")
    fold("顧客")
