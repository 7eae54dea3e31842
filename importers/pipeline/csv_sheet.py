"""Question banks exchanged as CSV: Excel's "save as CSV", a web app's export of its table.

The file is one sheet: its records (quoted cells may hold commas and line breaks) become rows,
numbered as a spreadsheet shows them, and are read by the same column finder as a workbook's
sheet. Comma, semicolon and tab separators are told apart by the standard library's sniffer.
"""

from __future__ import annotations

import csv
import io
import re

from .model import PaperError
from .read_text import BinaryContent, UndecodableText, decode_text
from .workbook import Sheet

CSV_EXTENSIONS = (".csv", ".tsv")
TEXT_EXTENSION = ".txt"
# A tab-separated export saved as text (Anki's, Excel's "Unicode text"): a cell opened by a quote
# after a tab that holds a line break ("…\t\"飞机各重量之间的关系…" then its next lines)
QUOTED_TAB_CELL = re.compile(r'\t"[^"\n]*\r?\n')
HEAD_BYTES = 65_536
SNIFF_CHARS = 20_000  # the sniffer reads a sample; a whole large file would cost seconds
SEPARATORS = ",;\t"


def is_csv(filename: str) -> bool:
    return filename.lower().endswith(CSV_EXTENSIONS)


def is_quoted_tab_text(filename: str, data: bytes) -> bool:
    """A .txt that is a table of tab-separated records, some cells quoted over several lines."""
    if not filename.lower().endswith(TEXT_EXTENSION):
        return False
    head = data[:HEAD_BYTES].decode("utf-8", errors="ignore")
    first = head.split("\n", 1)[0]
    return first.count("\t") >= 2 and QUOTED_TAB_CELL.search(head) is not None


def _quote_char(sample: str) -> str:
    """ "'遵义会议于_____年1月召开。','1935年'": some programs quote with single quotes."""
    lines = [line for line in sample.splitlines() if line.strip()]
    single = sum(1 for line in lines if line.startswith("'") and "','" in line)
    return "'" if lines and single * 2 > len(lines) else '"'


def csv_sheet(filename: str, data: bytes) -> Sheet:
    """The records of a CSV file as one sheet; PaperError names the record that can't be read."""
    try:
        text = decode_text(data).removeprefix("\ufeff")
    except (UndecodableText, BinaryContent) as exc:
        raise PaperError(filename, f"不是可识别编码的 CSV 文本({exc})") from exc
    sample = text[:SNIFF_CHARS].replace("\r\n", "\n")  # (the sniffer can't tell a delimiter over CRLF)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, SEPARATORS)
    except csv.Error:
        dialect = csv.excel  # one column, or a sample the sniffer can't decide on: commas
    reader = csv.reader(io.StringIO(text, newline=""), dialect, quotechar=_quote_char(sample))
    rows = []
    try:
        for number, record in enumerate(reader, 1):
            rows.append((number, [cell.replace("\r\n", "\n").strip() for cell in record]))
    except csv.Error as exc:
        raise PaperError(filename, f"第 {reader.line_num} 行无法按 CSV 读取:{exc}") from exc
    return Sheet(filename.rsplit("/", 1)[-1], rows)
