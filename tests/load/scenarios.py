"""The timed scenarios: an exam sat by N trainees, and the save-rate staircase."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from .metrics import Recorder
from .trainee import Refused, Trainee

SAVE_EVERY = 5.0  # seconds between one trainee's saves, as someone answering steadily


def make_trainees(base: str, names: list[str], seed: int) -> list[Trainee]:
    # One transport (connection pool) for everyone, one cookie jar each: httpx clients are
    # cheap that way, and the generator stays one light process.
    transport = httpx.AsyncHTTPTransport(
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=50)
    )
    return [
        Trainee(
            name, httpx.AsyncClient(base_url=base, transport=transport, timeout=60), random.Random(seed + i)
        )
        for i, name in enumerate(names)
    ]


async def gather_limited(
    job: Callable[[Trainee], Awaitable[None]], trainees: list[Trainee], limit: int
) -> list[Refused]:
    """`job` for every trainee, at most `limit` at a time; the refusals (a trainee stops there)."""
    gate = asyncio.Semaphore(limit)

    async def one(trainee: Trainee) -> Refused | None:
        async with gate:
            try:
                await job(trainee)
            except Refused as refused:
                return refused
        return None

    return [f for f in await asyncio.gather(*(one(t) for t in trainees)) if f]


async def sign_in(trainees: list[Trainee], password: str, sessions: Path, limit: int) -> Recorder:
    """Log everyone in before the timed phase (a login is ~185 ms of server CPU by design);
    sessions kept from an earlier run are reused when the server still accepts them."""
    recorder = Recorder()
    kept = json.loads(sessions.read_text()) if sessions.exists() else {}
    base = str(trainees[0].http.base_url)

    async def one(trainee: Trainee) -> None:
        cookies = kept.get(base, {}).get(trainee.username)
        if isinstance(cookies, list):
            for name, value, domain, path in cookies:
                trainee.http.cookies.set(name, value, domain=domain, path=path)
            if await trainee.signed_in(recorder):
                return
            trainee.http.cookies.clear()
        await trainee.login(recorder, password)

    failures = await gather_limited(one, trainees, limit)
    kept[base] = {
        t.username: [(c.name, c.value, c.domain, c.path) for c in t.http.cookies.jar]
        for t in trainees
        if "sessionid" in t.http.cookies
    }
    sessions.write_text(json.dumps(kept))
    if failures:
        raise SystemExit(f"{len(failures)} trainees could not log in, e.g. {failures[0]}")
    return recorder


async def sit_exam(
    trainees: list[Trainee], *, paper_id: int, deadline: float, ramp: float, submit_window: float
) -> Recorder:
    """Each trainee starts within `ramp` seconds, saves an answer every 5 s until the deadline
    (wall clock, time.time(): the server's closes_at), then submits within `submit_window`.
    A trainee whose start or saves were slow sends the saves it fell behind on back to back, as
    exam.js sends the answers queued while a save hung."""
    recorder = Recorder()
    starting = len(trainees)  # saves sent while others still start count apart ("save@ramp")

    async def one(trainee: Trainee) -> None:
        nonlocal starting
        await asyncio.sleep(trainee.rng.uniform(0, ramp))
        try:
            await trainee.start(recorder, paper_id)
        finally:
            starting -= 1
        next_save = time.time() + trainee.rng.uniform(0, SAVE_EVERY)
        while next_save < deadline:
            await asyncio.sleep(max(0.0, next_save - time.time()))
            await trainee.save_next(recorder, "save@ramp" if starting else "save")
            next_save += SAVE_EVERY
        # exam.js: at 0 the page flushes what is pending and posts the form; browsers differ by
        # their clocks and networks, so the submits spread over the window.
        await asyncio.sleep(max(0.0, deadline - time.time()) + trainee.rng.uniform(0, submit_window))
        await trainee.submit(recorder)

    failures = await gather_limited(one, trainees, len(trainees))
    for failure in failures[:5]:
        print(f"  trainee stopped: {failure}")
    return recorder


async def open_attempts(trainees: list[Trainee], paper_id: int, limit: int) -> Recorder:
    recorder = Recorder()

    async def one(trainee: Trainee) -> None:
        await trainee.start(recorder, paper_id)

    failures = await gather_limited(one, trainees, limit)
    if failures:
        raise SystemExit(f"{len(failures)} trainees could not start, e.g. {failures[0]}")
    return recorder


async def save_stage(trainees: list[Trainee], *, rate: float, seconds: float) -> Recorder:
    """Saves at `rate` per second in all, each trainee every len(trainees)/rate seconds (one
    request at a time, as exam.js sends them): the achieved rate falls short once the server lags."""
    recorder = Recorder()
    period = len(trainees) / rate
    end = time.monotonic() + seconds

    async def one(trainee: Trainee) -> None:
        due = time.monotonic() + trainee.rng.uniform(0, period)
        while due < end:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            await trainee.save_next(recorder)
            due += period

    await asyncio.gather(*(one(t) for t in trainees))
    return recorder


async def submit_all(trainees: list[Trainee], window: float) -> Recorder:
    recorder = Recorder()

    async def one(trainee: Trainee) -> None:
        await asyncio.sleep(trainee.rng.uniform(0, window))
        await trainee.submit(recorder)

    await gather_limited(one, trainees, len(trainees))
    return recorder
