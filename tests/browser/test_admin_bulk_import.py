"""An admin bulk-imports the sample papers in the browser: upload, progress, fix, publish, re-upload.

The parse tasks run inline (ImmediateBackend) in the live server's process; the database
queue and its worker are tested in tests/importers_web/test_import_worker.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from importers import staging
from importers.models import ImportBatch, StagedQuestion
from importers.pipeline.spreadsheet import EXAMPLES, write_rows
from qbank.models import Bank, Question
from tests.browser.conftest import SCREENSHOTS, log_in, screenshot
from tests.conftest import PASSWORD
from tests.importers_web.conftest import IMMEDIATE_TASKS, docx_paper

PAPERS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "papers").glob("*.txt"))


@pytest.fixture
def paper_files(tmp_path: Path) -> list[Path]:
    generated = tmp_path / "生成的试卷.docx"
    generated.write_bytes(docx_paper("浏览器导入的第一题?", "浏览器导入的第二题?"))
    spreadsheet = tmp_path / "培训师的题库.xlsx"
    spreadsheet.write_bytes(write_rows(EXAMPLES))
    return [*PAPERS, generated, spreadsheet]


def screenshot_top(page: Page, name: str) -> None:
    """The review page of 550 questions is too tall for one picture: its first screen only."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def upload(page: Page, base_url: str, bank: Bank, files: list[Path]) -> None:
    page.goto(f"{base_url}/imports/new/")
    page.select_option("select[name=bank]", str(bank.pk))
    page.set_input_files("input[name=files]", [str(f) for f in files])
    expect(page.locator("#file-list li")).to_have_count(len(files))


def test_admin_bulk_imports_papers(
    page: Page,
    phone_page: Page,
    live_server: Any,
    admin: Any,
    bank: Bank,
    settings: Any,
    paper_files: list[Path],
) -> None:
    settings.TASKS = IMMEDIATE_TASKS
    assert len(PAPERS) == 5
    log_in(page, live_server.url, "admin", PASSWORD)
    log_in(phone_page, live_server.url, "admin", PASSWORD)
    page.click("nav >> text=批量导入")
    page.click("#new-import")

    upload(page, live_server.url, bank, paper_files)
    screenshot(page, "import-upload-desktop")
    page.click("#upload-submit")
    page.wait_for_url("**/imports/*/")
    expect(page.locator("#progress-state")).to_have_text("解析完成。")
    expect(page.locator("#progress-done")).to_have_text("7")
    expect(page.locator("#progress-bar")).to_have_attribute("style", re.compile(r"width: 100%"))
    batch = ImportBatch.objects.get()
    assert set(batch.files.values_list("status", flat=True)) == {"parsed"}
    screenshot(page, "import-progress-desktop")

    # Fix one flagged question: a question without an answer gets one.
    page.click("#review-link")
    flagged = next(
        s
        for s in StagedQuestion.objects.filter(file__batch=batch, data__type="single", duplicate_of=None)
        if "no answer found" in s.warnings and s.duplicate_of_staged_id is None
    )
    page.goto(f"{live_server.url}/imports/{batch.pk}/review/?file={flagged.file_id}&flagged=1")
    card = page.locator(f"#q-{flagged.pk}")
    screenshot_top(page, "import-review-desktop")
    card.locator("summary").click()
    card.screenshot(path=str(SCREENSHOTS / "import-review-fix-desktop.png"))
    card.locator("textarea[name=answer]").fill("B")
    card.locator("form button[type=submit]", has_text="保存修改").click()
    page.wait_for_load_state()
    expect(page.locator(f"#q-{flagged.pk}")).to_contain_text("已修改")
    flagged.refresh_from_db()
    assert (flagged.edited, flagged.data["answer"], flagged.warnings) == (True, "B", [])

    for name, url in [
        ("upload", "/imports/new/"),
        ("progress", f"/imports/{batch.pk}/"),
        ("review", f"/imports/{batch.pk}/review/?file={flagged.file_id}"),
    ]:
        phone_page.goto(live_server.url + url)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390, name
        if name == "review":
            screenshot_top(phone_page, "import-review-phone")
            phone_page.locator(f"#q-{flagged.pk} summary").click()
            phone_page.locator(f"#q-{flagged.pk}").screenshot(
                path=str(SCREENSHOTS / "import-review-fix-phone.png")
            )
        else:
            screenshot(phone_page, f"import-{name}-phone")

    to_publish = (
        StagedQuestion.objects.filter(file__batch=batch, excluded=False, duplicate_of__isnull=True)
        .filter(duplicate_of_staged__isnull=True)
        .count()
    )
    # Publishing 500+ questions is one transaction: on a busy 2-core machine it outlasts the
    # default 10 s wait, which is a test's patience, not the user's.
    with page.expect_navigation(timeout=60_000):
        page.click("#publish", timeout=60_000)
    expect(page.locator("main")).to_contain_text("已发布")
    assert not Question.objects.exclude(bank=bank).exists()
    assert Question.objects.count() == to_publish > 500
    fixed = Question.objects.get(stem=flagged.data["stem"], source__filename=flagged.file.filename)
    assert fixed.answer == "B"
    assert Question.objects.filter(stem="浏览器导入的第一题?", status="active").exists()
    from_sheet = Question.objects.get(stem=EXAMPLES[0].stem, source__filename="培训师的题库.xlsx")
    assert (from_sheet.answer, from_sheet.chapter.title) == ("B", EXAMPLES[0].chapter)  # type: ignore[union-attr]

    # The same files again: every one is skipped, the bank is unchanged.
    upload(page, live_server.url, bank, paper_files)
    page.click("#upload-submit")
    page.wait_for_url("**/imports/*/")
    expect(page.locator("#progress-state")).to_have_text("解析完成。")
    expect(page.locator("#progress-files")).to_contain_text("已导入过")
    second = ImportBatch.objects.order_by("-pk").first()
    assert second is not None and set(second.files.values_list("status", flat=True)) == {"skipped"}
    assert Question.objects.count() == to_publish
    page.goto(f"{live_server.url}/imports/")
    expect(page.locator(f"#batch-{batch.pk}")).to_contain_text("已发布")
    screenshot(page, "import-history-desktop")
    phone_page.goto(f"{live_server.url}/imports/{second.pk}/")
    screenshot(phone_page, "import-progress-skipped-phone")


def test_files_dropped_on_the_drop_zone_join_the_selection(
    page: Page, live_server: Any, admin: Any, bank: Bank
) -> None:
    log_in(page, live_server.url, "admin", PASSWORD)
    page.goto(f"{live_server.url}/imports/new/")
    page.set_input_files("input[name=files]", [str(PAPERS[0])])
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.items.add(new File(["1.题目?"], "拖入的.txt", {type: "text/plain"}));
            data.items.add(new File(["PK"], "讲义.pptx", {type: "application/octet-stream"}));
            document.getElementById("dropzone").dispatchEvent(
                new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        }"""
    )
    items = page.locator("#file-list li")
    expect(items).to_have_count(3)
    expect(items.nth(1)).to_contain_text("拖入的.txt")
    expect(items.nth(2)).to_contain_text("不支持的文件类型")
    assert page.evaluate("document.querySelector('input[name=files]').files.length") == 3


def test_progress_page_follows_the_worker(
    page: Page, live_server: Any, admin: Any, bank: Bank, settings: Any, tmp_path: Path
) -> None:
    # The database queue with no worker running: the page shows the files waiting, then
    # follows along (polling) as the "worker" — this test — parses them one by one.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    good, empty = tmp_path / "好.txt", tmp_path / "坏.txt"
    good.write_bytes("1.客户投诉时首先应该?\nA.倾听\nB.争辩\n答案:A".encode("gb18030"))
    empty.write_bytes("一、单项选择题\n二、多项选择题".encode())
    log_in(page, live_server.url, "admin", PASSWORD)
    page.goto(f"{live_server.url}/imports/new/")
    page.set_input_files("input[name=files]", [str(good), str(empty)])
    page.click("#upload-submit")
    page.wait_for_url("**/imports/*/")
    expect(page.locator("#progress-done")).to_have_text("0")
    expect(page.locator("#review-link")).to_be_hidden()
    batch = ImportBatch.objects.get()
    first, second = batch.files.order_by("pk")
    staging.file_parse(file_id=first.pk)
    expect(page.locator("#progress-done")).to_have_text("1")
    expect(page.locator("#progress-found")).to_have_text("1")
    staging.file_parse(file_id=second.pk)
    expect(page.locator("#progress-state")).to_have_text("解析完成。")
    expect(page.locator(f"#progress-files tr[data-id='{second.pk}']")).to_contain_text(
        "no recognisable question"
    )
    expect(page.locator("#progress-failed")).to_have_text("1")
    expect(page.locator("#review-link")).to_be_visible()
