"""The trainer's papers: list, create and edit with rules, preview a draw, publish."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qbank.access import signed_in
from qbank.models import Bank, Question
from qbank.selectors import chapter_forest, questions_to_key

from .. import selectors, services
from ..export import answer_text
from ..forms import BaseRuleFormSet, PaperForm, PoolQueryForm, RuleFormSet, rules_initial
from ..models import Paper
from .trainer import managed_paper, safe_next, trainer_required


@trainer_required
@require_GET
def paper_list(request: HttpRequest) -> HttpResponse:
    papers = selectors.papers_managed_by(user=request.user).order_by("-created")
    pending = selectors.grading_queue(user=request.user).count()
    return render(request, "quizzes/trainer/paper_list.html", {"papers": papers, "pending": pending})


@trainer_required
@require_http_methods(["GET", "POST"])
def paper_create(request: HttpRequest) -> HttpResponse:
    return _paper_form(request, Paper())


@trainer_required
@require_http_methods(["GET", "POST"])
def paper_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _paper_form(request, managed_paper(request, pk))


def _paper_form(request: HttpRequest, paper: Paper) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = PaperForm(data, instance=paper)
    bank_id = _bank_id(form, paper)
    initial = rules_initial(paper) if paper.pk else []
    kwargs = {"bank_id": bank_id, "paper_chapter_ids": _paper_chapter_ids(form, paper)}
    rules = RuleFormSet(data, prefix="rules", initial=initial, form_kwargs=kwargs)
    is_new = paper.pk is None
    if data is not None and form.is_valid() and rules.is_valid():
        try:
            saved = services.paper_save(
                paper=form.save(commit=False),
                cohorts=list(form.cleaned_data["cohorts"]),
                chapters=list(form.cleaned_data["chapters"]),
                rules=cast(BaseRuleFormSet, rules).rules(),
                user=signed_in(request),
            )
        except ValidationError as exc:
            if is_new:
                paper.pk = None  # the transaction rolled the new row back
            form.add_error(None, exc)
        else:
            messages.success(request, _("试卷已保存。"))
            return redirect("quizzes:paper_edit", pk=saved.pk)
    published = paper.status == Paper.Status.PUBLISHED
    context = {
        "form": form,
        "rules": rules,
        "paper": paper,
        "problems": services.paper_problems(paper=paper) if paper.pk and not published else [],
        "totals": _totals(paper) if paper.pk else (0, Decimal("0")),
        "published": published,
        "forest": chapter_forest(banks=list(Bank.objects.order_by("name"))),
        "picked": set(_paper_chapter_ids(form, paper)),
    }
    return render(request, "quizzes/trainer/paper_form.html", context)


def _bank_id(form: PaperForm, paper: Paper) -> int | None:
    """The bank the rule rows must draw from: the one being chosen, else the paper's, else the first."""
    if form.is_bound and not form.fields["bank"].disabled:
        value = form.data.get("bank", "")
        if value.isdigit():
            return int(value)
    if paper.bank_id:
        return paper.bank_id
    first = Bank.objects.order_by("name").values_list("pk", flat=True).first()
    form.initial.setdefault("bank", first)
    return first


def _paper_chapter_ids(form: PaperForm, paper: Paper) -> list[int]:
    """The chapters the paper draws from: as posted, else as stored."""
    if form.is_bound and not form.fields["chapters"].disabled:
        posted = form.data.getlist("chapters") if hasattr(form.data, "getlist") else []
        return [int(v) for v in posted if str(v).isdigit()]
    return selectors.paper_chapters(paper) if paper.pk else []


def _totals(paper: Paper) -> tuple[int, Decimal]:
    rules = list(paper.rules.all())
    return sum(r.count for r in rules), services.paper_max_score(paper=paper)


@trainer_required
@require_GET
def pool_count(request: HttpRequest) -> JsonResponse:
    """How many active questions a rule row could draw from, and how many more of its pool wait
    for a key (with the keying page for them), for paper_form.js."""
    form = PoolQueryForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    query = form.cleaned_data
    pool = {
        "bank_id": query["bank"],
        "type": query["type"],
        "chapter_ids": query["chapters"],
        "difficulty": query["difficulty"],
    }
    waiting = questions_to_key(user=request.user, **pool)
    return JsonResponse(
        {
            "available": selectors.pool_for(**pool).count(),
            "waiting_for_key": waiting.count(),
            "keying_url": _keying_url(
                bank_id=query["bank"], type=query["type"], chapter_ids=query["chapters"]
            ),
        }
    )


def _keying_url(*, bank_id: int, type: str, chapter_ids: list[int]) -> str:
    """The keying page for a rule's pool; it takes one chapter, so a rule of several chapters
    opens the whole bank's questions of that type."""
    query = QueryDict(mutable=True)
    query.update({"bank": str(bank_id), "type": type})
    if len(chapter_ids) == 1:
        query["chapter"] = str(chapter_ids[0])
    return f"{reverse('qbank:keying')}?{query.urlencode()}"


@dataclass(frozen=True)
class PreviewItem:
    position: int
    question: Question
    points: Decimal
    options: list[tuple[str, str, bool]]  # label, text, is part of the key
    key: str


def _preview_items(draw: list[tuple[Question, Decimal]]) -> list[PreviewItem]:
    items = []
    for position, (question, points) in enumerate(draw, 1):
        answer = question.answer if isinstance(question.answer, str) else ""
        options = [(o.label, o.text, o.label in answer) for o in question.options.all()]
        key = answer_text(question.type, question.answer)
        items.append(PreviewItem(position, question, points, options, key))
    return items


@trainer_required
@require_GET
def paper_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """One possible draw with keys and explanations; nothing is stored."""
    paper = managed_paper(request, pk)
    items: list[PreviewItem] = []
    errors: list[str] = []
    try:
        items = _preview_items(services.paper_draw(paper=paper, rng=random.Random()))
    except ValidationError as exc:
        errors = exc.messages
    total = sum((item.points for item in items), Decimal("0"))
    context = {"paper": paper, "items": items, "errors": errors, "total": total}
    return render(request, "quizzes/trainer/paper_preview.html", context)


@trainer_required
@require_POST
def paper_publish(request: HttpRequest, pk: int) -> HttpResponse:
    paper = managed_paper(request, pk)
    try:
        with transaction.atomic():
            services.paper_publish(paper=paper)
    except ValidationError as exc:
        for problem in exc.messages:
            messages.error(request, problem)
        messages.error(request, _("“%(title)s”没有发布。") % {"title": paper.title})
    else:
        messages.success(request, _("“%(title)s”已发布。") % {"title": paper.title})
    return redirect(safe_next(request, reverse("quizzes:paper_list")))


@trainer_required
@require_POST
def paper_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    paper = managed_paper(request, pk)
    services.paper_unpublish(paper=paper)
    messages.success(request, _("“%(title)s”已取消发布,可以修改规则了。") % {"title": paper.title})
    return redirect(safe_next(request, reverse("quizzes:paper_list")))
