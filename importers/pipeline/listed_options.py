"""Options printed as a program's list on a line of their own ("['寇准', '陆游', '辛弃疾', '岳飞']",
or with JSON's double quotes), as scraped quiz data keeps them: rewritten one option a line
("A. 寇准"). A line just above the list that is exactly one of its options is the key, named by
its text: it moves below the options as "答案：C"."""

from __future__ import annotations

import re

from .model import Line

_QUOTED = r"(?:'[^'\n]*'|\"[^\"\n]*\")"
QUOTED_LIST = re.compile(rf"\s*\[\s*{_QUOTED}(?:\s*,\s*{_QUOTED})*\s*,?\s*\]\s*")
QUOTED = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
MAX_OPTIONS = 8


def quoted_list(text: str) -> list[str] | None:
    """ "['罗盛教', '邓小平']" (as Python prints a list of texts, or JSON's double quotes): its
    texts, stripped; None for anything else."""
    if not QUOTED_LIST.fullmatch(text):
        return None
    return [(a or b).strip() for a, b in QUOTED.findall(text)]


def listed_options(lines: list[Line]) -> list[Line]:
    if not any(line.text.lstrip().startswith("[") for line in lines):
        return lines  # (the common case: no list anywhere, no copy)
    out: list[Line] = []
    for line in lines:
        options = quoted_list(line.text) if line.text.lstrip().startswith("[") else None
        if options is None or not 2 <= len(options) <= MAX_OPTIONS or not all(options):
            out.append(line)
            continue
        key = _key_above(out, options)
        out.extend(
            Line(text=f"{'ABCDEFGH'[k]}. {option}", lineno=line.lineno) for k, option in enumerate(options)
        )
        if key is not None:
            out.append(key)
    return out


def _key_above(out: list[Line], options: list[str]) -> Line | None:
    """The line above the list, taken out when it names one of the options (a stem stays above
    it: a lone line is no key)."""
    filled = (k for k in range(len(out) - 1, -1, -1) if out[k].text.strip())  # (from the end: no rescan)
    last, stem = next(filled, None), next(filled, None)
    if last is None or stem is None or out[last].text.strip() not in options:
        return None
    above = out.pop(last)
    letter = "ABCDEFGH"[options.index(above.text.strip())]
    return Line(text=f"答案：{letter}", lineno=above.lineno)
