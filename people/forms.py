"""The class pages' forms: input checks only; people.services writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.models import Cohort

from .selectors import trainees

MAX_ROSTER_BYTES = 5 * 1024 * 1024


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name"]
        labels = {"name": _("班级名称")}


class MemberSearchForm(forms.Form):
    q = forms.CharField(label=_("搜索学员"), required=False, max_length=100)


class AddMembersForm(forms.Form):
    """Ticked search results; only trainees are valid choices."""

    users = forms.ModelMultipleChoiceField(
        queryset=trainees(), error_messages={"required": _("请先勾选学员。")}
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = trainees()  # type: ignore[attr-defined]


class RosterUploadForm(forms.Form):
    file = forms.FileField(label=_("名单文件(.xlsx)"))
    cohort = forms.ModelChoiceField(
        label=_("“班级”一栏为空的学员加入"),
        queryset=Cohort.objects.order_by("name"),
        required=False,
        empty_label=_("不加入班级"),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("请上传 .xlsx 文件。"), code="type")
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(_("文件超过 5 MB。"), code="size")
        data: bytes = upload.read()
        return data
