"""我的进度 (/practice/progress/): a trainee's own mastery per chapter, score history, practice
streak and the reviews due — theirs only, read through practice.progress_selectors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qbank.access import PRACTISE, access_required, signed_in
from qbank.script import converter

from . import clock, progress_selectors, selectors


@access_required(PRACTISE)
@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    now = clock.now()
    convert = converter()
    history = progress_selectors.history(user=user)
    zone = timezone.get_default_timezone()
    chart = {
        "labels": [timezone.localtime(point.at, zone).strftime("%m-%d %H:%M") for point in history],
        "series": [
            {
                "label": label,
                "kind": kind,
                "values": [float(p.percent) if p.kind == kind else None for p in history],
            }
            for kind, label in (("exam", _("考试得分率")), ("practice", _("练习正确率")))
        ],
    }
    context = {
        "mastery": [
            (row.chapter.bank.name, convert(row.chapter.title), row.share)
            for row in progress_selectors.mastery(user=user)
        ],
        "history": list(reversed(history)),  # the table: newest first
        "chart": chart,
        "streak": progress_selectors.streak(user=user, now=now),
        "due": progress_selectors.due_reviews(user=user, now=now),
        "due_count": selectors.due_count(user=user, now=now),
        "recent": progress_selectors.progress.RECENT,
    }
    return render(request, "practice/progress.html", context)
