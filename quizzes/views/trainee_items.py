"""What the trainee's pages show of each question: plain values, built here so templates never
hold an AttemptQuestion (and so never its key or explanation) unless review allows it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from django.utils import timezone
from django.utils.translation import gettext as _

import questiontypes
from qbank.answers import answer_display as answer_text
from qbank.blanks import BLANK, MAX_BLANKS, blank_count
from qbank.models import QuestionType
from qbank.script import Convert

from ..models import AttemptQuestion, GradeState
from ..selectors import QuestionReviewed, QuestionToSit
from ..services import ReviewDisplay
from .trainee_sections import bare_term, section_heads, term_prompt


@dataclass(frozen=True)
class StemPart:
    text: str
    blank: int | None = None  # 1-based number of the blank that follows the text


@dataclass(frozen=True)
class ExamItem:
    """One question of a running attempt: what to ask and what the trainee has saved so far.

    The page shows 100 of these: every string the template prints per question is made here,
    with words translated once per page (ExamWords), so the template only places finished
    strings (each template tag, filter and translation per question cost the page ~0.1 ms)."""

    position: int
    n: str  # the position as text: the template prints it 8 times and need not localise a number
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
    answered: bool
    title: str  # "第 3 题"
    meta: str  # "单选题 · 2 分"
    nav_label: str  # "第 3 题，已答，已标记": the navigator button's name carries its state
    flag_label: str  # the flag button's text: "标记" / "已标记"
    saved_text: str  # "已保存 10:13:05", or ""
    saved_iso: str  # when it was saved, for the script ("" if never)
    ask: str = ""  # what a bare term asks: "请解释下列名词："
    section: str = ""  # the heading of the section this question opens, if any


@dataclass(frozen=True)
class ExamWords:
    """The exam page's words, translated once per page rather than a dozen times per question."""

    question: str
    points: str
    answered: str
    unanswered: str
    flagged: str
    flag: str
    separator: str
    saved: str
    types: dict[str, str]
    ask: str
    true: str = "对"
    false: str = "错"
    blank: str = "第 %(n)s 空"  # a blank's name for a screen reader
    answer_to: str = "第 %(n)s 题的回答"  # a written answer's name for a screen reader
    image: str = "题目配图"

    @classmethod
    def current(cls) -> ExamWords:
        return cls(
            question=_("第 %(n)s 题"),
            points=_("%(p)s 分"),
            answered=_("已答"),
            unanswered=_("未答"),
            flagged=_("已标记"),
            flag=_("标记"),
            separator=_("，"),
            saved=_("已保存 %(t)s"),
            types={code: str(label) for code, label in QuestionType.choices},
            ask=_("请解释下列名词："),
            true=_("对"),
            false=_("错"),
            blank=_("第 %(n)s 空"),
            answer_to=_("第 %(n)s 题的回答"),
            image=_("题目配图"),
        )

    def nav_label(self, *, position: int | str, answered: bool, flagged: bool) -> str:
        parts = [self.question % {"n": position}, self.answered if answered else self.unanswered]
        if flagged:
            parts.append(self.flagged)
        return self.separator.join(parts)


def nav_label(*, position: int, answered: bool, flagged: bool) -> str:
    return ExamWords.current().nav_label(position=position, answered=answered, flagged=flagged)


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


def _chosen(aq: QuestionToSit) -> str:
    if isinstance(aq.response, bool):  # true/false, as the radio buttons' values
        return "true" if aq.response else "false"
    if questiontypes.get(aq.type).has_options and isinstance(aq.response, str):
        return aq.response
    return ""


def image_ids(aq: QuestionToSit | QuestionReviewed | AttemptQuestion) -> list[int]:
    """The snapshot's picture ids, served by the attempt_image view from the snapshot."""
    return [int(image["id"]) for image in aq.images or [] if "id" in image]


def _stored(text: str) -> str:
    return text


def points_text(points: Decimal) -> str:
    """2 for 2.00, 1.5 for 1.50: as the template's floatformat:"-2" printed it."""
    return f"{points.normalize():f}" if points == points.to_integral_value() else f"{points:.2f}"


def exam_item(aq: QuestionToSit, convert: Convert = _stored, words: ExamWords | None = None) -> ExamItem:
    """`convert` puts the question's text in the reader's script (qbank.script); the trainee's
    saved answers are shown as typed. Pass `words` when building many (ExamWords.current())."""
    words = words or ExamWords.current()
    qtype = questiontypes.get(aq.type)
    fill = qtype.has_blanks
    blanks: list[str] = []
    if fill:
        saved = [str(x) for x in aq.response] if isinstance(aq.response, list) else []
        count = max(blank_count(aq.stem), len(saved))
        blanks = saved + [""] * (count - len(saved))
    chosen = _chosen(aq)
    text = aq.response if qtype.free_text and isinstance(aq.response, str) else ""
    answered = bool(chosen or text.strip() or any(b.strip() for b in blanks))
    n = str(aq.position)
    type_label = words.types.get(aq.type, aq.type)
    saved_at = timezone.localtime(aq.saved_at) if aq.saved_at else None
    return ExamItem(
        position=aq.position,
        n=n,
        type=aq.type,
        template=qtype.exam_template,
        type_label=type_label,
        points=aq.points,
        material=convert(aq.material),
        stem_parts=[replace(part, text=convert(part.text)) for part in stem_parts(aq.stem, fill=fill)],
        options=[(letter, convert(text)) for letter, text in aq.labelled_options],
        chosen=chosen,
        blanks=blanks,
        text=text,
        flagged=aq.flagged,
        saved_at=aq.saved_at,
        images=image_ids(aq),
        answered=answered,
        title=words.question % {"n": n},
        meta=f"{type_label} · {words.points % {'p': points_text(aq.points)}}",
        nav_label=words.nav_label(position=n, answered=answered, flagged=aq.flagged),
        flag_label=words.flagged if aq.flagged else words.flag,
        saved_text=words.saved % {"t": f"{saved_at:%H:%M:%S}"} if saved_at else "",
        saved_iso=saved_at.isoformat() if saved_at else "",
        ask=words.ask if bare_term(type=aq.type, stem=aq.stem, material=aq.material) else "",
    )


# ---- result page -----------------------------------------------------------------------------
MARKS = {
    GradeState.CORRECT: "✓",
    GradeState.WRONG: "✗",
    GradeState.PARTIAL: "◐",
    GradeState.PENDING: "…",
    GradeState.UNANSWERED: "✗",
}
MISSED = (GradeState.WRONG, GradeState.PARTIAL, GradeState.UNANSWERED)  # what "只看错题" keeps

VERDICTS: dict[str, tuple[str, object]] = {
    str(state): (mark, GradeState(state).label) for state, mark in MARKS.items()
}


@dataclass(frozen=True)
class ReviewWords:
    """The result page's words, translated once per page (as ExamWords): the page repeats a
    dozen of them for each of its 100 questions."""

    question: str
    points: str
    your_choice: str
    your_answer: str
    unanswered: str
    key: str
    score: str
    comment: str
    explanation: str
    image: str
    types: dict[str, str]

    @classmethod
    def current(cls) -> ReviewWords:
        return cls(
            question=_("第 %(n)s 题"),
            points=_("%(p)s 分"),
            your_choice=_("你的选择"),
            your_answer=_("你的回答"),
            unanswered=_("未作答"),
            key=_("正确答案"),
            score=_("得分"),
            comment=_("培训师评语"),
            explanation=_("解析"),
            image=_("题目配图"),
            types={code: str(label) for code, label in QuestionType.choices},
        )


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
    title: str = ""  # "第 3 题"
    meta: str = ""  # "单选题 · 2 分"
    score_text: str = ""  # "1.5 / 2"

    @property
    def missed(self) -> bool:
        """Wrong, partly right or not answered: what "只看错题" keeps."""
        return self.state in MISSED


def review_item(
    aq: QuestionReviewed | AttemptQuestion,
    display: ReviewDisplay,
    convert: Convert | None = None,
    words: ReviewWords | None = None,
) -> ReviewItem:
    """`convert`: into the reader's script (None: as stored). Pass `words` when building many
    (ReviewWords.current())."""
    convert = convert or _stored
    words = words or ReviewWords.current()
    choice = questiontypes.get(aq.type).has_options
    chosen = aq.response if choice and isinstance(aq.response, str) else ""
    key = aq.key if display.answers else None
    key_letters = key if choice and isinstance(key, str) else ""
    state = aq.state if display.verdicts else ""
    mark, verdict = VERDICTS.get(state) or ("", "")
    graded = state not in ("", GradeState.PENDING)
    type_label = words.types.get(aq.type, aq.type)
    score = aq.score if graded else None
    return ReviewItem(
        position=aq.position,
        type=aq.type,
        type_label=type_label,
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
        score=score,
        key=convert(answer_text(aq.type, key)),
        explanation=convert(aq.explanation) if display.explanations else "",
        # A trainer's comment implies the verdict, so it shows only where verdicts do.
        comment=aq.comment if graded and aq.graded_at else "",
        images=image_ids(aq),
        ask=term_prompt(type=aq.type, stem=aq.stem, material=aq.material),
        question_id=aq.question_id,
        title=words.question % {"n": aq.position},
        meta=f"{type_label} · {words.points % {'p': points_text(aq.points)}}",
        score_text=f"{points_text(score)} / {points_text(aq.points)}" if score is not None else "",
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
