"""Publishing runs in the worker, not in the web request: the request claims the batch and
queues the task; the progress page follows the publish (a percentage and the questions
written so far) and then says what it stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from importers import publish_progress, staging
from importers.models import ImportBatch, StagedQuestion
from qbank.models import Bank, Question
from tests.importers_web.conftest import txt_paper, upload

pytestmark = pytest.mark.django_db

STEMS = [f"第{i}题:客户投诉时应该怎样处理?" for i in range(1, 8)]
QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def batch(admin_client_: Client, bank: Bank) -> ImportBatch:
    upload(admin_client_, bank.pk, {"a.txt": txt_paper(*STEMS)})
    batch = ImportBatch.objects.get()
    assert StagedQuestion.objects.count() == len(STEMS)
    return batch


def test_the_request_only_queues_the_publish(
    admin_client_: Client, batch: ImportBatch, settings: Any
) -> None:
    from django_tasks import default_task_backend

    settings.TASKS = QUEUED
    response = admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "importers:progress", args=[batch.pk]
    )
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PUBLISHING and batch.published_by is not None
    assert not Question.objects.exists()  # nothing stored in the request
    assert len(default_task_backend.results) == 1  # type: ignore[attr-defined]

    publish_progress.write(batch.pk, percent=42, stored=3)  # as the worker reports mid-publish
    data = admin_client_.get(reverse("importers:progress_json", args=[batch.pk])).json()
    assert data["watching"] and data["publish"]["status"] == "publishing"
    assert (data["publish"]["percent"], data["publish"]["stored"]) == (42, 3)
    assert "42%" in data["publish"]["message"]

    # While the worker publishes: a second publish is refused, and so are edits.
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    assert len(default_task_backend.results) == 1  # type: ignore[attr-defined]
    first = StagedQuestion.objects.order_by("seq").first()
    assert first is not None
    admin_client_.post(reverse("importers:staged_toggle", args=[first.pk]))
    first.refresh_from_db()
    assert not first.excluded

    staging.batch_publish_run(batch_id=batch.pk)  # what the worker does
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PUBLISHED and Question.objects.count() == len(STEMS)
    assert batch.publish_summary["created"] == len(STEMS)
    data = admin_client_.get(reverse("importers:progress_json", args=[batch.pk])).json()
    assert not data["watching"] and data["publish"]["percent"] == 100
    assert f"新增 {len(STEMS)} 道试题" in data["publish"]["message"]
    assert publish_progress.read(batch.pk)["percent"] == 0  # the progress file is gone


def test_progress_moves_chunk_by_chunk(batch: ImportBatch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "PUBLISH_CHUNK", 2)
    seen: list[tuple[int, int]] = []
    staging.batch_publish(
        batch_id=batch.pk, user=None, progress=lambda percent, stored: seen.append((percent, stored))
    )
    assert [stored for _percent, stored in seen] == [2, 4, 6, 7]
    percents = [percent for percent, _stored in seen]
    assert percents == sorted(percents) and percents[-1] == 99  # 100 only once committed
    assert Question.objects.count() == len(STEMS)


def test_a_publish_whose_worker_died_can_be_asked_for_again(
    admin_client_: Client, batch: ImportBatch, settings: Any
) -> None:
    settings.TASKS = QUEUED
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    long_ago = timezone.now() - timedelta(seconds=settings.IMPORT_PUBLISH_TIMEOUT_SECONDS + 60)
    ImportBatch.objects.filter(pk=batch.pk).update(publish_started=long_ago)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PUBLISHED and Question.objects.count() == len(STEMS)
