"""{{ question.stem|viewer_script }}: question text in the reader's script (qbank.script)."""

from __future__ import annotations

from django import template

from qbank.script import for_viewer

register = template.Library()


@register.filter
def viewer_script(value: object) -> str:
    # Autoescaping still applies: the filter returns a plain (unsafe) str.
    return for_viewer("" if value is None else str(value))
