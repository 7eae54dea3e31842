"""Forms of the bulk-import pages: the upload, a staged question's fix, the chapter mapping."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from importers.models import StagedQuestion
from importers.staging import CHAPTER_NEW, CHAPTER_NONE
from qbank.answers import answer_from_text, answer_to_text
from qbank.models import OPTION_LABELS, Bank, Chapter, Question
from qbank.services import CHOICE_TYPES, answer_normalise, answer_validate


class UploadForm(forms.Form):
    bank = forms.ModelChoiceField(Bank.objects.all(), label=_("导入到题库"), empty_label=None)


class StagedQuestionForm(forms.Form):
    """A reviewer's fix to one staged question; `answer` comes out in the shape the bank stores."""

    type = forms.ChoiceField(label=_("题型"), choices=Question.Type.choices)
    stem = forms.CharField(label=_("题干"), widget=forms.Textarea(attrs={"rows": 3}))
    options = forms.CharField(
        label=_("选项(每行一个)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    answer = forms.CharField(
        label=_("答案"),
        required=False,
        help_text=_("选择题填字母(如 ABD);判断题填 对 或 错;填空题每空一行或用分号隔开;留空表示无答案"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    explanation = forms.CharField(label=_("解析"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def for_staged(cls, staged: StagedQuestion, **kwargs: Any) -> StagedQuestionForm:
        data = staged.data
        initial = {
            "type": data.get("type"),
            "stem": data.get("stem", ""),
            "options": "\n".join(data.get("options", [])),
            "answer": answer_to_text(data.get("type", ""), data.get("answer")),
            "explanation": data.get("explanation", ""),
        }
        return cls(initial=initial, auto_id=f"q{staged.pk}_%s", **kwargs)

    def clean_options(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines()]
        options = [line for line in lines if line]
        if len(options) > len(OPTION_LABELS):
            raise ValidationError(
                _("选项最多 %(max)d 个。"), code="too_many", params={"max": len(OPTION_LABELS)}
            )
        return options

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        qtype, options = cleaned.get("type"), cleaned.get("options")
        if qtype is None or options is None:
            return cleaned
        if qtype in CHOICE_TYPES and len(options) < 2:
            self.add_error("options", ValidationError(_("选择题至少要有两个选项。"), code="few_options"))
            return cleaned
        try:
            answer = answer_normalise(type=qtype, answer=answer_from_text(qtype, cleaned.get("answer", "")))
            answer_validate(type=qtype, answer=answer, option_count=len(options))
        except ValidationError as exc:
            self.add_error("answer", exc)
            return cleaned
        cleaned["answer"] = answer
        if qtype not in CHOICE_TYPES:
            cleaned["options"] = []  # options of a judgement or fill question mean nothing
        return cleaned


class ChapterMapForm(forms.Form):
    """One select per chapter title found in the batch: a new chapter, an existing one, or none."""

    def __init__(
        self, *args: Any, titles: list[str], chapters: list[Chapter], current: dict[str, str], **kw: Any
    ):
        super().__init__(*args, **kw)
        self.titles = titles
        by_title = {c.title: str(c.pk) for c in chapters}
        existing = [(str(c.pk), c.title) for c in chapters]
        for index, title in enumerate(titles):
            new_label = _("新建章节「%(title)s」") % {"title": title} if title.strip() else _("不归入章节")
            choices = (
                [(CHAPTER_NEW, new_label), (CHAPTER_NONE, _("不归入章节"))]
                if title.strip()
                else [(CHAPTER_NONE, _("不归入章节"))]
            )
            default = (
                current.get(title) or by_title.get(title) or (CHAPTER_NEW if title.strip() else CHAPTER_NONE)
            )
            self.fields[f"chapter_{index}"] = forms.ChoiceField(
                label=title or _("(无章节标题)"),
                choices=[*choices, (_("已有章节"), existing)] if existing else choices,
                initial=default,
            )

    def mapping(self) -> dict[str, str]:
        return {title: self.cleaned_data[f"chapter_{i}"] for i, title in enumerate(self.titles)}
