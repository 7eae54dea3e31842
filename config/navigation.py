"""The site navigation: each role's sections, in one table (base.html draws it).

Lazy: a page that never draws the menu (a JSON answer, a file) costs no query, and the role is
the one access_required already looked up for this request (qbank.roles caches it on the user).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from qbank.roles import ADMIN, TRAINEE, TRAINER, user_role


@dataclass(frozen=True)
class Section:
    key: str
    url_name: str
    label: Any
    roles: frozenset[str]


STAFF = frozenset({ADMIN, TRAINER})
SECTIONS = [
    Section("dashboard", "quizzes:dashboard", _("我的考试"), frozenset({TRAINEE})),
    Section("practice", "practice:home", _("练习"), frozenset({TRAINEE})),
    Section("mistakes", "practice:mistakes", _("错题本"), frozenset({TRAINEE})),
    Section("progress", "practice:progress", _("我的进度"), frozenset({TRAINEE})),
    Section("papers", "quizzes:paper_list", _("试卷管理"), STAFF),
    Section("grading", "quizzes:grading_queue", _("待批改"), STAFF),
    Section("mastery", "quizzes:mastery", _("章节掌握度"), STAFF),
    Section("bank", "qbank:question_list", _("题库试题"), STAFF),
    Section("classes", "people:cohort_list", _("班级"), STAFF),
    Section("imports", "importers:history", _("批量导入"), frozenset({ADMIN})),
    Section("admin", "admin:index", _("管理后台"), frozenset({ADMIN})),
]


@dataclass(frozen=True)
class Link:
    key: str
    url: str
    label: Any
    current: bool


def sections_for(request: HttpRequest) -> list[Link]:
    role = user_role(request.user)
    if role is None:
        return []
    mine = [(section, reverse(section.url_name)) for section in SECTIONS if role in section.roles]
    # The current section is the one whose address is the longest start of this page's
    # ("/practice/mistakes/" is 错题本, not 练习; "/quizzes/" itself only on the dashboard).
    matches = [
        url for _, url in mine if request.path.startswith(url) and (url != "/quizzes/" or request.path == url)
    ]
    here = max(matches, key=len, default=None)
    return [Link(section.key, url, section.label, url == here) for section, url in mine]


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"nav_sections": SimpleLazyObject(lambda: sections_for(request))}
