"""`manage.py parse_paper FILE…`: the parse as JSONL on stdout (gold format); no database use.

Each file's coverage (questions, share of the text read, furniture, verdict) goes to stderr.
`--explain` prints each file line by line with the role every line got instead, so a person
can see at once where a reading went wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from importers.pipeline import PaperError, ParsedPaper, parse_document
from importers.pipeline.read import read_lines


class Command(BaseCommand):
    help = "Parse exam papers and print one JSON object per question (shared/gold/SCHEMA.md format)."
    # Pure parsing: needs neither a migrated database nor the system checks.
    requires_migrations_checks = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--explain", action="store_true", help="print each line with the role the parser gave it"
        )

    def handle(self, *args: Any, files: list[str], explain: bool, **options: Any) -> None:
        failed = 0
        for name in files:
            path = Path(name)
            try:
                data = path.read_bytes()
                paper = parse_document(path.name, data, empty_ok=explain)
            except (PaperError, OSError) as exc:
                # Report and go on: one bad paper must not hide the others' output.
                failed += 1
                self.stderr.write(str(exc) if isinstance(exc, PaperError) else f"{name}: {exc.strerror}")
                continue
            self.stderr.write(summary(paper))
            if explain:
                self._explain(paper, data)
                continue
            for seq, question in enumerate(paper.questions, 1):
                self.stdout.write(json.dumps(question.as_json(seed=path.name, seq=seq), ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be parsed")

    def _explain(self, paper: ParsedPaper, data: bytes) -> None:
        if not paper.line_roles:  # a spreadsheet: its notes say which columns were read
            for note in paper.notes:
                self.stdout.write(note)
            return
        for line in read_lines(paper.filename, data):
            if not line.text.strip():
                continue
            dropped = "furniture" if line.lineno in paper.furniture else "—"
            roles = paper.line_roles.get(line.lineno) or [dropped]
            self.stdout.write(f"{line.lineno:>6}  {'+'.join(roles):<24} {line.text.strip()[:100]}")


def summary(paper: ParsedPaper) -> str:
    """One line per file: what was found and whether to trust it."""
    cov = paper.coverage
    if cov is None:
        return f"{paper.filename}: {len(paper.questions)} question(s)"
    text = (
        f"{paper.filename}: {cov.questions} question(s) from {cov.lines} line(s), "
        f"{cov.share:.0%} of the text read, {cov.furniture} furniture line(s), {cov.unread} unread; "
        f"verdict {cov.verdict}"
    )
    if cov.reasons:
        text += " — " + "; ".join(cov.reasons)
    if cov.notes:
        text += " (" + "; ".join(cov.notes) + ")"
    if cov.repeated:
        text += " (repeated lines dropped: " + " | ".join(cov.repeated[:3]) + ")"
    return text
