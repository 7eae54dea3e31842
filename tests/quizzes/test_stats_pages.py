"""The statistics pages: figures from the database equal the hand-computed ones, flags link to the
question's edit page, class filter and absent members, the workbooks, access, and query counts
that do not grow with attempts."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from qbank.models import Bank, Chapter, Question
from quizzes import analytics, services
from quizzes.models import Cohort, Paper
from tests.quizzes.stats_data import CHOICES, sit
from tests.quizzes.stats_data import stats_paper as build_stats_paper

pytestmark = pytest.mark.django_db

# Six candidates on three one-point questions (tests/quizzes/stats_data.py, key 甲), by text:
# Totals 2, 2, 2, 0, 1, 1 → 66.7 % ×3, 0 %, 33.3 % ×2: mean 44.4, median 50, pass rate 50 %.
# Q1 (and Q3): x = 1,1,1,0,0,0, rest = 1,1,1,0,1,1: nΣxr − ΣxΣr = 18 − 15 = 3,
# nΣx² − (Σx)² = 9, nΣr² − (Σr)² = 5: r = 3/√45 = 0.447. Q2: x = 0,0,0,0,1,1, rest = 2,2,2,0,0,0:
# 0 − 12 = −12, 8, 36: r = −12/√288 = −0.707 — negative; 乙 (4) beats the key 甲 (2); 丙 unused.
# Upper/lower 27 %: k = round(1.62) = 2, ties at both cuts. Upper: t1–t3 (66.7 %) share 2 places,
# 2/3 each; lower: t4 (0 %), then t5, t6 (33.3 %) share the one place left, 1/2 each.
# Q1 (and Q3): p_upper = 1, p_lower = 0: D = 1. Q2: p_upper = 0, p_lower = (½ + ½) / 2 = ½: D = −½.


@pytest.fixture
def stats_paper(bank: Bank, trainer: Any) -> Paper:
    return build_stats_paper(bank=bank, trainer=trainer)


@pytest.fixture
def classes(make_trainee: Callable[[str], Any]) -> dict[str, Cohort]:
    one, two = Cohort.objects.create(name="一班"), Cohort.objects.create(name="二班")
    for name in CHOICES:
        one.members.add(make_trainee(name))
    two.members.add(*one.members.filter(username__in=["t4", "t5", "t6"]))
    one.members.add(make_trainee("zhao"))  # never sits the paper
    return {"one": one, "two": two}


@pytest.fixture
def sat(stats_paper: Paper, classes: dict[str, Cohort]) -> Paper:
    stats_paper.cohorts.set([classes["one"], classes["two"]])
    for name, choices in CHOICES.items():
        sit(stats_paper, classes["one"].members.get(username=name), choices)
    return stats_paper


@pytest.fixture
def owner(trainer: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainer)


def stats(client: Client, paper: Paper, **params: Any) -> Any:
    response = client.get(reverse("quizzes:paper_stats", args=[paper.pk]), params)
    assert response.status_code == 200
    return response


def test_paper_figures_match_the_hand_computed_ones(owner: Client, sat: Paper) -> None:
    response = stats(owner, sat)
    summary = response.context["summary"]
    assert summary.attempts == 6
    assert summary.mean == pytest.approx(400 / 9)
    assert summary.median == pytest.approx(50)
    assert (summary.high, summary.low) == (pytest.approx(200 / 3), 0)
    assert summary.pass_rate == 50
    assert summary.histogram == [1, 0, 0, 2, 0, 0, 3, 0, 0, 0]
    items = {item.stem: item for item in response.context["items"]}
    assert items["问一"].facility == pytest.approx(0.5)
    assert items["问一"].discrimination == pytest.approx(3 / math.sqrt(45))
    assert items["问三"].discrimination == pytest.approx(3 / math.sqrt(45))
    assert items["问二"].facility == pytest.approx(1 / 3)
    assert items["问二"].discrimination == pytest.approx(-12 / math.sqrt(288))
    assert items["问一"].upper_lower == pytest.approx(1)
    assert items["问三"].upper_lower == pytest.approx(1)
    assert items["问二"].upper_lower == pytest.approx(-0.5)
    assert [(o.text, o.is_key, o.count) for o in items["问二"].options] == [
        ("甲", True, 2),
        ("乙", False, 4),
        ("丙", False, 0),
    ]
    assert items["问一"].flags == []
    assert items["问二"].flags == [
        analytics.NEGATIVE_DISCRIMINATION,
        analytics.UNUSED_DISTRACTOR,
        analytics.DISTRACTOR_OVER_KEY,
    ]
    assert [item.stem for item in response.context["items"]][0] == "问二"  # hardest first


def test_flags_link_to_the_question_edit_page(owner: Client, sat: Paper) -> None:
    page = stats(owner, sat).content.decode()
    flawed = Question.objects.get(stem="问二")
    edit = reverse("qbank:question_edit", args=[flawed.pk])
    assert f'<a class="flag" href="{edit}">区分度为负</a>' in page
    assert f'<a class="flag" href="{edit}">干扰项比答案选得多</a>' in page
    assert owner.get(edit).status_code == 200
    assert 'id="histogram-data"' in page and "<script>" not in page  # data for the chart, no inline JS


def test_class_filter_and_absent_members(owner: Client, sat: Paper, classes: dict[str, Cohort]) -> None:
    everyone = stats(owner, sat)
    assert [u.username for u in everyone.context["absent"]] == ["zhao"]
    second = stats(owner, sat, cohort=classes["two"].pk)
    assert second.context["summary"].attempts == 3  # t4, t5, t6
    assert second.context["summary"].median == pytest.approx(100 / 3)
    assert second.context["absent"] == []
    assert stats(owner, sat, cohort="nonsense").context["summary"].attempts == 6  # filters nothing


def test_a_running_attempt_is_neither_counted_nor_absent(
    owner: Client, sat: Paper, classes: dict[str, Cohort]
) -> None:
    services.attempt_start(paper=sat, user=classes["one"].members.get(username="zhao"))
    response = stats(owner, sat)
    assert response.context["summary"].attempts == 6 and response.context["absent"] == []


def test_time_used(owner: Client, sat: Paper) -> None:
    # Whole seconds per attempt (299.6 → 300, 1200.4 → 1200), then mean, median, extremes.
    used = [600, 299.6, 1200.4, 300, 900, 60]
    for attempt, seconds in zip(sat.attempts.order_by("pk"), used, strict=True):
        attempt.submitted_at = attempt.started_at + timedelta(seconds=seconds)
        attempt.save(update_fields=["submitted_at"])
    time = stats(owner, sat).context["time"]
    assert time.mean == timedelta(seconds=560)  # 3360 / 6
    assert time.median == timedelta(seconds=450)  # (300 + 600) / 2
    assert (time.shortest, time.longest) == (timedelta(seconds=60), timedelta(seconds=1200))


def test_stats_workbook_has_every_figure(owner: Client, sat: Paper) -> None:
    response = owner.get(reverse("quizzes:paper_stats_xlsx", args=[sat.pk]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["概况", "分数分布", "试题分析", "未作答学员"]
    summary = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    assert summary["交卷人次"] == 6 and summary["中位数(%)"] == 50 and summary["及格率(%)"] == 50
    histogram = [r[1] for r in book["分数分布"].iter_rows(min_row=2, values_only=True)]
    assert histogram == [1, 0, 0, 2, 0, 0, 3, 0, 0, 0]
    items = {row[1]: row for row in book["试题分析"].iter_rows(min_row=2, values_only=True)}
    assert items["问二"][5:8] == (0.33, -0.71, -0.5)
    assert items["问一"][5:8] == (0.5, 0.45, 1)
    assert items["问二"][8] == "✓ 甲: 2; 乙: 4; 丙: 0"
    assert "区分度为负" in items["问二"][9]
    flawed = Question.objects.get(stem="问二")
    assert items["问二"][10].endswith(reverse("qbank:question_edit", args=[flawed.pk]))
    header = book["试题分析"][1]
    assert [c.value for c in header[5:8]] == [
        "难度系数(得分率)",
        "区分度(点二列相关 r,不含本题)",
        "区分度 D(前 27% − 后 27%)",
    ]
    assert "27%" in header[7].comment.text and "点二列" in header[6].comment.text
    assert [r[0] for r in book["未作答学员"].iter_rows(min_row=2, values_only=True)] == ["zhao"]


def test_results_workbook_carries_the_item_analysis(owner: Client, sat: Paper) -> None:
    response = owner.get(reverse("quizzes:paper_results_xlsx", args=[sat.pk]))
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert "试题分析" in book.sheetnames
    stems = [row[1] for row in book["试题分析"].iter_rows(min_row=2, values_only=True)]
    assert sorted(stems) == ["问一", "问三", "问二"]


def test_mastery_heat_map(owner: Client, sat: Paper, classes: dict[str, Cohort], bank: Bank) -> None:
    response = owner.get(reverse("quizzes:mastery"), {"bank": bank.pk})
    assert response.status_code == 200
    mastery = response.context["mastery"]
    assert [name for _id, name in mastery.cohorts] == ["一班", "二班"]
    assert [title for _id, title in mastery.chapters] == ["第一章 服务礼仪"]
    one, two = mastery.grid[0]
    # 一班: 18 answers, 8 right (t1–t3 two each, t5 one, t6 one); 二班: t4–t6, 9 answers, 2 right.
    assert (one.answers, one.mastery) == (18, pytest.approx(800 / 18))
    assert (two.answers, two.mastery) == (9, pytest.approx(200 / 9))
    page = response.content.decode()
    assert 'class="heat heat-2">44%' in page and 'class="heat heat-1">22%' in page
    book = load_workbook(io.BytesIO(owner.get(reverse("quizzes:mastery_xlsx"), {"bank": bank.pk}).content))
    assert list(book["掌握度"].iter_rows(values_only=True)) == [
        ("章节", "一班", "二班"),
        ("第一章 服务礼仪", 44.4, 22.2),
    ]


def test_mastery_of_no_chapter_and_no_class(
    owner: Client, stats_paper: Paper, make_trainee: Callable[[str], Any]
) -> None:
    Chapter.objects.all().delete()  # questions lose their chapter
    sit(stats_paper, make_trainee("solo"), CHOICES["t1"])
    mastery = owner.get(reverse("quizzes:mastery")).context["mastery"]  # the first bank by default
    assert mastery.chapters == [(None, "未分章节或原题已删除")] and mastery.cohorts == [(None, "未分班")]
    assert mastery.grid[0][0].answers == 3


def test_undefined_figures_show_as_a_dash(
    owner: Client, stats_paper: Paper, make_trainee: Callable[[str], Any]
) -> None:
    # One candidate: no correlation and no groups. Every figure that exists is shown; the rest "—".
    sit(stats_paper, make_trainee("solo"), CHOICES["t1"])
    response = stats(owner, stats_paper)
    for item in response.context["items"]:
        assert item.discrimination is None and item.upper_lower is None and item.flags == []
    page = response.content.decode()
    assert page.count('<td data-figure="upper-lower">—') == 3
    assert page.count('<td data-figure="point-biserial">—') == 3
    assert "nan" not in page.lower()
    book = load_workbook(
        io.BytesIO(owner.get(reverse("quizzes:paper_stats_xlsx", args=[stats_paper.pk])).content)
    )
    rows = list(book["试题分析"].iter_rows(min_row=2, values_only=True))
    assert [row[6:8] for row in rows] == [(None, None)] * 3


def test_a_question_everyone_got_right(
    owner: Client, stats_paper: Paper, make_trainee: Callable[[str], Any]
) -> None:
    # Everyone right on 问一, totals differ: r is undefined ("—"), D is defined and nil.
    for name, choices in [("a", ("甲", "甲", "甲")), ("b", ("甲", "乙", "甲")), ("c", ("甲", "乙", "乙"))]:
        sit(stats_paper, make_trainee(name), choices)
    response = stats(owner, stats_paper)
    first = {item.stem: item for item in response.context["items"]}["问一"]
    assert first.facility == 1 and first.discrimination is None and first.upper_lower == 0
    row = response.content.decode().split(f'data-question="{first.question_id}"')[1].split("</tr>")[0]
    assert (
        '<td data-figure="point-biserial">—' in row
        and '<td data-figure="upper-lower"><span>0.00</span>' in row
    )


# ---- access ----------------------------------------------------------------------------------
def test_access_by_role(
    sat: Paper,
    client_for: Callable[[Any], Client],
    admin: Any,
    trainee: Any,
    other_trainer: Any,
    bank: Bank,
) -> None:
    pages = [
        reverse("quizzes:paper_stats", args=[sat.pk]),
        reverse("quizzes:paper_stats_xlsx", args=[sat.pk]),
    ]
    for url in pages:
        assert client_for(None).get(url).status_code == 302
        assert client_for(trainee).get(url).status_code == 403
        assert client_for(other_trainer).get(url).status_code == 404  # another trainer's paper
        assert client_for(admin).get(url).status_code == 200
        assert client_for(admin).post(url).status_code == 405
    for url in (reverse("quizzes:mastery"), reverse("quizzes:mastery_xlsx")):
        assert client_for(None).get(url).status_code == 302
        assert client_for(trainee).get(url).status_code == 403
        assert client_for(admin).get(url, {"bank": bank.pk}).status_code == 200
    # Another trainer sees none of this trainer's answers, even asking for the bank by id.
    theirs = client_for(other_trainer).get(reverse("quizzes:mastery"), {"bank": bank.pk}).context["mastery"]
    assert theirs.grid == []


# ---- queries ---------------------------------------------------------------------------------
STATS_PAGES = [
    "paper_stats",
    "paper_stats_xlsx",
    "mastery",
    "mastery_xlsx",
    "paper_results",
    "paper_results_xlsx",
]


@pytest.mark.parametrize("name", STATS_PAGES)
def test_queries_do_not_grow_with_attempts(
    name: str, owner: Client, stats_paper: Paper, classes: dict[str, Cohort], bank: Bank
) -> None:
    stats_paper.cohorts.set([classes["one"]])
    args = [] if name.startswith("mastery") else [stats_paper.pk]
    url = reverse(f"quizzes:{name}", args=args)
    params = {"bank": bank.pk} if name.startswith("mastery") else {"cohort": classes["one"].pk}
    members = list(classes["one"].members.filter(username__in=CHOICES))
    sit(stats_paper, members[0], CHOICES[members[0].username])
    with CaptureQueriesContext(connection) as one:
        assert owner.get(url, params).status_code == 200
    for member in members[1:]:
        sit(stats_paper, member, CHOICES[member.username])
    with CaptureQueriesContext(connection) as six:
        assert owner.get(url, params).status_code == 200
    assert len(six) == len(one), [q["sql"] for q in six.captured_queries]
