"""Options printed as a Markdown bullet list under their question, unlabelled ("+ 章怀太子墓"), the
paper naming the key after the stem ("…的一座墓葬是____。  *C*") or setting it in bold
("+ **懿德太子墓**"). A bullet list under a question is otherwise its answer's points (notes), so
only a list the paper keys is read as options: rewritten one "A. …" a line, the key below them as
"答案：C". Bold (or italics) keys a list under a stem with a blank, or any list when the paper
bolds some of its lists' bullets so throughout (a course's graded quiz: "* **The right sentence.**").
A key line under the list naming one bullet's text ("> 正确答案为：`西门豹`") keys it too."""

from __future__ import annotations

import re
from dataclasses import replace

from questiontypes import words

from . import rules
from .model import Line

# "  *C*", " **AB**", " _B_": the key's letters, emphasised, ending the stem's line
EMPHASISED_KEY = re.compile(r"\s+(\*{1,2}|_{1,2})([A-H]{1,8})\1\s*$")
NOT_PLAIN = re.compile(r"^\W*(?:[A-Ha-h]\s*[.、．:：)）]|[^:：]*[:：])")
# "**懿德太子墓**", or in italics (an exam site's copy, "*SVI\\**": its own star after the key)
WHOLLY_BOLD = re.compile(r"^(\*\*|\*)(?![\s*])([^*]+?)(?<!\s)\1\*?$")
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_OPTION_CHARS = 60
MAX_BOLD_KEYED_CHARS = 200  # (a quiz that keys by bold throughout prints sentences as options)
MIN_BOLD_KEYED_LISTS, BOLD_KEYED_SHARE = 3, 0.75


def bulleted_options(lines: list[Line]) -> list[Line]:
    if not any(line.bullet for line in lines):
        return lines  # (the common case: no bullets, no copy)
    by_bold = _keys_by_bold(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        # (runs are measured from the line above them only, so a list of 100,000 bullets is
        # walked once, not once per bullet)
        end = i + 1 if lines[i].bullet else _bullet_run_end(lines, i + 1)
        after = lines[end] if end < len(lines) and end > i + 1 else None
        keyed = None if lines[i].bullet else _keyed_options(lines[i], lines[i + 1 : end], by_bold, after)
        if keyed is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(keyed)
        i = end + 1 if after is not None and keyed[-1].lineno == after.lineno else end  # (its key line read)
    return out


def _bullet_run_end(lines: list[Line], start: int) -> int:
    """The end of the bullets opening at `start`, one line each at one depth (a bullet whose text
    goes on over more lines is prose, no option)."""
    end = start
    while end < len(lines) and lines[end].bullet and lines[end].depth == lines[start].depth > 0:
        end += 1
    return end


def _keys_by_bold(lines: list[Line]) -> bool:
    """The paper bolds part of nearly every bullet list under its stems: bold is its key."""
    lists = bold_keyed = 0
    for i, line in enumerate(lines):
        if line.bullet:
            continue  # (as above: a run is measured from the line above it only)
        end = _bullet_run_end(lines, i + 1)
        if not MIN_OPTIONS <= end - i - 1 <= MAX_OPTIONS:
            continue
        lists += 1
        bold_keyed += 0 < len(_bold(lines[i + 1 : end])) < end - i - 1
    return bold_keyed >= MIN_BOLD_KEYED_LISTS and bold_keyed >= BOLD_KEYED_SHARE * lists


def _bold(bullets: list[Line]) -> list[int]:
    return [k for k, b in enumerate(bullets) if WHOLLY_BOLD.match(b.text.strip())]


def _keyed_options(stem: Line, bullets: list[Line], by_bold: bool, after: Line | None) -> list[Line] | None:
    if not MIN_OPTIONS <= len(bullets) <= MAX_OPTIONS:
        return None
    longest = MAX_BOLD_KEYED_CHARS if by_bold else MAX_OPTION_CHARS
    if any(len(b.text) > longest or NOT_PLAIN.match(b.text) for b in bullets):
        return None  # ("- A. 价格", "- **答案：B**": labelled already; their own rules read them)
    bold = _bold(bullets)
    texts = [WHOLLY_BOLD.sub(r"\2", b.text.strip()) for b in bullets]
    if words.is_judgement_pair(texts):
        return None  # ("- 对" "- **错**": the judgement rules read a marked pair)
    named = EMPHASISED_KEY.search(stem.text)
    by_text = _key_by_text(after, texts)
    if by_text is not None:
        key = by_text
    elif named is not None:
        key = named.group(2)
        if any("ABCDEFGH".index(letter) >= len(bullets) for letter in key):
            return None
        stem = replace(stem, text=stem.text[: named.start()])
    elif bold and len(bold) < len(bullets) and (by_bold or rules.BLANK.search(stem.text)):
        key = "".join("ABCDEFGH"[k] for k in bold)
    else:
        return None
    # (a key line naming a bullet is rewritten in its place; the caller skips it)
    key_line = after.lineno if by_text is not None and after is not None else bullets[-1].lineno
    options = [
        replace(b, text=f"{'ABCDEFGH'[k]}. {text}", bullet=False)
        for k, (b, text) in enumerate(zip(bullets, texts, strict=True))
    ]
    keyed = Line(text=f"答案：{key}", lineno=key_line)
    if stem.quote:  # "> Address Resolution Protocol" between the question and its options: a note,
        return [*options, keyed, stem]  # read after the key as its explanation
    return [stem, *options, keyed]


# "正确答案为：`西门豹`", "答案：《山海经》": a key line naming the right option by its text
KEY_BY_TEXT = re.compile(r"^(?:正确答案|参考答案|标准答案|答案)\s*(?:为|是)?\s*[:：]\s*(.+?)\s*$")
QUOTES = "`\"'“”‘’「」"


def _key_by_text(after: Line | None, texts: list[str]) -> str | None:
    """The letter of the one bullet whose text the key line under the list names."""
    m = KEY_BY_TEXT.match(after.text.strip()) if after is not None else None
    if m is None:
        return None
    named = m.group(1).strip(QUOTES).strip()
    hits = [k for k, text in enumerate(texts) if text.strip() == named]
    return "ABCDEFGH"[hits[0]] if len(hits) == 1 else None
