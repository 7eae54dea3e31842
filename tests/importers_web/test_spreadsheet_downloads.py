"""Downloading the template and exporting the bank: bank managers only."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from importers.pipeline.spreadsheet import EXAMPLES, HEADERS, write_rows
from importers.services import import_paper
from qbank.models import Bank
from tests.conftest import client_for


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 302), ("trainee", 403), ("trainer", 200), ("admin", 200)]
)
def test_template_download(who: str, expected: int, admin: Any, trainer: Any, trainee: Any) -> None:
    user = {"anonymous": None, "trainee": trainee, "trainer": trainer, "admin": admin}[who]
    response = client_for(user).get(reverse("importers:template"))
    assert response.status_code == expected
    if expected == 200:
        assert "filename*=UTF-8''" in response["Content-Disposition"]
        assert [c.value for c in load_workbook(io.BytesIO(response.content))["试题"][1]] == HEADERS


def test_export_of_a_bank_and_of_one_chapter(bank: Bank, trainer: Any, trainee: Any) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(EXAMPLES))
    url = reverse("importers:export", args=[bank.pk])
    assert client_for(trainee).get(url).status_code == 403
    whole = load_workbook(io.BytesIO(client_for(trainer).get(url).content))["试题"]
    chapter = bank.chapters.get(title="第一章 客户服务理念")
    part = load_workbook(io.BytesIO(client_for(trainer).get(url, {"chapter": chapter.pk}).content))["试题"]
    assert (whole.max_row, part.max_row) == (1 + len(EXAMPLES), 1 + 2)


def test_upload_page_links_the_template(admin: Any) -> None:
    page = client_for(admin).get(reverse("importers:upload")).content.decode()
    assert reverse("importers:template") in page
