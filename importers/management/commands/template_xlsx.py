"""`manage.py template_xlsx -o FILE.xlsx`: the empty spreadsheet template, as the upload page offers it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from importers.pipeline.spreadsheet import template_workbook

from .export_bank import write_file


class Command(BaseCommand):
    help = "Write the empty question template (header, drop-downs, examples, instructions) to a file."
    # Pure openpyxl: needs neither a migrated database nor the system checks.
    requires_migrations_checks = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        write_file(output, template_workbook())
        self.stdout.write(f"wrote the template to {output}")
