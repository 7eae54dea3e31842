"""Progress of a big file while the worker parses it (importers.staging, importers.selectors):
the staged questions are written and counted one batch at a time, so the progress page moves
before the file is done, and a parse that fails part-way leaves nothing staged."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from importers import selectors, staging
from importers.models import ImportBatch, ImportFile, StagedQuestion
from qbank.models import Bank
from tests.importers_web.conftest import txt_paper, upload

pytestmark = pytest.mark.django_db
# Five questions, the fourth a copy of the first: it lands in another batch of two.
PAPER = txt_paper("倾听?", "道歉?", "记录?", "倾听?", "跟进?")


def test_staging_reports_progress_after_each_batch(
    admin_client_: Client, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staging, "STAGE_BATCH", 2)
    seen: list[tuple[int, int, int, int]] = []
    original = staging._progress_reporter

    def spying(import_file: ImportFile) -> Any:
        report = original(import_file)

        def recorded(share: float, found: int | None = None) -> None:
            report(share, found)
            if found is not None:  # what the progress page would read now
                row = ImportFile.objects.get(pk=import_file.pk)
                progress = selectors.batch_progress(batch=import_file.batch)
                staged = StagedQuestion.objects.filter(file=import_file).count()
                seen.append((row.found, staged, row.progress, progress.percent))

        return recorded

    monkeypatch.setattr(staging, "_progress_reporter", spying)
    upload(admin_client_, bank.pk, {"a.txt": PAPER})

    assert [(found, staged) for found, staged, _p, _pc in seen] == [(2, 2), (4, 4), (5, 5)]
    percents = [percent for *_rest, percent in seen]
    assert percents == sorted(percents) and 50 <= percents[0] < percents[-1] < 100
    import_file = ImportFile.objects.get()
    assert import_file.status == ImportFile.Status.PARSED and import_file.found == 5
    assert import_file.duplicates == 1
    copy = StagedQuestion.objects.get(file=import_file, seq=4)
    assert copy.duplicate_of_staged == StagedQuestion.objects.get(file=import_file, seq=1)
    assert selectors.batch_progress(batch=import_file.batch).percent == 100


def test_a_file_being_parsed_counts_by_its_own_progress(bank: Bank) -> None:
    batch = ImportBatch.objects.create(bank=bank)
    for status, progress in [(ImportFile.Status.PARSED, 0), (ImportFile.Status.PARSING, 50)]:
        ImportFile.objects.create(
            batch=batch, filename=status, sha256=status, size=1, status=status, progress=progress
        )
    progress = selectors.batch_progress(batch=batch)
    assert (progress.done, progress.percent) == (1, 75)
    assert [f["progress"] for f in progress.files] == [100, 50]


def test_a_failure_part_way_leaves_nothing_staged(
    admin_client_: Client, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staging, "STAGE_BATCH", 2)
    original = staging._as_data

    def failing(import_file: ImportFile, seq: int, *args: Any) -> Any:
        if seq == 3:  # in the second batch: the first is committed already
            raise OSError("disk full")
        return original(import_file, seq, *args)

    monkeypatch.setattr(staging, "_as_data", failing)
    upload(admin_client_, bank.pk, {"a.txt": PAPER})

    import_file = ImportFile.objects.get()
    assert import_file.status == ImportFile.Status.FAILED and "disk full" in import_file.error
    assert not StagedQuestion.objects.exists() and import_file.found == 0


def test_a_claim_after_a_dead_worker_starts_from_scratch(
    admin_client_: Client, bank: Bank, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    upload(admin_client_, bank.pk, {"a.txt": PAPER})
    import_file = ImportFile.objects.get()
    # What a worker killed after its first committed batch leaves behind.
    StagedQuestion.objects.create(file=import_file, seq=1, data={"stem": "倾听?"}, fingerprint="x")

    staging.file_parse(file_id=import_file.pk)

    import_file.refresh_from_db()
    assert import_file.status == ImportFile.Status.PARSED
    assert list(StagedQuestion.objects.filter(file=import_file).values_list("seq", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
    ]
