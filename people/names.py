"""A person's name as they write it: Chinese names are one string, not "first last"."""

from __future__ import annotations

from typing import Any


def full_name(user: Any) -> str:
    """The whole name (imports store it in first_name), else the username."""
    first = (getattr(user, "first_name", "") or "").strip()
    last = (getattr(user, "last_name", "") or "").strip()
    if first and last:
        # Family name first and no space for CJK names (王 + 小明 → 王小明).
        if any("\u3400" <= ch <= "\u9fff" for ch in first + last):
            return last + first
        return f"{first} {last}"
    return first or last or user.get_username()
