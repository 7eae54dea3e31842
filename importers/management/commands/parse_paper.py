"""`manage.py parse_paper FILE…`: the parse as JSONL on stdout (gold format); no database use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from importers.pipeline import PaperError, parse_document


class Command(BaseCommand):
    help = "Parse exam papers and print one JSON object per question (shared/gold/SCHEMA.md format)."
    # Pure parsing: needs neither a migrated database nor the system checks.
    requires_migrations_checks = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args: Any, files: list[str], **options: Any) -> None:
        failed = 0
        for name in files:
            path = Path(name)
            try:
                paper = parse_document(path.name, path.read_bytes())
            except (PaperError, OSError) as exc:
                # Report and go on: one bad paper must not hide the others' output.
                failed += 1
                self.stderr.write(str(exc) if isinstance(exc, PaperError) else f"{name}: {exc.strerror}")
                continue
            for seq, question in enumerate(paper.questions, 1):
                self.stdout.write(json.dumps(question.as_json(seed=path.name, seq=seq), ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be parsed")
