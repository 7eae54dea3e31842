"""Background tasks (django-tasks): run by `manage.py db_worker`, or inline in tests."""

from __future__ import annotations

from django_tasks import task

from importers import staging


@task()
def parse_import_file(file_id: int) -> None:
    """Parse one uploaded file of a bulk import into staged questions."""
    staging.file_parse(file_id=file_id)


@task()
def publish_import_batch(batch_id: int) -> None:
    """Publish a reviewed batch into its bank (one transaction), reporting progress as it goes."""
    staging.batch_publish_run(batch_id=batch_id)
