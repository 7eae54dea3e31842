"""`export_bank` and `template_xlsx`: the template and the bank as files, from the shell."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from importers.pipeline import parse_document
from importers.pipeline.spreadsheet import EXAMPLES, HEADERS, write_rows
from importers.services import import_paper
from qbank.models import Bank


def run(command: str, *args: str) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_template_xlsx_writes_the_template(tmp_path: Path) -> None:
    target = tmp_path / "模板.xlsx"
    assert run("template_xlsx", "-o", str(target)) == f"wrote the template to {target}\n"
    book = load_workbook(io.BytesIO(target.read_bytes()))
    assert book.sheetnames == ["试题", "示例", "说明"]
    assert [c.value for c in book["试题"][1]] == HEADERS


def test_template_xlsx_reports_an_unwritable_path(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such file or directory"):
        run("template_xlsx", "-o", str(tmp_path / "missing" / "t.xlsx"))


@pytest.mark.django_db
def test_export_bank_whole_and_one_chapter(tmp_path: Path, bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(EXAMPLES))
    whole, part = tmp_path / "bank.xlsx", tmp_path / "chapter.xlsx"
    assert run("export_bank", "--bank", bank.name, "-o", str(whole)) == f"wrote 5 question(s) to {whole}\n"
    run("export_bank", "--bank", bank.name, "--chapter", "第一章 客户服务理念", "--output", str(part))
    assert len(parse_document("bank.xlsx", whole.read_bytes()).questions) == len(EXAMPLES)
    chapters = {q.chapter for q in parse_document("chapter.xlsx", part.read_bytes()).questions}
    assert chapters == {"第一章 客户服务理念"}


@pytest.mark.django_db
def test_export_bank_then_import_into_another_bank(tmp_path: Path, bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(EXAMPLES))
    target = tmp_path / "bank.xlsx"
    run("export_bank", "--bank", bank.name, "-o", str(target))
    out = run("import_papers", str(target), "--bank", "副本")
    assert "bank.xlsx: found 5, new 5, duplicates 0" in out
    assert Bank.objects.get(name="副本").questions.count() == len(EXAMPLES)


@pytest.mark.django_db
def test_export_bank_refuses_unknown_bank_and_chapter(tmp_path: Path, bank: Bank) -> None:
    target = tmp_path / "x.xlsx"
    with pytest.raises(CommandError, match="no such bank: 没有"):
        run("export_bank", "--bank", "没有", "-o", str(target))
    with pytest.raises(CommandError, match="has no chapter '第九章'"):
        run("export_bank", "--bank", bank.name, "--chapter", "第九章", "-o", str(target))
    assert not target.exists()
