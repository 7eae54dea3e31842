"""What showing questions in the reader's script costs — a script, not a test.

    python tests/bench_script.py [--questions 100] [--repeat 15] [--db /tmp/bench_script.sqlite3]

Builds a throwaway SQLite database with a bank of Traditional-character questions (single and
multiple choice with four options, some with material, all with explanations), a paper that
draws --questions of them, and one trainee's running attempt; then requests the exam page and,
after handing in, the result page, as a Simplified-Chinese reader (converted by OpenCC) and as an
English reader (stored text, no conversion), and prints the milliseconds of each (best, median)
and their difference. It also prints the one-off cost of building the converter and the pure
conversion time of every text on the page.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere

STEM = "第{n}題：客戶來電投訴產品質量問題時，客服人員應當首先採取哪一種處理方式？請選擇最恰當的選項。"
OPTIONS = [
    "耐心傾聽並記錄客戶的問題",
    "立即轉接給維修部門處理",
    "解釋產品說明書上的條款",
    "建議客戶到門店當面諮詢",
]
MATERIAL = "案例：某銀行櫃檯的顧客因為排隊時間過長而情緒激動，要求見經理並索賠。"
EXPLANATION = "處理投訴的第一步是傾聽，讓顧客感受到被尊重，然後再根據問題類型決定後續處理。"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "bench_script.sqlite3"))
    args = parser.parse_args()
    Path(args.db).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    trainee, attempt = build(questions=args.questions)
    converter_cost()
    conversion_cost(attempt)
    measure(trainee, attempt, repeat=args.repeat)


def build(*, questions: int) -> tuple[Any, Any]:
    from config.demo import ensure_groups, ensure_user
    from qbank import roles
    from qbank import services as qbank_services
    from qbank.models import Bank, Question
    from quizzes import services
    from quizzes.models import Paper

    groups = ensure_groups()
    ensure_user(username="bench-trainee", password="x-bench-1", group=groups[roles.TRAINEE], staff=False)
    ensure_user(username="bench-trainer", password="x-bench-1", group=groups[roles.TRAINER], staff=True)
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    trainee, trainer = users.get(username="bench-trainee"), users.get(username="bench-trainer")
    bank = Bank.objects.create(name="繁體題庫")
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 投訴處理")
    for n in range(questions):
        qbank_services.question_create(
            bank=bank, chapter=chapter, status=Question.Status.ACTIVE, type="single",
            stem=STEM.format(n=n + 1), options=OPTIONS, answer="A", explanation=EXPLANATION,
            material=MATERIAL if n % 5 == 0 else "",
        )  # fmt: skip
    paper = Paper.objects.create(title="繁體試卷", bank=bank, created_by=trainer, time_limit_minutes=600)
    services.rules_replace(
        paper=paper, rules=[{"type": "single", "count": questions, "points": Decimal("1"), "chapters": []}]
    )
    services.paper_publish(paper=paper)
    attempt = services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    return trainee, attempt


def converter_cost() -> None:
    import opencc

    started = time.perf_counter()
    fresh = opencc.OpenCC("t2s")
    built = time.perf_counter()
    fresh.convert("顧客")
    first = time.perf_counter()
    print(
        f"a fresh OpenCC t2s converter (once per process): built in {1000 * (built - started):.1f} ms, "
        f"first conversion {1000 * (first - built):.1f} ms"
    )


def conversion_cost(attempt: Any) -> None:
    from qbank.script import converter

    convert = converter("zh-hans")
    texts = [t for aq in attempt.questions.all() for t in (aq.stem, aq.material, aq.explanation, *aq.options)]
    convert("預熱")
    runs = []
    for _ in range(10):
        started = time.perf_counter()
        for text in texts:
            convert(text)
        runs.append(time.perf_counter() - started)
    chars = sum(len(t) for t in texts)
    print(
        f"converting the page's {len(texts)} texts ({chars:,} characters): "
        f"best {1000 * min(runs):.2f} ms, median {1000 * statistics.median(runs):.2f} ms"
    )


def timed(readers: dict[str, Any], url: str, repeat: int) -> dict[str, list[float]]:
    """Each reader's request times, taken in turn (the machine's load hits both alike)."""
    runs: dict[str, list[float]] = {reader: [] for reader in readers}
    for client in readers.values():
        client.get(url)  # warm: templates compiled, session read
    for _ in range(repeat):
        for reader, client in readers.items():
            started = time.perf_counter()
            response = client.get(url)
            runs[reader].append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
    return runs


def measure(trainee: Any, attempt: Any, *, repeat: int) -> None:
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from quizzes import services

    def clients() -> dict[str, Any]:
        simplified, english = Client(), Client()
        simplified.force_login(trainee)
        english.force_login(trainee)
        english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return {"zh-hans (converted)": simplified, "en (as stored)": english}

    pages = [("exam page", reverse("quizzes:exam", args=[attempt.pk]))]
    readers = clients()
    for name, url in pages:
        report(name, url, readers, repeat)
    services.attempt_submit(attempt=attempt)
    report("result page", reverse("quizzes:result", args=[attempt.pk]), readers, repeat)


def report(name: str, url: str, readers: dict[str, Any], repeat: int) -> None:
    runs = timed(readers, url, repeat)
    for reader, times in runs.items():
        best, median = 1000 * min(times), 1000 * statistics.median(times)
        print(f"{name}, {reader}: best {best:.1f} ms, median {median:.1f} ms")
    converted, stored = runs.values()
    print(
        f"{name}: conversion adds {1000 * (min(converted) - min(stored)):.1f} ms best to best, "
        f"{1000 * (statistics.median(converted) - statistics.median(stored)):.1f} ms median to median"
    )


if __name__ == "__main__":
    main()
