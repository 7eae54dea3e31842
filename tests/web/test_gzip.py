"""Pages are gzipped by the app when the browser accepts it; the CSRF token differs every time."""

from __future__ import annotations

import gzip
import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_html_is_gzipped_when_accepted(trainee: Any) -> None:
    client = Client()
    client.force_login(trainee)
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.content)
    assert "Content-Encoding" not in client.get("/").headers  # and plain when not


def test_the_csrf_token_in_a_compressed_page_is_masked_anew_per_response() -> None:
    # BREACH guesses a secret that is the same in every response; Django's masking prevents it.
    client = Client()
    tokens = set()
    for _ in range(3):
        page = gzip.decompress(client.get("/accounts/login/", HTTP_ACCEPT_ENCODING="gzip").content)
        tokens.update(re.findall(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    assert len(tokens) == 3
