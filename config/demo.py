"""Roles and demo accounts: the groups every deployment needs, and the demo's three users."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from qbank.access import groups_sync
from quizzes import services as quiz_services
from quizzes.models import Cohort, Paper
from quizzes.selectors import pool_for


def ensure_groups() -> dict[str, Group]:
    """The role groups as qbank.access.ROLE_PERMISSIONS says (the data migration made them too)."""
    return groups_sync(group_model=Group, permission_model=Permission)


def ensure_user(*, username: str, password: str, group: Group, staff: bool, superuser: bool = False) -> bool:
    """Create or update a demo account; return True when it was created."""
    user, created = get_user_model().objects.get_or_create(username=username)
    user.is_staff = staff
    user.is_superuser = superuser
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set([group])
    return created


DEMO_PAPER = "客户服务基础练习"
# (type, how many, points each): capped by what the bank holds as active questions.
DEMO_RULES = [
    ("single", 10, "2"),
    ("multiple", 5, "3"),
    ("truefalse", 5, "2"),
    ("fill", 2, "2"),
    ("short", 2, "5"),
]


def ensure_demo_paper(*, bank: Any, trainer: Any, trainee: Any) -> Any:
    """A published practice paper open to a demo class holding the demo trainee."""
    cohort, _ = Cohort.objects.get_or_create(name="演示班")
    cohort.members.add(trainee)
    paper = Paper.objects.filter(title=DEMO_PAPER, bank=bank).first()
    if paper is not None:
        return paper
    paper = Paper.objects.create(
        title=DEMO_PAPER,
        bank=bank,
        created_by=trainer,
        time_limit_minutes=20,
        attempts_allowed=3,
        instructions="演示用试卷:题目从题库中随机抽取,答案随时自动保存。",
    )
    paper.cohorts.add(cohort)
    rules = []
    for qtype, wanted, points in DEMO_RULES:
        available = pool_for(bank_id=bank.pk, type=qtype, chapter_ids=[], difficulty=None).count()
        if available:
            rules.append({"type": qtype, "count": min(wanted, available), "points": Decimal(points)})
    quiz_services.rules_replace(paper=paper, rules=rules)
    return quiz_services.paper_publish(paper=paper)
