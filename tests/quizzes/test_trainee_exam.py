"""The exam page and its autosave: what the page holds, what it never holds, and saving."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from qbank import services as qbank_services
from qbank.blanks import blank_count
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, AttemptQuestion, IntegrityEvent, Paper
from quizzes.views.trainee_items import stem_parts
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FILL, SECRET_SHORT, page_html

pytestmark = pytest.mark.django_db
SECRETS = (SECRET_EXPLANATION, SECRET_FILL, SECRET_SHORT)


def start(client: Client, paper: Paper) -> Attempt:
    response = client.post(reverse("quizzes:start", args=[paper.pk]))
    assert response.status_code == 302
    pk = int(re.search(r"/attempts/(\d+)/", response["Location"]).group(1))  # type: ignore[union-attr]
    assert response["Location"] == reverse("quizzes:exam", args=[pk])
    return Attempt.objects.get(pk=pk)


def save(client: Client, attempt: Attempt, **payload: Any) -> Any:
    url = reverse("quizzes:save", args=[attempt.pk])
    return client.post(url, json.dumps(payload), content_type="application/json")


def at(moment: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    """Set the clock for views and services alike (both read django.utils.timezone.now)."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def client(trainee: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainee)


def test_every_type_is_asked_without_its_key(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    html = page_html(client, attempt, "exam")
    for secret in SECRETS:
        assert secret not in html
    assert "is-key" not in html and "explanation" not in html
    # single: radios A-C; multiple: checkboxes A-D; true-false: 对/错; fill: two blanks; short: textarea
    assert len(re.findall(r'type="radio" name="q1"', html)) == 3
    assert len(re.findall(r'type="checkbox" name="q2"', html)) == 4
    assert 'name="q3" value="true"' in html and 'name="q3" value="false"' in html
    assert 'name="q4-1"' in html and 'name="q4-2"' in html and 'name="q4-3"' not in html
    assert '<textarea name="q5"' in html and "案例:客户投诉送货延迟。" in html
    assert html.count("data-nav-position=") == 5
    assert 'id="countdown"' in html and 'data-deadline="' in html and 'data-server-now="' in html


def test_script_in_a_stem_is_escaped(client: Client, exam_paper: Paper) -> None:
    html = page_html(client, start(client, exam_paper), "exam")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;客户来电先做什么?" in html
    assert "<script>alert" not in html


def test_deadline_and_server_clock_are_in_the_page(
    client: Client, exam_paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = start(client, exam_paper)
    now = attempt.started_at + timedelta(minutes=10)
    at(now, monkeypatch)
    html = page_html(client, attempt, "exam")
    assert f'data-deadline="{attempt.deadline.isoformat(timespec="milliseconds")}"' in html
    assert f'data-server-now="{now.isoformat(timespec="milliseconds")}"' in html
    assert 'data-remaining-seconds="1200">20:00<' in html


def test_saved_answers_come_back_on_reload(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    answers: dict[int, object] = {1: "B", 2: ["D", "A"], 3: False, 4: ["耐心", "细心"], 5: "先倾听\n再道歉"}
    for position, response in answers.items():
        saved = save(client, attempt, position=position, response=response, flagged=position == 2)
        assert saved.status_code == 200
        data = saved.json()
        assert data["ok"] is True and data["position"] == position and data["saved_at"]
        assert set(data) == {"ok", "position", "revision", "saved_at"}
    # A refresh (or a second start) resumes the same attempt with everything restored.
    assert start(client, exam_paper).pk == attempt.pk
    html = page_html(client, attempt, "exam")
    assert re.search(r'name="q1"\s+value="B" checked', html)
    assert re.search(r'name="q2"\s+value="A" checked', html) and re.search(
        r'name="q2"\s+value="D" checked', html
    )
    assert not re.search(r'name="q2"\s+value="B" checked', html)
    assert 'name="q3" value="false" checked' in html and 'name="q3" value="true" checked' not in html
    assert 'value="耐心"' in html and 'value="细心"' in html
    assert ">先倾听\n再道歉</textarea>" in html
    assert re.search(
        r'data-position="2"\s+data-type="multiple" data-answered="true"\s+data-flagged="true"', html
    )
    assert html.count('data-save-state="saved"') == 5 and "已保存 " in html
    assert html.count("nav-item is-answered") == 5


def test_two_tabs_saving_different_questions_both_persist(
    trainee: Any, exam_paper: Paper, client_for: Callable[[Any], Client]
) -> None:
    tab1, tab2 = client_for(trainee), client_for(trainee)
    attempt = start(tab1, exam_paper)
    assert start(tab2, exam_paper).pk == attempt.pk
    assert save(tab1, attempt, position=1, response="C").status_code == 200
    assert save(tab2, attempt, position=5, response="第二个标签页").status_code == 200
    stored = dict(attempt.questions.values_list("position", "response"))
    assert stored[1] == "C" and stored[5] == "第二个标签页"


def test_a_save_costs_few_statements(client: Client, exam_paper: Paper) -> None:
    """The autosave is the exam's hottest request (every trainee, every few seconds) and on
    SQLite it holds the database's one write lock: session, user, one read of the question with
    its attempt, one conditional write. A new statement here needs a reason."""
    attempt = start(client, exam_paper)
    save(client, attempt, position=1, response="A")  # warm: session and content types
    with CaptureQueriesContext(connection) as queries:
        response = save(client, attempt, position=2, response=["A", "C"], flagged=True)
    assert response.status_code == 200, response.content
    # PostgreSQL's save runs in a transaction (savepoints here, inside the test's own).
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) <= 4, "\n".join(statements)
    aq = attempt.questions.get(position=2)
    assert (aq.response, aq.flagged, aq.revision) == ("AC", True, 1)
    assert response.json()["revision"] == 1


def test_flag_alone_keeps_the_answer(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    save(client, attempt, position=1, response="A")
    save(client, attempt, position=1, response="A", flagged=True)
    aq = attempt.questions.get(position=1)
    assert (aq.response, aq.flagged, aq.revision) == ("A", True, 2)


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps([1, "A"]),
        json.dumps({"position": 1}),  # no response: a flag toggle must send the answer too
        json.dumps({"position": "1", "response": "A"}),
        json.dumps({"position": True, "response": "A"}),
        json.dumps({"position": 1, "response": "A", "flagged": "yes"}),
        json.dumps({"position": 1, "response": "Z"}),  # no option Z
        json.dumps({"position": 3, "response": "maybe"}),
        json.dumps({"position": 99, "response": "A"}),
    ],
)
def test_malformed_saves_are_refused_with_400(client: Client, exam_paper: Paper, body: str) -> None:
    attempt = start(client, exam_paper)
    response = client.post(reverse("quizzes:save", args=[attempt.pk]), body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["ok"] is False and response.json()["error"]
    assert not attempt.questions.filter(revision__gt=0).exists()


def test_late_save_is_refused_with_409(
    client: Client, exam_paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = start(client, exam_paper)
    # Within the grace for network latency: accepted.
    at(attempt.deadline + timedelta(seconds=5), monkeypatch)
    assert save(client, attempt, position=1, response="A").status_code == 200
    at(attempt.deadline + services.save_grace() + timedelta(seconds=1), monkeypatch)
    late = save(client, attempt, position=1, response="B")
    assert late.status_code == 409
    assert late.json() == {"ok": False, "error": "考试时间已到,这次保存没有被接受。"}
    assert attempt.questions.get(position=1).response == "A"


def test_save_after_submitting_is_refused_with_409(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    closed = save(client, attempt, position=1, response="A")
    assert closed.status_code == 409 and closed.json()["error"] == "已经交卷,不能再修改。"


def test_json_answers_never_carry_a_key(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    bodies = [save(client, attempt, position=p, response=None).content.decode() for p in range(1, 6)]
    bodies.append(save(client, attempt, position=1, response="Z").content.decode())
    event_url = reverse("quizzes:event", args=[attempt.pk])
    bodies.append(client.post(event_url, {"kind": "left"}).content.decode())
    for body in bodies:
        assert "key" not in body and "explanation" not in body
        for secret in SECRETS:
            assert secret not in body


def test_leaving_and_returning_are_recorded(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    url = reverse("quizzes:event", args=[attempt.pk])
    assert client.post(url, {"kind": "left"}).json() == {"ok": True}
    assert client.post(url, {"kind": "returned", "away_seconds": "42"}).status_code == 200
    assert client.post(url, {"kind": "hacked"}).status_code == 400
    assert client.post(url, {"kind": "left", "away_seconds": "soon"}).status_code == 400
    events = list(IntegrityEvent.objects.filter(attempt=attempt).values_list("kind", "away_seconds"))
    assert events == [("left", 0), ("returned", 42)]
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    assert client.post(url, {"kind": "left"}).status_code == 409


def test_exam_page_after_the_deadline_hands_in_and_shows_the_result(
    client: Client, exam_paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = start(client, exam_paper)
    save(client, attempt, position=1, response="A")
    at(attempt.deadline + services.save_grace() + timedelta(minutes=1), monkeypatch)
    response = client.get(reverse("quizzes:exam", args=[attempt.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "quizzes:result", args=[attempt.pk]
    )
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.submitted_at == attempt.deadline and attempt.score >= 2


# ---- query counts ----------------------------------------------------------------------------
@pytest.fixture
def big_bank(db: None, trainer: Any) -> Bank:
    bank = Bank.objects.create(name="大题库")
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章")
    for i in range(100):
        qbank_services.question_create(
            bank=bank,
            chapter=chapter,
            type="single",
            stem=f"第{i}题?",
            options=["甲", "乙", "丙"],
            answer="A",
            status=Question.Status.ACTIVE,
        )
    return bank


def paper_of(bank: Bank, trainer: Any, count: int) -> Paper:
    paper = Paper.objects.create(title=f"{count} 题", bank=bank, created_by=trainer)
    services.rules_replace(paper=paper, rules=[{"type": "single", "count": count, "points": Decimal("1")}])
    return services.paper_publish(paper=paper)


def test_exam_page_queries_do_not_grow_with_questions(client: Client, big_bank: Bank, trainer: Any) -> None:
    counts = []
    for size in (5, 100):
        attempt = start(client, paper_of(big_bank, trainer, size))
        for aq in attempt.questions.all()[:3]:
            save(client, attempt, position=aq.position, response="B")
        url = reverse("quizzes:exam", args=[attempt.pk])
        client.get(url)  # warm caches (content types, session) like any second request
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count("data-nav-position=") == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 6, counts


# ---- stems with blanks -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("stem", "count"),
    [("没有空", 1), ("a____b", 1), ("a____b__c", 2), ("（ ）和( )与（）", 3), ("a___(  )", 2)],
)
def test_blank_count(stem: str, count: int) -> None:
    assert blank_count(stem) == count


def test_stem_parts_number_the_blanks() -> None:
    parts = stem_parts("服务:____、（ ）和耐心。", fill=True)
    assert [(p.text, p.blank) for p in parts] == [("服务:", 1), ("、", 2), ("和耐心。", None)]
    assert [(p.text, p.blank) for p in stem_parts("选( )", fill=False)] == [("选( )", None)]


def test_fill_with_more_saved_answers_than_blanks_shows_them_all(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    save(client, attempt, position=4, response=["一", "二", "三"])
    html = page_html(client, attempt, "exam")
    assert 'name="q4-3"' in html and 'value="三"' in html
    assert AttemptQuestion.objects.get(attempt=attempt, position=4).response == ["一", "二", "三"]


def test_a_submit_costs_the_same_statements_whatever_its_length_and_answers(
    client: Client, big_bank: Bank, trainer: Any
) -> None:
    """500 trainees hand in within seconds of the deadline, and on SQLite the submit's write
    transaction holds the database's one lock: every grade goes back in one UPDATE and the 错题本
    in one upsert, however many questions and however varied the answers. Counts the view's
    statements, redirect not followed."""
    counts = []
    for size in (5, 100):
        attempt = start(client, paper_of(big_bank, trainer, size))
        for i, aq in enumerate(attempt.questions.order_by("position")[:30]):
            wrong = [letter for letter in "ABC" if letter != aq.key]
            # Right, then either wrong letter: grades that differ in their chosen letters.
            save(client, attempt, position=aq.position, response=aq.key if i % 3 == 0 else wrong[i % 3 - 1])
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("quizzes:submit", args=[attempt.pk]))
        assert response.status_code == 302
        statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
        counts.append(len(statements))
        attempt.refresh_from_db()
        assert attempt.status == Attempt.Status.SUBMITTED
        graded = list(attempt.questions.values_list("state", "score", "chosen_letters", "key_letters"))
        assert all(state for state, *_rest in graded)
        answered = min(size, 30)
        assert attempt.score == sum(1 for i in range(answered) if i % 3 == 0)
        assert [state for state, *_rest in graded].count("unanswered") == size - answered
        # The letters in the bank's order, for the item analysis: every key, and every answer given.
        assert all(key for *_rest, key in graded)
        assert sum(1 for _state, _score, chosen, _key in graded if chosen) == answered
    assert counts[0] == counts[1], counts
    # session, user, attempt; grades read; lock, grades (their row count finds answers saved
    # meanwhile: no revisions read), attempt, 错题本
    assert counts[1] <= 8, counts


def test_the_score_page_costs_the_same_statements_whatever_the_paper_length(
    client: Client, big_bank: Bank, trainer: Any
) -> None:
    """Every trainee of an exam lands on the score page within seconds of the others: one
    grouped count, never a read of the questions."""
    counts = []
    for size in (5, 100):
        attempt = start(client, paper_of(big_bank, trainer, size))
        client.post(reverse("quizzes:submit", args=[attempt.pk]))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("quizzes:summary", args=[attempt.pk])).status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1] <= 7, counts


# ---- what each question's strings say (made once per question in Python, not by the template) --
def test_each_question_says_its_number_type_points_and_saved_time(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    AttemptQuestion.objects.filter(attempt=attempt, position=1).update(points=Decimal("1.50"))
    AttemptQuestion.objects.filter(attempt=attempt, position=2).update(points=Decimal("2.00"))
    save(client, attempt, position=2, response="A", flagged=True)
    saved = timezone.localtime(attempt.questions.get(position=2).saved_at)
    html = page_html(client, attempt, "exam")
    first = html[html.index('id="q-1"') : html.index('id="q-2"')]
    second = html[html.index('id="q-2"') : html.index('id="q-3"')]
    label = attempt.questions.get(position=1).get_type_display()
    assert 'id="q-1-title" tabindex="-1">第 1 题' in first
    assert f"{label} · 1.50 分" in first and 'data-answered="false"' in first
    assert "2 分" in second and 'data-answered="true"' in second and 'data-flagged="true"' in second
    assert 'aria-pressed="true">已标记</button>' in second
    assert f"已保存 {saved:%H:%M:%S}" in second and f'data-saved-at="{saved.isoformat()}"' in second
    assert 'aria-label="第 2 题，已答，已标记"' in html


def test_the_exam_page_strings_follow_the_reader_language(client: Client, exam_paper: Paper) -> None:
    attempt = start(client, exam_paper)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = page_html(client, attempt, "exam")
    assert 'id="q-1-title" tabindex="-1">Question 1' in html
    assert "第 1 题" not in html and "已答" not in html


def test_an_older_sqlite_stores_the_same_grades(
    client: Client, big_bank: Bank, trainer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """UPDATE … FROM needs SQLite 3.33; older ones (Django 5.2 allows 3.31) update row by row.
    (On PostgreSQL the version is not looked at: the same grades by UPDATE … FROM.)"""
    import sqlite3

    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    attempt = start(client, paper_of(big_bank, trainer, 5))
    aq = attempt.questions.order_by("position").first()
    assert aq is not None
    save(client, attempt, position=aq.position, response=aq.key)
    assert client.post(reverse("quizzes:submit", args=[attempt.pk])).status_code == 302
    states = list(attempt.questions.order_by("position").values_list("state", "score"))
    assert states[0] == ("correct", Decimal("1")) and all(s == ("unanswered", 0) for s in states[1:])
