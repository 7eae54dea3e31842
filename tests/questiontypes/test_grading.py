"""Pure grading rules, table by table: one table per question type (through the registry),
policy and helper."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from questiontypes import Grade, Policy, get, grade, key_terms, normalise_fill, suggested_fraction
from questiontypes.short import highlight
from quizzes.grading import points_for

grade_single = get("single").grade
grade_multiple = get("multiple").grade
grade_truefalse = get("truefalse").grade
grade_fill = get("fill").grade


def grade_short(key: object, response: object, terms: list[str] | None = None) -> Grade:
    return get("short").grade(key, response, terms=terms)


PARTIAL = Policy(multiple="partial")
REFERENCE = "提高客户满意度需要及时响应客户投诉，跟踪处理结果，并在24小时内回访。"


@pytest.mark.parametrize(
    ("key", "response", "fraction", "state"),
    [
        ("B", "B", 1, "correct"),
        ("B", "b", 1, "correct"),
        ("B", " Ｂ ", 1, "correct"),  # full width and stray spaces
        ("B", ["B"], 1, "correct"),  # a form's getlist
        ("B", "A", 0, "wrong"),
        ("B", "AB", 0, "wrong"),  # two letters are not the one answer
        ("B", None, 0, "unanswered"),
        ("B", "", 0, "unanswered"),
        ("B", "  ", 0, "unanswered"),
        ("B", [], 0, "unanswered"),
    ],
)
def test_single(key: str, response: object, fraction: int, state: str) -> None:
    result = grade_single(key, response)
    assert (result.fraction, result.state) == (Fraction(fraction), state)


@pytest.mark.parametrize(
    ("key", "response", "fraction", "state"),
    [
        (True, True, 1, "correct"),
        (True, False, 0, "wrong"),
        (False, False, 1, "correct"),
        (True, "true", 1, "correct"),
        (True, " TRUE ", 1, "correct"),
        (False, "false", 1, "correct"),
        (True, "对", 1, "correct"),
        (False, "对", 0, "wrong"),
        (False, "错", 1, "correct"),
        (True, "错", 0, "wrong"),
        (True, None, 0, "unanswered"),
        (True, "", 0, "unanswered"),
        (True, [], 0, "unanswered"),
        (True, "maybe", 0, "unanswered"),  # nothing recognisable was chosen
        (True, 1, 0, "unanswered"),  # ints are not bools here
    ],
)
def test_truefalse(key: bool, response: object, fraction: int, state: str) -> None:
    result = grade_truefalse(key, response)
    assert (result.fraction, result.state) == (Fraction(fraction), state)


def test_truefalse_key_must_be_a_truth_value() -> None:
    with pytest.raises(ValueError, match="true/false key"):
        grade_truefalse("yes", True)


@pytest.mark.parametrize(
    ("policy", "key", "response", "fraction", "state"),
    [
        (Policy(), "ABD", "ABD", 1, "correct"),
        (Policy(), "ABD", "DBA", 1, "correct"),  # order-insensitive
        (Policy(), "ABD", "abd", 1, "correct"),  # case-insensitive
        (Policy(), "ABD", "AABDD", 1, "correct"),  # duplicates ignored
        (Policy(), "ABD", ["D", "A", "B"], 1, "correct"),
        (Policy(), "ABD", "A, B, D", 1, "correct"),
        (Policy(), "AB", "ＡＢ", 1, "correct"),  # full-width letters
        (Policy(), "ABD", "AB", 0, "wrong"),  # all or nothing: a subset earns nothing
        (Policy(), "ABD", "ABCD", 0, "wrong"),
        (Policy(), "ABD", None, 0, "unanswered"),
        (Policy(), "ABD", "", 0, "unanswered"),
        (Policy(), "ABD", [], 0, "unanswered"),
        (PARTIAL, "ABD", "ABD", 1, "correct"),
        (PARTIAL, "ABD", "AB", Fraction(1, 2), "partial"),
        (PARTIAL, "ABD", "d", Fraction(1, 2), "partial"),
        (PARTIAL, "ABD", "ABC", 0, "wrong"),  # any wrong option voids the subset
        (PARTIAL, "ABD", "ABCD", 0, "wrong"),  # a superset is not a subset
        (PARTIAL, "ABD", "C", 0, "wrong"),
        (PARTIAL, "ABD", None, 0, "unanswered"),
        (Policy("partial", Fraction(1, 3)), "ABD", "A", Fraction(1, 3), "partial"),
        (Policy("partial", Fraction(0)), "ABD", "A", 0, "wrong"),  # a zero share is just wrong
    ],
)
def test_multiple(policy: Policy, key: str, response: object, fraction: Fraction | int, state: str) -> None:
    result = grade_multiple(key, response, policy)
    assert (result.fraction, result.state) == (Fraction(fraction), state)


def test_multiple_detail_names_missing_and_wrong_options() -> None:
    assert grade_multiple("ABD", "dca", PARTIAL).detail == {"chosen": "ACD", "missing": "B", "wrong": "C"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("客户满意度", "客户满意度"),
        ("客戶滿意度", "客户满意度"),  # Traditional → Simplified
        ("服務", "服务"),
        ("  客户 满意度。", "客户满意度"),  # spacing and punctuation dropped
        ("客户、满意度！", "客户满意度"),
        ("ＣＲＭ系统", "crm系统"),  # width fold and lower case
        ("5 %", "5%"),  # percent and symbols are kept: "5%" is not "5"
        ("＋5℃", "+5°c"),  # NFKC: "℃" and "°C" are one answer
        ("", ""),
    ],
)
def test_normalise_fill(text: str, expected: str) -> None:
    assert normalise_fill(text) == expected


@pytest.mark.parametrize(
    ("key", "response", "fraction", "state", "blanks"),
    [
        (["服务", "满意度"], ["服务", "满意度"], 1, "correct", [True, True]),
        (["服务"], ["服務"], 1, "correct", [True]),  # Traditional answer, Simplified key
        (["服務"], ["服务"], 1, "correct", [True]),  # and the other way round
        (["客户满意度"], [" 客户 满意度。"], 1, "correct", [True]),
        (["CRM"], ["ｃｒｍ"], 1, "correct", [True]),
        (["客户满意度|顾客满意度"], ["顾客满意度"], 1, "correct", [True]),  # alternatives
        (["客户满意度|顾客满意度"], ["用户满意度"], 0, "wrong", [False]),
        (["服务", "满意度"], ["服务", "质量"], Fraction(1, 2), "partial", [True, False]),
        (["甲", "乙", "丙"], ["甲", "乙"], Fraction(2, 3), "partial", [True, True, False]),  # fewer answers
        (["甲"], ["甲", "乙"], 1, "correct", [True]),  # extra answers are ignored
        (["甲", "乙"], ["", "乙"], Fraction(1, 2), "partial", [False, True]),
        (["甲", "乙"], [None, "乙"], Fraction(1, 2), "partial", [False, True]),
        (["甲", "乙"], ["", " "], 0, "unanswered", [False, False]),
        (["甲", "乙"], ["。", ""], 0, "unanswered", [False, False]),  # punctuation alone is blank
        (["甲", "乙"], [], 0, "unanswered", [False, False]),
        (["甲", "乙"], None, 0, "unanswered", [False, False]),
        (["甲"], "甲", 1, "correct", [True]),  # one blank sent as plain text
        (["—|甲"], [""], 0, "unanswered", [False]),  # an empty-looking alternative never matches
    ],
)
def test_fill(
    key: list[str], response: object, fraction: Fraction | int, state: str, blanks: list[bool]
) -> None:
    result = grade_fill(key, response)
    assert (result.fraction, result.state, result.detail["blanks"]) == (Fraction(fraction), state, blanks)


def test_fill_counts_extra_answers() -> None:
    assert grade_fill(["甲"], ["甲", "乙", "丙"]).detail["extra"] == 2


def test_fill_key_without_blanks_is_a_bad_snapshot() -> None:
    with pytest.raises(ValueError, match="no blanks"):
        grade_fill([], ["甲"])


def test_key_terms_from_reference() -> None:
    # Heaviest first; the 1-char words and the number "24" are dropped.
    assert key_terms(REFERENCE) == ["客户", "回访", "处理结果", "满意度", "投诉", "响应", "跟踪", "及时"]


@pytest.mark.parametrize("limit", [1, 3, 8, 20])
def test_key_terms_respects_limit_and_filters(limit: int) -> None:
    terms = key_terms(REFERENCE, limit=limit)
    assert terms == key_terms(REFERENCE, limit=20)[:limit]  # deterministic, ranked prefix
    assert len(terms) <= limit
    assert all(len(term) > 1 and not term.isdigit() for term in terms)
    assert len(set(terms)) == len(terms)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("", []),
        ("   ", []),
        ("2024 12 3.5", []),  # numbers only
        ("提高客戶滿意度", key_terms("提高客户满意度")),  # folded to Simplified before extraction
    ],
)
def test_key_terms_edge_cases(reference: str, expected: list[str]) -> None:
    assert key_terms(reference) == expected


@pytest.mark.parametrize(
    ("coverage", "expected"),
    [
        (0.0, Fraction(0)),
        (0.04, Fraction(0)),
        (0.05, Fraction(1, 10)),  # half-up
        (0.25, Fraction(3, 10)),  # not banker's rounding (which would give 0.2)
        (1 / 3, Fraction(3, 10)),
        (2 / 3, Fraction(7, 10)),
        (0.5, Fraction(1, 2)),
        (0.96, Fraction(1)),
        (1.0, Fraction(1)),
        (1.5, Fraction(1)),  # clamped
        (-0.2, Fraction(0)),
    ],
)
def test_suggested_fraction(coverage: float, expected: Fraction) -> None:
    assert suggested_fraction(coverage) == expected


@pytest.mark.parametrize(
    ("response", "terms", "hits", "coverage", "fraction", "state"),
    [
        (
            "要提高客户满意度",
            ["客户满意度", "投诉", "回访"],
            ["客户满意度"],
            1 / 3,
            Fraction(3, 10),
            "pending",
        ),
        (
            "客戶滿意度、投訴 與回訪",
            ["客户满意度", "投诉", "回访"],
            ["客户满意度", "投诉", "回访"],
            1.0,
            1,
            "pending",
        ),
        ("客户 满意度", ["客户满意度"], ["客户满意度"], 1.0, 1, "pending"),  # spacing ignored
        ("顾客很开心", ["客户|顾客", "开心"], ["客户|顾客", "开心"], 1.0, 1, "pending"),  # alternatives
        ("不知道", ["客户满意度", "投诉"], [], 0.0, 0, "pending"),  # wrong, but a trainer still decides
        ("", ["客户满意度"], [], 0.0, 0, "unanswered"),
        (None, ["客户满意度"], [], 0.0, 0, "unanswered"),
        ("。。", ["客户满意度"], [], 0.0, 0, "unanswered"),
    ],
)
def test_short_with_explicit_terms(
    response: str | None,
    terms: list[str],
    hits: list[str],
    coverage: float,
    fraction: Fraction | int,
    state: str,
) -> None:
    result = grade_short(REFERENCE, response, terms)
    assert result.detail == {"terms": terms, "hits": hits, "coverage": pytest.approx(coverage)}
    assert (result.fraction, result.state) == (Fraction(fraction), state)


def test_short_with_extracted_terms() -> None:
    result = grade_short(REFERENCE, "我会及时回应顾客投訴，然后跟踪处理结果")
    assert result.detail == {
        "terms": ["客户", "回访", "处理结果", "满意度", "投诉", "响应", "跟踪", "及时"],
        "hits": ["处理结果", "投诉", "跟踪", "及时"],  # "投訴" counts: compared after folding
        "coverage": 0.5,
    }
    assert (result.fraction, result.state) == (Fraction(1, 2), "pending")


@pytest.mark.parametrize("reference", [None, "", "  "])
def test_short_without_reference_or_terms_is_pending_with_no_coverage(reference: str | None) -> None:
    result = grade_short(reference, "我的回答")
    assert result == Grade(Fraction(0), "pending", {"terms": [], "hits": [], "coverage": 0.0})


def test_short_explicit_terms_ignore_punctuation_only_terms() -> None:
    assert grade_short("", "客户", ["。", "客户"]).detail["terms"] == ["客户"]


@pytest.mark.parametrize(
    ("qtype", "key", "response", "expected"),
    [
        ("single", "B", "b", Grade(Fraction(1), "correct", {"chosen": "B"})),
        ("truefalse", False, "错", Grade(Fraction(1), "correct", {"chosen": False})),
        ("multiple", "AB", "A", Grade(Fraction(0), "wrong", {"chosen": "A", "missing": "B", "wrong": ""})),
        ("fill", ["服务"], ["服務"], Grade(Fraction(1), "correct", {"blanks": [True], "extra": 0})),
    ],
)
def test_grade_dispatches_by_type(qtype: str, key: object, response: object, expected: Grade) -> None:
    assert grade(qtype, key, response) == expected


def test_grade_passes_policy_and_terms_through() -> None:
    assert grade("multiple", "AB", "A", PARTIAL).fraction == Fraction(1, 2)
    short = grade("short", REFERENCE, "回访", terms=["回访", "投诉"])
    assert (short.fraction, short.state, short.detail["hits"]) == (Fraction(1, 2), "pending", ["回访"])


def test_unknown_question_type() -> None:
    with pytest.raises(ValueError, match="unknown question type 'essay'"):
        grade("essay", "", "")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"multiple": "generous"}, "unknown multiple-choice policy"),
        ({"subset_fraction": Fraction(3, 2)}, "within 0..1"),
        ({"subset_fraction": Fraction(-1, 2)}, "within 0..1"),
    ],
)
def test_policy_rejects_bad_data(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Policy(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "policy", [Policy(), PARTIAL, Policy("partial", Fraction(1, 3)), Policy("all_or_nothing", Fraction(0))]
)
def test_policy_round_trips_through_snapshot_data(policy: Policy) -> None:
    assert Policy.from_data(policy.to_data()) == policy


def test_policy_from_missing_data_is_the_default() -> None:
    assert Policy.from_data(None) == Policy() == Policy.from_data({})


@pytest.mark.parametrize(
    ("fraction", "state"),
    [(Fraction(3, 2), "correct"), (Fraction(-1), "wrong"), (Fraction(1), "graded")],
)
def test_grade_rejects_impossible_values(fraction: Fraction, state: str) -> None:
    with pytest.raises(ValueError):
        Grade(fraction, state, {})


@pytest.mark.parametrize(
    ("fraction", "points", "expected"),
    [
        (Fraction(1), Decimal("2"), Decimal("2.00")),
        (Fraction(0), Decimal("2"), Decimal("0.00")),
        (Fraction(1, 2), Decimal("2.5"), Decimal("1.25")),
        (Fraction(1, 3), Decimal("1"), Decimal("0.33")),
        (Fraction(2, 3), Decimal("1"), Decimal("0.67")),
        (Fraction(1, 2), Decimal("0.05"), Decimal("0.03")),  # 0.025 rounds half-up, not to even
        (Fraction(1, 2), Decimal("0.01"), Decimal("0.01")),  # 0.005 → 0.01
        (Fraction(1, 3), Decimal("0.03"), Decimal("0.01")),  # exactly 0.01, no drift
        (Fraction(3, 10), Decimal("5"), Decimal("1.50")),
    ],
)
def test_points_for(fraction: Fraction, points: Decimal, expected: Decimal) -> None:
    result = points_for(Grade(fraction, "partial" if 0 < fraction < 1 else "correct", {}), points)
    assert result == expected
    assert result.as_tuple().exponent == -2  # always to the cent, for display


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("", ["客户"], []),
        ("没有术语", ["客户"], [("没有术语", False)]),
        ("没有术语", [], [("没有术语", False)]),
        ("客户满意度", ["客户"], [("客户", True), ("满意度", False)]),
        # Longest first: the whole term wins over the "客户" inside it; later "客户" still matches.
        (
            "提高客户满意度与客户",
            ["客户", "客户满意度"],
            [("提高", False), ("客户满意度", True), ("与", False), ("客户", True)],
        ),
        # Matched like grading: Traditional, full width and inner spacing all count.
        ("顧客 滿意度高", ["顾客满意度"], [("顧客 滿意度", True), ("高", False)]),
        ("用ＣＲＭ系统", ["crm"], [("用", False), ("ＣＲＭ", True), ("系统", False)]),
        ("投诉投诉", ["投诉"], [("投诉", True), ("投诉", True)]),  # each occurrence its own piece
        ("顾客开心", ["客户|顾客"], [("顾客", True), ("开心", False)]),  # alternatives
        ("，客户。", ["。", "客户"], [("，", False), ("客户", True), ("。", False)]),  # empty terms ignored
    ],
)
def test_highlight(text: str, terms: list[str], expected: list[tuple[str, bool]]) -> None:
    pieces = highlight(text, terms)
    assert pieces == expected
    assert "".join(segment for segment, _ in pieces) == text


def test_highlight_never_overlaps_on_expanding_characters() -> None:
    # "㎏" folds to "kg"; two terms each claim half of it, yet no text is repeated.
    assert highlight("x㎏y", ["xk", "gy"]) == [("x㎏", True), ("y", True)]
