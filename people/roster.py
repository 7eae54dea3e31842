"""A class roster spreadsheet (工号/姓名/部门/手机/班级) → checked rows, or row-numbered errors.

Pure: no database. What only the database can tell (an 工号 that belongs to a trainer) is
checked by people.services before anything is written, so a file with any error stores nothing.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from importers.pipeline.model import PaperError
from importers.pipeline.workbook import read_sheets

COLUMNS = ["工号", "姓名", "部门", "手机", "班级"]
REQUIRED = ["工号", "姓名"]
MAX_ROWS = 5000
# An 工号 becomes the login name: letters, digits and - _ . only, so it types on any keyboard.
EMPLOYEE_NO = re.compile(r"[A-Za-z0-9._-]{1,32}")
# Mainland mobile numbers, with an optional +86 / 86 that spreadsheets often keep.
MOBILE = re.compile(r"(?:\+?86)?(1\d{10})")
LIMITS = {"姓名": 150, "部门": 100, "班级": 100}


@dataclass(frozen=True)
class RosterRow:
    line: int  # the row number as Excel shows it, for messages
    employee_no: str
    name: str
    department: str
    phone: str
    cohort: str


@dataclass
class Roster:
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def row_error(line: int, message: str) -> str:
    return _("第 %(line)d 行:%(message)s") % {"line": line, "message": message}


def read_roster(data: bytes) -> Roster:
    """Every row checked; the errors name their row. A file that is not a roster gives one error."""
    roster = Roster()
    try:
        sheet = read_sheets("roster.xlsx", data, first_only=True)[0]
    except PaperError:
        roster.errors.append(_("不是可读取的 Excel(.xlsx)文件。请用“下载模板”得到的格式。"))
        return roster
    header = _find_header(sheet.rows)
    if header is None:
        roster.errors.append(_("没有找到表头:第一行须有“工号”“姓名”两列。"))
        return roster
    header_line, columns = header
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        if line <= header_line or not any(cells):
            continue
        if len(roster.rows) + len(roster.errors) >= MAX_ROWS:
            roster.errors.append(_("超过 %(n)d 行,请拆成几个文件。") % {"n": MAX_ROWS})
            break
        values = {name: _cell(cells, columns.get(name)) for name in COLUMNS}
        problems = _row_problems(values)
        number = values["工号"]
        if number and number in seen:
            problems.append(_("工号 %(no)s 与第 %(first)d 行重复") % {"no": number, "first": seen[number]})
        seen.setdefault(number, line)
        if problems:
            roster.errors.extend(row_error(line, problem) for problem in problems)
            continue
        roster.rows.append(
            RosterRow(
                line=line,
                employee_no=number,
                name=values["姓名"],
                department=values["部门"],
                phone=_mobile(values["手机"]),
                cohort=values["班级"],
            )
        )
    if not roster.rows and not roster.errors:
        roster.errors.append(_("表头下面没有学员。"))
    return roster


def _find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    for line, cells in rows[:10]:  # a title may sit above the header
        names = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", c)) for c in cells]
        columns = {name: names.index(name) for name in COLUMNS if name in names}
        if all(name in columns for name in REQUIRED):
            return line, columns
    return None


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    # Width-folded (full-width digits from Chinese input methods) and trimmed.
    return unicodedata.normalize("NFKC", cells[index]).strip()


def _mobile(text: str) -> str:
    digits = re.sub(r"[\s-]", "", text)
    found = MOBILE.fullmatch(digits)
    return found.group(1) if found else ""


def _row_problems(values: dict[str, str]) -> list[str]:
    problems = []
    if not values["工号"]:
        problems.append(_("缺少工号"))
    elif not EMPLOYEE_NO.fullmatch(values["工号"]):
        problems.append(_("工号“%(no)s”只能包含字母、数字和 - _ .(最多 32 位)") % {"no": values["工号"][:40]})
    if not values["姓名"]:
        problems.append(_("缺少姓名"))
    if values["手机"] and not _mobile(values["手机"]):
        problems.append(_("手机号“%(phone)s”不是 11 位手机号") % {"phone": values["手机"][:40]})
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            problems.append(_("%(column)s超过 %(n)d 个字") % {"column": name, "n": limit})
    return problems


def template_workbook() -> bytes:
    """The roster template: the five columns, one example row, and how to fill them."""
    book = Workbook()
    sheet = book.active
    sheet.title = "学员名单"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["A0001", "张三", "客服一部", "13800000000", "2026春季新员工班"])
    for letter, width in zip("ABCDE", (12, 12, 16, 16, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("说明")
    for line in (
        "工号、姓名必填;工号即登录名(字母、数字和 - _ .)。",
        "部门、手机(11 位)、班级可不填;班级不存在时自动创建,不填则加入导入页所选的班级。",
        "已有账号按工号匹配,只加入班级、更新部门和手机,不改密码。",
        "任何一行有错时整个文件都不导入,请按提示的行号修改后重新上传。",
        "新账号的初始密码在导入后导出一次(仅一次),学员首次登录须修改密码。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
