"""A trainee takes a timed paper on a phone: answers, sees them saved, reloads and finds every
answer, then lets the timer run out, lands on the auto-submitted score and opens the review."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, Paper
from tests.browser.conftest import DESKTOP, PHONE, log_in, screenshot
from tests.conftest import PASSWORD

SHORT_ANSWER = "先倾听客户诉求,真诚道歉,再提出解决方案并跟进。"


@pytest.fixture
def timed_paper(bank: Bank, trainer: Any) -> Paper:
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 投诉处理")
    qbank_services.question_create(
        bank=bank,
        chapter=chapter,
        status=Question.Status.ACTIVE,
        type="single",
        stem="投诉处理的第一步是?",
        options=["倾听", "辩解", "转交"],
        answer="A",
        explanation="先听完再说。",
    )
    qbank_services.question_create(
        bank=bank,
        chapter=chapter,
        status=Question.Status.ACTIVE,
        type="short",
        stem="简述处理投诉的步骤。",
        answer="倾听,道歉,解决,跟进",
    )
    paper = Paper.objects.create(
        title="投诉处理小测",
        bank=bank,
        created_by=trainer,
        time_limit_minutes=5,
        shuffle_questions=False,
        shuffle_options=False,
    )
    services.rules_replace(
        paper=paper,
        rules=[
            {"type": "single", "count": 1, "points": Decimal("2")},
            {"type": "short", "count": 1, "points": Decimal("4")},
        ],
    )
    return services.paper_publish(paper=paper)


def test_trainee_takes_a_timed_paper(
    phone_page: Page, live_server: Any, trainee: Any, timed_paper: Paper
) -> None:
    page = phone_page
    log_in(page, live_server.url, "trainee", PASSWORD)
    page.goto(f"{live_server.url}/quizzes/")
    screenshot(page, "trainee-dashboard-phone")
    page.click(f"button[data-start='{timed_paper.pk}']")
    page.wait_for_url("**/quizzes/attempts/*/")
    attempt = Attempt.objects.get(user=trainee, paper=timed_paper)
    # The key never reaches the page before submission.
    assert "先听完再说" not in page.content() and "倾听,道歉,解决,跟进" not in page.content()
    assert ":" in page.locator("#countdown").inner_text()

    page.locator("#q-1 input[value='A']").check()
    expect(page.locator("#q-1 .save-state[data-save-state='saved']")).to_be_visible()
    page.locator("[data-nav-position='2']").click()
    page.fill("#q-2 textarea", SHORT_ANSWER)
    expect(page.locator("#save-status[data-state='saved']")).to_be_visible()
    expect(page.locator("#q-2 .save-state[data-save-state='saved']")).to_have_count(1)
    screenshot(page, "trainee-exam-phone")

    page.reload()
    page.locator("[data-nav-position='1']").click()
    expect(page.locator("#q-1 input[value='A']")).to_be_checked()
    page.locator("[data-nav-position='2']").click()
    expect(page.locator("#q-2 textarea")).to_have_value(SHORT_ANSWER)

    # Let the time run out: the deadline moves to a few seconds from now, as if the trainee
    # had been sitting the paper for almost five minutes.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=4))
    page.reload()
    # The page hands in at 0 and lands on the score; every question is one click away.
    page.wait_for_url("**/summary/", timeout=20_000)
    expect(page.locator("#result[data-auto-submitted='true']")).to_be_visible()
    expect(page.locator("#auto-submitted")).to_be_visible()
    expect(page.locator("#state-counts li")).to_have_text(["1 正确", "1 待批改"])
    assert "先听完再说" not in page.content()  # the explanation waits on the review
    screenshot(page, "trainee-score-phone")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "trainee-score-desktop")
    page.set_viewport_size(PHONE)
    page.click("#open-review")
    page.wait_for_url("**/result/")
    expect(page.locator("#result[data-auto-submitted='true']")).to_be_visible()
    expect(page.get_by_text("先听完再说")).to_be_visible()
    screenshot(page, "trainee-result-phone")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.auto_submitted
    assert attempt.questions.get(position=1).score == Decimal("2")
    assert attempt.questions.get(position=2).response == SHORT_ANSWER
    assert attempt.pending_grading == 1  # the short answer waits for a trainer
