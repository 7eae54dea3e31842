"""Login throttling behind a reverse proxy: the lockout is per username *and* client address."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from config.client_ip import client_ip
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.9.9.9"


def fail_three_times(ip_header: str) -> None:
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ip_header)
    for _ in range(3):
        client.post(reverse("login"), {"username": "trainee", "password": "wrong"})


def test_behind_a_trusted_proxy_an_attacker_cannot_lock_out_the_real_user(
    trainee: Any, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    fail_three_times("203.0.113.66")
    victim = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    response = victim.post(reverse("login"), {"username": "trainee", "password": PASSWORD})
    assert response.status_code == 302  # logged in: the attacker's address is locked, not the name


def test_the_attackers_own_address_is_still_locked(trainee: Any, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    fail_three_times("203.0.113.66")
    again = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert again.post(reverse("login"), {"username": "trainee", "password": PASSWORD}).status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.66", PROXY),  # no proxy configured: the header is anyone's to forge
        (1, "203.0.113.66", "203.0.113.66"),
        (1, "6.6.6.6, 203.0.113.66", "203.0.113.66"),  # the client's forged entry is ignored
        (2, "6.6.6.6, 203.0.113.66, 10.0.0.2", "203.0.113.66"),
        (2, "203.0.113.66", PROXY),  # fewer hops than promised: fall back to the socket
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
    ],
)
def test_client_ip(settings: Any, count: int, forwarded: str, expected: str) -> None:
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
