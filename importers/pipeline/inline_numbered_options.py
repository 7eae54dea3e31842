"""Options numbered inside the question's text and keyed by their numbers: "替代役男傷病經鑑定
不堪服役者，應為？ (1) 停役 (2) 禁役 (3) 免役" keyed "1" (Taiwan's banks print every choice so)."""

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
