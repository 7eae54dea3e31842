"""A trainer imports a class from an Excel roster, exports the initial passwords once, and
builds a paper with the chapter tree picker — at phone and desktop widths."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes.models import Cohort, Paper
from tests.browser.conftest import DESKTOP, PHONE, close_page, log_in, open_page, screenshot
from tests.chapters import chapter_with_singles
from tests.conftest import PASSWORD
from tests.people.roster_files import roster_xlsx


@pytest.fixture
def chaptered_bank(bank: Bank) -> Bank:
    # Created in paper order: 第二章 and its sections, then 第一章, then 第十章.
    for title, singles in (
        ("第二章 投诉处理", 3),
        ("第一节 倾听", 2),
        ("第二节 回访", 2),
        ("第一章 服务礼仪", 3),
        ("第十章 总结", 1),
    ):
        chapter = chapter_with_singles(bank=bank, title=title, count=singles)
        qbank_services.question_create(
            bank=bank,
            chapter=chapter,
            status=Question.Status.ACTIVE,
            type="truefalse",
            stem=f"{title} 判断?",
            answer=True,
        )
    return bank


@pytest.fixture(params=[("desktop", DESKTOP), ("phone", PHONE)], ids=["desktop", "phone"])
def sized_page(request: Any, browser: Browser, live_server: Any) -> Iterator[tuple[str, Page]]:
    name, viewport = request.param
    page = open_page(browser, viewport)
    yield name, page
    close_page(page)


def test_trainer_imports_a_class_and_builds_a_paper_with_the_tree(
    sized_page: tuple[str, Page], live_server: Any, trainer: Any, chaptered_bank: Bank, tmp_path: Path
) -> None:
    size, page = sized_page
    log_in(page, live_server.url, "trainer", PASSWORD)
    # The trainer lands on their papers, with the grading queue count in reach.
    assert page.url.endswith("/quizzes/manage/")
    expect(page.locator("#nav-classes")).to_be_visible()

    # A roster with a bad row first: nothing is imported and the row is named.
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        roster_xlsx([["A001", "王小明", "客服一部", "13800138000", "新员工一班"], ["A002", "", "", "", ""]])
    )
    page.click("#nav-classes")
    page.click("#roster-import-link")
    page.set_input_files("input[name=file]", str(bad))
    page.click("#roster-form button[type=submit]")
    expect(page.locator("#roster-errors")).to_contain_text("第 3 行:缺少姓名")
    assert not Cohort.objects.exists()
    screenshot(page, f"roster-errors-{size}")

    good = tmp_path / "good.xlsx"
    good.write_bytes(
        roster_xlsx(
            [
                ["A001", "王小明", "客服一部", "13800138000", "新员工一班"],
                ["A002", "欧阳娜娜", "客服二部", "", "新员工一班"],
            ]
        )
    )
    page.set_input_files("input[name=file]", str(good))
    page.click("#roster-form button[type=submit]")
    expect(page.locator("#roster-summary")).to_contain_text("新建 2 个学员账号")
    screenshot(page, f"roster-done-{size}")
    with page.expect_download() as download_info:
        page.click("#export-passwords")
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[:2] for r in rows[1:3]] == [("A001", "王小明"), ("A002", "欧阳娜娜")]

    cohort = Cohort.objects.get(name="新员工一班")
    page.goto(f"{live_server.url}/people/classes/{cohort.pk}/")
    expect(page.locator("table.members")).to_contain_text("欧阳娜娜")
    screenshot(page, f"class-detail-{size}")

    # The paper: chapters chosen once in the tree, the rule left to use them.
    page.goto(f"{live_server.url}/quizzes/manage/papers/new/")
    page.fill("input[name=title]", "投诉处理测验")
    page.select_option("select[name=bank]", str(chaptered_bank.pk))
    picker = page.locator("#chapter-picker")
    titles = picker.locator(".chapter-title").all_inner_texts()
    assert titles == ["第一章 服务礼仪", "第二章 投诉处理", "第一节 倾听", "第二节 回访", "第十章 总结"]
    picker.locator("#chapter-search").fill("倾听")
    expect(picker.locator("[data-chapter-node]", has_text="第一章 服务礼仪")).to_be_hidden()
    expect(picker.locator("[data-chapter-node]", has_text="第一节 倾听").last).to_be_visible()
    picker.locator("#chapter-search").fill("")
    # 全选本章: 第二章 with both its sections.
    picker.locator("[data-chapter-node]", has_text="第二章 投诉处理").locator("[data-chapter-all]").click()
    expect(picker.locator("[data-chapter-summary]")).to_contain_text("已选 3 个章节")
    page.locator(f"input[name=cohorts][value='{cohort.pk}']").check()
    row = page.locator("[data-rule]").first
    row.locator("select[name$='-type']").select_option("single")
    row.locator("input[name$='-count']").fill("7")
    # 3 + 2 + 2 singles in 第二章 and its sections: the rule draws from the paper's chapters.
    expect(row.locator("[data-available]")).to_contain_text("7")
    # The rule's own chapter list offers only the paper's chapters.
    options = row.locator("select[name$='-chapters'] option").all_inner_texts()
    assert [o.strip("\u3000") for o in options] == ["第二章 投诉处理", "第一节 倾听", "第二节 回访"]
    screenshot(page, f"paper-tree-picker-{size}")
    if size == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Leave the count field first (its change refreshes the pool), as a thumb does on a phone.
    row.locator("input[name$='-count']").press("Tab")
    expect(row.locator("[data-available]")).to_contain_text("7")
    page.click("#paper-form > button[type=submit]")
    page.wait_for_url("**/quizzes/manage/papers/*/")
    screenshot(page, f"paper-saved-{size}")
    expect(page.locator("main")).to_contain_text("试卷已保存")
    paper = Paper.objects.get(title="投诉处理测验")
    assert sorted(c.title for c in paper.chapters.all()) == ["第一节 倾听", "第二章 投诉处理", "第二节 回访"]
    assert list(paper.cohorts.all()) == [cohort]
