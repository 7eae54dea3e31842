"""The trainee's pages: the dashboard, starting a paper, the exam, handing in and the result.

Autosave and leave-the-page events are JSON endpoints in trainee_api.py. Every view checks who is
asking: a running attempt is its owner's alone; a result is also open to the paper's trainers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from practice import clock as practice_clock
from practice import selectors as practice_selectors
from practice.note_words import words as note_words
from qbank.access import PRACTISE, TAKE_EXAMS, access_required, allowed, signed_in
from qbank.images import picture_response
from qbank.script import converter

from .. import selectors, services
from ..models import Attempt, GradeState, Paper, ReviewPolicy
from .trainee_items import (
    MISSED,
    ExamItem,
    ExamWords,
    ReviewItem,
    ReviewWords,
    clock_text,
    duration_text,
    exam_item,
    review_item,
    with_sections,
)
from .trainee_mock import refused
from .trainee_render import NoteForms, exam_sections, navigator, review_articles, url_maker


@dataclass(frozen=True)
class PaperRow:
    paper: Paper
    used: int
    left: int
    running: Attempt | None


@access_required(TAKE_EXAMS)
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    # This trainee's own attempts whose time ran out show as submitted, not as "作答中" forever;
    # everyone else's are the worker's job (finalise_overdue), never this request's.
    services.attempt_finalise_overdue(user=signed_in(request))
    attempts = list(selectors.attempts_of(user=request.user))
    running = {a.paper_id: a for a in attempts if a.is_running}
    rows = [
        # `used` is annotated by selectors.papers_for_trainee.
        PaperRow(paper, paper.used, max(0, paper.attempts_allowed - paper.used), running.get(paper.pk))  # type: ignore[attr-defined]
        for paper in selectors.papers_for_trainee(user=request.user)
    ]
    context: dict[str, object] = {
        "rows": rows,
        "attempts": attempts,
        "regraded": selectors.regraded_unseen(user=request.user),
    }
    if allowed(request.user, PRACTISE):
        context["practice_due"] = practice_selectors.due_count(user=request.user, now=practice_clock.now())
        # 模拟考试 apart from the exams: their papers, and the latest few sat.
        context["mock_papers"] = selectors.mock_papers_for(user=request.user)
        context["mock_attempts"] = list(selectors.attempts_of(user=request.user, practice=True)[:MOCK_RECENT])
    return render(request, "quizzes/trainee/dashboard.html", context)


MOCK_RECENT = 5  # 模拟考试 on the dashboard; the practice area lists them all


@access_required(TAKE_EXAMS)
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the paper, or resume the running attempt (a second tab or a refresh gets the same)."""
    paper = get_object_or_404(Paper, pk=pk, status=Paper.Status.PUBLISHED)
    try:
        attempt = services.attempt_start(paper=paper, user=signed_in(request))
    except PermissionDenied as denied:
        return refused(request, paper, str(denied) or _("你不能开始这份试卷。"))
    except ValidationError:
        # The bank changed under a published paper (questions retired): the trainer must see to it.
        return refused(request, paper, _("这份试卷现在抽不出题,请告诉培训师。"), status=409)
    return redirect("quizzes:exam", attempt.pk)


def _owned(request: HttpRequest, pk: int) -> Attempt:
    attempt = selectors.own_attempt(user=request.user, attempt_id=pk)
    if attempt is None:
        raise Http404
    return attempt


def _closed_if_due(attempt: Attempt, now: datetime) -> Attempt:
    """Past the deadline and its grace: hand the attempt in now rather than wait for cron."""
    if attempt.is_running and now > attempt.deadline + services.save_grace():
        return services.attempt_submit(attempt=attempt, now=now, auto=True)
    return attempt


@access_required(TAKE_EXAMS)
@require_GET
def exam(request: HttpRequest, pk: int) -> HttpResponse:
    now = timezone.now()
    attempt = _closed_if_due(_owned(request, pk), now)
    if not attempt.is_running:
        return redirect("quizzes:result", attempt.pk)
    questions = selectors.attempt_questions_to_sit(attempt=attempt)
    convert, words = converter(), ExamWords.current()
    items = with_sections([exam_item(aq, convert, words) for aq in questions])
    remaining = max(0, int((attempt.deadline - now).total_seconds()))
    questions_html = exam_sections(
        items,
        heading=_question_heading(items),
        words=words,
        image_url=url_maker("quizzes:attempt_image", attempt.pk),
    )
    context = {
        "attempt": attempt,
        "paper": attempt.paper,
        "total": len(items),
        "navigator": navigator(items),
        "questions": questions_html,
        "answered": sum(1 for item in items if item.answered),
        "remaining": remaining,
        "remaining_text": clock_text(remaining),
        # The phone's clock may be wrong: the script counts down from the server's clock.
        "deadline_iso": attempt.deadline.isoformat(timespec="milliseconds"),
        "now_iso": now.isoformat(timespec="milliseconds"),
        "strings": _exam_strings(),
    }
    return render(request, "quizzes/trainee/exam.html", context)


def _question_heading(items: Sequence[ExamItem | ReviewItem]) -> str:
    """h3 under the section headings (h2), else h2: heading levels never skip one."""
    return "h3" if any(item.section for item in items) else "h2"


def _exam_strings() -> dict[str, str]:
    """The script's words, translated here (json_script escapes them)."""
    return {
        "saving": _("保存中…"),
        "saved": _("已保存 %s"),
        "failed": _("保存失败,正在重试"),
        "rejected": _("这个答案没有保存:%s"),
        "idle": _("答案会自动保存"),
        "unanswered": _("还有 %s 题未作答"),
        "all_answered": _("所有题目都已作答"),
        "confirm_submit": _("，确定交卷吗？"),
        "time_up": _("时间到,正在交卷…"),
        "submitting": _("正在交卷…"),
        "mode_one": _("逐题显示"),
        "mode_all": _("整页显示"),
        "flag": _("标记"),
        "flagged": _("已标记"),
        "flagged_count": _("%s 题已标记"),
        # Read by a screen reader, not shown: the navigator's names and the exam's announcements.
        "nav": _("第 %(n)s 题") % {"n": "%s"},
        "answered": _("已答"),
        "unanswered_mark": _("未答"),
        "separator": _("，"),
        "position": _("第 %(n)s 题,共 %(total)s 题") % {"n": "%s", "total": "%t"},
        "five_minutes": _("剩余时间不到 5 分钟"),
        "one_minute": _("剩余时间不到 1 分钟,请尽快交卷"),
    }


@access_required(TAKE_EXAMS)
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Hand in, once: a second submit (double tap, the timer racing the button) changes nothing."""
    attempt = selectors.own_attempt_alone(user=request.user, attempt_id=pk)
    if attempt is None:
        raise Http404
    now = timezone.now()
    # Auto means the clock ran out, decided by the server's clock, not by what the page claims.
    services.attempt_submit(attempt=attempt, now=now, auto=now >= attempt.deadline)
    # The score first, the review of every question one click away: the page every trainee of
    # an exam opens in the same few seconds costs a quarter of the full review.
    return redirect("quizzes:summary", attempt.pk)


@access_required(TAKE_EXAMS)
@require_GET
def summary(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a hand-in lands: the score and the counts by verdict, with the way into the review."""
    opened = _result_opened(request, pk)
    if isinstance(opened, HttpResponse):
        return opened
    attempt, is_owner, display = opened
    counts = selectors.attempt_state_counts(attempt=attempt) if display.verdicts else {}
    context = {
        **_result_card(attempt, display, is_owner),
        "counts": [{"code": s.value, "label": s.label, "n": counts[s]} for s in GradeState if counts.get(s)],
        "missed": sum(counts.get(s, 0) for s in MISSED),
    }
    return render(request, "quizzes/trainee/summary.html", context)


def _result_opened(
    request: HttpRequest, pk: int
) -> tuple[Attempt, bool, services.ReviewDisplay] | HttpResponse:
    """The attempt whose result is asked for, whether its owner asks, and what the review policy
    lets them see now; the owner of one still running is sent back to it. Opening the result
    reads a later marking's notice."""
    now = timezone.now()
    attempt = selectors.attempt_for(user=request.user, attempt_id=pk)
    if attempt is None:
        raise Http404
    attempt = _closed_if_due(attempt, now)
    is_owner = attempt.user_id == request.user.pk
    if attempt.is_running and is_owner:
        return redirect("quizzes:exam", attempt.pk)
    if is_owner:
        services.result_seen(attempt=attempt, now=now)  # the dashboard's "graded later" notice
    return attempt, is_owner, services.review_display(attempt=attempt, now=now)


def _result_card(attempt: Attempt, display: services.ReviewDisplay, is_owner: bool) -> dict[str, object]:
    """What the result's summary card shows (templates/quizzes/trainee/_result_card.html)."""
    return {
        "attempt": attempt,
        "paper": attempt.paper,
        "display": display,
        "time_used": duration_text(attempt.time_used),
        "is_owner": is_owner,
        "answers_later": attempt.paper.review_policy == ReviewPolicy.AFTER_CLOSE and not display.answers,
        "answers_after_retakes": not display.answers
        and attempt.paper.review_policy != ReviewPolicy.SCORE
        and services.review_withheld_for_retakes(attempt=attempt),
    }


@access_required(TAKE_EXAMS)
@require_GET
def result(request: HttpRequest, pk: int) -> HttpResponse:
    opened = _result_opened(request, pk)
    if isinstance(opened, HttpResponse):
        return opened
    attempt, is_owner, display = opened
    questions = selectors.attempt_questions_to_review(attempt=attempt) if not attempt.is_running else []
    # The owner reads the paper in their script; a trainer reading it sees what was stored.
    convert = converter() if is_owner else None
    words = ReviewWords.current()
    items = [review_item(aq, display, convert, words) for aq in questions]
    if is_owner and allowed(request.user, PRACTISE):
        notes = practice_selectors.notes_on(user=request.user, question_ids=[i.question_id for i in items])
        items = [
            replace(item, can_note=item.question_id is not None, note=notes.get(item.question_id or 0, ""))
            for item in items
        ]
    missed = [item for item in items if item.missed]
    # 只看错题: a link, so it works without script and the address says what is shown.
    only_missed = display.verdicts and request.GET.get("show") == "missed"
    items = missed if only_missed else with_sections(items)
    forms = None
    if any(item.can_note for item in items):
        forms = NoteForms(
            action=url_maker("practice:note_save"),
            csrf_token=get_token(request),
            next_path=request.get_full_path(),
            words=note_words(),
        )
    review = review_articles(
        items,
        heading=_question_heading(items),
        words=words,
        image_url=url_maker("quizzes:attempt_image", attempt.pk),
        notes=forms,
    )
    context = {
        **_result_card(attempt, display, is_owner),
        "items": items,
        "review": review,
        "only_missed": only_missed,
        "missed_count": len(missed),
    }
    return render(request, "quizzes/trainee/result.html", context)


@access_required(TAKE_EXAMS)
@require_GET
def attempt_image(request: HttpRequest, pk: int, image_pk: int) -> FileResponse:
    """Pictures of the attempt's questions, for whoever may open the attempt."""
    attempt = selectors.attempt_for(user=request.user, attempt_id=pk)
    image = selectors.attempt_image(attempt=attempt, image_id=image_pk) if attempt else None
    if image is None:
        raise Http404
    try:
        handle = default_storage.open(image.path, "rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    return picture_response(handle, filename=image.path.rsplit("/", 1)[-1])
