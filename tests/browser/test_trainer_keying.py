"""A trainer keys the questions a paper printed without answers, keyboard only, on a desktop;
on a phone, the paper form points at the questions waiting and a tap keys one."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from qbank import services
from qbank.models import Bank, Question
from qbank.review import NO_ANSWER
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_trainer_bank import no_sideways_scroll
from tests.conftest import PASSWORD


@pytest.fixture
def unkeyed(bank: Bank) -> list[Question]:
    """Four questions as the importer stores a paper that printed no answers."""
    chapter = services.chapter_get_or_create(bank=bank, title="第二章 投诉处理")

    def waiting(**fields: Any) -> Question:
        return services.question_create(
            bank=bank, chapter=chapter, status=Question.Status.NEEDS_REVIEW, warnings=[NO_ANSWER], **fields
        )

    return [
        waiting(
            type="multiple",
            stem="处理客户投诉时,下列哪些做法是正确的?",
            material="某客户因快递延误三天,第二次致电客服中心,情绪激动,要求赔偿并投诉配送员。",
            options=["耐心倾听客户诉求", "与客户争辩责任归属", "真诚道歉并说明原因", "及时跟进处理结果"],
        ),
        waiting(type="truefalse", stem="客户投诉时,客服人员应当先解释公司规定,再倾听客户诉求。"),
        waiting(type="fill", stem="处理投诉的第一步是____,第二步是____。"),
        waiting(type="short", stem="简述处理投诉的主要步骤。"),
    ]


def test_trainer_keys_three_questions_with_the_keyboard(
    page: Page, live_server: Any, trainer: Any, bank: Bank, unkeyed: list[Question]
) -> None:
    multiple, judge, fill, short = unkeyed
    log_in(page, live_server.url, "trainer", PASSWORD)
    page.goto(f"{live_server.url}/bank/keying/?bank={bank.pk}")
    expect(page.locator("#keying-left")).to_contain_text("还有 4 题待录入答案")
    expect(page.locator("[data-keys]")).to_be_visible()  # the script is on: it shows the keys

    # Multiple choice: A, C, D toggle on, D again toggles off; Enter saves and moves on.
    for key in "acdd":
        page.keyboard.press(key)
    expect(page.locator("input[name=answer]:checked")).to_have_count(2)
    screenshot(page, "keying-desktop")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(f"试题 #{multiple.pk} 已录入答案并启用")
    expect(page.locator("#keying-left")).to_contain_text("还有 3 题待录入答案")

    # True/false: T, then F changes the mind; Enter.
    page.keyboard.press("t")
    page.keyboard.press("f")
    expect(page.locator("input[value=false]")).to_be_checked()
    page.keyboard.press("Enter")
    expect(page.locator("#keying-left")).to_contain_text("还有 2 题待录入答案")

    # Fill: the first blank has the focus; Tab to the second, Enter saves.
    page.keyboard.type("倾听")
    page.keyboard.press("Tab")
    page.keyboard.type("道歉|致歉")
    screenshot(page, "keying-fill-desktop")
    page.keyboard.press("Enter")
    expect(page.locator("#keying-left")).to_contain_text("还有 1 题待录入答案")
    expect(page.locator(f"#question-{short.pk}")).to_be_visible()
    screenshot(page, "keying-short-desktop")

    keyed = {
        q.pk: (q.answer, q.status) for q in Question.objects.filter(pk__in=[multiple.pk, judge.pk, fill.pk])
    }
    assert keyed == {
        multiple.pk: ("AC", "active"),
        judge.pk: (False, "active"),
        fill.pk: (["倾听", "道歉|致歉"], "active"),
    }
    # In the textarea Enter is a new line; Ctrl+Enter saves.
    page.keyboard.type("先倾听")
    page.keyboard.press("Enter")
    page.keyboard.type("再道歉")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#keying-done")).to_be_visible()
    short.refresh_from_db()
    assert (short.answer, short.status) == ("先倾听\n再道歉", "active")


def test_paper_form_links_a_rules_unkeyed_questions_on_a_phone(
    phone_page: Page, live_server: Any, trainer: Any, bank: Bank, unkeyed: list[Question]
) -> None:
    judge = unkeyed[1]
    log_in(phone_page, live_server.url, "trainer", PASSWORD)
    phone_page.goto(f"{live_server.url}/quizzes/manage/papers/new/")
    phone_page.select_option("select[name=bank]", str(bank.pk))
    row = phone_page.locator("[data-rule]").first
    row.locator("select[name$='-type']").select_option("truefalse")
    expect(row.locator("[data-available]")).to_contain_text("可抽 0 题")
    link = row.locator("[data-unkeyed]")
    expect(link).to_have_text("另有 1 题待录入答案")
    link.scroll_into_view_if_needed()
    screenshot(phone_page, "paper-form-unkeyed-phone")
    link.click()

    expect(phone_page.locator(f"#question-{judge.pk}")).to_be_visible()
    expect(phone_page.locator("#keying-left")).to_contain_text("还有 1 题待录入答案")
    no_sideways_scroll(phone_page)
    screenshot(phone_page, "keying-phone")
    phone_page.get_by_text("对", exact=True).click()
    phone_page.click("#key-save")
    expect(phone_page.locator("main")).to_contain_text(f"试题 #{judge.pk} 已录入答案并启用")
    expect(phone_page.locator("#keying-done")).to_be_visible()
    judge.refresh_from_db()
    assert (judge.answer, judge.status) == (True, "active")
