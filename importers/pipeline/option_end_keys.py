"""Keys typed after an option's text: "b. 12   B", "d. 以上都是    ABCD".

Hand-made Word papers often carry each choice question's key at the end of one of its option
lines, set off by spaces: the chosen option marked with its letter, or the whole key typed at
the end of the last option. When Word's own list lettering is lost in a copy, the options are
bare lines under the stem and the key at the end of the last one is what still shows them as a
list. One option ending in a letter cannot be told from "Vitamin A" or "SWAP  A", so the paper
decides, as for keys ending stems: only where several questions end an option so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Item
from .key_above_options import LETTERED, MAX_OPTION_CHARS, MAX_OPTIONS, MIN_OPTIONS, NUMBERED
from .model import Line

MIN_QUESTIONS = 3
SHARE = 0.5
LETTERS = "ABCDEFGH"
# the key's letters, run together or spaced ("ABCD", "A C")
KEY = r"[A-H](?:[ ,，、]?[A-H]){0,7}"
# an option's text, then capital letters set off by a space ("12  B", "ABOVE A")
KEY_AFTER = re.compile(rf"(?<=\S)\s+({KEY})\s*$")
# a bare line ending in its key set off by two spaces or more: the last of unlettered options
KEYED_LINE = re.compile(rf"^(?P<text>.*\S)[ \t\u3000]{{2,}}(?P<key>{KEY})\s*$")
# a stem that asks: it ends in a colon, a question mark, an empty bracket or a blank
ASKS = re.compile(r"(?:[:：?？]|[(（]\s*[)）]|_{2,})\s*$")


def letter_keyed_options(lines: list[Line]) -> list[Line]:
    """Bare option lines under a stem that asks, the last ending in its key, lettered "A. …" and
    the key set under them as "答案：…", where the paper does so for several questions."""
    blocks = [
        b
        for k, line in enumerate(lines)
        if (end := line.text.rstrip()[-1:])
        and end in LETTERS  # (one look spares most lines the pattern)
        and KEYED_LINE.match(line.text)
        and (b := _block(lines, k))
    ]
    if len(blocks) < MIN_QUESTIONS:
        return lines  # (the common case: no such lines, no copy)
    out: list[Line] = []
    done = 0
    for first, last in blocks:
        if first < done:
            continue  # (a run reaching back into the block above: no list of its own)
        m = KEYED_LINE.match(lines[last].text)
        assert m is not None
        options = [line.text.strip() for line in lines[first:last]] + [m.group("text").strip()]
        out.extend(lines[done:first])
        out.extend(
            replace(line, text=f"{LETTERS[i]}. {text}")
            for i, (line, text) in enumerate(zip(lines[first : last + 1], options, strict=True))
        )
        out.append(replace(lines[last], text=f"答案：{_letters(m.group('key'))}"))
        done = last + 1
    return out + lines[done:]


def _block(lines: list[Line], last: int) -> tuple[int, int] | None:
    """(first option, last option) over a stem that asks, or None where the lines above the
    keyed one are no option list."""
    first = last
    while (
        first > 0
        and last - first < MAX_OPTIONS
        and _bare(lines[first - 1].text)
        and not ASKS.search(lines[first - 1].text)
    ):
        first -= 1
    stem = lines[first - 1].text if first else ""
    key = KEYED_LINE.match(lines[last].text)
    count = last - first + 1
    if not (key and ASKS.search(stem) and not LETTERED.match(stem) and MIN_OPTIONS <= count <= MAX_OPTIONS):
        return None
    if not _bare(lines[last].text) or not _fits(_letters(key.group("key")), count):
        return None
    return first, last


def _bare(text: str) -> bool:
    """A short line with text, no letter or number of its own."""
    return (
        bool(text.strip())
        and len(text.strip()) <= MAX_OPTION_CHARS
        and not LETTERED.match(text)
        and not NUMBERED.match(text)
    )


def read_option_end_keys(items: list[Item]) -> None:
    """Each unanswered choice's key taken from the options ending in it, where several do."""
    unanswered = [item for item in items if item.options and item.answer is None and not item.checked]
    keyed = [(item, found) for item in unanswered if (found := _keyed_options(item))]
    if len(keyed) < MIN_QUESTIONS or len(keyed) < SHARE * len(unanswered):
        return
    for item, found in keyed:
        for k, m in found:
            item.options[k] = item.options[k][: m.start()].rstrip()
        item.answer = "".join(sorted({c for _, m in found for c in _letters(m.group(1))}))


def _keyed_options(item: Item) -> list[tuple[int, re.Match[str]]]:
    """The option ending in letters naming the item's options, or the options each ending in
    its own letter (the chosen ones marked); [] where the ends say no key."""
    found = [
        (k, m)
        for k, option in enumerate(item.options)
        if (end := option.rstrip()[-1:]) and end in LETTERS and (m := KEY_AFTER.search(option))
    ]
    if len(found) == 1 and _fits(_letters(found[0][1].group(1)), len(item.options)):
        return found
    if len(found) > 1 and all(_letters(m.group(1)) == LETTERS[k] for k, m in found):
        return found
    return []


def _fits(letters: str, count: int) -> bool:
    """Distinct letters in order, each naming one of `count` options."""
    return list(letters) == sorted(set(letters)) and all(LETTERS.index(c) < count for c in letters)


def _letters(key: str) -> str:
    return re.sub(r"[^A-H]", "", key)
