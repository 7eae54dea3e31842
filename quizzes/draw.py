"""Drawing a paper's questions without loading any rule's pool into Python.

Per rule, one aggregate query gives the pool's size and its lowest and highest id (from the
covering index qbank_q_draw). Python then proposes random ids in that range and one query keeps
those in the pool; the first `count` kept are the draw. Each pool member is equally likely to be
proposed, so the draw is a uniform random subset in random order — without ORDER BY random()
(which sorts the whole pool) and without the pool's rows in Python (about 1 s at 20,000).
A pool spread thinly over a wide id range, or a round that keeps too few, falls back to an exact
pick by position (ROW_NUMBER over the pool), still in the database. Only the chosen questions are
then fetched, with options and pictures, in three queries: 2 queries per rule + 3 in all, the
same on a bank of 100 questions or 100,000.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal

from django.db.models import Count, Exists, Max, Min, OuterRef, QuerySet, Window
from django.db.models.functions import RowNumber

from qbank.models import Question

from .models import Paper
from .selectors import paper_chapters, rule_pool

# Proposed ids go into one IN list: past this many the pool is too thin in its id range (a
# small chapter in a large bank) and the exact pick by position is cheaper.
MAX_PROPOSALS = 5_000
PROPOSAL_ROUNDS = 2
# A pool can change between counting it and picking from it (a trainer retiring a question):
# the pick then comes back short and is tried again with a fresh count, a bounded number of times.
PICK_TRIES = 3


class NotEnoughQuestions(Exception):
    """A rule asks for more questions than its pool holds (after earlier rules took theirs)."""


def paper_draw_ids(*, paper: Paper, rng: random.Random) -> list[tuple[int, Decimal]]:
    """(question id, points) for one candidate, rule by rule; no question is drawn twice."""
    drawn: list[tuple[int, Decimal]] = []
    taken: list[int] = []
    chapter_ids = paper_chapters(paper)  # the paper's chapters, read once for every rule
    for rule in paper.rules.prefetch_related("chapters"):
        pool = rule_pool(rule=rule, paper_chapter_ids=chapter_ids)
        if taken:
            # Two rules may share chapters and type: what an earlier rule drew is not in this pool.
            pool = pool.exclude(pk__in=taken)
        ids = pick_ids(pool=pool, count=rule.count, rng=rng)
        taken.extend(ids)
        drawn.extend((pk, rule.points) for pk in ids)
    return drawn


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
                Question.objects.filter(pk__in=proposed)
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
