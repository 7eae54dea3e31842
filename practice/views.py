"""Practice pages (/practice/): trainees only. A question's key and explanation are rendered
only on the feedback page of the question just answered, never on the page that asks it."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

import questiontypes
from qbank.access import PRACTISE, access_required, signed_in
from qbank.answers import answer_display
from qbank.blanks import blank_count
from qbank.models import Bank, Chapter, Question
from qbank.script import converter
from questiontypes.words import truth
from quizzes import selectors as quiz_selectors

from . import clock, selectors, services
from .models import PracticeSession

FIELD = "q1"  # the exam fragments name their inputs q<position>; practice asks one at a time


@dataclass(frozen=True)
class AskItem:
    """What templates/questiontypes/<type>/exam.html reads from `item`, for a fresh question."""

    position: int
    options: list[tuple[str, str]]
    blanks: list[str]
    chosen: str = ""
    text: str = ""

    @property
    def n(self) -> str:
        """The position as text, as the exam page's items carry it."""
        return str(self.position)


def _session(request: HttpRequest, pk: int) -> PracticeSession:
    session = selectors.own_session(user=signed_in(request), session_id=pk)
    if session is None:
        raise Http404
    return session


def _response(question: Question, post: QueryDict) -> object:
    """The form's inputs in the shape the type's clean_response takes."""
    qtype = questiontypes.get(question.type)
    if qtype.has_blanks:
        return [post.get(f"{FIELD}-{n}", "") for n in range(1, blank_count(question.stem) + 1)]
    if qtype.code == "truefalse":
        return truth(post.get(FIELD, ""))
    if qtype.code == "multiple":
        return post.getlist(FIELD)
    return post.get(FIELD, "")


def _number(value: str | None) -> int:
    """A form's id; 0 (found nowhere) for anything else, so junk is a 404, not a 500."""
    return int(value) if value and value.isascii() and value.isdigit() else 0


@access_required(PRACTISE)
def home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    banks = [
        (bank, selectors.chapter_outline(user=user, bank=bank))
        for bank in selectors.practice_banks(user=user)
    ]
    context = {
        "banks": banks,
        "types": [(t.code, t.name) for t in questiontypes.TYPES if t.code in selectors.PRACTISED_TYPES],
        "sessions": [s for s in selectors.recent_sessions(user=user) if not s.finished],
        "due": selectors.due_count(user=user, now=clock.now()),
    }
    return render(request, "practice/home.html", context)


@access_required(PRACTISE)
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    source = request.POST.get("source", PracticeSession.Source.CHAPTER)
    if source not in PracticeSession.Source.values:
        raise Http404
    bank = chapter = None
    if source == PracticeSession.Source.CHAPTER:
        bank = get_object_or_404(Bank, pk=_number(request.POST.get("bank")))
        if request.POST.get("chapter"):
            chapter = get_object_or_404(Chapter, pk=_number(request.POST["chapter"]), bank=bank)
    qtype = request.POST.get("type", "")
    if qtype and qtype not in selectors.PRACTISED_TYPES:
        raise Http404
    try:
        session = services.session_start(user=user, source=source, bank=bank, chapter=chapter, type=qtype)
    except ValidationError as empty:
        return render(request, "practice/empty.html", {"message": empty.messages[0]}, status=200)
    return redirect("practice:session", session.pk)


@access_required(PRACTISE)
def session(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the next question (resuming where the trainee stopped); POST: answer it."""
    practice = _session(request, pk)
    question = services.session_question(session=practice)
    while question is None and not practice.finished:  # retired or moved out since it started
        services.session_skip(session=practice)
        question = services.session_question(session=practice)
    error = ""
    if request.method == "POST" and question is not None:
        try:
            services.session_answer(
                session=practice, question=question, response=_response(question, request.POST)
            )
        except ValidationError as invalid:
            error = invalid.messages[0]
        else:
            return redirect("practice:feedback", practice.pk)
    if question is None:
        return render(request, "practice/done.html", {"practice": practice})
    convert = converter()  # the question in the reader's script; the template's |viewer_script too
    options = [(o.label, convert(o.text)) for o in question.options.all()]
    item = AskItem(position=1, options=options, blanks=[""] * blank_count(question.stem))
    context = {
        "practice": practice,
        "question": question,
        "item": item,
        "template": questiontypes.get(question.type).exam_template,
        "number": practice.position + 1,
        "error": error,
        "favourite": question.pk in selectors.favourite_ids(user=signed_in(request)),
    }
    return render(request, "practice/question.html", context, status=400 if error else 200)


@access_required(PRACTISE)
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The verdict of the question just answered, with its key and explanation (that one only)."""
    practice = _session(request, pk)
    question = practice.last_question
    if question is None:
        return redirect("practice:session", practice.pk)
    user = signed_in(request)
    convert = converter()
    context = {
        "practice": practice,
        "question": question,
        "options": [(o.label, convert(o.text)) for o in question.options.all()],
        "right": practice.last_state == questiontypes.CORRECT,
        "key": convert(answer_display(question.type, question.answer)),
        "chosen": convert(answer_display(question.type, practice.last_response)),
        "favourite": question.pk in selectors.favourite_ids(user=user),
        "note": selectors.notes_on(user=user, question_ids=[question.pk]).get(question.pk, ""),
    }
    return render(request, "practice/feedback.html", context)


@access_required(PRACTISE)
def mistakes(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    now = clock.now()
    rows = list(selectors.with_notes(selectors.open_mistakes(user=user), user=user, question="question"))
    return render(
        request,
        "practice/mistakes.html",
        {"rows": rows, "now": now, "due": selectors.due_count(user=user, now=now)},
    )


@access_required(PRACTISE)
def favourites(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    favourites = selectors.practisable(user=user).filter(pk__in=selectors.favourite_practice_ids(user=user))
    rows = list(selectors.with_notes(favourites.select_related("chapter", "bank"), user=user, question="pk"))
    return render(request, "practice/favourites.html", {"rows": rows})


@access_required(PRACTISE)
@require_GET
def mock_exams(request: HttpRequest) -> HttpResponse:
    """模拟考试: the papers open for it and every one the trainee sat (quizzes does the sitting)."""
    user = signed_in(request)
    context = {
        "mock_papers": quiz_selectors.mock_papers_for(user=user),
        "mock_attempts": list(quiz_selectors.attempts_of(user=user, practice=True)),
    }
    return render(request, "practice/mock_exams.html", context)


@access_required(PRACTISE)
@require_POST
def favourite_toggle(request: HttpRequest, question_pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=question_pk)
    try:
        services.favourite_toggle(user=signed_in(request), question=question)
    except PermissionDenied:
        raise Http404 from None
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/practice/") else "practice:favourites")
