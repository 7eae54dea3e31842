"""Results of a paper: the table and its filters, item statistics, one attempt, the xlsx."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from quizzes import services
from quizzes.models import Attempt, Paper
from quizzes.views import trainer_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(trainer: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainer)


@pytest.fixture
def sat(
    published_paper: Paper, make_trainee: Callable[[str], Any], sit_paper: Callable[..., Attempt]
) -> dict[str, Attempt]:
    """zhang passed (graded), li failed (graded), wang awaits grading and left the page twice."""
    zhang, li, wang = make_trainee("zhang"), make_trainee("li"), make_trainee("wang")
    zhang.first_name = "张三"  # a Chinese name is usually kept whole in first_name
    zhang.save()
    attempts = {
        "zhang": sit_paper(published_paper, zhang),
        "li": sit_paper(published_paper, li, right=False),
    }
    running = services.attempt_start(paper=published_paper, user=wang)
    for aq in running.questions.all():
        response = aq.key if aq.type == "single" else "先倾听客户"
        services.answer_save(attempt=running, position=aq.position, response=response)
    for _ in range(2):
        services.integrity_event_record(attempt=running, kind="left", away_seconds=5)
    services.integrity_event_record(attempt=running, kind="returned")
    attempts["wang"] = services.attempt_submit(attempt=running)
    for name, score in (("zhang", Decimal("4")), ("li", Decimal("0"))):
        aq = attempts[name].questions.get(type="short")
        services.short_answer_grade(aq=aq, score=score, comment="", grader=published_paper.created_by)  # type: ignore[arg-type]
        attempts[name].refresh_from_db()
    return attempts


def rows(client: Client, paper: Paper, **params: str) -> list[int]:
    response = client.get(reverse("quizzes:paper_results", args=[paper.pk]), params)
    assert response.status_code == 200
    return [a.pk for a in response.context["attempts"]]


def test_results_table(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    page = owner.get(reverse("quizzes:paper_results", args=[published_paper.pk])).content.decode()
    assert "张三" in page and "8 / 8" in page and "100.0%" in page
    assert "及格" in page and "不及格" in page and "待批改 1 题" in page
    assert '<span class="warn">2</span>' in page  # wang left the page twice
    assert reverse("quizzes:attempt_review", args=[sat["wang"].pk]) in page


def test_results_filters(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    assert rows(owner, published_paper, outcome="passed") == [sat["zhang"].pk]
    assert rows(owner, published_paper, outcome="failed") == [sat["li"].pk]
    assert rows(owner, published_paper, outcome="awaiting") == [sat["wang"].pk]
    assert rows(owner, published_paper, name="张") == [sat["zhang"].pk]  # by full name
    assert rows(owner, published_paper, name="WAN") == [sat["wang"].pk]  # by username, any case
    assert len(rows(owner, published_paper, outcome="nonsense")) == 3  # a bad filter filters nothing


def test_item_statistics(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    response = owner.get(reverse("quizzes:paper_results", args=[published_paper.pk]))
    items = {item.stem: item for item in response.context["items"]}
    short = items["简述接待投诉的步骤?"]
    assert short.seen == 3 and short.correct == 1 and short.percent_correct == 33
    assert short.average == Decimal("2.00")  # 4 and 0; wang's is still pending
    singles = [item for item in items.values() if item.type == "single"]
    # zhang and wang answered right, li wrong, so every single choice question is 2 of n right.
    assert sum(item.seen for item in singles) == 6
    assert all(item.percent_correct == round(item.correct * 100 / item.seen) for item in singles)
    assert "试题统计" in response.content.decode()


def test_results_queries_do_not_grow_with_rows(
    owner: Client,
    published_paper: Paper,
    make_trainee: Callable[[str], Any],
    sit_paper: Callable[..., Attempt],
) -> None:
    url = reverse("quizzes:paper_results", args=[published_paper.pk])
    xlsx = reverse("quizzes:paper_results_xlsx", args=[published_paper.pk])
    sit_paper(published_paper, make_trainee("t0"))
    with CaptureQueriesContext(connection) as one:
        assert owner.get(url).status_code == 200
    with CaptureQueriesContext(connection) as one_xlsx:
        assert owner.get(xlsx).status_code == 200
    for i in range(1, 20):
        sit_paper(published_paper, make_trainee(f"t{i}"), seed=i)
    with CaptureQueriesContext(connection) as twenty:
        response = owner.get(url)
    assert len(response.context["attempts"]) == 20
    # A query per row would make twenty 19+ more than one.
    assert len(twenty) == len(one), "\n".join(q["sql"] for q in twenty.captured_queries)
    with CaptureQueriesContext(connection) as twenty_xlsx:
        owner.get(xlsx)
    assert len(twenty_xlsx) == len(one_xlsx), "\n".join(q["sql"] for q in twenty_xlsx.captured_queries)


def test_results_pages_keep_filters_and_count_every_attempt(
    owner: Client,
    published_paper: Paper,
    sat: dict[str, Attempt],
    make_trainee: Callable[[str], Any],
    sit_paper: Callable[..., Attempt],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trainer_results, "PAGE_SIZE", 2)
    for i in range(3):
        sit_paper(published_paper, make_trainee(f"p{i}"), seed=i)  # six attempts: three pages of two
    url = reverse("quizzes:paper_results", args=[published_paper.pk])
    first = owner.get(url)
    assert len(first.context["attempts"]) == 2 and first.context["attempts"].paginator.num_pages == 3
    totals = first.context["totals"]  # over all six, not the page's two
    assert (totals.attempts, totals.trainees) == (6, 6)
    assert (totals.passed, totals.failed, totals.awaiting) == (1, 1, 4)  # four short answers unmarked
    assert "共 6 份答卷" in first.content.decode() and 'page=2">下一页' in first.content.decode()
    listed = [a.pk for page in (1, 2, 3) for a in owner.get(url, {"page": page}).context["attempts"]]
    assert sorted(listed) == sorted(Attempt.objects.values_list("pk", flat=True))  # each once
    assert [a.pk for a in owner.get(url, {"page": "99"}).context["attempts"]] == listed[-2:]  # the last
    # The filters stay in the page links and the export link; the page number stays out of them.
    awaiting = owner.get(url, {"outcome": "awaiting", "page": "2"})
    page = awaiting.content.decode()
    assert awaiting.context["totals"].attempts == 4
    assert 'href="?outcome=awaiting&amp;page=1"' in page and 'href="?outcome=awaiting&amp;page=2"' not in page
    xlsx = reverse("quizzes:paper_results_xlsx", args=[published_paper.pk])
    assert f'href="{xlsx}?outcome=awaiting"' in page
    # The export lists every attempt the filters let through, whatever the page.
    book = load_workbook(io.BytesIO(owner.get(xlsx, {"outcome": "awaiting", "page": "1"}).getvalue()))
    assert len(list(book["成绩"].iter_rows(min_row=2))) == 4


def test_results_page_queries_do_not_grow_past_a_page(
    owner: Client,
    published_paper: Paper,
    make_trainee: Callable[[str], Any],
    sit_paper: Callable[..., Attempt],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trainer_results, "PAGE_SIZE", 3)
    url = reverse("quizzes:paper_results", args=[published_paper.pk])
    sit_paper(published_paper, make_trainee("t0"))
    with CaptureQueriesContext(connection) as one:
        assert owner.get(url).status_code == 200
    for i in range(1, 10):
        sit_paper(published_paper, make_trainee(f"t{i}"), seed=i)
    for params in ({}, {"page": "2"}, {"page": "4"}, {"name": "t", "outcome": "awaiting"}):
        with CaptureQueriesContext(connection) as ten:
            response = owner.get(url, params)
        assert len(response.context["attempts"]) in (1, 3)
        assert len(ten) == len(one), "\n".join(q["sql"] for q in ten.captured_queries)


def test_xlsx_export(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    zhang = sat["zhang"].user
    zhang.first_name, zhang.last_name = '=HYPERLINK("http://x")', ""
    zhang.save()
    wang_short = sat["wang"].questions.get(type="short")
    wang_short.response = "+1+2 @SUM(A1) -3"
    wang_short.save()

    response = owner.get(reverse("quizzes:paper_results_xlsx", args=[published_paper.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="paper-')
    assert f"filename*=UTF-8''{quote('服务礼仪测验-成绩-')}" in disposition

    book = load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["成绩", "答题明细", "试题分析"]  # see test_stats_pages.py
    summary = list(book["成绩"].iter_rows(values_only=True))
    assert summary[0][:3] == ("用户名", "姓名", "第几次") and len(summary[0]) == 12
    by_user = {row[0]: row for row in summary[1:]}
    assert set(by_user) == {"zhang", "li", "wang"}
    assert by_user["zhang"][1] == '\'=HYPERLINK("http://x")'  # stored as text, never a formula
    assert by_user["zhang"][6:10] == (8, 8, 100, "及格")
    assert by_user["wang"][9] == "待批改" and by_user["wang"][11] == 2
    assert by_user["li"][9] == "不及格"
    details = list(book["答题明细"].iter_rows(values_only=True))
    assert len(details) == 1 + 3 * 3  # three questions in each of three attempts
    wang_row = next(row for row in details if row[0] == "wang" and row[3] == "简答题")
    assert wang_row[5] == "'+1+2 @SUM(A1) -3" and wang_row[7] == "待批改"
    single = next(row for row in details if row[0] == "zhang" and row[3] == "单选题")
    assert single[5] == single[6] and single[7] == "正确"
    # No cell anywhere is a formula.
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_xlsx_follows_the_filters(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    response = owner.get(
        reverse("quizzes:paper_results_xlsx", args=[published_paper.pk]), {"outcome": "failed"}
    )
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert [row[0] for row in book["成绩"].iter_rows(min_row=2, values_only=True)] == ["li"]


def test_attempt_review(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    wang = sat["wang"]
    wang.submitted_at = wang.started_at + timedelta(minutes=12, seconds=5)
    wang.save()
    short = wang.questions.get(type="short")
    short.response = "<script>alert('x')</script>"
    short.save()
    response = owner.get(reverse("quizzes:attempt_review", args=[wang.pk]))
    page = response.content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "0:12:05" in page
    assert page.count("离开页面") >= 2 and "返回页面" in page
    assert "倾听客户诉求" in page  # the key is shown to the trainer whatever the review policy
    assert reverse("quizzes:grade_answer", args=[short.pk]) in page
    assert len(response.context["rows"]) == 3


def test_results_escape_names(owner: Client, published_paper: Paper, sat: dict[str, Attempt]) -> None:
    user = sat["li"].user
    user.first_name = "<img src=x onerror=alert(1)>"
    user.save()
    page = owner.get(reverse("quizzes:paper_results", args=[published_paper.pk])).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
