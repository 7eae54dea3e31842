"""`manage.py demo_setup`: demo roles, accounts and a bank filled from fixtures/papers/.

Idempotent: groups and users are updated in place, papers already stored (same checksum)
are skipped. Demo passwords are reset on every run so the printed ones always work.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from config.demo import ensure_demo_paper, ensure_groups, ensure_user
from importers.management.commands.import_papers import counts_line, summarise
from importers.services import import_papers
from qbank import roles
from qbank.services import bank_get_or_create

DEMO_BANK = "客户服务管理"
PAPERS_DIR = Path(settings.BASE_DIR) / "fixtures" / "papers"
PAPER_SUFFIXES = {".txt", ".docx", ".xlsx"}


class Command(BaseCommand):
    help = "Create demo groups and accounts and import every paper in fixtures/papers/ (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DEMO_PASSWORD", "demo12345")
        with transaction.atomic():
            groups = ensure_groups()
            accounts = [
                ("admin", roles.ADMIN, True, True),
                ("trainer", roles.TRAINER, True, False),
                ("trainee", roles.TRAINEE, False, False),
            ]
            for username, role, staff, superuser in accounts:
                created = ensure_user(
                    username=username, password=password, group=groups[role], staff=staff, superuser=superuser
                )
                self.stdout.write(f"{'created' if created else 'updated'} {role} account: {username}")
        bank, _ = bank_get_or_create(name=DEMO_BANK, description="演示题库:由 fixtures/papers/ 中的试卷导入")
        files = [
            (path.name, path.read_bytes())
            for path in sorted(PAPERS_DIR.iterdir())
            if path.is_file() and path.suffix.lower() in PAPER_SUFFIXES
        ]
        importer = get_user_model().objects.get(username="admin")
        reports = import_papers(bank=bank, files=files, user=importer)
        self.stdout.write(f"\nbank {bank.name}: {len(files)} paper(s) in {PAPERS_DIR}")
        for report in reports:
            if report.errors:
                # Reported, not fatal: the demo should still start when one sample paper fails.
                self.stdout.write(self.style.WARNING("  " + "; ".join(report.errors)))
            elif report.already_imported:
                self.stdout.write(f"  {report.filename}: already imported, skipped")
            else:
                self.stdout.write(f"  {report.filename}: {counts_line(report)}")
        summarise(reports, lambda line: self.stdout.write("  " + line))
        users = get_user_model().objects
        paper = ensure_demo_paper(
            bank=bank, trainer=users.get(username="trainer"), trainee=users.get(username="trainee")
        )
        self.stdout.write(
            f"\npractice paper {paper.title!r}: {paper.get_status_display()}, open to class 演示班"
        )
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo accounts (username / password):\n"
                + "".join(f"  {username:8} / {password}   ({role})\n" for username, role, *_ in accounts)
            )
        )
