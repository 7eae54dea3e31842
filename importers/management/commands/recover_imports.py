"""Queue again (or fail, after IMPORT_PARSE_MAX_ATTEMPTS) import files whose worker died
mid-parse: run it from cron every few minutes beside `db_worker`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from importers import staging


class Command(BaseCommand):
    help = "Recover bulk-import files left 'parsing' by a worker that was killed."

    def handle(self, *args: Any, **options: Any) -> None:
        count = staging.recover_stale_files()
        self.stdout.write(f"Re-queued {count} import file(s).")
