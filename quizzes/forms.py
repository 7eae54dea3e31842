"""The trainer's forms: a paper's settings, its rules as a formset, grading, results and statistics filters.

Forms validate input only; saving goes through quizzes.services.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from qbank.formfields import MAX_ID, FiniteDecimalField, IdField
from qbank.models import Bank, Chapter, QuestionType
from qbank.selectors import chapters_in_reading_order

from .models import AttemptQuestion, Cohort, Paper, PaperRule
from .selectors import RESULT_OUTCOMES
from .services import rules_as_data

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    # The phone's own date-and-time picker; the value must be in this exact format to show.
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_LOCAL)


class NaturalChapterIterator(ModelChoiceIterator):
    """Chapters in reading order (第一章 before 第二章), which SQL cannot sort."""

    def __iter__(self) -> Iterator[Any]:
        for chapter, depth in chapters_in_reading_order(list(self.queryset)):
            value, label = self.choice(chapter)
            # A section is indented under its chapter, as in the picker's tree.
            yield value, ("\u3000" * depth) + str(label)


class NaturalChapterField(forms.ModelMultipleChoiceField):
    iterator = NaturalChapterIterator


class PaperForm(forms.ModelForm):
    class Meta:
        model = Paper
        fields = [
            "title",
            "instructions",
            "bank",
            "time_limit_minutes",
            "pass_percent",
            "opens_at",
            "closes_at",
            "attempts_allowed",
            "practice_enabled",
            "practice_attempts_allowed",
            "cohorts",
            "chapters",
            "same_for_everyone",
            "shuffle_questions",
            "shuffle_options",
            "review_policy",
            "multiple_policy",
        ]
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "opens_at": DateTimeLocalInput(),
            "closes_at": DateTimeLocalInput(),
            "practice_attempts_allowed": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
            "cohorts": forms.CheckboxSelectMultiple,
            "chapters": forms.CheckboxSelectMultiple,
        }
        field_classes = {"chapters": NaturalChapterField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohorts"].help_text = _("不选班级则所有学员都可参加。")
        self.fields["review_policy"].help_text = _(
            "所有人同一套题且允许多次作答时,答案和解析在学员用完作答次数或考试结束后才公布。"
        )
        chapters = self.fields["chapters"]
        chapters.queryset = Chapter.objects.all()  # type: ignore[attr-defined]
        chapters.help_text = _("不选则从整个题库抽取;每条规则默认使用这些章节,也可在规则里再缩小。")
        if self.instance.status == Paper.Status.PUBLISHED:
            # The rules point at this bank's chapters; switching banks means unpublishing first.
            self.fields["bank"].disabled = True
            self.fields["bank"].help_text = _("已发布的试卷不能更换题库。")
            chapters.disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        bank = data.get("bank")
        if bank is not None and any(c.bank_id != bank.pk for c in data.get("chapters") or []):
            self.add_error(
                "chapters", ValidationError(_("所选章节不属于这份试卷的题库。"), code="chapter_bank")
            )
        return data


class ChapterSelect(forms.SelectMultiple):
    """Chapters of every bank, each tagged with its bank: paper_form.js hides the other banks'."""

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-bank"] = instance.bank_id
        return option


class RuleForm(forms.ModelForm):
    class Meta:
        model = PaperRule
        fields = ["type", "count", "points", "difficulty", "chapters"]
        field_classes = {"points": FiniteDecimalField, "chapters": NaturalChapterField}
        widgets = {
            "count": forms.NumberInput(attrs={"min": 1, "max": 500, "inputmode": "numeric"}),
            "points": forms.NumberInput(attrs={"min": "0.5", "step": "0.5", "inputmode": "decimal"}),
            "difficulty": forms.Select(choices=[("", _("不限")), *((i, str(i)) for i in range(1, 6))]),
            "chapters": ChapterSelect(attrs={"size": 4}),
        }

    def __init__(
        self,
        *args: Any,
        bank_id: int | None = None,
        paper_chapter_ids: Sequence[int] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.bank_id = bank_id
        self.paper_chapter_ids = set(paper_chapter_ids)
        chapters = self.fields["chapters"]
        chapters.queryset = Chapter.objects.all()  # type: ignore[attr-defined]
        chapters.help_text = _("不选则使用试卷的章节;选了则只从所选章节抽取。")

    def clean_chapters(self) -> list[Chapter]:
        chapters = list(self.cleaned_data.get("chapters") or [])
        if any(c.bank_id != self.bank_id for c in chapters):
            raise ValidationError(_("所选章节不属于这份试卷的题库。"), code="chapter_bank")
        # A rule narrows the paper's chapters; it cannot reach outside them.
        if self.paper_chapter_ids and any(c.pk not in self.paper_chapter_ids for c in chapters):
            raise ValidationError(_("规则只能在试卷所选的章节里再缩小范围。"), code="chapter_paper")
        return chapters

    def rule_data(self) -> dict[str, object]:
        """The shape services.rules_replace takes."""
        keys = ["type", "count", "points", "difficulty", "chapters"]
        return {key: self.cleaned_data[key] for key in keys}


class BaseRuleFormSet(forms.BaseFormSet):
    def rules(self) -> list[dict[str, object]]:
        """Filled-in, not-deleted rows, in the order shown."""
        # An extra row left untouched is skipped by validation and has no cleaned_data.
        return [
            f.rule_data()
            for f in self.forms
            if f.cleaned_data and not self._should_delete_form(f)  # type: ignore[attr-defined]
        ]


RuleFormSet = forms.formset_factory(
    RuleForm, formset=BaseRuleFormSet, extra=1, can_delete=True, max_num=50, validate_max=True
)


def rules_initial(paper: Paper) -> list[dict[str, object]]:
    # The formset wants chapter ids where the service speaks in chapter objects.
    return [
        {**rule, "chapters": [c.pk for c in cast(list[Chapter], rule["chapters"])]}
        for rule in rules_as_data(paper)
    ]


class IntListField(forms.Field):
    """Repeated GET parameters (chapters=1&chapters=2) as a list of ints."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        try:
            ids = [int(v) for v in value or []]
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("章节编号不对。"), code="invalid") from exc
        if any(not 1 <= i <= MAX_ID for i in ids):
            # Beyond 64 bits the database driver overflows instead of finding nothing.
            raise ValidationError(_("章节编号不对。"), code="invalid")
        return ids


class PoolQueryForm(forms.Form):
    """The JSON endpoint's query: what a rule row would draw from."""

    bank = IdField()
    type = forms.ChoiceField(choices=QuestionType.choices)
    chapters = IntListField(required=False)
    difficulty = forms.IntegerField(required=False, min_value=1, max_value=5)


class GradeForm(forms.Form):
    score = FiniteDecimalField(label=_("得分"), min_value=Decimal("0"), max_digits=5, decimal_places=2)
    comment = forms.CharField(label=_("评语"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, aq: AttemptQuestion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.points = aq.points
        score = self.fields["score"]
        score.validators.append(MaxValueValidator(aq.points))
        score.widget.attrs.update({"min": "0", "max": str(aq.points), "step": "0.5", "inputmode": "decimal"})

    def clean_score(self) -> Decimal:
        score: Decimal = self.cleaned_data["score"]
        # Half points, or the full mark even when a rule gives an odd value such as 1.25.
        if score != self.points and (score * 2) % 1:
            raise ValidationError(_("得分以 0.5 分为单位。"), code="step")
        return score


class ResultsFilterForm(forms.Form):
    name = forms.CharField(label=_("姓名或用户名"), required=False, max_length=100)
    outcome = forms.ChoiceField(
        label=_("结果"),
        required=False,
        choices=[
            ("", _("全部")),
            *zip(RESULT_OUTCOMES, [_("及格"), _("不及格"), _("待批改")], strict=True),
        ],
    )

    def filters(self) -> dict[str, str]:
        """Filters for selectors.paper_results_filtered; a bad value filters nothing."""
        if not self.is_valid():
            return {"name": "", "outcome": ""}
        return {"name": self.cleaned_data["name"].strip(), "outcome": self.cleaned_data["outcome"]}


class StatsFilterForm(forms.Form):
    """The class a paper's statistics are narrowed to (its audience, or any class)."""

    cohort = forms.ModelChoiceField(
        label=_("班级"), required=False, queryset=Cohort.objects.none(), empty_label=_("全部")
    )

    def __init__(self, *args: Any, cohorts: QuerySet[Cohort], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts  # type: ignore[attr-defined]

    def chosen(self) -> Cohort | None:
        """The chosen class; an unknown value filters nothing."""
        return self.cleaned_data["cohort"] if self.is_valid() else None


class MasteryFilterForm(forms.Form):
    bank = forms.ModelChoiceField(label=_("题库"), queryset=Bank.objects.none(), empty_label=None)
    paper = forms.ModelChoiceField(
        label=_("试卷"), required=False, queryset=Paper.objects.none(), empty_label=_("全部试卷")
    )

    def __init__(self, *args: Any, papers: QuerySet[Paper], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bank"].queryset = Bank.objects.filter(papers__in=papers).distinct()  # type: ignore[attr-defined]
        self.fields["paper"].queryset = papers.order_by("title")  # type: ignore[attr-defined]

    def chosen(self) -> tuple[Bank | None, Paper | None]:
        """The bank asked for (else the first one), and a paper when it belongs to that bank."""
        banks = self.fields["bank"].queryset  # type: ignore[attr-defined]
        if not self.is_bound or not self.is_valid():
            return banks.first(), None
        bank, paper = self.cleaned_data["bank"], self.cleaned_data["paper"]
        return bank, paper if paper is not None and paper.bank_id == bank.pk else None
