"""What the trainee's pages show of each question: plain values, built here so templates never
hold an AttemptQuestion (and so never its key or explanation) unless review allows it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from django.utils.translation import gettext as _

import questiontypes
from qbank.answers import answer_display as answer_text
from qbank.blanks import BLANK, MAX_BLANKS, blank_count
from qbank.script import Convert

from ..models import AttemptQuestion, GradeState
from ..services import ReviewDisplay
from .trainee_sections import section_heads, term_prompt


@dataclass(frozen=True)
class StemPart:
    text: str
    blank: int | None = None  # 1-based number of the blank that follows the text


@dataclass(frozen=True)
class ExamItem:
    """One question of a running attempt: what to ask and what the trainee has saved so far."""

    position: int
    type: str
    template: str  # the answer fragment of its type (templates/questiontypes/<type>/exam.html)
    type_label: str
    points: Decimal
    material: str
    stem_parts: list[StemPart]
    options: list[tuple[str, str]]
    chosen: str  # letters picked (choice types) or "true"/"false" (truefalse)
    blanks: list[str]  # fill: one value per blank
    text: str  # short
    flagged: bool
    saved_at: datetime | None
    images: list[int]  # picture ids of the snapshot, served by the attempt_image view
    ask: str = ""  # what a bare term asks: "请解释下列名词："
    section: str = ""  # the heading of the section this question opens, if any

    @property
    def answered(self) -> bool:
        return bool(self.chosen or self.text.strip() or any(b.strip() for b in self.blanks))

    @property
    def nav_label(self) -> str:
        """The navigator button's name carries its state, not its colour: "第 3 题，已答，已标记"."""
        return nav_label(position=self.position, answered=self.answered, flagged=self.flagged)


def nav_label(*, position: int, answered: bool, flagged: bool) -> str:
    parts = [_("第 %(n)s 题") % {"n": position}, _("已答") if answered else _("未答")]
    if flagged:
        parts.append(_("已标记"))
    return _("，").join(parts)


def stem_parts(stem: str, *, fill: bool) -> list[StemPart]:
    """The stem split at its blanks, so the template numbers each blank (escaped, never |safe)."""
    if not fill:
        return [StemPart(stem)]
    parts: list[StemPart] = []
    cursor = 0
    for number, match in enumerate(BLANK.finditer(stem), 1):
        if number > MAX_BLANKS:
            break
        parts.append(StemPart(stem[cursor : match.start()], blank=number))
        cursor = match.end()
    parts.append(StemPart(stem[cursor:]))
    return parts


def _chosen(aq: AttemptQuestion) -> str:
    if isinstance(aq.response, bool):  # true/false, as the radio buttons' values
        return "true" if aq.response else "false"
    if questiontypes.get(aq.type).has_options and isinstance(aq.response, str):
        return aq.response
    return ""


def image_ids(aq: AttemptQuestion) -> list[int]:
    """The snapshot's picture ids, served by the attempt_image view from the snapshot."""
    return [int(image["id"]) for image in aq.images or [] if "id" in image]


def _stored(text: str) -> str:
    return text


def exam_item(aq: AttemptQuestion, convert: Convert = _stored) -> ExamItem:
    """`convert` puts the question's text in the reader's script (qbank.script); the trainee's
    saved answers are shown as typed."""
    qtype = questiontypes.get(aq.type)
    fill = qtype.has_blanks
    blanks: list[str] = []
    if fill:
        saved = [str(x) for x in aq.response] if isinstance(aq.response, list) else []
        count = max(blank_count(aq.stem), len(saved))
        blanks = saved + [""] * (count - len(saved))
    return ExamItem(
        position=aq.position,
        type=aq.type,
        template=qtype.exam_template,
        type_label=aq.get_type_display(),
        points=aq.points,
        material=convert(aq.material),
        stem_parts=[replace(part, text=convert(part.text)) for part in stem_parts(aq.stem, fill=fill)],
        options=[(letter, convert(text)) for letter, text in aq.labelled_options],
        chosen=_chosen(aq),
        blanks=blanks,
        text=aq.response if qtype.free_text and isinstance(aq.response, str) else "",
        flagged=aq.flagged,
        saved_at=aq.saved_at,
        images=image_ids(aq),
        ask=term_prompt(type=aq.type, stem=aq.stem, material=aq.material),
    )


# ---- result page -----------------------------------------------------------------------------
MARKS = {
    GradeState.CORRECT: "✓",
    GradeState.WRONG: "✗",
    GradeState.PARTIAL: "◐",
    GradeState.PENDING: "…",
    GradeState.UNANSWERED: "✗",
}
VERDICTS: dict[str, tuple[str, object]] = {
    str(state): (mark, GradeState(state).label) for state, mark in MARKS.items()
}


@dataclass(frozen=True)
class ReviewItem:
    """One question after submitting, holding only what the review policy lets the trainee see."""

    position: int
    type: str
    type_label: str
    points: Decimal
    material: str
    stem: str
    options: list[tuple[str, str, bool, bool]]  # letter, text, chosen, is the key (False if hidden)
    response: str
    state: str  # "" when verdicts are hidden
    mark: str
    verdict: str
    score: Decimal | None
    key: str
    explanation: str
    comment: str
    images: list[int]
    ask: str = ""
    section: str = ""
    question_id: int | None = None  # the bank's question, for the trainee's own note on it
    can_note: bool = False  # the owner, a trainee, may write a note on it (never a trainer)
    note: str = ""  # that note: the owner's own, never shown to anyone else

    @property
    def missed(self) -> bool:
        """Wrong, partly right or not answered: what "只看错题" keeps."""
        return self.state in (GradeState.WRONG, GradeState.PARTIAL, GradeState.UNANSWERED)


def review_item(aq: AttemptQuestion, display: ReviewDisplay, convert: Convert = _stored) -> ReviewItem:
    choice = questiontypes.get(aq.type).has_options
    chosen = aq.response if choice and isinstance(aq.response, str) else ""
    key = aq.key if display.answers else None
    key_letters = key if choice and isinstance(key, str) else ""
    state = aq.state if display.verdicts else ""
    mark, verdict = VERDICTS.get(state) or ("", "")
    graded = state not in ("", GradeState.PENDING)
    return ReviewItem(
        position=aq.position,
        type=aq.type,
        type_label=aq.get_type_display(),
        points=aq.points,
        material=convert(aq.material),
        stem=convert(aq.stem),
        options=[
            (letter, convert(text), letter in chosen, letter in key_letters)
            for letter, text in aq.labelled_options
        ],
        response=convert(answer_text(aq.type, aq.response)),
        state=state,
        mark=mark,
        verdict=str(verdict),
        score=aq.score if graded else None,
        key=convert(answer_text(aq.type, key)),
        explanation=convert(aq.explanation) if display.explanations else "",
        # A trainer's comment implies the verdict, so it shows only where verdicts do.
        comment=aq.comment if graded and aq.graded_at else "",
        images=image_ids(aq),
        ask=term_prompt(type=aq.type, stem=aq.stem, material=aq.material),
        question_id=aq.question_id,
    )


def duration_text(value: timedelta | None) -> str:
    if value is None:
        return ""
    total = int(value.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return _("%(h)d 小时 %(m)d 分 %(s)d 秒") % {"h": hours, "m": minutes, "s": seconds}
    return _("%(m)d 分 %(s)d 秒") % {"m": minutes, "s": seconds}


def clock_text(seconds: int) -> str:
    """The countdown as the script shows it: 1:05:09, or 05:09 under an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


Item = TypeVar("Item", ExamItem, ReviewItem)


def with_sections(items: list[Item]) -> list[Item]:
    """The items with the heading of the section each one opens (see trainee_sections)."""
    heads = section_heads(items)
    return [replace(item, section=heads[i].heading) if i in heads else item for i, item in enumerate(items)]
