"""No drawn paper holds two near-duplicate questions (quizzes.distinct, quizzes.draw), and a pool
with too few distinct questions is named to the trainer before publishing, not a crash."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from qbank import services as qbank_services
from qbank.fingerprint import near_key
from qbank.models import Bank, Question
from quizzes import distinct, draw, services
from quizzes.models import Paper
from tests.conftest import client_for
from tests.synthetic_bank import words


# ---- the comparison (pure) -------------------------------------------------------------------
def test_a_reworded_copy_is_a_near_duplicate() -> None:
    a = near_key("客户投诉时，首先应该怎么做？", ["倾听", "争辩", "挂断", "转接"])
    b = near_key("客戶投訴時首先應該怎麼做", ["倾听", "争辩", "挂断", "转接"])  # Traditional, no punctuation
    c = near_key("客户投诉时首先应当怎么做?", ["转接", "倾听", "争辩", "挂断"])  # one word, options reordered
    assert distinct.similar(a, b) and distinct.similar(a, c)


def test_a_generic_stem_with_other_options_is_another_question() -> None:
    a = near_key("下列说法正确的是", ["客户永远是对的", "服务要有耐心", "投诉无需记录", "回访可有可无"])
    b = near_key("下列说法正确的是", ["电话三声内接起", "先问候再办理", "不得推诿", "结束后致谢"])
    assert not distinct.similar(a, b)


def test_questions_about_different_numbers_are_different_questions() -> None:
    a = near_key("《消费者权益保护法》第24条规定的退货期限是多少天?", [])
    b = near_key("《消费者权益保护法》第25条规定的退货期限是多少天?", [])
    assert not distinct.similar(a, b)
    assert distinct.similar(a, near_key("《消费者权益保护法》第２４条规定的退货期限是几天?", []))


def test_sub_questions_of_different_cases_are_not_duplicates() -> None:
    case_one = near_key("这个案例对您有何启示?", [], "案例一:" + words(1, 60))
    case_two = near_key("这个案例对您有何启示?", [], "案例二:" + words(2, 60))
    assert not distinct.similar(case_one, case_two)
    assert distinct.similar(case_one, near_key("这个案例对你有何启示?", [], "案例一:" + words(1, 60)))


def test_clashes_keep_the_first_of_each_near_duplicate() -> None:
    keys = [(1, ("客户投诉时首先应该怎么做", "")), (2, (words(5), "")), (3, ("客户投诉时首先应当怎么做", ""))]
    assert distinct.clashes(keys) == {3}


def test_families_chain_near_duplicates_of_near_duplicates() -> None:
    # a ~ b and b ~ c, a and c further apart: one family, so one paper holds one of them for sure.
    base = words(7, 10)
    a, b, c = base, base[:-1] + "甲", base[:-2] + "甲乙"
    assert distinct.similar((a, ""), (b, "")) and distinct.similar((b, ""), (c, ""))
    assert not distinct.similar((a, ""), (c, ""))
    assert distinct.family_count([(a, ""), (b, ""), (c, ""), (words(8), "")]) == 2


# ---- the draw ---------------------------------------------------------------------------------
pytestmark = pytest.mark.django_db


def _active(bank: Bank, stem: str, options: list[str] | None = None) -> Question:
    return qbank_services.question_create(
        bank=bank, type="single", stem=stem, options=options or ["对的", "错的"], answer="A", status="active"
    )


def _paper(bank: Bank, user: Any, count: int) -> Paper:
    paper = Paper.objects.create(title="去重", bank=bank, created_by=user)
    services.rules_replace(paper=paper, rules=[{"type": "single", "count": count, "points": Decimal("1")}])
    return paper


@pytest.fixture
def paired_bank(bank: Bank) -> dict[int, int]:
    """8 distinct questions, each with a near-duplicate twin: {question id: its twin's id}."""
    twins: dict[int, int] = {}
    for n in range(8):
        stem = words(100 + n, 24)
        one = _active(bank, f"{stem}?")
        two = _active(bank, f"{stem[:-1]}呢?")  # the last word changed: ratio well above 90
        twins[one.pk], twins[two.pk] = two.pk, one.pk
    return twins


def test_a_paper_never_holds_both_twins(bank: Bank, trainer: Any, paired_bank: dict[int, int]) -> None:
    paper = services.paper_publish(paper=_paper(bank, trainer, 8))  # one of each pair, every time
    seen: set[int] = set()
    for seed in range(60):
        ids = [pk for pk, _points in draw.paper_draw_ids(paper=paper, rng=random.Random(seed))]
        assert len(ids) == 8 and not any(paired_bank[pk] in ids for pk in ids)
        seen.update(ids)
    assert seen == set(paired_bank)  # and either twin can be the one


def test_a_pool_of_copies_is_still_drawn_in_full(bank: Bank, trainer: Any) -> None:
    """Five questions printed six ways each: the replacing rounds run dry and the pool walk
    finds one of every five."""
    for n in range(5):
        stem = words(300 + n, 30)
        for k in range(6):
            _active(bank, f"{stem[:-1]}{'甲乙丙丁戊己'[k]}?")
    paper = services.paper_publish(paper=_paper(bank, trainer, 5))
    for seed in range(20):
        questions = [q for q, _points in services.paper_draw(paper=paper, rng=random.Random(seed))]
        keys = [near_key(q.stem, [o.text for o in q.options.all()]) for q in questions]
        assert len(questions) == 5 and distinct.family_count(keys) == 5


def test_too_few_distinct_questions_are_named_before_publishing(
    bank: Bank, trainer: Any, paired_bank: dict[int, int]
) -> None:
    paper = _paper(bank, trainer, 9)  # 16 questions, but only 8 that are not twins
    problems = services.paper_problems(paper=paper)
    assert len(problems) == 1 and "最多只能抽到 8 道互不相似的题" in problems[0]
    with pytest.raises(ValidationError):
        services.paper_publish(paper=paper)
    with pytest.raises(ValidationError, match="互不相似"):
        services.paper_draw(paper=paper, rng=random.Random(1))


def test_the_trainer_sees_it_on_the_form_preview_and_publish(
    bank: Bank, trainer: Any, paired_bank: dict[int, int]
) -> None:
    paper = _paper(bank, trainer, 9)
    client: Client = client_for(trainer)
    form = client.get(reverse("quizzes:paper_edit", args=[paper.pk]))
    assert "互不相似" in form.content.decode()
    preview = client.get(reverse("quizzes:paper_preview", args=[paper.pk]))
    assert preview.status_code == 200 and "互不相似" in preview.content.decode()
    published = client.post(reverse("quizzes:paper_publish", args=[paper.pk]), follow=True)
    assert "互不相似" in published.content.decode()
    assert Paper.objects.get(pk=paper.pk).status == Paper.Status.DRAFT


def test_a_pool_that_lost_its_distinct_questions_since_publishing_refuses_to_draw(
    bank: Bank, trainer: Any, paired_bank: dict[int, int]
) -> None:
    paper = services.paper_publish(paper=_paper(bank, trainer, 8))
    # Retire one twin of two pairs: 6 families + 2 lone halves = 8 distinct, still enough…
    ids = list(paired_bank)
    Question.objects.filter(pk__in=ids[:1]).update(status="retired")
    assert len(draw.paper_draw_ids(paper=paper, rng=random.Random(1))) == 8
    # …retire both twins of one pair: 7 distinct left for a rule of 8.
    Question.objects.filter(pk=paired_bank[ids[0]]).update(status="retired")
    with pytest.raises(draw.NotEnoughDistinct):
        draw.paper_draw_ids(paper=paper, rng=random.Random(1))
