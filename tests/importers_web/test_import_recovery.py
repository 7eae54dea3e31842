"""A worker killed mid-parse leaves its file "parsing": the claim goes stale and is recovered
(re-queued, a few times), then the file fails clearly; admins retry failed files or discard the
whole batch, after which the same file uploads again."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from importers import staging
from importers.models import ImportBatch, ImportFile
from qbank.models import Bank
from tests.conftest import client_for
from tests.importers_web.conftest import txt_paper, upload

pytestmark = pytest.mark.django_db
# Tasks are queued and files deleted on commit; the test's transaction never commits.
Commits = Any
PAPER = txt_paper("客户投诉时第一步做什么?")


@pytest.fixture
def stuck(admin_client_: Client, bank: Bank, settings: Any) -> ImportFile:
    """A file whose worker died after claiming it: "parsing", claimed an hour ago."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    upload(admin_client_, bank.pk, {"a.txt": PAPER})
    import_file = ImportFile.objects.get()
    ImportFile.objects.filter(pk=import_file.pk).update(
        status=ImportFile.Status.PARSING, started=timezone.now() - timedelta(hours=1), parse_attempts=1
    )
    return ImportFile.objects.get()


def inline_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_a_stale_claim_is_queued_again_and_parsed(
    stuck: ImportFile, settings: Any, django_capture_on_commit_callbacks: Commits
) -> None:
    inline_tasks(settings)
    with django_capture_on_commit_callbacks(execute=True):
        assert staging.recover_stale_files() == 1
    stuck.refresh_from_db()
    assert stuck.status == ImportFile.Status.PARSED and stuck.parse_attempts == 2


def test_a_fresh_claim_is_left_alone(stuck: ImportFile, settings: Any) -> None:
    ImportFile.objects.filter(pk=stuck.pk).update(started=timezone.now())
    assert staging.recover_stale_files() == 0
    assert ImportFile.objects.get(pk=stuck.pk).status == ImportFile.Status.PARSING


def test_after_the_last_try_the_file_fails_clearly_and_the_batch_can_publish(
    stuck: ImportFile, admin_client_: Client, settings: Any
) -> None:
    ImportFile.objects.filter(pk=stuck.pk).update(parse_attempts=settings.IMPORT_PARSE_MAX_ATTEMPTS)
    staging.recover_stale_files()
    stuck.refresh_from_db()
    assert stuck.status == ImportFile.Status.FAILED
    assert stuck.error == "解析多次中断(可能是后台进程被终止),已停止重试。可以重试或放弃这个批次。"
    inline_tasks(settings)  # the publish task runs in the request here
    response = admin_client_.post(reverse("importers:publish", args=[stuck.batch_id]))
    assert response.status_code == 302
    assert ImportBatch.objects.get().status == ImportBatch.Status.PUBLISHED


def test_the_progress_page_recovers_its_own_batch(stuck: ImportFile, admin_client_: Client) -> None:
    data = admin_client_.get(reverse("importers:progress_json", args=[stuck.batch_id])).json()
    assert data["files"][0]["status"] == "queued"


def test_the_worker_command_recovers_every_batch(stuck: ImportFile) -> None:
    call_command("recover_imports", verbosity=0)
    assert ImportFile.objects.get().status == ImportFile.Status.QUEUED


def test_retry_queues_failed_files_again(
    stuck: ImportFile, admin_client_: Client, settings: Any, django_capture_on_commit_callbacks: Commits
) -> None:
    ImportFile.objects.filter(pk=stuck.pk).update(status=ImportFile.Status.FAILED, error="interrupted")
    inline_tasks(settings)
    page = admin_client_.get(reverse("importers:progress", args=[stuck.batch_id])).content.decode()
    assert 'id="retry-failed"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(reverse("importers:retry", args=[stuck.batch_id]))
    assert response.status_code == 302
    stuck.refresh_from_db()
    assert stuck.status == ImportFile.Status.PARSED and stuck.error == ""


def test_discard_removes_the_batch_and_the_same_file_uploads_again(
    stuck: ImportFile,
    admin_client_: Client,
    bank: Bank,
    settings: Any,
    django_capture_on_commit_callbacks: Commits,
) -> None:
    stored = stuck.upload.name
    for page in ("importers:progress", "importers:review"):
        html = admin_client_.get(reverse(page, args=[stuck.batch_id])).content.decode()
        assert 'id="discard-batch"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(reverse("importers:discard", args=[stuck.batch_id]))
    assert response.status_code == 302 and response["Location"] == reverse("importers:history")
    assert not ImportBatch.objects.exists() and not default_storage.exists(stored)
    inline_tasks(settings)
    upload(admin_client_, bank.pk, {"a.txt": PAPER})
    assert ImportFile.objects.get().status == ImportFile.Status.PARSED  # not "skipped: seen before"


def test_a_published_batch_cannot_be_discarded(stuck: ImportFile, admin_client_: Client) -> None:
    ImportBatch.objects.update(status=ImportBatch.Status.PUBLISHED)
    html = admin_client_.get(reverse("importers:review", args=[stuck.batch_id])).content.decode()
    assert 'id="discard-batch"' not in html
    admin_client_.post(reverse("importers:discard", args=[stuck.batch_id]))
    assert ImportBatch.objects.exists()


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 302), ("trainee", 403), ("trainer", 403)])
def test_only_admins_discard(stuck: ImportFile, trainer: Any, trainee: Any, who: str, expected: int) -> None:
    user = {"anonymous": None, "trainee": trainee, "trainer": trainer}[who]
    response = client_for(user).post(reverse("importers:discard", args=[stuck.batch_id]))
    assert response.status_code == expected and ImportBatch.objects.exists()


def test_discard_is_post_only(stuck: ImportFile, admin_client_: Client) -> None:
    assert admin_client_.get(reverse("importers:discard", args=[stuck.batch_id])).status_code == 405
