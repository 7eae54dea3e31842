"""Reads for the class pages: who counts as a trainee, classes with their sizes, members."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from qbank.roles import ADMIN, TRAINER
from quizzes.models import Cohort

SEARCH_LIMIT = 20


def trainees() -> QuerySet[Any]:
    """Active accounts with neither the trainer nor the admin role: the only ones a class takes."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .exclude(groups__name__in=[ADMIN, TRAINER])
        .distinct()
    )


def trainee_search(*, query: str, exclude_cohort: Cohort | None = None) -> list[Any]:
    """Trainees whose 工号, login, name, department or phone contains `query` (at most 20)."""
    query = query.strip()
    if not query:
        return []
    found = trainees().filter(
        Q(username__icontains=query)
        | Q(first_name__icontains=query)
        | Q(last_name__icontains=query)
        | Q(profile__employee_no__icontains=query)
        | Q(profile__department__icontains=query)
        | Q(profile__phone__icontains=query)
    )
    if exclude_cohort is not None:
        found = found.exclude(cohorts=exclude_cohort)
    return list(found.select_related("profile").order_by("username")[:SEARCH_LIMIT])


def cohort_list() -> QuerySet[Cohort]:
    return Cohort.objects.annotate(member_count=Count("members")).order_by("name")


def cohort_members(*, cohort: Cohort) -> QuerySet[Any]:
    return cohort.members.select_related("profile").order_by("username")
