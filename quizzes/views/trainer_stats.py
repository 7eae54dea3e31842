"""Statistics for trainers: one paper's scores and item analysis, and mastery by chapter × class.

Each page has its workbook twin with the same figures; the numbers come from
quizzes.stats_selectors (database aggregates) through quizzes.analytics (pure).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import analytics, stats_selectors
from ..export import XLSX_TYPE, attachment_header, workbook_bytes
from ..forms import MasteryFilterForm, StatsFilterForm
from ..models import Paper
from ..stats_export import mastery_workbook, paper_stats_workbook
from .trainer import managed_paper, trainer_required


def _paper_figures(request: HttpRequest, paper: Paper) -> dict[str, Any]:
    filters = StatsFilterForm(request.GET, cohorts=stats_selectors.cohorts_for(paper=paper))
    cohort = filters.chosen()
    attempts = stats_selectors.stats_attempts(paper=paper, cohort=cohort)
    items = stats_selectors.item_analysis(attempts=attempts)
    return {
        "filters": filters,
        "cohort": cohort,
        "summary": stats_selectors.score_summary(attempts=attempts),
        "time": stats_selectors.time_used(attempts=attempts),
        "items": items,
        "absent": list(stats_selectors.not_attempted(paper=paper, cohort=cohort)),
    }


def edit_urls(items: list[stats_selectors.ItemAnalysis], *, request: HttpRequest) -> dict[int, str]:
    """Each question's edit page, as full addresses: a workbook's links leave the site's pages."""
    return {
        i.question_id: request.build_absolute_uri(reverse("qbank:question_edit", args=[i.question_id]))
        for i in items
        if i.question_id
    }


@trainer_required
@require_GET
def paper_stats(request: HttpRequest, pk: int) -> HttpResponse:
    paper = managed_paper(request, pk)
    figures = _paper_figures(request, paper)
    summary: analytics.PaperSummary = figures["summary"]
    chart = {"labels": analytics.histogram_labels(), "counts": summary.histogram, "label": _("人次")}
    context = {
        **figures,
        "paper": paper,
        "chart": chart,
        "flagged": sum(1 for item in figures["items"] if item.flags),
        "min_answers": analytics.MIN_ANSWERS_FOR_FLAGS,
        "query": request.GET.urlencode(),
    }
    return render(request, "quizzes/trainer/paper_stats.html", context)


@trainer_required
@require_GET
def paper_stats_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    paper = managed_paper(request, pk)
    figures = _paper_figures(request, paper)
    book = paper_stats_workbook(
        summary=figures["summary"],
        time=figures["time"],
        items=figures["items"],
        absent=figures["absent"],
        edit_url=edit_urls(figures["items"], request=request),
    )
    return _download(book, f"{paper.title}-{_('统计')}", f"paper-{paper.pk}-stats")


@trainer_required
@require_GET
def mastery(request: HttpRequest) -> HttpResponse:
    filters, figures = _mastery_figures(request)
    rows = [
        (title, [(cell, analytics.heat_level(cell.mastery if cell else None)) for cell in row])
        for (_id, title), row in zip(figures.chapters, figures.grid, strict=True)
        if figures.grid
    ]
    context = {"filters": filters, "mastery": figures, "rows": rows, "query": request.GET.urlencode()}
    return render(request, "quizzes/trainer/mastery.html", context)


@trainer_required
@require_GET
def mastery_xlsx(request: HttpRequest) -> HttpResponse:
    _filters, figures = _mastery_figures(request)
    return _download(mastery_workbook(mastery=figures), _("章节掌握度"), "mastery")


def _mastery_figures(request: HttpRequest) -> tuple[MasteryFilterForm, stats_selectors.Mastery]:
    papers = stats_selectors.papers_managed_by(user=request.user)
    filters = MasteryFilterForm(request.GET or None, papers=papers)
    bank, paper = filters.chosen()
    if bank is None:
        return filters, stats_selectors.Mastery([], [], [])
    return filters, stats_selectors.chapter_class_mastery(user=request.user, bank=bank, paper=paper)


def _download(book: Any, name: str, fallback: str) -> HttpResponse:
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_TYPE)
    stamp = timezone.localtime().strftime("%Y%m%d")
    response["Content-Disposition"] = attachment_header(
        f"{name}-{stamp}.xlsx", fallback=f"{fallback}-{stamp}.xlsx"
    )
    return response
