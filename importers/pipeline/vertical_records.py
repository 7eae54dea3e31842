"""Sheets laid out a field a row, each question a block of rows: "题目 | 服务的核心是？", "答案 | 2",
"选项1 | 态度" … (exam systems' vertical import templates, a PDF's label-value tables turned into a
workbook). A row may hold several label-value pairs ("题目编码 | IF01001 | 题型 | 单选"). Each
block becomes one row of a table whose header is the labels, read as any table is.
"""

from __future__ import annotations

from collections.abc import Callable

from .workbook import Row, Sheet

MIN_BLOCKS = 3
LABELLED_SHARE = 0.8  # of the rows with text, those opening with a label
LABEL_MAX = 10  # characters: a field's name, not a question's text


def transposed(sheet: Sheet, names_field: Callable[[str], bool]) -> Sheet | None:
    """The sheet as a header row and a row a block, or None where its rows are no such blocks.
    `names_field` tells a cell naming a field (题目, 答案, 选项1 …) from any other."""
    rows = [(number, [cell.strip() for cell in cells]) for number, cells in sheet.rows if any(cells)]
    pairs = [(number, _pairs(cells, names_field)) for number, cells in rows]
    labelled = [(number, found) for number, found in pairs if found]
    if not rows or len(labelled) < LABELLED_SHARE * len(rows):
        return None
    opener = labelled[0][1][0][0]
    blocks: list[tuple[int, dict[str, str]]] = []
    for number, found in labelled:
        if found[0][0] == opener or not blocks:
            blocks.append((number, {}))
        for label, value in found:
            blocks[-1][1].setdefault(label, value)
    if len(blocks) < MIN_BLOCKS:
        return None
    header = list(dict.fromkeys(label for _, block in blocks for label in block))
    if sum(names_field(label) for label in header) < 2:
        return None
    table: list[Row] = [(blocks[0][0] - 1, header)]  # (numbered before the first block: read after it)
    table += [(number, [block.get(label, "") for label in header]) for number, block in blocks]
    return Sheet(name=sheet.name, rows=table)


def _pairs(cells: list[str], names_field: Callable[[str], bool]) -> list[tuple[str, str]]:
    """A row's (label, value) pairs, where it opens with a label and one of its labels names a
    field; else []."""
    filled = [cell for cell in cells if cell]
    if len(filled) < 2 or len(filled[0]) > LABEL_MAX:
        return []
    pairs = [(filled[k], filled[k + 1]) for k in range(0, len(filled) - 1, 2)]
    if not any(names_field(label) for label, _ in pairs):
        return []
    return pairs if all(len(label) <= LABEL_MAX for label, _ in pairs) else pairs[:1]
