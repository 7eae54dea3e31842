"""axe-core over every main page, at phone and desktop widths: no serious or critical violation.

axe finds only what a machine can (names, roles, contrast, landmarks); the keyboard and screen
reader behaviour of the exam is checked in test_accessible_exam.py."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, Page

from importers.models import ImportBatch, StagedQuestion
from practice import services as practice_services
from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Paper
from tests.browser.axe import assert_no_serious_violations
from tests.browser.conftest import DESKTOP, PHONE, close_page, log_in, open_page, screenshot
from tests.conftest import PASSWORD
from tests.importers_web.conftest import IMMEDIATE_TASKS, txt_paper, upload


@pytest.fixture
def sat_paper(bank: Bank, trainer: Any, trainee: Any) -> Paper:
    """A sectioned paper of every type, sat and handed in by the trainee (one answer wrong)."""
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 投诉处理")

    def active(**fields: Any) -> Question:
        return qbank_services.question_create(
            bank=bank, chapter=chapter, status=Question.Status.ACTIVE, **fields
        )

    active(type="single", stem="投诉处理的第一步是?", options=["倾听", "辩解", "转交"], answer="A")
    active(type="multiple", stem="哪些是礼貌用语?", options=["请", "谢谢", "走开"], answer="AB")
    active(type="truefalse", stem="可以打断客户?", answer=False)
    active(type="fill", stem="服务三要素:____和耐心。", answer=["热情"])
    active(type="short", stem="商业智能", answer="用数据支持决策")
    qbank_services.question_create(
        bank=bank, chapter=chapter, type="single", stem="无答案?", options=["甲", "乙"]
    )
    paper = Paper.objects.create(
        title="投诉处理小测", bank=bank, created_by=trainer, shuffle_questions=False, attempts_allowed=5
    )
    rules = [
        {"type": t, "count": 1, "points": Decimal("2")}
        for t in ("single", "multiple", "truefalse", "fill", "short")
    ]
    services.rules_replace(paper=paper, rules=rules)
    paper = services.paper_publish(paper=paper)
    attempt = services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    for position, response in {1: "B", 2: "AB", 3: False, 4: ["热情"], 5: "用数据做决策"}.items():
        services.answer_save(attempt=attempt, position=position, response=response)
    services.attempt_submit(attempt=attempt)
    return paper


@pytest.fixture
def staged_batch(settings: Any, admin: Any, bank: Bank) -> ImportBatch:
    """A parsed import batch holding an excluded question and a duplicate (the faded cards)."""
    settings.TASKS = IMMEDIATE_TASKS
    client = Client()
    client.force_login(admin)
    upload(
        client,
        bank.pk,
        {"a.txt": txt_paper("客户投诉时首先应该?", "投诉回访要做什么?", "客户投诉时首先应该?")},
    )
    batch = ImportBatch.objects.get()
    first = StagedQuestion.objects.filter(file__batch=batch).order_by("pk").first()
    assert first is not None
    client.post(reverse("importers:staged_toggle", args=[first.pk]))
    return batch


def walk(
    browser: Browser, base: str, viewport: dict[str, int], who: str | None, urls: list[str], tag: str
) -> None:
    page: Page = open_page(browser, viewport)
    try:
        if who:
            log_in(page, base, who, PASSWORD)
        for url in urls:
            response = page.goto(base + url)
            assert response is not None and response.status == 200, url
            page.wait_for_load_state("networkidle")
            assert_no_serious_violations(page, f"{url} as {who or 'anonymous'} at {viewport['width']}px")
        screenshot(page, f"axe-last-{who or 'anonymous'}-{tag}")
    finally:
        close_page(page)


@pytest.mark.parametrize(("viewport", "tag"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_main_pages_have_no_serious_axe_violations(
    browser: Browser,
    live_server: Any,
    viewport: dict[str, int],
    tag: str,
    trainee: Any,
    sat_paper: Paper,
    staged_batch: ImportBatch,
) -> None:
    base = live_server.url
    attempt = sat_paper.attempts.get()
    short = attempt.questions.get(type="short")
    question = Question.objects.filter(status=Question.Status.ACTIVE).first()
    assert question is not None
    walk(browser, base, viewport, None, [reverse("login")], tag)
    running = services.attempt_start(paper=sat_paper, user=trainee, rng=random.Random(2))
    services.answer_save(attempt=running, position=1, response="A", flagged=True)
    practising = practice_services.session_start(user=trainee, bank=sat_paper.bank)
    first = practice_services.session_question(session=practising)
    assert first is not None
    practice_services.session_answer(session=practising, question=first, response="B")
    practice_services.note_save(user=trainee, question=first, text="笔记")
    walk(
        browser,
        base,
        viewport,
        "trainee",
        [
            reverse("home"),
            reverse("quizzes:dashboard"),
            reverse("quizzes:exam", args=[running.pk]),
            reverse("quizzes:summary", args=[attempt.pk]),
            reverse("quizzes:result", args=[attempt.pk]),
            reverse("quizzes:result", args=[attempt.pk]) + "?show=missed",
            reverse("practice:home"),
            reverse("practice:session", args=[practising.pk]),
            reverse("practice:feedback", args=[practising.pk]),
            reverse("practice:mistakes"),
            reverse("practice:favourites"),
            reverse("practice:progress"),
            reverse("practice:notes"),
        ],
        tag,
    )
    walk(
        browser,
        base,
        viewport,
        "trainer",
        [
            reverse("home"),
            reverse("quizzes:paper_list"),
            reverse("quizzes:paper_create"),
            reverse("quizzes:paper_edit", args=[sat_paper.pk]),
            reverse("quizzes:paper_preview", args=[sat_paper.pk]),
            reverse("quizzes:paper_results", args=[sat_paper.pk]),
            reverse("quizzes:attempt_review", args=[attempt.pk]),
            reverse("quizzes:grading_queue"),
            reverse("quizzes:grade_answer", args=[short.pk]),
            reverse("qbank:question_list"),
            reverse("qbank:question_edit", args=[question.pk]),
            reverse("qbank:keying") + f"?bank={sat_paper.bank_id}",
        ],
        tag,
    )
    walk(
        browser,
        base,
        viewport,
        "admin",
        [
            reverse("importers:history"),
            reverse("importers:upload"),
            reverse("importers:progress", args=[staged_batch.pk]),
            reverse("importers:review", args=[staged_batch.pk]),
        ],
        tag,
    )
