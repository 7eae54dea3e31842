"""Spreadsheets (.xlsx from Excel or WPS, by openpyxl; old .xls, by xlrd) → the text of their
sheets' rows (pure).

Shared by the strict template reader (spreadsheet.py) and the reader of banks as people
exchange them (sheet_bank.py). Hostile workbooks end early with a clear message: a zip bomb
is refused before anything inflates, and a sheet stops after a long run of empty rows (a
workbook "formatted" down to row 1,048,576 holds a million empty rows).
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field

import xlrd
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from .model import PaperError
from .read import OLE_MAGIC
from .read_docx import check_zip_limits

MAX_ROWS = 50_000  # per sheet; a bank larger than that should be split
MAX_EMPTY_RUN = 1_000  # empty rows in a row: the rest of the sheet is formatting, not questions

Row = tuple[int, list[str]]  # (row number as Excel shows it, cell texts)
# A merged block: (first row, last row, first column index from 0, last column index).
Merge = tuple[int, int, int, int]
MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)"')


@dataclass
class Sheet:
    name: str
    rows: list[Row]
    # Only the top-left cell of a merged block holds its text; readers decide where it applies.
    merged: list[Merge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader tells the admin ("cut short")


def read_sheets(filename: str, data: bytes, *, first_only: bool = False) -> list[Sheet]:
    if data.startswith(OLE_MAGIC):
        return _xls_sheets(filename, data, first_only=first_only)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # not a zip at all, or a damaged one
        raise PaperError(filename, f"不是可读取的 Excel 文件({type(exc).__name__})") from exc
    with archive, warnings.catch_warnings():
        # openpyxl warns of parts it skips (data validation, conditional formats): no questions there
        warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
        check_zip_limits(filename, archive, kind="Excel workbook")  # a spreadsheet can be a zip bomb too
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise PaperError(filename, f"不是可读取的 Excel 文件({type(exc).__name__})") from exc
        try:
            if not book.worksheets:
                raise PaperError(filename, "工作簿里没有工作表")
            worksheets = book.worksheets[:1] if first_only else book.worksheets
            return [Sheet(ws.title, _rows(filename, ws), _merges(archive, ws)) for ws in worksheets]
        finally:
            book.close()


def _xls_sheets(filename: str, data: bytes, *, first_only: bool) -> list[Sheet]:
    """An old .xls workbook (Excel 97–2003, still what many exam systems export)."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd raises many kinds on a damaged file
        raise PaperError(filename, f"不是可读取的 Excel 文件({type(exc).__name__})") from exc
    try:
        if not book.nsheets:
            raise PaperError(filename, "工作簿里没有工作表")
        sheets = []
        for index in range(1 if first_only else book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > MAX_ROWS:
                raise PaperError(filename, f"工作表“{sheet.name}”超过 {MAX_ROWS} 行,请拆成几个文件")
            rows = [(n + 1, [_xls_text(c) for c in sheet.row(n)]) for n in range(sheet.nrows)]
            merged = [(r0 + 1, r1, c0, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
            sheets.append(Sheet(sheet.name, [r for r in rows if any(r[1])], merged))
        return sheets
    finally:
        book.release_resources()


def _xls_text(cell: xlrd.sheet.Cell) -> str:
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    return cell_text(cell.value)


def _merges(archive: zipfile.ZipFile, worksheet: object) -> list[Merge]:
    # read_only mode streams cell values and skips the sheet's <mergeCells>: read them from its XML.
    path = getattr(worksheet, "_worksheet_path", "")
    try:
        xml = archive.read(path)
    except Exception:  # a damaged part: the cell values were read, the merges are a bonus
        return []
    merges: list[Merge] = []
    for match in MERGE_CELL.finditer(xml):
        min_col, min_row, max_col, max_row = range_boundaries(match.group(1).decode())
        merges.append((min_row, max_row, min_col - 1, max_col - 1))
    return merges


def _rows(filename: str, worksheet: object) -> list[Row]:
    # Some writers (WPS, scripts) record a wrong used range ("A1"); read_only mode trusts it
    # and would stop after one cell, so read every row the sheet really holds.
    worksheet.reset_dimensions()  # type: ignore[attr-defined]
    rows: list[Row] = []
    empty_run = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), 1):  # type: ignore[attr-defined]
        cells = [cell_text(value) for value in values]
        if not any(cells):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        if len(rows) >= MAX_ROWS:
            raise PaperError(filename, f"工作表“{worksheet.title}”超过 {MAX_ROWS} 行,请拆成几个文件")  # type: ignore[attr-defined]
        rows.append((number, cells))
    return rows


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "对" if value else "错"  # a TRUE/FALSE cell in a judgement bank's answer column
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a difficulty or answer typed as a number: 3, not "3.0"
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()  # an answer typed "2009/5/1", which Excel stored as a date
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return f"{value.year}/{value.month}/{value.day}"  # as a Chinese Excel shows it
    text = str(value)
    if "_x" in text:  # " B_x000D_": a character the file escaped as OOXML does, left so by its writer
        text = OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text.strip()


OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
