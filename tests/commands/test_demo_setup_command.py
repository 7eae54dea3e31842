from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from qbank.models import Bank, Chapter, Question, Source

pytestmark = pytest.mark.django_db


def run() -> str:
    out = StringIO()
    call_command("demo_setup", stdout=out)
    return out.getvalue()


def snapshot() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Bank, Chapter, Question, Source, get_user_model()))


def test_demo_setup_is_idempotent_and_prints_the_accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_PASSWORD", "pass-for-test-1")
    first = run()
    assert "admin    / pass-for-test-1" in first
    assert Question.objects.filter(bank__name="客户服务管理").exists()
    assert Source.objects.count() >= 1
    before = snapshot()
    second = run()
    assert "already imported" in second and "0 failed" in second
    assert snapshot() == before
    users = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    assert users["admin"].is_superuser
    assert users["trainer"].is_staff and not users["trainer"].is_superuser
    assert not users["trainee"].is_staff
    assert [g.name for g in users["trainee"].groups.all()] == ["trainee"]
    assert users["trainer"].has_perm("qbank.change_question")
    assert not users["trainer"].has_perm("qbank.delete_question")
    assert users["trainee"].check_password("pass-for-test-1")
