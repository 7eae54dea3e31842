"""A trainer searches the bank in Traditional characters on a phone, edits a question, saves."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from qbank import services
from qbank.models import Bank, Question
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD


def test_trainer_finds_and_edits_a_question(
    phone_page: Page, page: Page, live_server: Any, trainer: Any, bank: Bank
) -> None:
    chapter = services.chapter_get_or_create(bank=bank, title="第一章 客户服务")
    question = services.question_create(
        bank=bank,
        chapter=chapter,
        type="single",
        stem="售后客户服务的核心目标是?",
        options=["满意", "利润"],
        answer="A",
        status=Question.Status.ACTIVE,
    )
    services.question_create(
        bank=bank, type="short", stem="简述投诉处理流程。", status=Question.Status.NEEDS_REVIEW
    )
    log_in(phone_page, live_server.url, "trainer", PASSWORD)
    phone_page.goto(f"{live_server.url}/bank/")
    phone_page.fill("input[name=q]", "售後客戶服務")
    phone_page.click("#question-filters button[type=submit]")
    expect(phone_page.locator(".question-row")).to_have_count(1)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "bank-list-phone")
    phone_page.click(f"#question-{question.pk} a")
    phone_page.fill("textarea[name=explanation]", "客户满意是售后服务的核心。")
    screenshot(phone_page, "bank-edit-phone")
    phone_page.click("#question-form button[type=submit]")
    expect(phone_page.locator("main")).to_contain_text("已保存")
    question.refresh_from_db()
    assert question.explanation == "客户满意是售后服务的核心。"

    log_in(page, live_server.url, "trainer", PASSWORD)
    page.goto(f"{live_server.url}/bank/?status=needs_review")
    expect(page.locator(".question-row")).to_have_count(1)
    screenshot(page, "bank-list-desktop")
