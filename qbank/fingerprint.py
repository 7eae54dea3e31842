"""Normalised text keys: the same question prints many ways across scraped papers.

`fold` makes text comparable (width, Traditional/Simplified, case); `fingerprint` also drops
whitespace and punctuation so "售後客戶服務？" and "售后客户服务?" are one question.
Pure functions: no Django here.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import cache

import opencc

# Unicode general categories that never change what a question asks:
# punctuation (P*: incl. "_" and blanks "____"), symbols (S*), separators (Z*),
# and format chars (Cf: zero-width spaces left by scrapers).
_DROP_CATEGORIES = ("P", "S", "Z")
_SEPARATOR = "\x1f"  # between stem and options, so "AB"+"C" differs from "A"+"BC"


@cache
def _t2s() -> opencc.OpenCC:
    # Building the converter loads dictionaries; do it once per process.
    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """NFKC width folding, Traditional → Simplified, lower case; punctuation kept."""
    return str(_t2s().convert(unicodedata.normalize("NFKC", text))).lower()


class _Dropped(dict[int, int | None]):
    """str.translate's table: a character to drop maps to None, one to keep to itself; each
    decided on first sight and remembered (a few thousand characters in practice). The
    per-character Python test it replaces cost a start of 100 questions ~4 ms (near-duplicate
    keys) and every imported question its fingerprint."""

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        category = unicodedata.category(ch)
        drop = ch.isspace() or category[0] in _DROP_CATEGORIES or category == "Cf"
        self[code] = None if drop else code
        return self[code]


_DROPPED = _Dropped()


def _strip(text: str) -> str:
    return text.translate(_DROPPED)


def fingerprint(stem: str, options: list[str], material: str = "") -> str:
    """sha256 hex of the folded stem and options with whitespace and punctuation removed.

    A case study's sub-questions ("这个案例对您有何启示?") repeat across cases, so their
    shared material is part of what makes them one question.
    """
    parts = [_strip(fold(stem)), *(_strip(fold(option)) for option in options)]
    key = _SEPARATOR.join(parts)
    if material.strip():
        key = _strip(fold(material)) + "\x1e" + key
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def near_key(stem: str, options: list[str], material: str = "") -> tuple[str, str]:
    """(question, material) as near-duplicate checks compare them: folded, without whitespace or
    punctuation, the options sorted (the same question printed with its options in another order
    is still the same question). Options count, not only the stem: "下列说法正确的是" heads many
    different questions. The material is kept apart so sub-questions of one case differ."""
    body = _strip(fold(stem)) + "".join(sorted(_strip(fold(option)) for option in options))
    return body, _strip(fold(material))


def search_text(stem: str, options: list[str]) -> str:
    """What the search column holds: folded stem and options, so either script finds it."""
    return "\n".join(fold(part) for part in [stem, *options])
