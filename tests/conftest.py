"""Shared cast for the whole suite: one user per role and a bank. Keep it generic.

Fixture names avoid pytest-django's own `admin_user` / `admin_client`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import translation

from config.demo import ensure_groups, ensure_user
from qbank import roles
from qbank.models import Bank

PASSWORD = "test-pass-123"
DATABASES = ("sqlite", "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `only_on("sqlite")` or `only_on("postgresql")` are about that database's own
    behaviour: against the other database they are deselected, not skipped (nothing to run there,
    and CI counts a skip as a test that did not run). `.ci/run` runs the suite on both, so each
    runs in one of the two passes; the summary line reports them as "deselected"."""
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        marker = item.get_closest_marker("only_on")
        if marker is None:
            keep.append(item)
            continue
        (wanted,) = marker.args
        if wanted not in DATABASES:
            raise pytest.UsageError(f"{item.nodeid}: only_on({wanted!r}) names none of {DATABASES}")
        (keep if wanted == connection.vendor else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # A response served in English leaves English active in the thread (LocaleMiddleware sets
    # it per request and nothing resets it in tests): the next test starts in the default again.
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    # Uploaded and imported files must never land in the working tree during tests.
    settings.MEDIA_ROOT = tmp_path / "media"
    # Fast hashing: the cast logs in a lot, and PBKDF2 would dominate the suite's run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def role_groups(db: None) -> dict[str, Group]:
    return ensure_groups()


@pytest.fixture
def admin(role_groups: dict[str, Group]) -> Any:
    ensure_user(
        username="admin", password=PASSWORD, group=role_groups[roles.ADMIN], staff=True, superuser=True
    )
    return _user("admin")


@pytest.fixture
def trainer(role_groups: dict[str, Group]) -> Any:
    ensure_user(username="trainer", password=PASSWORD, group=role_groups[roles.TRAINER], staff=True)
    return _user("trainer")


@pytest.fixture
def trainee(role_groups: dict[str, Group]) -> Any:
    ensure_user(username="trainee", password=PASSWORD, group=role_groups[roles.TRAINEE], staff=False)
    return _user("trainee")


@pytest.fixture
def bank(db: None) -> Bank:
    return Bank.objects.create(name="客户服务管理", description="test bank")


@pytest.fixture
def other_bank(db: None) -> Bank:
    return Bank.objects.create(name="另一个题库")


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def client_for(user: Any) -> Client:
    """A test client signed in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
