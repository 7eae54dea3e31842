"""Background tasks (django-tasks): run by `manage.py db_worker`, or inline in tests."""

from __future__ import annotations

from django_tasks import task

from importers import staging


@task()
def parse_import_file(file_id: int) -> None:
    """Parse one uploaded file of a bulk import into staged questions."""
    staging.file_parse(file_id=file_id)
