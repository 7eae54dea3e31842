"""The spreadsheet template: one row per question, read and written with openpyxl (pure).

Trainers keep questions in spreadsheets; this is the one layout the importer reads without
guessing, so every problem is a row-numbered message rather than a heuristic. The bank
exports to the same layout, so export → import round-trips without change.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from .model import Answer, PaperError, ParsedPaper, ParsedQuestion
from .read_docx import check_zip_limits

LETTERS = "ABCDEFGH"
OPTION_HEADERS = [f"选项{letter}" for letter in LETTERS]
HEADERS = ["章节", "题型", "题干", "材料", *OPTION_HEADERS, "答案", "解析", "难度", "标签"]
REQUIRED = ("题型", "题干")
TYPE_NAMES = {
    "single": "单选题",
    "multiple": "多选题",
    "truefalse": "判断题",
    "fill": "填空题",
    "short": "简答题",
}
TYPE_ALIASES = {
    **{code: code for code in TYPE_NAMES},
    **{name: code for code, name in TYPE_NAMES.items()},
    **{name[:2]: code for code, name in TYPE_NAMES.items()},
    "问答题": "short",
    "名词解释": "short",
    "论述题": "short",
    "案例分析": "short",
    "案例分析题": "short",
}
TRUE_WORDS = {"对", "正确", "√", "✓", "是", "true", "t", "yes", "y"}
FALSE_WORDS = {"错", "错误", "×", "✗", "否", "false", "f", "no", "n"}
TAG_SPLIT = re.compile(r"\s*[,，、;；]\s*")
BLANK_SPLIT = re.compile(r"\s*[;；]\s*")


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

    def cells(self) -> list[object]:
        options = self.options + [""] * (len(LETTERS) - len(self.options))
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
    book = Workbook()
    sheet = book.active
    sheet.title = "试题"
    _header(sheet)
    for row in rows:
        sheet.append(row.cells())
    return _save(book)


def template_workbook() -> bytes:
    """The empty template to download: header, drop-downs, examples and instructions."""
    book = Workbook()
    sheet = book.active
    sheet.title = "试题"
    _header(sheet)
    types = DataValidation(type="list", formula1='"' + ",".join(TYPE_NAMES.values()) + '"', allow_blank=True)
    levels = DataValidation(type="whole", operator="between", formula1="1", formula2="5", allow_blank=True)
    sheet.add_data_validation(types)
    sheet.add_data_validation(levels)
    types.add(f"B2:B{MAX_TEMPLATE_ROWS}")
    levels.add(f"{_column('难度')}2:{_column('难度')}{MAX_TEMPLATE_ROWS}")
    examples = book.create_sheet("示例")
    _header(examples)
    for row in EXAMPLES:
        examples.append(row.cells())
    notes = book.create_sheet("说明")
    for line in INSTRUCTIONS:
        notes.append([line])
    notes.column_dimensions["A"].width = 100
    return _save(book)


MAX_TEMPLATE_ROWS = 2000
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
    "题库导入模板:每行一道题,第一行是表头,请不要修改表头文字。",
    "章节:题目所属章节,导入时自动创建;可留空。",
    "题型:单选题、多选题、判断题、填空题、简答题(也可写 single/multiple/truefalse/fill/short)。",
    "题干:必填。填空题用 ____ 或 ( ) 标出空位。",
    "材料:案例题中几道小题共用的背景材料,可留空。",
    "选项A–选项H:单选题、多选题至少两个选项,从选项A起连续填写。",
    "答案:单选填一个字母(B);多选填多个字母(ABD);判断填 对/错(或 √/×);"
    "填空题每个空一个答案,用分号隔开(客户;满意),同一空的几种答法用 | 隔开(客户|顾客);简答题填参考答案。",
    "解析:可留空。难度:1(最易)到 5(最难),可留空。标签:多个标签用顿号或逗号隔开。",
    "导入时会逐行检查,出错的行会列出行号和原因,其余行照常导入。",
]


def _header(sheet) -> None:  # type: ignore[no-untyped-def]
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = {"章节": 18, "题型": 10, "题干": 50, "材料": 30, "答案": 12, "解析": 30, "难度": 6, "标签": 14}
    for name in HEADERS:
        sheet.column_dimensions[_column(name)].width = widths.get(name, 16)


def _column(name: str) -> str:
    return chr(ord("A") + HEADERS.index(name))


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---- reading ---------------------------------------------------------------------------------
def read_template(filename: str, data: bytes) -> ParsedPaper:
    """Rows → questions; a row that can't be a question is a row-numbered warning instead."""
    sheet = _first_sheet(filename, data)
    rows = sheet.iter_rows(values_only=True)
    columns: dict[str, int] | None = None
    header_row = 0
    questions: list[ParsedQuestion] = []
    problems: list[str] = []
    for number, values in enumerate(rows, 1):
        cells = ["" if v is None else str(v).strip() for v in values]
        if columns is None:
            found = {name: i for i, name in enumerate(cells) if name in HEADERS}
            if all(name in found for name in REQUIRED):
                columns, header_row = found, number
            continue
        if not any(cells):
            continue
        try:
            questions.append(_question(cells, columns, number))
        except RowError as error:
            problems.append(f"第 {number} 行:{error}")
    if columns is None:
        raise PaperError(filename, "不是题库模板:缺少“题型”“题干”列")
    if not questions and not problems:
        raise PaperError(filename, f"模板第 {header_row} 行是表头,下面没有试题")
    return ParsedPaper(filename=filename, questions=questions, warnings=problems)


def _first_sheet(filename: str, data: bytes):  # type: ignore[no-untyped-def]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_limits(filename, archive)  # a spreadsheet can be a zip bomb too
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except PaperError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise PaperError(filename, f"不是可读取的 Excel 文件({type(exc).__name__})") from exc
    return book.worksheets[0]


def _question(cells: list[str], columns: dict[str, int], number: int) -> ParsedQuestion:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    qtype = TYPE_ALIASES.get(cell("题型").lower()) or TYPE_ALIASES.get(cell("题型"))
    if qtype is None:
        raise RowError(f"题型“{cell('题型')}”无法识别")
    stem = cell("题干")
    if not stem:
        raise RowError("缺少题干")
    options = _options([cell(name) for name in OPTION_HEADERS])
    answer = parse_answer(qtype, cell("答案"), len(options))
    question = ParsedQuestion(
        type=qtype,
        stem=stem,
        options=options if qtype in ("single", "multiple") else [],
        answer=answer,
        explanation=cell("解析"),
        material=cell("材料"),
        chapter=cell("章节"),
        lineno=number,
        difficulty=_difficulty(cell("难度")),
        tags=[t for t in TAG_SPLIT.split(cell("标签")) if t],
    )
    if answer is None:
        question.warnings.append("no answer found")
    return question


def _options(values: list[str]) -> list[str]:
    last = max((i for i, v in enumerate(values) if v), default=-1)
    options = values[: last + 1]
    if any(not v for v in options):
        gap = LETTERS[options.index("")]
        raise RowError(f"选项{gap}是空的:选项要从A起连续填写")
    return options


def parse_answer(qtype: str, text: str, option_count: int) -> Answer:
    """The answer cell as printed → the pipeline's answer format; errors name the problem."""
    if not text:
        return None
    if qtype in ("single", "multiple"):
        if option_count < 2:
            raise RowError(f"{TYPE_NAMES[qtype]}至少要有两个选项")
        letters = "".join(sorted(set(re.sub(r"[\s,，、]", "", text.upper()))))
        if not letters or any(c not in LETTERS for c in letters):
            raise RowError(f"答案“{text}”应为选项字母")
        beyond = [c for c in letters if LETTERS.index(c) >= option_count]
        if beyond:
            raise RowError(f"答案 {''.join(beyond)},但只有 {option_count} 个选项")
        if qtype == "single" and len(letters) > 1:
            raise RowError(f"单选题的答案只能是一个字母,这里是“{text}”")
        return letters
    if qtype == "truefalse":
        word = text.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise RowError(f"判断题的答案应为 对/错,这里是“{text}”")
    if qtype == "fill":
        return [part for part in BLANK_SPLIT.split(text) if part]
    return text


def answer_cell(qtype: str, answer: object) -> str:
    """The stored answer as the template prints it (the inverse of parse_answer)."""
    if answer is None:
        return ""
    if qtype == "truefalse":
        return "对" if answer else "错"
    if qtype == "fill" and isinstance(answer, list):
        return ";".join(str(a) for a in answer)
    return str(answer)


def _difficulty(text: str) -> int | None:
    if not text:
        return None
    try:
        value = int(float(text))
    except ValueError as exc:
        raise RowError(f"难度“{text}”应为 1–5 的数字") from exc
    if not 1 <= value <= 5:
        raise RowError(f"难度“{text}”应为 1–5 的数字")
    return value
