"""Trainers browse, search, edit and retire questions (outside the Django admin, phone-friendly).

Views stay thin: forms check what the trainer typed, qbank.services writes, and
selectors.questions_managed_by says which questions a user may touch.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import MANAGE_BANK, access_required
from .forms import BulkStatusForm, QuestionEditForm, QuestionFilterForm
from .models import Question
from .review import warning_label
from .selectors import question_list, questions_managed_by

PAGE_SIZE = 50

View = Callable[..., HttpResponse]


bank_manager_required = access_required(MANAGE_BANK)


def _back_to_list(request: HttpRequest) -> str:
    """Where to go after a change: the filtered list the trainer came from, if it is ours."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    list_url = reverse("qbank:question_list")
    if wanted.startswith(list_url) and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return list_url


@bank_manager_required
@require_http_methods(["GET"])
def question_list_view(request: HttpRequest) -> HttpResponse:
    form = QuestionFilterForm(request.GET or None)
    filters = form.filters()
    found = (
        question_list(
            bank=filters.get("bank"),
            chapter=filters.get("chapter"),
            type=filters.get("type"),
            status=filters.get("status"),
            search=filters.get("q"),
        )
        # Rows show neither options nor tags: skip the selector's prefetches.
        .prefetch_related(None)
        .select_related("chapter")
        .order_by("-updated", "-id")
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    move_field = BulkStatusForm(questions=Question.objects.none()).fields["chapter"]
    if filters.get("bank"):
        # Questions move within their bank: with one bank shown, offer only its chapters.
        move_field.queryset = move_field.queryset.filter(bank=filters["bank"])  # type: ignore[attr-defined]
    move_chapters = move_field.choices  # type: ignore[attr-defined]
    context = {"form": form, "page": page, "query": query.urlencode(), "move_chapters": move_chapters}
    return render(request, "qbank/bank_list.html", context)


@bank_manager_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        questions_managed_by(user=request.user).select_related("bank", "chapter", "source"), pk=pk
    )
    form = QuestionEditForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, **form.cleaned_data)
        except ValidationError as error:
            # A clash with another question, or activating a question without a key.
            form.add_error(None, error)
        else:
            messages.success(
                request, _("试题 #%(pk)s 已保存。已经开始或完成的考试不受影响。") % {"pk": question.pk}
            )
            return redirect(_back_to_list(request))
    context = {
        "form": form,
        "question": question,
        "next": _back_to_list(request),
        # Stored in the importer's wording; shown in the interface language.
        "warnings": [warning_label(w) for w in question.warnings],
    }
    return render(request, "qbank/bank_edit.html", context)


@bank_manager_required
@require_POST
def question_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire a question (papers stop drawing it), or with status=active bring it back."""
    questions = questions_managed_by(user=request.user).filter(pk=pk)
    question = get_object_or_404(questions)
    wanted = request.POST.get("status", Question.Status.RETIRED)
    if wanted not in (Question.Status.ACTIVE, Question.Status.RETIRED):
        return HttpResponseBadRequest()
    skipped = services.question_set_status(questions=questions, status=wanted)[1]
    if skipped:
        messages.error(request, str(services.ACTIVE_NEEDS_KEY))
    else:
        question.status = wanted
        messages.success(
            request,
            _("试题 #%(pk)s 的状态已改为“%(status)s”。")
            % {"pk": question.pk, "status": question.get_status_display()},
        )
    return redirect(_back_to_list(request))


@bank_manager_required
@require_POST
def question_bulk(request: HttpRequest) -> HttpResponse:
    """Several ticked questions made active or retired at once."""
    form = BulkStatusForm(request.POST, questions=questions_managed_by(user=request.user))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(_back_to_list(request))
    if form.moving:
        return _bulk_move(request, form)
    changed, skipped = services.question_set_status(questions=form.cleaned_data["ids"], status=form.status)
    label = Question.Status(form.status).label
    messages.success(
        request,
        ngettext("%(n)d 道试题已改为“%(status)s”。", "%(n)d 道试题已改为“%(status)s”。", changed)
        % {"n": changed, "status": label},
    )
    if skipped:
        messages.error(
            request,
            ngettext("%(n)d 道试题没有答案,未启用。", "%(n)d 道试题没有答案,未启用。", skipped)
            % {"n": skipped},
        )
    return redirect(_back_to_list(request))


def _bulk_move(request: HttpRequest, form: BulkStatusForm) -> HttpResponse:
    chapter = form.cleaned_data["chapter"]
    moved, skipped = services.questions_move(questions=form.cleaned_data["ids"], chapter=chapter)
    messages.success(
        request,
        ngettext("%(n)d 道试题已移到“%(chapter)s”。", "%(n)d 道试题已移到“%(chapter)s”。", moved)
        % {"n": moved, "chapter": chapter.title},
    )
    if skipped:
        messages.error(
            request,
            ngettext("%(n)d 道试题属于别的题库,没有移动。", "%(n)d 道试题属于别的题库,没有移动。", skipped)
            % {"n": skipped},
        )
    return redirect(_back_to_list(request))
