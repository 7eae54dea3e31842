"""Form fields that turn hostile input into a validation error instead of an exception.

Django's DecimalField accepts "sNaN": a signalling NaN raises InvalidOperation as soon as it is
compared, so the min/max validators crashed with a 500. Integers beyond 64 bits overflow the
database driver in a lookup. Both are the client's mistake: a 400, or the form with its error.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Primary keys are 64-bit on every backend we run; SQLite cannot bind anything larger.
MAX_ID = 2**63 - 1


class FiniteDecimalField(forms.DecimalField):
    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # the stubs say int
        number = super().to_python(value)
        if number is not None and not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class IdField(forms.IntegerField):
    """A database id: a positive integer the database can bind."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


def parse_id(value: str) -> int:
    """An id from a query string, or ValidationError."""
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_ID:
        raise ValidationError(_("编号不对。"), code="invalid")
    return int(value)
