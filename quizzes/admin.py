"""Quizzes in the admin: secondary to the trainer pages, mostly for looking things up.

Attempts are records of what a trainee did: the admin shows them and never edits them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from . import selectors
from .models import Attempt, AttemptQuestion, Cohort, IntegrityEvent, Paper, PaperRule


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


class PaperRuleInline(admin.TabularInline):
    model = PaperRule
    extra = 0
    fields = ["order", "type", "count", "points", "difficulty", "chapters"]


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["title", "bank", "status", "time_limit_minutes", "opens_at", "closes_at", "created_by"]
    list_filter = ["status", "bank"]
    list_select_related = ["bank", "created_by"]
    search_fields = ["title"]
    filter_horizontal = ["cohorts"]
    readonly_fields = ["status", "created_by", "created"]
    inlines = [PaperRuleInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Paper]:
        # The same visibility as the trainer pages: a trainer sees their own papers only.
        managed = selectors.papers_managed_by(user=request.user).values("pk")
        return super().get_queryset(request).filter(pk__in=managed)

    def save_model(self, request: HttpRequest, obj: Paper, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AttemptQuestionInline(ReadOnlyInline):
    model = AttemptQuestion
    readonly_fields = ("position", "type", "stem", "response", "key", "state", "score", "points", "comment")
    fields = readonly_fields


class IntegrityEventInline(ReadOnlyInline):
    model = IntegrityEvent
    readonly_fields = ("at", "kind", "away_seconds")
    fields = readonly_fields


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = [
        "paper",
        "user",
        "number",
        "practice",
        "status",
        "score",
        "max_score",
        "passed",
        "started_at",
    ]
    list_filter = ["status", "practice", "passed", "auto_submitted", "paper"]
    list_select_related = ["paper", "user"]
    search_fields = ["user__username", "paper__title"]
    date_hierarchy = "started_at"
    inlines = [AttemptQuestionInline, IntegrityEventInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Attempt]:
        managed = selectors.papers_managed_by(user=request.user).values("pk")
        return super().get_queryset(request).filter(paper__in=managed)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
