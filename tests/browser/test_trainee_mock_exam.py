"""A trainee sits a 模拟考试: starts it from the practice area, answers against the clock, hands
in, and finds it under 模拟考试 (not among the exams) with the missed question in the 错题本.
At phone and desktop width; the screenshots are looked at."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from practice.models import Mistake
from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, Paper
from tests.browser.conftest import DESKTOP, PHONE, close_page, log_in, open_page, screenshot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mock_paper(bank: Bank, trainer: Any) -> Paper:
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 投诉处理")
    for stem, options in (
        ("投诉处理的第一步是?", ["倾听", "辩解", "转交"]),
        ("客户情绪激动时应该?", ["安抚", "争吵", "挂断"]),
        ("回访的目的是?", ["确认问题已解决", "推销新产品", "催促付款"]),
    ):
        qbank_services.question_create(
            bank=bank, chapter=chapter, status=Question.Status.ACTIVE, type="single",
            stem=stem, options=options, answer="A", explanation="第一个选项。",
        )  # fmt: skip
    paper = Paper.objects.create(
        title="投诉处理模拟", bank=bank, created_by=trainer, time_limit_minutes=10,
        shuffle_options=False, practice_enabled=True, practice_attempts_allowed=3,
    )  # fmt: skip
    services.rules_replace(paper=paper, rules=[{"type": "single", "count": 2, "points": Decimal("5")}])
    return services.paper_publish(paper=paper)


@pytest.mark.parametrize(("viewport", "width"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_trainee_sits_a_mock_exam(
    browser: Browser, live_server: Any, trainee: Any, mock_paper: Paper, viewport: dict[str, int], width: str
) -> None:
    page: Page = open_page(browser, viewport)
    try:
        url = live_server.url
        log_in(page, url, trainee.username, PASSWORD)
        page.goto(f"{url}/practice/")
        page.click("#mock-exams-link")
        expect(page.locator(f"[data-mock-paper='{mock_paper.pk}'] [data-mock-left]")).to_have_attribute(
            "data-mock-left", "3"
        )
        screenshot(page, f"mock-exams-{width}")
        page.click(f"[data-mock-start='{mock_paper.pk}']")
        page.wait_for_url("**/quizzes/attempts/*/")
        expect(page.locator("#mock-badge")).to_be_visible()
        assert ":" in page.locator("#countdown").inner_text()  # timed like an exam
        assert "第一个选项。" not in page.content()

        # The first question right, the second wrong.
        page.locator("#q-1 input[value='A']").check()
        expect(page.locator("#q-1 .save-state[data-save-state='saved']")).to_be_visible()
        page.locator("[data-nav-position='2']").click()
        page.locator("#q-2 input[value='B']").check()
        expect(page.locator("#q-2 .save-state[data-save-state='saved']")).to_be_visible()
        screenshot(page, f"mock-exam-{width}")
        page.click("#submit-button")
        page.click("#submit-confirm")
        page.wait_for_url("**/summary/")  # the score first, the review one click away
        expect(page.locator("#result-score")).to_have_text("5")
        expect(page.locator("#mock-badge")).to_be_visible()
        expect(page.locator("#open-missed")).to_have_text("只看错题(1)")
        screenshot(page, f"mock-result-{width}")

        page.click("#back-to-mock")
        attempt = Attempt.objects.get(user=trainee, practice=True)
        row = page.locator(f"[data-mock-attempt='{attempt.pk}']")
        expect(row).to_contain_text("模拟第 1 次")
        expect(row.locator(".attempt-score")).to_contain_text("5 / 10")
        expect(page.locator(f"[data-mock-paper='{mock_paper.pk}'] [data-mock-left]")).to_have_attribute(
            "data-mock-left", "2"
        )
        screenshot(page, f"mock-exams-after-{width}")

        # The dashboard lists it under 模拟考试, not among the exam attempts.
        page.goto(f"{url}/quizzes/")
        expect(page.locator(f"#mock-exams [data-mock-attempt='{attempt.pk}']")).to_be_visible()
        expect(page.locator(f"#my-attempts [data-attempt='{attempt.pk}']")).to_have_count(0)
        screenshot(page, f"mock-dashboard-{width}")
        wrong = attempt.questions.get(position=2).question_id
        assert list(Mistake.objects.filter(user=trainee).values_list("question_id", flat=True)) == [wrong]
        assert mock_paper.attempts.filter(practice=False).count() == 0
    finally:
        close_page(page)
