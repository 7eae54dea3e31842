"""Each role lands on its own page and sees its own sections; error pages and the language menu."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "lands_on"),
    [("trainee", "quizzes:dashboard"), ("trainer", "quizzes:paper_list"), ("admin", "home")],
)
def test_each_role_lands_on_its_own_page(
    admin: Any, trainer: Any, trainee: Any, who: str, lands_on: str
) -> None:
    client = Client()
    response = client.post(reverse("login"), {"username": who, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(lands_on)


def test_a_next_parameter_still_wins(trainer: Any) -> None:
    client = Client()
    target = reverse("qbank:question_list")
    response = client.post(
        f"{reverse('login')}?next={target}", {"username": "trainer", "password": PASSWORD, "next": target}
    )
    assert response["Location"] == target


SECTIONS = {
    "trainee": {"nav-dashboard", "nav-practice", "nav-mistakes", "nav-progress"},
    "trainer": {"nav-papers", "nav-grading", "nav-mastery", "nav-bank", "nav-classes"},
    "admin": {
        *("nav-papers", "nav-grading", "nav-mastery", "nav-bank", "nav-classes", "nav-imports", "nav-admin"),
    },
}
ALL = set().union(*SECTIONS.values())


@pytest.mark.parametrize("who", list(SECTIONS))
def test_navigation_shows_each_roles_sections(admin: Any, trainer: Any, trainee: Any, who: str) -> None:
    user = {"admin": admin, "trainer": trainer, "trainee": trainee}[who]
    page = client_for(user).get(reverse("home")).content.decode()
    shown = {section for section in ALL if f'id="{section}"' in page}
    assert shown == SECTIONS[who]


def test_error_pages_speak_the_sites_language_in_its_look(trainee: Any) -> None:
    client = client_for(trainee)
    forbidden = client.get(reverse("people:cohort_list"))
    assert forbidden.status_code == 403
    html = forbidden.content.decode()
    assert "没有权限" in html and "css/app.css" in html and 'id="nav-dashboard"' in html
    missing = client.get("/no/such/page/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert "页面不存在" in html and "css/app.css" in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Page not found" in client.get("/no/such/page/").content.decode()


def test_the_language_menu_names_each_language_in_its_own_script(trainee: Any) -> None:
    client = client_for(trainee)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home")).content.decode()
    assert ">简体中文</option>" in html and ">English</option>" in html


def test_a_trainee_menu_leads_to_practice_and_marks_the_deepest_section(trainee: Any) -> None:
    page = client_for(trainee).get(reverse("practice:mistakes")).content.decode()
    assert reverse("practice:home") in page and reverse("practice:mistakes") in page
    current = re.findall(r'<a href="([^"]+)" id="nav-[a-z]+" aria-current="page"', page)
    assert current == [reverse("practice:mistakes")]
