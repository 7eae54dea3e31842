"""Roster imports are all or nothing, match existing accounts, and hand out passwords once."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from people import services
from people.models import Profile
from people.roster import read_roster
from quizzes.models import Cohort
from tests.people.roster_files import roster_xlsx

pytestmark = pytest.mark.django_db
User = get_user_model()


def snapshot() -> tuple[object, ...]:
    return (
        sorted(User.objects.values_list("username", "password", "first_name")),
        sorted(Profile.objects.values_list("employee_no", "department", "phone")),
        sorted(Cohort.objects.values_list("name", "members__username")),
    )


def test_new_trainees_get_accounts_classes_and_no_password_yet(role_groups: Any) -> None:
    roster = read_roster(roster_xlsx([["A001", "王小明", "客服一部", "13800138000", "一班"]]))
    result = services.roster_import(roster=roster)
    user = User.objects.get(username="A001")
    assert [u.pk for u in result.created] == [user.pk] and result.cohorts_created == ["一班"]
    assert user.first_name == "王小明" and not user.is_staff and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["trainee"]
    assert user.profile.must_change_password and user.profile.department == "客服一部"
    assert list(Cohort.objects.get(name="一班").members.all()) == [user]
    assert result.awaiting_password == [user.pk]


def test_existing_accounts_are_matched_not_duplicated(trainee: Any) -> None:
    Profile.objects.create(user=trainee, employee_no="E9")
    trainee.first_name = "韩梅梅"
    trainee.save()
    default = Cohort.objects.create(name="默认班")
    roster = read_roster(roster_xlsx([["E9", "新名字", "二部", "", ""], ["trainee", "x", "", "", ""]]))
    result = services.roster_import(roster=roster, default_cohort=default)
    assert [u.pk for u in result.matched] == [trainee.pk, trainee.pk] and result.created == []
    trainee.refresh_from_db()
    # The password they use keeps working, and the name they have stays.
    assert trainee.has_usable_password() and result.awaiting_password == []
    assert trainee.profile.department == "二部" and trainee.first_name == "韩梅梅"
    assert list(default.members.all()) == [trainee]


def test_a_file_with_any_error_changes_nothing(trainee: Any, trainer: Any) -> None:
    Cohort.objects.create(name="一班").members.add(trainee)
    before = snapshot()
    bad_row = read_roster(roster_xlsx([["A001", "王小明", "", "", "二班"], ["A002", "", "", "", ""]]))
    with pytest.raises(ValidationError) as raised:
        services.roster_import(roster=bad_row)
    assert raised.value.messages == ["第 3 行:缺少姓名"]
    # A trainer's account is found only in the database: still nothing is written.
    trainer_row = read_roster(
        roster_xlsx([["A001", "王小明", "", "", "二班"], ["trainer", "培训师", "", "", ""]])
    )
    with pytest.raises(ValidationError) as raised:
        services.roster_import(roster=trainer_row)
    assert raised.value.messages == ["第 3 行:工号 trainer 是培训师或管理员账号,不能作为学员导入"]
    assert snapshot() == before


def test_passwords_are_issued_once_and_stored_only_as_hashes(role_groups: Any) -> None:
    roster = read_roster(roster_xlsx([["A001", "王小明", "", "", ""], ["A002", "李雷", "", "", ""]]))
    ids = services.roster_import(roster=roster).awaiting_password
    issued = services.passwords_issue(user_ids=ids)
    assert [u.username for u, _p in issued] == ["A001", "A002"]
    for user, password in issued:
        user.refresh_from_db()
        assert len(password) == services.PASSWORD_LENGTH and user.check_password(password)
        assert password not in user.password
    # A second export hands out nothing: the accounts already have their password.
    assert services.passwords_issue(user_ids=ids) == []


def test_no_password_for_an_account_that_has_logged_in_or_is_not_a_trainee(trainee: Any, admin: Any) -> None:
    roster = read_roster(roster_xlsx([["A001", "王小明", "", "", ""]]))
    ids = services.roster_import(roster=roster).awaiting_password
    User.objects.filter(pk__in=ids).update(last_login="2026-01-01T00:00Z")
    assert services.passwords_issue(user_ids=[*ids, trainee.pk, admin.pk]) == []


def test_only_trainees_join_a_class(trainee: Any, trainer: Any) -> None:
    cohort = services.cohort_create(name=" 三班 ")
    assert cohort.name == "三班"
    with pytest.raises(ValidationError):
        services.cohort_members_add(cohort=cohort, users=[trainee, trainer])
    assert cohort.members.count() == 0
    assert services.cohort_members_add(cohort=cohort, users=[trainee]) == 1
    assert services.cohort_members_add(cohort=cohort, users=[trainee]) == 0
