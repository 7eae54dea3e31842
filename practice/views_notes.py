"""A trainee's private notes on questions: saved by a plain form post (redirect back) or, with
script on, by static/js/notes.js asking for JSON. Only the author ever reads a note."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qbank.access import PRACTISE, access_required, signed_in
from qbank.models import Question

from . import selectors, services


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target.startswith("/") else "/practice/notes/"


@access_required(PRACTISE)
@require_POST
def note_save(request: HttpRequest, question_pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=question_pk)
    try:
        note = services.note_save(
            user=signed_in(request), question=question, text=request.POST.get("text", "")
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as invalid:
        if _wants_json(request):
            return JsonResponse({"saved": False, "message": invalid.messages[0]}, status=400)
        messages.error(request, invalid.messages[0])
        return redirect(_back(request))
    said = _("笔记已保存。") if note else _("笔记已删除。")
    if _wants_json(request):
        return JsonResponse({"saved": True, "message": said, "text": note.text if note else ""})
    messages.success(request, said)
    return redirect(_back(request))


@access_required(PRACTISE)
@require_GET
def notes(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.own_notes(user=signed_in(request)))
    return render(request, "practice/notes.html", {"rows": rows})
