"""Statistics pages benchmark — a script, not a test (pytest only collects test_*.py).

    python tests/bench_stats.py [--attempts 10000] [--questions 20] [--db /tmp/bench_stats.sqlite3]

Builds a throwaway SQLite database (or uses DATABASE_URL when set: point it at a scratch
PostgreSQL database, never a real one) with one paper sat --attempts times by trainees in ten
classes — single choice with shuffled options, multiple choice, true/false, answers drawn from
each trainee's ability so the statistics are not flat — then requests every statistics page as
its trainer and prints the milliseconds and SQL queries of each. The query counts should equal
those of the same pages over one attempt (tests/quizzes/test_stats_pages.py checks that).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "bench_stats.sqlite3"))
    parser.add_argument("--repeat", type=int, default=3, help="requests per page; the best is printed")
    parser.add_argument("--skip-results", action="store_true", help="leave out the (slow) results export")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        Path(args.db).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host and template context capture
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    trainer, paper, bank = build(attempts=args.attempts, questions=args.questions)
    took = time.perf_counter() - started
    print(f"built {args.attempts} attempts × {args.questions} questions in {took:.1f} s")
    measure(trainer, paper, bank, repeat=args.repeat, results=not args.skip_results)


def build(*, attempts: int, questions: int) -> tuple[Any, Any, Any]:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from config.demo import ensure_groups
    from qbank import roles
    from qbank.models import Bank, Chapter, Question
    from qbank.services import question_create
    from quizzes import grading
    from quizzes.models import Attempt, AttemptQuestion, Cohort, Paper

    rng = random.Random(10)
    groups = ensure_groups()
    User = get_user_model()
    trainer = User.objects.create_user("bench-trainer", password=None, is_staff=True)
    trainer.groups.add(groups[roles.TRAINER])
    bank = Bank.objects.create(name="bench")
    chapters = [Chapter.objects.create(bank=bank, title=f"第{i + 1}章", order=i) for i in range(5)]
    kinds = ["single"] * (questions * 6 // 10) + ["multiple"] * (questions * 2 // 10)
    kinds += ["truefalse"] * (questions - len(kinds))
    bank_questions = []
    for i, kind in enumerate(kinds):
        answer: object = {"single": "A", "multiple": "AC", "truefalse": True}[kind]
        texts = [f"题{i}的选项{c}" for c in "ABCD"] if kind != "truefalse" else []
        q = question_create(
            bank=bank,
            status=Question.Status.ACTIVE,
            chapter=chapters[i % 5],
            type=kind,
            stem=f"基准测试第{i}题:{'单多判'[['single', 'multiple', 'truefalse'].index(kind)]}",
            options=texts,
            answer=answer,
        )
        bank_questions.append((q, texts, rng.uniform(-1.5, 1.5)))  # difficulty
    paper = Paper.objects.create(title="bench", bank=bank, created_by=trainer, status="published")
    trainees = User.objects.bulk_create(User(username=f"t{n:05d}") for n in range(max(1, attempts // 2)))
    cohorts = [Cohort.objects.create(name=f"{n + 1}班") for n in range(10)]
    Membership = Cohort.members.through
    Membership.objects.bulk_create(
        Membership(cohort_id=cohorts[n % 10].pk, user_id=u.pk) for n, u in enumerate(trainees)
    )
    ability = {u.pk: rng.gauss(0, 1) for u in trainees}
    now = timezone.now()
    policy = grading.Policy()
    with transaction.atomic():
        for start in range(0, attempts, 1000):
            batch = []
            for n in range(start, min(attempts, start + 1000)):
                user = trainees[n % len(trainees)]
                began = now - timedelta(days=1, minutes=n)
                batch.append(
                    Attempt(
                        paper=paper,
                        user=user,
                        number=n // len(trainees) + 1,
                        status="submitted",
                        started_at=began,
                        deadline=began + timedelta(minutes=30),
                        submitted_at=began + timedelta(seconds=rng.randint(300, 1800)),
                        max_score=Decimal(len(kinds)),
                    )
                )
            made = Attempt.objects.bulk_create(batch)
            rows = []
            for attempt in made:
                total = Decimal(0)
                for position, (q, texts, difficulty) in enumerate(bank_questions, 1):
                    row = answered(q, texts, difficulty, ability[attempt.user_id], rng, policy)
                    row.attempt, row.position = attempt, position
                    total += row.score or 0
                    rows.append(row)
                attempt.score = total
                attempt.passed = total * 100 >= attempt.max_score * 60
            AttemptQuestion.objects.bulk_create(rows, batch_size=2000)
            Attempt.objects.bulk_update(made, ["score", "passed"])
    return trainer, paper, bank


def answered(
    question: Any, texts: list[str], difficulty: float, ability: float, rng: random.Random, policy: Any
) -> Any:
    """A frozen question with a response: right with a logistic chance, else a random distractor."""
    import questiontypes
    from quizzes import grading
    from quizzes.models import AttemptQuestion

    right = rng.random() < 1 / (1 + math.exp(difficulty - ability))
    kind = question.type
    order: list[int] = []
    if kind == "truefalse":
        options, key = [], True
        response: object = right
    else:
        order = list(range(4))
        rng.shuffle(order)  # as the paper's option shuffle does
        options = [texts[i] for i in order]
        shown = {original: pos for pos, original in enumerate(order)}
        originals = "A" if kind == "single" else "AC"
        key = "".join(sorted("ABCD"[shown["ABCD".index(c)]] for c in originals))
        if right:
            response = key
        elif kind == "single":
            response = rng.choice([c for c in "ABCD" if c != key])
        else:
            response = "".join(sorted(rng.sample("ABCD", rng.randint(1, 3))))
    result = grading.grade(kind, key, response, policy)
    points = Decimal(1)
    qtype = questiontypes.get(kind)
    return AttemptQuestion(
        question=question,
        type=kind,
        stem=question.stem,
        options=options,
        option_order=order,
        key=key,
        key_letters=qtype.bank_letters(key, order),  # as attempt_submit writes them
        chosen_letters=qtype.bank_letters(response, order),
        response=response,
        points=points,
        state=result.state,
        score=grading.points_for(result, points),
    )


def measure(trainer: Any, paper: Any, bank: Any, *, repeat: int, results: bool = True) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from quizzes.models import Cohort

    client = Client()
    client.force_login(trainer)
    cohort = Cohort.objects.order_by("name").first()
    pk = paper.pk
    pages = [
        ("paper statistics", reverse("quizzes:paper_stats", args=[pk]), {}),
        ("paper statistics, one class", reverse("quizzes:paper_stats", args=[pk]), {"cohort": cohort.pk}),
        ("paper statistics .xlsx", reverse("quizzes:paper_stats_xlsx", args=[pk]), {}),
        ("mastery heat map", reverse("quizzes:mastery"), {"bank": bank.pk}),
        ("mastery .xlsx", reverse("quizzes:mastery_xlsx"), {"bank": bank.pk}),
        # Not statistics pages, but they carry item statistics. The page shows 50 attempts; the
        # workbook lists every attempt and answer, so its time grows with them, its queries not.
        ("results page, first 50", reverse("quizzes:paper_results", args=[pk]), {}),
        # A page number past the end shows the last page.
        ("results page, last page", reverse("quizzes:paper_results", args=[pk]), {"page": "999999"}),
        ("results .xlsx (every answer)", reverse("quizzes:paper_results_xlsx", args=[pk]), {}),
    ]
    # CPU time beside wall time: on a shared machine the wall clock also counts other jobs, while
    # the database (SQLite, in this process) and Django both run on this process's CPU time.
    print(f"{'page':<30} {'best ms':>8} {'cpu ms':>8} {'queries':>8}")
    for name, url, params in pages if results else pages[:-1]:
        best, cpu, queries = float("inf"), float("inf"), 0
        for _ in range(1 if name.endswith("(every answer)") else repeat):  # slow by nature: once
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url, params)
                elapsed = (time.perf_counter() - start) * 1000
                used = (time.process_time() - start_cpu) * 1000
            assert response.status_code == 200, (name, response.status_code)
            best, cpu, queries = min(best, elapsed), min(cpu, used), len(captured)
        print(f"{name:<30} {best:>8.0f} {cpu:>8.0f} {queries:>8}")


if __name__ == "__main__":
    main()
