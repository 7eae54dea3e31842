"""Statistics of a paper's results, pure: no Django, no database, plain numbers in and out.

The selectors (quizzes/stats_selectors.py) aggregate in the database — sums, counts and
frequency tables whose size does not grow with the number of attempts — and this module turns
them into what a trainer reads: mean, median, pass rate, histogram; per question its facility,
two discrimination figures, how often each option was chosen, and flags for likely flawed items.

Discrimination, two ways:

- The upper/lower index D = p_upper − p_lower (Kelley): attempts are ranked by their percent
  score on the whole paper; the top 27 % form the upper group, the bottom 27 % the lower one;
  p is the question's facility within each group. A group holds k = round(0.27 × n) attempts
  (half up), at least one. Ties at a cut are shared, not broken: when the j places left go to m
  attempts with the same percent, each counts with weight j/m, so a group is always exactly k
  attempts and the figure never depends on an arbitrary order. Undefined (None) with fewer than
  two attempts, when every attempt has the same percent (there is no upper or lower group), or
  when nobody in one of the groups answered the question.
- The corrected point-biserial: Pearson's r between the score on the question and the score on
  the rest of the paper (total minus this question), over the attempts that saw it; for a
  right/wrong question this is the point-biserial coefficient. It needs only the sums n, Σx, Σy,
  Σx², Σy², Σxy, so the database computes it in one grouped query. Undefined when either score
  does not vary (one candidate, everyone right).

Both can be read against the usual rule of thumb (≥ 0.3 good, < 0.2 poor, < 0 suspect: the
stronger candidates got it wrong more often); either one below zero flags the question.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from fractions import Fraction

from questiontypes import LETTERS

# Below this many answers a flag says more about chance than about the question.
MIN_ANSWERS_FOR_FLAGS = 5
HISTOGRAM_BINS = 10  # 0–9 %, 10–19 %, …, 90–100 %
UPPER_LOWER_SHARE = Fraction(27, 100)

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
    return _middle([(row.percent, row.count) for row in table], n)


@dataclass(frozen=True)
class TimeUsed:
    mean: timedelta | None
    median: timedelta | None
    shortest: timedelta | None
    longest: timedelta | None


def time_summary(seconds: Iterable[float]) -> TimeUsed:
    """Time used over the attempts, in whole seconds."""
    return time_summary_counts((value, 1) for value in seconds)


def time_summary_counts(table: Iterable[tuple[float, int]]) -> TimeUsed:
    """The same from a frequency table (seconds, attempts): what the database groups to."""
    rows = sorted((float(value), count) for value, count in table if count > 0)
    n = sum(count for _value, count in rows)
    if not n:
        return TimeUsed(None, None, None, None)
    mean = sum(value * count for value, count in rows) / n
    values = (mean, _middle(rows, n), rows[0][0], rows[-1][0])
    return TimeUsed(*(timedelta(seconds=round(v)) for v in values))


def _middle(rows: Sequence[tuple[float, int]], n: int) -> float:
    """The median of a sorted frequency table: the mean of the two middle values for even n."""
    wanted = [(n - 1) // 2, n // 2]  # 0-based positions
    found: list[float] = []
    seen = 0
    for value, count in rows:
        while wanted and wanted[0] < seen + count:
            found.append(value)
            wanted.pop(0)
        seen += count
    return sum(found) / 2


# ---- the upper and lower groups --------------------------------------------------------------
def ratio(score: float, max_score: float) -> Fraction:
    """An attempt's score as an exact share of its maximum (0 when there is none): scores are
    two-decimal numbers, read through str() so 0.1 is a tenth and not its binary neighbour."""
    return Fraction(str(score)) / Fraction(str(max_score)) if max_score else Fraction(0)


@dataclass(frozen=True)
class Cut:
    """Where a group ends: attempts beyond `share` (score / max) are in it fully, attempts at it
    with `weight`, the places left shared among them."""

    share: Fraction
    weight: Fraction


@dataclass(frozen=True)
class Groups:
    """The upper and lower 27 % of the attempts, by percent score on the whole paper."""

    size: int  # attempts per group (k); the weights at each cut add up to it
    upper: Cut
    lower: Cut

    def weights(self, score: float, max_score: float) -> tuple[Fraction, Fraction]:
        """How much one attempt counts in the upper and in the lower group (0–1 each)."""
        share = ratio(score, max_score)
        up = 1 if share > self.upper.share else self.upper.weight if share == self.upper.share else 0
        low = 1 if share < self.lower.share else self.lower.weight if share == self.lower.share else 0
        return Fraction(up), Fraction(low)


def upper_lower_groups(scores: Iterable[ScoreCount]) -> Groups | None:
    """The groups over a frequency table of scores; None with fewer than two attempts or when
    all have the same percent (nobody is above or below anybody)."""
    tiers: dict[Fraction, int] = defaultdict(int)
    for row in scores:
        if row.count > 0:
            tiers[ratio(row.score, row.max_score)] += row.count
    n = sum(tiers.values())
    if n < 2 or len(tiers) < 2:
        return None
    size = max(1, math.floor(UPPER_LOWER_SHARE * n + Fraction(1, 2)))  # round half up
    ascending = sorted(tiers.items())
    return Groups(size, _cut(reversed(ascending), size), _cut(ascending, size))


def _cut(tiers: Iterable[tuple[Fraction, int]], size: int) -> Cut:
    taken = 0
    for share, count in tiers:
        if taken + count >= size:
            return Cut(share, Fraction(size - taken, count))
        taken += count
    raise ValueError("a group larger than the attempts")  # size ≤ 0.27 n + 0.5 < n for n ≥ 2


# ---- one question ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemSums:
    """Sums over the graded answers to one question: x is its score, y the attempt's total;
    upper_* and lower_* are Σx and Σpoints weighted by the attempt's place in each 27 % group."""

    n: int
    correct: int
    sum_points: float  # Σ of the question's points (they may differ between attempts)
    sum_x: float
    sum_y: float
    sum_xx: float
    sum_yy: float
    sum_xy: float
    upper_x: float = 0.0
    upper_points: float = 0.0
    lower_x: float = 0.0
    lower_points: float = 0.0


@dataclass(frozen=True)
class TierSums:
    """Sums over the graded answers to one question from attempts that scored `total` out of
    `max_score` (one row of the database's grouping by question and attempt total)."""

    total: float
    max_score: float
    n: int
    correct: int
    sum_points: float
    sum_x: float
    sum_xx: float


def item_sums(tiers: Iterable[TierSums], *, groups: Groups | None) -> ItemSums:
    """One question's sums from its tiers: y, the attempt's total, is the same throughout a tier,
    so Σy = n·y, Σy² = n·y², Σxy = y·Σx, and the tier's weight in each 27 % group applies to all
    of it. The database groups; the weights stay exact fractions here, with no float comparison
    of percents in SQL."""
    n = correct = 0
    sum_points = sum_x = sum_y = sum_xx = sum_yy = sum_xy = 0.0
    upper_x = upper_points = lower_x = lower_points = 0.0
    for tier in tiers:
        y = tier.total
        n += tier.n
        correct += tier.correct
        sum_points += tier.sum_points
        sum_x += tier.sum_x
        sum_xx += tier.sum_xx
        sum_y += tier.n * y
        sum_yy += tier.n * y * y
        sum_xy += y * tier.sum_x
        if groups is not None:
            up, low = (float(w) for w in groups.weights(tier.total, tier.max_score))
            upper_x += up * tier.sum_x
            upper_points += up * tier.sum_points
            lower_x += low * tier.sum_x
            lower_points += low * tier.sum_points
    return ItemSums(
        n,
        correct,
        sum_points,
        sum_x,
        sum_y,
        sum_xx,
        sum_yy,
        sum_xy,
        upper_x,
        upper_points,
        lower_x,
        lower_points,
    )


def facility(sums: ItemSums) -> float | None:
    """Mean score as a share of the points, 0–1: 1 means everyone got it fully right."""
    return sums.sum_x / sums.sum_points if sums.sum_points else None


def upper_lower_index(sums: ItemSums) -> float | None:
    """D = facility in the upper group − facility in the lower group, −1…1; None when one group
    is empty (no groups at all, or nobody of that group saw the question)."""
    if sums.upper_points <= 0 or sums.lower_points <= 0:
        return None
    return sums.upper_x / sums.upper_points - sums.lower_x / sums.lower_points


def discrimination(sums: ItemSums) -> float | None:
    """The corrected point-biserial, r(question score, rest-of-paper score); None when either
    does not vary (one candidate, everyone right, everyone with the same rest score), as a
    correlation is then undefined."""
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
    """`count` graded answers whose key was `key` and which chose `chosen`: option letters in
    the bank's order, whatever shuffle each trainee saw (AttemptQuestion.key_letters)."""

    key: str
    chosen: str
    count: int


@dataclass(frozen=True)
class OptionStat:
    text: str
    is_key: bool
    count: int  # answers that chose it (a multiple-choice answer counts for each option chosen)


def option_counts(rows: Iterable[ChoiceCount], *, texts: Sequence[str] = ()) -> list[OptionStat]:
    """How often each of the bank's options was chosen, in the bank's order. `texts` names them;
    a letter beyond them (an option since deleted from the bank) is shown as the letter."""
    counts: dict[str, int] = {LETTERS[i]: 0 for i in range(len(texts))}
    keys: set[str] = set()
    for row in rows:
        keys.update(row.key)
        for letter in row.chosen:
            counts[letter] = counts.get(letter, 0) + row.count
        for letter in row.key:
            counts.setdefault(letter, 0)
    ordered = sorted(counts.items(), key=lambda pair: LETTERS.find(pair[0]))
    return [OptionStat(_text(letter, texts), letter in keys, count) for letter, count in ordered]


def _text(letter: str, texts: Sequence[str]) -> str:
    position = LETTERS.find(letter)
    return texts[position] if 0 <= position < len(texts) else letter


def item_flags(*, sums: ItemSums, options: Sequence[OptionStat]) -> list[str]:
    """Why the question may be flawed: it discriminates the wrong way (by either figure), a
    distractor nobody picks, a distractor picked more often than the (least picked) key."""
    if sums.n < MIN_ANSWERS_FOR_FLAGS:
        return []
    flags = []
    # Below −1e-9, not 0: weighted group sums of equal facilities may leave a float crumb.
    if any(d is not None and d < -1e-9 for d in (discrimination(sums), upper_lower_index(sums))):
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
