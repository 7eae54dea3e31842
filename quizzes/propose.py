"""Picking ids for all of a paper's rules at once, without counting any rule's pool.

Ids are proposed uniformly at random over the question table's id range (its two ends read from
the primary key, not from any pool), and one query per round says what each proposed id is (bank,
status, type, chapter, difficulty) by primary-key look-ups alone. Each rule keeps, in proposal
order, the ids its pool holds, up to the number it asks for. Every member of a pool is equally
likely to be proposed at each position, so each rule's pick is a uniform random subset in random
order — as exact as counting the pool and picking positions, without reading its index entries
(COUNT over a pool of 20,000 cost a start ~5 ms per rule on SQLite and ~15 ms on PostgreSQL).

Rules whose pools may share a question (same type, overlapping chapters and difficulty) never
read the same round: the later one waits for the next round's fresh proposals with what the
earlier took left out. Sharing one sequence would favour the questions only the later pool holds.

The first round proposes FIRST_ROUND_PER_QUESTION ids per question asked. A rule still short after
a round sizes the next from the share of proposals its pool held. A rule whose next round would
pass MAX_PROPOSALS (a small chapter in a large table), or that is still short after ROUNDS rounds,
is returned short: the caller picks the rest exactly (quizzes.draw.pick_ids counts that pool,
which is cheap precisely because it is small).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from qbank.bulk import value_list
from qbank.models import Question

from .selectors import Described, Pool

FIRST_ROUND_PER_QUESTION = 10
MAX_PROPOSALS = 5_000
ROUNDS = 3
# The next round proposes this many times the expected need, so it rarely comes back short.
SAFETY = 2


@dataclass
class Wanted:
    pool: Pool
    count: int
    ids: list[int] = field(default_factory=list)
    next_round: int = 0  # proposals this rule wants next round; 0 = the first round's size
    gave_up: bool = False

    @property
    def short(self) -> int:
        return self.count - len(self.ids)


def pick_for_pools(*, wanted: Sequence[tuple[Pool, int]], rng: random.Random) -> list[list[int]]:
    """For each (pool, count), up to `count` distinct ids drawn uniformly from the pool, in random
    order; no id picked for two rules. A list shorter than its count is left for an exact pick."""
    rules = [Wanted(pool, count) for pool, count in wanted]
    low, high = _id_range()
    if low is None or high is None:
        return [[] for _ in rules]
    span = high - low + 1
    first_round = FIRST_ROUND_PER_QUESTION * sum(r.count for r in rules)
    taken: set[int] = set()
    for _round in range(ROUNDS):
        reading = _rules_for_this_round(rules)
        if not reading:
            break
        size = min(span, max(r.next_round or first_round for r in reading))
        proposed = rng.sample(range(low, high + 1), size)
        rows = _describe(proposed)
        by_type: dict[str, list[tuple[Wanted, list[int]]]] = {}
        for rule in reading:
            by_type.setdefault(rule.pool.type, []).append((rule, []))
        for pk in proposed:
            row = rows.get(pk)
            if row is None or pk in taken:
                continue
            for rule, found in by_type.get(row.type, ()):
                if rule.pool.holds(row):
                    found.append(pk)
                    break  # pools read in one round share no question
        for rule, found in (pair for pairs in by_type.values() for pair in pairs):
            kept = found[: rule.short]
            rule.ids.extend(kept)
            taken.update(kept)
            if rule.short:
                # Found everything the range had (size == span), or next round too large: exact pick.
                rule.next_round = SAFETY * math.ceil(rule.short * size / (len(found) + 1)) + 16
                rule.gave_up = size == span or rule.next_round > MAX_PROPOSALS
    return [rule.ids for rule in rules]


def _rules_for_this_round(rules: list[Wanted]) -> list[Wanted]:
    """Rules still short, leaving out any that may share a question with one before it."""
    reading: list[Wanted] = []
    for rule in rules:
        waiting = any(rule.pool.may_share(earlier.pool) for earlier in reading)
        if rule.short and not rule.gave_up and not waiting:
            reading.append(rule)
    return reading


def _id_range() -> tuple[int | None, int | None]:
    # Two queries: each end is one step into the primary key; SQLite reads a whole table for
    # MIN and MAX asked in one statement.
    ids = Question.objects.order_by().values_list("pk", flat=True)
    return ids.order_by("pk").first(), ids.order_by("-pk").first()


def _describe(ids: list[int]) -> dict[int, Described]:
    """What the proposed ids are, by primary key alone (no pool condition in the query, so no
    planner walks a pool's index instead)."""
    rows = (
        Question.objects.filter(pk__in=value_list(ids))
        .order_by()
        .values_list("pk", "bank_id", "type", "status", "chapter_id", "difficulty")
    )
    return {
        pk: Described(bank_id, qtype, status, chapter_id, difficulty)
        for pk, bank_id, qtype, status, chapter_id, difficulty in rows
    }
