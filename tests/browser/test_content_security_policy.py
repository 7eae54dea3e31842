"""Every page works under the Content-Security-Policy: an admin walks the site, the Django admin
included, and the page fixture fails the test on any console message about a blocked resource."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.urls import reverse
from playwright.sync_api import Page, expect

from qbank import services
from qbank.models import Bank, Question
from tests.browser.conftest import log_in, wait_until_true
from tests.conftest import PASSWORD

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def test_an_admin_walks_every_kind_of_page_without_a_csp_violation(
    page: Page, live_server: Any, admin: Any, bank: Bank
) -> None:
    question = services.question_create(
        bank=bank,
        type="single",
        stem="看图选择?",
        options=["甲", "乙"],
        answer="A",
        status=Question.Status.ACTIVE,
    )
    services.question_image_create(question=question, name="p.png", content_type="image/png", data=PNG)
    log_in(page, live_server.url, "admin", PASSWORD)
    for url in [
        reverse("home"),
        reverse("quizzes:dashboard"),
        reverse("quizzes:paper_list"),
        reverse("quizzes:paper_create"),
        reverse("quizzes:grading_queue"),
        reverse("qbank:question_list"),
        reverse("qbank:question_edit", args=[question.pk]),
        reverse("importers:history"),
        reverse("importers:upload"),
        reverse("admin:index"),
        reverse("admin:qbank_question_changelist"),
        reverse("admin:qbank_question_change", args=[question.pk]),
        reverse("admin:qbank_question_add"),
    ]:
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == 200, url
        assert "default-src 'self'" in (response.header_value("content-security-policy") or "")
    # The language menu still switches without its old inline onchange handler.
    page.goto(live_server.url + reverse("home"))
    page.select_option("select[name=language]", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_condition_that_turns_true_later_is_awaited_under_the_policy(
    page: Page, live_server: Any, trainee: Any
) -> None:
    # Playwright's wait_for_function polls with eval, which the policy refuses once the first
    # check is false (CI failed that way); wait_until_true polls through DevTools instead.
    log_in(page, live_server.url, "trainee", PASSWORD)
    page.evaluate("() => { setTimeout(() => { window.late = true; }, 300); }")
    wait_until_true(page, "window.late === true")
    assert page.evaluate("window.late") is True


def test_no_browser_test_polls_with_eval() -> None:
    others = [t for t in Path(__file__).parent.glob("test_*.py") if t.name != Path(__file__).name]
    offenders = [t.name for t in others if "wait_for_function(" in t.read_text(encoding="utf-8")]
    assert offenders == []
