"""The spreadsheet template to download, and the bank (or a chapter) exported to it."""

from __future__ import annotations

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qbank.access import MANAGE_BANK, access_required
from qbank.formfields import parse_id
from qbank.models import Bank

from .pipeline.spreadsheet import template_workbook
from .spreadsheet_export import export_bank

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f"attachment; filename=\"export.xlsx\"; filename*=UTF-8''{quote(filename)}"
    )
    return response


@access_required(MANAGE_BANK)
@require_GET
def template(request: HttpRequest) -> HttpResponse:
    return _xlsx(template_workbook(), _("题库导入模板") + ".xlsx")


@access_required(MANAGE_BANK)
@require_GET
def export(request: HttpRequest, bank_pk: int) -> HttpResponse:
    bank = get_object_or_404(Bank, pk=bank_pk)
    chapter = None
    if request.GET.get("chapter"):
        try:
            chapter_id = parse_id(request.GET["chapter"])
        except ValidationError as invalid:
            return HttpResponseBadRequest(invalid.messages[0])
        chapter = get_object_or_404(bank.chapters, pk=chapter_id)
    name = f"{bank.name}-{chapter.title}" if chapter else bank.name
    return _xlsx(export_bank(bank=bank, chapter=chapter), f"{name}.xlsx")
