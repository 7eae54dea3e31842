"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

`playwright install` cannot download browsers here, so the system chromium is launched by
path. A missing chromium fails the run with the install command: these tests never skip.
Screenshots go to artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# (fixtures, assertions) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# As the machine's notes say: no background networking on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not installed: run `apt-get install chromium` (CI's .ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Console messages of pages whose Content-Security-Policy blocked something, per page: every
# browser test then also checks that the policy breaks nothing on the pages it visits.
CSP_VIOLATIONS: dict[int, list[str]] = {}


def open_page(browser: Browser, viewport: dict[str, int] = DESKTOP) -> Page:
    context = browser.new_context(viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(10_000)
    page = context.new_page()
    seen = CSP_VIOLATIONS.setdefault(id(page), [])
    page.on("console", lambda message: _note_csp(seen, message.text))
    return page


def _note_csp(seen: list[str], text: str) -> None:
    if "Content Security Policy" in text:
        seen.append(text)


def close_page(page: Page) -> None:
    violations = CSP_VIOLATIONS.pop(id(page), [])
    page.context.close()
    assert violations == [], "the Content-Security-Policy blocked something on these pages"


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    page = open_page(browser)
    yield page
    close_page(page)


@pytest.fixture
def phone_page(browser: Browser, live_server: Any) -> Iterator[Page]:
    page = open_page(browser, PHONE)
    yield page
    close_page(page)


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_until_true(page: Page, expression: str, timeout_s: float = 10.0) -> None:
    """Poll a JS expression from Python until it is truthy.

    `page.wait_for_function` re-evaluates its predicate with `eval` from the page's own timers,
    which our Content-Security-Policy (no 'unsafe-eval') refuses whenever the first check is
    false; each `page.evaluate` here is a DevTools call, which the policy does not govern.
    """
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s} s: {expression}")
        page.wait_for_timeout(50)


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_load_state()
