"""Grading short answers: the queue, oldest first, and one answer beside its reference."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

import questiontypes
from qbank.access import signed_in

from .. import grading, selectors, services
from ..forms import GradeForm
from ..models import AttemptQuestion
from .trainer import trainer_required

QUEUE_PAGE = 200  # more than a day's marking; the rest shows once these are done


@trainer_required
@require_GET
def grading_queue(request: HttpRequest) -> HttpResponse:
    queue = selectors.grading_queue(user=request.user)
    context = {"items": list(queue[:QUEUE_PAGE]), "total": queue.count()}
    return render(request, "quizzes/trainer/grading_queue.html", context)


@trainer_required
@require_http_methods(["GET", "POST"])
def grade_answer(request: HttpRequest, pk: int) -> HttpResponse:
    aq = selectors.managed_attempt_question(user=request.user, aq_id=pk)
    if aq is None or not questiontypes.get(aq.type).free_text:  # only written answers are marked here
        raise Http404
    initial = {"score": aq.score if aq.score is not None else _half_points(aq), "comment": aq.comment}
    form = GradeForm(request.POST or None, aq=aq, initial=initial)
    if request.method == "POST" and form.is_valid():
        score, comment = form.cleaned_data["score"], form.cleaned_data["comment"]
        try:
            services.short_answer_grade(aq=aq, score=score, comment=comment, grader=signed_in(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            done = _("已评分:%(user)s 第 %(n)d 题。") % {"user": aq.attempt.user, "n": aq.position}
            messages.success(request, done)
            return _next_in_queue(request, aq)
    return render(request, "quizzes/trainer/grade_answer.html", _grade_context(request, aq, form))


def _half_points(aq: AttemptQuestion) -> Decimal | None:
    """The suggestion as a score the form accepts: scores go in half points (2.8 → 3)."""
    if aq.suggested_score is None:
        return None
    half = (aq.suggested_score * 2).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 2
    return min(half, aq.points)


def _grade_context(request: HttpRequest, aq: AttemptQuestion, form: GradeForm) -> dict[str, object]:
    reference = aq.key if isinstance(aq.key, str) else ""
    response = aq.response if isinstance(aq.response, str) else ""
    terms = grading.key_terms(reference)
    # Segments, not HTML: the template escapes each piece and wraps the hits in <mark>.
    return {
        "aq": aq,
        "form": form,
        "terms": terms,
        "response_segments": grading.highlight(response, terms),
        "reference_segments": grading.highlight(reference, terms),
        "remaining": selectors.grading_queue(user=request.user).exclude(pk=aq.pk).count(),
    }


def _next_in_queue(request: HttpRequest, graded: AttemptQuestion) -> HttpResponse:
    following = selectors.grading_queue(user=request.user).exclude(pk=graded.pk).first()
    if following is None:
        messages.info(request, _("待批改的题目都批完了。"))
        return redirect("quizzes:grading_queue")
    return redirect("quizzes:grade_answer", pk=following.pk)
