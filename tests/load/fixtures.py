"""The load database: trainee accounts in one class, a large synthetic bank and two published
papers of 100 questions (drawn per candidate, and the same for everyone). Idempotent: a second
run adds what is missing and keeps the rest."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from qbank.models import Bank
from qbank.roles import TRAINEE, TRAINER
from quizzes import services
from quizzes.models import Attempt, Cohort, Paper
from tests.synthetic_bank import stock_bank

PASSWORD = "load-test-口令-2026"
BANK = "负载测试题库"
COHORT = "负载测试班"
PAPERS = {"per-candidate": "负载测试·每人一卷", "same": "负载测试·同一套题"}
# 100 questions, every type: the exam page and the submit's grading carry a realistic mix.
RULES = [("single", 40), ("multiple", 20), ("truefalse", 20), ("fill", 10), ("short", 10)]


def username(i: int) -> str:
    return f"load-{i:04d}"


@transaction.atomic
def setup(*, trainees: int, questions: int, chapters: int) -> dict[str, int]:
    User = get_user_model()
    # One password for every account, hashed once: the same encoded hash (salt included) is valid
    # for each of them, so setup costs one PBKDF2 run instead of one per account, while every
    # login still pays the full hash on the server.
    encoded = make_password(PASSWORD)
    names = [username(i) for i in range(1, trainees + 1)]
    have = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    User.objects.bulk_create(
        [User(username=n, password=encoded) for n in names if n not in have], batch_size=500
    )
    User.objects.filter(username__in=names).update(password=encoded)
    users = list(User.objects.filter(username__in=names))
    Group.objects.get(name=TRAINEE).user_set.add(*users)
    cohort, _ = Cohort.objects.get_or_create(name=COHORT)
    cohort.members.add(*users)

    trainer, _ = User.objects.get_or_create(username="load-trainer")
    Group.objects.get(name=TRAINER).user_set.add(trainer)
    bank, _ = Bank.objects.get_or_create(name=BANK)
    if not bank.questions.exists():
        stock_bank(bank=bank, questions=questions, chapters=chapters)
    return {
        mode: _paper(title, bank, trainer, cohort, same=mode == "same").pk for mode, title in PAPERS.items()
    }


def _paper(title: str, bank: Bank, trainer: object, cohort: Cohort, *, same: bool) -> Paper:
    paper = Paper.objects.filter(title=title, bank=bank).first()
    if paper is not None:
        return paper
    paper = Paper(
        title=title, bank=bank, time_limit_minutes=120, attempts_allowed=100, same_for_everyone=same
    )
    rules = [{"type": t, "count": n, "points": Decimal("1")} for t, n in RULES]
    services.paper_save(paper=paper, cohorts=[cohort], rules=rules, user=trainer)  # type: ignore[arg-type]
    return services.paper_publish(paper=paper)


def paper_for(mode: str) -> Paper:
    return Paper.objects.get(title=PAPERS[mode], bank__name=BANK)


def close_leftovers(*, paper: Paper) -> int:
    """Hand in running attempts of an earlier, interrupted run, so this run starts afresh."""
    running = Attempt.objects.filter(
        paper=paper, status=Attempt.Status.IN_PROGRESS, user__username__startswith="load-"
    )
    for attempt in running:
        services.attempt_submit(attempt=attempt)
    return len(running)
