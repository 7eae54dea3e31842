"""The words of the note form (templates/practice/_note.html), translated once per page: the
result page repeats the form for each of its 100 questions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _


def words() -> dict[str, str]:
    """The words in the current language (quizzes.views.trainee_render writes the form too)."""
    return {
        "title": _("我的笔记"),
        "write": _("写笔记"),
        "saved": _("笔记已保存。"),
        "deleted": _("笔记已删除。"),
        "failed": _("笔记没有保存,请重试。"),
        "label": _("笔记(只有你自己能看到)"),
        "save": _("保存笔记"),
    }


def note_words(request: HttpRequest) -> dict[str, Any]:
    """Context processor: made on first use in a page, in that request's language."""
    return {"note_words": SimpleLazyObject(words)}
