"""Hand in every attempt whose time ran out: run it from cron every minute or so.

The pages already close an overdue attempt when its trainee comes back; this catches the ones
nobody comes back to, so trainers' results and the grading queue are complete.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from quizzes import services


class Command(BaseCommand):
    help = "Submit (and grade) every in-progress attempt past its deadline."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.attempt_finalise_overdue()
        self.stdout.write(f"Submitted {count} overdue attempt(s).")
