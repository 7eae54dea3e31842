"""Who may see what: every page against every role (Zulip-style matrix)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qbank import services
from qbank.models import Bank
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(admin: Any, trainer: Any, trainee: Any) -> dict[str, Any]:
    return {"admin": admin, "trainer": trainer, "trainee": trainee, "anonymous": None}


def add_questions(bank: Bank, n: int, start: int = 0) -> None:
    chapter = services.chapter_get_or_create(bank=bank, title="一、单项选择题")
    for i in range(start, start + n):
        services.question_create(
            bank=bank, chapter=chapter, type="single", stem=f"第{i}题?", options=["甲", "乙"], answer="A"
        )


@pytest.mark.parametrize(
    ("who", "url_name", "expected"),
    [
        ("anonymous", "home", 302),
        ("trainee", "home", 200),
        ("trainer", "home", 200),
        ("admin", "home", 200),
        ("anonymous", "admin:qbank_question_changelist", 302),
        ("trainee", "admin:qbank_question_changelist", 302),  # not staff: sent to the admin login
        ("trainer", "admin:qbank_question_changelist", 200),
        ("admin", "admin:qbank_question_changelist", 200),
        ("trainer", "admin:qbank_bank_add", 403),  # banks are the admins' call
        ("admin", "admin:qbank_bank_add", 200),
        ("trainer", "admin:auth_user_changelist", 403),
    ],
)
def test_role_matrix(cast: dict[str, Any], bank: Bank, who: str, url_name: str, expected: int) -> None:
    add_questions(bank, 1)
    response = client_for(cast[who]).get(reverse(url_name))
    assert response.status_code == expected
    if expected == 302:
        assert "login" in response["Location"]


def test_home_shows_role_and_counts_to_trainers_only(cast: dict[str, Any], bank: Bank) -> None:
    add_questions(bank, 3)
    trainer_page = client_for(cast["trainer"]).get(reverse("home")).content.decode()
    assert 'data-role="trainer"' in trainer_page and bank.name in trainer_page
    assert reverse("admin:qbank_question_changelist") in trainer_page
    trainee_page = client_for(cast["trainee"]).get(reverse("home")).content.decode()
    assert 'data-role="trainee"' in trainee_page
    assert bank.name not in trainee_page and "admin/" not in trainee_page


def test_login_page_is_chinese_and_logs_in(trainee: Any) -> None:
    client = Client()
    page = client.get(reverse("login"))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="zh-hans">' in html and "css/app.css" in html and 'name="viewport"' in html
    response = client.post(reverse("login"), {"username": "trainee", "password": "test-pass-123"})
    assert response.status_code == 302 and response["Location"] == reverse("landing")
    # Each role lands on its own page: a trainee on their exams.
    assert client.get(reverse("landing"))["Location"] == reverse("quizzes:dashboard")


def test_language_switch(trainee: Any) -> None:
    client = client_for(trainee)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get(reverse("home")).content.decode()


def test_logout_is_post_only(trainee: Any) -> None:
    client = client_for(trainee)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_question_changelist_queries_do_not_grow_with_rows(admin: Any, bank: Bank) -> None:
    client = client_for(admin)
    url = reverse("admin:qbank_question_changelist")
    add_questions(bank, 1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    add_questions(bank, 19, start=1)
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(url)
    assert "第19题" in response.content.decode()
    # If rows cost a query each, twenty would be 19+ more than one.
    assert len(twenty) == len(one), "\n".join(q["sql"] for q in twenty.captured_queries)


def test_question_admin_search_folds_traditional(admin: Any, bank: Bank) -> None:
    services.question_create(bank=bank, type="short", stem="售后客户服务的核心?", answer="真诚")
    response = client_for(admin).get(reverse("admin:qbank_question_changelist"), {"q": "售後客戶服務"})
    assert "售后客户服务的核心" in response.content.decode()


def test_admin_edit_recomputes_fingerprint(admin: Any, bank: Bank) -> None:
    question = services.question_create(bank=bank, type="short", stem="旧题干?", answer="答")
    url = reverse("admin:qbank_question_change", args=[question.pk])
    data = {
        "bank": bank.pk,
        "chapter": "",
        "type": "short",
        "status": "active",
        "difficulty": 3,
        "material": "",
        "stem": "新题干?",
        "answer": '"答"',
        "explanation": "",
        "options-TOTAL_FORMS": 0,
        "options-INITIAL_FORMS": 0,
        "images-TOTAL_FORMS": 0,
        "images-INITIAL_FORMS": 0,
    }
    response = client_for(admin).post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.stem == "新题干?"
    assert question.fingerprint == services.fingerprint("新题干?", [])
    assert "新题干" in question.search_text


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 302), ("trainee", 403), ("trainer", 200), ("admin", 200)]
)
def test_question_images_only_for_bank_managers(
    cast: dict[str, Any], bank: Bank, who: str, expected: int
) -> None:
    question = services.question_create(bank=bank, type="short", stem="看图回答?")
    image = services.question_image_create(
        question=question, name="p.png", content_type="image/png", data=b"\x89PNG\r\n\x1a\n"
    )
    response = client_for(cast[who]).get(reverse("question-image", args=[image.pk]))
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\n"  # type: ignore[attr-defined]


def test_login_locked_after_repeated_failures(trainee: Any, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        response = client.post(reverse("login"), {"username": "trainee", "password": "wrong"})
    assert response.status_code == 429
    assert "登录已暂停" in response.content.decode()
    # Even the right password is refused while locked out.
    response = client.post(reverse("login"), {"username": "trainee", "password": PASSWORD})
    assert response.status_code == 429


def test_one_failed_login_is_just_an_error(trainee: Any) -> None:
    response = Client().post(reverse("login"), {"username": "trainee", "password": "wrong"})
    assert response.status_code == 200 and "login" in response.request["PATH_INFO"]
