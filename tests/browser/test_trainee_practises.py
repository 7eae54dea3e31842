"""A trainee practises a chapter on a phone, gets two wrong, finds them in the 错题本 and, with the
practice clock moved on to each review day (the PRACTICE_DAYS_AHEAD setting), clears one."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from practice.models import Mistake
from qbank.models import Bank
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD
from tests.practice.conftest import EXPLANATION, KEY_TEXT, chapters, practice_bank  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

# What to tick for each question, by a piece of its stem: right or wrong.
RIGHT = {"客户进门": "B", "礼貌用语": ["A", "B"], "打断客户": "false", "首问负责制": "一"}
WRONG = {"客户进门": "A", "打断客户": "true"}


def answer(page: Page, *, wrong: bool = False) -> str:
    stem = page.locator("#stem").inner_text()
    marker = next(m for m in RIGHT if m in stem)
    choice = (WRONG if wrong else RIGHT)[marker]
    if marker == "首问负责制":
        page.fill("input[name=q1-1]", str(choice))
    else:
        for value in choice if isinstance(choice, list) else [choice]:
            page.check(f"input[name=q1][value='{value}']")
    page.click("#submit-answer")
    page.wait_for_load_state()
    return marker


def review_day(page: Page, url: str, settings: Any, days: int, wrong: set[str]) -> None:
    settings.PRACTICE_DAYS_AHEAD = days
    page.goto(f"{url}/practice/mistakes/")
    page.click("#practise-mistakes")
    while page.locator("#stem").count():
        stem = page.locator("#stem").inner_text()
        marker = answer(page, wrong=any(m in stem for m in wrong))
        expect(page.locator("#verdict")).to_contain_text("回答错误" if marker in wrong else "回答正确")
        page.click("#next-question")


def test_practise_a_chapter_then_clear_a_mistake(
    phone_page: Page,
    live_server: Any,
    trainee: Any,
    practice_bank: Bank,  # noqa: F811
    settings: Any,
) -> None:
    page, url = phone_page, live_server.url
    log_in(page, url, trainee.username, PASSWORD)
    page.goto(f"{url}/quizzes/")
    expect(page.locator("#dashboard-due")).to_have_attribute("data-due", "0")
    page.click("#dashboard-practice")
    page.select_option("select[name=chapter]", label="第一章 接待(4)")
    screenshot(page, "practice-home-phone")
    page.click(f"[data-start-bank='{practice_bank.pk}']")

    # Question 1: no key on the page; answered wrong, the verdict brings key and explanation.
    expect(page.locator("#stem")).to_contain_text("客户进门")
    assert EXPLANATION not in page.content() and "correct-answer" not in page.content()
    assert KEY_TEXT in page.content()  # an option like any other, unmarked
    screenshot(page, "practice-question-phone")
    answer(page, wrong=True)
    expect(page.locator("#verdict")).to_contain_text("回答错误")
    expect(page.locator("#correct-answer")).to_have_text("B")
    expect(page.locator("#explanation")).to_have_text(EXPLANATION)
    screenshot(page, "practice-feedback-wrong-phone")
    page.click("#next-question")

    answer(page)  # multiple, right
    expect(page.locator("#verdict")).to_contain_text("回答正确")
    page.click("#next-question")
    # Stop here and come back: the practice resumes at question 3.
    page.goto(f"{url}/practice/")
    page.click("[data-session] a")
    expect(page.locator("#stem")).to_contain_text("打断客户")
    answer(page, wrong=True)
    page.click("#next-question")
    answer(page)  # fill, right
    page.click("#next-question")
    expect(page.locator("#summary")).to_contain_text("答对 2 题,答错 2 题")

    page.click("#nav-mistakes")
    expect(page.locator(".mistake")).to_have_count(2)
    screenshot(page, "practice-mistakes-phone")

    # Day 1: both due; the first is reviewed right, the other wrong again (it starts over).
    settings.PRACTICE_DAYS_AHEAD = 1
    page.goto(f"{url}/quizzes/")
    expect(page.locator("#dashboard-due")).to_have_attribute("data-due", "2")
    screenshot(page, "practice-dashboard-due-phone")
    review_day(page, url, settings, 1, wrong={"打断客户"})
    # Days 4 and 11: both answered right; the first passes its third review and leaves.
    review_day(page, url, settings, 4, wrong=set())
    review_day(page, url, settings, 11, wrong=set())
    page.goto(f"{url}/practice/mistakes/")
    expect(page.locator(".mistake")).to_have_count(1)
    expect(page.locator(".mistake")).to_contain_text("打断客户")
    screenshot(page, "practice-mistakes-after-phone")
    cleared = Mistake.objects.get(user=trainee, cleared_at__isnull=False)
    assert cleared.question.stem.startswith("客户进门") and cleared.stage == 3
