"""Classes outside the Django admin: list and create, members by search, roster import with a
one-time export of initial passwords, and the password change every role can reach."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qbank.access import MANAGE_PEOPLE, OWN_ACCOUNT, access_required
from quizzes.export import attachment_header
from quizzes.models import Cohort

from . import selectors, services
from .export import passwords_workbook
from .forms import AddMembersForm, CohortForm, MemberSearchForm, RosterUploadForm
from .middleware import SESSION_KEY
from .roster import read_roster, template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The accounts of the last import waiting for their one-time password export: ids only (no
# secret is kept), dropped on export or after an hour.
PENDING_KEY = "people_roster_pending"
PENDING_SECONDS = 3600

people_manager_required = access_required(MANAGE_PEOPLE)


@people_manager_required
@require_http_methods(["GET", "POST"])
def cohort_list(request: HttpRequest) -> HttpResponse:
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(name=form.cleaned_data["name"])
        except (ValidationError, IntegrityError):
            form.add_error("name", _("已有同名班级。"))
        else:
            messages.success(request, _("班级“%(name)s”已创建。") % {"name": cohort.name})
            return redirect("people:cohort_detail", pk=cohort.pk)
    context = {"form": form, "cohorts": selectors.cohort_list()}
    return render(request, "people/cohort_list.html", context)


@people_manager_required
@require_GET
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, pk=pk)
    search = MemberSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    context = {
        "cohort": cohort,
        "members": selectors.cohort_members(cohort=cohort),
        "search": search,
        "query": query,
        "found": selectors.trainee_search(query=query, exclude_cohort=cohort),
    }
    return render(request, "people/cohort_detail.html", context)


@people_manager_required
@require_POST
def cohort_members_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, pk=pk)
    form = AddMembersForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请勾选要加入的学员(只能加入学员)。"))
    else:
        added = services.cohort_members_add(cohort=cohort, users=form.cleaned_data["users"])
        text = ngettext("已加入 %(n)d 名学员。", "已加入 %(n)d 名学员。", added) % {"n": added}
        messages.success(request, text)
    return redirect("people:cohort_detail", pk=cohort.pk)


@people_manager_required
@require_POST
def cohort_member_remove(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, pk=pk)
    user = get_object_or_404(cohort.members, pk=user_pk)
    services.cohort_member_remove(cohort=cohort, user=user)
    messages.success(request, _("已移出班级。"))
    return redirect("people:cohort_detail", pk=cohort.pk)


@people_manager_required
@require_GET
def roster_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = attachment_header("学员名单模板.xlsx", "roster-template.xlsx")
    return response


@people_manager_required
@require_http_methods(["GET", "POST"])
def roster_import(request: HttpRequest) -> HttpResponse:
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.roster_import(
                roster=read_roster(form.cleaned_data["file"]), default_cohort=form.cleaned_data["cohort"]
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            request.session[PENDING_KEY] = {"ids": result.awaiting_password, "at": time.time()}
            return render(request, "people/roster_done.html", {"result": result})
    return render(request, "people/roster_import.html", {"form": form, "errors": errors})


@people_manager_required
@require_POST
def roster_passwords(request: HttpRequest) -> HttpResponse:
    """The one time initial passwords are shown: set now, handed over in this file, kept nowhere."""
    pending = request.session.pop(PENDING_KEY, None)
    fresh = pending and time.time() - float(pending.get("at", 0)) < PENDING_SECONDS
    issued = services.passwords_issue(user_ids=pending["ids"]) if fresh else []
    if not issued:
        messages.error(request, _("初始密码只能导出一次,已经导出或已过期。需要时请重新导入名单。"))
        return redirect("people:roster_import")
    response = HttpResponse(passwords_workbook(issued), content_type=XLSX)
    response["Content-Disposition"] = attachment_header("初始密码.xlsx", "initial-passwords.xlsx")
    response["Cache-Control"] = "no-store"
    return response


@method_decorator(access_required(OWN_ACCOUNT), name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's own form; the first change after a roster import lifts the forced redirect."""

    template_name = "registration/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        services.password_changed(user=self.request.user)
        self.request.session.pop(SESSION_KEY, None)
        messages.success(self.request, _("密码已修改。"))
        return response
