"""quizzes.draw: per-candidate draws pick ids in the database, never loading a rule's pool.

The guard that matters is the query count: the same for a bank ten times larger. (How fast a
draw is on 100,000 questions is measured by tests/bench_draw.py, not asserted here.)
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qbank.models import Bank, Question
from quizzes import draw, propose, services
from quizzes.models import Attempt, AttemptQuestion, Paper
from quizzes.selectors import Described, Pool
from tests.synthetic_bank import stock_bank

pytestmark = pytest.mark.django_db


def _paper(bank: Bank, user: Any, rules: list[dict[str, Any]], **fields: Any) -> Paper:
    paper = Paper.objects.create(title="抽题", bank=bank, created_by=user, attempts_allowed=50, **fields)
    services.rules_replace(paper=paper, rules=rules)
    return services.paper_publish(paper=paper)


def _every_type(count: int = 4, chapters: list[Any] | None = None) -> list[dict[str, Any]]:
    return [
        {"type": t, "count": count, "points": Decimal("1"), "chapters": list(chapters or [])}
        for t in ("single", "multiple", "truefalse", "fill", "short")
    ]


def _first_chapter_paper(
    bank: Bank, trainer: Any, *, count: int, points: Decimal = Decimal("1")
) -> tuple[Paper, set[int]]:
    """A paper of one single-choice rule over the bank's first chapter, and that rule's pool."""
    chapter = bank.chapters.order_by("order").first()
    rule = {"type": "single", "count": count, "points": points, "chapters": [chapter]}
    pool = set(
        Question.objects.filter(bank=bank, type="single", chapter=chapter).values_list("pk", flat=True)
    )
    return _paper(bank, trainer, [rule]), pool


def _queries(fn: Any) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_draw_query_count_does_not_grow_with_the_bank(bank: Bank, trainer: Any) -> None:
    chapters = stock_bank(bank=bank, questions=100, chapters=4)
    paper = _paper(bank, trainer, _every_type(chapters=chapters[:2]))
    small = _queries(lambda: draw.paper_draw_rows(paper=paper, rng=random.Random(1)))
    preview_small = _queries(lambda: services.paper_draw(paper=paper, rng=random.Random(1)))
    stock_bank(bank=bank, questions=2_000, chapters=4, start=4)  # new chapters, same rule chapters
    Question.objects.filter(bank=bank).update(chapter=chapters[0])  # and every question in the pool
    large = _queries(lambda: draw.paper_draw_rows(paper=paper, rng=random.Random(1)))
    preview_large = _queries(lambda: services.paper_draw(paper=paper, rng=random.Random(1)))
    # 3 for the paper's chapters, the rules and their chapters, 2 for the table's id range, 1 for
    # the round of proposed ids all five rules read, 3 for questions/options/pictures as values;
    # the preview's model instances 3 more. No query counts a pool.
    assert small == large == 3 + 2 + 1 + 3
    assert preview_small == preview_large == small + 3


def test_a_pool_thin_in_a_large_table_is_picked_exactly(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    # One chapter of 5 single-choice questions among 2,000 questions of another bank: the proposed
    # ids would rarely land in it, so the rule is picked by counting its (small) pool.
    chapters = stock_bank(bank=bank, questions=25, chapters=1)
    stock_bank(bank=other_bank, questions=2_000, chapters=2, start=1)
    paper = _paper(
        bank, trainer, [{"type": "single", "count": 5, "points": Decimal("1"), "chapters": chapters}]
    )
    pool = set(Question.objects.filter(bank=bank, type="single").values_list("pk", flat=True))
    for seed in range(5):
        assert {pk for pk, _points in draw.paper_draw_ids(paper=paper, rng=random.Random(seed))} == pool
    queries = _queries(lambda: draw.paper_draw_rows(paper=paper, rng=random.Random(1)))
    assert queries <= 3 + 2 + propose.ROUNDS + 2 + 3  # the exact pick: count, then pick by position


def test_a_pool_found_in_later_rounds_is_still_drawn_uniformly(
    bank: Bank, trainer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first round of one proposal per question asked comes back short; the next rounds are sized
    # from what it found, and every member of the pool still comes up about as often.
    monkeypatch.setattr(propose, "FIRST_ROUND_PER_QUESTION", 1)
    stock_bank(bank=bank, questions=400, chapters=8)  # 10 single choice per chapter
    paper, pool = _first_chapter_paper(bank, trainer, count=4)
    seen: Counter[int] = Counter()
    for seed in range(300):
        ids = [pk for pk, _points in draw.paper_draw_ids(paper=paper, rng=random.Random(seed))]
        assert len(set(ids)) == 4 and set(ids) <= pool
        seen.update(ids)
    assert set(seen) == pool  # 1,200 picks over 10: expected 120 each
    assert max(seen.values()) < 1.5 * min(seen.values())


def test_a_pool_holds_what_its_query_finds(bank: Bank, trainer: Any) -> None:
    # The draw checks proposed ids in Python (Pool.holds): it must agree with the pool's query.
    chapters = stock_bank(bank=bank, questions=200, chapters=4)
    questions = list(Question.objects.filter(bank=bank))
    rng = random.Random(5)
    for q in questions:
        q.difficulty = rng.randint(1, 5)
        q.status = rng.choice(["active", "active", "retired", "needs_review"])
        q.chapter = rng.choice([*chapters, None])
    Question.objects.bulk_update(questions, ["difficulty", "status", "chapter"])
    for pool in [
        Pool(bank_id=bank.pk, type="single", chapter_ids=frozenset(), difficulty=None),
        Pool(
            bank_id=bank.pk, type="fill", chapter_ids=frozenset(c.pk for c in chapters[:2]), difficulty=None
        ),
        Pool(bank_id=bank.pk, type="short", chapter_ids=frozenset([chapters[3].pk]), difficulty=4),
        Pool(bank_id=bank.pk + 1, type="single", chapter_ids=frozenset(), difficulty=None),
    ]:
        queried = set(pool.queryset().values_list("pk", flat=True))
        held = {
            q.pk
            for q in questions
            if pool.holds(Described(q.bank_id, q.type, q.status, q.chapter_id, q.difficulty))
        }
        assert held == queried


def test_attempt_start_query_count_does_not_grow_with_the_bank(
    bank: Bank, trainer: Any, make_trainee: Any
) -> None:
    stock_bank(bank=bank, questions=100, chapters=4)
    paper = _paper(bank, trainer, _every_type())
    first = _queries(lambda: services.attempt_start(paper=paper, user=make_trainee("t1")))
    stock_bank(bank=bank, questions=2_000, chapters=4, start=4)
    second = _queries(lambda: services.attempt_start(paper=paper, user=make_trainee("t2")))
    assert first == second
    # The frozen questions went in with one bulk insert, not one INSERT per question.
    assert AttemptQuestion.objects.filter(attempt__user__username="t2").count() == 20


def test_a_draw_is_distinct_from_the_pool_and_reaches_all_of_it(bank: Bank, trainer: Any) -> None:
    stock_bank(bank=bank, questions=100, chapters=4)
    paper, pool = _first_chapter_paper(bank, trainer, count=5, points=Decimal("2"))
    seen: Counter[int] = Counter()
    for seed in range(200):
        drawn = services.paper_draw(paper=paper, rng=random.Random(seed))
        ids = [q.pk for q, points in drawn]
        assert len(set(ids)) == 5 and set(ids) <= pool
        assert {points for _q, points in drawn} == {Decimal("2")}
        seen.update(ids)
    # 1,000 picks over a pool of 5: each question comes up, none far more often than the rest.
    assert set(seen) == pool
    assert max(seen.values()) < 2 * min(seen.values())


def test_rules_sharing_a_pool_never_draw_the_same_question_twice(bank: Bank, trainer: Any) -> None:
    stock_bank(bank=bank, questions=50, chapters=2)  # 10 single choice
    same = {"type": "single", "count": 5, "points": Decimal("1"), "chapters": []}
    paper = _paper(bank, trainer, [same, dict(same)])
    for seed in range(20):
        ids = [q.pk for q, _points in services.paper_draw(paper=paper, rng=random.Random(seed))]
        assert len(ids) == len(set(ids)) == 10


def test_retired_questions_are_never_drawn(bank: Bank, trainer: Any) -> None:
    stock_bank(bank=bank, questions=50, chapters=2)
    paper = _paper(bank, trainer, [{"type": "single", "count": 3, "points": Decimal("1"), "chapters": []}])
    keep = list(Question.objects.filter(bank=bank, type="single").values_list("pk", flat=True)[:3])
    Question.objects.filter(bank=bank, type="single").exclude(pk__in=keep).update(status="retired")
    drawn = services.paper_draw(paper=paper, rng=random.Random(3))
    assert sorted(q.pk for q, _points in drawn) == sorted(keep)


def test_a_pool_shrunk_below_the_rule_refuses_to_draw(bank: Bank, trainer: Any) -> None:
    stock_bank(bank=bank, questions=50, chapters=2)
    paper = _paper(bank, trainer, [{"type": "single", "count": 5, "points": Decimal("1"), "chapters": []}])
    Question.objects.filter(bank=bank, type="single").update(status="retired")
    with pytest.raises(draw.NotEnoughQuestions):
        draw.paper_draw_ids(paper=paper, rng=random.Random(1))


def test_a_started_attempt_freezes_the_drawn_questions_with_their_options(
    bank: Bank, trainer: Any, trainee: Any
) -> None:
    stock_bank(bank=bank, questions=100, chapters=4)
    paper = _paper(bank, trainer, _every_type(count=2), shuffle_options=False)
    attempt = services.attempt_start(paper=paper, user=trainee, rng=random.Random(7))
    frozen = list(attempt.questions.select_related("question"))
    assert len(frozen) == 10 and Attempt.objects.get().max_score == Decimal("10")
    for aq in frozen:
        assert aq.stem == aq.question.stem
        assert aq.options == [o.text for o in aq.question.options.all()]
