"""A trainer searches the bank in Traditional characters, edits a question, saves, and is back
on the same filtered list; then, on a desktop, retires questions in bulk."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from qbank import services
from qbank.models import Bank, Question
from tests.browser.conftest import SCREENSHOTS, log_in, screenshot
from tests.conftest import PASSWORD


def stock(bank: Bank) -> Question:
    chapter = services.chapter_get_or_create(bank=bank, title="第一章 客户服务")
    question = services.question_create(
        bank=bank,
        chapter=chapter,
        type="single",
        stem="售后客户服务的核心目标是?请从下列选项中选出最能体现“以客户为中心”理念的一项。",
        options=["客户满意", "企业利润", "降低成本", "减少投诉"],
        answer="A",
        status=Question.Status.ACTIVE,
        warnings=["答案由导入器推断"],
    )
    services.question_create(
        bank=bank, type="short", stem="简述投诉处理流程。", status=Question.Status.NEEDS_REVIEW
    )
    for i in range(3):
        services.question_create(
            bank=bank,
            chapter=chapter,
            type="truefalse",
            stem=f"判断题 {i}:服务态度影响客户满意度。",
            answer=True,
            status=Question.Status.ACTIVE,
        )
    return question


def no_sideways_scroll(page: Page) -> None:
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_trainer_finds_and_edits_a_question_on_a_phone(
    phone_page: Page, live_server: Any, trainer: Any, bank: Bank
) -> None:
    question = stock(bank)
    log_in(phone_page, live_server.url, "trainer", PASSWORD)
    phone_page.goto(f"{live_server.url}/bank/questions/")
    no_sideways_scroll(phone_page)
    screenshot(phone_page, "bank-list-phone")
    # A ticked box pins the bulk buttons to the bottom of the screen (CSS :has, no script).
    phone_page.locator(".question-row input[name=ids]").first.check()
    expect(phone_page.locator(".bulk-bar")).to_have_css("position", "sticky")
    phone_page.screenshot(path=str(SCREENSHOTS / "bank-list-ticked-phone.png"))  # the screen, not the page
    phone_page.fill("input[name=q]", "售後客戶服務")
    phone_page.click("#question-filters button[type=submit]")
    expect(phone_page.locator(".question-row")).to_have_count(1)
    screenshot(phone_page, "bank-list-search-phone")

    phone_page.click(f"#question-{question.pk} .stem a")
    expect(phone_page.locator("textarea[name=options]")).to_have_value(
        "客户满意\n企业利润\n降低成本\n减少投诉"
    )
    phone_page.fill("textarea[name=explanation]", "客户满意是售后服务的核心。")
    no_sideways_scroll(phone_page)
    screenshot(phone_page, "bank-edit-phone")
    phone_page.click("#question-form button[type=submit]")

    # Back on the list the trainer searched, with the saved question still in it.
    expect(phone_page.locator("main")).to_contain_text(f"试题 #{question.pk} 已保存")
    expect(phone_page.locator("input[name=q]")).to_have_value("售後客戶服務")
    expect(phone_page.locator(f"#question-{question.pk}")).to_be_visible()
    question.refresh_from_db()
    assert question.explanation == "客户满意是售后服务的核心。"


def test_trainer_retires_questions_in_bulk_on_a_desktop(
    page: Page, live_server: Any, trainer: Any, bank: Bank
) -> None:
    question = stock(bank)
    log_in(page, live_server.url, "trainer", PASSWORD)
    page.goto(f"{live_server.url}/bank/questions/?type=truefalse")
    expect(page.locator(".question-row")).to_have_count(3)
    screenshot(page, "bank-list-desktop")
    for row in page.locator(".question-row input[name=ids]").all()[:2]:
        row.check()
    page.click(".bulk-bar button[value=retire]")
    expect(page.locator("main")).to_contain_text("2 道试题已改为“已停用”")
    assert Question.objects.filter(type="truefalse", status="retired").count() == 2

    page.goto(f"{live_server.url}/bank/questions/{question.pk}/")
    page.fill("textarea[name=explanation]", "<b>不加粗</b>")
    screenshot(page, "bank-edit-desktop")
    page.click("#question-form button[type=submit]")
    expect(page.locator("main")).to_contain_text(f"试题 #{question.pk} 已保存")
