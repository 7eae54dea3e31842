"""Results of one paper: the candidates' table with item statistics, one attempt, the xlsx."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import selectors, stats_selectors
from ..export import XLSX_TYPE, answer_text, attachment_header, results_workbook, state_label, workbook_bytes
from ..forms import ResultsFilterForm
from ..models import AttemptQuestion
from ..stats_export import item_analysis_sheet
from .trainer import managed_paper, trainer_required
from .trainer_stats import edit_urls


@trainer_required
@require_GET
def paper_results(request: HttpRequest, pk: int) -> HttpResponse:
    paper = managed_paper(request, pk)
    filters = ResultsFilterForm(request.GET)
    attempts = selectors.paper_results_filtered(paper=paper, **filters.filters())
    context = {
        "paper": paper,
        "filters": filters,
        "attempts": attempts,
        "items": selectors.item_statistics(paper=paper),
        "query": request.GET.urlencode(),
    }
    return render(request, "quizzes/trainer/paper_results.html", context)


@trainer_required
@require_GET
def paper_results_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The same rows the page shows (its filters apply), as a workbook download."""
    paper = managed_paper(request, pk)
    attempts = selectors.paper_results_filtered(paper=paper, **ResultsFilterForm(request.GET).filters())
    book = results_workbook(attempts=attempts, answers=selectors.answers_of(attempts=attempts))
    items = stats_selectors.item_analysis(attempts=attempts)
    item_analysis_sheet(book, items, edit_url=edit_urls(items, request=request))
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_TYPE)
    stamp = timezone.localtime().strftime("%Y%m%d")
    response["Content-Disposition"] = attachment_header(
        f"{paper.title}-{_('成绩')}-{stamp}.xlsx", fallback=f"paper-{paper.pk}-results-{stamp}.xlsx"
    )
    return response


@dataclass(frozen=True)
class ReviewRow:
    aq: AttemptQuestion
    response: str
    key: str
    state: str


@trainer_required
@require_GET
def attempt_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one attempt, whatever the paper's review policy shows the trainee."""
    attempt = selectors.managed_attempt(user=request.user, attempt_id=pk)
    if attempt is None:
        raise Http404
    rows = [
        ReviewRow(aq, answer_text(aq.type, aq.response), answer_text(aq.type, aq.key), state_label(aq.state))
        for aq in selectors.attempt_questions(attempt=attempt)
    ]
    context = {"attempt": attempt, "rows": rows, "events": list(attempt.events.all())}
    return render(request, "quizzes/trainer/attempt_review.html", context)
