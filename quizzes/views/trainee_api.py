"""The exam page's JSON endpoints: autosave and leave-the-page events.

Answers are JSON, never HTML: a fetch that followed a redirect to the login page would look like
success, so anonymous users get a 403 JSON error instead of the usual redirect.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qbank.access import TAKE_EXAMS, allowed, signed_in

from .. import selectors, services
from ..models import Attempt, AttemptQuestion, IntegrityEvent

View = Callable[..., HttpResponse]


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message}, status=status)


def exam_json(view: View) -> View:
    """POST only, for those who take exams: the TAKE_EXAMS rule of qbank.access, answered in JSON
    instead of a redirect to the login page. The view gets the attempt's id and checks whose it is."""

    @require_POST
    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if not allowed(request.user, TAKE_EXAMS):
            return _error(403, _("登录已过期,请重新登录。"))
        return view(request, pk, *args, **kwargs)

    wrapper.access_capability = TAKE_EXAMS  # type: ignore[attr-defined]
    return wrapper


def owner_json(view: View) -> View:
    """exam_json, with the attempt loaded: its owner only; anyone else learns nothing about it."""

    @exam_json
    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        attempt = selectors.own_attempt(user=request.user, attempt_id=pk)
        if attempt is None:
            return _not_found()
        return view(request, attempt, *args, **kwargs)

    return wrapper


def _not_found() -> JsonResponse:
    return _error(404, _("找不到这次作答。"))


def _save_request(body: bytes) -> tuple[int, object, bool | None]:
    """position, response and flagged from {"position": 3, "response": "B", "flagged": false}."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        # RecursionError: "[[[[…" nested deeper than the parser's stack.
        raise ValidationError(_("请求格式不对。")) from exc
    if not isinstance(data, dict) or "response" not in data:
        raise ValidationError(_("请求格式不对。"))
    position, flagged = data.get("position"), data.get("flagged")
    # bool is an int in Python: true must not pass as question 1.
    if type(position) is not int or not (flagged is None or isinstance(flagged, bool)):
        raise ValidationError(_("请求格式不对。"))
    return position, data["response"], flagged


@exam_json
def save(request: HttpRequest, pk: int) -> HttpResponse:
    """The autosave: the ownership check rides on the service's one read (no attempt loaded here)."""
    try:
        position, response, flagged = _save_request(request.body)
        saved = services.answer_save_to(
            attempt_id=pk, position=position, response=response, flagged=flagged, user=signed_in(request)
        )
    except Attempt.DoesNotExist:
        return _not_found()
    except services.AttemptClosed as closed:
        return _error(409, str(closed))
    except ValidationError as invalid:
        return _error(400, invalid.messages[0])
    except AttemptQuestion.DoesNotExist:
        return _error(400, _("没有这道题。"))
    at = saved.saved_at.isoformat(timespec="milliseconds")
    return JsonResponse({"ok": True, "position": saved.position, "revision": saved.revision, "saved_at": at})


@owner_json
def event(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    """Form-encoded, not JSON: navigator.sendBeacon sends FormData with the CSRF token inside."""
    kind = request.POST.get("kind", "")
    try:
        away = int(request.POST.get("away_seconds") or 0)
    except ValueError:
        return _error(400, _("请求格式不对。"))
    if kind not in IntegrityEvent.Kind.values:
        return _error(400, _("请求格式不对。"))
    if services.integrity_event_record(attempt=attempt, kind=kind, away_seconds=away) is None:
        return _error(409, _("已经交卷。"))
    return JsonResponse({"ok": True})
