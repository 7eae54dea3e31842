"""A trainer builds a paper from two chapters in the browser, publishes it, and grades a
trainee's short answer from the grading queue."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, Paper
from tests.browser.conftest import log_in, screenshot
from tests.chapters import chapter_with_singles
from tests.conftest import PASSWORD


@pytest.fixture
def two_chapter_bank(bank: Bank) -> Bank:
    for title in ("第一章 服务礼仪", "第二章 投诉处理"):
        chapter = chapter_with_singles(bank=bank, title=title, count=3)
    qbank_services.question_create(
        bank=bank,
        chapter=chapter,
        status=Question.Status.ACTIVE,
        type="short",
        stem="简述处理投诉的步骤?",
        answer="倾听客户诉求,道歉,提出解决方案并跟进",
    )
    return bank


def test_trainer_builds_a_paper_from_two_chapters(
    page: Page, live_server: Any, trainer: Any, two_chapter_bank: Bank
) -> None:
    log_in(page, live_server.url, "trainer", PASSWORD)
    page.goto(f"{live_server.url}/quizzes/manage/papers/new/")
    page.fill("input[name=title]", "投诉处理测验")
    page.select_option("select[name=bank]", str(two_chapter_bank.pk))
    page.fill("input[name=time_limit_minutes]", "15")
    row = page.locator("[data-rule]").first
    row.locator("select[name$='-type']").select_option("single")
    row.locator("select[name$='-chapters']").select_option(label=["第一章 服务礼仪", "第二章 投诉处理"])
    row.locator("input[name$='-count']").fill("7")
    # Live feedback: 6 questions in the two chapters, so 7 is too many.
    expect(row.locator("[data-available]")).to_contain_text("6")
    expect(row.locator("[data-problem]")).not_to_be_empty()
    row.locator("input[name$='-count']").fill("4")
    row.locator("input[name$='-points']").fill("2.5")
    expect(row.locator("[data-problem]")).to_be_empty()
    expect(page.locator("[data-total-points]")).to_have_text("10")
    screenshot(page, "trainer-paper-form-desktop")
    page.click("#paper-form button[type=submit]")
    page.wait_for_load_state()
    paper = Paper.objects.get(title="投诉处理测验")
    rule = paper.rules.get()
    assert (rule.count, rule.points, rule.chapters.count()) == (4, Decimal("2.5"), 2)
    page.goto(f"{live_server.url}/quizzes/manage/papers/{paper.pk}/")
    page.locator("form[action$='/publish/'] button").click()
    page.wait_for_load_state()
    paper.refresh_from_db()
    assert paper.status == Paper.Status.PUBLISHED


def test_trainer_grades_a_short_answer(
    page: Page, live_server: Any, trainer: Any, trainee: Any, two_chapter_bank: Bank
) -> None:
    paper = Paper.objects.create(title="简答测验", bank=two_chapter_bank, created_by=trainer)
    services.rules_replace(paper=paper, rules=[{"type": "short", "count": 1, "points": Decimal("5")}])
    services.paper_publish(paper=paper)
    attempt = services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    services.answer_save(attempt=attempt, position=1, response="先倾听客户诉求,再道歉")
    services.attempt_submit(attempt=attempt)

    log_in(page, live_server.url, "trainer", PASSWORD)
    page.goto(f"{live_server.url}/quizzes/manage/grading/")
    page.locator("a[href*='/grading/']").filter(has_text="简答").first.click()
    expect(page.locator("[data-response] mark").first).to_be_visible()  # key terms highlighted
    screenshot(page, "trainer-grade-answer-desktop")
    page.fill("input[name=score]", "4")
    page.fill("textarea[name=comment]", "要点基本齐全,缺少跟进。")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert (attempt.score, attempt.pending_grading, attempt.passed) == (Decimal("4"), 0, True)
    assert attempt.questions.get().comment == "要点基本齐全,缺少跟进。"
