"""STUB (being written): lines → ParsedPaper."""

from __future__ import annotations

from .model import Line, ParsedPaper, ParsedQuestion


def parse_lines(filename: str, lines: list[Line]) -> ParsedPaper:
    qs = [ParsedQuestion(type="short", stem=ln.text, lineno=ln.lineno) for ln in lines if ln.text.strip().endswith("?")]
    return ParsedPaper(filename=filename, questions=qs)
