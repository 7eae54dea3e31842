"""What a trainee's requests cost the server — a script, not a test.

    python tests/bench_start.py [--questions 20000] [--runs 20] [--profile]
    DATABASE_URL=postgres://user@127.0.0.1:5432/qbank python tests/bench_start.py

Builds a throwaway database (as tests/bench_draw.py), stocks the load test's bank and its
per-candidate paper of 100 questions (tests/load/fixtures.py), then, through Django's test
client and the whole middleware stack, times for --runs trainees: the dashboard, POST start
(draw, attempt and its 100 frozen questions written), the exam page (100 questions rendered),
autosaves (JSON with the CSRF header, enforced, as exam.js sends them), the hand-in (grading),
the score page it redirects to and the result page with every question reviewed, pages asked
for gzipped as a browser asks. It prints p50/p95 wall time, this process's CPU p50 (SQLite runs
in it), PostgreSQL's own (its backend's CPU, from /proc, when the server runs on this machine)
and the statements each took;
--profile prints cProfile's top functions for one of each (BENCH_SORT=tottime to sort by own
time). The load test (`python -m tests.load run`) measures the same requests under a storm.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_draw import percentile, setup_database  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent


Figures = tuple[list[float], list[float], list[float], set[int]]


def backend_ms() -> float:
    """CPU so far of this connection's PostgreSQL backend process (the kernel's run time, ns
    precise: /proc/<pid>/schedstat); 0 on SQLite, which runs inside this process."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    global _backend_pid
    if _backend_pid is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            _backend_pid = cursor.fetchone()[0]
    try:
        return int(Path(f"/proc/{_backend_pid}/schedstat").read_text().split()[0]) / 1e6
    except OSError:  # a server on another machine
        return 0.0


_backend_pid: int | None = None


def timed(runs: int, fn: Callable[[int], Any]) -> Figures:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, backend, queries = [], [], [], set()
    for i in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start_backend = backend_ms()
            start, start_cpu = time.perf_counter(), time.process_time()
            fn(i)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            backend.append(backend_ms() - start_backend)
        queries.add(len(ctx.captured_queries))
    return times, cpu, backend, queries


def report(label: str, figures: Figures) -> None:
    times, cpu, backend, queries = figures
    own = f"   PostgreSQL CPU p50 {statistics.median(backend):4.1f} ms" if any(backend) else ""
    print(
        f"  {label:<22} p50 {statistics.median(times):6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms"
        f"   CPU p50 {statistics.median(cpu):5.1f} ms{own}   statements {sorted(queries)}"
    )


def profile(label: str, fn: Callable[[], Any]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(
        __import__("os").environ.get("BENCH_SORT", "cumulative")
    ).print_stats(35)
    print(f"---- profile: {label}\n{out.getvalue()}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--chapters", type=int, default=100)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    setup_database()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from quizzes.models import AttemptQuestion
    from tests.load.fixtures import setup
    from tests.load.trainee import Question, answer_for

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's host

    print(f"database: {connection.vendor}, load average {Path('/proc/loadavg').read_text().split()[:3]}")
    started = time.perf_counter()
    papers = setup(trainees=2 * args.runs + 6, questions=args.questions, chapters=args.chapters)
    print(f"stocked {args.questions} questions in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    paper = papers["per-candidate"]
    users = list(get_user_model().objects.filter(username__startswith="load-0").order_by("username"))
    clients = []
    for user in users:
        client = Client(headers={"Accept-Encoding": "gzip, deflate"})  # as browsers: pages gzipped
        client.force_login(user)
        clients.append(client)
    start_url = reverse("quizzes:start", args=[paper])
    exams: dict[int, str] = {}

    def dashboard(i: int) -> None:
        response = clients[i].get(reverse("quizzes:dashboard"))
        assert response.status_code == 200, response.status_code

    def start(i: int) -> None:
        response = clients[i].post(start_url)
        assert response.status_code == 302, response.status_code
        exams[i] = response["Location"]

    def exam(i: int) -> None:
        response = clients[i].get(exams[i])
        assert response.status_code == 200, response.status_code

    rng = random.Random(7)
    browser = Client(enforce_csrf_checks=True)  # as a browser: the CSRF check enforced

    def answer(i: int, positions: range = range(1, 13)) -> None:
        """Saved answers of the right shape, as the load test's trainees send them; a dozen per
        attempt before it is handed in."""
        for post in saves_for(i, positions):
            post()

    def saves_for(i: int, positions: range) -> list[Callable[[], None]]:
        """Autosaves ready to send as exam.js sends them: JSON, the CSRF header, enforced."""
        attempt = int(exams[i].rstrip("/").split("/")[-1])
        rows = AttemptQuestion.objects.filter(attempt_id=attempt, position__in=positions)
        cookies = clients[i].cookies
        url, token = reverse("quizzes:save", args=[attempt]), clients[i].cookies["csrftoken"].value
        posts: list[Callable[[], None]] = []
        for position, qtype, options in rows.values_list("position", "type", "options"):
            body = {
                "position": position,
                "response": answer_for(Question(position, qtype, len(options or []), 1), rng),
            }

            def post(body: dict[str, object] = body) -> None:
                browser.cookies = cookies  # this trainee's session and CSRF cookie
                response = browser.post(
                    url,
                    json.dumps({**body, "flagged": False}),
                    "application/json",
                    headers={"X-CSRFToken": token},
                )
                assert response.status_code == 200, (response.status_code, response.content[:200])

            posts.append(post)
        return posts

    results: dict[int, str] = {}

    def submit(i: int) -> None:
        response = clients[i].post(exams[i].rstrip("/") + "/submit/")
        assert response.status_code == 302, response.status_code
        results[i] = response["Location"]

    def summary(i: int) -> None:
        response = clients[i].get(results[i])
        assert response.status_code == 200, response.status_code

    def result(i: int) -> None:
        response = clients[i].get(results[i].replace("/summary/", "/result/"))
        assert response.status_code == 200, response.status_code

    last = len(users) - 1
    dashboard(last)  # warm: compiled querysets, templates, translations
    start(last)
    exam(last)
    submit(last)
    summary(last)
    result(last)
    report("dashboard (GET)", timed(args.runs, dashboard))
    report("start (POST)", timed(args.runs, start))
    report("exam page (GET)", timed(args.runs, exam))
    start(args.runs)  # one more attempt, for the profile below
    exam(args.runs)
    for i in range(args.runs + 1):
        answer(i)
    pending = [post for i in range(args.runs) for post in saves_for(i, range(13, 18))]
    report("autosave (POST)", timed(len(pending) - 1, lambda n: pending[n]()))
    report("submit (POST)", timed(args.runs, submit))
    report("score page (GET)", timed(args.runs, summary))
    report("result page (GET)", timed(args.runs, result))
    if args.profile:
        profile("start", lambda: start(args.runs + 1))
        profile("exam page", lambda: exam(args.runs + 1))
        profile("autosave", saves_for(args.runs + 1, range(1, 2))[0])
        profile("submit", lambda: submit(args.runs))
        profile("score page", lambda: summary(args.runs))
        profile("result page", lambda: result(args.runs))
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
