"""Handing in, the result page under each review policy, the dashboard and the cron command."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, Paper
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FILL, SECRET_SHORT, page_html

pytestmark = pytest.mark.django_db

RIGHT: dict[int, object] = {1: "A", 2: "ABD", 3: False, 4: [f"{SECRET_FILL}甲", "错的"], 5: "先倾听"}


@pytest.fixture
def client(trainee: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainee)


def sit(paper: Paper, user: Any, *, submit: bool = True) -> Attempt:
    attempt = services.attempt_start(paper=paper, user=user, rng=random.Random(3))
    for position, response in RIGHT.items():
        services.answer_save(attempt=attempt, position=position, response=response)
    return services.attempt_submit(attempt=attempt) if submit else attempt


def test_submit_twice_grades_once(client: Client, trainee: Any, exam_paper: Paper) -> None:
    attempt = sit(exam_paper, trainee, submit=False)
    url = reverse("quizzes:submit", args=[attempt.pk])
    first = client.post(url)
    assert first.status_code == 302 and first["Location"] == reverse("quizzes:summary", args=[attempt.pk])
    attempt.refresh_from_db()
    graded = (
        attempt.status,
        attempt.score,
        attempt.submitted_at,
        attempt.pending_grading,
        attempt.auto_submitted,
    )
    assert graded[0] == "submitted" and graded[3] == 1 and not graded[4]
    # single 2 + multiple 2 + true-false 1 + one blank of two 1 = 6, plus the short answer's suggestion
    assert attempt.score >= Decimal("6")
    second = client.post(url)
    assert second.status_code == 302
    attempt.refresh_from_db()
    assert (
        attempt.status,
        attempt.score,
        attempt.submitted_at,
        attempt.pending_grading,
        attempt.auto_submitted,
    ) == graded


def test_a_hand_in_lands_on_the_score_with_the_review_one_click_away(
    client: Client, trainee: Any, make_exam_paper: Any
) -> None:
    attempt = sit(make_exam_paper(review_policy="answers"), trainee, submit=False)
    landed = client.post(reverse("quizzes:submit", args=[attempt.pk]), follow=True)
    assert landed.redirect_chain == [(reverse("quizzes:summary", args=[attempt.pk]), 302)]
    html = landed.content.decode()
    attempt.refresh_from_db()
    assert 'id="result-score"' in html and "待批改 1 题" in html and 'data-passed="pending"' in html
    # The counts by verdict: right 3 (single, multiple, true/false), one blank of two, one short.
    counts = html[html.index('id="state-counts"') : html.index("</ul>", html.index('id="state-counts"'))]
    assert [c.split("</span>")[0].rsplit(">", 1)[1] for c in counts.split("<li")[1:]] == ["3", "1", "1"]
    assert "正确" in counts and "部分正确" in counts and "待批改" in counts
    review = reverse("quizzes:result", args=[attempt.pk])
    assert f'href="{review}" id="open-review">查看答卷和答案</a>' in html
    assert f'href="{review}?show=missed" id="open-missed">只看错题(1)</a>' in html
    # No question, key or explanation on this page: they are one click away, on the review.
    assert 'id="q-1"' not in html
    for secret in (SECRET_SHORT, f"{SECRET_FILL}乙", SECRET_EXPLANATION):
        assert secret not in html
    assert SECRET_SHORT in page_html(client, attempt)


def test_the_score_only_policy_lands_on_the_score_and_the_trainee_own_answers(
    client: Client, trainee: Any, make_exam_paper: Any
) -> None:
    html = page_html(client, sit(make_exam_paper(review_policy="score"), trainee), "summary")
    assert 'id="result-score"' in html and "这份试卷交卷后只显示分数,不公布答案。" in html
    assert 'id="state-counts"' not in html and 'id="open-missed"' not in html
    assert '">查看答卷</a>' in html and SECRET_SHORT not in html and "正确" not in html


def test_the_score_page_shows_trainers_whose_attempt_it_is(
    make_exam_paper: Any, client_for: Callable[[Any], Client], cast: dict[str, Any]
) -> None:
    attempt = sit(make_exam_paper(review_policy="answers"), cast["owner"])
    assert "学员: trainee" in page_html(client_for(cast["trainer"]), attempt, "summary")
    other = client_for(cast["other"]).get(reverse("quizzes:summary", args=[attempt.pk]))
    assert other.status_code == 404


def test_submit_after_the_deadline_is_marked_automatic(
    client: Client, trainee: Any, exam_paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = sit(exam_paper, trainee, submit=False)
    monkeypatch.setattr(timezone, "now", lambda: attempt.deadline + timedelta(seconds=3))
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.submitted_at == attempt.deadline
    assert "系统已自动交卷" in page_html(client, attempt)


def test_finalise_overdue_command_submits_abandoned_attempts(
    client: Client, trainee: Any, exam_paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = sit(exam_paper, trainee, submit=False)
    out = io.StringIO()
    call_command("finalise_overdue", stdout=out)
    assert out.getvalue().strip() == "Submitted 0 overdue attempt(s)."
    monkeypatch.setattr(timezone, "now", lambda: attempt.deadline + timedelta(minutes=5))
    call_command("finalise_overdue", stdout=out)
    assert "Submitted 1 overdue attempt(s)." in out.getvalue()
    attempt.refresh_from_db()
    assert (
        attempt.status == "submitted" and attempt.auto_submitted and attempt.submitted_at == attempt.deadline
    )
    html = page_html(client, attempt)
    assert 'data-auto-submitted="true"' in html and 'id="auto-submitted"' in html


def test_score_only_policy_shows_no_answers(client: Client, trainee: Any, make_exam_paper: Any) -> None:
    attempt = sit(make_exam_paper(review_policy="score"), trainee)
    html = page_html(client, attempt)
    assert 'id="result-score"' in html and "待批改 1 题" in html
    for secret in (SECRET_EXPLANATION, SECRET_SHORT, f"{SECRET_FILL}乙"):
        assert secret not in html
    assert "正确答案" not in html and "is-key" not in html and "verdict-" not in html
    assert "这份试卷交卷后只显示分数,不公布答案。" in html
    assert "先倾听" in html  # the trainee's own answer is theirs to see


def test_answers_policy_shows_keys_but_no_explanations(
    client: Client, trainee: Any, make_exam_paper: Any
) -> None:
    html = page_html(client, sit(make_exam_paper(review_policy="answers"), trainee))
    assert SECRET_SHORT in html and f"{SECRET_FILL}乙" in html and "is-key" in html
    assert SECRET_EXPLANATION not in html
    assert "verdict-correct" in html and "verdict-partial" in html and "verdict-pending" in html


def test_explanations_policy_shows_everything(client: Client, trainee: Any, make_exam_paper: Any) -> None:
    html = page_html(client, sit(make_exam_paper(review_policy="explanations"), trainee))
    for secret in (f"{SECRET_EXPLANATION}-单选", f"{SECRET_EXPLANATION}-简答", SECRET_SHORT):
        assert secret in html
    assert 'id="review-note"' not in html


def test_after_close_policy_waits_for_the_window_to_close(
    client: Client, trainee: Any, make_exam_paper: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    closes = timezone.now() + timedelta(days=1)
    attempt = sit(make_exam_paper(review_policy="after_close", closes_at=closes), trainee)
    html = page_html(client, attempt)
    assert SECRET_EXPLANATION not in html and SECRET_SHORT not in html
    local = timezone.localtime(closes).strftime("%Y-%m-%d %H:%M")
    assert f"正确答案和解析将在考试结束({local})后公布。" in html
    monkeypatch.setattr(timezone, "now", lambda: closes + timedelta(minutes=1))
    html = page_html(client, attempt)
    assert SECRET_EXPLANATION in html and SECRET_SHORT in html


def test_trainer_comment_shows_once_graded(
    client: Client, trainee: Any, trainer: Any, make_exam_paper: Any
) -> None:
    attempt = sit(make_exam_paper(review_policy="answers"), trainee)
    aq = attempt.questions.get(type="short")
    services.short_answer_grade(aq=aq, score=Decimal("3"), comment="条理清楚,继续保持", grader=trainer)
    html = page_html(client, attempt)
    assert "条理清楚,继续保持" in html and 'id="result-outcome"' in html and "待批改" not in html


def test_result_page_for_trainer_matches_the_trainee_view(
    trainee: Any, trainer: Any, make_exam_paper: Any, client_for: Callable[[Any], Client]
) -> None:
    attempt = sit(make_exam_paper(review_policy="score"), trainee)
    html = page_html(client_for(trainer), attempt)
    assert "trainee" in html and SECRET_SHORT not in html


# ---- dashboard -------------------------------------------------------------------------------
def test_dashboard_lists_open_papers_and_past_attempts(
    client: Client, trainee: Any, make_exam_paper: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = make_exam_paper(attempts_allowed=2)
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert paper.title in page and "30 分钟" in page and "剩余 2 次" in page
    assert f'data-start="{paper.pk}"' in page and "开始考试" in page
    start = client.post(reverse("quizzes:start", args=[paper.pk]))
    attempt = Attempt.objects.get(user=trainee)
    assert start["Location"] == reverse("quizzes:exam", args=[attempt.pk])
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert "继续作答" in page and "作答中" in page
    # Abandoned: the dashboard hands it in on the next visit, so it never shows as running forever.
    monkeypatch.setattr(timezone, "now", lambda: attempt.deadline + timedelta(hours=1))
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert "作答中" not in page and "剩余 1 次" in page
    assert reverse("quizzes:result", args=[attempt.pk]) in page and "不及格" in page


def test_dashboard_marks_pending_grading_and_used_up_papers(
    client: Client, trainee: Any, make_exam_paper: Any
) -> None:
    paper = make_exam_paper(attempts_allowed=1)
    sit(paper, trainee)
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert "待批改" in page and "作答次数已用完。" in page and f'data-start="{paper.pk}"' not in page
    refused = client.post(reverse("quizzes:start", args=[paper.pk]))
    assert refused.status_code == 403 and "作答次数已用完。" in refused.content.decode()


def test_dashboard_hides_papers_outside_their_window(client: Client, make_exam_paper: Any) -> None:
    later = make_exam_paper(title="明天的考试", opens_at=timezone.now() + timedelta(days=1))
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert later.title not in page and 'id="no-papers"' in page
    assert client.post(reverse("quizzes:start", args=[later.pk])).status_code == 403


def test_home_links_trainees_to_their_exams(client: Client) -> None:
    page = client.get(reverse("home")).content.decode()
    assert 'id="home-dashboard"' in page and reverse("quizzes:dashboard") in page


def test_result_json_free_of_secrets_even_for_the_owner_mid_attempt(
    client: Client, trainee: Any, exam_paper: Paper
) -> None:
    attempt = sit(exam_paper, trainee, submit=False)
    response = client.get(reverse("quizzes:result", args=[attempt.pk]))
    assert response.status_code == 302  # back to the exam: nothing of the review while running
    body = json.dumps(
        client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            json.dumps({"position": 5, "response": "x"}),
            content_type="application/json",
        ).json()
    )
    assert SECRET_SHORT not in body


# ---- the same paper for everyone, several attempts: attempt 1's review must not key attempt 2
@pytest.mark.parametrize("policy", ["answers", "explanations"])
def test_fixed_paper_with_attempts_left_keeps_its_key_until_the_last_attempt(
    client: Client, trainee: Any, make_exam_paper: Any, policy: str
) -> None:
    paper = make_exam_paper(review_policy=policy, same_for_everyone=True, attempts_allowed=2)
    first = sit(paper, trainee)
    html = page_html(client, first)
    assert SECRET_SHORT not in html and f"{SECRET_FILL}乙" not in html and SECRET_EXPLANATION not in html
    assert "is-key" not in html and "verdict-" not in html
    assert "正确答案将在你用完作答次数或考试结束后公布。" in html
    second = sit(paper, trainee)  # the last attempt: now both reviews open
    for attempt in (first, second):
        html = page_html(client, attempt)
        assert SECRET_SHORT in html and "is-key" in html


def test_fixed_paper_review_opens_when_the_paper_closes(
    client: Client, trainee: Any, make_exam_paper: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    closes = timezone.now() + timedelta(days=1)
    paper = make_exam_paper(same_for_everyone=True, attempts_allowed=3, closes_at=closes)
    attempt = sit(paper, trainee)
    assert SECRET_SHORT not in page_html(client, attempt)
    monkeypatch.setattr(timezone, "now", lambda: closes + timedelta(minutes=1))
    assert SECRET_SHORT in page_html(client, attempt)


def test_paper_form_explains_when_a_fixed_paper_shows_its_key(trainer: Any, client_for: Any) -> None:
    html = client_for(trainer).get(reverse("quizzes:paper_create")).content.decode()
    assert "所有人同一套题且允许多次作答时,答案和解析在学员用完作答次数或考试结束后才公布。" in html


# ---- the questions' markup, written in Python (quizzes/views/trainee_render.py) --------------
def test_review_escapes_what_the_bank_and_the_trainee_wrote(
    client: Client, trainee: Any, make_exam_paper: Any
) -> None:
    attempt = sit(make_exam_paper(review_policy="explanations"), trainee, submit=False)
    services.answer_save(attempt=attempt, position=5, response='<img src=x onerror="alert(1)">')
    attempt.questions.filter(position=2).update(explanation="<b>粗体</b> & 'x'", comment="")
    services.attempt_submit(attempt=attempt)
    html = page_html(client, attempt)
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;客户来电" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;b&gt;粗体&lt;/b&gt; &amp; &#x27;x&#x27;" in html


def test_review_links_pictures_and_note_forms_that_work(
    trainee: Any, make_exam_paper: Any, client_for: Callable[[Any], Client]
) -> None:
    attempt = sit(make_exam_paper(review_policy="answers"), trainee)
    attempt.questions.filter(position=1).update(
        images=[{"id": 41, "path": "p/41.png", "content_type": "image/png"}]
    )
    html = page_html(client_for(trainee), attempt)
    picture = reverse("quizzes:attempt_image", args=[attempt.pk, 41])
    assert f'<img class="question-image" src="{picture}" alt="题目配图" loading="lazy">' in html
    question_id = attempt.questions.get(position=1).question_id
    action = reverse("practice:note_save", args=[question_id])
    assert html.count('class="note-form"') == 5 and f'action="{action}"' in html
    assert f'value="{reverse("quizzes:result", args=[attempt.pk])}#note-{question_id}"' in html
    # The page's one token is accepted by a client that enforces CSRF, as a browser posting the form.
    browser = Client(enforce_csrf_checks=True)
    browser.cookies = client_for(trainee).cookies
    page = browser.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    saved = browser.post(
        action, {"text": "先问候", "csrfmiddlewaretoken": token}, HTTP_ACCEPT="application/json"
    )
    assert saved.status_code == 200, saved.content
    assert "先问候" in browser.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()


def test_trainers_read_the_review_without_note_forms(
    trainee: Any, trainer: Any, make_exam_paper: Any, client_for: Callable[[Any], Client]
) -> None:
    attempt = sit(make_exam_paper(review_policy="answers"), trainee)
    html = page_html(client_for(trainer), attempt)
    assert html.count('<article class="card question review') == 5 and "note-form" not in html
