"""Options printed without letters, the correct ones ticked as a quiz tool's export or a
generated bank shows them: "✓ 停止信号" above "  直行信号" (the others indented to the same
column, or given an empty box "☐ 直行信号"), radio buttons "● 甲 / ○ 乙".
Rewritten one "A. …" a line with the ticked letters below as "答案：A", so the segmenter reads
them as any lettered list."""

from __future__ import annotations

import re

from .model import Line

# A tick before the option's text, or an empty box or radio (a tick's partner).
# (Not "[x]"/"( )": Markdown task lists are read as such, and "( )" opens many a stem's blank.)
TICKED = r"[✓✔√☑✅●◉■]"
UNTICKED = r"[☐○◯□✗✘×]"
MARKED = re.compile(rf"^(\s*)(?:({TICKED})|({UNTICKED}))\s*(\S.*)$")
TICK = re.compile(rf"^\s*(?:{TICKED})\s*\S")
# A lone tick may mark an answer line in a key ("√ 正确"); the filled shapes are bullets too:
# these need an empty partner on another line of the list.
NEEDS_PARTNER = set("●◉■")
LETTERED = re.compile(r"^[A-Ha-h]\s*[.、．:：)）]")
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_OPTION_CHARS = 80


def marked_options(lines: list[Line]) -> list[Line]:
    """The lines with each ticked option list under a stem rewritten (the rest as they were)."""
    if not any(TICK.match(line.text) for line in lines):
        return lines  # (the common case: no ticks anywhere, no copy)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and end - i < MAX_OPTIONS and lines[end].text.strip():
            end += 1
        under_stem = bool(out) and bool(out[-1].text.strip())
        starts = lines[i].text[:1].isspace() or MARKED.match(lines[i].text) is not None
        options = _options(lines[i:end]) if under_stem and starts else None
        if options is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(options)
        i += len(options) - 1  # (the key line is new)
    return out


def _options(run: list[Line]) -> list[Line] | None:
    """The run's leading ticked option list as lettered options and a key line: 2-8 short
    lines, at least one ticked, the others boxed or indented to the ticked lines' text."""
    first = next((m for line in run if (m := MARKED.match(line.text)) and m.group(2)), None)
    if first is None:
        return None
    column = first.start(4)
    texts: list[str] = []
    ticked: list[int] = []
    boxed = False
    for k, line in enumerate(run):
        m = MARKED.match(line.text)
        if m is not None:
            text = m.group(4).strip()
            ticked += [k] if m.group(2) else []
            boxed = boxed or m.group(3) is not None
        elif len(line.text) - len(line.text.lstrip()) == column:
            text = line.text.strip()
        else:
            break
        if len(text) > MAX_OPTION_CHARS:
            break
        texts.append(text)
    if not ticked or not MIN_OPTIONS <= len(texts) <= MAX_OPTIONS:
        return None
    if first.group(2) in NEEDS_PARTNER and not boxed:
        return None
    lettered = all(LETTERED.match(t) for t in texts)
    out = [
        Line(text=t if lettered else f"{'ABCDEFGH'[k]}. {t}", lineno=line.lineno)
        for k, (t, line) in enumerate(zip(texts, run, strict=False))
    ]
    letters = "".join(texts[k][0].upper() if lettered else "ABCDEFGH"[k] for k in ticked)
    out.append(Line(text=f"答案：{letters}", lineno=run[len(texts) - 1].lineno))
    return out
