"""gunicorn settings for `make serve` (any of them can be overridden on the command line).

Threaded workers (gthread): a request that waits — for SQLite's write lock, for PostgreSQL's
answer to each statement — leaves its process free to run another thread meanwhile. With sync
workers every wait idled one of the few processes, so on PostgreSQL (a round trip per statement)
and on SQLite under contention the workers, not the CPU, set the autosave's ceiling. Keep-alive
connections, as browsers keep them: an exam page saves every few seconds, and a new TCP
connection for each save cost both sides more than the save's own SQL.
The app is loaded once in the master before workers fork (preload_app), so the grading
resources QBANK_WARM_UP loads (jieba's dictionary, OpenCC) are shared copy-on-write rather
than loaded by each worker's first submit.
"""

import multiprocessing
import os

bind = os.environ.get("QBANK_BIND", "127.0.0.1:8000")
# CPU-bound work (password hashing ~185 ms, grading, templates) needs processes (one GIL each):
# about two per core; the threads cover the waits.
workers = int(os.environ.get("QBANK_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("QBANK_THREADS", 4))
keepalive = 75  # seconds an idle connection is kept (nginx's default): longer than the save interval
preload_app = True
timeout = 60
# Recycle workers now and then for bounded memory over weeks; rarely enough that an exam at
# 300 saves/s does not restart a worker every half minute (each restart drops its connections).
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
