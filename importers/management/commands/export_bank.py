"""`manage.py export_bank --bank NAME [--chapter TITLE] -o FILE.xlsx`: the bank as the template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from importers.pipeline.spreadsheet import write_rows
from importers.spreadsheet_export import bank_rows
from qbank.models import Bank, Chapter


class Command(BaseCommand):
    help = "Export a question bank (or one chapter) to the spreadsheet template; import reads it back."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bank", required=True, help="bank name")
        parser.add_argument("--chapter", help="chapter title; the whole bank when omitted")
        parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")

    def handle(self, *args: Any, bank: str, chapter: str | None, output: str, **options: Any) -> None:
        bank_obj = Bank.objects.filter(name=bank).first()
        if bank_obj is None:
            raise CommandError(f"no such bank: {bank}")
        chapter_obj = None
        if chapter is not None:
            chapter_obj = Chapter.objects.filter(bank=bank_obj, title=chapter).first()
            if chapter_obj is None:
                raise CommandError(f"bank {bank} has no chapter {chapter!r}")
        rows = bank_rows(bank=bank_obj, chapter=chapter_obj)
        write_file(output, write_rows(rows))
        self.stdout.write(f"wrote {len(rows)} question(s) to {output}")


def write_file(name: str, data: bytes) -> None:
    try:
        Path(name).write_bytes(data)
    except OSError as exc:
        raise CommandError(f"{name}: {exc.strerror}") from exc
