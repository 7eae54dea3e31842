"""`manage.py import_papers FILE… --bank NAME`: store papers, one transaction per file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandError, CommandParser

from importers.services import ImportReport, import_papers
from qbank.models import Bank, Question
from qbank.services import bank_get_or_create

TYPES = tuple(Question.Type.values)


class Command(BaseCommand):
    help = "Import exam papers into a question bank (created if missing) and print a summary."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--bank", required=True, help="bank name; created when it does not exist")
        parser.add_argument("--user", help="username recorded as the importer")
        parser.add_argument("--verbose-notes", action="store_true", help="list every duplicate and rejection")

    def handle(self, *args: Any, files: list[str], bank: str, user: str | None, **options: Any) -> None:
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"no such user: {user}")
        bank_obj, created = bank_get_or_create(name=bank)
        if created:
            self.stdout.write(f"created bank {bank_obj.name}")
        reports = [_import_one(bank_obj, name, importer) for name in files]
        for report in reports:
            self.write_report(report, notes=options["verbose_notes"])
        failed = summarise(reports, self.stdout.write)
        if failed:
            raise CommandError(f"{failed} of {len(reports)} file(s) failed; nothing was stored from them")

    def write_report(self, report: ImportReport, *, notes: bool) -> None:
        if report.errors:
            for error in report.errors:
                self.stderr.write(error)
            return
        if report.already_imported:
            self.stdout.write(f"{report.filename}: {report.notes[0]}")
            return
        self.stdout.write(f"{report.filename}: {counts_line(report)}")
        self.stdout.write(f"  per type: {types_line(report.found_by_type, report.by_type)}")
        if notes:
            for note in report.notes:
                self.stdout.write(f"  {note}")


def _import_one(bank: Bank, name: str, user: AbstractBaseUser | None) -> ImportReport:
    path = Path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        # An unreadable path is one failed file, reported with the others, not a crash.
        report = ImportReport(filename=path.name)
        report.errors.append(f"{name}: {exc.strerror}")
        return report
    [report] = import_papers(bank=bank, files=[(path.name, data)], user=user)
    return report


def counts_line(report: ImportReport) -> str:
    line = (
        f"found {report.found}, new {report.created}, duplicates {report.duplicates}, "
        f"needing review {report.needs_review}"
    )
    return line + (f", rejected {report.rejected}" if report.rejected else "")


def types_line(found: Counter[str], created: Counter[str]) -> str:
    """e.g. "single 12/10, short 3/3" = found/new per type, types that occur only."""
    return ", ".join(f"{t} {found[t]}/{created[t]}" for t in TYPES if found[t] or created[t]) or "-"


def summarise(reports: list[ImportReport], write: Callable[[str], object]) -> int:
    """Write the totals line; return how many files failed."""
    total = ImportReport(filename="total")
    for report in reports:
        for name in ("found", "created", "duplicates", "needs_review", "rejected"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.found_by_type.update(report.found_by_type)
        total.by_type.update(report.by_type)
    failed = sum(1 for report in reports if report.errors)
    skipped = sum(1 for report in reports if report.already_imported)
    write(f"total: {len(reports)} file(s), {failed} failed, {skipped} already imported; {counts_line(total)}")
    write(f"  per type: {types_line(total.found_by_type, total.by_type)}")
    return failed
