"""The spreadsheet template: one row per question, read and written with openpyxl (pure).

Trainers keep questions in spreadsheets; this is the one layout the importer reads without
guessing, so every problem is a row-numbered message rather than a heuristic. The bank
exports to the same layout, so export → import round-trips without change.
"""

from __future__ import annotations

import io
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

import questiontypes

from .model import Answer, PaperError, ParsedPaper, ParsedQuestion
from .rules import BLANK
from .workbook import read_sheets

LETTERS = "ABCDEFGH"  # the template's option columns
# The bank allows A–Z (qbank.models.OPTION_LABELS); an export adds 选项I… only when a question
# needs it, so a nine-option question keeps its answer column instead of shifting it.
ALL_LETTERS = string.ascii_uppercase
OPTION_HEADERS = [f"选项{letter}" for letter in LETTERS]
REQUIRED = ("题型", "题干")
TYPE_NAMES = questiontypes.NAMES  # {"single": "单选题", …}
TYPE_ALIASES = {
    **{code: code for code in TYPE_NAMES},
    **{name: code for code, name in TYPE_NAMES.items()},
    **{name[:2]: code for code, name in TYPE_NAMES.items()},  # 单选, 多选, 判断, 填空, 简答
    # The section headings papers print, which trainers copy into the column.
    "单项选择题": "single",
    "多项选择题": "multiple",
    "不定项选择题": "multiple",
    "是非题": "truefalse",
    "问答题": "short",
    "名词解释": "short",
    "论述题": "short",
    "案例分析": "short",
    "案例分析题": "short",
}
CHOICE_TYPES = questiontypes.CHOICE_CODES
TAG_SPLIT = re.compile(r"\s*[,，、;；]\s*")
OPTION_HEADER = re.compile(r"选项([A-Za-z])")
MAX_TEMPLATE_ROWS = 2000  # how far down the drop-downs reach in the empty template


def headers(option_count: int = len(LETTERS)) -> list[str]:
    options = [f"选项{letter}" for letter in ALL_LETTERS[:option_count]]
    return ["章节", "题型", "题干", "材料", *options, "答案", "解析", "难度", "标签"]


HEADERS = headers()


class RowError(ValueError):
    """One row cannot become a question; the message says why."""


@dataclass
class TemplateRow:
    chapter: str
    type: str
    stem: str
    material: str = ""
    options: list[str] = field(default_factory=list)
    answer: str = ""
    explanation: str = ""
    difficulty: int | None = None
    tags: list[str] = field(default_factory=list)

    def cells(self, option_count: int = len(LETTERS)) -> list[object]:
        options = self.options + [""] * (option_count - len(self.options))
        return [
            self.chapter,
            TYPE_NAMES.get(self.type, self.type),
            self.stem,
            self.material,
            *options,
            self.answer,
            self.explanation,
            self.difficulty,
            "、".join(self.tags),
        ]


# ---- writing ---------------------------------------------------------------------------------
def write_rows(rows: Iterable[TemplateRow]) -> bytes:
    """A workbook in the template layout holding `rows` (the bank's export)."""
    rows = list(rows)
    option_count = max([len(LETTERS), *(len(row.options) for row in rows)])
    if option_count > len(ALL_LETTERS):
        raise ValueError(f"a question has {option_count} options; the template holds at most 26")
    book = Workbook()
    sheet = book.active
    sheet.title = "试题"
    _header(sheet, headers(option_count))
    for row in rows:
        _append(sheet, row.cells(option_count))
    return _save(book)


def template_workbook() -> bytes:
    """The empty template to download: header, drop-downs, examples and instructions."""
    book = Workbook()
    sheet = book.active
    sheet.title = "试题"
    _header(sheet, HEADERS)
    _add_dropdowns(sheet)
    examples = book.create_sheet("示例")
    _header(examples, HEADERS)
    for row in EXAMPLES:
        _append(examples, row.cells())
    _instructions(book.create_sheet("说明"))
    return _save(book)


def _add_dropdowns(sheet: Worksheet) -> None:
    # 题型 offers the five names but accepts anything: the reader also knows 单选, single,
    # 名词解释…, and a typed alias must not be blocked by Excel.
    types = DataValidation(
        type="list",
        formula1='"' + ",".join(TYPE_NAMES.values()) + '"',
        allow_blank=True,
        showErrorMessage=False,
    )
    levels = DataValidation(
        type="whole",
        operator="between",
        formula1="1",
        formula2="5",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="难度",
        error="难度是 1(最易)到 5(最难)的整数,可留空。",
    )
    for validation, name in ((types, "题型"), (levels, "难度")):
        sheet.add_data_validation(validation)
        column = _column(HEADERS, name)
        validation.add(f"{column}2:{column}{MAX_TEMPLATE_ROWS}")


def _instructions(sheet: Worksheet) -> None:
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet.append([])
    sheet.append(["列", "填写方法"])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column, text in COLUMN_NOTES:
        sheet.append([column, text])
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 100
    for (cell,) in sheet.iter_rows(min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


EXAMPLES = [
    TemplateRow(
        "第一章 客户服务理念",
        "single",
        "客户服务的核心是( )。",
        options=["产品", "客户", "价格", "渠道"],
        answer="B",
        explanation="以客户为中心。",
        difficulty=2,
        tags=["基础"],
    ),
    TemplateRow(
        "第一章 客户服务理念",
        "multiple",
        "有效倾听包括哪些做法?",
        options=["专注", "复述确认", "打断客户"],
        answer="AB",
        difficulty=3,
    ),
    TemplateRow("第二章 投诉处理", "truefalse", "处理投诉时可以与客户争辩。", answer="错"),
    TemplateRow("第二章 投诉处理", "fill", "客户满意度的英文缩写是____。", answer="CSAT"),
    TemplateRow(
        "第二章 投诉处理", "short", "简述处理投诉的基本步骤。", answer="倾听、致歉、分析、解决、跟进。"
    ),
]
INSTRUCTIONS = [
    "题库导入模板:在“试题”表中每行填一道题,第一行是表头,请不要修改表头文字(列的顺序可以调整)。",
    "“示例”表是填好的样例,导入时不读取;导入只读取第一张表。",
    "导入时逐行检查:出错的行会列出行号和原因,不导入;其余行照常导入。已在题库中的题目不会重复导入。",
]
COLUMN_NOTES = [
    ("章节", "题目所属章节,导入时自动创建;可留空。"),
    (
        "题型",
        "单选题、多选题、判断题、填空题、简答题;也可写 单选/多选/判断/填空/简答、"
        "问答题/名词解释/论述题/案例分析(按简答题导入),或 single/multiple/truefalse/fill/short。",
    ),
    ("题干", "必填。填空题用 ____ 或 ( ) 标出每个空。"),
    ("材料", "案例题中几道小题共用的背景材料,可留空。"),
    ("选项A–选项H", "单选题、多选题至少两个选项,从选项A起连续填写;其他题型不填。"),
    (
        "答案",
        "单选题:一个字母,如 B。多选题:几个字母,如 ABD。判断题:对 或 错(也可写 √/×)。"
        "填空题:每个空一个答案,用分号隔开,如 客户;满意;同一个空的几种答法用 | 隔开,如 客户|顾客。"
        "简答题:参考答案。留空的题导入后标为“待审核”。",
    ),
    ("解析", "可留空。"),
    ("难度", "1(最易)到 5(最难)的整数;留空按 3 计。"),
    ("标签", "可留空;多个标签用顿号或逗号隔开,如 基础、投诉。"),
]


def _header(sheet: Worksheet, names: list[str]) -> None:
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = {"章节": 18, "题型": 10, "题干": 50, "材料": 30, "答案": 12, "解析": 30, "难度": 6, "标签": 14}
    for name in names:
        sheet.column_dimensions[_column(names, name)].width = widths.get(name, 16)


def _append(sheet: Worksheet, values: list[object]) -> None:
    # Control characters are not allowed in the file's XML: openpyxl would refuse the whole export.
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":  # a stem like "=号两边…" is text, not a formula for Excel to run
            cell.data_type = "s"


def _column(names: list[str], name: str) -> str:
    return str(get_column_letter(names.index(name) + 1))


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---- reading ---------------------------------------------------------------------------------
def read_template(filename: str, data: bytes) -> ParsedPaper:
    """Rows → questions; a row that can't be a question is a row-numbered warning instead."""
    rows = _sheet_rows(filename, data)
    header_row, columns = _find_header(filename, rows)
    questions: list[ParsedQuestion] = []
    problems: list[str] = []
    for number, cells in rows[header_row:]:
        if not any(cells):
            continue
        try:
            question = _question(_Row(cells, columns), number)
        except RowError as error:
            problems.append(f"第 {number} 行:{error}")
            continue
        questions.append(question)
        problems.extend(f"第 {number} 行:{note}" for note in _row_notes(question))
    if not questions and not problems:
        raise PaperError(filename, f"模板第 {header_row} 行是表头,下面没有试题")
    return ParsedPaper(filename=filename, questions=questions, warnings=problems)


def _sheet_rows(filename: str, data: bytes) -> list[tuple[int, list[str]]]:
    """The first sheet's rows as (row number, cell texts)."""
    return read_sheets(filename, data, first_only=True)[0].rows


def _find_header(filename: str, rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
    """The header row's number and each known column's index; a title may sit above it."""
    for number, cells in rows:
        columns: dict[str, int] = {}
        for index, text in enumerate(cells):
            name = _header_name(text)
            if name is not None:
                columns.setdefault(name, index)
        if all(name in columns for name in REQUIRED):
            return number, columns
    raise PaperError(filename, "不是题库模板:缺少“题型”“题干”列")


def _header_name(text: str) -> str | None:
    # "选项 a", "题 干", full-width "选项Ａ": what a hand-edited header row turns into.
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    option = OPTION_HEADER.fullmatch(name)
    if option:
        return f"选项{option.group(1).upper()}"
    return name if name in HEADERS else None


@dataclass
class _Row:
    cells: list[str]
    columns: dict[str, int]

    def __call__(self, name: str) -> str:
        index = self.columns.get(name)
        return self.cells[index] if index is not None and index < len(self.cells) else ""

    def options(self) -> list[str]:
        # Up to the last option column present; a missing column in between reads as a gap.
        last = max(
            (ALL_LETTERS.index(name[-1]) for name in self.columns if name.startswith("选项")), default=-1
        )
        return _options([self(f"选项{letter}") for letter in ALL_LETTERS[: last + 1]])


def _question(row: _Row, number: int) -> ParsedQuestion:
    qtype = _type(row("题型"))
    stem = row("题干")
    if not stem:
        raise RowError("缺少题干")
    options = row.options() if qtype in CHOICE_TYPES else []
    if qtype in CHOICE_TYPES and len(options) < 2:
        raise RowError(f"{TYPE_NAMES[qtype]}至少要有两个选项")
    answer = parse_answer(qtype, row("答案"), len(options))
    question = ParsedQuestion(
        type=qtype,
        stem=stem,
        options=options,
        answer=answer,
        explanation=row("解析"),
        material=row("材料"),
        chapter=row("章节"),
        lineno=number,
        difficulty=_difficulty(row("难度")),
        tags=_tags(row("标签")),
    )
    if answer is None:
        question.warnings.append("no answer found")  # the parser's wording (classify.NO_ANSWER)
    return question


def _type(text: str) -> str:
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()
    qtype = TYPE_ALIASES.get(key)
    if qtype is None:
        raise RowError(f"题型“{text}”无法识别" if text else "缺少题型")
    return qtype


def _options(values: list[str]) -> list[str]:
    last = max((i for i, v in enumerate(values) if v), default=-1)
    options = values[: last + 1]
    if any(not v for v in options):
        gap = ALL_LETTERS[options.index("")]
        raise RowError(f"选项{gap}是空的:选项要从A起连续填写")
    return options


def parse_answer(qtype: str, text: str, option_count: int) -> Answer:
    """The answer cell as printed → the pipeline's answer format; errors name the problem."""
    try:
        return questiontypes.get(qtype).parse_cell(text, option_count=option_count)
    except questiontypes.AnswerError as error:
        raise RowError(error.text()) from error


def _row_notes(question: ParsedQuestion) -> list[str]:
    """Doubts that don't stop a row: the question is imported, marked for review, and named here."""
    if question.type != "fill" or not isinstance(question.answer, list):
        return []
    blanks = len(BLANK.findall(question.stem))
    answers = len(question.answer)
    if not blanks or blanks == answers:  # a stem without marked blanks can't be counted
        return []
    question.warnings.append(f"{answers} answer(s) for {blanks} blank(s)")
    return [f"题干有 {blanks} 个空,答案有 {answers} 项(已导入,待审核)"]


def answer_cell(qtype: str, answer: Answer) -> str:
    """The stored answer as the template prints it (the inverse of parse_answer)."""
    return questiontypes.get(qtype).format_cell(answer)


def _difficulty(text: str) -> int | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = 0.5  # not a number: reported below like any other bad value
    if not value.is_integer() or not 1 <= value <= 5:
        raise RowError(f"难度“{text}”应为 1–5 的整数")
    return int(value)


def _tags(text: str) -> list[str]:
    tags: list[str] = []
    for tag in TAG_SPLIT.split(text):
        if tag and tag not in tags:  # "基础、基础" is one tag
            tags.append(tag)
    return tags
