"""Roles and demo accounts: the groups every deployment needs, and the demo's three users."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from qbank import roles
from quizzes import services as quiz_services
from quizzes.models import Cohort, Paper
from quizzes.selectors import pool_for

# Trainers edit the bank's content; banks themselves and deletions are the admins' call.
TRAINER_PERMISSIONS = [
    "qbank.view_bank",
    "qbank.view_source",
    *(
        f"qbank.{action}_{model}"
        for model in ("chapter", "question", "option", "questionimage", "tag")
        for action in ("view", "add", "change")
    ),
    # Removing a wrong option or picture happens inside the question's admin page.
    "qbank.delete_option",
    "qbank.delete_questionimage",
    # Trainers decide who sits their papers: classes are kept in the admin.
    "quizzes.view_cohort",
    "quizzes.add_cohort",
    "quizzes.change_cohort",
]
# "importers": bulk imports in the browser (importers.add_importbatch) are the admins' call.
ADMIN_APPS = ("qbank", "quizzes", "importers")
ADMIN_EXTRA = ["auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group"]


def ensure_groups() -> dict[str, Group]:
    admin_perms = list(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)) + _perms(
        ADMIN_EXTRA
    )
    wanted = {roles.TRAINEE: [], roles.TRAINER: _perms(TRAINER_PERMISSIONS), roles.ADMIN: admin_perms}
    groups = {}
    for name, perms in wanted.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(perms)
        groups[name] = group
    return groups


def _perms(names: list[str]) -> list[Permission]:
    result = []
    for name in names:
        app_label, codename = name.split(".")
        result.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return result


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
