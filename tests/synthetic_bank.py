"""A bank of many generated questions, written with bulk inserts: for query-count tests and the
benchmark scripts (tests/bench_draw.py), where question_create's per-question work would
take minutes. Every question is active, keyed, and has a unique fingerprint; their numbers
differ, so no two are near-duplicates (quizzes.distinct) either. `words` makes text that
differs without numbers."""

from __future__ import annotations

import random

from qbank.models import Bank, Chapter, Option, Question

TYPES = ("single", "multiple", "truefalse", "fill", "short")
ANSWERS = {"single": "A", "multiple": "AC", "truefalse": True, "fill": ["答案"], "short": "倾听 道歉 跟进"}
BATCH = 5_000
# Common characters: 18 drawn at random make texts about 10% alike, far below the 90% of a copy.
CHARS = (
    "服务客户投诉处理沟通礼仪电话接待满意度质量标准流程反馈回访记录问题解决方案态度耐心倾听"
    "道歉赔偿退换货售后维修咨询产品价格合同订单物流配送时间地点人员培训考核管理制度规范"
)


def words(seed: int, length: int = 18) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(CHARS) for _ in range(length))


def stock_bank(*, bank: Bank, questions: int, chapters: int, start: int = 0) -> list[Chapter]:
    """Add `questions` questions spread evenly over `chapters` chapters and the five types."""
    made = Chapter.objects.bulk_create(
        Chapter(bank=bank, title=f"第{start + i + 1}章 合成", order=start + i) for i in range(chapters)
    )
    for first in range(0, questions, BATCH):
        rows = [
            _question(bank, made, start * 1_000_000 + n) for n in range(first, min(first + BATCH, questions))
        ]
        Question.objects.bulk_create(rows)
        Option.objects.bulk_create(
            Option(question=q, label=label, text=f"选项{label}{q.pk}", order=i)
            for q in rows
            if q.type in ("single", "multiple")
            for i, label in enumerate("ABCD")
        )
    return made


def _question(bank: Bank, chapters: list[Chapter], n: int) -> Question:
    qtype = TYPES[n % len(TYPES)]
    return Question(
        bank=bank,
        chapter=chapters[(n // len(TYPES)) % len(chapters)],
        type=qtype,
        stem=f"合成试题 {n}:客户服务的要点是什么?",
        answer=ANSWERS[qtype],
        status=Question.Status.ACTIVE,
        fingerprint=f"synthetic-{bank.pk}-{n}",
        search_text=f"合成试题 {n}",
    )
