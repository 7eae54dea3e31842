"""Bulk import in the browser: upload → progress → review → publish, and the import history.

Views stay thin: checks on the upload live in importers.uploads, writes in importers.staging,
reads in importers.selectors. Every view requires the importers.add_importbatch permission.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from importers import selectors, staging
from importers.coverage_text import coverage_summary
from importers.forms import ChapterMapForm, StagedQuestionForm, UploadForm
from importers.models import ImportBatch, ImportFile, StagedQuestion
from importers.uploads import ACCEPTED_EXTENSIONS, Limits, check_uploads
from qbank.access import DISCARD_IMPORT, IMPORT, access_required, signed_in
from qbank.answers import answer_display
from qbank.images import picture_response
from qbank.models import OPTION_LABELS, Chapter, Question
from qbank.review import warning_label
from qbank.services import CHOICE_TYPES

TYPE_LABELS = dict(Question.Type.choices)


# Anonymous users go to the login page; signed-in users without the permission get 403.
importer_required = access_required(IMPORT)


def upload_limits() -> Limits:
    return Limits(
        max_files=settings.IMPORT_MAX_FILES,
        max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
        max_total_bytes=settings.IMPORT_MAX_UPLOAD_BYTES,
    )


@importer_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    return render(request, "importers/history.html", {"batches": selectors.batch_list()})


@importer_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None)
    refused: list[str] = []
    if request.method == "POST" and form.is_valid():
        uploads = request.FILES.getlist("files")
        checked = check_uploads(((f.name or "", f.read()) for f in uploads), upload_limits())
        refused = checked.refused
        if checked.accepted:
            batch = staging.batch_create(
                bank=form.cleaned_data["bank"],
                user=signed_in(request),
                files=checked.accepted,
                refused=refused,
            )
            staging.batch_enqueue(batch=batch)
            return redirect("importers:progress", pk=batch.pk)
        if not uploads:
            form.add_error(None, _("请选择要上传的文件。"))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "refused": refused, "limits": upload_limits(), "extensions": ACCEPTED_EXTENSIONS}
    return render(request, "importers/upload.html", context, status=status)


@importer_required
@require_GET
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.select_related("bank"), pk=pk)
    staging.recover_stale_files(batch=batch)
    context = {"batch": batch, "progress": selectors.batch_progress(batch=batch)}
    return render(request, "importers/progress.html", context)


@importer_required
@require_GET
def progress_json(request: HttpRequest, pk: int) -> JsonResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    # Whoever watches the batch also notices a worker that died mid-parse (cron does it too).
    staging.recover_stale_files(batch=batch)
    return JsonResponse(selectors.batch_progress(batch=batch).as_json())


@importer_required
@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.select_related("bank"), pk=pk)
    files = selectors.batch_files(batch=batch)
    parsed = [f for f in files if f.status == ImportFile.Status.PARSED]
    selected = _selected_file(request, parsed)
    staged = selectors.staged_for_file(import_file=selected) if selected else []
    flagged_only = request.GET.get("flagged") == "1"
    if flagged_only:
        staged = [s for s in staged if s.warnings or s.is_duplicate]
    chapters = list(Chapter.objects.filter(bank=batch.bank))
    titles = [title for title, _n in selectors.chapter_titles(batch=batch) if title.strip()]
    editable = batch.status == ImportBatch.Status.OPEN
    context = {
        "batch": batch,
        "files": [(f, *selectors.file_note(f)) for f in files],
        # Files whose parse likely collapsed, named first so nobody publishes them unseen.
        "attention": [
            (f, coverage_summary(f.coverage)) for f in parsed if f.coverage.get("verdict") == "poor"
        ],
        "selected": selected,
        "flagged_only": flagged_only,
        "items": [_item(s, editable) for s in staged],
        "counts": selectors.staged_counts(batch=batch),
        "chapter_form": ChapterMapForm(titles=titles, chapters=chapters, current=batch.chapter_map),
        "ready": all(f.is_done for f in files),
        "failed_count": {"failed": sum(1 for f in files if f.status == ImportFile.Status.FAILED)},
        "editable": editable,
    }
    return render(request, "importers/review.html", context)


def _selected_file(request: HttpRequest, parsed: list[ImportFile]) -> ImportFile | None:
    wanted = request.GET.get("file", "")
    for f in parsed:
        if str(f.pk) == wanted:
            return f
    return parsed[0] if parsed else None


@dataclass
class StagedItem:
    """One staged question as the review page shows it: as a trainee would see it, plus the fix form."""

    staged: StagedQuestion
    form: StagedQuestionForm | None
    warnings: list[str]
    options: list[tuple[str, str, bool]]  # label, text, is part of the key
    answer: str
    type_label: str

    @property
    def section(self) -> str:
        return self.staged.section


def _item(staged: StagedQuestion, editable: bool) -> StagedItem:
    data = staged.data
    answer = data.get("answer")
    key = answer if isinstance(answer, str) and data.get("type") in CHOICE_TYPES else ""
    return StagedItem(
        staged=staged,
        form=StagedQuestionForm.for_staged(staged) if editable else None,
        warnings=[warning_label(w) for w in staged.warnings],
        options=[
            (label, text, label in key)
            for label, text in zip(OPTION_LABELS, data.get("options", []), strict=False)
        ],
        answer=answer_display(str(data.get("type", "")), answer),
        type_label=str(TYPE_LABELS.get(data.get("type"), data.get("type", ""))),
    )


def _back_to(staged: StagedQuestion) -> str:
    url = reverse("importers:review", args=[staged.file.batch_id])
    return f"{url}?file={staged.file_id}#q-{staged.pk}"


def _staged(pk: int) -> StagedQuestion:
    return get_object_or_404(StagedQuestion.objects.select_related("file__batch__bank"), pk=pk)


@importer_required
@require_http_methods(["GET", "POST"])
def staged_edit(request: HttpRequest, pk: int) -> HttpResponse:
    staged = _staged(pk)
    form = StagedQuestionForm.for_staged(staged, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            staging.staged_update(staged=staged, **form.cleaned_data)
        except staging.BatchPublished:
            messages.error(request, _("该批次已发布,不能再修改。"))
        return redirect(_back_to(staged))
    status = 400 if request.method == "POST" else 200
    context = {"staged": staged, "form": form, "back": _back_to(staged)}
    return render(request, "importers/staged_edit.html", context, status=status)


@importer_required
@require_POST
def staged_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    staged = _staged(pk)
    try:
        staging.staged_set_excluded(staged=staged, excluded=not staged.excluded)
    except staging.BatchPublished:
        messages.error(request, _("该批次已发布,不能再修改。"))
    return redirect(_back_to(staged))


@importer_required
@require_POST
def chapters(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.select_related("bank"), pk=pk)
    titles = [title for title, _n in selectors.chapter_titles(batch=batch) if title.strip()]
    form = ChapterMapForm(
        request.POST, titles=titles, chapters=list(Chapter.objects.filter(bank=batch.bank)), current={}
    )
    if form.is_valid():
        try:
            staging.batch_set_chapter_map(batch=batch, mapping=form.mapping())
            messages.success(request, _("章节对应已保存。"))
        except staging.BatchPublished:
            messages.error(request, _("该批次已发布,不能再修改。"))
        except ValidationError:
            messages.error(request, _("章节选择无效,请重试。"))
    else:
        messages.error(request, _("章节选择无效,请重试。"))
    return redirect(reverse("importers:review", args=[batch.pk]) + "#chapters")


@importer_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue the publish for the worker; its progress page follows it."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    try:
        staging.batch_publish_request(batch=batch, user=signed_in(request))
    except staging.BatchNotReady:
        messages.error(request, _("还有文件在解析中,请等解析完成后再发布。"))
        return redirect("importers:review", pk=batch.pk)
    except staging.PublishRefused:
        messages.info(request, _("该批次已经发布过或正在发布,未重复发布。"))
    return redirect("importers:progress", pk=batch.pk)


@importer_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    try:
        count = staging.batch_retry_failed(batch=batch)
    except staging.BatchPublished:
        messages.error(request, _("该批次已发布,不能再修改。"))
    else:
        messages.success(request, _("已重新排队 %(n)d 个失败的文件。") % {"n": count})
    return redirect("importers:progress", pk=batch.pk)


@access_required(DISCARD_IMPORT)
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    try:
        staging.batch_discard(batch=batch)
    except staging.BatchPublished:
        messages.error(request, _("该批次已发布,不能放弃。"))
        return redirect("importers:review", pk=batch.pk)
    messages.success(request, _("导入批次 #%(pk)d 已放弃,上传的文件已删除。") % {"pk": pk})
    return redirect("importers:history")


@importer_required
@require_GET
def staged_image(request: HttpRequest, pk: int, index: int) -> FileResponse:
    staged = _staged(pk)
    images = staged.data.get("images", [])
    if not 0 <= index < len(images):
        raise Http404
    image = images[index]
    return picture_response(default_storage.open(image["path"], "rb"), filename=image.get("name") or "image")
