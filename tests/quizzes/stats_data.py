"""One small paper sat by six trainees, whose statistics are worked out by hand in
test_stats_pages.py; the browser test reads the same paper."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, Paper

STEMS = ("问一", "问二", "问三")
# Per trainee, the option text chosen for 问一, 问二, 问三 (options 甲 乙 丙, key 甲).
CHOICES = {
    "t1": ("甲", "乙", "甲"),
    "t2": ("甲", "乙", "甲"),
    "t3": ("甲", "乙", "甲"),
    "t4": ("乙", "乙", "乙"),
    "t5": ("乙", "甲", "乙"),
    "t6": ("丙", "甲", "丙"),
}


def stats_paper(*, bank: Bank, trainer: Any) -> Paper:
    """Three one-point single-choice questions, the same for everyone, pass mark 60 %, published."""
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 服务礼仪")
    for stem in STEMS:
        qbank_services.question_create(
            bank=bank,
            status=Question.Status.ACTIVE,
            chapter=chapter,
            type="single",
            stem=stem,
            options=["甲", "乙", "丙"],
            answer="A",
        )
    paper = Paper.objects.create(
        title="统计测验", bank=bank, created_by=trainer, same_for_everyone=True, pass_percent=60
    )
    services.rules_replace(
        paper=paper, rules=[{"type": "single", "count": 3, "points": Decimal("1"), "chapters": []}]
    )
    return services.paper_publish(paper=paper)


def sit(paper: Paper, user: Any, choices: tuple[str, str, str]) -> Attempt:
    attempt = services.attempt_start(paper=paper, user=user)
    for aq in attempt.questions.all():
        letter = "ABC"[aq.options.index(choices[STEMS.index(aq.stem)])]  # shuffled: answer by text
        services.answer_save(attempt=attempt, position=aq.position, response=letter)
    return services.attempt_submit(attempt=attempt)
