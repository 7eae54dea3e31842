"""The one-time initial-password sheet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from quizzes.export import workbook_bytes

from .names import full_name


def passwords_workbook(issued: Sequence[tuple[Any, str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "初始密码"
    sheet.append(["工号", "姓名", "登录名", "初始密码"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for user, password in issued:
        profile = getattr(user, "profile", None)
        number = getattr(profile, "employee_no", "") or ""
        sheet.append([number, full_name(user), user.get_username(), password])
    sheet.append([])
    sheet.append(["首次登录后须修改密码;本表只导出这一次,请妥善分发后删除。"])
    for letter, width in zip("ABCD", (12, 12, 14, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(book)
