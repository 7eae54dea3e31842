"""Options inside the question's text of a record that has no option fields: numbered and keyed
by their numbers, "替代役男傷病經鑑定不堪服役者，應為？ (1) 停役 (2) 禁役 (3) 免役" keyed "1" (Taiwan's
banks print every choice so), or lettered a line each, "…(　　)。<br>A. 封闭面<br>B. 短路" keyed "A"
(a web quiz's data keeps each question's whole text in one field)."""

from __future__ import annotations

import re

# "(1)" opening the text or after a space or the question's end, never "f(1)" inside a formula
LABEL = re.compile(r"(?:^|(?<=[\s?？:：。，,]))[(（]\s*([1-9])\s*[)）]\s*")
DIGITS = re.compile(r"[1-9](?:\s*[,，、]?\s*[1-9])*")


def numbered_in_text(text: str, answer: str) -> tuple[str, list[str], str] | None:
    """The stem before the options, the options, and the key's letters; None unless the text
    numbers at least two options from (1) in order and the answer names only those."""
    key = answer.strip()
    if not DIGITS.fullmatch(key):
        return None
    labels = list(LABEL.finditer(text))
    numbers = [int(m.group(1)) for m in labels]
    if len(labels) < 2 or numbers != list(range(1, len(labels) + 1)):
        return None
    chosen = sorted({int(d) for d in re.findall(r"[1-9]", key)})
    if chosen[-1] > len(labels):
        return None
    ends = [m.start() for m in labels[1:]] + [len(text)]
    options = [
        text[m.end() : end].strip().removesuffix("。").strip() for m, end in zip(labels, ends, strict=True)
    ]
    stem = text[: labels[0].start()].strip()
    if not all(options):
        return None
    return stem, options, "".join("ABCDEFGH"[n - 1] for n in chosen)


# "A." opening a line of the text (or after a web page's line break "<br>")
LINE_LABEL = re.compile(r"(?:^|\n|<br\s*/?>)\s*(?:<br\s*/?>\s*)?([A-H])\s*[.、．:：]\s*", re.I)
LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)
LETTERS = re.compile(r"[A-H](?:\s*[,，、]?\s*[A-H])*")


def lettered_in_text(text: str, answer: str) -> tuple[str, list[str], str] | None:
    """The stem before the options, the options, and the key; None unless the text letters at
    least two options a line each from A in order and the answer names only those."""
    key = answer.strip().upper()
    if not LETTERS.fullmatch(key):
        return None
    labels = [m for m in LINE_LABEL.finditer(text) if m.group(1).isupper()]
    if len(labels) < 2 or [m.group(1) for m in labels] != list("ABCDEFGH"[: len(labels)]):
        return None
    if max(re.findall(r"[A-H]", key)) > labels[-1].group(1):
        return None
    ends = [m.start() for m in labels[1:]] + [len(text)]
    options = [LINE_BREAK.sub(" ", text[m.end() : end]).strip() for m, end in zip(labels, ends, strict=True)]
    stem = LINE_BREAK.sub("\n", text[: labels[0].start()]).strip()
    return stem, options, re.sub(r"[^A-H]", "", key)
