"""quizzes.analytics against values computed by hand on small fixed data sets (no database)."""

from __future__ import annotations

import math

import pytest

from quizzes import analytics
from quizzes.analytics import ChoiceCount, ItemSums, OptionStat, ScoreCount


def sums(pairs: list[tuple[float, float]], points: float = 1) -> ItemSums:
    """(question score x, attempt total y) per candidate, summed as the database does."""
    return ItemSums(
        n=len(pairs),
        correct=sum(1 for x, _y in pairs if x == points),
        sum_points=points * len(pairs),
        sum_x=sum(x for x, _y in pairs),
        sum_y=sum(y for _x, y in pairs),
        sum_xx=sum(x * x for x, _y in pairs),
        sum_yy=sum(y * y for _x, y in pairs),
        sum_xy=sum(x * y for x, y in pairs),
    )


# Five candidates: right, right, wrong, right, wrong; totals 10, 8, 6, 6, 3 (ties at 6).
# Rest scores (total − this question) 9, 7, 6, 5, 3: mean 6; x mean 0.6.
# By hand: Σ(x−x̄)(r−r̄) = 1.2 + 0.4 + 0 − 0.4 + 1.8 = 3.0; Σ(x−x̄)² = 1.2; Σ(r−r̄)² = 20;
# r = 3 / √24 = 0.6124. Point-biserial the textbook way: M1 = 7, M0 = 4.5, s = 2, √(pq) = √0.24,
# (7 − 4.5) / 2 × √0.24 = 0.6124 — the same.
FIVE = [(1, 10), (1, 8), (0, 6), (1, 6), (0, 3)]


def test_facility_and_discrimination_by_hand() -> None:
    item = sums(FIVE)
    assert analytics.facility(item) == pytest.approx(0.6)
    assert analytics.discrimination(item) == pytest.approx(3 / math.sqrt(24))
    assert analytics.discrimination(item) == pytest.approx(0.6124, abs=1e-4)


def test_discrimination_with_partial_credit_and_points() -> None:
    # A 2-point question: 2, 1, 0 on totals 9, 5, 4; rest 7, 4, 4 (a tie). x̄ = 1, r̄ = 5;
    # Σ(x−x̄)(r−r̄) = 2 + 0 + 1 = 3; Σ(x−x̄)² = 2; Σ(r−r̄)² = 4 + 1 + 1 = 6; r = 3 / √12.
    item = sums([(2, 9), (1, 5), (0, 4)], points=2)
    assert analytics.facility(item) == pytest.approx(0.5)
    assert analytics.discrimination(item) == pytest.approx(3 / math.sqrt(12))


def test_negative_discrimination_is_flagged() -> None:
    # The weakest candidates get it right. Rest scores 10, 9, 8, 3, 2, 1 (r̄ = 5.5), x̄ = 0.5:
    # Σ(x−x̄)(r−r̄) = −0.5 × 10.5 − 0.5 × 10.5 = −10.5; Σ(x−x̄)² = 1.5; Σ(r−r̄)² = 77.5;
    # r = −10.5 / √116.25 = −0.9739.
    item = sums([(0, 10), (0, 9), (0, 8), (1, 4), (1, 3), (1, 2)])
    assert analytics.discrimination(item) == pytest.approx(-10.5 / math.sqrt(116.25))
    assert analytics.NEGATIVE_DISCRIMINATION in analytics.item_flags(sums=item, options=[])


def test_one_candidate() -> None:
    item = sums([(1, 7)])
    assert analytics.facility(item) == 1
    assert analytics.discrimination(item) is None
    assert analytics.item_flags(sums=item, options=[OptionStat("甲", False, 0)]) == []  # too few
    summary = analytics.paper_summary([ScoreCount(7, 10, 1)], passed=1, failed=0, awaiting=0)
    assert (summary.mean, summary.median, summary.high, summary.low) == (70, 70, 70, 70)
    assert summary.pass_rate == 100
    assert summary.histogram == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]


def test_everyone_right() -> None:
    item = sums([(1, 10), (1, 8), (1, 6), (1, 6), (1, 3)])
    assert analytics.facility(item) == 1
    assert analytics.discrimination(item) is None  # the question does not vary: r is undefined
    assert analytics.NEGATIVE_DISCRIMINATION not in analytics.item_flags(sums=item, options=[])


def test_everyone_tied_on_the_rest() -> None:
    item = sums([(1, 6), (0, 5), (1, 6), (0, 5), (1, 6)])  # rest score 5 for all
    assert analytics.discrimination(item) is None


def test_median_with_ties_odd_and_even() -> None:
    odd = [ScoreCount(3, 10, 1), ScoreCount(6, 10, 2), ScoreCount(8, 10, 1), ScoreCount(10, 10, 1)]
    summary = analytics.paper_summary(odd, passed=4, failed=1, awaiting=0)
    assert summary.attempts == 5
    assert summary.mean == pytest.approx((30 + 60 + 60 + 80 + 100) / 5)  # 66
    assert summary.median == 60
    assert (summary.high, summary.low) == (100, 30)
    assert summary.pass_rate == 80
    # 30 → 30–39, 60 ×2 → 60–69, 80 → 80–89, 100 → the last bin (90–100).
    assert summary.histogram == [0, 0, 0, 1, 0, 0, 2, 0, 1, 1]
    even = [ScoreCount(6, 10, 2), ScoreCount(8, 10, 2)]
    assert analytics.paper_summary(even, passed=4, failed=0, awaiting=0).median == 70


def test_scores_out_of_different_maxima_compare_as_percent() -> None:
    summary = analytics.paper_summary(
        [ScoreCount(5, 10, 1), ScoreCount(15, 20, 1)], passed=1, failed=0, awaiting=1
    )
    assert (summary.low, summary.high, summary.median) == (50, 75, 62.5)
    assert summary.pass_rate == 100  # the attempt awaiting grading is not counted either way


def test_no_attempts() -> None:
    summary = analytics.paper_summary([], passed=0, failed=0, awaiting=0)
    assert summary.attempts == 0 and summary.mean is None and summary.pass_rate is None
    assert summary.histogram == [0] * 10
    assert analytics.histogram_labels()[0] == "0–9" and analytics.histogram_labels()[-1] == "90–100"


def test_option_counts_follow_the_option_not_the_letter() -> None:
    # The same question shown in two orders: "甲" is the key, shown as A then as C.
    rows = [
        ChoiceCount(["甲", "乙", "丙"], "A", "A", 3),
        ChoiceCount(["丙", "乙", "甲"], "C", "C", 2),
        ChoiceCount(["丙", "乙", "甲"], "C", "B", 4),
        ChoiceCount(["丙", "乙", "甲"], "C", "", 1),  # unanswered: no option counted
    ]
    options = analytics.option_counts(rows, order=["甲", "乙", "丙"])
    assert options == [OptionStat("甲", True, 5), OptionStat("乙", False, 4), OptionStat("丙", False, 0)]
    flags = analytics.item_flags(sums=sums([(1, 5)] * 5 + [(0, 4)] * 5), options=options)
    assert analytics.UNUSED_DISTRACTOR in flags  # 丙: nobody
    assert analytics.DISTRACTOR_OVER_KEY not in flags  # 乙 (4) < 甲 (5)


def test_distractor_over_the_key_and_multiple_choice() -> None:
    shown = ["甲", "乙", "丙", "丁"]
    rows = [ChoiceCount(shown, "AB", "AC", 4), ChoiceCount(shown, "AB", "AB", 2)]
    options = analytics.option_counts(rows)
    assert options == [
        OptionStat("甲", True, 6),
        OptionStat("乙", True, 2),
        OptionStat("丙", False, 4),
        OptionStat("丁", False, 0),
    ]
    flags = analytics.item_flags(sums=sums([(1, 5)] * 2 + [(0, 4)] * 4), options=options)
    assert flags == [analytics.UNUSED_DISTRACTOR, analytics.DISTRACTOR_OVER_KEY]


def test_mastery_grid_and_heat_levels() -> None:
    cells = [
        analytics.MasteryCell(1, 10, 4, 3, 4),
        analytics.MasteryCell(2, None, 2, 0, 2),
    ]
    grid = analytics.mastery_grid(cells, chapters=[1, 2], cohorts=[10, None])
    assert grid[0][0] is not None and grid[0][0].mastery == 75
    assert grid[0][1] is None and grid[1][0] is None
    assert grid[1][1] is not None and grid[1][1].mastery == 0
    assert [analytics.heat_level(p) for p in (None, 0, 19.9, 20, 75, 100)] == [None, 0, 0, 1, 3, 5]


def test_time_summary() -> None:
    from datetime import timedelta

    used = analytics.time_summary([600, 300, 300, 1200.4])
    assert used.mean == timedelta(seconds=600)  # 2400.4 / 4 = 600.1 → whole seconds
    assert used.median == timedelta(seconds=450)  # (300 + 600) / 2
    assert (used.shortest, used.longest) == (timedelta(seconds=300), timedelta(seconds=1200))
    assert analytics.time_summary([]).mean is None
