"""Spreadsheet banks as people exchange them: any header wording, any column order, one sheet
or one sheet per type (pure).

Each sheet's header row is found among its first rows and its columns are mapped by synonyms
(题目/题干/试题内容 → stem, 正确答案/标准答案 → answer, A/选项A/选项1 → options, one cell
"A.xx B.yy" → options …); columns nobody recognises are ignored, and the paper's notes say
which columns were used. With no type column the type comes from the sheet's name (单选题,
判断…) or from the row itself (options and answer letters, a 对/错 answer, a blank). The
project's own template (spreadsheet.py) stays the strict round-trip format: a workbook whose
header holds only template columns is read there.
"""

from __future__ import annotations

import bisect
import functools
import html
import json
import os
import re
import unicodedata
from dataclasses import dataclass, replace

import questiontypes
from questiontypes import words

from . import rules
from .classify import VERDICT_THEN_REASON, as_key_without_options, letters_by_text, truth, without_source_tag
from .clean import HTML_TAG
from .csv_sheet import csv_sheet
from .grouped_records import grouped_questions
from .headerless import infer_columns, keyed_at_row_ends, keyed_by_marks, keyed_by_numerals
from .inline_numbered_options import lettered_in_text, numbered_in_text
from .listed_options import quoted_list
from .model import Answer, PaperError, ParsedPaper, ParsedQuestion
from .numbers import letters_at
from .spreadsheet import HEADERS, read_template
from .traditional import simplified_converter
from .vertical_records import transposed
from .workbook import Row, Sheet, read_sheets

# Header words → field. Compared after NFKC, without spaces, "*" marks and "(必填)" notes. Database
# tables name them in pinyin too ("TIMU", "DAAN", "TIXING", "XUANXIANG_A"), or by its initials
# ("TG" 题干, "DA" 答案, "XX1" 选项1, "JX" 解析, "LB" 类别).
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "type": (
        "题型",
        "类型",
        "题目类型",
        "试题类型",
        "题型名称",
        "题类",
        "题目题型",
        "考题类型",
        "type",
        "questiontype",
        "tixing",
        "leixing",
        "tx",  # pinyin initials, as database columns abbreviate them ("TX", "TMLX")
        "tmlx",
        "stlx",
    ),
    "stem": (
        "题干",
        "题目",
        "试题",
        "试题内容",
        "题目内容",
        "试题题干",
        "题干内容",
        "题目名称",
        "问题",
        "提问",
        "问题内容",
        "问题描述",
        "题目描述",
        "试题描述",
        "考题",
        "考题内容",
        "题目文本",
        "题面",
        "内容",
        "正文",  # "试题正文", "题目正文": the body of the question
        "试题正文",
        "题目正文",
        "标题",  # an exam system's export: each question's "title" is its text (see TITLE_WORDS)
        "试题标题",
        "题目标题",
        "question",
        "questiontitle",
        "title",
        "text",
        "prompt",
        "stem",
        "content",
        "questioncontent",
        "problem",
        "description",
        "q",
        "que",  # (a database's short names, as "ans" for the answer)
        "ques",
        "timu",
        "tigan",
        "shiti",
        "wenti",
        "tm",
        "tg",
        "tmnr",
        "stnr",
    ),
    "answer": (
        "答案",
        "正确答案",
        "标准答案",
        "参考答案",
        "正确选项",
        "试题答案",
        "题目答案",
        "问题答案",
        "answer",
        "answers",
        "ans",
        "key",
        "true",
        "correct",
        "correctanswer",
        "rightanswer",
        "daan",
        "zhengquedaan",
        "biaozhundaan",
        "cankaodaan",
        "da",
        "zqda",
        "bzda",
        "ckda",
    ),
    "explanation": (
        "解析",
        "答案解析",
        "试题解析",
        "题目解析",
        "解释",
        "分析",
        "详解",
        "讲解",
        "讲解内容",
        "解题说明",
        "解题思路",
        "explanation",
        "explain",  # (a drill page's field: "explain": "…")
        "answerexplanation",
        "rationale",
        "feedback",
        "analysis",
        "detail",
        "details",
        "jiexi",
        "daanjiexi",
        "jx",
        "dajx",
    ),
    "chapter": (
        "章节",
        "所属章节",
        "章",
        "单元",
        "知识点",
        "所属知识点",
        "分类",
        "类别",
        "模块",
        "科目",
        "chapter",
        "category",
        "zhangjie",
        "zhishidian",
        "lb",
        "zj",
        "zsd",
    ),
    "difficulty": ("难度", "难易度", "难易程度", "difficulty", "nandu", "nd"),
    "material": ("材料", "背景材料", "案例", "案例材料"),
    # a program the question is asked about, kept apart from its words by programming quiz apps
    "code": ("代码", "程序代码", "代码段", "code", "codelines", "codesnippet", "snippet", "sourcecode"),
    "options": (
        "选项",
        "选项内容",
        "试题选项",
        "题目选项",
        "备选项",
        "备选答案",
        "所有选项",
        "答案选项",
        "可选项",
        "选择项",
        "options",
        "option",
        "opts",
        "choices",
        "optioncontent",
        "optionlist",
        "xuanxiang",
        "xx",
    ),
    "number": ("序号", "题号", "编号", "no", "id", "number", "num", "tihao", "xuhao", "th", "xh"),
    # an app's key as the right option's index, counted from 0 as code counts ("correctIndex": 2)
    "answer_index": ("answerindex", "correctindex", "rightindex", "rightanswerindex", "correctanswerindex"),
}
_WORD_FIELD = {word: name for name, words in FIELD_WORDS.items() for word in words}
# "A", "选项A", "A选项", "选项1", "答案A", "AOption", "OptionA", "Answer 1", "Choice B", a web
# quiz's "firstOption" (exports label them all ways).
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
OPTION_COLUMN = re.compile(
    r"^第?(?:选项|选择项|答案|option|answer|choice|xuanxiang|xx)?"
    rf"([A-Ha-h]|[1-8]|[一二三四五六七八]|{'|'.join(ORDINALS)})(?:个?选项|项|option|choice)?$",
    re.IGNORECASE,
)
# "(必填)", "*", a note after a spaced dash ("Question - max 120 characters": Kahoot's template) or
# after a colon ("考题类型：0：单；1：多；3：判断", "正确答案：第几个选项"; not "选项：A", its letter)
HEADER_NOTE = re.compile(r"[(（][^)）]*[)）]|[*＊]|[:：](?![A-Ha-h1-8]?\s*$).*$|[:：]|\s+[-–—]\s+.*$")
HEADER_SCAN_ROWS = 20
NO_HEADER = "不是题库表格:找不到表头(需要“题目”或“题干”列,以及“答案”、“选项A”或“题型”列)"
NO_QUESTIONS = "表头下面没有试题"
# Labels inside one options cell: "A.xx B.yy", "A、xx\nB、yy", "(A)xx".
CELL_OPTION = re.compile(r"(?:^|(?<=\s)|(?<=[;；|]))[(（]?([A-H])[)）]?\s*[.、．:：)）]\s*")
CELL_LABEL = re.compile(r"^[A-H](?:\s*[.、．:：)）]|\s+|(?=[\u4e00-\u9fff]))\s*")
CHOICE_TYPES = questiontypes.CHOICE_CODES
LETTER_ANSWER = re.compile(r"^[A-Ha-h](?:[\s,，、;；/|｜]*[A-Ha-h])*$")
# Blanks listed in one cell: by semicolons, else commas, else spaces (the first that fits).
FILL_SPLIT = (
    re.compile(rf"\s*[{words.BLANK_SEPARATORS}]\s*"),
    re.compile(rf"\s*[{words.LIST_SEPARATORS}]\s*"),
    re.compile(r"\s+"),
)
# Type cells hold the platform's codes as often as names: "SC" (single choice), a web form's
# "radio"/"checkbox", "TF"/"judge". ("MC" is left out: English banks mean a single-answer
# multiple-choice question by it as often as a multiple-answer one; the key decides.)
TYPE_WORDS = {code: code for code in questiontypes.CODES} | {
    "sc": "single",
    "radio": "single",
    "checkbox": "multiple",
    "tf": "truefalse",
    "judge": "truefalse",
    # the English names quiz platforms (Quizizz, Kahoot, Google Forms) give their types
    "truefalse": "truefalse",
    "trueorfalse": "truefalse",
    "fillintheblank": "fill",
    "fillintheblanks": "fill",
    "fillblank": "fill",
    "openended": "short",
    "essay": "short",
    "shortanswer": "short",
    "paragraph": "short",
    # an exam system's export names every row "主观题", choices too: the row shows its type
    "主观题": "",
    "主觀題": "",
}
BAR = re.compile(r"\s*[|｜]\s*")


@dataclass
class Columns:
    """Where each field of a sheet lives: field → column index; options → indexes in order."""

    header_row: int
    fields: dict[str, int]
    options: list[int]
    used: list[str]  # "题目→题干" for the notes
    by_blocks: bool = False  # the sheet's rows were blocks of "label | value" (vertical_records)


def read_spreadsheet(filename: str, data: bytes) -> ParsedPaper:
    """The template when the header is the template's; otherwise a bank in its own layout."""
    sheets = read_sheets(filename, data)
    if _is_template(sheets[0]):
        return read_template(filename, data)
    return read_bank_sheets(filename, sheets)


def read_csv(filename: str, data: bytes) -> ParsedPaper | None:
    """A CSV bank read as a one-sheet workbook; None when no column can be told (the text reader
    then reads its lines)."""
    sheet, columns = sheet_columns(csv_sheet(filename, data))
    if columns is None:
        return None
    return read_bank_sheets(filename, [sheet], known={sheet.name: columns})


def sheet_columns(sheet: Sheet) -> tuple[Sheet, Columns | None]:
    """The columns its header names, or (without one) its cells show. A sheet without a header
    whose right options are marked in their cells, or whose rows each end in their key, or name it
    by its place in numerals, comes back with one key column of letters (see headerless)."""
    found = find_columns(sheet.rows)
    if found is not None:
        return sheet, found
    vertical = transposed(sheet, _names_field)  # "题目 | …" "答案 | …" "选项1 | …": a field a row
    if vertical is not None and (found := find_columns(vertical.rows)) is not None:
        found.by_blocks = True
        return vertical, found
    sheet = keyed_at_row_ends(keyed_by_marks(keyed_by_numerals(sheet)))
    return sheet, infer_columns(sheet.rows)


def read_bank_sheets(
    filename: str, sheets: list[Sheet], known: dict[str, Columns] | None = None
) -> ParsedPaper:
    """Each sheet by its columns (`known`: those a caller already looked for, by sheet name)."""
    questions: list[ParsedQuestion] = []
    warnings: list[str] = []
    notes: list[str] = []
    headers_found = text_rows = 0
    aside = [sheet for sheet in sheets if is_aside(sheet)]
    if len(aside) < len(sheets):
        notes.extend(f"工作表“{sheet.name}”是说明或示例,未读取" for sheet in aside)
        sheets = [sheet for sheet in sheets if sheet not in aside]
    by_columns = [
        (sheet, known[sheet.name]) if known and sheet.name in known else sheet_columns(sheet)
        for sheet in sheets
    ]
    headed = any(
        columns is not None and (columns.header_row or columns.by_blocks) for _, columns in by_columns
    )
    for sheet, columns in by_columns:
        if headed and columns is not None and not (columns.header_row or columns.by_blocks):
            # a bank names its columns on every sheet of questions: a table naming none beside it
            # holds the workbook's other data (a roster, a list of sources); a paper pasted in as
            # text is still read as one
            notes.append(f"工作表“{sheet.name}”没有表头(别的工作表有),不是题目,未读取")
            continue
        text_rows += _rows_with_text(sheet, columns)
        if columns is None:
            if any(any(cells) for _, cells in sheet.rows):
                found = _read_as_text(filename, sheet)
                questions.extend(found)
                unread = f"工作表“{sheet.name}”没有可识别的表头(题目/题干、答案…),未读取"
                read = f"工作表“{sheet.name}”没有表头,按文字试卷读取,找到 {len(found)} 题"
                (notes if found else warnings).append(read if found else unread)
            continue
        headers_found += 1
        notes.append(_columns_note(sheet.name, columns))
        found, problems = _read_sheet(sheet, columns, multi=len(sheets) > 1)
        questions.extend(found)
        warnings.extend(problems)
    if not questions:
        raise PaperError(filename, NO_QUESTIONS if headers_found else NO_HEADER)
    paper = ParsedPaper(filename=filename, questions=questions, warnings=warnings, notes=notes)
    paper.text_rows = text_rows
    return paper


def _columns_note(name: str, columns: Columns) -> str:
    if columns.by_blocks:
        where = "每题一组行,每行一个字段"
    else:
        where = f"第 {columns.header_row} 行是表头" if columns.header_row else "没有表头,按内容认出各列"
    return f"工作表“{name}”{where}:" + ",".join(columns.used)


def read_table(filename: str, sheet: Sheet) -> ParsedPaper | None:
    """Records of a text bank split into cells ("1|||题干|||对"): read as a sheet, when its
    columns can be told; None leaves the text to the line reader."""
    columns = infer_columns(sheet.rows)
    if columns is None:
        return None
    questions, problems = _read_sheet(sheet, columns, multi=False)
    if not questions:
        return None
    note = "每行一题,按分隔符分列读取:" + ",".join(columns.used)
    paper = ParsedPaper(filename=filename, questions=questions, warnings=problems, notes=[note])
    paper.text_rows = _rows_with_text(sheet, columns)
    return paper


def _rows_with_text(sheet: Sheet, columns: Columns | None) -> int:
    """Rows with a cell of text below the header (all of them in a sheet without one): what a
    reading of the sheet should account for."""
    start = columns.header_row if columns is not None else 0
    return sum(1 for n, cells in sheet.rows if n > start and any(c.strip() for c in cells))


# Import templates handed out by platforms and schools travel with a 填写说明 sheet and a 示例
# sheet of sample rows, and a bank filled in from one keeps both: neither holds the owner's
# questions. (A workbook holding nothing else is read anyway.)
ASIDE_SHEET = re.compile(
    r"(?:填写|导入|使用|模板|格式|题型|答题|导题)?(?:说明|須知|须知|示例|样例|樣例|范例|範例|例子|帮助)\d*"
    r"|(?:readme|instructions?|help|examples?|samples?)\d*",
    re.IGNORECASE,
)


# ...or a sheet left "Sheet1" whose first line says so: "此sheet是示例,不要填写内容"
ASIDE_NOTE = re.compile(
    r"^(?:此|本|该|該)\s*(?:sheet|工作表|表|页|頁)\s*(?:是|为|為|仅为|僅為)?\s*(?:填写|导入|使用)?(?:说明|示例|样例|樣例|范例|範例|模板)"
    r"|(?:不要|请勿|請勿|勿)在?(?:此|本)?(?:sheet|工作表|表|页)?(?:中|内|內)?填写",
    re.IGNORECASE,
)


def is_aside(sheet: Sheet) -> bool:
    first = next((c for _, cells in sheet.rows for c in cells if c.strip()), "")
    return ASIDE_SHEET.fullmatch(_norm_header(sheet.name)) is not None or ASIDE_NOTE.search(first) is not None


def _read_as_text(filename: str, sheet: Sheet) -> list[ParsedQuestion]:
    """A paper pasted into a sheet's cells: each row's cells are one line of text."""
    from .model import Line
    from .parse import parse_lines  # late: the text pipeline reads tables through this module

    lines = [Line(text=_row_text([c for c in cells if c]), lineno=n) for n, cells in sheet.rows]
    questions = parse_lines(filename, lines).questions
    if sum(1 for q in questions if q.number) < 2:
        return []  # no numbered questions: a sheet of something else (a roster, a score list)
    for q in questions:
        q.section = q.section or sheet.name
        q.warnings.append("read as text from a sheet without a header")
    return questions


KEY_CELL = re.compile(r"^[A-Ha-h]{1,8}$")
EMPTY_BLANK = re.compile(r"[(（]\s*[)）]")


def _row_text(cells: list[str]) -> str:
    """A row's cells as one line; a last cell holding only letters is the key, written into the
    stem's blank ("…( )。" | "B" → "…( B )。") the way papers print it, else labelled after the
    options ("答案:B")."""
    if len(cells) >= 2 and KEY_CELL.match(cells[-1]):
        key = cells[-1].upper()
        text = "\t".join(cells[:-1])
        filled = EMPTY_BLANK.sub(f"( {key} )", text, count=1)
        return filled if filled != text else f"{text}\t答案:{key}"  # (no blank: after the options)
    return "\t".join(cells)


def _is_template(sheet: Sheet) -> bool:
    for _, cells in sheet.rows[:HEADER_SCAN_ROWS]:
        names = [_norm_header(c) for c in cells if c]
        if "题型" in names and "题干" in names:
            return all(n in HEADERS or re.fullmatch(r"选项[A-Z]", n) for n in names)
    return False


def find_columns(rows: list[Row]) -> Columns | None:
    """The first row among the first few that names a stem column and something else to read."""
    for k, (number, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns = _header(number, cells, _shared_prefix(cells)) or _unnamed_stem(
            number, cells, rows[k + 1 : k + 1 + HEADER_SCAN_ROWS]
        )
        if columns is not None:
            columns = _letters_below(columns, rows[k + 1]) if k + 1 < len(rows) else columns
            return _labels_beside_texts(columns, rows[k + 1 : k + 1 + LABEL_SAMPLE_ROWS])
    return None


LABEL_SAMPLE_ROWS = 50
LABELLED_SHARE = 0.9  # of an option column's cells, those that are bare labels
OPTION_LABEL_CELL = re.compile(r"^\s*[(（]?\s*(?:[A-Ha-h]|\d{1,2}|[①-⑧])\s*[)）.、．]?\s*$")


def _labels_beside_texts(columns: Columns, below: list[Row]) -> Columns:
    """ "o1 | p1 | o2 | p2": each option column holding only its label ("(1)", "A"), the same all
    down it, the option's text in the unnamed column after it: the text columns are the options."""
    if not columns.options:
        return columns
    named = {*columns.fields.values(), *columns.options}
    moved: list[int] = []
    for i in columns.options:
        cells = [row[i] for _, row in below if i < len(row) and row[i].strip()]
        texts = [row[i + 1] for _, row in below if i + 1 < len(row) and row[i + 1].strip()]
        labels = [cell.strip() for cell in cells if OPTION_LABEL_CELL.match(cell)]
        one_label = len(set(labels)) == 1  # ("(2)" all down its column: never options that are numbers)
        if (
            not one_label
            or len(labels) < LABELLED_SHARE * len(cells)
            or i + 1 in named
            or len(texts) < len(cells)
        ):
            return columns
        moved.append(i + 1)
    used = [*columns.used, "选项文字取自各标号列右侧的一列"]
    return Columns(columns.header_row, columns.fields, moved, used, columns.by_blocks)


def _unnamed_stem(number: int, cells: list[str], below: list[Row]) -> Columns | None:
    """ "序号 | 题型 | (blank) | 答案": a header naming the columns around the questions but not
    theirs (its name lost with a merged cell): the unnamed column with the most text below."""
    named = {field_named(_norm_header(cell)) for cell in cells if cell.strip()}
    if "stem" in named or len(named & {"answer", "type", "number"}) < 2:
        return None
    text = {
        i: sum(len(row[i]) for _, row in below if i < len(row))
        for i, cell in enumerate(cells)
        if not cell.strip()
    }
    stem = max(text, key=lambda i: text[i], default=None)
    if stem is None or not text[stem]:
        return None
    columns = _header(number, [*cells[:stem], FIELD_LABELS["stem"], *cells[stem + 1 :]], "")
    if columns is not None:
        note = f"{FIELD_LABELS['stem']}→{FIELD_LABELS['stem']}"
        columns.used[columns.used.index(note)] = f"(第{stem + 1}列，无表头)→{FIELD_LABELS['stem']}"
    return columns


def _letters_below(columns: Columns, row: Row) -> Columns:
    """ "选项" merged over four columns, "A B C D" under it: a header of two rows, the options
    the lettered columns of the second."""
    number, cells = row
    letters = {i: c.strip().upper() for i, c in enumerate(cells) if c.strip()}
    if len(letters) < 2 or any(not re.fullmatch(r"[A-H]", letter) for letter in letters.values()):
        return columns
    if sorted(letters.values()) != list("ABCDEFGH"[: len(letters)]):
        return columns
    fields = {name: index for name, index in columns.fields.items() if name != "options"}
    options = [i for i, _ in sorted(letters.items(), key=lambda item: item[1])]
    merged = [u for u in columns.used if not u.endswith("→" + FIELD_LABELS["options"])]
    used = [*merged, *(f"{letter}→选项{letter}" for letter in sorted(letters.values()))]
    return Columns(number, fields, options, used)


SOLUTION_WORDS = ("解答", "solution")
# "qnumber | qstem | qA … | qTrue": a program's export prefixes every column name alike.
SHARED_PREFIX = re.compile(r"[a-z]{1,3}_?", re.IGNORECASE)


def _shared_prefix(cells: list[str]) -> str:
    names = [_norm_header(c) for c in cells if c.strip()]
    if len(names) < 3 or any(_WORD_FIELD.get(n.lower()) for n in names):
        return ""
    prefix = os.path.commonprefix(names)
    return prefix if SHARED_PREFIX.fullmatch(prefix) and all(len(n) > len(prefix) for n in names) else ""


# "Q | A1 A2 A3 A4 | A": options numbered under one short prefix (a family of two or more from 1).
NUMBERED_OPTION = re.compile(r"([A-Za-z]{1,3})([1-8])")


def _numbered_options(names: list[str]) -> dict[int, int]:
    """Column index → option place, for the columns of a numbered family."""
    families: dict[str, dict[int, int]] = {}
    for index, name in enumerate(names):
        if (numbered := NUMBERED_OPTION.fullmatch(name)) and not _WORD_FIELD.get(name.lower()):
            families.setdefault(numbered.group(1).lower(), {})[int(numbered.group(2))] = index
    for places in families.values():
        if len(places) >= 2 and sorted(places) == list(range(1, len(places) + 1)):
            return {index: place - 1 for place, index in places.items()}
    return {}


def _header(number: int, cells: list[str], prefix: str) -> Columns | None:
    fields: dict[str, int] = {}
    options: dict[int, int] = {}
    used: list[str] = []
    names = [_norm_header(text)[len(prefix) :] for text in cells]
    numbered = _numbered_options(names)
    # A lone letter A with no B beside it answers ("Q | A", "Q | A1…A4 | A"), not an option A.
    lone_a = "b" not in {n.lower() for n in names} and "a" in {n.lower() for n in names}
    # "解答" (Taiwan's banks head their key so), "solution": beside a column of 答案, the worked solution
    solution = "explanation" if any(field_named(name) == "answer" for name in names) else "answer"
    # ("标题" names the stem only where no column says "题目": "標題 | 題目內容" is a topic beside it)
    order = sorted(range(len(cells)), key=lambda i: names[i] in TITLE_WORDS)
    for index, text, name in ((i, cells[i], names[i]) for i in order):
        if not name:
            continue
        if index in numbered:
            options[numbered[index]] = index
            used.append(f"{text}→选项{'ABCDEFGH'[numbered[index]]}")
            continue
        option = OPTION_COLUMN.fullmatch(name)
        field = "answer" if lone_a and name.lower() == "a" else field_named(name)
        field = solution if name.lower() in SOLUTION_WORDS else field
        if option and field is None:
            token = option.group(1).upper()
            place = "12345678".find(token) + 1 or "一二三四五六七八".find(token) + 1  # 0: a letter
            place = place or (ORDINALS.index(token.lower()) + 1 if token.lower() in ORDINALS else 0)
            letter = "ABCDEFGH"[place - 1] if place else token
            options.setdefault(ord(letter) - ord("A"), index)
            used.append(f"{text}→选项{letter}")
        elif field is not None and field not in fields:
            fields[field] = index
            used.append(f"{text}→{FIELD_LABELS[field]}")
    if options and 0 not in options:
        # "问题 | 答案 | 3": a stray number (a score, a count) heads no option column: options start at A
        used = [note for note in used if "→选项" not in note]
        options = {}
    if "stem" in fields and "explanation" in fields and not options and fields.keys() <= OPEN_BANK_FIELDS:
        _explanation_answers(fields, used)
    if "stem" in fields and ({"answer", "type", "options", "number"} & fields.keys() or options):
        return Columns(number, fields, [options[k] for k in sorted(options)], used)
    return None


TITLE_WORDS = frozenset({"标题", "试题标题", "题目标题"})  # (names are compared simplified)


# Interview and review banks are kept as "题目 | 解析": questions and the worked text that answers
# them, no key column. The 解析 is then the reference answer, not a note on one.
OPEN_BANK_FIELDS = frozenset({"stem", "explanation", "chapter", "difficulty", "number"})


def _explanation_answers(fields: dict[str, int], used: list[str]) -> None:
    fields["answer"] = fields.pop("explanation")
    label = "→" + FIELD_LABELS["explanation"]
    used[:] = [u.removesuffix(label) + "→" + FIELD_LABELS["answer"] if u.endswith(label) else u for u in used]


def _names_field(text: str) -> bool:
    name = _norm_header(text)
    return bool(name) and (field_named(name) is not None or OPTION_COLUMN.fullmatch(name) is not None)


def names_an_option(text: str) -> bool:
    """A header naming an option's column: "选项A", "OptionB", "firstOption"."""
    return OPTION_COLUMN.fullmatch(_norm_header(text)) is not None


def field_named(name: str) -> str | None:
    """The field a bare header names; database exports prefix their columns with the record's
    name ("questionAnswer", "question_analysis"), so a "question" prefix is looked through."""
    name = name.lower()
    found = _WORD_FIELD.get(name) or _WORD_FIELD.get(name.removeprefix("question") or name)
    if found is None and name.endswith("解析"):
        return "explanation"  # "AI解析", "名师解析", "官方解析": whose explanation it is, then the word
    return found


FIELD_LABELS = {
    "type": "题型",
    "stem": "题干",
    "answer": "答案",
    "explanation": "解析",
    "chapter": "章节",
    "difficulty": "难度",
    "material": "材料",
    "code": "代码",
    "options": "选项",
    "number": "题号",
    "answer_index": "答案(选项序号,从0起)",
}


@functools.lru_cache(maxsize=4096)
def _norm_header(text: str) -> str:
    """Header words compared bare: "正确答案(必填)" → 正确答案, "correct_answer" → correctanswer
    (database exports name columns in snake or kebab case), "正確答案" → 正确答案 (banks from
    Taiwan, Hong Kong and Macau head their columns in Traditional characters)."""
    bare = re.sub(r"[\s_\-]+", "", HEADER_NOTE.sub("", unicodedata.normalize("NFKC", text)))
    return str(simplified_converter().convert(bare)) if bare and not bare.isascii() else bare


# Columns that label a run of rows: a 题型 or 章节 cell merged down over its questions, a case's
# 材料 merged over its sub-questions. Each row of the run gets the text (Excel keeps it only in
# the top cell). A merged stem or answer is not a run and is left alone.
RUN_FIELDS = ("type", "chapter", "material", "difficulty")


def filled_down(sheet: Sheet, columns: Columns) -> list[Row]:
    """The sheet's rows with merged cells of the run columns filled down."""
    targets = {columns.fields[f] for f in RUN_FIELDS if f in columns.fields}
    merges = sorted(
        (col, first, last) for first, last, col, _ in sheet.merged if col in targets and last > first
    )
    if not merges:
        return sheet.rows
    rows = [(n, list(cells)) for n, cells in sheet.rows]
    numbers = [n for n, _ in rows]
    covered = dict.fromkeys(targets, 0)  # per column, the last row already filled (hostile overlaps)
    for col, first, last in merges:
        start = bisect.bisect_left(numbers, max(first, covered[col] + 1))
        end = bisect.bisect_right(numbers, last)
        covered[col] = max(covered[col], last)
        top = rows[start][1] if start < len(rows) and rows[start][0] == first else None
        if top is None or col >= len(top) or not top[col]:
            continue
        for _, cells in rows[start + 1 : end]:
            cells.extend([""] * (col + 1 - len(cells)))
            cells[col] = cells[col] or top[col]
    return rows


def _read_sheet(sheet: Sheet, columns: Columns, *, multi: bool) -> tuple[list[ParsedQuestion], list[str]]:
    sheet = Sheet(sheet.name, filled_down(sheet, columns), sheet.merged)
    columns = _keyed_by_place(sheet, _without_placeholder_columns(sheet, columns))
    sheet_kind = kind_named(sheet.name)
    section = sheet.name if multi or sheet_kind else ""
    questions: list[ParsedQuestion] = []
    problems: list[str] = []
    numbered = _numbered_stems(sheet, columns)
    header = next((c for n, c in sheet.rows if n == columns.header_row), None)
    for number, cells in sheet.rows:
        if number <= columns.header_row:
            continue
        if cells == header:
            continue  # the header again: two exports joined into one file

        def cell(name: str, cells: list[str] = cells) -> str:
            index = columns.fields.get(name)
            return plain_cell(cells[index].strip()) if index is not None and index < len(cells) else ""

        printed_number, tag_kind, stem = stem_cell(cell("stem"), numbered=numbered)
        stem = _with_code(stem, cell("code"))
        if not stem:
            if any(cells):
                problems.append(f"工作表“{sheet.name}”第 {number} 行:没有题干,未导入")
            continue
        kind = kind_named(cell("type")) or tag_kind or sheet_kind
        # (a fill's one blank may have its answer in the first of the "答案A" "答案B" columns alone)
        options = _row_options(cells, columns, least=1 if kind == "fill" else 2)
        if not options and _heads_a_part(stem):
            section = stem  # "大题 | 单项选择题 | A": an exam system's row heading the rows under it
            continue
        group = grouped_questions(stem, json_list(cell("answer"))) if not options else []
        for question in group:  # (a passage and its questions in one record, keyed by a list)
            question.explanation, question.section, question.lineno = cell("explanation"), section, number
            questions.append(question)
        if group:
            continue
        if not options and not columns.options and "options" not in columns.fields:
            stem, options = joined_options(stem, cell("answer")) or options_in_stem(stem)
        elif options:
            stem = without_echoed_options(stem, options)
        by_place = cell("answer_place") or cell("answer_index")
        answer = (
            _graded(cell("answer"))
            or _letters_at(cell("answer_place"), options, first=1)
            or _letters_at(cell("answer_index"), options, first=0)
            or ("" if options else by_place)  # (a judgement's code in the same column, "1" for 正确)
        )
        options, answer, explanation = _shifted_left(
            options, answer, _explanation_unlabelled(cell("explanation"))
        )
        lone = json_list(cell("options")) if not options else None
        if lone and _lone_option_a_blanks_key(stem, lone, answer):
            options = lone  # '["网状模型"]' keyed A: its blank's answer (see build_question)
        question = build_question(stem, options, answer, kind)
        question.explanation = explanation
        question.material = cell("material")
        question.chapter = cell("chapter")
        question.section = section
        question.lineno = number
        question.number = cell("number") or printed_number
        question.difficulty = _difficulty(cell("difficulty"))
        questions.append(question)
    _coded_verdicts(questions)
    return questions, problems


def _heads_a_part(stem: str) -> bool:
    """A stem that is only a part's name: "单项选择题", "二、判断题" (a type, no question)."""
    name = PART_NUMBER.sub("", stem, count=1)
    return len(name) <= PART_NAME_CHARS and kind_named(name) != "" and not rules.asks_in_words(name)


PART_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*")
PART_NAME_CHARS = 8
# "C[解析] 十六届五中全会…": the key echoed before the explanation's own label, neither its text
# (only the 解析 labels of rules.EXPLANATION: in a column of notes "出处：" says what a note is)
EXPLANATION_LABEL = re.compile(
    r"^\s*(?:[A-H]{1,8}|对|错|正确|错误|√|×)?\s*(?:\[解析\]|【解析】|解析\s*[:：])\s*"
)


def _explanation_unlabelled(explanation: str) -> str:
    return EXPLANATION_LABEL.sub("", explanation, count=1)


# What sets a program apart from an identifier in a "code" column ("Q001" is a record's code)
PROGRAM_SIGN = re.compile(r"[\n;{}()=<>]")


def _with_code(stem: str, code: str) -> str:
    """The stem and, under it, the program it asks about: a cell of lines, or a JSON list of them
    (an app's "codeLines")."""
    lines = _json_lines(code) if code.startswith("[") else None
    code = "\n".join(lines) if lines else code
    return f"{stem}\n{code}" if stem and PROGRAM_SIGN.search(code) else stem


def _json_lines(text: str) -> list[str] | None:
    """'["int main(){", "    return 0;"]': the lines, their indents kept."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) and all(isinstance(line, str) for line in value) else None


# "A、B、C(对)": a learner's answer as the platform graded it (the column "答案(正确/错误)")
GRADED = re.compile(r"^\s*([A-H](?:\s*[、,，]?\s*[A-H])*)\s*[(（]\s*(对|错|正确|错误)\s*[)）]\s*$")


def _graded(answer: str) -> str:
    """The letters of an answer graded right; nothing for one graded wrong (the key is not known)."""
    graded = GRADED.match(answer)
    if graded is None:
        return answer
    return graded.group(1) if graded.group(2) in ("对", "正确") else ""


def _letters_at(places: str, options: list[str], first: int) -> str:
    """ "4" (or "1,3", '["0", "2"]') over four options: the key by the options' places, counted
    from `first` (1 as people count, 0 as code does)."""
    if NO_PLACE.fullmatch(places):
        return ""
    found = json_list(places) if places.startswith("[") else re.findall(r"\d+", places)
    return letters_at(found or [], len(options), first)


ZERO_PLACES = re.compile(r"\[?\s*\"?\d\"?(?:\s*,\s*\"?\d\"?)*\s*\]?")
NO_PLACE = re.compile(r"\[?\s*\"?-1\"?\s*\]?")  # an index of -1: no option chosen (the app's "unset")


def _keyed_by_place(sheet: Sheet, columns: Columns) -> Columns:
    """A key column of option places throughout: read as places even where an option's text is
    that number too ("4" over "2 | 4 | 6 | 8" is the fourth). One of them 0 counts from 0, as code
    does (places from 1 never say 0). Kept as texts when every place is also its row's option."""
    at = columns.fields.get("answer")
    if at is None or not (columns.options or "options" in columns.fields):
        return columns
    rows = [c for n, c in sheet.rows if n > columns.header_row and at < len(c) and c[at].strip()]
    keys = [c[at].strip() for c in rows if not NO_PLACE.fullmatch(c[at].strip())]
    rows = [c for c in rows if not NO_PLACE.fullmatch(c[at].strip())]
    if not keys or not all(ZERO_PLACES.fullmatch(key) for key in keys):
        return columns
    if any("0" in re.findall(r"\d", key) for key in keys):
        place = "answer_index"
    elif all(
        set(re.findall(r"\d+", key)) <= set(_row_options(cells, columns))
        for key, cells in zip(keys, rows, strict=True)
    ):
        return columns  # (options that are numbers, keyed by their texts)
    else:
        place = "answer_place"
    fields = {(place if name == "answer" else name): index for name, index in columns.fields.items()}
    return Columns(columns.header_row, fields, columns.options, columns.used, columns.by_blocks)


def _row_options(cells: list[str], columns: Columns, least: int = 2) -> list[str]:
    """A row's options: its option columns, else its one cell of every option."""
    at = columns.fields.get("options")
    cell = plain_cell(cells[at].strip()) if at is not None and at < len(cells) else ""
    return _options(cells, columns, least=least) or split_options_cell(cell)


def _shifted_left(options: list[str], answer: str, explanation: str) -> tuple[list[str], str, str]:
    """A row that lost an empty option cell (a CSV kept by hand): its key sits in the last option
    column ("…,主要制度,A,来源：…", or a fill's "…,,,,谋幸福,来源：…"), its explanation in the key's."""
    if options and not any(options[:-1]):
        return [], options[-1], "\n".join(t for t in (answer, explanation) if t)  # (an open row's)
    key = options[-1].strip(LETTERS_WRAPPING) if len(options) >= 3 else ""
    if not LETTER_ANSWER.match(key) or _letters(_key_text(answer), options):
        return options, answer, explanation  # (an option "C", the language, beside a key '["A"]')
    if not _letters(key, options[:-1]):
        return options, answer, explanation
    return options[:-1], key, "\n".join(t for t in (answer, explanation) if t)


LONE_LETTER = re.compile(r"[A-Z]")
CODES_UNCLEAR = "judgement keyed 0/1: whether 0 means 正确 (the first option) or 错误 is not known"


def _coded_verdicts(questions: list[ParsedQuestion]) -> None:
    """Exports without a type column key judgements as codes: every optionless row answered only
    "1" or "2" (or "A" or "B") is a judgement, 1 = 正确 (the first option, as exam systems print
    them). Answered "0"/"1" it is a judgement too, but exports differ on which is true (a flag, or
    the option's place from 0): left to the reviewer. One such row alone could be a number answer.
    Letters are no short answer's words: rows keyed A or B are judgements beside open questions
    answered in words (a platform's bank of every type), so long as no optionless row says C."""
    open_rows = [q for q in questions if not q.options and q.answer and q.type in ("short", "single")]
    codes = {q.answer for q in open_rows}
    if codes not in ({"1", "2"}, {"1", "0"}, {"A", "B"}):
        open_rows = [q for q in open_rows if isinstance(q.answer, str) and LONE_LETTER.fullmatch(q.answer)]
        codes = {q.answer for q in open_rows}
    if len(open_rows) < 3 or codes not in ({"1", "2"}, {"1", "0"}, {"A", "B"}):
        return
    for q in open_rows:
        q.type, q.answer = "truefalse", q.answer in ("1", "A") if codes != {"1", "0"} else None
        q.warnings = [w for w in q.warnings if w != "type guessed"]
        if q.answer is None:
            q.warnings.append(CODES_UNCLEAR)


# A stem cell copied from a paper or a platform export keeps what was printed before the stem:
# "12. (单选题, 1分)全面推进…", "3、【判断题】…". The number is the question's number and the
# tag its type, neither is stem text ("2.5米…" is a decimal, not item 2).
STEM_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.、．)）]\s*(?!\d)")


def _numbered_stems(sheet: Sheet, columns: Columns) -> bool:
    """Whether the sheet numbers its stems: most stem cells start with a number (one that does
    alone, "3、5、7 中…", is stem text)."""
    index = columns.fields["stem"]
    stems = [c[index] for n, c in sheet.rows if n > columns.header_row and index < len(c) and c[index]]
    return bool(stems) and sum(1 for s in stems if STEM_NUMBER.match(s)) * 2 > len(stems)


def stem_cell(text: str, *, numbered: bool) -> tuple[str, str, str]:
    """(printed number, type named by a tag, stem) of a stem cell."""
    stem = without_source_tag(text.strip())
    number = STEM_NUMBER.match(stem)
    rest = stem[number.end() :] if number else stem
    tag = rules.TYPE_TAG.match(rest)
    if tag:
        return (number.group(1) if number else ""), kind_named(tag.group(1)), rest[tag.end() :].strip()
    if number and numbered:
        return number.group(1), "", rest.strip()
    return "", "", stem


def _options(cells: list[str], columns: Columns, least: int = 2) -> list[str]:
    values = [cells[i].strip() if i < len(cells) else "" for i in columns.options]
    # "A、防风险" in the 选项A column: the label typed again in the cell is not the option's text.
    values = [
        CELL_LABEL.sub("", v, count=1) if CELL_LABEL.match(v) and v[0] == "ABCDEFGH"[i] else v
        for i, v in enumerate(values)
    ]
    while values and not values[-1]:
        values.pop()
    return values if len(values) >= least else []


PLACEHOLDER = re.compile(r"[-—–/／_]+|N/?A")


def _without_placeholder_columns(sheet: Sheet, columns: Columns) -> Columns:
    """A template's option column that no question uses, filled with "-" in every row (选项E
    where every question has four): no option. A "-" in a column other rows use is an option."""
    below = [cells for n, cells in sheet.rows if n > columns.header_row]

    def placeholders_only(i: int) -> bool:
        values = [cells[i].strip() for cells in below if i < len(cells) and cells[i].strip()]
        return bool(values) and all(PLACEHOLDER.fullmatch(value) for value in values)

    kept = list(columns.options)
    while kept and placeholders_only(kept[-1]):
        kept.pop()  # (the last columns only: dropping one between would shift the later letters)
    return columns if kept == columns.options else replace(columns, options=kept)


def key_columns(cells: list[str]) -> Columns | None:
    """A key table's header: a question-number column and an answer column, and no stem; with no
    answer column the explaining one answers ("题号 | 词语 | 解释" keying the terms to explain)."""
    fields: dict[str, int] = {}
    for index, text in enumerate(cells):
        field = _WORD_FIELD.get(_norm_header(text).lower())
        if field in ("number", "answer", "explanation"):
            fields.setdefault(field, index)
    if "answer" not in fields and "explanation" in fields:
        fields["answer"] = fields["explanation"]
    fields.pop("explanation", None)
    return Columns(0, fields, [], []) if len(fields) == 2 else None


def plain_cell(text: str) -> str:
    """A cell a web editor filled ("<p><strong>圖中是甚麼？</strong></p><p>請選擇：</p>"): its text,
    a line a paragraph. Only a cell wrapped in markup whole: a question about HTML names its tags."""
    if not (text.startswith("<") and text.endswith(">") and "</" in text):
        return text
    text = HTML_TAG.sub("", PARAGRAPH_END.sub("\n", text))
    return "\n".join(line.strip() for line in html.unescape(text).splitlines() if line.strip())


PARAGRAPH_END = re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.I)


def split_options_cell(text: str) -> list[str]:
    """One cell holding every option: "A.xx B.yy", one per line, "xx|yy", or a JSON list."""
    if not text:
        return []
    listed = json_list(text)
    if listed is not None:
        return _unlabelled(listed) if len(listed) >= 2 else []
    labels = list(CELL_OPTION.finditer(text))
    if len(labels) >= 2 and [m.group(1) for m in labels] == list("ABCDEFGH"[: len(labels)]):
        ends = [m.start() for m in labels[1:]] + [len(text)]
        return [text[m.end() : end].strip(" ;；|\n") for m, end in zip(labels, ends, strict=True)]
    parts = [p.strip() for p in re.split(r"\n|\|", text) if p.strip()]
    for joiner in ("$;$", "@", *LIST_JOINERS):  # "理藩院@枢密院@内阁"; an exam system's "甲$;$乙"
        if len(parts) >= 2:
            break
        parts = joined_parts(text, joiner)
    return parts if len(parts) >= 2 else []


def _unlabelled(options: list[str]) -> list[str]:
    """["A. 社会主义制度", "B. 中国特色…"]: a list whose texts carry their labels in order gives
    the texts; one whose first text only happens to open with a letter is left whole."""
    in_order = all(LISTED_LABEL.match(text) and text[0] == "ABCDEFGH"[i] for i, text in enumerate(options))
    return [LISTED_LABEL.sub("", text, count=1) for text in options] if in_order else options


LISTED_LABEL = re.compile(r"^[A-H](?:\s*[.、．:：)）]|\s+)\s*")  # ("A类" "B类": licence classes, no labels)


# Marks that join a cell's options, tried in order ("x|y", one a line; "理藩院@枢密院@内阁").
OPTION_JOINERS = ("\n", "|", "@")
# A cell of the options column may list them as any list is written: "牛頓;焦耳", "牛頓,焦耳,瓦特".
# (Not marks to find an options column by: stems hold commas.)
LIST_JOINERS = (re.compile("[;；]"), re.compile("[,，、]"))


def joined_parts(text: str, joiner: str | re.Pattern[str]) -> list[str]:
    parts = joiner.split(text) if isinstance(joiner, re.Pattern) else text.split(joiner)
    return [p.strip() for p in parts if p.strip()]


def json_list(text: str) -> list[str] | None:
    """'["山本聪","中本聪"]' or '[{"optionContent":"山本聪"},…]': a cell an app filled with a JSON
    list of texts, or of records holding one text each (beside labels, ids and flags), or a Python
    list of texts; else None."""
    if not (text.startswith("[") and text.endswith("]")):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return quoted_list(text)  # "['罗盛教']": a list as a Python program prints one
    if not isinstance(value, list):
        return None
    texts: list[str] = []
    for item in value:
        entry = _json_item_text(item)
        if entry is None:
            return None
        texts.append(entry)
    return texts


# a database's id beside the option's text: "092b459483a740fc9f872062ab774d57", a UUID, or
# "643dfeb6cff47e000114ab37", a MongoDB ObjectId
RECORD_ID = re.compile(r"\s*(?:[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}|[0-9a-fA-F]{24})\s*")


def _json_item_text(item: object) -> str | None:
    if isinstance(item, str | int | float) and not isinstance(item, bool):
        return str(item).strip()
    if isinstance(item, dict) and len(item) == 1 and isinstance(only := next(iter(item.values())), dict):
        item = only  # {"radio": {"text": "…", "val": "A"}}: the option inside its control's name
    if isinstance(item, dict):
        texts = [v.strip() for v in item.values() if isinstance(v, str) and not RECORD_ID.fullmatch(v)]
        for label in (r"[A-Ha-h]?", r"\d?"):  # (its label, then its place, beside its text: {"key": "A",
            if len(texts) > 1:  # "value": "…"}; {"label": "6", "value": "A"}: the option "6" lettered A)
                texts = [t for t in texts if not re.fullmatch(label, t)]
        return texts[0] if len(texts) == 1 else None  # ({"text": "1", "correct": true}: its one text)
    return None


def options_in_stem(stem: str) -> tuple[str, list[str]]:
    """ "客户是? A.上帝 B.对手" in a sheet without option columns: the stem, then its options."""
    first = re.search(r"(?:^|\s|(?<=[?？:：)）]))[(（]?A[)）]?\s*[.、．:：)）]", stem)  # (also "（ ）A.")
    options = split_options_cell(stem[first.start() :].strip()) if first else []
    if not first or len(options) < 2 or not CELL_OPTION.match(stem[first.start() :].strip()):
        return stem, []
    return stem[: first.start()].strip(), options


ECHOED_LABEL_A = re.compile(r"[(（]?A\s*[.、．:：)）]")


def without_echoed_options(stem: str, options: list[str]) -> str:
    """ "…的作者是____A、苏轼B、辛弃疾C、王安石D、杜牧" with 苏轼, 辛弃疾… in the option columns: the
    stem cell printed the options again (maybe without their punctuation): the stem ends before."""
    first, second = (rules.bare_words(o) for o in (options + [""])[:2])
    for label in reversed(list(ECHOED_LABEL_A.finditer(stem))):
        echoed = rules.bare_words(stem[label.end() :])
        if first and echoed.startswith(first) and second in echoed[len(first) :]:
            return stem[: label.start()].rstrip()
    return stem


def joined_options(stem: str, answer: str) -> tuple[str, list[str]] | None:
    """ "安全管理包括()&组织建设&事前检查&制度建设" keyed "组织建设&制度建设": a program's record of
    the stem and its options joined by one separator, told by a key naming options between them."""
    for separator in "&|#^":
        parts = [p.strip() for p in stem.split(separator)]
        if len(parts) >= 3 and all(parts) and letters_by_text(answer, parts[1:]):
            return parts[0], parts[1:]
    return None


ANKI_CLOZE = re.compile(r"\{\{c\d{1,2}::(.*?)(?:::[^{}]*)?\}\}")


def kind_named(text: str) -> str:
    """A type named in a type cell or a sheet name ("单选题", "判断", "多选题(20题)", "fill")."""
    name = _norm_header(text).lower()
    if not name:
        return ""
    if name in TYPE_WORDS:
        return TYPE_WORDS[name]
    for pattern, kind in rules.SECTION_KINDS:
        if re.search(pattern, name):
            return {questiontypes.CASE: questiontypes.CASE_TYPE, "generic": ""}.get(kind, kind)
    return ""


def build_question(stem: str, options: list[str], answer_text: str, kind: str) -> ParsedQuestion:
    """A row's type and answer: the named kind where there is one, else what the row shows."""
    if "{{" in stem and (hidden := ANKI_CLOZE.findall(stem)):
        # an Anki deck's cloze, "…正确的是 {{c1::A}}": a blank, its text the answer (never shown)
        stem = ANKI_CLOZE.sub("____", stem)
        answer_text = answer_text or ";".join(hidden)
    inline = (
        numbered_in_text(stem, answer_text) or lettered_in_text(stem, answer_text)
        if not options and kind in ("", *CHOICE_TYPES)
        else None
    )
    if inline:  # "…應為？ (1)停役 (2)禁役" keyed "1", "…<br>A.封闭面<br>B.短路" keyed "A": in the cell
        stem, options, answer_text = inline
    q = ParsedQuestion(type="short", stem=stem)
    listed = json_list(answer_text.strip())
    answer_text = _key_text(answer_text)
    options = _without_padding(options)
    if words.is_judgement_pair(options):
        kind = kind or "truefalse"
    keys_only = not options and kind in ("", *CHOICE_TYPES) and listed is None
    if keys_only and LETTER_ANSWER.fullmatch(answer_text):
        # a lookup bank of stems and keys ("测量绝缘电阻的仪表是（ ）。", "A"): the options went
        # unprinted (a statement keyed "A"/"B", a judgement), as in a text paper printing only keys
        as_key_without_options(q, re.sub(r"[^A-H]", "", answer_text.upper()))
    elif kind == "truefalse" or (
        kind in ("", *CHOICE_TYPES) and not options and truth(answer_text) is not None
    ):
        # (a "checkbox" row with no options keyed true or false: a page's toggle, a judgement)
        q.type = "truefalse"
        q.answer = _truefalse_answer(answer_text, options, named=kind == "truefalse")
    elif kind in ("", *CHOICE_TYPES) and _lone_option_a_blanks_key(stem, options, answer_text):
        q.type, q.answer = "fill", list(options)
    elif options and kind in ("", *CHOICE_TYPES):
        q.options = options
        letters = _letters(answer_text, options)
        q.type = kind or ("multiple" if len(letters) > 1 else "single")
        if kind == "single" and len(letters) > 1:
            q.type = "multiple"  # the key outranks a type cell that says otherwise
        q.answer = letters or None
        if answer_text and not letters:
            q.warnings.append(f"answer {answer_text!r} is not an option letter")
    elif kind == "fill" and options and not answer_text:
        # "Fill-in-the-Blank" whose option cells list the words it accepts (Quizizz's template)
        # (as many cells as a stem's several blanks: each blank's answer)
        blanks = len(rules.BLANK.findall(stem))
        q.type, q.stem = "fill", stem if blanks else f"{stem}____"
        q.answer = (
            list(options) if blanks > 1 and len(options) == blanks else [words.ALTERNATIVE.join(options)]
        )
    elif kind == "fill" or (
        rules.BLANK.search(stem) and (not kind or _chosen_into_blank(kind, options, answer_text))
    ):
        q.type = "fill"
        q.answer = (
            [item for item in listed if item] or None
            if listed is not None
            else _fill_answer(answer_text, stem)
        )
    else:
        q.answer = answer_text or None
    if kind == "" and q.type == "short" and not rules.QUESTION_WORDS.search(stem) and not options:
        q.warnings.append("type guessed")
    if q.answer is None:
        q.warnings.append("no answer found")
    return q


def _lone_option_a_blanks_key(stem: str, options: list[str], answer_text: str) -> bool:
    """ "…称为_____" offered one option, "网状模型", keyed A: a quiz app with no fill type stores a
    blank's answer so; no choice is left. (Every option keyed under as many blanks is not so:
    "…有（ ）、（ ）、（ ）7个方面" keyed ABCDEFG is a multiple choice all of whose options are right.)"""
    one = len(options) == 1 and len(rules.BLANK.findall(stem)) == 1
    return one and re.sub(r"[^A-H]", "", answer_text.upper()) == "A"


def _chosen_into_blank(kind: str, options: list[str], answer_text: str) -> bool:
    """A "数字类选择题" row with a blank, no options and the key "1.5": a value chosen to fill the
    blank, not a choice among options (a letter key would be one whose options went unprinted)."""
    return kind in CHOICE_TYPES and not options and not LETTER_ANSWER.match(answer_text.strip())


def _key_text(answer_text: str) -> str:
    answer_text = ANSWER_LABEL.sub("", unicodedata.normalize("NFKC", answer_text).strip(), count=1)
    marked = _marked_letters(answer_text)
    if marked is not None:
        return marked
    listed = json_list(answer_text)
    return ",".join(listed) if listed is not None else answer_text  # '["B","D"]': a JSON list


FALSE_VALUES = frozenset({"false", "0", "no", "n", "错", "錯", "×"})


def _marked_letters(text: str) -> str | None:
    """'[{"ItemOrder": "D", "Value": "true"}]': the options an exam system marks right, each by
    its letter (one marked false is not the key); None for any other cell."""
    if not text.startswith("[{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return None
    letters: list[str] = []
    for item in value:
        named = [v.strip() for v in item.values() if isinstance(v, str) and re.fullmatch(r"\s*[A-H]\s*", v)]
        marks = [str(v).strip().lower() for v in item.values() if not (isinstance(v, str) and v in named)]
        if len(named) != 1:
            return None
        if not any(mark in FALSE_VALUES for mark in marks):
            letters.append(named[0])
    return ",".join(letters)


# Exports that give every question four option cells pad a judgement's 对/错 with filler:
# "A:对 B:错 C:无 D:无". Filler only counts after a judgement pair: "D. 无" ending a real
# choice question is an answer ("none of these") and stays.
FILLER_OPTIONS = frozenset({"无", "無", "空", "-", "--", "—", "/", "\\", "null", "none", "n/a", "na"})


def _without_padding(options: list[str]) -> list[str]:
    """Options an app padded to a fixed count: empty ones at the end ('["甲", "乙", "丙", ""]'), or
    fillers after a judgement's pair; none where the two say only their own letters ('["A", "B"]':
    an app's judgement, its 对/错 unprinted; four such are a figure's choices, kept)."""
    while options and not options[-1].strip():
        options = options[:-1]
    if [o.strip() for o in options] == ["A", "B"]:
        return []
    rest = options[2:]
    if (
        rest
        and words.is_judgement_pair(options[:2])
        and all(words.bare(o).lower() in FILLER_OPTIONS for o in rest)
    ):
        return options[:2]
    return options


# A key cell typed as a paper prints it: "答案:B", "(B)", "AC。".
ANSWER_LABEL = re.compile(r"^(?:正确答案|参考答案|标准答案|答案)\s*[:：]\s*")
LETTERS_WRAPPING = "()[]【】 .。"


def _letters(answer_text: str, options: list[str]) -> str:
    bare = answer_text.strip(LETTERS_WRAPPING)
    if LETTER_ANSWER.match(bare):
        letters = sorted(set(re.sub(r"[^A-H]", "", bare.upper())))
        if all(ord(c) - ord("A") < len(options) for c in letters):
            return "".join(letters)
        return ""
    # Some banks key by the options' texts instead of their letters ("上帝", "微信,邮件").
    by_text = letters_by_text(answer_text, options)
    if by_text:
        return by_text
    # Others by the option's position: "4" is the fourth option, "1,3" the first and third; or
    # by its field's (or its page element's) name, "secondOption", "#second-option".
    ordinal = ORDINAL_OPTION.fullmatch(answer_text.strip())
    if ordinal and ORDINALS.index(ordinal.group(1).lower()) < len(options):
        return "ABCDEFGH"[ORDINALS.index(ordinal.group(1).lower())]
    if OPTION_NUMBERS.match(answer_text):
        places = sorted({int(d) for d in re.findall(r"\d", answer_text)})
        if all(1 <= p <= len(options) for p in places):
            return "".join("ABCDEFGH"[p - 1] for p in places)
    return ""


OPTION_NUMBERS = re.compile(r"^[1-8](?:[\s,，、;；/]*[1-8])*$")
ORDINAL_OPTION = re.compile(rf"#?({'|'.join(ORDINALS)})[-_]?(?:option|choice|answer)?", re.I)


def _truefalse_answer(answer_text: str, options: list[str], named: bool) -> Answer:
    """`named`: the row's type cell says it is a judgement (a lone "A" may be a choice's key)."""
    if len(options) == 2 and LETTER_ANSWER.match(answer_text) and len(answer_text) == 1:
        place = "AB".find(answer_text.upper())
        other = words.truth(options[1 - place]) if place >= 0 else None
        if place >= 0 and words.truth(options[place]) is None and other is not None:
            return not other  # "O" / "X" (Taiwan's 是非題): the option not the cross
        answer_text = options[place] if place >= 0 else ""
    elif len(options) == 2 and answer_text in ("1", "2"):
        answer_text = options[int(answer_text) - 1]  # "正确" "错误" keyed by place, as its choices are
    if not options and answer_text in ("1", "0"):
        return answer_text == "1"  # a judgement column typed as a number (a spreadsheet's boolean)
    if named and not options and answer_text.upper() in ("A", "B"):
        return answer_text.upper() == "A"  # exam systems' templates key a judgement A (对) / B (错)
    reasoned = VERDICT_THEN_REASON.fullmatch(answer_text)
    if reasoned and words.truth(reasoned.group(1)) is not None:
        return words.truth(reasoned.group(1))  # "错误，是辛亥革命": the verdict, then why
    return words.truth(answer_text)


def _fill_answer(answer_text: str, stem: str) -> Answer:
    if not answer_text:
        return None
    numbered = _numbered_blanks(answer_text)
    if numbered:
        return numbered
    if BLANK_CODE in answer_text or ALTERNATIVE_CODE in answer_text or answer_text.endswith(KEY_END_CODE):
        # an exam platform's coded key, "根#$$#茎%*%", "SPF&@&防晒系数": blanks, alternatives
        blanks_coded = answer_text.removesuffix(KEY_END_CODE).split(BLANK_CODE)
        return [part.strip().replace(ALTERNATIVE_CODE, words.ALTERNATIVE) for part in blanks_coded]
    blanks = len(rules.BLANK.findall(stem))
    for separator in (*FILL_SPLIT, BAR):  # "上帝|及时" for two blanks: one answer each
        parts = [p for p in separator.split(answer_text) if p]
        if blanks > 1 and len(parts) == blanks:
            return parts
    return [ALTERNATIVES_SLASH.sub(words.ALTERNATIVE, answer_text)] if blanks <= 1 else [answer_text]


BLANK_CODE, ALTERNATIVE_CODE, KEY_END_CODE = "#$$#", "&@&", "%*%"
# "(1) 复合数据类型;" "(1) new;(2) int": a platform's key, each blank's answer after its number
BLANK_NUMBER = re.compile(r"(?:^|(?<=[\s;；,，]))(?:[(（](\d{1,2})[)）]|第\s*(\d{1,2})\s*空\s*[:：]?)\s*")


def _numbered_blanks(answer_text: str) -> list[str] | None:
    """The answers of numbered blanks, (1) then (2)… from the key's start; None for other keys."""
    marks = list(BLANK_NUMBER.finditer(answer_text))
    if not marks or marks[0].start() != 0:
        return None
    if [int(m.group(1) or m.group(2)) for m in marks] != list(range(1, len(marks) + 1)):
        return None
    ends = [m.start() for m in marks[1:]] + [len(answer_text)]
    parts = [
        answer_text[m.end() : end].strip().rstrip(";；,，").strip()
        for m, end in zip(marks, ends, strict=True)
    ]
    return parts if all(parts) else None


# "上帝/顾客": alternatives for one blank; "1/2", "2009/5/1" between digits: a fraction, a date
ALTERNATIVES_SLASH = re.compile(r"(?<!\d)/|/(?!\d)")


def _difficulty(text: str) -> int | None:
    if text[:1].isdecimal():
        return max(1, min(5, int(text[0])))
    return rules.DIFFICULTY_WORDS.get(text)
