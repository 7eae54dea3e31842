"""Background tasks (django-tasks), run by `manage.py db_worker`."""

from __future__ import annotations

from django_tasks import task

from quizzes import services


@task()
def finalise_overdue_attempts() -> int:
    """Hand in every attempt past its deadline; queued to run when a started attempt runs out."""
    return services.attempt_finalise_overdue()
