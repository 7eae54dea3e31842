"""The words and marks that mean true or false, and the separators of fill-in answers: once.

Typed answers (forms, spreadsheet cells) and printed papers share these lists; the importer's
rules build their patterns from them, so a new mark is added here and read everywhere.
"""

from __future__ import annotations

import re
import unicodedata

# Marks printed beside a statement: ticks and crosses.
TRUE_SYMBOLS = ("√", "✓", "✔", "✅", "∨", "○")  # ("∨": the logical or, typed for a tick that looks like it)
FALSE_SYMBOLS = ("×", "✗", "✘", "❌", "╳")  # (Taiwan's 是非題 mark "○" right, "╳" wrong)
# Words, Simplified and Traditional.
TRUE_HANZI = ("对", "對", "正确", "正確")
FALSE_HANZI = ("错", "錯", "错误", "錯誤")
# Letters a key prints for a judgement (T/F, a cross as X).
TRUE_LETTERS = ("T",)
FALSE_LETTERS = ("F", "X")
# Yes/no words people type into a cell or a form.
# ("ture": the misspelling of "true" common enough in Chinese banks' "A. TURE  B. FALSE")
TRUE_YES = ("是", "true", "ture", "t", "yes", "y")
FALSE_NO = ("否", "false", "f", "no", "n", "x")

TRUE_WORDS = frozenset(w.lower() for w in (*TRUE_SYMBOLS, *TRUE_HANZI, *TRUE_LETTERS, *TRUE_YES))
FALSE_WORDS = frozenset(w.lower() for w in (*FALSE_SYMBOLS, *FALSE_HANZI, *FALSE_LETTERS, *FALSE_NO))

# Two options that are really a judgement ("A. 正确  B. 错误"): compared bare and lower-cased.
JUDGEMENT_PAIRS = (
    frozenset({"正确", "错误"}),
    frozenset({"正確", "錯誤"}),
    frozenset({"对", "错"}),
    frozenset({"對", "錯"}),
    frozenset({"√", "×"}),
    frozenset({"是", "否"}),
    frozenset({"true", "false"}),
    frozenset({"ture", "false"}),
    frozenset({"t", "f"}),  # (a platform's radio buttons "T" "F")
    frozenset({"y", "n"}),  # (a test system's import format: "A.Y" "B.N")
    frozenset({"o", "x"}),  # (Taiwan's 是非題: "O" true, "X" false)
)
_BARE_NOISE = re.compile(r"[\s()（）.。,，;；`]")

# Fill-in answers: blanks are separated by semicolons where a person types them (forms, cells,
# one per line in a text box); a blank's alternatives are stored joined by "|" ("客户|顾客").
BLANK_SEPARATORS = ";；"
ALTERNATIVE = "|"
# Printed papers also list blanks with commas ("客户、服务") and alternatives with slashes.
LIST_SEPARATORS = ",，、"
ALTERNATIVE_SEPARATORS = "/／"


def bare(text: str) -> str:
    """A mark without spaces, brackets and stops: "(√)" → "√", "对。" → "对", "`正确`" → "正确"."""
    return _BARE_NOISE.sub("", text or "")


def truth(text: object) -> bool | None:
    """True or False for a word or mark meaning it, None for anything else."""
    if isinstance(text, bool):
        return text
    if not isinstance(text, str):
        return None
    word = bare(unicodedata.normalize("NFKC", text)).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def is_judgement_pair(options: list[str]) -> bool:
    return len(options) == 2 and frozenset(_undecorated(bare(o).lower()) for o in options) in JUDGEMENT_PAIRS


def _undecorated(word: str) -> str:
    """ "✅正确" → "正确": a mark adorning the word that means the same (a Markdown bank's options)."""
    if len(word) > 1 and truth(word[0]) is not None and truth(word[0]) == truth(word[1:].lstrip("\ufe0f")):
        return word[1:].lstrip("\ufe0f")
    return word
