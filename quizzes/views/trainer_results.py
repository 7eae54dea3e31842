"""Results of one paper: the candidates' table with item statistics, one attempt, the xlsx."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import selectors, stats_selectors
from ..export import XLSX_TYPE, answer_text, attachment_header, results_workbook, state_label, workbook_file
from ..forms import ResultsFilterForm
from ..models import AttemptQuestion
from ..stats_export import item_analysis_sheet
from .trainer import managed_paper, trainer_required
from .trainer_stats import edit_urls

# Rows per page of the results table: its time and size stay flat however many sat the paper.
PAGE_SIZE = 50
CHUNK = 2000  # export rows fetched at a time (a server-side cursor on PostgreSQL)


@trainer_required
@require_GET
def paper_results(request: HttpRequest, pk: int) -> HttpResponse:
    paper = managed_paper(request, pk)
    filters = ResultsFilterForm(request.GET)
    attempts = selectors.paper_results_filtered(paper=paper, **filters.filters())
    query = request.GET.copy()
    query.pop("page", None)  # the filters, kept by the page links and the export
    context = {
        "paper": paper,
        "filters": filters,
        "attempts": Paginator(attempts, PAGE_SIZE).get_page(request.GET.get("page")),
        "totals": selectors.results_totals(attempts=attempts),
        "items": selectors.item_statistics(paper=paper),
        "query": query.urlencode(),
    }
    return render(request, "quizzes/trainer/paper_results.html", context)


@trainer_required
@require_GET
def paper_results_xlsx(request: HttpRequest, pk: int) -> FileResponse:
    """Every row the page lists (its filters apply, not its paging), as a workbook download.
    Rows stream from the database into a write-only workbook on disk, and the file streams out."""
    paper = managed_paper(request, pk)
    attempts = selectors.paper_results_filtered(paper=paper, **ResultsFilterForm(request.GET).filters())
    answers = selectors.answers_of(attempts=attempts).iterator(chunk_size=CHUNK)
    book = results_workbook(attempts=attempts.iterator(chunk_size=CHUNK), answers=answers)
    items = stats_selectors.item_analysis(attempts=attempts)
    item_analysis_sheet(book, items, edit_url=edit_urls(items, request=request))
    file = workbook_file(book)
    response = FileResponse(file, content_type=XLSX_TYPE)
    # The server closes the file once sent; a response dropped unsent (a test) closes it too.
    weakref.finalize(response, file.close)
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
