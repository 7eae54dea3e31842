"""The pure parsing pipeline: bytes of a paper in, ParsedQuestions out.

No Django, no database: read → clean → segment → classify → link → emit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .collector import collector_paused
from .coverage import rows_coverage
from .csv_sheet import is_csv, is_quoted_tab_text
from .field_headings import field_headings
from .gift import read_gift
from .headerless import delimited_sheet
from .json_records import json_sheet
from .linked_pictures import flag_linked_pictures
from .model import Image, Line, PaperError, ParsedPaper, ParsedQuestion
from .moodle_xml import is_moodle_xml, read_moodle_xml
from .page_scripts import script_lines
from .parse import parse_lines
from .read import MARKDOWN_EXTENSIONS, is_plain_text, is_spreadsheet, is_web_page, read_lines
from .read_text import decode_text
from .read_wordml import is_word_xml
from .sheet_bank import read_bank_sheets, read_csv, read_spreadsheet, read_table, sheet_columns
from .traditional import simplified_twin
from .workbook import Sheet

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
    if (is_moodle_xml(data) or filename.lower().endswith(".xml")) and not is_word_xml(data):
        if not is_moodle_xml(data):
            raise PaperError(filename, "an XML file that is not a Moodle question export (<quiz>)")
        paper = read_moodle_xml(filename, data)
        paper.coverage = rows_coverage(paper)
        if not paper.questions and not empty_ok:
            raise PaperError(filename, "no recognisable question found")
        return paper
    tabled = is_csv(filename) or is_quoted_tab_text(filename, data)
    bank = read_csv(filename, data) if tabled and is_plain_text(filename, data) else None
    if bank is not None:
        bank.coverage = rows_coverage(bank)
        return bank
    lines, in_printed_characters = simplified_twin(read_lines(filename, data))
    lines = field_headings(lines)  # (after the twin: "### 題目內容" is "### 题目内容")
    paper = (
        _records(filename, data, lines)
        or _gift(filename, data, lines)
        or parse_lines(filename, lines, on_progress)
    )
    in_printed_characters(paper)
    if is_web_page(filename, data) or _markdown_with_script(filename, data):
        paper = _page_bank(filename, data, paper)
    if not paper.questions and not empty_ok:
        raise PaperError(filename, "no recognisable question found")
    flag_linked_pictures(paper.questions)
    return paper


def _gift(filename: str, data: bytes, lines: list[Line]) -> ParsedPaper | None:
    """A Moodle GIFT export (plain text whose records answer in braces)."""
    paper = read_gift(lines) if is_plain_text(filename, data) else None
    if paper is not None:
        paper.filename = filename
    return paper


SCRIPT_EXTENSIONS = (".js", ".ts", ".py")  # a quiz's data in JavaScript, TypeScript or Python


def _records_paper(filename: str, records: Sheet) -> ParsedPaper | None:
    """JSON records read as a bank sheet; None when no field holds a question's text."""
    sheet, columns = sheet_columns(records)
    if columns is None:
        return None
    paper = read_bank_sheets(filename, [sheet], known={sheet.name: columns})
    paper.warnings.extend(records.notes)
    return paper


def _markdown_with_script(filename: str, data: bytes) -> bool:
    """Markdown holding a web page (a README that is a quiz page, its bank in a <script>)."""
    return filename.lower().endswith(MARKDOWN_EXTENSIONS) and SCRIPT_TAG.search(data) is not None


SCRIPT_TAG = re.compile(rb"<script\b", re.IGNORECASE)


def _page_bank(filename: str, data: bytes, shown: ParsedPaper) -> ParsedPaper:
    """A web page whose inline script holds more questions as data than its text shows: the
    script's bank (see page_scripts)."""
    lines, in_printed_characters = simplified_twin(script_lines(decode_text(data)))
    records = json_sheet(lines, script=True) if lines else None
    bank = _records_paper(filename, records) if records is not None else None
    if bank is None or len(bank.questions) <= len(shown.questions):
        return shown
    in_printed_characters(bank)
    bank.coverage = rows_coverage(bank)
    return bank


def _records(filename: str, data: bytes, lines: list[Line]) -> ParsedPaper | None:
    """A plain-text bank of records: JSON (a list of objects, or one a line), read as a sheet
    whose header is their keys; or one record a line, its fields split by "|||" or tabs."""
    if not is_plain_text(filename, data):
        return None
    script = filename.lower().endswith(SCRIPT_EXTENSIONS)
    records = json_sheet(lines, script)
    if records is None and script:
        # (a quiz's data is read; any other script holds code, not a paper)
        raise PaperError(filename, "is a script with no list of questions assigned ('var exam = […]')")
    paper: ParsedPaper | None = None
    if records is not None:
        paper = _records_paper(filename, records)
        if paper is None:
            fields = ", ".join(records.rows[0][1][:12])
            raise PaperError(filename, f"JSON records, but no field holds the question's text ({fields})")
    else:
        table = delimited_sheet([(line.lineno, line.text) for line in lines])
        paper = read_table(filename, table) if table is not None else None
    if paper is not None:
        paper.coverage = rows_coverage(paper)
    return paper
