"""A key printed between a stem and its unlettered options, as 牛客 (nowcoder) exports a test:
"正确答案: B C   你的答案: 空 (错误)" and under it the options one a line, with no letters,
then the explanation's paragraphs up to the next question (the lines over the next such key).
The options are lettered in order ("A. …"), the key follows them as "答案：BC" and the
explanation is labelled "解析："; the trainee's own answer is dropped."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .model import Line

KEY_ABOVE = re.compile(
    r"^\s*(?:正确答案|正確答案|参考答案|答案)\s*[:：]\s*(?P<key>[A-H](?:[\s,，、]*[A-H])*)"
    r"\s*(?:你的答案|您的答案|我的答案)\s*[:：].*$"  # (the trainee's answer beside it: 牛客's signature)
)
LABELLED = re.compile(r"^\s*(?:解析|答案解析|参考答案|正确答案|答案|题目|题干|考点|分析|难度)\s*[:：]")
NUMBERED = re.compile(r"^\s*(?:\d{1,4}\s*[.、．:：)）]|[(（]\d{1,4}[)）]|第\s*\d{1,4}\s*题)")
# "A. …", "(B) …", "C、…" (not "e.target")
LETTERED = re.compile(r"^\s*[(（]?[A-Ha-h][)）]?\s*(?:[.．](?![A-Za-z])|[、:：)）])")
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_OPTION_CHARS = 120


def key_above_options(lines: list[Line]) -> list[Line]:
    """The lines with each key over unlettered options moved below them, the options lettered,
    the stem's first line labelled "题目：" (it is numbered in no such export) and the
    explanation's "解析："."""
    keys = [k for k, line in enumerate(lines) if KEY_ABOVE.match(line.text)]
    if not keys:
        return lines  # (the common case: no such key, no copy)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        m = KEY_ABOVE.match(lines[i].text)
        options = _options_under(lines, i + 1) if m and _unlettered_stem_above(lines, i) else []
        letters = "".join(sorted(set(re.sub(r"[^A-H]", "", m.group("key"))))) if m else ""
        if not options or "ABCDEFGH".index(letters[-1]) >= len(options):
            out.append(lines[i])
            i += 1
            continue
        _label_stem(out, lines[_stem_start(lines, i)])
        out.extend(replace(o, text=f"{'ABCDEFGH'[k]}. {o.text.strip()}") for k, o in enumerate(options))
        out.append(replace(lines[i], text=f"答案：{letters}"))
        i += 1 + len(options)
        later = bisect.bisect_left(keys, i)
        explained = i < len(lines) and (later == len(keys) or i < _stem_start(lines, keys[later]))
        if explained and not LABELLED.match(lines[i].text):
            out.append(replace(lines[i], text=f"解析：{lines[i].text.strip()}"))
            i += 1
    return out


def _label_stem(out: list[Line], first: Line) -> None:
    """Label the stem's first line, already passed on to out, as the question's."""
    k = next((k for k in range(len(out) - 1, -1, -1) if out[k] is first), None)
    if k is None:
        return  # (its line was read already, as the explanation of the question above)
    if not NUMBERED.match(first.text) and not LABELLED.match(first.text):
        out[k] = replace(first, text=f"题目：{first.text.strip()}")


def _stem_start(lines: list[Line], key: int) -> int:
    """The first line of the stem over the key at `key`: read back over unbroken lines (and a
    code block's lines)."""
    first = key - 1
    while first > 0 and lines[first - 1].text.strip() and _joined(lines[first - 1], lines[first]):
        first -= 1
    return first


def _joined(above: Line, below: Line) -> bool:
    """Two lines of one paragraph (or of a code block and the text around it)."""
    return below.lineno == above.lineno + 1 or above.code or below.code


def _options_under(lines: list[Line], start: int) -> list[Line]:
    """The paragraph of short unlettered lines from start: up to a blank line or a gap in the
    source's line numbers (Markdown's paragraph break); [] when that is no option list."""
    end = start
    while (
        end < len(lines)
        and lines[end].text.strip()
        and (end == start or lines[end].lineno == lines[end - 1].lineno + 1)
        and end - start <= MAX_OPTIONS
    ):
        end += 1
    run = lines[start:end]
    if not MIN_OPTIONS <= len(run) <= MAX_OPTIONS:
        return []
    if any(_not_option(line.text) for line in run) or _spaced_letters(run):
        return []
    return run


def _spaced_letters(run: list[Line]) -> bool:
    """ "A double d=5.3e12" / "B float f=11.1": lettered after all, by a letter and a space."""
    return all(re.match(rf"\s*{letter}\s", line.text) for letter, line in zip("ABCDEFGH", run, strict=False))


def _not_option(text: str) -> bool:
    return any(p.match(text) for p in (LETTERED, NUMBERED, LABELLED)) or len(text.strip()) > MAX_OPTION_CHARS


def _unlettered_stem_above(lines: list[Line], key: int) -> bool:
    """A stem right above the key, with no lettered options of its own (a key under those is
    the ordinary layout)."""
    if not key or not lines[key - 1].text.strip():
        return False
    return not any(LETTERED.match(line.text) for line in lines[_stem_start(lines, key) : key])
