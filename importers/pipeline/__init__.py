"""The pure parsing pipeline: bytes of a paper in, ParsedQuestions out.

No Django, no database: read → clean → segment → classify → link → emit.
"""

from __future__ import annotations

from collections.abc import Callable

from .collector import collector_paused
from .coverage import rows_coverage
from .model import Image, Line, PaperError, ParsedPaper, ParsedQuestion
from .parse import parse_lines
from .read import is_spreadsheet, read_lines
from .sheet_bank import read_spreadsheet

__all__ = ["Image", "Line", "PaperError", "ParsedPaper", "ParsedQuestion", "parse_document"]


def parse_document(
    filename: str,
    data: bytes,
    on_progress: Callable[[float], None] | None = None,
    *,
    empty_ok: bool = False,
) -> ParsedPaper:
    """Parse one uploaded file; raise PaperError naming the file when it holds no questions
    (unless `empty_ok`: `parse_paper --explain` shows the roles lines got all the same).

    `on_progress(share)` is called now and then with the share (0..1) of a text's lines read;
    spreadsheets do not report."""
    with collector_paused():  # (a quarter of a big parse's time went to collecting nothing)
        return _parse(filename, data, on_progress, empty_ok)


def _parse(
    filename: str, data: bytes, on_progress: Callable[[float], None] | None, empty_ok: bool
) -> ParsedPaper:
    if is_spreadsheet(data):
        paper = read_spreadsheet(filename, data)  # row problems are in paper.warnings
        paper.coverage = rows_coverage(paper)
        return paper
    lines = read_lines(filename, data)
    paper = parse_lines(filename, lines, on_progress)
    if not paper.questions and not empty_ok:
        raise PaperError(filename, "no recognisable question found")
    return paper
