"""Drawing a paper's questions without loading, or counting, any rule's pool.

All rules pick at once (quizzes.propose): random ids over the question table's id range, one
query a round saying which pool holds each — a uniform random subset per rule, in random order,
without ORDER BY random() (which sorts the whole pool) and without the pool's rows in Python
(about 1 s at 20,000). A pool too thin in that range is finished by pick_ids, exactly: its size
and id range from the covering index qbank_q_draw (cheap for a small pool), random ids in its
own range, and failing that a pick by position (ROW_NUMBER over the pool), still in the database.
Only the chosen questions are then fetched, with options and pictures, in three queries: 9
queries a draw when one round suffices, the same on a bank of 100 questions or 100,000.

No paper holds two near-duplicates (quizzes.distinct): the chosen questions are compared once
loaded, and a question like one chosen before it is replaced by a fresh pick from its rule's pool
(2 + 2 queries per rule that lost one, only when it happens). After REPLACE_ROUNDS such rounds
the rest is picked by walking the pool's remaining ids in random order, in chunks — exact, and
only for a pool made mostly of copies of few questions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, Max, Min, OuterRef, QuerySet, Window
from django.db.models.functions import RowNumber

from qbank.bulk import value_list
from qbank.fingerprint import near_key
from qbank.models import Option, Question, QuestionImage
from questiontypes import Answer

from . import distinct
from .models import Paper, PaperRule
from .propose import pick_for_pools
from .selectors import paper_chapters, rule_pool_spec

# Proposed ids go into one IN list: past this many the pool is too thin in its id range (a
# small chapter in a large bank) and the exact pick by position is cheaper.
MAX_PROPOSALS = 5_000
PROPOSAL_ROUNDS = 2
# A pool can change between counting it and picking from it (a trainer retiring a question):
# the pick then comes back short and is tried again with a fresh count, a bounded number of times.
PICK_TRIES = 3
# Rounds of replacing near-duplicates by fresh picks before walking the pool (module docstring).
REPLACE_ROUNDS = 3
WALK_CHUNK = 200


class NotEnoughQuestions(Exception):
    """A rule asks for more questions than its pool holds (after earlier rules took theirs)."""


class NotEnoughDistinct(NotEnoughQuestions):
    """The pool holds enough questions, but too many of them are near-duplicates of each other."""


@dataclass
class Drawn:
    """What a start freezes of a drawn question, read as plain values: model instances of the
    questions, their options and pictures cost a start more than the queries did."""

    pk: int
    type: str
    stem: str
    material: str
    answer: Answer
    explanation: str
    options: list[str] = field(default_factory=list)  # texts, in the bank's order
    images: list[dict[str, object]] = field(default_factory=list)  # {"id", "path", "content_type"}


@dataclass
class _RuleDraw:
    rule: PaperRule
    pool: QuerySet[Question]  # the rule's pool, before excluding what other rules took
    ids: list[int]


def paper_draw_rows(*, paper: Paper, rng: random.Random) -> list[tuple[Drawn, Decimal]]:
    """Questions (texts, options, pictures) and points for one candidate, rule by rule; no
    question is drawn twice, and no two are near-duplicates."""
    draws = _pick_per_rule(paper, rng)
    found = rows_by_id([pk for d in draws for pk in d.ids])
    _replace_near_duplicates(draws, found, rng)
    return [(found[pk], d.rule.points) for d in draws for pk in d.ids if pk in found]


def paper_draw(*, paper: Paper, rng: random.Random) -> list[tuple[Question, Decimal]]:
    """paper_draw_rows as Question instances with options and pictures (the trainer's preview)."""
    rows = paper_draw_rows(paper=paper, rng=rng)
    questions = questions_by_id([row.pk for row, _points in rows])
    return [(questions[row.pk], points) for row, points in rows if row.pk in questions]


def paper_draw_ids(*, paper: Paper, rng: random.Random) -> list[tuple[int, Decimal]]:
    """(question id, points) of a draw."""
    return [(row.pk, points) for row, points in paper_draw_rows(paper=paper, rng=rng)]


def _pick_per_rule(paper: Paper, rng: random.Random) -> list[_RuleDraw]:
    chapter_ids = paper_chapters(paper)  # the paper's chapters, read once for every rule
    rules = list(paper.rules.prefetch_related("chapters"))
    pools = [rule_pool_spec(rule=rule, paper_chapter_ids=chapter_ids) for rule in rules]
    wanted = [(pool, rule.count) for pool, rule in zip(pools, rules, strict=True)]
    picked = pick_for_pools(wanted=wanted, rng=rng)
    taken = {pk for ids in picked for pk in ids}
    draws = []
    for rule, pool, ids in zip(rules, pools, picked, strict=True):
        if len(ids) < rule.count:  # a pool too thin in the id range: the rest picked exactly
            left = pool.queryset().exclude(pk__in=value_list(taken)) if taken else pool.queryset()
            rest = pick_ids(pool=left, count=rule.count - len(ids), rng=rng)
            ids = ids + rest
            taken.update(rest)
        draws.append(_RuleDraw(rule, pool.queryset(), ids))
    return draws


def rows_by_id(ids: Sequence[int]) -> dict[int, Drawn]:
    """The questions with option texts and pictures as plain values: three queries for any
    number of them."""
    if not ids:
        return {}
    wanted = value_list(ids)
    rows = (
        Question.objects.filter(pk__in=wanted)
        .order_by()
        .values_list("pk", "type", "stem", "material", "answer", "explanation")
    )
    found = {
        pk: Drawn(pk=pk, type=qtype, stem=stem, material=material, answer=answer, explanation=explanation)
        for pk, qtype, stem, material, answer, explanation in rows
    }
    for question_id, text in Option.objects.filter(question_id__in=wanted).values_list("question_id", "text"):
        found[question_id].options.append(text)  # in Option's ordering: question, order, label
    pictures = QuestionImage.objects.filter(question_id__in=wanted).values_list(
        "question_id", "pk", "file", "content_type"
    )
    for question_id, pk, path, content_type in pictures:
        found[question_id].images.append({"id": pk, "path": path, "content_type": content_type})
    return found


def _key(question: Drawn) -> distinct.Key:
    return near_key(question.stem, question.options, question.material)


def _replace_near_duplicates(draws: list[_RuleDraw], found: dict[int, Drawn], rng: random.Random) -> None:
    """Swap each question that near-duplicates one drawn before it for a fresh pick of its rule."""
    rejected: set[int] = set()
    for _round in range(REPLACE_ROUNDS):
        order = [(pk, _key(found[pk])) for d in draws for pk in d.ids if pk in found]
        clash = distinct.clashes(order)
        if not clash:
            return
        rejected |= clash
        fresh: list[int] = []
        for d in draws:
            lost = sum(1 for pk in d.ids if pk in clash)
            if not lost:
                continue
            taken = {pk for r in draws for pk in r.ids} | rejected
            try:
                extra = iter(pick_ids(pool=d.pool.exclude(pk__in=value_list(taken)), count=lost, rng=rng))
            except NotEnoughQuestions:
                raise NotEnoughDistinct from None
            d.ids = [next(extra) if pk in clash else pk for pk in d.ids]
            fresh.extend(pk for pk in d.ids if pk not in found)
        found.update(rows_by_id(fresh))
    _walk_pools(draws, found, rejected, rng)


def _walk_pools(
    draws: list[_RuleDraw], found: dict[int, Drawn], rejected: set[int], rng: random.Random
) -> None:
    """The exact fallback: keep the first of each clash, then fill every rule's gaps from its
    pool's other questions in random order, one chunk at a time, skipping near-duplicates."""
    kept: list[distinct.Key] = []
    gaps: list[tuple[_RuleDraw, int]] = []
    for d in draws:
        ids = []
        for pk in d.ids:
            key = _key(found[pk])
            if any(distinct.similar(key, other) for other in kept):
                rejected.add(pk)
            else:
                kept.append(key)
                ids.append(pk)
        gaps.append((d, len(d.ids) - len(ids)))
        d.ids = ids
    for d, need in gaps:
        if not need:
            continue
        taken = {pk for r in draws for pk in r.ids} | rejected
        remaining = list(d.pool.exclude(pk__in=value_list(taken)).order_by().values_list("pk", flat=True))
        rng.shuffle(remaining)
        for start in range(0, len(remaining), WALK_CHUNK):
            chunk = rows_by_id(remaining[start : start + WALK_CHUNK])
            for pk in remaining[start : start + WALK_CHUNK]:
                if pk not in chunk:  # deleted since
                    continue
                key = _key(chunk[pk])
                if any(distinct.similar(key, other) for other in kept):
                    continue
                kept.append(key)
                found[pk] = chunk[pk]
                d.ids.append(pk)
                need -= 1
                if not need:
                    break
            if not need:
                break
        if need:
            raise NotEnoughDistinct


def pick_ids(*, pool: QuerySet[Question], count: int, rng: random.Random) -> list[int]:
    """`count` distinct ids drawn uniformly from `pool`, in random order."""
    pool = pool.order_by()
    stats = pool.aggregate(size=Count("pk"), low=Min("pk"), high=Max("pk"))
    size, low, high = stats["size"], stats["low"], stats["high"]
    if size < count:
        raise NotEnoughQuestions
    span = high - low + 1
    # Enough proposals to keep `count` with near certainty (3x the expected need, plus slack).
    proposals = min(span, 3 * count * span // size + 20)
    if proposals <= MAX_PROPOSALS:
        for _round in range(PROPOSAL_ROUNDS):
            proposed = rng.sample(range(low, high + 1), proposals)
            kept = set(
                Question.objects.filter(pk__in=value_list(proposed))
                # Correlated on the id, so the planner looks the proposals up by primary key
                # instead of walking the pool's index (SQLite would, for want of statistics).
                .filter(Exists(pool.filter(pk=OuterRef("pk"))))
                .order_by()
                .values_list("pk", flat=True)
            )
            chosen = [pk for pk in proposed if pk in kept][:count]
            if len(chosen) == count:
                return chosen
    return _pick_by_position(pool=pool, size=size, count=count, rng=rng)


def _pick_by_position(*, pool: QuerySet[Question], size: int, count: int, rng: random.Random) -> list[int]:
    """Exact and uniform, at the price of numbering the pool in the database."""
    for _try in range(PICK_TRIES):
        positions = rng.sample(range(1, size + 1), count)
        # Any numbering will do: uniform positions over the pool's rows pick a uniform subset.
        numbered = pool.annotate(position=Window(RowNumber()))
        found = dict(numbered.filter(position__in=positions).values_list("position", "pk"))
        if len(found) == count:
            return [found[p] for p in positions]
        size = pool.count()  # the pool changed under us (a question retired): count again
        if size < count:
            break
    raise NotEnoughQuestions


def questions_by_id(ids: Sequence[int]) -> dict[int, Question]:
    """The chosen questions with options and pictures: three queries for any number of them."""
    return Question.objects.prefetch_related("options", "images").in_bulk(list(ids))
