"""模拟考试: a trainee starts a fresh draw of a paper open for practice. The exam, autosave,
submit and result pages are the exam's own (trainee.py); only starting differs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qbank.access import PRACTISE, access_required, signed_in

from .. import services
from ..models import Paper


@access_required(PRACTISE)
@require_POST
def practice_start(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a 模拟考试 of the paper, or resume the one running."""
    paper = get_object_or_404(Paper, pk=pk, status=Paper.Status.PUBLISHED)
    try:
        attempt = services.attempt_start(paper=paper, user=signed_in(request), practice=True)
    except PermissionDenied as denied:
        return refused(request, paper, str(denied) or _("你不能开始这次模拟考试。"))
    except ValidationError:
        return refused(request, paper, _("这份试卷现在抽不出题,请告诉培训师。"), status=409)
    return redirect("quizzes:exam", attempt.pk)


def refused(request: HttpRequest, paper: Paper, message: str, status: int = 403) -> HttpResponse:
    context = {"paper": paper, "message": message}
    return render(request, "quizzes/trainee/denied.html", context, status=status)
