"""The class pages: who may open them, what they show, one-time password export, forced change."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Profile
from quizzes.models import Cohort
from tests.conftest import client_for
from tests.people.roster_files import roster_xlsx

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def cast(admin: Any, trainer: Any, trainee: Any) -> dict[str, Any]:
    return {"admin": admin, "trainer": trainer, "trainee": trainee, "anonymous": None}


@pytest.fixture
def cohort() -> Cohort:
    return Cohort.objects.create(name="一班")


# (method, url name, needs the class id): every page and action of people.urls.
PAGES = [
    ("get", "people:cohort_list", False),
    ("post", "people:cohort_list", False),
    ("get", "people:cohort_detail", True),
    ("post", "people:cohort_members_add", True),
    ("get", "people:roster_import", False),
    ("post", "people:roster_import", False),
    ("get", "people:roster_template", False),
    ("post", "people:roster_passwords", False),
]


@pytest.mark.parametrize(("method", "name", "with_pk"), PAGES)
@pytest.mark.parametrize("who", ["admin", "trainer", "trainee", "anonymous"])
def test_access_matrix(
    cast: dict[str, Any], cohort: Cohort, who: str, method: str, name: str, with_pk: bool
) -> None:
    url = reverse(name, args=[cohort.pk] if with_pk else [])
    response = getattr(client_for(cast[who]), method)(url)
    if who == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
    elif who == "trainee":
        assert response.status_code == 403
        assert "没有权限" in response.content.decode()  # the site's own 403 page, in Chinese
    else:
        assert response.status_code in (200, 302)


@pytest.mark.parametrize("who", ["admin", "trainer", "trainee", "anonymous"])
def test_member_removal_and_wrong_methods(cast: dict[str, Any], cohort: Cohort, who: str) -> None:
    member = User.objects.create_user("m1")
    cohort.members.add(member)
    client = client_for(cast[who])
    url = reverse("people:cohort_member_remove", args=[cohort.pk, member.pk])
    expected_get = {"anonymous": 302, "trainee": 403}.get(who, 405)
    assert client.get(url).status_code == expected_get
    assert client.post(reverse("people:roster_passwords")).status_code in (302, 403)
    response = client.post(url)
    if who in ("admin", "trainer"):
        assert response.status_code == 302 and not cohort.members.exists()
    else:
        assert cohort.members.exists()


def test_search_offers_only_trainees_and_adds_them(trainer: Any, admin: Any, cohort: Cohort) -> None:
    ming = User.objects.create_user("A001", first_name="王小明")
    Profile.objects.create(user=ming, employee_no="A001", department="客服一部")
    User.objects.create_user("trainer-wang", first_name="王老师").groups.add(*trainer.groups.all())
    client = client_for(trainer)
    page = client.get(reverse("people:cohort_detail", args=[cohort.pk]), {"q": "王"}).content.decode()
    assert "王小明" in page and "王老师" not in page
    assert "客服一部" in page
    client.post(reverse("people:cohort_members_add", args=[cohort.pk]), {"users": [ming.pk]})
    assert list(cohort.members.all()) == [ming]
    # A trainer smuggled into the POST is refused: nothing more joins.
    client.post(reverse("people:cohort_members_add", args=[cohort.pk]), {"users": [admin.pk]})
    assert list(cohort.members.all()) == [ming]


def test_names_are_shown_whole(trainer: Any, cohort: Cohort) -> None:
    cohort.members.add(User.objects.create_user("u1", first_name="小明", last_name="王"))
    cohort.members.add(User.objects.create_user("u2", first_name="欧阳娜娜"))
    page = client_for(trainer).get(reverse("people:cohort_detail", args=[cohort.pk])).content.decode()
    assert "王小明" in page and "欧阳娜娜" in page and "小明 王" not in page


def test_class_list_queries_do_not_grow_with_classes(trainer: Any) -> None:
    client = client_for(trainer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("people:cohort_list")).status_code == 200
        return len(captured)

    Cohort.objects.create(name="c0").members.add(User.objects.create_user("x0"))
    one = queries()
    for i in range(1, 20):
        Cohort.objects.create(name=f"c{i}").members.add(User.objects.create_user(f"x{i}"))
    assert queries() == one


def test_class_detail_queries_do_not_grow_with_members(trainer: Any, cohort: Cohort) -> None:
    client = client_for(trainer)
    url = reverse("people:cohort_detail", args=[cohort.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"q": "x"}).status_code == 200
        return len(captured)

    def add(i: int) -> None:
        user = User.objects.create_user(f"x{i}")
        Profile.objects.create(user=user, employee_no=f"E{i}")
        cohort.members.add(user)
        User.objects.create_user(f"x-outside-{i}")

    add(0)
    one = queries()
    for i in range(1, 20):
        add(i)
    assert queries() == one


def upload(client: Client, data: bytes, **extra: Any) -> Any:
    file = SimpleUploadedFile("名单.xlsx", data)
    return client.post(reverse("people:roster_import"), {"file": file, **extra})


def test_import_then_export_passwords_once_then_first_login_forces_a_change(trainer: Any) -> None:
    client = client_for(trainer)
    response = upload(client, roster_xlsx([["A001", "王小明", "客服一部", "13800138000", "新员工班"]]))
    page = response.content.decode()
    assert response.status_code == 200 and "新建 1 个学员账号" in page and "王小明" in page
    # No password on the page: it is made only by the export.
    assert 'id="export-passwords"' in page and not User.objects.get(username="A001").has_usable_password()
    export = client.post(reverse("people:roster_passwords"))
    assert export.status_code == 200 and export["Cache-Control"] == "no-store"
    assert "attachment" in export["Content-Disposition"]
    import io

    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("工号", "姓名", "登录名", "初始密码") and rows[1][:3] == ("A001", "王小明", "A001")
    password = rows[1][3]
    # Never again: a second export gets a message, not the file.
    again = client.post(reverse("people:roster_passwords"))
    assert again.status_code == 302 and again["Location"] == reverse("people:roster_import")
    # The trainee's first login lands on the password change, whatever page they ask for.
    trainee = Client()
    login = trainee.post(reverse("login"), {"username": "A001", "password": password})
    assert login.status_code == 302
    assert trainee.get(reverse("quizzes:dashboard"))["Location"] == reverse("password_change")
    changed = trainee.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "Kefu-2026-xyz", "new_password2": "Kefu-2026-xyz"},
    )
    assert changed.status_code == 302
    assert trainee.get(reverse("quizzes:dashboard")).status_code == 200
    assert not Profile.objects.get(user__username="A001").must_change_password


def test_a_bad_upload_names_the_rows_and_stores_nothing(trainer: Any) -> None:
    response = upload(
        client_for(trainer), roster_xlsx([["A001", "王小明", "", "", "一班"], ["", "李雷", "", "", ""]])
    )
    page = response.content.decode()
    assert "第 3 行:缺少工号" in page and "没有导入任何学员" in page
    assert not User.objects.filter(username="A001").exists() and not Cohort.objects.exists()


def test_not_an_xlsx_is_refused(trainer: Any) -> None:
    client = client_for(trainer)
    file = SimpleUploadedFile("名单.csv", b"a,b")
    page = client.post(reverse("people:roster_import"), {"file": file}).content.decode()
    assert "请上传 .xlsx 文件" in page


def test_template_download(trainer: Any) -> None:
    response = client_for(trainer).get(reverse("people:roster_template"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert response.content[:2] == b"PK"
