"""Text folding shared by the types that compare words (fill blanks, short-answer key terms)."""

from __future__ import annotations

import unicodedata
from functools import cache

import opencc

_MEANINGFUL_PUNCTUATION = frozenset("%‰")


@cache
def _t2s() -> opencc.OpenCC:
    # Building the converter loads dictionaries; do it once per process.
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional → Simplified only (no width or case folding): what a page shows."""
    return str(_t2s().convert(text)) if text else text


def fold(text: str) -> str:
    """NFKC width fold and Traditional → Simplified; case and punctuation kept."""
    return str(_t2s().convert(unicodedata.normalize("NFKC", text)))


def _is_noise(ch: str) -> bool:
    # Whitespace, punctuation (P*: "，。、-_") and format chars (zero-width spaces). Symbols (S*:
    # "+", "℃") and the percent signs (Unicode calls them punctuation) are kept: "5%" is not "5".
    if ch in _MEANINGFUL_PUNCTUATION:
        return False
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in ("P", "Z") or category == "Cf"


def normalise_fill(text: str) -> str:
    """What two answers must share to count as the same: width, script, case, spacing and
    punctuation ignored, so "客戶 服務。" equals "客户服务"."""
    return "".join(ch for ch in fold(text).lower() if not _is_noise(ch))


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return all(is_blank(item) for item in value)
    return False
