"""The production path: the upload queues tasks in the database and `db_worker` runs them."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from importers.models import ImportBatch
from qbank.models import Bank, Question
from tests.importers_web.conftest import docx_paper, txt_paper, upload


@pytest.fixture
def _signals_restored() -> Iterator[None]:
    # db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back afterwards.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


# transaction=True: the worker closes and reopens connections, as it does in production.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_signals_restored")
def test_database_queue_and_worker(admin_client_: Client, bank: Bank, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    upload(admin_client_, bank.pk, {"a.docx": docx_paper("服务的第一步是什么?"), "b.txt": txt_paper("投诉?")})
    batch = ImportBatch.objects.get()
    assert set(batch.files.values_list("status", flat=True)) == {"queued"}  # nothing parsed in the request
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert set(batch.files.values_list("status", flat=True)) == {"parsed"}
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert not Question.objects.exists()
