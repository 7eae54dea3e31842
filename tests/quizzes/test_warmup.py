"""Grading resources load at process start when asked (QBANK_WARM_UP=1), not on first grade."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_warm_up_loads_the_key_term_dictionary_when_django_starts() -> None:
    code = "import django, sys; django.setup(); import jieba; print(jieba.dt.initialized)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    cold = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    warm = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "QBANK_WARM_UP": "1"},
        capture_output=True,
        text=True,
    )
    assert cold.stdout.strip() == "False", cold.stderr
    assert warm.stdout.strip() == "True", warm.stderr
