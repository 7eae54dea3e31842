"""The login page and the home page in a real browser, at phone and desktop widths."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD


def test_login_page_speaks_chinese_and_fits_a_phone(phone_page: Page, live_server: Any) -> None:
    phone_page.goto(f"{live_server.url}/accounts/login/")
    assert phone_page.locator("html").get_attribute("lang") == "zh-hans"
    assert "登录" in phone_page.content()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "login-phone")


def test_trainer_logs_in_and_sees_the_bank(page: Page, live_server: Any, trainer: Any) -> None:
    log_in(page, live_server.url, "trainer", PASSWORD)
    # A trainer lands on their papers; the brand link leads to the bank overview.
    assert page.url == f"{live_server.url}/quizzes/manage/"
    page.click(".site-nav .brand")
    assert "培训师" in page.content()
    screenshot(page, "home-trainer-desktop")


def test_static_assets_are_served_locally(page: Page, live_server: Any) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/accounts/login/")
    assert requests and all(url.startswith(live_server.url) for url in requests)
