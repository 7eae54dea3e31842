"""Signing in, as Django's ModelBackend, with the signed-in user read by one plain SQL statement.

Every request of a signed-in user loads that user. Through the ORM it cost ~0.7 ms of CPU here
(the query built and compiled each time), as much as the rest of an autosave's own work; as SQL
(config.rows: columns and converters worked out once per process), ~0.1 ms. The checks are Django's:
django.contrib.auth.get_user still verifies the session against the password hash, and an
inactive account gets no user.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError

from config import rows


class UserBackend(ModelBackend):
    def authenticate(
        self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            # Stop here: Django's ModelBackend is listed after this one only for sessions signed
            # in before it existed, and would hash the wrong password a second time (~185 ms).
            raise PermissionDenied
        return user

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        user = _read_user(model, pk)
        return user if user is not None and self.user_can_authenticate(user) else None


def _read_user(model: Any, pk: Any) -> Any:
    return rows.instance(model, f"{model._meta.pk.column} = %s", [pk])
