"""How answers read to a person: shared by the result pages and the spreadsheet export."""

from __future__ import annotations

from django.utils.translation import gettext as _


def answer_text(qtype: str, value: object) -> str:
    """Letters as they are, 对/错 for true-false, blanks joined by " | ", text as typed."""
    if value is None or value == "" or value == []:
        return ""
    if qtype == "truefalse" and isinstance(value, bool):
        return _("对") if value else _("错")
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return str(value)
