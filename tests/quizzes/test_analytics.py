"""quizzes.analytics against values computed by hand on small fixed data sets (no database)."""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction

import pytest

from quizzes import analytics
from quizzes.analytics import ChoiceCount, ItemSums, OptionStat, ScoreCount, TierSums


def sums(pairs: list[tuple[float, float]], points: float = 1, max_score: float = 10) -> ItemSums:
    """(question score x, attempt total y out of max_score) per candidate, one tier each, summed
    as stats_selectors sums the database's tiers."""
    groups = analytics.upper_lower_groups(ScoreCount(y, max_score, 1) for _x, y in pairs)
    tiers = [TierSums(y, max_score, 1, int(x == points), points, x, x * x) for x, y in pairs]
    return analytics.item_sums(tiers, groups=groups)


def test_tiers_sum_like_candidates() -> None:
    """Candidates with the same total sum as one tier (what the database's grouping returns)."""
    pairs = [(1, 8), (0, 8), (1, 8), (1, 4), (0, 2)]
    groups = analytics.upper_lower_groups([ScoreCount(8, 10, 3), ScoreCount(4, 10, 1), ScoreCount(2, 10, 1)])
    tiers = [TierSums(8, 10, 3, 2, 3, 2, 2), TierSums(4, 10, 1, 1, 1, 1, 1), TierSums(2, 10, 1, 0, 1, 0, 0)]
    by_tier = analytics.item_sums(tiers, groups=groups)
    assert dataclasses.astuple(by_tier) == pytest.approx(dataclasses.astuple(sums(pairs)))


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
    assert analytics.upper_lower_groups([ScoreCount(7, 10, 1)]) is None  # nobody to compare with
    assert analytics.upper_lower_index(item) is None
    assert analytics.item_flags(sums=item, options=[OptionStat("甲", False, 0)]) == []  # too few
    summary = analytics.paper_summary([ScoreCount(7, 10, 1)], passed=1, failed=0, awaiting=0)
    assert (summary.mean, summary.median, summary.high, summary.low) == (70, 70, 70, 70)
    assert summary.pass_rate == 100
    assert summary.histogram == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]


def test_everyone_right() -> None:
    item = sums([(1, 10), (1, 8), (1, 6), (1, 6), (1, 3)])
    assert analytics.facility(item) == 1
    assert analytics.discrimination(item) is None  # the question does not vary: r is undefined
    # D is defined, and nil: both groups got it right (p_upper = p_lower = 1).
    assert analytics.upper_lower_index(item) == 0
    assert analytics.NEGATIVE_DISCRIMINATION not in analytics.item_flags(sums=item, options=[])


def test_everyone_tied_on_the_rest() -> None:
    item = sums([(1, 6), (0, 5), (1, 6), (0, 5), (1, 6)])  # rest score 5 for all
    assert analytics.discrimination(item) is None


def test_everyone_with_the_same_total_has_no_groups() -> None:
    assert analytics.upper_lower_groups([ScoreCount(6, 10, 4), ScoreCount(12, 20, 3)]) is None  # all 60 %
    item = sums([(1, 6), (0, 6), (1, 6), (0, 6)])
    assert analytics.upper_lower_index(item) is None


# Ten candidates out of 10, ties at both cuts: (x, total) below. k = round(0.27 × 10) = 3.
# Upper: 9 (one place, weight 1), then three at 8 share the two places left: 2/3 each.
#   p_upper = (1 + 2/3 × (1 + 0 + 1)) / (1 + 2/3 × 3) = (7/3) / 3 = 7/9.
# Lower: 2 (weight 1), then three at 4 share two places: 2/3 each.
#   p_lower = (0 + 2/3 × (1 + 0 + 0)) / 3 = 2/9.  D = 7/9 − 2/9 = 5/9 = 0.556.
# (Putting every tied candidate in would give 3/4 − 1/4 = 0.5; breaking ties by id, 2/3 − 0 or
# 1 − 1/3, depending on which tied candidate happened to come first.)
# Point-biserial: x = 1,1,0,1,1,0,1,0,0,0; rest = 8,7,8,7,5,5,3,4,4,2 (Σ 53, Σr² 321);
# Σ(x−x̄)(r−r̄) = 30 − 26.5 = 3.5, Σ(x−x̄)² = 2.5, Σ(r−r̄)² = 321 − 280.9 = 40.1: r = 3.5/√100.25.
TIES = [(1, 9), (1, 8), (0, 8), (1, 8), (1, 6), (0, 5), (1, 4), (0, 4), (0, 4), (0, 2)]


def test_upper_lower_groups_share_the_places_at_a_tied_cut() -> None:
    groups = analytics.upper_lower_groups(ScoreCount(y, 10, 1) for _x, y in TIES)
    assert groups is not None and groups.size == 3
    assert (groups.upper.share, groups.upper.weight) == (Fraction(8, 10), Fraction(2, 3))
    assert (groups.lower.share, groups.lower.weight) == (Fraction(4, 10), Fraction(2, 3))
    assert groups.weights(9, 10) == (1, 0) and groups.weights(8, 10) == (Fraction(2, 3), 0)
    assert groups.weights(6, 10) == (0, 0) and groups.weights(4, 10) == (0, Fraction(2, 3))
    # The same percent out of another maximum is at the same cut.
    assert groups.weights(16, 20) == (Fraction(2, 3), 0)
    item = sums(TIES)
    assert analytics.upper_lower_index(item) == pytest.approx(5 / 9)
    assert analytics.discrimination(item) == pytest.approx(3.5 / math.sqrt(100.25))
    assert analytics.discrimination(item) == pytest.approx(0.3496, abs=1e-4)


@pytest.mark.parametrize(
    ("n", "size"), [(2, 1), (3, 1), (4, 1), (5, 1), (6, 2), (10, 3), (100, 27), (150, 41)]
)
def test_group_size_is_27_percent_rounded_half_up_at_least_one(n: int, size: int) -> None:
    groups = analytics.upper_lower_groups(ScoreCount(i, n, 1) for i in range(n))  # all different
    assert groups is not None and groups.size == size
    assert groups.upper.weight == 1 and groups.lower.weight == 1


def test_upper_lower_index_by_hand_with_partial_credit() -> None:
    # Five on a 2-point question, totals distinct: k = round(1.35) = 1. The top (9) scored 1 of 2,
    # the bottom (2) nothing: D = 0.5 − 0 = 0.5.
    item = sums([(1, 9), (2, 7), (2, 6), (0, 4), (0, 2)], points=2)
    assert analytics.upper_lower_index(item) == pytest.approx(0.5)
    # Two candidates: groups of one each.
    assert analytics.upper_lower_index(sums([(0, 8), (1, 3)])) == pytest.approx(-1)


def test_either_negative_figure_flags_the_question() -> None:
    positive_r = sums(FIVE)
    assert analytics.item_flags(sums=positive_r, options=[]) == []
    negative_d = dataclasses.replace(positive_r, upper_x=0.0, lower_x=1.0)
    assert analytics.discrimination(negative_d) == pytest.approx(0.6124, abs=1e-4)
    assert analytics.upper_lower_index(negative_d) == -1
    assert analytics.item_flags(sums=negative_d, options=[]) == [analytics.NEGATIVE_DISCRIMINATION]


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


def test_option_counts_follow_the_bank_option_not_the_letter_shown() -> None:
    # One question, key 甲 (bank A); the letters are the bank's, whatever the shuffle showed.
    rows = [
        ChoiceCount("A", "A", 5),
        ChoiceCount("A", "B", 4),
        ChoiceCount("A", "", 1),  # unanswered (or an old answer whose shuffle was lost): nothing counted
    ]
    options = analytics.option_counts(rows, texts=["甲", "乙", "丙"])
    assert options == [OptionStat("甲", True, 5), OptionStat("乙", False, 4), OptionStat("丙", False, 0)]
    flags = analytics.item_flags(sums=sums([(1, 5)] * 5 + [(0, 4)] * 5), options=options)
    assert analytics.UNUSED_DISTRACTOR in flags  # 丙: nobody
    assert analytics.DISTRACTOR_OVER_KEY not in flags  # 乙 (4) < 甲 (5)


def test_option_counts_of_an_option_since_deleted_from_the_bank() -> None:
    options = analytics.option_counts([ChoiceCount("A", "D", 2)], texts=["甲", "乙"])
    assert options == [OptionStat("甲", True, 0), OptionStat("乙", False, 0), OptionStat("D", False, 2)]


def test_distractor_over_the_key_and_multiple_choice() -> None:
    rows = [ChoiceCount("AB", "AC", 4), ChoiceCount("AB", "AB", 2)]
    options = analytics.option_counts(rows, texts=["甲", "乙", "丙", "丁"])
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
