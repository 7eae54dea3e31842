"""STUB (being written): bytes → lines."""

from __future__ import annotations

from .model import Line


def read_lines(filename: str, data: bytes) -> list[Line]:
    text = data.decode("utf-8-sig")
    return [Line(text=t, lineno=i) for i, t in enumerate(text.splitlines(), 1)]
