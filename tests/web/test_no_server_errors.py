"""Bad input is the client's mistake (4xx), never the server's (500): four found by hand, then
every form and JSON endpoint fuzzed with hypothesis."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.models import ImportBatch, ImportFile, StagedQuestion
from qbank.models import Bank
from quizzes import services
from quizzes.models import Paper
from tests.conftest import client_for
from tests.quizzes.conftest import every_type_bank, exam_paper, make_exam_paper, make_trainee  # noqa: F401

pytestmark = pytest.mark.django_db


def no_raise(user: Any) -> Client:
    client = client_for(user)
    client.raise_request_exception = False  # a crash shows as the 500 the user would get
    return client


def test_deeply_nested_json_to_autosave(exam_paper: Paper, trainee: Any) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee)
    body = '{"position": 5, "response": ' + "[" * 100_000 + "]" * 100_000 + "}"
    url = reverse("quizzes:save", args=[attempt.pk])
    response = no_raise(trainee).post(url, body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("points", ["sNaN", "NaN", "-sNaN", "Infinity", "1e999999"])
def test_signalling_nan_points_in_the_paper_form(trainer: Any, bank: Bank, points: str) -> None:
    data = {
        "title": "测验",
        "bank": bank.pk,
        "time_limit_minutes": 30,
        "pass_percent": 60,
        "attempts_allowed": 1,
        "review_policy": "score",
        "multiple_policy": "all_or_nothing",
        "rules-TOTAL_FORMS": 1,
        "rules-INITIAL_FORMS": 0,
        "rules-0-type": "single",
        "rules-0-count": 1,
        "rules-0-points": points,
    }
    response = no_raise(trainer).post(reverse("quizzes:paper_create"), data)
    assert response.status_code == 200 and not Paper.objects.exists()  # the form, with its error


@pytest.mark.parametrize("chapter", ["99999999999999999999999", "-99999999999999999999", "1e5"])
def test_out_of_range_chapter_in_pool_count(trainer: Any, bank: Bank, chapter: str) -> None:
    url = reverse("quizzes:pool_count")
    response = no_raise(trainer).get(url, {"bank": bank.pk, "type": "single", "chapters": chapter})
    assert response.status_code == 400


@pytest.mark.parametrize("bank_id", ["99999999999999999999999"])
def test_out_of_range_bank_in_pool_count(trainer: Any, bank_id: str) -> None:
    url = reverse("quizzes:pool_count")
    assert no_raise(trainer).get(url, {"bank": bank_id, "type": "single"}).status_code == 400


@pytest.mark.parametrize("chapter", ["abc", "99999999999999999999999", "1.5"])
def test_non_numeric_chapter_in_the_bank_export(trainer: Any, bank: Bank, chapter: str) -> None:
    url = reverse("importers:export", args=[bank.pk])
    assert no_raise(trainer).get(url, {"chapter": chapter}).status_code in (400, 404)


def test_pool_count_still_counts(trainer: Any, bank: Bank) -> None:
    url = reverse("quizzes:pool_count")
    response = no_raise(trainer).get(url, {"bank": bank.pk, "type": "single"})
    assert response.status_code == 200 and json.loads(response.content)["available"] == 0


# ---- fuzz: every form and JSON endpoint, with hypothesis -------------------------------------
# Odd values that broke or might break a parser: NaNs, overflowing and negative numbers, NUL,
# the choice values each form expects (so deeper validation runs too), and random text.
ODD = [
    *("sNaN", "-sNaN", "NaN", "Infinity", "1e999999", "-1", "0", "1", "2", "0.5", "1.25"),
    *("99999999999999999999999", "", " ", "\x00", "A", "ABD", "对", "true", "single", "multiple"),
    *("truefalse", "fill", "short", "activate", "retire", "active", "new", "none", "en", "left"),
]
NO_SURROGATES = st.characters(blacklist_categories=("Cs",))  # the test client encodes to UTF-8
FORM_VALUE = st.one_of(st.sampled_from(ODD), st.text(NO_SURROGATES, max_size=20), st.integers().map(str))
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)
FUZZ = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Endpoint:
    who: str
    method: str
    url: str
    fields: tuple[str, ...]


@pytest.fixture
def world(
    admin: Any, trainer: Any, trainee: Any, exam_paper: Paper, make_trainee: Callable[[str], Any]
) -> dict[str, Any]:
    """One of everything the forms act on: a running and a submitted attempt, a staged question."""
    running = services.attempt_start(paper=exam_paper, user=trainee)
    other = make_trainee("trainee2")
    done = services.attempt_start(paper=exam_paper, user=other)
    services.answer_save(attempt=done, position=5, response="倾听并道歉")
    services.attempt_submit(attempt=done)
    short = done.questions.get(position=5)
    bank = exam_paper.bank
    question = bank.questions.first()
    batch = ImportBatch.objects.create(bank=bank, uploaded_by=admin)
    import_file = ImportFile.objects.create(
        batch=batch, filename="a.txt", sha256="0" * 64, size=1, status=ImportFile.Status.PARSED
    )
    staged = StagedQuestion.objects.create(
        file=import_file,
        seq=1,
        data={"type": "single", "stem": "题?", "options": ["甲", "乙"]},
        fingerprint="f",
    )
    pk = {"paper": exam_paper.pk, "attempt": running.pk, "done": done.pk, "aq": short.pk}
    pk |= {"question": question.pk, "batch": batch.pk, "staged": staged.pk, "bank": bank.pk}
    paper_fields = (
        *("title", "instructions", "bank", "time_limit_minutes", "pass_percent", "opens_at", "closes_at"),
        *("attempts_allowed", "cohorts", "same_for_everyone", "review_policy", "multiple_policy"),
        *("rules-TOTAL_FORMS", "rules-INITIAL_FORMS", "rules-0-type", "rules-0-count", "rules-0-points"),
        *("rules-0-difficulty", "rules-0-chapters", "rules-0-DELETE"),
    )
    question_fields = ("chapter", "type", "status", "stem", "material", "options", "answer")
    question_fields += ("explanation", "difficulty", "tags", "next")
    endpoints = {
        "login": Endpoint("anonymous", "post", reverse("login"), ("username", "password", "next")),
        "set_language": Endpoint("trainee", "post", reverse("set_language"), ("language", "next")),
        "dashboard": Endpoint("trainee", "get", reverse("quizzes:dashboard"), ("page",)),
        "event": Endpoint(
            "trainee", "post", reverse("quizzes:event", args=[pk["attempt"]]), ("kind", "away_seconds")
        ),
        "paper_create": Endpoint("trainer", "post", reverse("quizzes:paper_create"), paper_fields),
        "paper_edit": Endpoint(
            "trainer", "post", reverse("quizzes:paper_edit", args=[pk["paper"]]), paper_fields
        ),
        "pool_count": Endpoint(
            "trainer", "get", reverse("quizzes:pool_count"), ("bank", "type", "chapters", "difficulty")
        ),
        "results": Endpoint(
            "trainer", "get", reverse("quizzes:paper_results", args=[pk["paper"]]), ("name", "outcome")
        ),
        "results_xlsx": Endpoint(
            "trainer", "get", reverse("quizzes:paper_results_xlsx", args=[pk["paper"]]), ("name", "outcome")
        ),
        "grade": Endpoint(
            "trainer", "post", reverse("quizzes:grade_answer", args=[pk["aq"]]), ("score", "comment")
        ),
        "publish": Endpoint(
            "trainer", "post", reverse("quizzes:paper_publish", args=[pk["paper"]]), ("next",)
        ),
        "bank_list": Endpoint(
            "trainer",
            "get",
            reverse("qbank:question_list"),
            ("q", "bank", "chapter", "type", "status", "page"),
        ),
        "question_edit": Endpoint(
            "trainer", "post", reverse("qbank:question_edit", args=[pk["question"]]), question_fields
        ),
        "question_retire": Endpoint(
            "trainer", "post", reverse("qbank:question_retire", args=[pk["question"]]), ("status", "next")
        ),
        "question_bulk": Endpoint(
            "trainer", "post", reverse("qbank:question_bulk"), ("ids", "action", "next")
        ),
        "export": Endpoint("trainer", "get", reverse("importers:export", args=[pk["bank"]]), ("chapter",)),
        "upload": Endpoint("admin", "post", reverse("importers:upload"), ("bank",)),
        "review": Endpoint(
            "admin", "get", reverse("importers:review", args=[pk["batch"]]), ("file", "flagged")
        ),
        "chapters": Endpoint(
            "admin", "post", reverse("importers:chapters", args=[pk["batch"]]), ("chapter-0", "map-0")
        ),
        "staged_edit": Endpoint(
            "admin",
            "post",
            reverse("importers:staged_edit", args=[pk["staged"]]),
            ("type", "stem", "options", "answer", "explanation"),
        ),
    }
    users = {"admin": admin, "trainer": trainer, "trainee": trainee, "anonymous": None}
    return {"endpoints": endpoints, "users": users, "attempt": running}


@pytest.mark.parametrize(
    "name",
    [
        *("login", "set_language", "dashboard", "event", "paper_create", "paper_edit", "pool_count"),
        *("results", "results_xlsx", "grade", "publish", "bank_list", "question_edit", "question_retire"),
        *("question_bulk", "export", "upload", "review", "chapters", "staged_edit"),
    ],
)
def test_fuzz_forms(world: dict[str, Any], name: str) -> None:
    endpoint: Endpoint = world["endpoints"][name]
    client = no_raise(world["users"][endpoint.who])

    @FUZZ
    @given(data=st.dictionaries(st.sampled_from(endpoint.fields), FORM_VALUE, max_size=len(endpoint.fields)))
    def run(data: dict[str, str]) -> None:
        response = getattr(client, endpoint.method)(endpoint.url, data)
        assert response.status_code < 500, (name, data)

    run()


@FUZZ
@given(
    body=st.one_of(
        st.fixed_dictionaries(
            {"position": st.integers(-3, 8) | JSON_VALUE, "response": JSON_VALUE},
            optional={"flagged": JSON_VALUE},
        ).map(json.dumps),
        JSON_VALUE.map(json.dumps),
        st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
    )
)
def test_fuzz_autosave(world: dict[str, Any], body: str) -> None:
    client = no_raise(world["users"]["trainee"])
    url = reverse("quizzes:save", args=[world["attempt"].pk])
    response = client.post(url, body, content_type="application/json")
    assert response.status_code < 500, body
