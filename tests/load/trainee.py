"""One simulated trainee: the requests a browser on the exam page makes, as static/js/exam.js
makes them (same URLs, JSON body, X-CSRFToken header from the page's form), timed."""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import httpx

from .metrics import Recorder

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SECTION = re.compile(r'<section class="card question" id="q-(\d+)" data-position="\d+"\s+data-type="(\w+)"')
ATTEMPT = re.compile(r"/quizzes/attempts/(\d+)/$")


class Refused(Exception):
    """The server did not answer as a working exam would (the caller counts it as an error)."""


@dataclass(frozen=True)
class Question:
    position: int
    type: str
    options: int  # radios or checkboxes on the page
    blanks: int  # text inputs of a fill question


def questions_in(html: str) -> list[Question]:
    """The exam page's questions, read from its markup as exam.js reads the DOM."""
    starts = [(m.start(), int(m.group(1)), m.group(2)) for m in SECTION.finditer(html)]
    found = []
    for i, (at, position, qtype) in enumerate(starts):
        body = html[at : starts[i + 1][0] if i + 1 < len(starts) else len(html)]
        options = len(re.findall(rf'type="(?:radio|checkbox)" name="q{position}"', body))
        blanks = len(re.findall(rf'name="q{position}-\d+" data-blank=', body))
        found.append(Question(position, qtype, options, blanks))
    return found


def answer_for(question: Question, rng: random.Random) -> object:
    """A response of the shape exam.js sends, already in the form the server stores."""
    letters = "ABCDEFGH"[: max(1, question.options)]
    if question.type == "single":
        return rng.choice(letters)
    if question.type == "multiple":
        return "".join(sorted(rng.sample(letters, rng.randint(1, len(letters)))))
    if question.type == "truefalse":
        return rng.random() < 0.5
    if question.type == "fill":
        return [rng.choice(["答案", "客户满意度", "耐心"]) for _ in range(max(1, question.blanks))]
    return f"先倾听,再道歉,最后跟进 {rng.randint(0, 10**6)}"


@dataclass
class Trainee:
    username: str
    http: httpx.AsyncClient
    rng: random.Random
    attempt_id: int = 0
    token: str = ""  # the exam page's CSRF token, sent as X-CSRFToken
    questions: list[Question] = field(default_factory=list)
    # position → (response, revision) of the last save the server acknowledged
    acked: dict[int, tuple[object, int]] = field(default_factory=dict)
    # positions whose latest save got no clear answer (timeout, 5xx): stored may be either
    unsure: set[int] = field(default_factory=set)
    saves: int = 0
    submitted: bool = False
    connection: Connection | None = None  # the saves' keep-alive connection

    async def _request(
        self, recorder: Recorder, endpoint: str, method: str, url: str, expect: int, **kwargs: object
    ) -> httpx.Response:
        started = time.monotonic()
        try:
            response = await self.http.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            recorder.error(endpoint, type(exc).__name__, started)
            raise Refused(f"{endpoint}: {type(exc).__name__}") from exc
        if response.status_code != expect:
            recorder.error(endpoint, f"HTTP {response.status_code}", started)
            raise Refused(f"{endpoint}: HTTP {response.status_code} {response.text[:200]}")
        recorder.ok(endpoint, started)
        return response

    async def signed_in(self, recorder: Recorder) -> bool:
        """Whether the session cookies still open the dashboard (a rerun reuses sessions)."""
        response = await self.http.get("/quizzes/")
        return response.status_code == 200

    async def login(self, recorder: Recorder, password: str) -> None:
        page = await self._request(recorder, "loginpg", "GET", "/accounts/login/", 200)
        form = {"username": self.username, "password": password, "csrfmiddlewaretoken": _token(page.text)}
        answer = await self._request(recorder, "login", "POST", "/accounts/login/", 302, data=form)
        if "/accounts/login/" in answer.headers.get("location", ""):
            raise Refused("login: refused")
        if "sessionid" not in self.http.cookies:
            raise Refused(
                "login: no session cookie kept (a Secure cookie over http: DJANGO_SECURE_COOKIES=0)"
            )

    async def start(self, recorder: Recorder, paper_id: int) -> None:
        """The dashboard, 开始考试, then the exam page the start redirects to."""
        dashboard = await self._request(recorder, "dashboard", "GET", "/quizzes/", 200)
        form = {"csrfmiddlewaretoken": _token(dashboard.text)}
        started = await self._request(
            recorder, "start", "POST", f"/quizzes/papers/{paper_id}/start/", 302, data=form
        )
        found = ATTEMPT.search(started.headers.get("location", ""))
        if not found:
            raise Refused(f"start: redirected to {started.headers.get('location')}")
        self.attempt_id = int(found.group(1))
        await self.open_exam(recorder)

    async def open_exam(self, recorder: Recorder) -> None:
        page = await self._request(recorder, "exam", "GET", f"/quizzes/attempts/{self.attempt_id}/", 200)
        self.token = _token(page.text)
        self.questions = questions_in(page.text)
        if not self.questions:
            raise Refused("exam: no questions on the page")

    async def save_next(self, recorder: Recorder, endpoint: str = "save") -> None:
        """Answer (or change) the next question, as a change event on the page saves it."""
        question = self.questions[self.saves % len(self.questions)]
        self.saves += 1
        await self.save(recorder, question, answer_for(question, self.rng), endpoint)

    async def save(self, recorder: Recorder, question: Question, response: object, endpoint: str) -> None:
        payload = {"position": question.position, "response": response, "flagged": False}
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "X-CSRFToken": self.token,
            "Cookie": "; ".join(f"{c.name}={c.value}" for c in self.http.cookies.jar),
        }
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = Connection(self.http.base_url)
            path = f"/quizzes/attempts/{self.attempt_id}/save/"
            sent = json.dumps(payload).encode()
            status, _fields, body = await self.connection.request("POST", path, sent, headers)
            data = json.loads(body) if status in (200, 400, 409) else {}
        except (OSError, EOFError, TimeoutError, ValueError, asyncio.LimitOverrunError) as exc:
            self.unsure.add(question.position)
            recorder.error(endpoint, type(exc).__name__, started)
            return
        if status == 200 and data.get("ok"):
            recorder.ok(endpoint, started)
            self.acked[question.position] = (response, data["revision"])
            self.unsure.discard(question.position)
            return
        if status >= 500:
            self.unsure.add(question.position)  # it may have been stored before the failure
        recorder.error(endpoint, f"HTTP {status} {body[:60]!r}", started)

    async def submit(self, recorder: Recorder) -> None:
        """交卷: the form post, then the result page it redirects to, as the browser follows it,
        on the page's kept-alive connection (bare HTTP/1.1, as the saves: 500 hand-ins and result
        pages within seconds through httpx cost the generator ~5 ms of CPU each, taken from the
        server's cores on a shared machine). Gzip accepted, as a browser accepts it."""
        url = f"/quizzes/attempts/{self.attempt_id}/submit/"
        form = urlencode({"csrfmiddlewaretoken": self.token}).encode()
        answer = await self._bare(
            recorder, "submit", "POST", url, 302, form, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        self.submitted = True
        location = httpx.URL(answer.get("location", "")).path
        await self._bare(recorder, "result", "GET", location, 200)

    async def _bare(
        self,
        recorder: Recorder,
        endpoint: str,
        method: str,
        path: str,
        expect: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> dict[str, str]:
        """One request on the page's connection; the answer's headers."""
        sent = {
            **(headers or {}),
            "Accept": "text/html",
            "Accept-Encoding": "gzip, deflate",
            "Cookie": "; ".join(f"{c.name}={c.value}" for c in self.http.cookies.jar),
        }
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = Connection(self.http.base_url)
            status, fields, answer = await self.connection.request(method, path, body, sent)
        except (OSError, EOFError, TimeoutError, ValueError, asyncio.LimitOverrunError) as exc:
            recorder.error(endpoint, type(exc).__name__, started)
            raise Refused(f"{endpoint}: {type(exc).__name__}") from exc
        if status != expect:
            recorder.error(endpoint, f"HTTP {status}", started)
            raise Refused(f"{endpoint}: HTTP {status} {answer[:200]!r}")
        recorder.ok(endpoint, started)
        return fields


class Connection:
    """The exam page's connection for its saves, kept open between them as a browser keeps it
    (HTTP/1.1 keep-alive), and opened again when the server closed it. Bare asyncio: the autosave
    is most of the load, and httpx costs ~5 ms of the generator's CPU a request, as much as the
    server's work: on a 2-core machine shared with the server that caps the rate measured. This
    costs a tenth of it."""

    def __init__(self, base: httpx.URL) -> None:
        self.host, self.port = base.host, base.port or 80
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.opened = 0  # connections opened (a server that closes each one: one per save)

    async def request(
        self, method: str, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers (lower-case names) and body, as sent: a gzipped body stays gzipped."""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}",
                *(f"{k}: {v}" for k, v in headers.items())]  # fmt: skip
        request = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        reused = self.streams is not None
        try:
            return await self._exchange(request)
        except _ClosedBeforeAnswer:
            if not reused:
                raise ConnectionResetError("closed before answering") from None
            # The server closed the idle connection as the request went out, before reading it:
            # a browser sends it again on a new connection, and so do we (nothing was stored).
            return await self._exchange(request)

    async def _exchange(self, request: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.streams is None:
            self.streams = await asyncio.wait_for(asyncio.open_connection(self.host, self.port), 60)
            self.opened += 1
        reader, writer = self.streams
        try:
            writer.write(request)
            await writer.drain()
            try:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 60)
            except asyncio.IncompleteReadError as exc:
                if not exc.partial:
                    raise _ClosedBeforeAnswer from exc
                raise
            lines = head.decode("latin-1").split("\r\n")
            fields = {
                k.strip().lower(): v.strip()
                for k, _, v in (line.partition(":") for line in lines[1:] if line)
            }
            if "content-length" in fields:
                answer = await asyncio.wait_for(reader.readexactly(int(fields["content-length"])), 60)
            else:
                answer = await asyncio.wait_for(reader.read(-1), 60)
                fields["connection"] = "close"
        except (ConnectionResetError, BrokenPipeError) as exc:
            self.close()
            raise _ClosedBeforeAnswer from exc
        except BaseException:
            self.close()
            raise
        if fields.get("connection", "").lower() == "close":
            self.close()
        return int(lines[0].split()[1]), fields, answer

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


class _ClosedBeforeAnswer(OSError):
    pass


def _token(html: str) -> str:
    found = TOKEN.search(html)
    if not found:
        raise Refused("no CSRF token in the page")
    return found.group(1)
