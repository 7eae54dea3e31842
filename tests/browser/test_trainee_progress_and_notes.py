"""A trainee with a week of practice and two exams behind them opens 我的进度 (phone and
desktop), then answers a question and writes a note under the verdict: saved in place, without
reloading the page, and found again in 我的笔记."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from practice import services
from qbank.models import Bank
from quizzes import services as quiz_services
from quizzes.models import Attempt, Paper
from tests.browser.conftest import DESKTOP, PHONE, close_page, log_in, open_page, screenshot
from tests.conftest import PASSWORD
from tests.practice.conftest import chapters, practice_bank  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

RIGHT = {"single": "B", "multiple": ["A", "B"], "truefalse": False, "fill": ["一"]}
WRONG = {"single": "A", "multiple": ["C"], "truefalse": True, "fill": ["二"]}


def history(trainee: Any, bank: Bank) -> None:
    """Practice on four of the last six days (fewer misses each time), exams on the other two
    (wrong, then right): answers on each of the last six days, nothing yet today."""
    now = timezone.now()
    first = bank.chapters.order_by("order").first()
    for days_ago, misses in ((6, 3), (4, 2), (3, 1), (1, 0)):
        at = now - timedelta(days=days_ago)
        session = services.session_start(user=trainee, bank=bank, chapter=first, now=at)
        n = 0
        while (question := services.session_question(session=session)) is not None:
            answers = WRONG if n < misses else RIGHT
            services.session_answer(
                session=session, question=question, response=answers[question.type], now=at
            )
            n += 1
    paper = Paper.objects.get(title="月考")
    paper.attempts_allowed = 3
    paper.save()
    for days_ago, right in ((5, False), (2, True)):
        at = now - timedelta(days=days_ago)
        attempt = quiz_services.attempt_start(paper=paper, user=trainee, now=at, rng=random.Random(days_ago))
        key = attempt.questions.get().key
        response = key if right else ("B" if key == "A" else "A")
        quiz_services.answer_save(attempt=attempt, position=1, response=response, now=at)
        quiz_services.attempt_submit(attempt=attempt, now=at + timedelta(minutes=2))


def visit_progress(page: Page, url: str, name: str) -> None:
    page.goto(f"{url}/quizzes/")
    page.click("#nav-progress")
    expect(page.locator("h1")).to_have_text("我的进度")
    expect(page.locator("#streak")).to_have_attribute("data-streak", "6")
    expect(page.locator(".mastery-row").first).to_contain_text("第一章 接待")
    # Chart.js drew on the canvas (it sizes it), and the same figures are in the table.
    expect(page.locator("#history-chart")).to_be_visible()
    assert page.evaluate("document.getElementById('history-chart').width") > 0
    expect(page.locator("#history-table tbody tr")).to_have_count(6)
    screenshot(page, f"progress-{name}")
    page.click("#history-table-box summary")
    expect(page.locator("#history-table")).to_be_visible()
    screenshot(page, f"progress-table-{name}")


def test_progress_page_and_a_note(
    browser: Browser,
    live_server: Any,
    trainee: Any,
    practice_bank: Bank,  # noqa: F811
) -> None:
    history(trainee, practice_bank)
    for viewport, name in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page = open_page(browser, viewport)
        log_in(page, live_server.url, trainee.username, PASSWORD)
        visit_progress(page, live_server.url, name)
        close_page(page)

    page = open_page(browser, PHONE)
    url = live_server.url
    log_in(page, url, trainee.username, PASSWORD)
    page.goto(f"{url}/practice/")
    page.click(f"[data-start-bank='{practice_bank.pk}']")
    page.check("input[name=q1][value='A']")  # 客户进门…: wrong
    page.click("#submit-answer")
    expect(page.locator("#verdict")).to_contain_text("回答错误")
    page.evaluate("window.notReloaded = true")
    page.click(".note-box summary")
    page.fill(".note-form textarea", "先问好,再<b>询问</b>需求")
    page.click(".note-form button[type=submit]")
    expect(page.locator(".note-status")).to_have_text("笔记已保存。")
    assert page.evaluate("window.notReloaded === true")  # saved in place
    screenshot(page, "note-saved-phone")
    page.goto(f"{url}/practice/notes/")
    expect(page.locator(".note-form textarea")).to_have_value("先问好,再<b>询问</b>需求")
    screenshot(page, "notes-list-phone")
    close_page(page)

    # On a result page too, at desktop width: the note sits under its question.
    attempt = Attempt.objects.filter(user=trainee).latest("submitted_at")
    page = open_page(browser, DESKTOP)
    log_in(page, url, trainee.username, PASSWORD)
    page.goto(f"{url}/quizzes/attempts/{attempt.pk}/result/")
    page.click(".note-box summary")
    page.fill(".note-form textarea", "考试里这题答对了")
    page.click(".note-form button[type=submit]")
    expect(page.locator(".note-status")).to_have_text("笔记已保存。")
    expect(page.locator(".note-box summary")).to_have_text("我的笔记")
    screenshot(page, "note-on-result-desktop")
    page.reload()
    expect(page.locator(".note-form textarea")).to_have_value("考试里这题答对了")
    close_page(page)
