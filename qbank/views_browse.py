"""Trainers browse, search, edit and retire questions (outside the Django admin, phone-friendly)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import roles, services
from .forms_browse import QuestionEditForm, QuestionFilterForm
from .models import Bank, Question
from .selectors import question_list

PAGE_SIZE = 50


def _manager(request: HttpRequest) -> None:
    if not roles.can_manage_bank(request.user):
        raise PermissionDenied


@login_required
def questions(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = QuestionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = question_list(
        bank=filters.get("bank"),
        chapter=filters.get("chapter"),
        type=filters.get("type") or None,
        status=filters.get("status") or None,
        search=filters.get("q"),
    ).order_by("-updated", "-id")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "banks": Bank.objects.all()}
    return render(request, "qbank/browse_list.html", context)


@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    question = get_object_or_404(Question.objects.select_related("bank", "chapter"), pk=pk)
    form = QuestionEditForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("已保存。已经开始或完成的考试不受影响。"))
            return redirect("bank:question_edit", question.pk)
    return render(request, "qbank/browse_edit.html", {"form": form, "question": question})


@login_required
@require_POST
def question_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire a question (papers stop drawing it) or bring it back."""
    _manager(request)
    question = get_object_or_404(Question, pk=pk)
    wanted = request.POST.get("status")
    if wanted not in (Question.Status.ACTIVE, Question.Status.RETIRED):
        raise PermissionDenied
    question.status = wanted
    question.save(update_fields=["status", "updated"])
    messages.success(request, _("状态已改为“%(s)s”。") % {"s": question.get_status_display()})
    return redirect(
        request.POST.get("next") if request.POST.get("next", "").startswith("/bank/") else "bank:questions"
    )
