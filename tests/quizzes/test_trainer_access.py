"""Every trainer URL against every role, GET and POST alike (Zulip-style matrix).

Anonymous users go to the login page, trainees get 403, a trainer opening another trainer's
paper gets 404 (it does not exist for them), owners and admins get the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import Attempt, Paper

pytestmark = pytest.mark.django_db

# name → (method, which object its URL takes, what the owner gets)
URLS: dict[str, tuple[str, str | None, int]] = {
    "paper_list": ("get", None, 200),
    "paper_create": ("get", None, 200),
    "paper_edit": ("get", "paper", 200),
    "paper_preview": ("get", "paper", 200),
    "paper_publish": ("post", "paper", 302),
    "paper_unpublish": ("post", "paper", 302),
    "paper_results": ("get", "paper", 200),
    "paper_results_xlsx": ("get", "paper", 200),
    "pool_count": ("get", None, 200),
    "attempt_review": ("get", "attempt", 200),
    "grading_queue": ("get", None, 200),
    "grade_answer": ("get", "aq", 200),
}


@pytest.fixture
def objects(published_paper: Paper, trainee: Any, sit_paper: Callable[..., Attempt]) -> dict[str, Any]:
    attempt = sit_paper(published_paper, trainee)
    return {"paper": published_paper, "attempt": attempt, "aq": attempt.questions.get(type="short")}


@pytest.fixture
def cast(admin: Any, trainer: Any, other_trainer: Any, trainee: Any) -> dict[str, Any]:
    return {"anonymous": None, "trainee": trainee, "owner": trainer, "other": other_trainer, "admin": admin}


def call(client: Client, name: str, objects: dict[str, Any], method: str | None = None) -> Any:
    default_method, takes, _ok = URLS[name]
    args = [objects[takes].pk] if takes else []
    url = reverse(f"quizzes:{name}", args=args)
    data = {"bank": objects["paper"].bank_id, "type": "single"} if name == "pool_count" else {}
    return getattr(client, method or default_method)(url, data)


def expected(who: str, name: str) -> int:
    _method, takes, ok = URLS[name]
    if who == "anonymous":
        return 302
    if who == "trainee":
        return 403
    if who == "other" and takes is not None:
        return 404
    return ok


@pytest.mark.parametrize("who", ["anonymous", "trainee", "owner", "other", "admin"])
@pytest.mark.parametrize("name", sorted(URLS))
def test_role_matrix(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client], who: str, name: str
) -> None:
    response = call(client_for(cast[who]), name, objects)
    assert response.status_code == expected(who, name)
    if who == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["paper_edit", "grade_answer"])
def test_posts_are_checked_too(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client], name: str
) -> None:
    assert call(client_for(cast["trainee"]), name, objects, method="post").status_code == 403
    assert call(client_for(cast["other"]), name, objects, method="post").status_code == 404
    assert call(client_for(None), name, objects, method="post").status_code == 302


@pytest.mark.parametrize("name", ["paper_publish", "paper_unpublish"])
def test_publishing_is_post_only(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client], name: str
) -> None:
    assert call(client_for(cast["owner"]), name, objects, method="get").status_code == 405


def test_other_trainers_papers_are_not_listed(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client]
) -> None:
    title = objects["paper"].title
    assert title in client_for(cast["owner"]).get(reverse("quizzes:paper_list")).content.decode()
    assert title in client_for(cast["admin"]).get(reverse("quizzes:paper_list")).content.decode()
    other = client_for(cast["other"])
    assert title not in other.get(reverse("quizzes:paper_list")).content.decode()
    # Nor do their answers reach the other trainer's grading queue.
    assert "简述接待投诉" not in other.get(reverse("quizzes:grading_queue")).content.decode()


def test_nav_links_to_papers_for_trainers_only(
    cast: dict[str, Any], client_for: Callable[[Any], Client]
) -> None:
    url = reverse("quizzes:paper_list")
    assert url in client_for(cast["owner"]).get(reverse("home")).content.decode()
    assert url not in client_for(cast["trainee"]).get(reverse("home")).content.decode()


def test_admin_pages_render(admin: Any, objects: dict[str, Any], client_for: Callable[[Any], Client]) -> None:
    client = client_for(admin)
    for name in ("quizzes_cohort_add", "quizzes_paper_changelist", "quizzes_attempt_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 200
    paper_page = client.get(reverse("admin:quizzes_paper_change", args=[objects["paper"].pk]))
    assert paper_page.status_code == 200 and "rules-TOTAL_FORMS" in paper_page.content.decode()
    # Attempts are records: viewable, never editable from the admin.
    attempt_page = client.get(reverse("admin:quizzes_attempt_change", args=[objects["attempt"].pk]))
    assert attempt_page.status_code == 200 and "简述接待投诉" in attempt_page.content.decode()
    assert 'name="_save"' not in attempt_page.content.decode()
