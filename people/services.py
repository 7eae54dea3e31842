"""Writes for classes and trainee accounts: create a class, add or remove members, import a
roster (all or nothing), and issue initial passwords once.

Initial passwords are never stored: imported accounts start with an unusable password, and the
one-time export sets and hands out a fresh one for each account that has still never logged in.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qbank.roles import TRAINEE
from quizzes.models import Cohort

from .models import Profile
from .roster import Roster, RosterRow, row_error
from .selectors import trainees

# No 0/O, 1/l/I: the password is read off a sheet and typed on a phone.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 10


def cohort_create(*, name: str) -> Cohort:
    cohort = Cohort(name=name.strip())
    cohort.full_clean()
    cohort.save()
    return cohort


def cohort_members_add(*, cohort: Cohort, users: Iterable[Any]) -> int:
    """Add trainees; anyone else (a trainer, an admin) is refused, not silently added."""
    users = list(users)
    allowed = set(trainees().filter(pk__in=[u.pk for u in users]).values_list("pk", flat=True))
    refused = [u for u in users if u.pk not in allowed]
    if refused:
        raise ValidationError(_("只有学员可以加入班级。"), code="not_trainee")
    before = cohort.members.count()
    cohort.members.add(*users)
    return cohort.members.count() - before


def cohort_member_remove(*, cohort: Cohort, user: Any) -> None:
    cohort.members.remove(user)


@dataclass
class RosterResult:
    created: list[Any] = field(default_factory=list)
    matched: list[Any] = field(default_factory=list)
    cohorts_created: list[str] = field(default_factory=list)
    # Accounts that still need an initial password: the new ones, and matched ones never used.
    awaiting_password: list[int] = field(default_factory=list)


def roster_import(*, roster: Roster, default_cohort: Cohort | None = None) -> RosterResult:
    """Store every row or none: any error (in the file, or an 工号 held by a trainer or admin)
    raises ValidationError listing them all, and the database is left as it was."""
    if roster.errors:
        raise ValidationError(roster.errors)
    with transaction.atomic():
        existing = _existing_accounts(roster.rows)
        errors = _account_errors(roster.rows, existing)
        if errors:
            raise ValidationError(errors)
        result = RosterResult()
        group = Group.objects.get(name=TRAINEE)
        cohorts: dict[str, Cohort] = {}
        for row in roster.rows:
            user = existing.get(row.employee_no)
            if user is None:
                user = _create_trainee(row, group)
                result.created.append(user)
            else:
                _update_trainee(user, row)
                result.matched.append(user)
            if user.last_login is None and not user.has_usable_password():
                result.awaiting_password.append(user.pk)
            cohort = _cohort_for(row, default_cohort, cohorts, result)
            if cohort is not None:
                cohort.members.add(user)
        return result


def _existing_accounts(rows: Sequence[RosterRow]) -> dict[str, Any]:
    """工号 → account, matched on the profile's 工号 first, then on the login name."""
    numbers = [row.employee_no for row in rows]
    users = get_user_model().objects.select_related("profile")
    found: dict[str, Any] = {
        str(u.profile.employee_no): u for u in users.filter(profile__employee_no__in=numbers)
    }
    for user in users.filter(username__in=[n for n in numbers if n not in found]):
        found[user.username] = user
    return found


def _account_errors(rows: Sequence[RosterRow], existing: dict[str, Any]) -> list[str]:
    ids = [u.pk for u in existing.values()]
    trainee_ids = set(trainees().filter(pk__in=ids).values_list("pk", flat=True))
    errors = []
    for row in rows:
        user = existing.get(row.employee_no)
        if user is not None and user.pk not in trainee_ids:
            problem = _("工号 %(no)s 是培训师或管理员账号,不能作为学员导入") % {"no": row.employee_no}
            errors.append(row_error(row.line, problem))
    return errors


def _create_trainee(row: RosterRow, group: Group) -> Any:
    user = get_user_model()(username=row.employee_no, first_name=row.name, is_staff=False)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(group)
    Profile.objects.create(
        user=user,
        employee_no=row.employee_no,
        department=row.department,
        phone=row.phone,
        must_change_password=True,
    )
    return user


def _update_trainee(user: Any, row: RosterRow) -> None:
    """The roster is the HR record: department and phone follow it; name and password stay."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.employee_no = profile.employee_no or row.employee_no
    profile.department = row.department or profile.department
    profile.phone = row.phone or profile.phone
    profile.save()
    if not (user.first_name or user.last_name):
        user.first_name = row.name
        user.save(update_fields=["first_name"])


def _cohort_for(
    row: RosterRow, default: Cohort | None, cache: dict[str, Cohort], result: RosterResult
) -> Cohort | None:
    if not row.cohort:
        return default
    if row.cohort not in cache:
        cohort, created = Cohort.objects.get_or_create(name=row.cohort)
        if created:
            result.cohorts_created.append(cohort.name)
        cache[row.cohort] = cohort
    return cache[row.cohort]


def passwords_issue(*, user_ids: Sequence[int]) -> list[tuple[Any, str]]:
    """A fresh password for each listed account that has never logged in and has none yet;
    returned once, stored only as a hash. Accounts that have moved on are skipped."""
    candidates = (
        trainees()
        .filter(pk__in=user_ids, last_login__isnull=True, profile__must_change_password=True)
        .order_by("username")
    )
    issued = []
    for user in candidates:
        if user.has_usable_password():
            continue
        old_hash = user.password
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))
        user.set_password(password)
        # Compare-and-set: of two exports racing, only one hands out a password for an account.
        if get_user_model().objects.filter(pk=user.pk, password=old_hash).update(password=user.password):
            issued.append((user, password))
    return issued


def password_changed(*, user: Any) -> None:
    """The first-login change is done: the account no longer carries a generated password."""
    Profile.objects.filter(user=user).update(must_change_password=False)
