"""Accounts made by a roster import must choose their own password before anything else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "people_must_change_password"


def remember_at_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Read the flag once at login, so later requests cost no query."""
    from .models import Profile

    if Profile.objects.filter(user=user, must_change_password=True).exists():
        request.session[SESSION_KEY] = True


user_logged_in.connect(remember_at_login, dispatch_uid="people_must_change_password")


class ForcePasswordChangeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(SESSION_KEY) and request.user.is_authenticated:
            allowed = {reverse("password_change"), reverse("logout"), reverse("set_language")}
            if request.path not in allowed and not request.path.startswith("/static/"):
                return redirect("password_change")
        return self.get_response(request)
