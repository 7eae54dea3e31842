"""config.session_store: Django's database sessions, read by one plain SQL statement."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from config.session_store import SessionStore
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_reads_what_django_s_engine_wrote_and_the_other_way_round() -> None:
    theirs = DjangoStore()
    theirs["answer"] = {"position": 3, "text": "先倾听"}
    theirs.save()
    with CaptureQueriesContext(connection) as queries:
        assert SessionStore(theirs.session_key)["answer"] == {"position": 3, "text": "先倾听"}
    assert len(queries) == 1
    ours = SessionStore()
    ours["n"] = 1
    ours.save()
    assert DjangoStore(ours.session_key)["n"] == 1


def test_an_expired_unknown_or_missing_key_is_a_new_empty_session() -> None:
    old = SessionStore()
    old["n"] = 1
    old.save()
    Session.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    for key in (old.session_key, "x" * 32, None):
        store = SessionStore(key)
        assert store.load() == {} and store.session_key is None


def test_a_signed_in_page_reads_session_and_user_once_each(trainee: Any) -> None:
    client = client_for(trainee)
    client.get(reverse("quizzes:dashboard"))  # warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("quizzes:dashboard")).status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum("django_session" in s for s in sql) == 1
    assert sum(s.startswith("SELECT") and 'FROM "auth_user" WHERE' in s for s in sql) == 1


def test_a_tampered_cookie_signs_nobody_in(trainee: Any) -> None:
    client = Client()
    client.cookies["sessionid"] = "not-a-session-key-at-all"
    response = client.get(reverse("quizzes:dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
