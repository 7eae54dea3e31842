"""Is a value (a trainee's answer, parsed from JSON) well-formed text all the way down?

JSON may carry "\\ud800", a lone surrogate: Python decodes it into a str that cannot be encoded
as UTF-8, so storing it makes every later page and grading pass that touches it raise. NUL is
refused too: PostgreSQL cannot store it in text or jsonb. Pure Python, no Django.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 20  # answers are a string or a list of strings; anything deeper is not an answer


def is_well_formed(value: Any, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, str):
        if "\x00" in value:
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, list):
        return all(is_well_formed(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(is_well_formed(k, depth + 1) and is_well_formed(v, depth + 1) for k, v in value.items())
    return True


def repaired(value: Any) -> Any:
    """The value with every character that is not text replaced by U+FFFD (for stored rows)."""
    if isinstance(value, str):
        return "".join("\ufffd" if _bad(ch) else ch for ch in value)
    if isinstance(value, list):
        return [repaired(item) for item in value]
    if isinstance(value, dict):
        return {repaired(k): repaired(v) for k, v in value.items()}
    return value


def _bad(ch: str) -> bool:
    return ch == "\x00" or "\ud800" <= ch <= "\udfff"
