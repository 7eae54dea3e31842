"""people.backends.UserBackend: Django's ModelBackend with the signed-in user read by plain SQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from people.backends import UserBackend
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_the_user_read_is_the_orm_s_user(trainee: Any) -> None:
    User.objects.filter(pk=trainee.pk).update(
        last_login=timezone.now() - timedelta(days=1), first_name="小王"
    )
    expected = User.objects.get(pk=trainee.pk)
    with CaptureQueriesContext(connection) as queries:
        user = UserBackend().get_user(trainee.pk)
    assert len(queries) == 1
    fields = [f.attname for f in User._meta.concrete_fields]
    assert [getattr(user, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert user._state.adding is False and user._state.db == "default"
    assert user.check_password(PASSWORD) and user.get_session_auth_hash() == expected.get_session_auth_hash()


def test_no_user_for_inactive_missing_or_junk_ids(trainee: Any) -> None:
    backend = UserBackend()
    assert backend.get_user(trainee.pk + 999) is None
    assert backend.get_user("junk") is None
    User.objects.filter(pk=trainee.pk).update(is_active=False)
    assert backend.get_user(trainee.pk) is None


def test_login_stores_this_backend_and_pages_know_the_user(trainee: Any) -> None:
    client = Client()
    response = client.post(reverse("login"), {"username": "trainee", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == "people.backends.UserBackend"
    assert client.get(reverse("quizzes:dashboard")).status_code == 200


def test_a_session_signed_in_before_keeps_working(trainee: Any) -> None:
    """Sessions stored with Django's ModelBackend (every session before this backend) still
    sign their user in: deploying it signs nobody out mid-exam."""
    client = Client()
    client.force_login(trainee, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("quizzes:dashboard")).status_code == 200


def test_a_wrong_password_is_hashed_once(trainee: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """ModelBackend, listed after, must not check the same wrong password again (~185 ms each)."""
    calls: list[str] = []
    check = User.check_password

    def counted(self: Any, raw: str) -> bool:
        calls.append(raw)
        return bool(check(self, raw))

    monkeypatch.setattr(User, "check_password", counted)
    response = Client().post(reverse("login"), {"username": "trainee", "password": "wrong"})
    assert response.status_code == 200 and calls == ["wrong"]


def test_a_password_change_signs_other_sessions_out(trainee: Any) -> None:
    client = Client()
    client.post(reverse("login"), {"username": "trainee", "password": PASSWORD})
    assert client.get(reverse("quizzes:dashboard")).status_code == 200
    trainee.set_password("another-pass-456")
    trainee.save()
    response = client.get(reverse("quizzes:dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
