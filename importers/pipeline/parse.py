"""The pipeline's middle: clean → segment → link → classify, over one document's lines."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable

from .blank_groups import blank_groups
from .bracketed_blanks import read_bracketed_blanks
from .case_part_lines import split_case_parts
from .classify import NO_ANSWER, answer_slot, classify
from .clean import clean_lines
from .coverage import measure
from .dotted_numbers import count_dotted, restore_numbers
from .glossary import looks_like_glossary, parse_glossary
from .heading_pairs import looks_like_heading_pairs, parse_heading_pairs
from .label_pairs import parse_label_pairs, reads_better_by_labels
from .link import link_keys
from .model import Line, ParsedPaper, ParsedQuestion
from .numbered_solutions import share_numbered_solutions
from .option_end_keys import read_option_end_keys
from .qa_pairs import looks_like_pairs, parse_pairs
from .recaps import drop_recaps
from .rules import bare_words
from .scored_parts import scored_parts
from .segment import Segmented, segment
from .shared_options import share_options
from .slot_blanks import number_slots, share_group_keys
from .survey import parse_survey
from .term_lines import looks_like_term_lines, parse_term_lines
from .trailing_keys import read_trailing_keys
from .trainee_keys import read_trainee_keys
from .worked_examples import labels_examples, teaching_text

SURVEY_NOTE = "nothing is numbered: read as a questionnaire export, every type is a guess"
TERM_LINES_NOTE = (
    "nothing is numbered: each short line was read as a term, the lines under it as its definition"
)
GLOSSARY_NOTE = 'nothing is numbered: each line "term：definition" was read as a term to explain'
PAIRS_NOTE = "nothing is numbered: each asking line was read with the line under it as its answer"
HEADINGS_NOTE = "each heading that asks was read as a question, the text under it as its answer"


def parse_lines(
    filename: str, lines: list[Line], on_progress: Callable[[float], None] | None = None
) -> ParsedPaper:
    """`on_progress(share)`: see segment(), the stage that reports."""
    furniture: list[Line] = []
    cleaned, printed = count_dotted(number_slots(split_case_parts(clean_lines(lines, furniture)), furniture))
    if looks_like_heading_pairs(cleaned):
        roles: dict[int, list[str]] = {}
        questions = parse_heading_pairs(cleaned, roles, lambda part: _read_numbered(part, roles))
        questions = drop_recaps(questions, roles)
        if not _too_few_for_its_length(questions, cleaned):
            restore_numbers(questions, printed)
            flag_repeats(questions)
            return ParsedPaper(
                filename=filename,
                questions=questions,
                warnings=[HEADINGS_NOTE],
                coverage=measure(lines, furniture, roles, questions),
                line_roles=roles,
                furniture={line.lineno for line in furniture},
            )
    seg = segment(cleaned, on_progress, frozenset(line.lineno for line in furniture))
    link_keys(seg.sections, seg.keys)
    warnings: list[str] = []
    if _unnumbered_export(seg):
        chapter = next((s.chapter for s in seg.sections if s.chapter), "")
        loose = [ln for s in seg.sections for ln in s.loose]
        if looks_like_glossary(loose):
            questions = parse_glossary(loose, chapter=chapter)
            warnings.append(GLOSSARY_NOTE)
        elif looks_like_pairs(loose):
            questions = parse_pairs(loose, chapter=chapter)
            warnings.append(PAIRS_NOTE)
        elif looks_like_term_lines(loose):
            questions = parse_term_lines(loose, chapter=chapter)
            warnings.append(TERM_LINES_NOTE)
        else:
            questions = parse_survey(loose, chapter=chapter)
            warnings.append(SURVEY_NOTE)
        for line in loose:  # the questionnaire reader took every loose line
            seg.roles[line.lineno] = ["stem"]
    elif (terms := _collapsed_terms(seg, cleaned)) is not None:
        # "# 名词解释" over "利率效应:" / its definition: a part of terms, read term by term, not
        # its first line taking every other as its answer
        questions = terms
        warnings.append(TERM_LINES_NOTE)
        seg.roles.update({line.lineno: ["stem"] for line in _body(cleaned, seg.roles)})
    elif _stray_numbers(seg) and looks_like_term_lines(cleaned):
        # a glossary's wrapped definition opening "9万年…" is no numbered question
        questions = parse_term_lines(cleaned, chapter=seg.sections[0].chapter)
        warnings.append(TERM_LINES_NOTE)
        seg.roles.update({line.lineno: ["stem"] for line in cleaned})
    else:
        questions = _read_questions(seg)
        if reads_better_by_labels(cleaned, questions):
            # unnumbered questions each over "参考回答：": the numbers were the answers' points
            seg.roles.update({line.lineno: ["loose"] for line in cleaned})
            questions = parse_label_pairs(cleaned, seg.roles, chapter=seg.sections[0].chapter)
    questions = drop_recaps(questions, seg.roles)
    read_trainee_keys(questions, lines)
    restore_numbers(questions, printed)
    flag_repeats(questions)
    coverage = measure(lines, furniture, seg.roles, questions)
    return ParsedPaper(
        filename=filename,
        questions=questions,
        warnings=warnings,
        coverage=coverage,
        line_roles=seg.roles,
        furniture={line.lineno for line in furniture},
    )


def _too_few_for_its_length(questions: list[ParsedQuestion], lines: list[Line]) -> bool:
    """Three bold paragraphs read as headings, each over hundreds of lines ("**What is the
    technician configuring?**" inside numbered question 122): the heading reading collapsed the
    paper, which is read by its numbers instead (no answer runs a hundred lines a question)."""
    return len(lines) >= PAIRED_COLLAPSE_LINES and len(questions) * PAIRED_COLLAPSE_LINES < len(lines)


PAIRED_COLLAPSE_LINES = 100


def _read_numbered(lines: list[Line], roles: dict[int, list[str]]) -> list[ParsedQuestion]:
    """A part of heading-pair notes whose questions are numbered lines, read line by line."""
    seg = segment(lines)
    link_keys(seg.sections, seg.keys)
    questions = _read_questions(seg)
    roles.update(seg.roles)
    return questions


def _read_questions(seg: Segmented) -> list[ParsedQuestion]:
    """The items as questions, then the keys only the whole paper shows (letters ending stems,
    answers in brackets after blanks)."""
    questions = _classify_all(seg)
    read_trailing_keys(questions)
    read_bracketed_blanks(questions)
    share_numbered_solutions(questions)
    return questions


def _classify_all(seg: Segmented) -> list[ParsedQuestion]:
    """Every item as a question; an item that makes none (a case's story whose questions were not
    found, a number with nothing under it) leaves its lines "dropped", so the coverage shows it.
    Numbered prose under a heading that asks nothing is left out on purpose and stays read."""
    items = [
        part
        for section in seg.sections
        for item in share_options(section.items)
        for whole in blank_groups(item)
        for part in scored_parts(whole)
    ]
    read_option_end_keys(items)
    share_group_keys(items)
    starts = sorted({item.lineno for item in items})
    guide = labels_examples(items)
    questions: list[ParsedQuestion] = []
    for item in items:
        guide_text = guide and teaching_text(item)  # (read on purpose, between worked examples)
        question = None if guide_text else classify(item)
        if question is not None:
            questions.append(question)
        elif item.section.kind != "prose":
            following = bisect.bisect_right(starts, item.lineno)
            end = starts[following] if following < len(starts) else max(seg.roles, default=0) + 1
            # (an answer sheet's slot is layout)
            role = "loose" if guide_text else "sheet" if answer_slot(item) else "dropped"
            for lineno in range(item.lineno, end):
                if ITEM_ROLES & set(seg.roles.get(lineno, ())):
                    seg.roles[lineno] = [role]
    return questions


ITEM_ROLES = frozenset({"question", "stem", "option", "unlabelled", "answer", "explanation", "material"})


def _unnumbered_export(seg: Segmented) -> bool:
    """Only titles and loose lines, more than one: a questionnaire export with nothing numbered
    (a lone line of text is no paper)."""
    loose = sum(len(s.loose) for s in seg.sections)
    return (
        seg.numbered_items == 0
        and loose > 1
        and all(s.kind == "generic" and not s.items for s in seg.sections)
    )


def _collapsed_terms(seg: Segmented, lines: list[Line]) -> list[ParsedQuestion] | None:
    """Nothing numbered, no options, and the lines read as terms make many times the questions
    the segmenter found: its few unnumbered items had swallowed a list of terms."""
    items = [item for section in seg.sections for item in section.items]
    if seg.numbered_items or not items or any(item.options for item in items):
        return None
    if not looks_like_term_lines(_body(lines, seg.roles)):
        return None
    terms = _terms_under_headings(lines, seg.roles)
    return terms if len(terms) >= COLLAPSE * len(items) else None


COLLAPSE = 2


HEADING_ROLES = {"heading", "title", "chapter"}


def _body(lines: list[Line], roles: dict[int, list[str]]) -> list[Line]:
    return [line for line in lines if not HEADING_ROLES & set(roles.get(line.lineno, ()))]


def _terms_under_headings(lines: list[Line], roles: dict[int, list[str]]) -> list[ParsedQuestion]:
    """Each heading's terms, the heading their section."""
    parts: list[tuple[str, list[Line]]] = [("", [])]
    for line in lines:
        if HEADING_ROLES & set(roles.get(line.lineno, ())):
            parts.append((line.text.strip(), []))
        else:
            parts[-1][1].append(line)
    questions = [q for heading, part in parts for q in parse_term_lines(part, chapter=heading) if part]
    for q in questions:
        q.section = q.section or q.chapter
    return questions


def _stray_numbers(seg: Segmented) -> bool:
    """A number or two among hundreds of loose lines: the paper numbers nothing."""
    loose = sum(len(s.loose) for s in seg.sections)
    return seg.numbered_items <= STRAY_NUMBERS and loose >= LOOSE_PER_STRAY * max(1, seg.numbered_items)


STRAY_NUMBERS = 2
LOOSE_PER_STRAY = 20  # loose lines for each number found before the numbers count as strays


def flag_repeats(questions: list[ParsedQuestion]) -> None:
    """A question printed twice in one paper is flagged for the reviewer (the store skips it). A
    paper printed bare and then again with its key (a 解析 part reprinting each question over its
    【参考答案】) keys the first printing by the second: the question stored keeps its key."""
    seen: dict[str, ParsedQuestion] = {}
    for q in questions:
        key = _loose_key(q)
        first = seen.setdefault(key, q)
        if first is not q:
            if _unkeyed(first) and not _unkeyed(q) and _same_kind(first, q):
                first.type, first.answer = q.type, q.answer
                first.explanation = first.explanation or q.explanation
                first.warnings = [w for w in first.warnings if w != NO_ANSWER]
            q.warnings.append(f"possible duplicate of the question at line {first.lineno}")


def _unkeyed(q: ParsedQuestion) -> bool:
    return q.answer is None or q.answer == "" or q.answer == []


def _same_kind(a: ParsedQuestion, b: ParsedQuestion) -> bool:
    """Of one type, or both choices (a choice printed without its key is taken for a single one)."""
    return a.type == b.type or {a.type, b.type} <= {"single", "multiple"}


def _loose_key(q: ParsedQuestion) -> str:
    text = "\x1f".join([q.material, q.stem, *q.options])
    return bare_words(unicodedata.normalize("NFKC", text)).lower()
