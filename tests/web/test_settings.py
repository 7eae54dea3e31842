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
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE" and db["OPTIONS"]["timeout"] >= 5


def test_database_url_selects_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    db = load(monkeypatch, DJANGO_DEBUG="1", DATABASE_URL="postgres://qb:secret@db.internal:5432/qbank")[
        "DATABASES"
    ]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["HOST"], db["PORT"]) == ("qbank", "db.internal", 5432)


def test_production_needs_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RuntimeError, match="DJANGO_SECRET_KEY"):
        load(monkeypatch, DJANGO_DEBUG="0")
    prod = load(
        monkeypatch, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" * 50, DJANGO_ALLOWED_HOSTS="qb.corp,10.0.0.5"
    )
    assert prod["DEBUG"] is False and prod["ALLOWED_HOSTS"] == ["qb.corp", "10.0.0.5"]
    assert prod["SESSION_COOKIE_SECURE"] is True


def test_debug_is_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # A production box that forgot DJANGO_DEBUG must not serve tracebacks: off by default, so
    # with no key at all the settings refuse to load rather than run with the dev key.
    with pytest.raises(RuntimeError, match="DJANGO_SECRET_KEY"):
        load(monkeypatch)
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
