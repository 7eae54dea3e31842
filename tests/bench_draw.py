"""Per-candidate draw benchmark — a script, not a test (pytest only collects test_*.py).

    python tests/bench_draw.py [--questions 100000] [--chapters 200] [--runs 40]
    DATABASE_URL=postgres://user@127.0.0.1:5432/qbank python tests/bench_draw.py

Builds a throwaway database (SQLite in a temp folder, or test_<name> on PostgreSQL), stocks a
bank of --questions questions over --chapters chapters (bulk inserts, tests/synthetic_bank.py),
and times two papers of 100 questions (5 rules × 20, one per type): one over every chapter
(pools of ~20,000) and one over half of them. For each it prints p50/p95/max of drawing 100
questions (quizzes.services.paper_draw) and of a whole start (attempt_start: checks, draw,
attempt and its frozen questions written), with the queries each took. Targets: draw p95 < 50 ms,
start p95 < 150 ms, query count independent of bank size. Wall times include waiting for
the cores (a shared machine); the CPU column is this process's own time (SQLite runs in it).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from quizzes.models import Paper

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"


def setup_database() -> None:
    import django
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "sqlite" in db["ENGINE"]:  # django.db.backends.sqlite3 or config.sqlite
        # A file with the project's pragmas (WAL, IMMEDIATE), not the in-memory test database.
        db["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="bench-draw-")) / "bench.sqlite3")}
    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(label: str, runs: int, fn: Callable[[int], object]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, queries = [], [], set()
    fn(-1)  # warm: the first call compiles querysets and fills Django's caches
    for i in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            fn(i)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        queries.add(len(ctx.captured_queries))
    print(
        f"  {label:<34} p50 {statistics.median(times):6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms"
        f"   max {max(times):6.1f} ms   (CPU p50 {statistics.median(cpu):5.1f} ms)"
        f"   queries {sorted(queries)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    setup_database()

    from django.contrib.auth import get_user_model
    from django.db import connection

    from qbank.models import Bank
    from quizzes import services
    from quizzes.draw import paper_draw_rows
    from quizzes.models import Paper
    from tests.synthetic_bank import TYPES, stock_bank

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    started = time.perf_counter()
    bank = Bank.objects.create(name="基准题库")
    chapters = stock_bank(bank=bank, questions=args.questions, chapters=args.chapters)
    print(
        f"stocked {args.questions} questions / {args.chapters} chapters"
        f" in {time.perf_counter() - started:.1f} s"
    )
    with connection.cursor() as cursor:
        # As a bank that has existed a while: statistics gathered for every table (options too:
        # without them PostgreSQL scanned all options for the 100 drawn), the visibility map set.
        # Figures in the README before 2026-12-01 were taken without this.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    owner = get_user_model().objects.create(username="bench-trainer")
    trainees = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-{i}") for i in range(2 * (args.runs + 1))
    )
    for label, rule_chapters in [("every chapter", []), ("half the chapters", chapters[::2])]:
        paper = Paper.objects.create(title=label, bank=bank, created_by=owner, time_limit_minutes=60)
        rules = [{"type": t, "count": 20, "points": Decimal("1"), "chapters": rule_chapters} for t in TYPES]
        services.rules_replace(paper=paper, rules=rules)
        services.paper_publish(paper=paper)
        print(f"paper over {label} (100 questions, 5 rules × 20):")
        rng, users = random.Random(1), iter(trainees)

        def draw(_i: int, p: Paper = paper, r: random.Random = rng) -> object:
            return services.paper_draw(paper=p, rng=r)

        def draw_rows(_i: int, p: Paper = paper, r: random.Random = rng) -> object:
            return paper_draw_rows(paper=p, rng=r)  # what a start draws: plain rows, no instances

        def start(_i: int, p: Paper = paper, u: Iterator[User] = users) -> object:
            return services.attempt_start(paper=p, user=next(u))

        measure("draw 100 for a start (rows)", args.runs, draw_rows)
        measure("draw 100 as Questions (preview)", args.runs, draw)
        measure("whole start (attempt_start)", args.runs, start)
        trainees = trainees[args.runs + 1 :]
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
