"""A parse checked against itself: signs, read from its output alone, that it went wrong (pure).

Coverage counts how much text was read; these checks ask whether what was read is plausible as a
paper: numbering runs that keep breaking, choice sections without options, option lines left in
stems, stems without text, answers that do not fit, a key that stops halfway. Each check looks at
the parsed questions (and the line roles), never at a particular paper's wording, so it keeps
working while the segmenter changes. Each returns a Finding (an English reason with its numbers,
translated for the pages in importers/coverage_text.py) or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from . import rules
from .classify import NO_OPTIONS, OPTIONS_NOT_PRINTED
from .model import ParsedQuestion

CHOICE_TYPES = frozenset({"single", "multiple"})
CHOICE_SECTION = re.compile(r"选择|单选|多选|择题")
# A line that opens like an option: "A.", "B、", "(C)", "- [x] D." (Markdown task lists too).
OPTION_LINE = re.compile(
    r"^\s*(?:[-*+]\s*)?(?:\[[ xX]?\]\s*)?(?:[(（]\s*[A-H]\s*[)）]|[A-H]\s*[.、．:：)）])\s*\S"
)
# A platform's type tag left at the head of a stem: "46. (判断题, 2分)…", "【单选题】…".
TYPE_TAG = re.compile(r"^\s*(?:\d+\s*[.、．]\s*)?[(（【\[]\s*(单选|多选|判断|填空|简答)")
TAG_TYPES = {"单选": "single", "多选": "multiple", "判断": "truefalse", "填空": "fill", "简答": "short"}
WORD = re.compile(r"[^\W_]")
LAYOUT_ROLES = frozenset({"heading", "title"})

BROKEN_STEPS = 0.2  # this share of numbering steps that skip or restart: the spine is not followed
LOST_SPINE = 0.5  # …and this share: the numbering was not read at all
CHOICELESS = 0.25  # share of a choice section's questions read without options
CHOICELESS_POOR = 0.5
FEW_KEYED, MOSTLY_UNKEYED = 0.2, 0.9  # a key that covers most questions but misses this share
UNFIT_ANSWERS = 0.1  # share of keyed questions whose answer does not fit (a letter beyond the options)
BLANK_STEMS = 0.05
SHARED_LABEL = 0.3  # share of stems opening with one label
STEM_LABEL = re.compile(r"^\s*([^\W\d_]{1,6})\s*[:：]")
ODD_OPTIONS = 0.1  # share of a section's choice questions with an option count far from its usual
PICKS_MIN_STEPS = 10  # a numbering that only skips ahead, this long at least, is a bank's picks
MOST_DECLARED = 0.5  # of the questions a part's heading counts, the share that shows them read
MIN_FOUND = 3  # below this many hits a check stays quiet (a paper's own oddities happen)


@dataclass(frozen=True)
class Finding:
    reason: str
    poor: bool = False  # the parse likely collapsed, not just a spot to look at


Check = Callable[[list[ParsedQuestion], dict[int, list[str]]], Finding | None]


def numbering_breaks(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """Numbers are the spine: within a section, each question is the one before plus one. A run
    that keeps skipping or restarting, where no heading or change of type explains it, was read
    in the wrong places."""
    headings = sorted(n for n, r in roles.items() if set(r) & LAYOUT_ROLES)
    steps = breaks = ahead = same = 0
    for before, after in zip(questions, questions[1:], strict=False):
        a, b = _number(before), _number(after)
        if a is None or b is None or before.section != after.section:
            continue
        if bisect_right(headings, before.lineno) < bisect_left(headings, after.lineno):
            continue  # a heading between them starts a new run (found by bisection: a bank of
            # 20,000 questions has thousands of headings)
        if b == 1 and before.type != after.type:
            continue  # a platform export numbers each type from 1 without a heading
        if after.material and after.material != before.material:
            continue  # the next problem's parts "（1）" "（2）", or the next passage's set, numbered anew
            # or as the paper it was picked from printed them
        steps += 1
        breaks += b != a + 1
        ahead += b > a + 1
        same += b == a
    if breaks < MIN_FOUND or breaks < BROKEN_STEPS * steps:
        return None
    if same == steps or (ahead == breaks and ahead >= LOST_SPINE * steps and steps >= PICKS_MIN_STEPS):
        return None  # every question "1." (copied one by one); or a bank's picks, "60." "62." "299."
    return Finding(
        f"question numbers skip or restart at {breaks} of {steps} steps", breaks >= LOST_SPINE * steps
    )


def choices_without_options(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """A question under a choice heading (单项选择题…) read without options lost them somewhere
    (not a part of a problem that shares its text: the paper's later parts went unheaded)."""
    in_choice = [
        q
        for q in questions
        if CHOICE_SECTION.search(q.section) and q.type != "truefalse" and _has_options(q) and not q.material
    ]
    bare = sum(1 for q in in_choice if not q.options)
    if bare < MIN_FOUND or bare < CHOICELESS * len(in_choice):
        return None
    return Finding(
        f"{bare} question(s) in choice sections have no options", bare >= CHOICELESS_POOR * len(in_choice)
    )


def options_in_text(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """Lines that open like options inside a stem or an answer: options (or a next question) the
    segmenter did not take as such."""
    found = sum(
        1
        for q in questions
        if sum(1 for line in _stem_and_answer(q) if OPTION_LINE.match(line)) >= 2
        and not rules.states_a_programming_problem(q.stem)  # (its sample's notes "A、输入解释…")
    )
    return Finding(f"{found} question(s) hold option lines in the stem or answer") if found else None


def blank_stems(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """A stem without a word ("{", "…") is a fragment cut off from its question."""
    found = sum(1 for q in questions if not WORD.search(q.stem))
    if found < 2 or found < BLANK_STEMS * len(questions):
        return None
    return Finding(f"{found} question(s) have a stem without text")


def shared_stem_label(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """Many stems opening with the same label ("题号:12/300 …", "题干:…"): a field of a record
    layout the segmenter did not know, so its records may be cut in the wrong places."""
    labels = Counter(m.group(1) for q in questions if (m := STEM_LABEL.match(q.stem)))
    if not labels:
        return None
    label, found = labels.most_common(1)[0]
    if found < MIN_FOUND or found < SHARED_LABEL * len(questions):
        return None
    return Finding(f'{found} question(s) open with the same label "{label}"')


def type_tags_disagree(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """A stem that still opens with the platform's type tag naming another type was misread
    (the tag should have been taken, and the type with it)."""
    found = sum(1 for q in questions if (m := TYPE_TAG.match(q.stem)) and TAG_TYPES[m.group(1)] != q.type)
    return (
        Finding(f"{found} question(s) are tagged as another type than they were read as")
        if found >= MIN_FOUND
        else None
    )


def unfit_answers(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """An answer the question cannot have (a letter beyond its options, a letter for a judgement)
    means options or answers were read in the wrong places."""
    keyed = [q for q in questions if q.answer is not None and _has_options(q)]
    found = sum(1 for q in keyed if not _answer_fits(q))
    if found < MIN_FOUND or found < UNFIT_ANSWERS * len(keyed):
        return None
    return Finding(f"{found} answer(s) do not fit their question")


def partly_keyed(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """Most questions keyed but a good share not: the key was printed, and some of it was missed
    (a paper that prints no key at all is not a misreading; see key_note)."""
    unkeyed = sum(1 for q in questions if q.answer is None)
    if not questions or not FEW_KEYED <= unkeyed / len(questions) < MOSTLY_UNKEYED:
        return None
    return Finding(f"{unkeyed} of {len(questions)} question(s) have no answer key")


# "一.单选题（共81题，100.0分）", "二、判断题(共 20 小题)": a part that says how many it asks
DECLARED_COUNT = re.compile(r"共\s*(\d{1,4})\s*(?:小|道)?[题題]")


def fewer_than_declared(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """A part heading that counts its questions ("共81题") over fewer read, though most were: the
    rest were lost somewhere (read into another question, or a key). (Far fewer is a part copied in
    extract, or a collapse the coverage shows.)"""
    found = Counter(q.section for q in questions if q.section)
    missing = 0
    for section, count in found.items():
        declared = DECLARED_COUNT.search(section)
        if declared and MOST_DECLARED * int(declared.group(1)) <= count < int(declared.group(1)):
            missing += int(declared.group(1)) - count
    if missing < MIN_FOUND:
        return None
    return Finding(f"{missing} question(s) fewer than the parts' headings count")


def odd_option_counts(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> Finding | None:
    """Choice questions of one section print about as many options each; one with a single option
    or twice the usual number took another's options or lost its own."""
    found = total = 0
    for counts in _option_counts_by_section(questions).values():
        usual = Counter(counts).most_common(1)[0][0]
        found += sum(1 for n in counts if n < 2 or n >= 2 * usual)
        total += len(counts)
    if found < MIN_FOUND or found < ODD_OPTIONS * total:
        return None
    return Finding(f"{found} choice question(s) have far more or fewer options than the others")


def _option_counts_by_section(questions: list[ParsedQuestion]) -> dict[str, list[int]]:
    """Each section's choice questions' option counts, in order (one pass: going over all the
    questions once per section was quadratic in a bank of many sections)."""
    counts: dict[str, list[int]] = defaultdict(list)
    for q in questions:
        if q.type in CHOICE_TYPES and _has_options(q):
            counts[q.section].append(len(q.options))
    return counts


def _has_options(q: ParsedQuestion) -> bool:
    """False for a question the paper printed with only its chosen option, or only its key:
    none are missing (the warning already says so)."""
    return OPTIONS_NOT_PRINTED not in q.warnings and NO_OPTIONS not in q.warnings


CHECKS: list[Check] = [
    numbering_breaks,
    choices_without_options,
    options_in_text,
    blank_stems,
    shared_stem_label,
    type_tags_disagree,
    unfit_answers,
    partly_keyed,
    odd_option_counts,
    fewer_than_declared,
]


def run_checks(
    questions: list[ParsedQuestion], roles: dict[int, list[str]], skip: tuple[Check, ...] = ()
) -> list[Finding]:
    return [found for check in CHECKS if check not in skip and (found := check(questions, roles)) is not None]


def key_note(questions: list[ParsedQuestion]) -> str:
    """A paper that prints (almost) no key: said, but no sign of a misreading."""
    unkeyed = sum(1 for q in questions if q.answer is None)
    if questions and unkeyed >= MOSTLY_UNKEYED * len(questions):
        return f"{unkeyed} of {len(questions)} question(s) have no answer key"
    return ""


def _number(q: ParsedQuestion) -> int | None:
    return int(q.number) if q.number.isdecimal() else None


def _stem_and_answer(q: ParsedQuestion) -> list[str]:
    answer = q.answer if isinstance(q.answer, str) else ""
    return [*q.stem.splitlines(), *answer.splitlines()]


def _answer_fits(q: ParsedQuestion) -> bool:
    answer = q.answer
    if q.type in CHOICE_TYPES:
        letters = "ABCDEFGH"[: len(q.options)]
        return isinstance(answer, str) and bool(answer) and all(c in letters for c in answer)
    if q.type == "truefalse":
        return isinstance(answer, bool)
    return True
