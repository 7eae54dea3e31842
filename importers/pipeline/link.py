"""LINK stage: answer keys printed away from their questions → the questions' answers.

Two shapes: numbered keys for a section or chapter ("第一章:1.C2.答:…", "参考答案 一、单项选择题
1.A(解析:…)"), collected by the segmenter as KeyEntry; and a case study's own key
("参考答案:1、…2、…3、…" or "一、…二、…") whose entries are found in sequence here.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from . import rules
from .blocks import Item, KeyEntry, Section, join
from .numbered_blanks import answer_numbered_blanks

CN_DIGITS = "一二三四五六七八九十"


def link_keys(sections: list[Section], keys: list[KeyEntry]) -> None:
    keys = answer_numbered_blanks(sections, keys)
    keys = _link_in_order(sections, keys)
    _resolve_headless(sections, keys)
    _by_position(keys)
    # (indexed once per section: a key of thousands of entries is not a search of thousands each)
    waiting: dict[int, dict[str, list[Item]]] = {}
    by_number: dict[int, dict[str, list[Item]]] = {}  # every item, answered or not (explanations)
    stories = _parts_by_story(sections)
    for entry in keys:
        parts = stories.get((entry.doc, entry.number), []) if entry.number else []
        if entry.target is None and _answer_story_parts(parts, entry):
            continue  # "26、问题一：…问题二：…": the parts asked about story 26, by their labels
        if entry.target is None:
            continue
        if id(entry.target) not in waiting:
            waiting[id(entry.target)] = _unanswered_by_number(entry.target)
            by_number[id(entry.target)] = _items_by_number(entry.target)
        number = str(entry.number) if entry.number else ""
        same_number = by_number[id(entry.target)].get(number, [])
        if entry.explains and _explain(same_number, join(entry.aside, entry.text, "\n")):
            continue
        answer, _, explanation = entry.text.partition("\x1e")
        explanation = join(entry.aside.strip(), explanation.strip(), "\n")
        numbered = waiting[id(entry.target)].get(number, [])
        item = _keyed_item(numbered, answer.strip())
        if item is None and explanation.strip() and _explain(same_number, explanation):
            continue  # "3．【分析】…故选：D。" after a key table that answered 3: its explanation
        if item is None and _answer_story_parts(parts, entry):
            continue  # (the story's number keyed under its part of the paper)
        if item is None:
            _share_among_parts(entry.target, number, answer.strip())
            continue
        if answer.strip():
            item.answer = _without_question(answer.strip(), item.stem)
            numbered.remove(item)
        if explanation.strip() and not item.explanation:
            item.explanation = explanation.strip()
    for section in sections:
        if section.local_key:
            link_local_key(section)
        _share_last_parts_answer(section)


def _items_by_number(section: Section) -> dict[str, list[Item]]:
    index: dict[str, list[Item]] = {}
    for item in section.items:
        index.setdefault(item.number, []).append(item)
    return index


def _explain(same_number: list[Item], text: str) -> bool:
    """An entry explaining a question its key answered already (a part of explanations after the
    key, or a key table then every question explained): that question's explanation (False when
    no such question: the entry is read as any key entry)."""
    item = next((i for i in same_number if i.answer), None)
    if item is None:
        return False
    if not item.explanation:
        item.explanation = text.replace("\x1e", "\n").strip()
    return True


def _parts_by_story(sections: list[Section]) -> dict[tuple[int, int], list[Item]]:
    """Case parts by the paper and the number of the story they ask about ("26、阅读材料…")."""
    index: dict[tuple[int, int], list[Item]] = {}
    for section in sections:
        for item in section.items:
            if item.story:
                index.setdefault((section.doc, item.story), []).append(item)
    return index


def _answer_story_parts(parts: list[Item], entry: KeyEntry) -> bool:
    """A key entry numbered as a case's story whose parts ask under "问题一：" labels: each part
    the text under its label (False when no part asks about that story, or the key has no labels)."""
    parts = [part for part in parts if part.answer is None]
    answers = _by_case_part(entry.text.partition("\x1e")[0], parts) if parts else []
    if not any(answers):
        return False
    for part, text in zip(parts, answers, strict=True):
        part.answer = text or None
    return True


def _link_in_order(sections: list[Section], keys: list[KeyEntry]) -> list[KeyEntry]:
    """A run of bare keys ("A" "B" "C" a line each) answers its part's questions, or the paper's
    above it, one each in order, when there are as many keys as questions (numbers the scraper
    garbled, "①" "⑾", do not matter); else the keys count as numbered 1, 2, 3 …"""
    runs: list[list[KeyEntry]] = []
    for entry in keys:
        if not entry.in_order:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last.target is entry.target and entry.number == last.number + 1:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    linked: set[int] = set()
    for run in runs:
        first = run[0]
        if first.target is not None:
            asked = [i for i in first.target.items if i.parent is None]
        else:
            asked = [
                i
                for s in sections
                if s.doc == first.doc and s.lineno < first.lineno
                for i in s.items
                if i.parent is None
            ]
        if len(asked) != len(run) or any(i.answer is not None for i in asked):
            continue
        for item, entry in zip(asked, run, strict=True):
            item.answer = entry.text
            linked.add(id(entry))
    return [entry for entry in keys if id(entry) not in linked]


def _by_position(keys: list[KeyEntry]) -> None:
    """A part's key numbered 1…N for its N questions printed with a number skipped or repeated
    ("1." "3." "4." …, or a subject's "1."-"6." "29."-"32." cut from a combined paper): the key
    counts the questions, so it answers them in order."""
    entries: dict[int, list[KeyEntry]] = {}
    targets: dict[int, Section] = {}
    for entry in keys:
        if entry.target is not None:
            entries.setdefault(id(entry.target), []).append(entry)
            targets[id(entry.target)] = entry.target
    for key, run in entries.items():
        # (parts sharing a problem's text count as that problem, which the key numbers)
        asked = list({id(one): one for one in (item.parent or item for item in targets[key].items)}.values())
        numbers = [item.number for item in asked]
        if [entry.number for entry in run] != list(range(1, len(run) + 1)) or len(asked) != len(run):
            continue
        if numbers == [str(n) for n in range(1, len(run) + 1)] or not all(n.isdecimal() for n in numbers):
            continue
        if numbers != sorted(numbers, key=int):
            continue  # (numbers in no order: no count gone wrong, another key)
        for entry, number in zip(run, numbers, strict=True):
            entry.number = int(number)


def _share_last_parts_answer(section: Section) -> None:
    """Parts (1)…(k) answered together under the last one, "答：(1)POST (2)…": each its own; so
    a case's questions 1…k ("问题1：" "问题2：") under one "参考答案：1. … 2. …"."""
    items = section.items
    for at, last in enumerate(items):
        parts_of_one = last.bracketed or section.kind == "case"
        k = int(last.number) if parts_of_one and last.number.isdecimal() else 0
        parts = items[at - k + 1 : at + 1] if 1 < k <= at + 1 else []
        if not parts or [p.number for p in parts] != [str(n) for n in range(1, k + 1)]:
            continue
        if any(p.answer is not None for p in parts[:-1]) or not last.answer:
            continue
        answers = split_enumerated(last.answer, k)
        if len(answers) == k and all(answers) and FIRST_OF_PARTS.match(last.answer):
            for part, answer in zip(parts, answers, strict=True):
                part.answer = answer


FIRST_OF_PARTS = re.compile(r"\s*(?:[(（]1[)）]|1\s*[.、．])")


def _unanswered_by_number(section: Section) -> dict[str, list[Item]]:
    """A section's unanswered questions by number, in order (parts, numbered anew, never, unless
    the section is one problem's parts: "2、（10分）…" asking "（1）" "（2）", keyed "2、 1）… 2）…")."""
    parents = {id(item.parent) for item in section.items}
    one_problem = len(parents) == 1 and all(item.parent is not None for item in section.items)
    index: dict[str, list[Item]] = {}
    for item in section.items:
        if (item.parent is None or one_problem) and item.answer is None:
            index.setdefault(item.number, []).append(item)
    return index


def _keyed_item(numbered: list[Item], answer: str) -> Item | None:
    """The first unanswered question of the key's number; of several (a paper's numbered
    instructions before its questions), a choice's key goes to the first one with options."""
    if len(numbered) > 1 and CHOICE_KEY.fullmatch(answer):
        return next((i for i in numbered if i.options), numbered[0])
    return numbered[0] if numbered else None


def _without_question(answer: str, stem: str) -> str:
    """A key that asks each question again before answering it: the answer without the question."""
    first, _, rest = answer.partition("\n")
    same = rules.bare_words(first) == rules.bare_words(stem)
    return rest.strip() if same and rest.strip() else answer


def _share_among_parts(section: Section, number: str, answer: str) -> None:
    """The key of a question read as its parts ("4." became the material of "(1)" "(2)"): its
    "(1)…(2)…" answer each part; a key that answers it whole makes it one question again."""
    parts = [i for i in section.items if i.parent is not None and i.parent.number == number]
    if not parts or not answer or CHOICE_KEY.fullmatch(answer) or any(p.answer is not None for p in parts):
        return  # ("B": a choice's key, the number read in the wrong part)
    answers = (
        _bracketed_entries(answer, len(parts))
        or split_enumerated(answer, len(parts))
        or _entries_by_blanks(answer, parts)
    )
    if len(answers) == len(parts) and all(answers):
        for part, text in zip(parts, answers, strict=True):
            part.answer = text
        return
    whole = parts[0].parent
    assert whole is not None
    whole.stem = join(whole.stem, "\n".join(f"({part.number}) {part.stem}" for part in parts), "\n")
    whole.answer = answer
    at = next(k for k, item in enumerate(section.items) if item is parts[0])
    section.items[at : at + len(parts)] = [whole]


def _entries_by_blanks(answer: str, parts: list[Item]) -> list[str]:
    """ "群落的演替；…消失；二氧化碳；调节种间关系": one entry a blank through the parts, in order
    (a part of two blanks takes two), when every part has a blank and they come out even."""
    entries = [e.strip() for e in KEY_ENTRY_SEPARATOR.split(answer.strip()) if e.strip()]
    blanks = [len(LOOSE_BLANK.findall(part.stem)) for part in parts]
    if "\n" in answer.strip() or not all(blanks) or sum(blanks) != len(entries):
        return []
    shares, at = [], 0
    for count in blanks:
        shares.append("；".join(entries[at : at + count]))
        at += count
    return shares


KEY_ENTRY_SEPARATOR = re.compile(r"[;；]")
# a blank as a scrape leaves it: underscores of any length ("称为_。"), not inside a name ("A_bb")
LOOSE_BLANK = re.compile(r"(?<![A-Za-z0-9_])_+(?![A-Za-z0-9_])|[(（]\s*[)）]")
CHOICE_KEY = re.compile(r"[A-Ha-h]{1,8}|[√×对错]")
BRACKETED_ENTRY = re.compile(r"(?:^|\n)\s*[(（]\s?(\d{1,2})\s?[)）]")


def _bracketed_entries(text: str, count: int) -> list[str]:
    """ "( 3) FCFS …\n( 4) SCAN …": `count` entries on their own lines, numbered in a run
    (from wherever the key started counting)."""
    found = list(BRACKETED_ENTRY.finditer(text))
    numbers = [int(m.group(1)) for m in found]
    if not found or len(found) != count or numbers != list(range(numbers[0], numbers[0] + count)):
        return []
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [text[m.end() : end].strip() for m, end in zip(found, ends, strict=True)]


def _resolve_headless(sections: list[Section], keys: list[KeyEntry]) -> None:
    """A key with no section names ("参考答案 1.B 2.A"): numbers run through the paper's
    question sections in order; a number that goes back starts the next section."""
    previous = 0
    cursor: list[Section] = []
    fence = 0  # where the key printed before this one ended
    last: KeyEntry | None = None
    asking = sorted((s for s in sections if s.items), key=lambda s: s.lineno)
    starts = [s.lineno for s in asking]
    grid = _grid_rows(keys)
    # each section's numbers, taken once (a key may have thousands of entries)
    numbers: dict[int, set[str]] = {}

    def asked(section: Section) -> set[str]:
        if id(section) not in numbers:  # (not setdefault: its argument would be computed each time)
            numbers[id(section)] = set(_asked_numbers(section))
        return numbers[id(section)]

    # how often each number was asked in a section, and keyed so far (sets numbered anew)
    times_asked: dict[int, Counter[str]] = {}
    times_keyed: Counter[tuple[int, str]] = Counter()

    def another_run(section: Section, number: str) -> bool:
        if id(section) not in times_asked:
            printed = [i.number for i in section.items if i.parent is None]
            times_asked[id(section)] = Counter(printed if _in_sets(printed) else [])
        return times_asked[id(section)][number] > times_keyed[(id(section), number)]

    for at, entry in enumerate(keys):
        if last is not None and _questions_between(starts, last.lineno, entry.lineno):
            fence, previous, cursor = last.lineno, 0, []  # a key of its own for the questions above
        if last is None or last.lineno <= fence:
            cursor = _part_right_above(asking, keys, at, starts)
        last = entry
        if entry.target is not None:
            previous, cursor = 0, []
            continue
        if entry.lineno in grid and previous and cursor:
            previous = 0  # the next row of a key set in columns: it goes back within the same key
        goes_back = entry.number <= previous
        if goes_back and cursor and another_run(cursor[0], str(entry.number)):
            goes_back = False  # "Day 2" "1.B 2.D": the section's next set, numbered from 1 again
        if not cursor or goes_back:
            if cursor:
                cursor.pop(0)
            if not cursor:
                cursor = _answerable(sections, entry, fence)
                if previous and entry.number <= previous and cursor:
                    cursor.pop(0)
        while cursor and str(entry.number) not in asked(cursor[0]):
            cursor.pop(0)
        previous = entry.number
        entry.target = cursor[0] if cursor else _by_running_number(sections, entry)
        if entry.target is not None:
            times_keyed[(id(entry.target), str(entry.number))] += 1


def _in_sets(numbers: list[str]) -> bool:
    """ "1…15" "1…15" "1…15": sets of questions each numbered 1, 2, 3 … without a gap."""
    if not numbers or not all(n.isdecimal() for n in numbers) or numbers.count("1") < 2:
        return False
    return all(int(b) in (1, int(a) + 1) for a, b in zip(numbers, numbers[1:], strict=False))


def _part_right_above(
    asking: list[Section], keys: list[KeyEntry], at: int, starts: list[int]
) -> list[Section]:
    """ "答案：" "（1）…" "（2）…" under a chapter's questions, numbered 1… exactly as they were: that
    chapter's key, though parts answered where they stand come before it (else: [])."""
    first = keys[at]
    run: list[int] = []
    for entry in keys[at:]:
        if entry.target is not None or _questions_between(starts, first.lineno, entry.lineno):
            break
        run.append(entry.number)
    # the two sections with questions right above it, in its own paper (found by bisection: a key
    # may follow each of thousands of chapters)
    end = bisect.bisect_left(starts, first.lineno)
    above = asking[max(0, end - 2) : end]
    if len(above) < 2 or any(s.doc != first.doc for s in above) or run != list(range(1, len(run) + 1)):
        return []
    return [above[-1]] if _asked_numbers(above[-1]) == [str(n) for n in run] else []


def _grid_rows(keys: list[KeyEntry]) -> set[int]:
    """Lines of a key set in columns ("1、B 26、B 51、D 76、C"): three or more entries a line,
    their numbers a constant stride apart."""
    rows: dict[int, list[int]] = {}
    for entry in keys:
        rows.setdefault(entry.lineno, []).append(entry.number)
    grid = set()
    for lineno, numbers in rows.items():
        steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False)}
        if len(numbers) >= 3 and len(steps) == 1 and steps.pop() > 1:
            grid.add(lineno)
    return grid


def _questions_between(starts: list[int], after: int, before: int) -> bool:
    at = bisect.bisect_right(starts, after)
    return at < len(starts) and starts[at] < before


def _answerable(sections: list[Section], entry: KeyEntry, fence: int) -> list[Section]:
    """The question sections a headless key can answer: those printed between the key before
    it and itself ("答案：1.C 2.B" after each chapter's questions), else all of its paper's."""
    own = [s for s in sections if s.doc == entry.doc and s.items and s.kind != "prose"]
    between = [s for s in own if fence < s.lineno < entry.lineno] or own
    # parts answered where they stand ("答：…" under each) ask no key: it is for the others
    return [s for s in between if any(i.answer is None for i in s.items)] or between


def _by_running_number(sections: list[Section], entry: KeyEntry) -> Section | None:
    """Key numbers that run on through the paper ("36 单元") where each section numbers its
    questions from 1 again: number 36 is the first question of the section after 35 others."""
    before = 0
    for section in (s for s in sections if s.doc == entry.doc and s.items and s.kind != "prose"):
        numbered = [n for n in _asked_numbers(section) if n.isdigit()]
        local = entry.number - before
        if str(local) in numbered and before:
            entry.number = local
            return section
        before += len(numbered)
    return None


def _asked_numbers(section: Section) -> list[str]:
    """The numbers its questions were printed with: a question read as its parts ("32." over
    "（1）" "（2）") by its own number, once, not by its parts'."""
    numbers = [item.parent.number if item.parent is not None else item.number for item in section.items]
    return list(dict.fromkeys(numbers))


def link_local_key(section: Section) -> None:
    """Split "1、答一 2、答二 3、答三" (or "【问题1】…" "【问题2】…") among the numbered
    sub-questions, in order."""
    items = [i for i in section.items if i.number]
    text, _, explanation = section.local_key.partition("\x1e")
    answers = _by_case_part(text, items) or split_enumerated(text, len(items))
    for item, answer in zip(items, answers, strict=False):
        if answer and item.answer is None:
            item.answer = answer
    if explanation and items and not items[len(answers) - 1 if answers else 0].explanation:
        items[max(len(answers) - 1, 0)].explanation = explanation.strip()


def _by_case_part(text: str, items: list[Item]) -> list[str]:
    """A case's key under its parts' labels ("【问题1】（4分）" over part 1's answer): one answer
    for each item, by its number; [] where the key has no such labels."""
    parts: dict[str, list[str]] = {}
    lines: list[str] | None = None
    for line in text.split("\n"):
        label = rules.CASE_PART_KEY.match(line) or rules.CASE_PART.match(line)
        if label:
            lines = parts.setdefault(rules.case_part_number(label), [])
            line = label.group("rest")
        if lines is not None and line.strip():
            lines.append(line.strip())
    return ["\n".join(parts.get(item.number, [])) for item in items] if parts else []


def split_enumerated(text: str, count: int) -> list[str]:
    """Answers numbered 1、 1. (1) or 一、, found in sequence so inner numbering stays inside."""
    if count == 0:
        return []
    first = re.search(r"(?<![\d\w])(?:(1)\s*[、.．,]|(一)\s*[、.．,]|[(（](1)[)）])", text)
    if not first:
        return []
    if first.group(3):
        patterns = [rf"[(（]{n}[)）]" for n in range(1, count + 1)]
    elif first.group(1):
        patterns = [rf"(?<![\d{CN_DIGITS}]){n}\s*[、.．,]" for n in range(1, count + 1)]
    else:
        patterns = [rf"(?<![\d{CN_DIGITS}]){d}\s*[、.．,]" for d in CN_DIGITS[:count]]
    starts: list[tuple[int, int]] = [(first.start(), first.end())]
    for pattern in patterns[1:]:
        m = re.compile(pattern).search(text, starts[-1][1])
        if not m:
            break
        starts.append((m.start(), m.end()))
    out = []
    for k, (_, body_start) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        out.append(text[body_start:end].strip())
    return out
