"""Shared cast for the whole suite: one user per role and a bank. Keep it generic.

Fixture names avoid pytest-django's own `admin_user` / `admin_client`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from config.demo import ensure_groups, ensure_user
from qbank import roles
from qbank.models import Bank

PASSWORD = "test-pass-123"


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
