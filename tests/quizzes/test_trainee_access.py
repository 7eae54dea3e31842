"""Every trainee URL against every role, GET and POST alike (Zulip-style matrix).

The owner sits their attempt; another trainee, the paper's trainer and an admin can never open,
save or submit it (404: it does not exist for them). Results are also open to the paper's
trainer and to admins. Anonymous users log in, except on the JSON endpoints, which answer 403.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from quizzes import services
from quizzes.models import Attempt, Cohort, Paper

pytestmark = pytest.mark.django_db

WHO = ("anonymous", "owner", "other", "trainer", "admin")

# (url name, method, object) → expected status per role, in WHO's order.
MATRIX: list[tuple[str, str, str | None, tuple[int, ...]]] = [
    ("dashboard", "get", None, (302, 200, 200, 200, 200)),
    ("dashboard", "post", None, (302, 405, 405, 405, 405)),
    # The paper is for the owner's class only: everyone else is refused with a 403 page.
    ("start", "post", "paper", (302, 302, 403, 403, 403)),
    ("start", "get", "paper", (302, 405, 405, 405, 405)),
    ("exam", "get", "running", (302, 200, 404, 404, 404)),
    ("exam", "post", "running", (302, 405, 405, 405, 405)),
    ("save", "post", "running", (403, 200, 404, 404, 404)),
    ("save", "get", "running", (405, 405, 405, 405, 405)),
    ("event", "post", "running", (403, 200, 404, 404, 404)),
    ("event", "get", "running", (405, 405, 405, 405, 405)),
    ("submit", "post", "running", (302, 302, 404, 404, 404)),
    ("submit", "get", "running", (302, 405, 405, 405, 405)),
    ("summary", "get", "submitted", (302, 200, 404, 200, 200)),
    ("summary", "post", "submitted", (302, 405, 405, 405, 405)),
    ("result", "get", "submitted", (302, 200, 404, 200, 200)),
    ("result", "post", "submitted", (302, 405, 405, 405, 405)),
]

CASES = [
    pytest.param(name, method, obj, who, codes[i], id=f"{name}-{method}-{who}")
    for name, method, obj, codes in MATRIX
    for i, who in enumerate(WHO)
]


@pytest.fixture
def objects(cast: dict[str, Any], make_exam_paper: Callable[..., Paper]) -> dict[str, Any]:
    paper = make_exam_paper()
    cohort = Cohort.objects.create(name="一班")
    cohort.members.add(cast["owner"])
    paper.cohorts.add(cohort)
    owner = cast["owner"]
    submitted = services.attempt_start(paper=paper, user=owner, rng=random.Random(1))
    services.attempt_submit(attempt=submitted)
    running = services.attempt_start(paper=paper, user=owner, rng=random.Random(2))
    return {"paper": paper, "submitted": submitted, "running": running}


def request(client: Client, method: str, url: str, name: str) -> Any:
    if name == "save" and method == "post":
        body = json.dumps({"position": 1, "response": "A", "flagged": False})
        return client.post(url, body, content_type="application/json")
    if name == "event" and method == "post":
        return client.post(url, {"kind": "left", "away_seconds": "0"})
    return getattr(client, method)(url)


@pytest.mark.parametrize(("name", "method", "obj", "who", "expected"), CASES)
def test_trainee_matrix(
    cast: dict[str, Any],
    objects: dict[str, Any],
    client_for: Callable[[Any], Client],
    name: str,
    method: str,
    obj: str | None,
    who: str,
    expected: int,
) -> None:
    url = reverse(f"quizzes:{name}", args=[objects[obj].pk] if obj else [])
    response = request(client_for(cast[who]), method, url, name)
    assert response.status_code == expected
    if expected == 302 and who == "anonymous":
        assert "login" in response["Location"]
    if name in ("save", "event") and method == "post":
        # JSON endpoints answer JSON even when refusing: a fetch never mistakes a page for success.
        assert response["Content-Type"] == "application/json"
        assert response.json()["ok"] is (expected == 200)


def test_other_trainer_cannot_read_the_result(
    objects: dict[str, Any], other_trainer: Any, client_for: Callable[[Any], Client]
) -> None:
    url = reverse("quizzes:result", args=[objects["submitted"].pk])
    assert client_for(other_trainer).get(url).status_code == 404


def test_refused_start_says_why(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client]
) -> None:
    response = client_for(cast["other"]).post(reverse("quizzes:start", args=[objects["paper"].pk]))
    assert response.status_code == 403
    assert "这份试卷现在不对你开放。" in response.content.decode()


def test_draft_paper_is_not_found(
    cast: dict[str, Any], draft_paper: Paper, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(cast["owner"]).post(reverse("quizzes:start", args=[draft_paper.pk]))
    assert response.status_code == 404
    assert not Attempt.objects.filter(paper=draft_paper).exists()


def test_owner_of_a_running_attempt_is_sent_from_result_to_exam(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client]
) -> None:
    running = objects["running"]
    response = client_for(cast["owner"]).get(reverse("quizzes:result", args=[running.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:exam", args=[running.pk])
    # Its trainer sees that it is still running, and nothing of it.
    page = client_for(cast["trainer"]).get(reverse("quizzes:result", args=[running.pk])).content.decode()
    assert "作答中" in page and 'id="result-score"' not in page


def test_save_needs_the_csrf_token(cast: dict[str, Any], objects: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["owner"])
    exam = client.get(reverse("quizzes:exam", args=[objects["running"].pk]))
    token = exam.context["csrf_token"]
    url = reverse("quizzes:save", args=[objects["running"].pk])
    body = json.dumps({"position": 1, "response": "A"})
    assert client.post(url, body, content_type="application/json").status_code == 403
    ok = client.post(url, body, content_type="application/json", headers={"X-CSRFToken": str(token)})
    assert ok.status_code == 200
    # sendBeacon's FormData carries the token in the body instead.
    event_url = reverse("quizzes:event", args=[objects["running"].pk])
    assert client.post(event_url, {"kind": "left"}).status_code == 403
    assert client.post(event_url, {"kind": "left", "csrfmiddlewaretoken": str(token)}).status_code == 200
