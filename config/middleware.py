"""Security headers on every response: a Content-Security-Policy (Django 5.2 has none built in).

Pages load scripts and styles from this host only, with no inline <script>, on…= handlers or
style="…" (tests/qbank/test_pictures.py keeps the templates that way): so a file that slipped
past the picture checks, or any injected markup, cannot run script on the site's origin.
X-Content-Type-Options: nosniff comes from SecurityMiddleware (SECURE_CONTENT_TYPE_NOSNIFF).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
