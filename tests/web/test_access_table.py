"""The access rules live in one place (qbank.access): every view is guarded by it, the groups the
data migration made hold exactly its permissions, and each role gets what the table says."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from qbank import access, roles
from qbank.models import Bank
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Pages every visitor may open, or guarded by someone else's code (the Django admin, auth).
UNGUARDED = {"home", "login", "logout", "set_language"}


def project_views(resolver: URLResolver | None = None, namespace: str = "") -> list[tuple[str, Any]]:
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += project_views(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((namespace + entry.name, entry.callback))
    return found


def test_every_project_view_is_guarded_by_the_access_table() -> None:
    unguarded = [
        name
        for name, view in project_views()
        if name not in UNGUARDED and getattr(view, "access_capability", None) not in access.RULES
    ]
    assert unguarded == []


def pair(permission: Permission) -> tuple[str, str]:
    return permission.content_type.app_label, permission.codename


def test_the_data_migration_made_the_role_groups_from_the_table(db: None) -> None:
    for role, names in access.ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        held = {pair(p) for p in group.permissions.select_related("content_type")}
        everything = {pair(p) for p in Permission.objects.select_related("content_type")}
        assert held == access.permission_names(names, everything), role


# One page per capability, opened by each role: the status follows from the table alone.
PAGES = {
    access.MANAGE_BANK: "qbank:question_list",
    access.MANAGE_PAPERS: "quizzes:paper_list",
    access.TAKE_EXAMS: "quizzes:dashboard",
    access.IMPORT: "importers:history",
    access.PRACTISE: "practice:home",
    access.MANAGE_PEOPLE: "people:cohort_list",
    access.OWN_ACCOUNT: "password_change",
}


@pytest.mark.parametrize("capability", list(PAGES))
@pytest.mark.parametrize("who", [roles.ADMIN, roles.TRAINER, roles.TRAINEE, "anonymous"])
def test_each_role_gets_what_the_table_says(
    cast: dict[str, Any], bank: Bank, capability: str, who: str
) -> None:
    user = cast[who]
    response = client_for(user).get(reverse(PAGES[capability]))
    if user is None:
        assert response.status_code == 302 and reverse("login") in response["Location"]
    else:
        expected = 200 if access.allowed(user, capability) else 403
        assert response.status_code == expected


def test_the_table_grants_what_the_readme_says(cast: dict[str, Any]) -> None:
    users = {who: user or AnonymousUser() for who, user in cast.items()}
    grants = {who: {c for c in access.RULES if access.allowed(users[who], c)} for who in users}
    assert grants[roles.ADMIN] == set(access.RULES) - {access.PRACTISE}
    assert grants[roles.TRAINER] == {
        access.MANAGE_BANK,
        access.MANAGE_PAPERS,
        access.TAKE_EXAMS,
        access.MANAGE_PEOPLE,
        access.OWN_ACCOUNT,
    }
    assert grants[roles.TRAINEE] == {access.TAKE_EXAMS, access.OWN_ACCOUNT, access.PRACTISE}
    assert grants["anonymous"] == set()


@pytest.fixture
def cast(admin: Any, trainer: Any, trainee: Any) -> dict[str, Any]:
    return {roles.ADMIN: admin, roles.TRAINER: trainer, roles.TRAINEE: trainee, "anonymous": None}
