"""Tables of questions printed without a header row: which column is which, told from the cells
(pure).

Banks kept as plain records ("1|||道德评价…|||对", a sheet of "序号 题目 A B C D 答案" rows whose
header was never typed) have one question a row and the same columns in every row. A column of
small whole numbers numbers them, a column of keys (letters, 对/错, √/×) answers them, the
column with the longest text asks them, and short text columns between the stem and the key are
its options. Without a key column nothing is told for sure, and the table is left to the text
reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import rules
from .classify import letters_by_text, truth
from .workbook import Row, Sheet

if TYPE_CHECKING:
    from .sheet_bank import Columns

NUMBER_CELL = re.compile(r"^\d{1,5}[.、．]?$")
LETTERS_CELL = re.compile(r"^[A-Ha-h](?:[\s,，、]*[A-Ha-h]){0,7}$")
SAME_WIDTH_SHARE = 0.8  # of the rows, those with two cells or more; of a column's, those filled
KIND_SHARE = 0.9  # of a column's cells, those that must look alike to name it
MIN_ROWS = 3
MIN_STEM_CHARS = 6  # a stem column's cells average at least this many characters
ANSWERED_SHARE = 0.6  # of rows with an options cell, those whose answer names an option
ASKING_SHARE = 0.6  # of a question column's cells, those that ask
# Record separators of text banks, longest first ("|||" holds "|").
DELIMITERS = ("|||", "||", "\t", "|", "$;$")


def delimited_sheet(lines: list[tuple[int, str]]) -> Sheet | None:
    """The lines of a text as rows when nearly all of them hold the same record separator."""
    texts = [(n, t) for n, t in lines if t.strip()]
    if len(texts) < MIN_ROWS:
        return None
    for delimiter in DELIMITERS:
        if sum(1 for _, t in texts if delimiter in t) >= KIND_SHARE * len(texts):
            return Sheet("", [(n, [cell.strip() for cell in t.split(delimiter)]) for n, t in texts])
    return None


# A mark opening the option cell that is the key: "//Navigator.geolocation…", "*甲", "√乙".
KEY_MARK = re.compile(r"^\s*(?://|\*(?!\*)|[√✓✔])\s*")
MARKED_SHARE = 0.8  # of the rows with options, those that mark some (not all) of them


def keyed_by_marks(sheet: Sheet) -> Sheet:
    """Rows of "stem, option, option, …" without a key column, the right options marked in their
    own cells ("//…", "*…"): the marks taken off and the letters they name added as the row's
    last cell, so the columns can be told as for any keyed table. Other sheets are left alone."""
    marked: list[Row] = []
    keyed = 0
    width = max((len(_trimmed(cells)) for _, cells in sheet.rows), default=0)
    for n, cells in sheet.rows:
        cut = _trimmed(cells)
        options = cut[1:]
        hits = [i for i, cell in enumerate(options) if KEY_MARK.match(cell)]
        if len(options) >= 2 and 0 < len(hits) < len(options):
            keyed += 1
            letters = "".join("ABCDEFGH"[i] for i in hits if i < 8)
            bare = [KEY_MARK.sub("", cell, count=1) if i in hits else cell for i, cell in enumerate(options)]
            cut = [cut[0], *bare]
            marked.append((n, [*cut, *[""] * (width - len(cut)), letters]))  # the key in one column
        else:
            marked.append((n, cells))
    rows_with_options = sum(1 for _, cells in sheet.rows if len(_trimmed(cells)) >= 3)
    if rows_with_options < MIN_ROWS or keyed < MARKED_SHARE * rows_with_options:
        return sheet
    return Sheet(sheet.name, marked, sheet.merged)


def keyed_by_numerals(sheet: Sheet) -> Sheet:
    """A column after the options holding the right one's place in Chinese numerals ("四": the
    fourth): rewritten as its letter, so the key column is told as any other. Only where every
    row's numeral names one of the cells between the row's first (its stem) and it."""
    rows = [(n, _trimmed(cells)) for n, cells in sheet.rows]
    filled = [cells for _, cells in rows if len(cells) >= 3]
    if len(filled) < MIN_ROWS:
        return sheet
    width = max(len(cells) for cells in filled)
    for at in range(2, width):
        places = [cells[at] if at < len(cells) else "" for cells in filled]
        if _share(places, _names_a_place(at - 1)) < KIND_SHARE:
            continue
        return Sheet(
            sheet.name,
            [
                (n, [*cells[:at], "ABCDEFGH"[NUMERALS.index(cells[at]) - 1], *cells[at + 1 :]])
                if at < len(cells) and cells[at] in NUMERALS[1:]
                else (n, cells)
                for n, cells in rows
            ],
            sheet.merged,
        )
    return sheet


NUMERALS = "〇一二三四五六七八"  # (a place from 1: "一" the first option)


def _names_a_place(options: int) -> Callable[[str], bool]:
    return lambda cell: cell in NUMERALS and 1 <= NUMERALS.index(cell) <= options


def keyed_at_row_ends(sheet: Sheet) -> Sheet:
    """Rows whose key is their last filled cell wherever that falls: a bank kept by hand writes
    "stem, A, B, C, D, key" for a choice and "stem, key" for a judgement, its option cells left
    empty. The keys moved into one last column, so the columns can be told as for any keyed
    table; a sheet that has a key column already, or whose rows end in anything else, is left
    alone."""
    trimmed = [(n, _trimmed(cells)) for n, cells in sheet.rows]
    filled = [cells for _, cells in trimmed if len(cells) >= 2]
    width = max((len(cells) for cells in filled), default=0)
    if len(filled) < MIN_ROWS or all(len(cells) == width for cells in filled):
        return sheet
    if "key" in _column_kinds(filled)[1]:
        return sheet
    if _share([cells[-1] for cells in filled], _is_key) < KIND_SHARE:
        return sheet
    rows = [
        (n, [*cells[:-1], *[""] * (width - len(cells)), cells[-1]]) if len(cells) >= 2 else (n, cells)
        for n, cells in trimmed
    ]
    return Sheet(sheet.name, rows, sheet.merged)


def infer_columns(rows: list[Row]) -> Columns | None:
    from .sheet_bank import Columns  # late: sheet_bank reads through this module

    cut = [cells for cells in (_trimmed(cells) for _, cells in rows) if cells]
    if len(cut) < MIN_ROWS:
        return None
    width = max(len(cells) for cells in cut)
    if width < 2 or sum(1 for cells in cut if len(cells) >= 2) < SAME_WIDTH_SHARE * len(cut):
        return None
    columns, kinds = _column_kinds(cut)
    if "key" not in kinds:
        return _keyed_by_text(cut, columns, kinds) or _question_answer_pairs(columns, kinds)
    answer = kinds.index("key")
    texts = [i for i, kind in enumerate(kinds) if kind == "text"]
    if not texts:
        return None
    stem = max(texts, key=lambda i: _mean_length(columns[i]))
    if stem > answer or _mean_length(columns[stem]) < MIN_STEM_CHARS:
        return None
    fields = {"stem": stem, "answer": answer}
    if "number" in kinds and kinds.index("number") < stem:
        fields["number"] = kinds.index("number")
    # (between the stem and the key every column is an option's: one of numbers, "80 | 443 | 21",
    # and one only some rows fill, their fifth option)
    options = [i for i, kind in enumerate(kinds) if stem < i < answer and kind != "empty"]
    if len(options) == 1 and _holds_every_option(columns[options[0]]):
        fields["options"], options = options[0], []  # "A.系统图  B.电路图  C.框图": all in one cell
    after = [i for i, kind in enumerate(kinds) if i > answer and kind in ("text", "sparse")]
    if after:
        fields["explanation"] = after[0]
    used = [f"第{index + 1}列→{FIELD_NAMES[name]}" for name, index in fields.items()]
    used += [f"第{index + 1}列→选项{'ABCDEFGH'[k]}" for k, index in enumerate(options[:8])]
    return Columns(0, fields, options[:8], used)


def _holds_every_option(cells: list[str]) -> bool:
    """Nearly every filled cell of the column labels two options or more ("A.xx  B.yy")."""
    from .sheet_bank import CELL_OPTION, split_options_cell

    filled = [cell for cell in cells if cell]
    labelled = sum(1 for cell in filled if CELL_OPTION.match(cell) and len(split_options_cell(cell)) >= 2)
    return bool(filled) and labelled >= KIND_SHARE * len(filled)


def _keyed_by_text(cut: list[list[str]], columns: list[list[str]], kinds: list[str]) -> Columns | None:
    """Rows of "stem, answer, A:x B:y, type" (an app's export) or "n, stem, x@y@z, 3" (a quiz
    bot's records): no key column, but a column whose cells each hold every option, labelled or
    joined by one mark, and a column answering them by an option's text or letter, or its place
    counted from 1."""
    from .sheet_bank import CELL_OPTION, Columns, kind_named, split_options_cell

    def options_cell(cell: str) -> bool:
        return CELL_OPTION.match(cell) is not None and len(split_options_cell(cell)) >= 2

    listed = [i for i, cells in enumerate(columns) if cells and _share(cells, options_cell) >= KIND_SHARE]
    if not listed:
        listed = [i for i, cells in enumerate(columns) if cells and _joined_by_one_mark(cells)]
    texts = [i for i, kind in enumerate(kinds) if kind == "text" and i not in listed]
    if len(listed) != 1 or not texts:
        return None
    options = listed[0]
    stem = max(texts, key=lambda i: _mean_length(columns[i]))
    if _mean_length(columns[stem]) < MIN_STEM_CHARS:
        return None
    answer = next((i for i in texts if i != stem and _answers(cut, i, options)), None)
    places = [
        i for i, kind in enumerate(kinds) if kind == "number" and i > stem and _names_places(cut, i, options)
    ]
    if answer is None and not places:
        return None
    fields = {"stem": stem, "options": options}
    fields.update({"answer": answer} if answer is not None else {"answer_place": places[0]})
    if "number" in kinds and kinds.index("number") < stem:
        fields["number"] = kinds.index("number")
    typed = [i for i, cells in enumerate(columns) if cells and i not in fields.values()]
    type_column = next(
        (i for i in typed if _share(columns[i], lambda c: bool(kind_named(c))) >= KIND_SHARE), None
    )
    if type_column is not None:
        fields["type"] = type_column
    return Columns(0, fields, [], [f"第{index + 1}列→{FIELD_NAMES[name]}" for name, index in fields.items()])


def _question_answer_pairs(columns: list[list[str]], kinds: list[str]) -> Columns | None:
    """Rows of "question, answer" (flashcard exports, a quiz bot's log): two text columns, the
    left one asking (a blank, a question mark or a question word in most of its cells)."""
    from .sheet_bank import Columns

    texts = [i for i, kind in enumerate(kinds) if kind == "text"]
    if len(texts) != 2:
        return None
    stem, answer = texts
    asking = columns[stem]
    if _mean_length(asking) < MIN_STEM_CHARS or _share(asking, rules.asks_in_words) < ASKING_SHARE:
        return None
    fields = {"stem": stem, "answer": answer}
    if "number" in kinds and kinds.index("number") < stem:
        fields["number"] = kinds.index("number")
    return Columns(0, fields, [], [f"第{index + 1}列→{FIELD_NAMES[name]}" for name, index in fields.items()])


FIELD_NAMES = {
    "stem": "题干",
    "answer": "答案",
    "answer_place": "答案(选项序号)",
    "options": "选项",
    "type": "题型",
    "number": "题号",
    "explanation": "解析",
}


def _joined_by_one_mark(cells: list[str]) -> bool:
    """Nearly every cell splits at the same mark into 2–8 options: "理藩院@枢密院@内阁"."""
    from .sheet_bank import OPTION_JOINERS, joined_parts

    for joiner in OPTION_JOINERS:
        split = sum(1 for cell in cells if 2 <= len(joined_parts(cell, joiner)) <= 8)
        if split >= KIND_SHARE * len(cells):
            return True
    return False


def _names_places(rows: list[list[str]], column: int, options_column: int) -> bool:
    """Most rows name an option by its place from 1 ("4": the fourth option)."""
    from .sheet_bank import split_options_cell

    pairs = [
        (row[column], len(split_options_cell(row[options_column])))
        for row in rows
        if len(row) > max(column, options_column) and row[column] and row[options_column]
    ]
    named = sum(1 for place, count in pairs if place.isdecimal() and 1 <= int(place) <= count)
    return bool(pairs) and named >= ANSWERED_SHARE * len(pairs)


def _answers(rows: list[list[str]], column: int, options_column: int) -> bool:
    """Most rows with options name one of them (its text or letter) in `column`."""
    from .sheet_bank import split_options_cell

    pairs = [
        (row[column], split_options_cell(row[options_column]))
        for row in rows
        if len(row) > max(column, options_column) and row[column] and row[options_column]
    ]
    named = sum(
        1 for answer, options in pairs if LETTERS_CELL.match(answer) or letters_by_text(answer, options)
    )
    return bool(pairs) and named >= ANSWERED_SHARE * len(pairs)


def _column_kinds(cut: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Each column's filled cells, and what kind of column they make."""
    width = max(len(cells) for cells in cut)
    columns = [[cells[i] for cells in cut if i < len(cells) and cells[i]] for i in range(width)]
    return columns, [_kind(cells, len(cut)) for cells in columns]


def _trimmed(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return [cell.strip() for cell in cells[:end]]


def _kind(cells: list[str], rows: int) -> str:
    """number, key or text; sparse (a note in a few rows) or empty when most rows leave it blank."""
    if len(cells) < SAME_WIDTH_SHARE * rows:
        return "sparse" if cells else "empty"
    if _share(cells, lambda c: NUMBER_CELL.match(c) is not None) >= KIND_SHARE:
        return "number"
    return "key" if _share(cells, _is_key) >= KIND_SHARE else "text"


def _is_key(cell: str) -> bool:
    return LETTERS_CELL.match(cell) is not None or truth(cell) is not None


def _share(cells: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for cell in cells if test(cell)) / len(cells)


def _mean_length(cells: list[str]) -> float:
    return sum(len(cell) for cell in cells) / len(cells) if cells else 0.0
