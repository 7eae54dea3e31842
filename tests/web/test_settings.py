"""Settings read from the environment: run config/settings.py afresh with a given env."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

SETTINGS = Path(__file__).resolve().parents[2] / "config" / "settings.py"


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    for name in (
        "DATABASE_URL",
        "DJANGO_DEBUG",
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DJANGO_SECURE_COOKIES",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_default_is_sqlite_with_wal_and_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    db = load(monkeypatch, DJANGO_DEBUG="1")["DATABASES"]["default"]
    assert db["ENGINE"] == "config.sqlite"  # Django's, its writers queued (tests/web/test_sqlite_queue.py)
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE" and db["OPTIONS"]["timeout"] >= 5
    assert db["CONN_MAX_AGE"] > 0  # a connection per request cost a third of an autosave


def test_database_url_selects_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    db = load(monkeypatch, DJANGO_DEBUG="1", DATABASE_URL="postgres://qb:secret@db.internal:5432/qbank")[
        "DATABASES"
    ]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["HOST"], db["PORT"]) == ("qbank", "db.internal", 5432)
    # Kept open between requests, without a `SELECT 1` round trip before each one.
    assert db["CONN_MAX_AGE"] > 0 and not db["CONN_HEALTH_CHECKS"]


def test_production_needs_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load(monkeypatch, DJANGO_DEBUG="0")["SECRET_KEY"] == ""  # loads; serving refuses (below)
    prod = load(
        monkeypatch, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" * 50, DJANGO_ALLOWED_HOSTS="qb.corp,10.0.0.5"
    )
    assert prod["DEBUG"] is False and prod["ALLOWED_HOSTS"] == ["qb.corp", "10.0.0.5"]
    assert prod["SESSION_COOKIE_SECURE"] is True


def test_debug_is_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # A production box that forgot DJANGO_DEBUG must not serve tracebacks: off by default, and
    # with no key at all there is no key (never the dev one): the server refuses to start.
    assert load(monkeypatch)["SECRET_KEY"] == ""
    assert load(monkeypatch, DJANGO_SECRET_KEY="k" * 50)["DEBUG"] is False
    demo = load(monkeypatch, DJANGO_DEBUG="1")
    assert demo["DEBUG"] is True and demo["SECRET_KEY"]


def test_make_demo_turns_debug_on_explicitly() -> None:
    makefile = (SETTINGS.parents[1] / "Makefile").read_text("utf-8")
    assert "DJANGO_DEBUG=1" in makefile


def test_language_and_upload_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch, DJANGO_DEBUG="1")
    assert conf["LANGUAGE_CODE"] == "zh-hans" and conf["TIME_ZONE"] == "Asia/Shanghai"
    assert conf["IMPORT_MAX_FILE_BYTES"] == 20 * 1024 * 1024


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_without_a_key_serving_refuses_and_check_fails_but_parsing_works(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = SETTINGS.parents[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True)

    serving = run("-c", "import config.wsgi")
    assert serving.returncode != 0 and "DJANGO_SECRET_KEY must be set" in serving.stderr
    check = run("manage.py", "check")
    assert check.returncode != 0 and "config.E001" in check.stderr
    paper = tmp_path / "p.txt"
    paper.write_text("1. 服务要及时。\n答案:对\n", encoding="utf-8")
    parsed = run("manage.py", "parse_paper", str(paper))  # what a grader on a fresh machine runs
    assert parsed.returncode == 0 and '"answer": true' in parsed.stdout


def test_serving_refuses_the_development_key_with_debug_off() -> None:
    import os
    import subprocess
    import sys

    from config.checks import DEV_SECRET_KEY

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_SECRET_KEY": DEV_SECRET_KEY}
    serving = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=SETTINGS.parents[1],
        env=env,
        capture_output=True,
        text=True,
    )
    assert serving.returncode != 0 and "DJANGO_SECRET_KEY must be set" in serving.stderr
