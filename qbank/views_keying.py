"""Keying: the questions of a bank (or chapter) that wait for a key, one after another.

A plain form per question, so it works without JavaScript; static/js/keying.js only adds the
keyboard (A–H, T/F, Enter). Which questions wait comes from selectors.questions_to_key, the
same selector the paper form counts with; services.question_key stores the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

import questiontypes

from . import services
from .forms import KeyForm, KeyingFilterForm
from .models import Question
from .review import NO_ANSWER, is_key_warning, warning_label
from .selectors import banks_waiting_for_key, questions_managed_by, questions_to_key
from .views_bank import bank_manager_required


@dataclass(frozen=True)
class Walk:
    """Where the trainer is: the chosen bank/chapter/type as a query string, and what is left."""

    form: KeyingFilterForm
    query: str  # bank, chapter and type, without "after"
    waiting: QuerySet[Question]  # every question still waiting under these filters


def _walk(request: HttpRequest) -> Walk | None:
    form = KeyingFilterForm(request.GET or None)
    if not form.is_valid():
        return None
    chapter = form.cleaned_data["chapter"]
    waiting = questions_to_key(
        user=request.user,
        bank_id=form.cleaned_data["bank"].pk,
        chapter_ids=[chapter.pk] if chapter else [],
        type=form.cleaned_data["type"] or None,
    )
    query = QueryDict(mutable=True)
    query.update({name: request.GET[name] for name in ("bank", "chapter", "type") if request.GET.get(name)})
    return Walk(form=form, query=query.urlencode(), waiting=waiting)


def _after(request: HttpRequest) -> int:
    value = request.GET.get("after", "")
    return int(value) if value.isdigit() else 0


def _render(
    request: HttpRequest, walk: Walk | None, question: Question | None, form: KeyForm | None
) -> HttpResponse:
    context: dict[str, object] = {
        "filter_form": walk.form if walk else KeyingFilterForm(request.GET or None),
        "walk": walk,
        "question": question,
        "form": form,
    }
    if walk is None:
        context["banks"] = banks_waiting_for_key(user=request.user)
    else:
        context["left"] = walk.waiting.count()
    if question is not None and form is not None:
        # What was sent, to show it again beside the errors.
        sent = [str(value) for value in request.POST.getlist("answer")] if form.is_bound else []
        context["sent"] = sent
        context["blanks"] = [(n, sent[n - 1] if n <= len(sent) else "") for n in range(1, form.blanks + 1)]
        context["skip_url"] = _keying_url(walk, after=question.pk)
        # "No answer found" is why the question is here; the rest is worth reading: an answer
        # the importer dropped, and the warnings that keep the question in review once keyed.
        context["notes"] = [
            warning_label(w) for w in question.warnings if is_key_warning(w) and w != NO_ANSWER
        ]
        context["reasons"] = [warning_label(w) for w in question.warnings if not is_key_warning(w)]
        context["options"] = list(question.options.all())
        context["qtype"] = questiontypes.get(question.type)  # its key fragment and keyboard hint
        # Every picture of the question, as the exam page shows them (qbank.views serves them).
        context["images"] = [image.pk for image in question.images.all()]
    return render(request, "qbank/keying.html", context)


@bank_manager_required
@require_GET
def keying(request: HttpRequest) -> HttpResponse:
    """The next question waiting after `after` (by id), wrapping round to the skipped ones."""
    walk = _walk(request)
    question = None
    if walk is not None:
        found = walk.waiting.prefetch_related("options", "images").select_related("chapter")
        after = _after(request)
        question = (found.filter(pk__gt=after).first() if after else None) or found.first()
    form = KeyForm(question=question) if question is not None else None
    return _render(request, walk, question, form)


@bank_manager_required
@require_POST
def key_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        questions_managed_by(user=request.user)
        .select_related("chapter")
        .prefetch_related("options", "images"),
        pk=pk,
    )
    walk = _walk(request)
    next_url = _keying_url(walk, after=question.pk)
    form = KeyForm(request.POST, question=question)
    if form.is_valid():
        try:
            keyed = services.question_key(question=question, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            if error.code == "not_waiting":
                messages.error(request, error.messages[0])
                return redirect(next_url)
            form.add_error("answer", error)
        else:
            messages.success(request, _saved_message(keyed))
            return redirect(next_url)
    return _render(request, walk, question, form)


def _keying_url(walk: Walk | None, *, after: int) -> str:
    query = f"{walk.query}&after={after}" if walk else ""
    return f"{reverse('qbank:keying')}?{query}" if query else reverse("qbank:keying")


def _saved_message(question: Question) -> str:
    if question.status == Question.Status.ACTIVE:
        return _("试题 #%(pk)s 已录入答案并启用。") % {"pk": question.pk}
    return _("试题 #%(pk)s 已录入答案,但仍待审核:%(why)s") % {
        "pk": question.pk,
        "why": ";".join(warning_label(w) for w in question.warnings),
    }
