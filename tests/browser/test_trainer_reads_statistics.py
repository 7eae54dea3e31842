"""A trainer reads a paper's statistics, at desktop and phone widths, and follows a flagged
question to its edit page; a trainee's short blur (a Tab past the last control) is no leave."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from config.demo import ensure_groups, ensure_user
from qbank import roles
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, Cohort, IntegrityEvent, Paper
from tests.browser.conftest import log_in, screenshot, wait_until_true
from tests.conftest import PASSWORD
from tests.quizzes.stats_data import CHOICES, sit, stats_paper


@pytest.fixture
def sat_paper(bank: Bank, trainer: Any) -> Paper:
    paper = stats_paper(bank=bank, trainer=trainer)  # hand-worked in test_stats_pages.py
    cohort = Cohort.objects.create(name="一班")
    paper.cohorts.set([cohort])
    group = ensure_groups()[roles.TRAINEE]
    for name in [*CHOICES, "zhao"]:
        ensure_user(username=name, password=PASSWORD, group=group, staff=False)
        cohort.members.add(get_user_model().objects.get(username=name))
    for name, choices in CHOICES.items():
        sit(paper, cohort.members.get(username=name), choices)
    return paper


def read_statistics(page: Page, base: str, paper: Paper, name: str) -> None:
    log_in(page, base, "trainer", PASSWORD)
    page.goto(f"{base}/quizzes/manage/")
    page.locator(f"[data-paper='{paper.pk}']").get_by_role("link", name="统计", exact=True).click()
    expect(page.locator("h1")).to_contain_text("统计:统计测验")
    expect(page.locator("[data-figure=attempts]")).to_have_text("6")
    expect(page.locator("[data-figure=median]")).to_have_text("50.0%")
    expect(page.locator("[data-figure=pass-rate]")).to_contain_text("50.0%")
    expect(page.locator(".absent")).to_contain_text("zhao")
    # Chart.js drew the histogram into the canvas (it sizes it; an undrawn canvas stays 300×150).
    wait_until_true(page, "!!(window.Chart && Chart.getChart(document.getElementById('histogram')))")
    screenshot(page, f"trainer-statistics-{name}")


def test_trainer_follows_a_flag_to_the_edit_page(page: Page, live_server: Any, sat_paper: Paper) -> None:
    read_statistics(page, live_server.url, sat_paper, "desktop")
    flawed = Question.objects.get(stem="问二")
    row = page.locator(f"tr[data-question='{flawed.pk}']")
    expect(row.locator(".flag")).to_have_count(3)
    expect(page.locator("tr.is-flagged")).to_have_count(1)
    row.get_by_role("link", name="区分度为负").click()
    page.wait_for_url(f"**/bank/questions/{flawed.pk}/")
    expect(page.locator("textarea[name=stem]")).to_have_value("问二")
    screenshot(page, "trainer-flagged-question-edit-desktop")


def test_trainer_reads_statistics_on_a_phone(phone_page: Page, live_server: Any, sat_paper: Paper) -> None:
    read_statistics(phone_page, live_server.url, sat_paper, "phone")
    phone_page.goto(f"{live_server.url}/quizzes/manage/mastery/")
    expect(phone_page.locator("td.heat")).to_have_count(1)
    screenshot(phone_page, "trainer-mastery-phone")


def test_a_short_blur_is_not_a_leave(
    page: Page, live_server: Any, sat_paper: Paper, trainee: Any, trainer: Any
) -> None:
    sat_paper.cohorts.clear()  # open to everyone
    attempt = services.attempt_start(paper=sat_paper, user=trainee)
    log_in(page, live_server.url, "trainee", PASSWORD)
    page.goto(f"{live_server.url}/quizzes/attempts/{attempt.pk}/")
    # Tabbing past the last control: focus leaves for the browser's toolbar and comes back.
    page.evaluate("window.dispatchEvent(new Event('blur'))")
    page.wait_for_timeout(500)
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    page.wait_for_timeout(2500)
    assert not IntegrityEvent.objects.filter(attempt=attempt).exists()
    # Another window in front for more than two seconds is a leave, timed from the blur.
    page.evaluate("document.hasFocus = function () { return false; }")
    page.evaluate("window.dispatchEvent(new Event('blur'))")
    page.wait_for_timeout(3000)
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    expect_events = ["left", "returned"]
    for _ in range(50):
        if IntegrityEvent.objects.filter(attempt=attempt).count() == 2:
            break
        page.wait_for_timeout(100)
    events = list(IntegrityEvent.objects.filter(attempt=attempt).order_by("at"))
    assert [e.kind for e in events] == expect_events
    assert events[1].away_seconds >= 3
    assert Attempt.objects.get(pk=attempt.pk).is_running
