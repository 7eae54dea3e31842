"""The bank's admin: a declaration, plus one hook that keeps derived columns in step."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .fingerprint import fold
from .models import Bank, Chapter, Option, Question, QuestionImage, Source, Tag
from .services import question_refresh_derived


class ChapterInline(admin.TabularInline):
    model = Chapter
    extra = 0
    fields = ["order", "title"]


@admin.register(Bank)
class BankAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "created"]
    search_fields = ["name"]
    inlines = [ChapterInline]


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ["title", "bank", "order"]
    list_filter = ["bank"]
    list_select_related = ["bank"]
    search_fields = ["title"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["filename", "bank", "size", "imported_at", "imported_by"]
    list_filter = ["bank"]
    list_select_related = ["bank", "imported_by"]
    search_fields = ["filename", "sha256"]
    readonly_fields = ["filename", "sha256", "size", "bank", "imported_at", "imported_by"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0
    fields = ["order", "label", "text"]


class ImageInline(admin.TabularInline):
    model = QuestionImage
    extra = 0
    fields = ["preview", "file", "content_type", "option"]
    readonly_fields = ["preview"]

    @admin.display(description=_("预览"))
    def preview(self, image: QuestionImage) -> str:
        # Shown where the question is edited, so a reviewer sees what the trainee will see.
        if not image.pk or not image.file:
            return "-"
        url = reverse("question-image", args=[image.pk])
        return format_html('<img src="{}" alt="" class="question-preview">', url)


class QuestionAdminForm(forms.ModelForm):
    """Question.clean() checks the answer against the options; in the admin those are the inline
    rows being saved with the question, not the stored ones, so hand it their labels."""

    class Meta:
        model = Question
        fields = "__all__"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.instance.pending_option_labels = self._inline_labels()
        return data

    def _inline_labels(self) -> str:
        prefix = "options"
        try:
            total = min(int(self.data.get(f"{prefix}-TOTAL_FORMS", 0)), 1000)
        except (TypeError, ValueError):
            return ""
        labels = []
        for i in range(total):
            row = f"{prefix}-{i}-"
            if self.data.get(row + "DELETE") or not str(self.data.get(row + "text", "")).strip():
                continue
            labels.append(str(self.data.get(row + "label", "")))
        return "".join(labels)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionAdminForm

    class Media:
        css = {"all": ["css/admin.css"]}  # the preview's size: no style="" under the CSP

    list_display = ["id", "__str__", "bank", "chapter", "type", "status", "difficulty", "updated"]
    list_display_links = ["id", "__str__"]
    list_filter = ["bank", "chapter", "type", "status", "difficulty"]
    list_select_related = ["bank", "chapter"]
    list_per_page = 50
    search_fields = ["search_text"]
    autocomplete_fields = ["tags"]
    readonly_fields = ["source", "source_line", "fingerprint", "warnings", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["bank", "chapter", "type", "status", "difficulty", "tags"]}),
        (_("内容"), {"fields": ["material", "stem", "answer", "explanation"]}),
        (_("来源"), {"fields": ["source", "source_line", "warnings", "fingerprint", "created", "updated"]}),
    ]
    inlines = [OptionInline, ImageInline]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Question], search_term: str
    ) -> tuple[QuerySet[Question], bool]:
        # search_text is folded (Simplified, lower case), so fold the term too: 服務 finds 服务.
        return super().get_search_results(request, queryset, fold(search_term))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Options are saved with the inlines, so the fingerprint can only be recomputed now.
        question_refresh_derived(question=form.instance)
