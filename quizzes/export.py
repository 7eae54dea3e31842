"""Results as an Excel workbook, and stored answers as text a person reads (pages and cells).

The workbook is built from selector querysets only; nothing here writes to the database.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import IO, Any
from urllib.parse import quote

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from people.names import full_name
from qbank.answers import answer_display as answer_text

from .models import Attempt, AttemptQuestion, GradeState

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these runs as a formula in Excel (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def state_label(state: str) -> str:
    return str(GradeState(state).label) if state in GradeState.values else (state or "-")


def outcome_label(attempt: Attempt) -> str:
    if attempt.passed is None:
        return _("待批改")
    return _("及格") if attempt.passed else _("不及格")


def safe_cell(value: object) -> object:
    """Text that Excel would read as a formula is stored with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, datetime):
        # Excel has no time zones: write the local wall-clock time the trainer expects.
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def minutes_used(attempt: Attempt) -> Decimal | None:
    used = attempt.time_used
    return None if used is None else (Decimal(used.total_seconds()) / 60).quantize(Decimal("0.1"))


def results_workbook(*, attempts: Iterable[Attempt], answers: Iterable[Sequence[Any]]) -> Workbook:
    """Sheet 成绩: one row per attempt (needs `left_count`); sheet 答题明细: one row per question,
    from selectors.ANSWER_COLUMNS tuples. Write-only: rows go to disk as they come, so neither the
    10,000 attempts nor their 200,000 answers are ever held in memory as cells."""
    book = Workbook(write_only=True)
    _rows(
        book.create_sheet(_("成绩")),
        [
            _("用户名"),
            _("姓名"),
            _("第几次"),
            _("开始时间"),
            _("交卷时间"),
            _("用时(分钟)"),
            _("得分"),
            _("满分"),
            _("得分率(%)"),
            _("是否及格"),
            _("超时自动交卷"),
            _("离开页面次数"),
        ],
        (
            [
                a.user.get_username(),
                full_name(a.user),
                a.number,
                a.started_at,
                a.submitted_at,
                minutes_used(a),
                a.score,
                a.max_score,
                a.percent,
                outcome_label(a),
                _("是") if a.auto_submitted else _("否"),
                getattr(a, "left_count", 0),
            ]
            for a in attempts
        ),
    )
    # Labels looked up once per export, not once per answer.
    types = {value: str(label) for value, label in AttemptQuestion._meta.get_field("type").flatchoices}
    states = {value: state_label(value) for value in GradeState.values}
    _rows(
        book.create_sheet(_("答题明细")),
        [
            _("用户名"),
            _("第几次"),
            _("题号"),
            _("题型"),
            _("题干"),
            _("作答"),
            _("答案"),
            _("结果"),
            _("得分"),
            _("分值"),
        ],
        (
            [
                username,
                number,
                position,
                types.get(qtype, qtype),
                stem,
                answer_text(qtype, response),
                answer_text(qtype, key),
                states.get(state) or state_label(state),
                score,
                points,
            ]
            for username, number, position, qtype, stem, response, key, state, score, points in answers
        ),
    )
    return book


def _rows(
    sheet: Worksheet | WriteOnlyWorksheet,
    header: list[str],
    rows: Iterable[list[object]],
    *,
    notes: dict[int, str] | None = None,
) -> None:
    """Header (a note becomes a comment on its 1-based column), then rows with safe cells. Widths
    and the frozen header come first: a write-only sheet takes them only before its rows."""
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header, 1):
        # CJK characters are about two columns wide.
        sheet.column_dimensions[get_column_letter(index)].width = max(10, len(title) * 2 + 2)
    cells = []
    for index, title in enumerate(header, 1):
        cell = WriteOnlyCell(sheet, value=title)  # a plain Cell: either kind of sheet appends it
        if notes and index in notes:
            cell.comment = Comment(notes[index], "qbank-quiz")
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])


def workbook_file(book: Workbook) -> IO[bytes]:
    """The saved workbook in a temporary file at its start (gone once closed), for FileResponse
    to stream: a big export is never one bytes object in memory."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes it once sent
    book.save(file)
    file.seek(0)
    return file


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def attachment_header(filename: str, fallback: str) -> str:
    """Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987)."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
