"""Load scripts: N simulated trainees sitting a paper against a running server.

    python -m tests.load setup --trainees 500              # accounts, bank, two papers (once)
    python -m tests.load run --trainees 200 --paper same   # the exam, then the database checked
    python -m tests.load step --trainees 200               # saves/s raised until save p95 > 150 ms

Against `make serve` (gunicorn + db_worker, DEBUG off) on the same database: run these with the
server's DATABASE_URL (none: the project's db.sqlite3), and serve with DJANGO_SECURE_COOKIES=0
(plain http on localhost: a Secure session cookie would not come back). One generator process,
asyncio + httpx (the saves as bare HTTP/1.1 posts: httpx cost as much CPU as the server's work);
its own CPU use is printed, since on a small machine it shares the cores. When the server runs
on this machine, its CPU per request is printed too (the processes holding its listening
socket): wall times on shared cores say more about the neighbours than about the code.

`run`: everyone logs in first (not timed: a login is ~185 ms of server CPU by design; sessions
are kept in --sessions and reused by the next run), then within --ramp seconds each opens the
dashboard, starts the paper and opens the exam page, saves an answer every 5 s (as exam.js:
same URL, JSON body, X-CSRFToken) until the deadline — the paper's closes_at, set to the end of
the run, so every attempt has the same one — and hands in within --submit-window seconds of it
(10; 1 for everyone at once), following the redirect to the result page. Printed: requests/s
and p50/p95/p99 per endpoint (saves sent while others were still starting apart, as
save@ramp), errors, then the database: every acknowledged save stored (the last acknowledged
answer per question is the stored one), every attempt graded exactly once.
`step`: starts everyone's attempt, then raises the save rate stage by stage until save p95
passes --limit-ms and prints the knee (the highest rate achieved within it), then hands in and
checks as `run` does.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# The test settings only add a throwaway secret key: the database is the server's (its
# DATABASE_URL, or the project's db.sqlite3 with the same pragmas).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

from tests.load.server_cpu import server_seconds  # noqa: E402  (after sys.path)

ENDPOINTS = ["dashboard", "start", "exam", "save@ramp", "save", "submit", "result"]


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tests.load", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    setup = sub.add_parser("setup", help="trainee accounts, a bank and two papers")
    setup.add_argument("--trainees", type=int, default=500)
    setup.add_argument("--questions", type=int, default=20_000)
    setup.add_argument("--chapters", type=int, default=100)
    for name in ("run", "step"):
        p = sub.add_parser(name)
        p.add_argument("--url", default="http://127.0.0.1:8000")
        p.add_argument("--trainees", type=int, default=200)
        p.add_argument("--paper", choices=["per-candidate", "same"], default="per-candidate")
        p.add_argument("--sessions", type=Path, default=Path("/tmp/qbank-load-sessions.json"))
        p.add_argument("--login-concurrency", type=int, default=8)
        p.add_argument("--seed", type=int, default=1)
    run = sub.choices["run"]
    run.add_argument("--duration", type=float, default=120, help="seconds of saving after the ramp")
    run.add_argument("--ramp", type=float, default=15, help="seconds over which the trainees start")
    run.add_argument("--submit-window", type=float, default=10)
    step = sub.choices["step"]
    step.add_argument("--rates", default="25,50,100,150,200,250,300,350,400,500,600,800")
    step.add_argument("--stage-seconds", type=float, default=20)
    step.add_argument("--limit-ms", type=float, default=150)
    args = parser.parse_args()

    import django

    django.setup()
    if args.command == "setup":
        from .fixtures import setup as make

        papers = make(trainees=args.trainees, questions=args.questions, chapters=args.chapters)
        print(f"{args.trainees} trainees (load-0001…), papers {papers}")
        return
    asyncio.run(_run(args) if args.command == "run" else _step(args))


def _header(args: argparse.Namespace) -> None:
    from django.db import connection

    print(
        f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}  {args.command}: {args.trainees} trainees,"
        f" paper {args.paper}, server {args.url}, database {connection.vendor}"
    )
    print(f"  load average at start: {_loadavg()}  ({os.cpu_count()} cores)")


def _server_cpu(url: str) -> float | None:
    return server_seconds(httpx.URL(url).port or 80)


def _per_request(url: str, server_before: float | None, requests: int) -> str:
    """The server's CPU per request since `server_before` (ms), or "-" when it is not local."""
    now = _server_cpu(url)
    if server_before is None or now is None or not requests or now < server_before:
        return "-"  # not local, or a worker was recycled meanwhile (its CPU left the count)
    return f"{1000 * (now - server_before) / requests:.1f}ms"


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def _prepare(args: argparse.Namespace, *, closes_in: float) -> tuple[list, int]:
    from asgiref.sync import sync_to_async

    from .fixtures import PASSWORD, close_leftovers, paper_for, username
    from .scenarios import make_trainees, sign_in

    def paper_closing() -> int:
        from django.db import connection
        from django.utils import timezone

        paper = paper_for(args.paper)
        left = close_leftovers(paper=paper)
        if left:
            print(f"  handed in {left} attempts left running by an earlier run")
        paper.closes_at = timezone.now() + datetime.timedelta(seconds=closes_in)
        paper.save(update_fields=["closes_at"])
        connection.close()  # the generator holds nothing open on the server's database
        return paper.pk

    trainees = make_trainees(args.url, [username(i) for i in range(1, args.trainees + 1)], args.seed)
    started = time.monotonic()
    logins = await sign_in(trainees, PASSWORD, args.sessions, args.login_concurrency)
    count = len(logins.latencies.get("login", []))
    print(
        f"  signed in: {count} logins, {args.trainees - count} sessions reused,"
        f" {time.monotonic() - started:.0f} s"
    )
    if count:
        logins.print_table(["login"])
    paper_id = await sync_to_async(paper_closing)()
    return trainees, paper_id


def _report(recorder: object, trainees: list, cpu: float, wall: float) -> None:
    from .checks import check

    recorder.print_table(ENDPOINTS)  # type: ignore[attr-defined]
    opened = sum(t.connection.opened for t in trainees if t.connection)
    saves = sum(t.saves for t in trainees)
    print(f"  {saves} saves sent over {opened} connections (kept alive unless the server closes them)")
    print(f"  generator CPU {cpu:.1f} s over {wall:.1f} s ({100 * cpu / wall:.0f}% of a core)")
    print(f"  load average at end: {_loadavg()}")
    problems = check(trainees)
    for problem in problems[:20]:
        print(f"  PROBLEM {problem}")
    print(f"  database check: {'OK' if not problems else f'{len(problems)} problems'}")


async def _run(args: argparse.Namespace) -> None:
    from asgiref.sync import sync_to_async

    from .scenarios import sit_exam

    _header(args)
    prepared = time.time()
    trainees, paper_id = await _prepare(args, closes_in=10**6)
    # The deadline is counted from the end of the logins: the paper closes then for everyone.
    deadline = time.time() + args.ramp + args.duration
    await sync_to_async(_set_closes_at)(paper_id, deadline)
    print(
        f"  timed phase: ramp {args.ramp:.0f} s, {args.duration:.0f} s of saves every 5 s, submits within"
        f" {args.submit_window:.0f} s of the deadline (prepared in {time.time() - prepared:.0f} s)"
    )
    cpu, wall, server = time.process_time(), time.monotonic(), _server_cpu(args.url)
    recorder = await sit_exam(
        trainees, paper_id=paper_id, deadline=deadline, ramp=args.ramp, submit_window=args.submit_window
    )
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    requests = sum(len(v) for v in recorder.latencies.values())
    print(f"  server CPU per request, all endpoints: {_per_request(args.url, server, requests)}")
    await sync_to_async(_report)(recorder, trainees, cpu, wall)


def _set_closes_at(paper_id: int, at: float) -> None:
    from django.db import connection

    from quizzes.models import Paper

    Paper.objects.filter(pk=paper_id).update(closes_at=datetime.datetime.fromtimestamp(at, datetime.UTC))
    connection.close()


async def _step(args: argparse.Namespace) -> None:
    from asgiref.sync import sync_to_async

    from .scenarios import open_attempts, save_stage, submit_all

    _header(args)
    trainees, paper_id = await _prepare(args, closes_in=3600)
    opened = await open_attempts(trainees, paper_id, limit=16)
    print(f"  {len(trainees)} attempts started")
    opened.print_table(["start", "exam"])
    heads = ["target/s", "saves/s", "p50 ms", "p95 ms", "p99 ms", "errors", "srv CPU"]
    print("  " + " ".join(f"{h:>8}" for h in heads) + "  load")
    knee = 0.0
    cpu, wall = time.process_time(), time.monotonic()
    for rate in [float(r) for r in args.rates.split(",")]:
        server = _server_cpu(args.url)
        stage = await save_stage(trainees, rate=rate, seconds=args.stage_seconds)
        count, p50, p95, p99, _top = stage.summary("save")
        errors = sum(stage.errors.values())
        achieved = stage.rate("save")
        per_save = _per_request(args.url, server, count)
        print(
            f"  {rate:>8.0f} {achieved:>8.1f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {errors:>8} {per_save:>8}"
            f"  {_loadavg()}"
        )
        if p95 > args.limit_ms or errors:
            break
        knee = max(knee, achieved)
    print(f"  knee: {knee:.0f} saves/s with save p95 ≤ {args.limit_ms:.0f} ms")
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    submitted = await submit_all(trainees, window=10)
    await sync_to_async(_report)(submitted, trainees, cpu, wall)


if __name__ == "__main__":
    main()
