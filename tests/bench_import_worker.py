"""Bulk import through the background worker — a script, not a test (pytest only collects test_*.py).

    python tests/bench_import_worker.py [--questions 20000]
    DATABASE_URL=postgres://user@127.0.0.1:5432/qbank python tests/bench_import_worker.py
    .ci/with-postgres python tests/bench_import_worker.py

Generates one .txt paper of --questions questions (five types, 20 chapters, type headings,
answers in brackets or on 答案 lines), submits it as the upload page does
(importers.staging.batch_create + batch_enqueue) into a throwaway database (a SQLite file in a
temp folder, or test_<name> on the DATABASE_URL server), and runs `manage.py db_worker
--no-reload --interval 1` as a subprocess, as `make serve` does. Every ~0.5 s it samples the
figure the progress page shows (importers.selectors.batch_progress) and the worker's RSS
(/proc/<pid>/status VmRSS). Once parsed, the batch is published (importers.staging.batch_publish,
as the review page's button does) and timed. Prints: total time, questions/s for parse (the
worker's task: parse and stage) and for store (publish into the bank), the progress samples,
and the worker's peak RSS. Targets: progress that moves while the file is staged, RSS < 300 MB,
store ≥ 3,000 questions/s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"

MB = 1024 * 1024
# The worker's settings: the test settings pointed at the parent's throwaway database.
WORKER_SETTINGS = """\
import os
from config.settings_test import *  # noqa: F403
DATABASES["default"]["NAME"] = os.environ["BENCH_DB_NAME"]  # noqa: F405
"""
SECTIONS = [
    ("一、单项选择题", "single"),
    ("二、多项选择题", "multiple"),
    ("三、判断题", "truefalse"),
    ("四、填空题", "fill"),
    ("五、简答题", "short"),
]


def question_lines(kind: str, number: int, i: int) -> list[str]:
    if kind == "single":
        return [
            f"{number}. 第{i}题：客户投诉处理时首先应当做的是哪一项（ B ）",
            f"A. 立即道歉{i}",
            f"B. 耐心倾听{i}",
            f"C. 详细记录{i}",
            f"D. 事后跟进{i}",
        ]
    if kind == "multiple":
        return [
            f"{number}. 第{i}题：下列属于客户维系手段的有（ ACD ）",
            f"A. 定期回访{i}",
            f"B. 降低价格{i}",
            f"C. 会员关怀{i}",
            f"D. 投诉闭环{i}",
        ]
    if kind == "truefalse":
        return [f"{number}. 第{i}题：首问责任制要求第一位接待客户的员工负责到底。（ √ ）"]
    if kind == "fill":
        return [f"{number}. 第{i}题：客户满意度的英文缩写是______。", "答案：CSI"]
    return [f"{number}. 第{i}题：简述处理客户投诉的基本步骤。", "答案：倾听、道歉、记录、解决、跟进。"]


def paper(questions: int, chapters: int = 20) -> bytes:
    """A text paper: chapters, each with the five type sections, numbered questions."""
    lines: list[str] = []
    per_chapter = -(-questions // chapters)
    i = 0
    for chapter in range(1, chapters + 1):
        lines.append(f"第{chapter}章 客户服务管理专题{chapter}")
        for s, (title, kind) in enumerate(SECTIONS):
            lines.append(title)
            for number in range(1, per_chapter // 5 + (s < per_chapter % 5) + 1):
                if i >= questions:
                    break
                i += 1
                lines += question_lines(kind, number, i)
        lines.append("")
    return ("\n".join(lines) + "\n").encode()


def setup_database(tmp: Path) -> str:
    """Create the throwaway database; return its NAME for the worker."""
    import django
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "sqlite" in db["ENGINE"]:  # django.db.backends.sqlite3 or config.sqlite
        # A file with the project's pragmas (WAL, IMMEDIATE), shared with the worker process.
        db["TEST"] = {"NAME": str(tmp / "bench.sqlite3")}
    django.setup()
    from django.db import connection

    return str(connection.creation.create_test_db(verbosity=0, autoclobber=True))


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def start_worker(tmp: Path, db_name: str) -> subprocess.Popen[bytes]:
    (tmp / "bench_worker_settings.py").write_text(WORKER_SETTINGS)
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench_worker_settings",
        PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT)]),
        BENCH_DB_NAME=db_name,
    )
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "1"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(tmp / "worker.log").open("wb")
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-import-worker-"))
    os.environ["DJANGO_MEDIA_ROOT"] = str(tmp / "media")  # read by config.settings; the worker inherits it
    db_name = setup_database(tmp)
    from django.db import connection

    from importers.models import ImportFile
    from importers.selectors import batch_progress
    from importers.staging import batch_create, batch_enqueue, batch_publish
    from qbank.models import Bank, Question

    data = paper(args.questions)
    load = os.getloadavg()
    print(
        f"database: {connection.vendor}; {os.cpu_count()} cores; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print(f"paper: {args.questions} questions, {len(data) / MB:.2f} MB of text")

    bank = Bank.objects.create(name="基准题库")
    worker = start_worker(tmp, db_name)
    samples: list[tuple[float, float, str]] = []
    try:
        start = time.perf_counter()
        batch = batch_create(bank=bank, user=None, files=[("bench-20k.txt", data)], refused=[])
        batch_enqueue(batch=batch)
        peak = 0.0
        while True:
            progress = batch_progress(batch=batch)
            rss = rss_mb(worker.pid)
            peak = max(peak, rss)
            row = progress.files[0]
            figure = f"{progress.percent:3d}%  {row['status']:<8} found {row['found']:>6}"
            samples.append((time.perf_counter() - start, rss, figure))
            if progress.finished or worker.poll() is not None:
                break
            time.sleep(args.interval)
        import_file = ImportFile.objects.get(batch=batch)
        parse_seconds = (import_file.finished - import_file.started).total_seconds()
        start_store = time.perf_counter()
        reports = batch_publish(batch_id=batch.pk, user=None)
        store_seconds = time.perf_counter() - start_store
        total = time.perf_counter() - start
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    print("\nprogress (seconds since upload, worker RSS, what the progress page shows):")
    for at, rss, figure in samples:
        print(f"  {at:6.1f} s  {rss:6.1f} MB  {figure}")
    created = Question.objects.filter(bank=bank).count()
    print(f"\nfile status: {import_file.status} {import_file.error[:200]}")
    print(f"staged:      {import_file.found} questions ({import_file.duplicates} flagged duplicate)")
    print(
        f"parse:       {parse_seconds:6.1f} s  {import_file.found / parse_seconds:8.0f} questions/s"
        "  (the worker's task: parse + stage)"
    )
    print(
        f"store:       {store_seconds:6.1f} s  {created / store_seconds:8.0f} questions/s"
        f"  (publish: {created} into the bank)"
    )
    print(f"total:       {total:6.1f} s  (upload to published)")
    print(f"worker RSS:  peak {peak:.1f} MB (sampled every {args.interval} s)")
    if reports is None or not reports[0].ok:
        print(f"publish did not store the file: {reports}")
    connection.creation.destroy_test_db(db_name, verbosity=0)


if __name__ == "__main__":
    main()
