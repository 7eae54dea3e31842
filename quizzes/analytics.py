"""Statistics of a paper's results, pure: no Django, no database, plain numbers in and out.

The selectors (quizzes/stats_selectors.py) aggregate in the database — sums, counts and
frequency tables whose size does not grow with the number of attempts — and this module turns
them into what a trainer reads: mean, median, pass rate, histogram; per question its facility,
discrimination, how often each option was chosen, and flags for likely flawed items.

Discrimination is the corrected item-total correlation: Pearson's r between the score on the
question and the score on the rest of the paper (total minus this question), over the attempts
that saw it. For a right/wrong question it is the point-biserial coefficient. It needs only the
sums n, Σx, Σy, Σx², Σy², Σxy, so the database computes it in one grouped query, and ties
among candidates need no rule (the 27 % upper/lower split would have to break them).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

# Below this many answers a flag says more about chance than about the question.
MIN_ANSWERS_FOR_FLAGS = 5
HISTOGRAM_BINS = 10  # 0–9 %, 10–19 %, …, 90–100 %

NEGATIVE_DISCRIMINATION = "negative_discrimination"
UNUSED_DISTRACTOR = "unused_distractor"
DISTRACTOR_OVER_KEY = "distractor_over_key"


# ---- one paper's scores ----------------------------------------------------------------------
@dataclass(frozen=True)
class ScoreCount:
    """`count` attempts scored `score` out of `max_score` (one row of a frequency table)."""

    score: float
    max_score: float
    count: int

    @property
    def percent(self) -> float:
        return self.score * 100 / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class PaperSummary:
    attempts: int
    mean: float | None  # percent of the maximum
    median: float | None
    high: float | None
    low: float | None
    passed: int
    failed: int
    awaiting: int  # short answers not graded yet: neither passed nor failed
    histogram: list[int] = field(default_factory=list)  # HISTOGRAM_BINS counts

    @property
    def pass_rate(self) -> float | None:
        """Share of the decided attempts that passed; awaiting ones are left out."""
        decided = self.passed + self.failed
        return self.passed * 100 / decided if decided else None


def histogram_labels() -> list[str]:
    width = 100 // HISTOGRAM_BINS
    return [f"{lo}–{lo + width - 1}" if lo + width < 100 else f"{lo}–100" for lo in range(0, 100, width)]


def paper_summary(scores: Iterable[ScoreCount], *, passed: int, failed: int, awaiting: int) -> PaperSummary:
    table = sorted((row for row in scores if row.count > 0), key=lambda r: r.percent)
    n = sum(row.count for row in table)
    histogram = [0] * HISTOGRAM_BINS
    for row in table:
        # 100 % falls in the last bin with 90–99 %.
        histogram[min(int(row.percent // (100 / HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)] += row.count
    if not n:
        return PaperSummary(0, None, None, None, None, passed, failed, awaiting, histogram)
    mean = sum(row.percent * row.count for row in table) / n
    return PaperSummary(
        attempts=n,
        mean=mean,
        median=_median(table, n),
        high=table[-1].percent,
        low=table[0].percent,
        passed=passed,
        failed=failed,
        awaiting=awaiting,
        histogram=histogram,
    )


def _median(table: Sequence[ScoreCount], n: int) -> float:
    """The middle value of a sorted frequency table; the mean of the two middle ones for even n."""
    wanted = [(n - 1) // 2, n // 2]  # 0-based positions
    found: list[float] = []
    seen = 0
    for row in table:
        while wanted and wanted[0] < seen + row.count:
            found.append(row.percent)
            wanted.pop(0)
        seen += row.count
    return sum(found) / 2


@dataclass(frozen=True)
class TimeUsed:
    mean: timedelta | None
    median: timedelta | None
    shortest: timedelta | None
    longest: timedelta | None


def time_summary(seconds: Sequence[float]) -> TimeUsed:
    """Time used over the attempts, in whole seconds."""
    if not seconds:
        return TimeUsed(None, None, None, None)
    ordered = sorted(seconds)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    values = (sum(ordered) / len(ordered), median, ordered[0], ordered[-1])
    return TimeUsed(*(timedelta(seconds=round(v)) for v in values))


# ---- one question ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemSums:
    """Sums over the graded answers to one question: x is its score, y the attempt's total."""

    n: int
    correct: int
    sum_points: float  # Σ of the question's points (they may differ between attempts)
    sum_x: float
    sum_y: float
    sum_xx: float
    sum_yy: float
    sum_xy: float


def facility(sums: ItemSums) -> float | None:
    """Mean score as a share of the points, 0–1: 1 means everyone got it fully right."""
    return sums.sum_x / sums.sum_points if sums.sum_points else None


def discrimination(sums: ItemSums) -> float | None:
    """r(question score, rest-of-paper score); None when either does not vary (one candidate,
    everyone right, everyone with the same rest score), as a correlation is then undefined."""
    n = sums.n
    sum_r = sums.sum_y - sums.sum_x
    sum_xr = sums.sum_xy - sums.sum_xx
    sum_rr = sums.sum_yy - 2 * sums.sum_xy + sums.sum_xx
    var_x = n * sums.sum_xx - sums.sum_x**2
    var_r = n * sum_rr - sum_r**2
    # Float sums of equal values leave crumbs like 1e-12 instead of 0: treat those as no spread.
    scale = max(1.0, abs(n * sums.sum_xx), abs(n * sum_rr))
    if n < 2 or var_x <= 1e-9 * scale or var_r <= 1e-9 * scale:
        return None
    return (n * sum_xr - sums.sum_x * sum_r) / math.sqrt(var_x * var_r)


@dataclass(frozen=True)
class ChoiceCount:
    """`count` answers, shown `options` in this order with `key`, gave `response` (letters)."""

    options: Sequence[str]
    key: str
    response: str
    count: int


@dataclass(frozen=True)
class OptionStat:
    text: str
    is_key: bool
    count: int  # answers that chose it (a multiple-choice answer counts for each option chosen)


def option_counts(rows: Iterable[ChoiceCount], *, order: Sequence[str] = ()) -> list[OptionStat]:
    """How often each option was chosen, by its text: shuffled attempts show the same option
    under different letters. Options listed in `order` (the bank's) come first, in that order;
    an option met only in older snapshots follows."""
    counts: dict[str, int] = {text: 0 for text in order}
    keys: set[str] = set()
    for row in rows:
        for text in row.options:
            counts.setdefault(text, 0)
        keys.update(_texts(row.options, row.key))
        for text in _texts(row.options, row.response):
            counts[text] += row.count
    return [OptionStat(text, text in keys, count) for text, count in counts.items()]


def _texts(options: Sequence[str], letters: str) -> list[str]:
    positions = (ord(c) - ord("A") for c in letters)
    return [options[p] for p in positions if 0 <= p < len(options)]


def item_flags(*, sums: ItemSums, options: Sequence[OptionStat]) -> list[str]:
    """Why the question may be flawed: it discriminates the wrong way, a distractor nobody picks,
    a distractor picked more often than the (least picked) key."""
    if sums.n < MIN_ANSWERS_FOR_FLAGS:
        return []
    flags = []
    r = discrimination(sums)
    if r is not None and r < 0:
        flags.append(NEGATIVE_DISCRIMINATION)
    key_counts = [o.count for o in options if o.is_key]
    distractors = [o.count for o in options if not o.is_key]
    if key_counts and any(c == 0 for c in distractors):
        flags.append(UNUSED_DISTRACTOR)
    if key_counts and any(c > min(key_counts) for c in distractors):
        flags.append(DISTRACTOR_OVER_KEY)
    return flags


# ---- chapter × class -------------------------------------------------------------------------
@dataclass(frozen=True)
class MasteryCell:
    """Graded answers of one class's members to one chapter's questions."""

    chapter_id: int | None
    cohort_id: int | None
    answers: int
    score: float
    points: float

    @property
    def mastery(self) -> float | None:
        return self.score * 100 / self.points if self.points else None


def mastery_grid(
    cells: Iterable[MasteryCell], *, chapters: Sequence[int | None], cohorts: Sequence[int | None]
) -> list[list[MasteryCell | None]]:
    """Rows by chapter, columns by class, None where nobody of that class met that chapter."""
    found = {(c.chapter_id, c.cohort_id): c for c in cells}
    return [[found.get((chapter, cohort)) for cohort in cohorts] for chapter in chapters]


def heat_level(percent: float | None) -> int | None:
    """0–5 for the heat map's colour classes (none when there is no data)."""
    return None if percent is None else min(5, int(percent // 20))
