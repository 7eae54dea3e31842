"""The English UI: the language switcher (or the browser's language) turns the Chinese pages into English."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from qbank.models import Bank
from quizzes.models import Paper
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Per page: (English text that must show, the Chinese text it replaces).
LOGIN = [("Log in", "登录"), ("Customer Service Question Bank", "客服培训题库")]
DASHBOARD = [
    ("My exams", "我的考试"),
    ("Available papers", "可参加的试卷"),
    ("Start exam", "开始考试"),
    ("Time limit", "时间限制"),
    ("45 min", "45 分钟"),
    ("Used 0 of 2, 2 left", "已用 0 / 2 次,剩余 2 次"),
    ("No attempts yet.", "还没有作答记录。"),
]
PAPER_LIST = [
    ("Manage papers", "试卷管理"),
    ("My papers", "我的试卷"),
    ("New paper", "新建试卷"),
    ("0 rules", "0 条规则"),
    ("0 attempts", "0 次作答"),
    ("Preview", "预览"),
    ("Results", "成绩"),
    ("Published", "已发布"),
    ("Unpublish", "取消发布"),
]


@pytest.fixture
def pages(bank: Bank, trainer: Any, trainee: Any) -> dict[str, tuple[Any, str, list[tuple[str, str]]]]:
    """Each page as (who views it, its URL, its strings); the paper is open to every trainee."""
    Paper.objects.create(
        title="Service basics",
        bank=bank,
        time_limit_minutes=45,
        attempts_allowed=2,
        status=Paper.Status.PUBLISHED,
        created_by=trainer,
    )
    return {
        "login": (None, reverse("login"), LOGIN),
        "dashboard": (trainee, reverse("quizzes:dashboard"), DASHBOARD),
        "paper_list": (trainer, reverse("quizzes:paper_list"), PAPER_LIST),
    }


def page_text(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("page", ["login", "dashboard", "paper_list"])
def test_chinese_by_default(pages: dict[str, Any], page: str) -> None:
    user, url, pairs = pages[page]
    english, chinese = zip(*pairs, strict=True)
    text = page_text(client_for(user), url)
    assert '<html lang="zh-hans">' in text
    for words in chinese:
        assert words in text
    for words in english:
        assert words not in text


@pytest.mark.parametrize("page", ["login", "dashboard", "paper_list"])
def test_english_after_choosing_it_in_the_switcher(pages: dict[str, Any], page: str) -> None:
    user, url, pairs = pages[page]
    english, chinese = zip(*pairs, strict=True)
    client = client_for(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    text = page_text(client, url)
    assert '<html lang="en">' in text
    for words in english:
        assert words in text
    for words in chinese:
        assert words not in text


@pytest.mark.parametrize("page", ["login", "dashboard", "paper_list"])
def test_english_from_the_browser_language(pages: dict[str, Any], page: str) -> None:
    user, url, pairs = pages[page]
    english, chinese = zip(*pairs, strict=True)
    text = page_text(client_for(user), url, HTTP_ACCEPT_LANGUAGE="en")
    for words in english:
        assert words in text
    for words in chinese:
        assert words not in text


def test_switching_back_to_chinese(trainee: Any) -> None:
    client = client_for(trainee)
    url = reverse("quizzes:dashboard")
    client.post(reverse("set_language"), {"language": "en", "next": url})
    assert "My exams" in page_text(client, url)
    client.post(reverse("set_language"), {"language": "zh-hans", "next": url})
    text = page_text(client, url)
    assert "我的考试" in text and "My exams" not in text


def test_every_message_has_an_english_translation() -> None:
    """A string added to the UI and left untranslated would show Chinese in the English UI."""
    po = (Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    entries = po.split("\n\n")[1:]  # the first entry is the header, whose msgid is empty
    assert len(entries) > 300
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', e, re.M)]
    assert untranslated == []
    assert "#, fuzzy" not in po
    assert (Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.mo").is_file()
