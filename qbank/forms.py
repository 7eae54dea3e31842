"""Forms of the trainers' question pages: list filters, the edit form and the bulk action.

Forms own the editing rules a trainer can fix on the page (answer letters within the options,
at least two options for a choice question); qbank.services re-checks and does the writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

import questiontypes

from . import services
from .answers import answer_from_text, answer_to_text, validation_error
from .blanks import blank_count
from .chapter_tree import natural_key
from .models import OPTION_LABELS, Bank, Chapter, Question, QuestionStatus, QuestionType

# The same separators as the spreadsheet template, so a trainer types tags one way everywhere.
TAG_SPLIT = re.compile(r"\s*[,，、;；]\s*")


class ChapterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Chapter) -> str:
        # Chapter titles repeat across banks ("一、单项选择题"): name the bank too.
        return f"{obj.bank} · {obj.title}"


class QuestionFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False, help_text=_("题干或选项,繁体简体均可"))
    bank = forms.ModelChoiceField(
        label=_("题库"), queryset=Bank.objects.all(), required=False, empty_label=_("全部")
    )
    chapter = ChapterChoiceField(
        label=_("章节"),
        queryset=Chapter.objects.select_related("bank"),
        required=False,
        empty_label=_("全部"),
    )
    type = forms.ChoiceField(
        label=_("题型"), choices=[("", _("全部")), *QuestionType.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("状态"), choices=[("", _("全部")), *QuestionStatus.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bank = self.data.get("bank") if self.data else None
        if bank and str(bank).isdigit():
            # Chapters of the chosen bank only: titles repeat across banks.
            cast(forms.ModelChoiceField, self.fields["chapter"]).queryset = Chapter.objects.select_related(
                "bank"
            ).filter(bank_id=int(bank))

    def filters(self) -> dict[str, Any]:
        """The valid filters; a stale one (a chapter of another bank) is shown as an error and
        ignored rather than emptying the whole list."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class QuestionEditForm(forms.Form):
    chapter = forms.ModelChoiceField(
        label=_("章节"), queryset=Chapter.objects.none(), required=False, empty_label=_("无章节")
    )
    type = forms.ChoiceField(label=_("题型"), choices=QuestionType.choices)
    status = forms.ChoiceField(label=_("状态"), choices=QuestionStatus.choices)
    stem = forms.CharField(label=_("题干"), widget=forms.Textarea(attrs={"rows": 4}))
    material = forms.CharField(label=_("材料"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    options = forms.CharField(
        label=_("选项"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("每行一个选项,按 A、B、C… 的顺序;只有单选题和多选题有选项"),
    )
    answer = forms.CharField(
        label=_("答案"),
        required=False,
        help_text=_("单选 B;多选 ABD;判断 对/错;填空每空用分号隔开;简答填参考答案"),
    )
    explanation = forms.CharField(label=_("解析"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    difficulty = forms.IntegerField(label=_("难度"), min_value=1, max_value=5)
    tags = forms.CharField(label=_("标签"), required=False, help_text=_("用逗号或顿号隔开"))

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        if not kwargs.get("data") and not (args and args[0]):
            kwargs["initial"] = {
                "chapter": question.chapter_id,
                "type": question.type,
                "status": question.status,
                "stem": question.stem,
                "material": question.material,
                "options": "\n".join(o.text for o in question.options.all()),
                "answer": answer_to_text(question.type, question.answer),
                "explanation": question.explanation,
                "difficulty": question.difficulty,
                "tags": "、".join(t.name for t in question.tags.all()),
            }
        super().__init__(*args, **kwargs)
        # Same bank only: a question never moves between banks here.
        cast(forms.ModelChoiceField, self.fields["chapter"]).queryset = question.bank.chapters.all()

    def clean_options(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]
        if len(lines) > len(OPTION_LABELS):
            raise ValidationError(
                _("选项最多 %(max)d 个。"), code="too_many_options", params={"max": len(OPTION_LABELS)}
            )
        return lines

    def clean_tags(self) -> list[str]:
        tags = [tag for tag in TAG_SPLIT.split(self.cleaned_data["tags"]) if tag]
        return list(dict.fromkeys(tags))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        qtype = data.get("type")
        if qtype is None or "options" not in data:
            return data
        if qtype not in services.CHOICE_TYPES:
            # Switching a choice question to another type drops its options: they mean nothing there.
            data["options"] = []
        elif len(data["options"]) < 2:
            self.add_error("options", ValidationError(services.FEW_OPTIONS, code="few_options"))
            return data
        try:
            answer = services.answer_normalise(type=qtype, answer=answer_from_text(qtype, data["answer"]))
            services.answer_validate(type=qtype, answer=answer, option_count=len(data["options"]))
        except ValidationError as error:
            self.add_error("answer", error)
        else:
            data["answer"] = answer
        return data


class ChapterChoiceIterator(ModelChoiceIterator):
    """Chapters by bank, then in reading order (第一章 before 第二章)."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        chapters = sorted(self.queryset, key=lambda c: (c.bank.name, natural_key(c.title), c.order))
        for chapter in chapters:
            yield self.choice(chapter)


class MoveChapterField(forms.ModelChoiceField):
    iterator = ChapterChoiceIterator

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.bank.name} / {obj.title}"


class BulkStatusForm(forms.Form):
    """Several questions ticked on the list → retire them all or make them all active."""

    ACTIONS = {"activate": QuestionStatus.ACTIVE, "retire": QuestionStatus.RETIRED}

    ids = forms.ModelMultipleChoiceField(
        queryset=Question.objects.none(),
        error_messages={
            "required": _("请先勾选试题。"),
        },
    )
    action = forms.ChoiceField(
        choices=[("activate", _("启用")), ("retire", _("停用")), ("move", _("移到章节"))]
    )
    chapter = MoveChapterField(
        label=_("移到章节"),
        queryset=Chapter.objects.select_related("bank"),
        required=False,
        empty_label=_("选择章节"),
    )

    def __init__(self, *args: Any, questions: QuerySet[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only questions this user may manage are valid choices: anything else fails validation.
        cast(forms.ModelChoiceField, self.fields["ids"]).queryset = questions

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "move" and not data.get("chapter"):
            self.add_error("chapter", forms.ValidationError(_("请选择要移到的章节。"), code="required"))
        return data

    @property
    def moving(self) -> bool:
        return bool(self.cleaned_data["action"] == "move")

    @property
    def status(self) -> str:
        return self.ACTIONS[self.cleaned_data["action"]]


class KeyingFilterForm(forms.Form):
    """Which questions the keying page walks: a bank, and optionally one chapter and one type."""

    bank = forms.ModelChoiceField(label=_("题库"), queryset=Bank.objects.all())
    chapter = forms.ModelChoiceField(
        label=_("章节"), queryset=Chapter.objects.none(), required=False, empty_label=_("全部")
    )
    type = forms.ChoiceField(
        label=_("题型"), choices=[("", _("全部")), *QuestionType.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bank = self.data.get("bank") if self.data else None
        if bank and str(bank).isdigit():
            # The chosen bank's chapters only; before a bank is chosen there is nothing to pick.
            cast(forms.ModelChoiceField, self.fields["chapter"]).queryset = Chapter.objects.filter(
                bank_id=int(bank)
            )

    @property
    def type_label(self) -> str:
        return str(QuestionType(self.cleaned_data["type"]).label) if self.cleaned_data.get("type") else ""


class KeyForm(forms.Form):
    """The key of one question that waits for it, as the keying page sends it: ticked letters,
    true/false, one text per blank, or a reference text, all under the name "answer".

    The same rules as the edit form check it (answer_from_text, answer_normalise,
    answer_validate): a letter must be one of the question's options.
    """

    # Every value sent under the name (checkboxes, one input per blank); the page renders them.
    answer = forms.Field(widget=forms.MultipleHiddenInput, required=False)

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        self.blanks = blank_count(question.stem) if questiontypes.get(question.type).has_blanks else 0

    def clean_answer(self) -> Any:
        qtype = questiontypes.get(self.question.type)
        # Browsers send a textarea's new lines as CRLF; store them as the importer does.
        values = [str(value).replace("\r\n", "\n").strip() for value in self.cleaned_data["answer"] or []]
        try:
            answer = qtype.parse_values(values, blanks=self.blanks)
        except questiontypes.AnswerError as error:
            raise validation_error(error) from error
        if answer is None:
            raise ValidationError(_(qtype.key_missing), code="required")
        answer = services.answer_normalise(type=qtype.code, answer=answer)
        services.answer_validate(
            type=qtype.code, answer=answer, option_count=len(self.question.options.all())
        )
        return answer
