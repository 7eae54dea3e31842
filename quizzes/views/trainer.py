"""What every trainer page shares: who may open it, and which paper is theirs.

The pages themselves live in trainer_papers.py, trainer_grading.py and trainer_results.py.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme

from qbank.access import MANAGE_PAPERS, access_required

from .. import selectors
from ..models import Paper

View = Callable[..., HttpResponse]


# Trainers and admins only, on every method: anonymous users log in, trainees get 403.
trainer_required = access_required(MANAGE_PAPERS)


def managed_paper(request: HttpRequest, pk: int) -> Paper:
    """The paper if this user manages it; another trainer's paper is simply not found."""
    paper = selectors.papers_managed_by(user=request.user).filter(pk=pk).first()
    if paper is None:
        raise Http404
    return paper


def safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    # A path only: redirect() would take "sNaN" for a view name and fail to reverse it.
    return target if allowed and target.startswith("/") else default
