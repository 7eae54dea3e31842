from __future__ import annotations

from typing import Any

from django import template

from people.names import full_name

register = template.Library()


@register.filter(name="person_name")
def person_name(user: Any) -> str:
    return full_name(user) if user is not None else ""
