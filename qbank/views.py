from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import roles
from .selectors import bank_stats


@login_required
def home(request: HttpRequest) -> HttpResponse:
    role = roles.user_role(request.user)
    can_manage = roles.can_manage_bank(request.user)
    context: dict[str, object] = {
        "role": role,
        "role_label": roles.ROLE_LABELS.get(role or "", ""),
        "can_manage": can_manage,
    }
    if can_manage:
        # Only trainers and admins see what the bank holds; trainees never get the counts.
        context["bank_stats"] = bank_stats()
    return render(request, "qbank/home.html", context)
