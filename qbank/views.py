from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from . import roles
from .access import MANAGE_BANK, OWN_ACCOUNT, access_required, allowed
from .images import picture_response
from .models import QuestionImage
from .selectors import bank_stats


@login_required
def home(request: HttpRequest) -> HttpResponse:
    role = roles.user_role(request.user)
    can_manage = allowed(request.user, MANAGE_BANK)
    context: dict[str, object] = {
        "role": role,
        "role_label": roles.ROLE_LABELS.get(role or "", ""),
        "can_manage": can_manage,
    }
    if can_manage:
        # Only trainers and admins see what the bank holds; trainees never get the counts.
        context["bank_stats"] = bank_stats()
    return render(request, "qbank/home.html", context)


# Where each role starts after logging in: trainees at their exams, trainers at their papers
# (with the grading queue count), admins at the bank overview.
LANDING = {roles.TRAINEE: "quizzes:dashboard", roles.TRAINER: "quizzes:paper_list", roles.ADMIN: "home"}


@access_required(OWN_ACCOUNT)
def landing(request: HttpRequest) -> HttpResponse:
    return redirect(LANDING.get(roles.user_role(request.user) or "", "home"))


@access_required(MANAGE_BANK)
def question_image(request: HttpRequest, pk: int) -> FileResponse:
    """Pictures are served through a view, not as public media: the user must be allowed to
    see the question (trainers and admins here; quizzes add their own check for trainees)."""
    image = get_object_or_404(QuestionImage, pk=pk)
    return picture_response(image.file.open("rb"), filename=(image.file.name or "").rsplit("/", 1)[-1])
