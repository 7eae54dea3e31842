"""gunicorn settings for `make serve` (any of them can be overridden on the command line).

Sync workers: requests are short (an autosave is a few ms) and Django's ORM is synchronous.
The app is loaded once in the master before workers fork (preload_app), so the grading
resources QBANK_WARM_UP loads (jieba's dictionary, OpenCC) are shared copy-on-write rather
than loaded by each worker's first submit.
"""

import multiprocessing
import os

bind = os.environ.get("QBANK_BIND", "127.0.0.1:8000")
# CPU-bound work (password hashing ~185 ms, grading, templates): about two per core.
workers = int(os.environ.get("QBANK_WORKERS", 2 * multiprocessing.cpu_count() + 1))
preload_app = True
timeout = 60
max_requests = 2000  # recycle workers now and then: bounded memory over weeks
max_requests_jitter = 200
accesslog = "-"
