"""Import storing benchmark — a script, not a test (pytest only collects test_*.py).

    python tests/bench_store.py [--questions 20000]
    DATABASE_URL=postgres://user@127.0.0.1:5432/qbank python tests/bench_store.py

Stores --questions generated parsed questions (all five types, options, tags, 40 chapters)
through importers.services.store_questions into a throwaway database, then the same questions
again as another file (all duplicates). Prints questions/s and SQL statements per question for
each: parsing is left out (tests/bench_import.py measures it). Target: ≥ 3,000 questions/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.bench_draw import setup_database  # noqa: E402


def parsed(n: int) -> list:
    from importers.pipeline import ParsedQuestion

    kinds = [
        ("single", ["甲", "乙", "丙", "丁"], "B"),
        ("multiple", ["甲", "乙", "丙", "丁"], "AC"),
        ("truefalse", [], True),
        ("fill", [], ["满意"]),
        ("short", [], "倾听 道歉 跟进"),
    ]
    out = []
    for i in range(n):
        qtype, options, answer = kinds[i % len(kinds)]
        out.append(
            ParsedQuestion(
                type=qtype,
                stem=f"第{i}题:客户服务中,下列说法正确的是哪一项?",
                options=[f"{o}{i}" for o in options],
                answer=answer,
                chapter=f"第{i % 40 + 1}章 客户服务",
                tags=["客服"] if i % 3 == 0 else [],
                lineno=i + 1,
            )
        )
    return out


def store(bank, questions, filename: str) -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from importers.services import ImportReport, store_questions
    from qbank.services import chapter_get_or_create, source_create

    report = ImportReport(filename=filename)
    chapters: dict = {}

    def chapter_for(q):  # as importers.services._store does: each chapter looked up once
        if q.chapter not in chapters:
            chapters[q.chapter] = chapter_get_or_create(bank=bank, title=q.chapter)
        return chapters[q.chapter]

    start = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx, transaction.atomic():
        source = source_create(filename=filename, data=filename.encode(), bank=bank)
        store_questions(
            bank=bank,
            source=source,
            questions=questions,
            chapter_for=chapter_for,
            seen={},
            seen_note=lambda q: "twice",
            report=report,
            saved_files=[],
        )
    took = time.perf_counter() - start
    n = len(questions)
    print(
        f"  {filename:<14} created {report.created:>6}  duplicates {report.duplicates:>6}  "
        f"{n / took:8.0f} questions/s  {len(ctx.captured_queries) / n:5.2f} statements/question"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=20_000)
    args = parser.parse_args()
    setup_database()
    from django.db import connection

    from qbank.models import Bank

    print(f"database: {connection.vendor}; storing {args.questions} parsed questions")
    bank = Bank.objects.create(name="基准题库")
    questions = parsed(args.questions)
    store(bank, questions, "first.txt")
    store(bank, questions, "again.txt")
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
