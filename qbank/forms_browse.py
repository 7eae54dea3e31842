"""Forms of the trainers' question pages: filters for the list, and the edit form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from importers.pipeline.spreadsheet import RowError, answer_cell, parse_answer

from .models import Bank, Chapter, Question, QuestionStatus, QuestionType

TAG_SPLIT = re.compile(r"\s*[,，、;；]\s*")


class QuestionFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False, help_text=_("题干或选项,繁体简体均可"))
    bank = forms.ModelChoiceField(label=_("题库"), queryset=Bank.objects.all(), required=False)
    chapter = forms.ModelChoiceField(
        label=_("章节"), queryset=Chapter.objects.select_related("bank"), required=False
    )
    type = forms.ChoiceField(label=_("题型"), choices=[("", "—"), *QuestionType.choices], required=False)
    status = forms.ChoiceField(label=_("状态"), choices=[("", "—"), *QuestionStatus.choices], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bank = self.data.get("bank") if self.data else None
        if bank and str(bank).isdigit():
            # Chapters of the chosen bank only: titles repeat across banks.
            self.fields["chapter"].queryset = Chapter.objects.filter(bank_id=int(bank))


class QuestionEditForm(forms.Form):
    chapter = forms.ModelChoiceField(label=_("章节"), queryset=Chapter.objects.none(), required=False)
    type = forms.ChoiceField(label=_("题型"), choices=QuestionType.choices)
    status = forms.ChoiceField(label=_("状态"), choices=QuestionStatus.choices)
    stem = forms.CharField(label=_("题干"), widget=forms.Textarea(attrs={"rows": 3}))
    material = forms.CharField(label=_("材料"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    options = forms.CharField(
        label=_("选项"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("每行一个选项,按 A、B、C… 的顺序"),
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
        if not kwargs.get("data"):
            kwargs["initial"] = {
                "chapter": question.chapter_id,
                "type": question.type,
                "status": question.status,
                "stem": question.stem,
                "material": question.material,
                "options": "\n".join(o.text for o in question.options.all()),
                "answer": answer_cell(question.type, question.answer),
                "explanation": question.explanation,
                "difficulty": question.difficulty,
                "tags": "、".join(t.name for t in question.tags.all()),
            }
        super().__init__(*args, **kwargs)
        self.fields["chapter"].queryset = question.bank.chapters.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        qtype = data.get("type", "")
        lines = [line.strip() for line in data.get("options", "").splitlines() if line.strip()]
        data["options"] = lines if qtype in ("single", "multiple") else []
        data["tags"] = [t for t in TAG_SPLIT.split(data.get("tags", "")) if t]
        try:
            data["answer"] = parse_answer(qtype, data.get("answer", "").strip(), len(data["options"]))
        except RowError as error:
            self.add_error("answer", str(error))
        return data
