"""Reading a roster spreadsheet: rows checked one by one, every error naming its row."""

from __future__ import annotations

import pytest

from people.roster import read_roster, template_workbook
from tests.people.roster_files import roster_xlsx


def test_good_rows_are_read_with_phone_numbers_tidied() -> None:
    roster = read_roster(
        roster_xlsx(
            [
                ["A001", "王小明", "客服一部", "138 0013 8000", "一班"],
                ["A002", "欧阳娜娜", "", 8613900139000, ""],
                ["Ａ003", "李雷", "", "", ""],  # full-width letters from a Chinese input method
            ]
        )
    )
    assert roster.errors == []
    assert [(r.line, r.employee_no, r.name, r.phone, r.cohort) for r in roster.rows] == [
        (2, "A001", "王小明", "13800138000", "一班"),
        (3, "A002", "欧阳娜娜", "13900139000", ""),
        (4, "A003", "李雷", "", ""),
    ]


def test_each_error_names_its_row() -> None:
    roster = read_roster(
        roster_xlsx(
            [
                ["A001", "王小明", "", "", ""],
                ["", "无工号", "", "", ""],
                ["A003", "", "", "12345", ""],
                ["A 4", "空格", "", "", ""],
                ["A001", "重复", "", "", ""],
            ]
        )
    )
    assert roster.errors == [
        "第 3 行:缺少工号",
        "第 4 行:缺少姓名",
        "第 4 行:手机号“12345”不是 11 位手机号",
        "第 5 行:工号“A 4”只能包含字母、数字和 - _ .(最多 32 位)",
        "第 6 行:工号 A001 与第 2 行重复",
    ]


def test_columns_in_any_order_and_a_title_above_the_header() -> None:
    data = roster_xlsx(
        [["名单", "", ""], ["姓名", "班级", "工号"], ["张三", "二班", "B1"]], header=["2026 春季"]
    )
    roster = read_roster(data)
    assert roster.errors == []
    assert [(r.employee_no, r.name, r.cohort) for r in roster.rows] == [("B1", "张三", "二班")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a workbook", "不是可读取的 Excel"),
        (roster_xlsx([["x", "y"]], header=["编号", "名字"]), "没有找到表头"),
        (roster_xlsx([]), "表头下面没有学员"),
    ],
)
def test_a_file_that_is_not_a_roster_gives_one_error(data: bytes, message: str) -> None:
    roster = read_roster(data)
    assert roster.rows == [] and len(roster.errors) == 1 and message in roster.errors[0]


def test_the_template_reads_back_as_its_example_row() -> None:
    roster = read_roster(template_workbook())
    assert roster.errors == [] and [r.employee_no for r in roster.rows] == ["A0001"]
