"""The exam with a keyboard and as a screen reader hears it (axe cannot check these): the skip
link, focus after navigating, names in the accessibility tree, what the live regions say and how
often, the time warnings, and the submit dialog's count of flagged questions."""

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
from tests.browser.conftest import log_in, screenshot, wait_until_true
from tests.conftest import PASSWORD

# Every text the live regions were given, in order: what a screen reader would have announced.
RECORD_ANNOUNCEMENTS = """() => {
  window.heard = [];
  for (const id of ["announce-polite", "announce-assertive"]) {
    const region = document.getElementById(id);
    new MutationObserver(() => { if (region.textContent) window.heard.push([id, region.textContent]); })
      .observe(region, { childList: true, characterData: true, subtree: true });
  }
}"""


@pytest.fixture
def three_questions(bank: Bank, trainer: Any) -> Paper:
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 投诉处理")
    for fields in (
        {"type": "single", "stem": "投诉处理的第一步是?", "options": ["倾听", "辩解"], "answer": "A"},
        {"type": "fill", "stem": "服务三要素:____和耐心。", "answer": ["热情"]},
        {"type": "short", "stem": "商业智能", "answer": "用数据支持决策"},
    ):
        qbank_services.question_create(bank=bank, chapter=chapter, status=Question.Status.ACTIVE, **fields)
    paper = Paper.objects.create(
        title="无障碍测验", bank=bank, created_by=trainer, shuffle_questions=False, shuffle_options=False
    )
    rules = [{"type": t, "count": 1, "points": Decimal("2")} for t in ("single", "fill", "short")]
    services.rules_replace(paper=paper, rules=rules)
    return services.paper_publish(paper=paper)


def start(page: Page, base: str, paper: Paper) -> None:
    log_in(page, base, "trainee", PASSWORD)
    page.goto(f"{base}/quizzes/")
    page.click(f"button[data-start='{paper.pk}']")
    page.wait_for_url("**/quizzes/attempts/*/")
    page.evaluate(RECORD_ANNOUNCEMENTS)


def heard(page: Page) -> list[list[str]]:
    return list(page.evaluate("() => window.heard"))


def test_one_question_mode_by_keyboard_on_a_phone(
    phone_page: Page, live_server: Any, trainee: Any, three_questions: Paper
) -> None:
    page = phone_page
    start(page, live_server.url, three_questions)
    expect(page.locator("#exam")).to_have_attribute("data-mode", "one")

    # The first Tab reaches the skip link, which lands on the current question's heading.
    page.keyboard.press("Tab")
    expect(page.locator("#skip-to-question")).to_be_focused()
    expect(page.locator("#skip-to-question")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#q-1-title")).to_be_focused()

    # Each question is a group named by its number and stem, so its options are heard with it.
    expect(page.locator("#q-1")).to_match_aria_snapshot(
        """
        - group "第 1 题 单选题 · 2 分 投诉处理的第一步是?":
          - heading "第 1 题 单选题 · 2 分" [level=3]
          - button "标记"
          - paragraph: 投诉处理的第一步是?
          - radio "A 倾听"
          - radio "B 辩解"
        """
    )

    # Answer with the keyboard: Tab from the heading to the flag button, then the options.
    page.keyboard.press("Tab")
    expect(page.locator("#q-1 .flag-toggle")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#q-1 input[value='A']")).to_be_checked()
    expect(page.locator("#q-1 .save-state[data-save-state='saved']")).to_be_visible()
    nav = page.locator("[data-nav-position='1']")
    expect(nav).to_have_accessible_name("第 1 题，已答，已标记")
    expect(page.locator("[data-nav-position='2']")).to_have_accessible_name("第 2 题，未答")

    # Next: focus moves to the new question's heading and its position is announced.
    page.locator("#next-question").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#q-2-title")).to_be_focused()
    expect(page.locator("#announce-polite")).to_have_text("第 2 题,共 3 题")
    expect(page.locator("#q-2 input[data-blank='1']")).to_have_accessible_name("第 1 空")
    screenshot(page, "a11y-exam-one-question-phone")

    # Typing a word saves after a pause: one announcement once it settled, none per keystroke.
    page.evaluate("() => { window.heard = []; }")
    page.locator("#q-2 input[data-blank='1']").focus()
    page.keyboard.type("热情周到", delay=40)
    expect(page.locator("#save-status[data-state='saved']")).to_be_visible()
    expect(page.locator("#q-2 .save-state[data-save-state='saved']")).to_be_visible()
    wait_until_true(page, "window.heard.length > 0")
    saves = [text for region, text in heard(page) if text.startswith("已保存")]
    assert len(saves) == 1, heard(page)

    # The 名词解释 says what is asked.
    page.locator("[data-nav-position='3']").click()
    expect(page.locator("#q-3-title")).to_be_focused()
    expect(page.locator("#q-3-stem")).to_have_text("请解释下列名词：商业智能")

    # The submit dialog counts the flagged question too.
    page.locator("#submit-button").click()
    expect(page.locator("#submit-dialog-text")).to_have_text("还有 1 题未作答，1 题已标记，确定交卷吗？")
    screenshot(page, "a11y-submit-dialog-phone")
    page.locator("#submit-cancel").click()


def test_time_warnings_are_said_in_words(
    page: Page, live_server: Any, trainee: Any, three_questions: Paper
) -> None:
    start(page, live_server.url, three_questions)
    attempt = Attempt.objects.get(user=trainee)
    expect(page.locator("#time-warning")).to_be_hidden()

    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=200))
    page.reload()
    expect(page.locator("#time-warning")).to_have_text("剩余时间不到 5 分钟")
    expect(page.locator("#announce-polite")).to_have_text("剩余时间不到 5 分钟")
    expect(page.locator("#announce-assertive")).to_be_empty()
    screenshot(page, "a11y-five-minutes-desktop")

    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=50))
    page.reload()
    expect(page.locator("#time-warning")).to_have_text("剩余时间不到 1 分钟,请尽快交卷")
    expect(page.locator("#announce-assertive")).to_have_text("剩余时间不到 1 分钟,请尽快交卷")


def test_whole_page_mode_keeps_focus_with_the_question_chosen(
    page: Page, live_server: Any, trainee: Any, three_questions: Paper
) -> None:
    start(page, live_server.url, three_questions)
    expect(page.locator("#exam")).to_have_attribute("data-mode", "all")
    page.locator("[data-nav-position='3']").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#q-3-title")).to_be_focused()
    expect(page.locator("[data-nav-position='3']")).to_have_attribute("aria-current", "true")
    # The skip link now leads to question 3, and Tab goes on into its answer.
    expect(page.locator("#skip-to-question")).to_have_attribute("href", "#q-3-title")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("#q-3 textarea")).to_be_focused()
    expect(page.locator("#q-3 textarea")).to_have_accessible_name("第 3 题的回答")
    screenshot(page, "a11y-exam-desktop")
