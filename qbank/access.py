"""Who may do what, in one place: the permissions each role's group holds, what each kind of page
requires, and the one decorator every view uses.

The groups are created by a data migration (qbank 0002) and refreshed by `demo_setup`, both from
ROLE_PERMISSIONS; the views ask `access_required(<capability>)`; the tests read both tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .roles import ADMIN, TRAINEE, TRAINER, user_role

# Trainers edit the bank's content; banks themselves and deletions are the admins' call. Admins
# hold every permission of the project's apps ("app.*") plus user management.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINEE: [],
    TRAINER: [
        "qbank.view_bank",
        "qbank.view_source",
        *(
            f"qbank.{action}_{model}"
            for model in ("chapter", "question", "option", "questionimage", "tag")
            for action in ("view", "add", "change")
        ),
        # Removing a wrong option or picture happens inside the question's admin page.
        "qbank.delete_option",
        "qbank.delete_questionimage",
        # Trainers decide who sits their papers: classes are kept in the admin.
        "quizzes.view_cohort",
        "quizzes.add_cohort",
        "quizzes.change_cohort",
    ],
    # "importers.*": bulk imports in the browser are the admins' call.
    ADMIN: [
        "qbank.*",
        "quizzes.*",
        "importers.*",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
    ],
}


@dataclass(frozen=True)
class Rule:
    """Roles that may, or a permission that suffices (it can be granted to one user alone)."""

    roles: frozenset[str] = frozenset()
    permission: str = ""


MANAGE_BANK = "manage_bank"  # the bank pages, pictures, the spreadsheet template and export
MANAGE_PAPERS = "manage_papers"  # papers, results, grading (selectors narrow to one's own papers)
TAKE_EXAMS = "take_exams"  # the trainee's pages (selectors narrow to one's own attempts)
IMPORT = "import"  # bulk import in the browser
DISCARD_IMPORT = "discard_import"  # throwing away an unpublished import batch
PRACTISE = "practise"  # practice, the 错题本 and favourites: a trainee's own study pages
MANAGE_PEOPLE = "manage_people"  # classes, their members, roster imports and initial passwords
OWN_ACCOUNT = "own_account"  # one's own account (the password change every role needs)

RULES: dict[str, Rule] = {
    MANAGE_BANK: Rule(roles=frozenset({ADMIN, TRAINER})),
    MANAGE_PAPERS: Rule(roles=frozenset({ADMIN, TRAINER})),
    TAKE_EXAMS: Rule(roles=frozenset({ADMIN, TRAINER, TRAINEE})),
    IMPORT: Rule(permission="importers.add_importbatch"),
    DISCARD_IMPORT: Rule(permission="importers.delete_importbatch"),
    # Trainees only: staff have the bank pages, and their answers would fill a 错题本 nobody reads.
    PRACTISE: Rule(roles=frozenset({TRAINEE})),
    MANAGE_PEOPLE: Rule(roles=frozenset({ADMIN, TRAINER})),
    OWN_ACCOUNT: Rule(roles=frozenset({ADMIN, TRAINER, TRAINEE})),
}

User = AbstractBaseUser | AnonymousUser
EVERY_ROLE = frozenset({ADMIN, TRAINER, TRAINEE})
View = Callable[..., HttpResponseBase]  # pictures are FileResponses (streaming)


def allowed(user: User, capability: str) -> bool:
    rule = RULES[capability]
    if not user.is_authenticated:
        return False
    if rule.permission and user.has_perm(rule.permission):  # type: ignore[attr-defined]  # PermissionsMixin
        return True
    if rule.roles >= EVERY_ROLE:
        # Every signed-in user holds one of the roles: no need to ask which (a query per request
        # on the exam's autosave).
        return True
    return user_role(user) in rule.roles


def signed_in(request: HttpRequest) -> AbstractBaseUser:
    """The user of a view behind access_required, which lets no anonymous user through."""
    user = request.user
    if not isinstance(user, AbstractBaseUser):
        raise PermissionDenied
    return user


def access_required(capability: str) -> Callable[[View], View]:
    """Anonymous users go to the login page, others without the capability get 403; outermost,
    so that holds for every method (a GET on a POST-only URL says 405 only to those allowed)."""
    RULES[capability]  # an unknown capability fails at import time, not on the first request

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not allowed(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        protected = login_required(wrapped)
        protected.access_capability = capability  # type: ignore[attr-defined]  # read by the tests
        return protected

    return decorate


def permission_names(names: Iterable[str], available: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """("app_label", "codename") pairs for the table's names, "app.*" expanded over `available`."""
    available = set(available)
    wanted: set[tuple[str, str]] = set()
    for name in names:
        app_label, codename = name.split(".")
        if codename == "*":
            wanted |= {pair for pair in available if pair[0] == app_label}
        else:
            wanted.add((app_label, codename))
    return wanted


def groups_sync(*, group_model: Any, permission_model: Any) -> dict[str, Any]:
    """Create the role groups with exactly ROLE_PERMISSIONS (models passed in: the data migration
    hands its historical ones, demo_setup the real ones)."""
    available = {
        (p.content_type.app_label, p.codename): p
        for p in permission_model.objects.select_related("content_type")
    }
    groups = {}
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        pairs = permission_names(names, available)
        missing = pairs - set(available)
        if missing:
            raise LookupError(f"permissions missing for {role}: {sorted(missing)}")
        group.permissions.set([available[pair] for pair in pairs])
        groups[role] = group
    return groups
