"""Numbers as papers print them: Chinese numerals (一 … 十九, 二十一, 一百零五) and options' places."""

from __future__ import annotations


def chinese_number(text: str) -> int:
    if text.isdecimal():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def letters_at(places: list[str], options: int, first: int) -> str:
    """The letters of the options at `places` ("2", "4") among `options`, counted from `first` (1 as
    people count, 0 as code does); nothing unless every place is one of them."""
    if not places or not all(p.isdecimal() and first <= int(p) < min(options, 8) + first for p in places):
        return ""
    return "".join(sorted({"ABCDEFGH"[int(p) - first] for p in places}))
