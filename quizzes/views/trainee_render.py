"""The exam and result pages' questions as HTML, written here rather than by templates (as
Moodle's renderer.php does). Each page holds up to 100 questions; through Django's template
engine (~50 nodes a question) a page cost 35–65 ms of CPU, and every trainee opens the exam page
within the same minute at the start and the result page within seconds at the end. Here ~0.05 ms
a question.

Every value is escaped (`_e`) unless it is markup made here; what the review policy hides never
reaches this module (ExamItem and ReviewItem hold only what may be shown). The pages around the
questions are still templates (quizzes/trainee/exam.html, result.html). The answer fragments of
the exam page are also templates (templates/questiontypes/<type>/exam.html, which the practice
page renders): ANSWERS writes the same markup for the types it knows, and
tests/quizzes/test_trainee_render.py checks the two agree; a type not in ANSWERS is rendered from
its template.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .trainee_items import ExamItem, ExamWords, ReviewItem, ReviewWords

_MARKER = 987_654_321  # stands in for an id in a URL reversed once per page


def url_maker(name: str, *args: int) -> str:
    """The URL `name` with `args` and one more id, as a str.format template: reversed once per
    page instead of once per question (~0.05 ms each)."""
    return reverse(name, args=[*args, _MARKER]).replace(str(_MARKER), "{}")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class NoteForms:
    """What the owner's note form under each question needs, made once per page (the markup of
    templates/practice/_note.html; static/js/notes.js saves it in place)."""

    action: str  # url_maker("practice:note_save")
    csrf_token: str  # one masked token for the page's forms, as {% csrf_token %} gives
    next_path: str  # the page's own path, to come back to without script
    words: dict[str, str]  # practice.note_words.words()

    def html(self, question_id: int, note: str) -> str:
        w = self.words
        return (
            f'<details class="note-box"{" open" if note else ""}>\n'
            f"  <summary>{_e(w['title'] if note else w['write'])}</summary>\n"
            f'  <form method="post" action="{_e(self.action.format(question_id))}" class="note-form"'
            f' data-saved="{_e(w["saved"])}" data-deleted="{_e(w["deleted"])}"'
            f' data-failed="{_e(w["failed"])}"'
            f' data-noted="{_e(w["title"])}" data-empty="{_e(w["write"])}">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{_e(self.csrf_token)}">\n'
            f'    <input type="hidden" name="next" value="{_e(self.next_path)}#note-{question_id}">\n'
            f'    <label for="note-{question_id}">{_e(w["label"])}</label>\n'
            f'    <textarea name="text" id="note-{question_id}" rows="3" maxlength="2000">'
            f"{_e(note)}</textarea>\n"
            f'    <div class="note-actions">\n'
            f'      <button type="submit" class="secondary">{_e(w["save"])}</button>\n'
            f'      <span class="note-status muted" role="status"></span>\n'
            f"    </div>\n  </form>\n</details>"
        )


def review_articles(
    items: Sequence[ReviewItem],
    *,
    heading: str,
    words: ReviewWords,
    image_url: str,
    notes: NoteForms | None,
) -> SafeString:
    """Each question's <article> (with the heading of the section it opens), in order.
    `heading` is "h2" or "h3"; `image_url` from url_maker("quizzes:attempt_image", attempt)."""
    w = {
        "your_choice": _e(words.your_choice),
        "your_answer": _e(words.your_answer),
        "unanswered": _e(words.unanswered),
        "key": _e(words.key),
        "score": _e(words.score),
        "comment": _e(words.comment),
        "explanation": _e(words.explanation),
        "image": _e(words.image),
    }
    out: list[str] = []
    add = out.append
    for item in items:
        if item.section:
            add(f'<h2 class="section-title">{_e(item.section)}</h2>\n')
        state = _e(item.state)
        add(
            f'<article class="card question review{f" state-{state}" if state else ""}"'
            f' id="r-{item.position}" data-state="{state}">\n'
            f'  <header class="question-head">\n    <{heading}>{_e(item.title)}\n'
            f'      <span class="muted">{_e(item.meta)}</span></{heading}>\n'
        )
        if item.verdict:
            add(
                f'    <span class="verdict verdict-{state}"><span aria-hidden="true">{_e(item.mark)}</span>'
                f" {_e(item.verdict)}</span>\n"
            )
        add("  </header>\n")
        if item.material:
            add(f'  <div class="material pre">{_e(item.material)}</div>\n')
        ask = f'<span class="ask">{_e(item.ask)}</span>' if item.ask else ""
        add(f'  <p class="stem pre">{ask}{_e(item.stem)}</p>\n')
        for image in item.images:
            add(
                f'  <img class="question-image" src="{_e(image_url.format(int(image)))}"'
                f' alt="{w["image"]}" loading="lazy">\n'
            )
        if item.options:
            add('  <ul class="options review-options">\n')
            for letter, text, chosen, is_key in item.options:
                classes = ("is-chosen" if chosen else "") + (" is-key" if is_key else "")
                mine = f' <span class="muted">({w["your_choice"]})</span>' if chosen else ""
                add(f'    <li class="{classes}"><strong>{_e(letter)}.</strong> {_e(text)}{mine}</li>\n')
            add("  </ul>\n")
        response = _e(item.response) if item.response else w["unanswered"]
        add(
            f'  <dl class="facts">\n    <dt>{w["your_answer"]}</dt><dd class="pre response">{response}</dd>\n'
        )
        if item.key:
            add(f'    <dt>{w["key"]}</dt><dd class="pre key">{_e(item.key)}</dd>\n')
        if item.score_text:
            add(f"    <dt>{w['score']}</dt><dd>{_e(item.score_text)}</dd>\n")
        if item.comment:
            add(f'    <dt>{w["comment"]}</dt><dd class="pre comment">{_e(item.comment)}</dd>\n')
        add("  </dl>\n")
        if item.explanation:
            add(
                f'  <div class="explanation"><strong>{w["explanation"]}</strong>'
                f'<p class="pre">{_e(item.explanation)}</p></div>\n'
            )
        if notes is not None and item.can_note and item.question_id is not None:
            add(notes.html(item.question_id, item.note))
        add("</article>\n")
    return mark_safe("".join(out))  # noqa: S308  # every value above is escaped


# ---- exam page -------------------------------------------------------------------------------
def _bool(value: bool) -> str:
    return "true" if value else "false"


def _choices(kind: str) -> Callable[[ExamItem, ExamWords], str]:
    """templates/questiontypes/_choice_exam.html: one radio button or check box per option."""

    def answer(item: ExamItem, words: ExamWords) -> str:
        rows = "".join(
            f'  <label class="choice">\n    <input type="{kind}" name="q{item.n}"\n'
            f'           value="{_e(letter)}"{" checked" if letter in item.chosen else ""}>\n'
            f'    <span class="letter">{_e(letter)}</span><span class="choice-text">{_e(text)}</span>\n'
            "  </label>\n"
            for letter, text in item.options
        )
        return f'<div class="choices">\n{rows}</div>'

    return answer


def _truefalse(item: ExamItem, words: ExamWords) -> str:
    """templates/questiontypes/truefalse/exam.html: 对 / 错."""
    rows = "".join(
        f'  <label class="choice"><input type="radio" name="q{item.n}" value="{value}"'
        f"{' checked' if item.chosen == value else ''}>\n"
        f'    <span class="choice-text">{_e(label)}</span></label>\n'
        for value, label in (("true", words.true), ("false", words.false))
    )
    return f'<div class="choices choices-tf">\n{rows}</div>'


def _fill(item: ExamItem, words: ExamWords) -> str:
    """templates/questiontypes/fill/exam.html: one input per blank, named for a screen reader."""
    rows = "".join(
        f'  <label class="blank"><span aria-hidden="true">({n})</span>'
        f'<span class="visually-hidden">{_e(words.blank % {"n": n})}</span>\n'
        f'    <input type="text" name="q{item.n}-{n}" data-blank="{n}"\n'
        f'           value="{_e(value)}" autocomplete="off" maxlength="500"></label>\n'
        for n, value in enumerate(item.blanks, 1)
    )
    return f'<div class="blanks">\n{rows}</div>'


def _short(item: ExamItem, words: ExamWords) -> str:
    """templates/questiontypes/short/exam.html: a text."""
    return (
        f'<textarea name="q{item.n}" rows="6" maxlength="20000"\n'
        f'          aria-label="{_e(words.answer_to % {"n": item.n})}">{_e(item.text)}</textarea>'
    )


# Each answer template written in Python, by the template's name (ExamItem.template).
ANSWERS: dict[str, Callable[[ExamItem, ExamWords], str]] = {
    "questiontypes/single/exam.html": _choices("radio"),
    "questiontypes/multiple/exam.html": _choices("checkbox"),
    "questiontypes/truefalse/exam.html": _truefalse,
    "questiontypes/fill/exam.html": _fill,
    "questiontypes/short/exam.html": _short,
}


def answer_html(item: ExamItem, words: ExamWords) -> str:
    write = ANSWERS.get(item.template)
    return write(item, words) if write else render_to_string(item.template, {"item": item})


def exam_sections(items: Sequence[ExamItem], *, heading: str, words: ExamWords, image_url: str) -> SafeString:
    """Each question's <section> on the exam page (with the heading of the section it opens)."""
    image_alt = _e(words.image)
    out: list[str] = []
    add = out.append
    for item in items:
        n = item.n
        if item.section:
            add(f'<h2 class="section-title">{_e(item.section)}</h2>\n')
        add(
            f'<section class="card question" id="q-{n}" data-position="{n}"\n'
            f'         data-type="{_e(item.type)}" data-answered="{_bool(item.answered)}"\n'
            f'         data-flagged="{_bool(item.flagged)}"\n'
            f'         role="group" aria-labelledby="q-{n}-title q-{n}-stem">\n'
            f'  <header class="question-head">\n'
            f'    <{heading} id="q-{n}-title" tabindex="-1">{_e(item.title)}\n'
            f'      <span class="muted">{_e(item.meta)}</span></{heading}>\n'
            f'    <button type="button" class="flag-toggle secondary" aria-pressed="{_bool(item.flagged)}">'
            f"{_e(item.flag_label)}</button>\n"
            "  </header>\n"
        )
        if item.material:
            add(f'  <div class="material pre">{_e(item.material)}</div>\n')
        ask = f'<span class="ask">{_e(item.ask)}</span>' if item.ask else ""
        stem = "".join(
            _e(part.text) + (f'<span class="blank-mark">({part.blank})____</span>' if part.blank else "")
            for part in item.stem_parts
        )
        add(f'  <p class="stem pre" id="q-{n}-stem">{ask}{stem}</p>\n')
        for image in item.images:
            add(
                f'  <img class="question-image" src="{_e(image_url.format(int(image)))}"'
                f' alt="{image_alt}" loading="lazy">\n'
            )
        add(answer_html(item, words))
        add(
            f'\n  <p class="save-state muted" data-save-state="{"saved" if item.saved_at else "idle"}"\n'
            f'     data-saved-at="{_e(item.saved_iso)}">{_e(item.saved_text)}</p>\n</section>\n'
        )
    return mark_safe("".join(out))  # noqa: S308  # every value above is escaped


def navigator(items: Sequence[ExamItem]) -> SafeString:
    """The exam page's navigator: one button per question, named with its state."""
    return mark_safe(  # noqa: S308  # every value is escaped
        "".join(
            f'<li><button type="button" class="nav-item{" is-answered" if item.answered else ""}'
            f'{" is-flagged" if item.flagged else ""}" data-nav-position="{item.n}"'
            f' aria-label="{_e(item.nav_label)}">{item.n}</button></li>\n'
            for item in items
        )
    )
