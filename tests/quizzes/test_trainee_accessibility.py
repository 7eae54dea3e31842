"""What the exam and result pages say to assistive technology, as the server renders it: each
question a group named by its heading and stem, navigator names with their state, no live region
that speaks on every keystroke, section headings, and the result page's 只看错题 filter."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from quizzes import services
from quizzes.models import Paper
from tests.quizzes.conftest import page_html
from tests.quizzes.test_trainee_result import RIGHT, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(trainee: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainee)


def test_each_question_is_a_group_named_by_its_heading_and_stem(
    client: Client, trainee: Any, exam_paper: Paper
) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee, rng=random.Random(1))
    html = page_html(client, attempt, "exam")
    for position in range(1, 6):
        assert f'role="group" aria-labelledby="q-{position}-title q-{position}-stem"' in html
        assert f'id="q-{position}-title" tabindex="-1"' in html
        assert f'id="q-{position}-stem"' in html
    # The blanks are named "第 1 空", not by a bare "(1)".
    assert '<span class="visually-hidden">第 2 空</span>' in html
    # Status text changes on every keystroke: only the two announcement regions are live.
    assert "aria-live" not in html
    assert 'id="announce-polite" role="status"' in html and 'id="announce-assertive" role="alert"' in html
    assert 'class="skip-link" id="skip-to-question" href="#q-1-title"' in html


def test_navigator_names_carry_answered_and_flagged(client: Client, trainee: Any, exam_paper: Paper) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee, rng=random.Random(1))
    services.answer_save(attempt=attempt, position=3, response=True, flagged=True)
    services.answer_save(attempt=attempt, position=4, response=None, flagged=True)
    html = page_html(client, attempt, "exam")
    assert 'aria-label="第 1 题，未答"' in html
    assert 'aria-label="第 3 题，已答，已标记"' in html
    assert 'aria-label="第 4 题，未答，已标记"' in html


def test_a_paper_in_type_order_shows_its_section_headings(
    client: Client, trainee: Any, exam_paper: Paper
) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee, rng=random.Random(1))
    headings = re.findall(r'<h2 class="section-title">([^<]+)</h2>', page_html(client, attempt, "exam"))
    # The short answer has material: it is a case question.
    assert headings == [
        "一、单选题(共 1 题,2 分)",
        "二、多选题(共 1 题,2 分)",
        "三、判断题(共 1 题,1 分)",
        "四、填空题(共 1 题,2 分)",
        "五、案例分析(共 1 题,3 分)",
    ]


def test_only_missed_shows_wrong_partial_and_unanswered(
    client: Client, trainee: Any, exam_paper: Paper
) -> None:
    assert set(RIGHT) == {1, 2, 3, 4, 5}  # 4 is half right, 5 awaits a trainer
    attempt = sit(exam_paper, trainee)
    everything = page_html(client, attempt)
    assert everything.count('class="card question review') == 5
    assert 'href="?show=missed" id="only-missed" >只看错题(1)</a>' in everything
    response = client.get(reverse("quizzes:result", args=[attempt.pk]), {"show": "missed"})
    missed = response.content.decode()
    assert re.findall(r'id="r-(\d+)"', missed) == ["4"]
    assert 'aria-current="page">只看错题(1)' in missed
    assert "section-title" not in missed  # headings count a whole section, so none on a filtered list


def test_no_filter_where_verdicts_are_hidden(
    client: Client, trainee: Any, make_exam_paper: Callable[..., Paper]
) -> None:
    attempt = sit(make_exam_paper(review_policy="score"), trainee)
    response = client.get(reverse("quizzes:result", args=[attempt.pk]), {"show": "missed"})
    assert "only-missed" not in response.content.decode()
