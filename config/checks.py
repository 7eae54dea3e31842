"""Project-wide system checks (run by `check`, `runserver`, `migrate`) and the serving guard."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured

NO_SECRET = "DJANGO_SECRET_KEY must be set (and not the development key) when DJANGO_DEBUG is off"
# The key config.settings falls back to with DEBUG on: public in this repository, so a server
# started with it (DJANGO_SECRET_KEY copied from the README or a demo's env) must refuse too.
DEV_SECRET_KEY = "dev-insecure-key-change-me"


def has_secret_key() -> bool:
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        return False
    return bool(key) and (settings.DEBUG or key != DEV_SECRET_KEY)


def secret_key_set(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if has_secret_key():
        return []
    hint = "Set it in the environment, or DJANGO_DEBUG=1 on a developer's machine."
    return [Error(NO_SECRET, hint=hint, id="config.E001")]


def require_secret_key() -> None:
    """Called by config.wsgi and config.asgi: a server never starts without a real key."""
    if not has_secret_key():
        raise ImproperlyConfigured(NO_SECRET)
