"""Uploading many files (and zips of them): what is accepted, what is refused and why, and the parse."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from importers.models import ImportBatch, ImportFile, StagedQuestion
from importers.pipeline import PaperError, parse_document
from qbank import services as qbank_services
from qbank.models import Bank, Question
from tests.importers_web.conftest import docx_paper, txt_paper, upload, zip_of

pytestmark = pytest.mark.django_db


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["题型", "题干", "选项A", "选项B", "答案"])
    sheet.append(["单选题", "表格里的题目?", "甲", "乙", "A"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_several_files_and_a_zip_are_staged_not_stored(admin_client_: Client, bank: Bank) -> None:
    files = {
        "第一章.docx": docx_paper("服务的第一步是什么?", "接待客户应当怎样?"),
        "投诉.txt": txt_paper("客户投诉时首先应该?"),
        "papers.zip": zip_of(
            {
                "卷/练习.md": txt_paper("回访的目的是什么?", heading="第三章 回访")
                .decode("gb18030")
                .encode(),
                "__MACOSX/卷/._练习.md": b"junk",
                ".DS_Store": b"junk",
            }
        ),
    }
    response = upload(admin_client_, bank.pk, files)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("importers:progress", args=[batch.pk])
    names = list(batch.files.values_list("filename", "status", "found"))
    assert names == [
        ("第一章.docx", "parsed", 2),
        ("投诉.txt", "parsed", 1),
        ("papers.zip/卷/练习.md", "parsed", 1),
    ]
    assert batch.refusals == []
    assert StagedQuestion.objects.filter(file__batch=batch).count() == 4
    assert not Question.objects.exists()  # nothing reaches the bank before publish
    staged = StagedQuestion.objects.get(data__stem="客户投诉时首先应该?")
    assert staged.chapter_title == "第二章 投诉处理"
    assert staged.section == "一、单项选择题"


def test_xlsx_follows_what_parse_document_does(admin_client_: Client, bank: Bank) -> None:
    data = xlsx_bytes()
    try:
        expected = "parsed" if parse_document("t.xlsx", data).questions else "failed"
    except PaperError:
        expected = "failed"
    upload(admin_client_, bank.pk, {"t.xlsx": data})
    assert ImportFile.objects.get().status == expected  # accepted at upload either way: it is an xlsx


def test_an_old_xls_bank_is_accepted_and_read(admin_client_: Client, bank: Bank) -> None:
    data = (Path(__file__).parents[1] / "importers" / "files" / "bank-excel97.xls").read_bytes()
    upload(admin_client_, bank.pk, {"bank.xls": data})
    assert ImportFile.objects.get().status == "parsed"
    assert StagedQuestion.objects.filter(data__stem="客户是?").exists()


def test_a_csv_bank_is_accepted_and_read(admin_client_: Client, bank: Bank) -> None:
    data = "题目,选项A,选项B,答案\n客户是?,上帝,朋友,A\n投诉先做什么?,倾听,争辩,A\n".encode("gbk")
    upload(admin_client_, bank.pk, {"bank.csv": data})
    assert ImportFile.objects.get().status == "parsed"
    assert StagedQuestion.objects.filter(data__stem="客户是?", data__answer="A").exists()


def test_a_moodle_gift_export_is_accepted_and_read(admin_client_: Client, bank: Bank) -> None:
    gift = "::Q1:: 客户是? {=上帝 ~对手}\n\n::Q2:: 服务要微笑. {T}\n".encode()
    upload(admin_client_, bank.pk, {"bank.gift": gift})
    assert ImportFile.objects.get().status == "parsed"
    assert StagedQuestion.objects.filter(data__stem="客户是?", data__answer="A").exists()
    assert StagedQuestion.objects.filter(data__type="truefalse", data__answer=True).exists()


def test_a_moodle_xml_export_is_accepted_and_read(admin_client_: Client, bank: Bank) -> None:
    data = (Path(__file__).parents[1] / "importers" / "files" / "moodle-export.xml").read_bytes()
    upload(admin_client_, bank.pk, {"bank.xml": data})
    assert ImportFile.objects.get().status == "parsed"
    assert StagedQuestion.objects.filter(data__stem="客户关系管理的核心是?", data__answer="B").exists()


def refusal_of(client: Client, bank: Bank, files: dict[str, bytes]) -> list[str]:
    upload(client, bank.pk, {"ok.txt": txt_paper("一个正常的题目?"), **files})
    batch = ImportBatch.objects.order_by("-pk").first()
    assert batch is not None
    assert batch.files.filter(filename="ok.txt").exists()  # the rest goes on
    return batch.refusals


def test_a_saved_web_page_is_accepted(admin_client_: Client, bank: Bank) -> None:
    page = "<html><body><p>1. 客户是谁?</p><p>答案：上帝</p></body></html>".encode()
    assert refusal_of(admin_client_, bank, {"exam.html": page, "b.htm": page, "c.php": page}) == [
        "c.php: 不支持的文件类型,只接收 .docx .doc .txt .md .markdown .mdx .html .htm .xlsx"
        " .xls .csv .tsv .json .js .ts .py .pdf .gift .xml .zip"
    ]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"empty.txt": b""}, "empty.txt: 文件是空的"),
        ({"fake.docx": b"%PDF-1.4 binary"}, "fake.docx: 文件内容与扩展名 .docx 不符: is a PDF"),
        ({"bin.txt": b"\x00\x01\x02\x03" * 300}, "bin.txt: 文件内容与扩展名 .txt 不符"),
        ({"paper.pdf": txt_paper("题?")}, "paper.pdf: 文件内容与扩展名 .pdf 不符"),
        ({"paper.pptx": b"PK\x03\x04"}, "paper.pptx: 不支持的文件类型"),
        ({"bank.xls": txt_paper("题?")}, "bank.xls: 文件内容与扩展名 .xls 不符"),
        ({"bank.csv": b"PK\x03\x04 zipped"}, "bank.csv: 文件内容与扩展名 .csv 不符"),
        ({"x.txt.docx": txt_paper("题?")}, "x.txt.docx: 文件内容与扩展名 .docx 不符"),
        ({"slip.zip": zip_of({"../../x.txt": txt_paper("题?")})}, "slip.zip/../../x.txt: 路径不安全"),
        ({"abs.zip": zip_of({"/etc/x.txt": txt_paper("题?")})}, "abs.zip//etc/x.txt: 路径不安全"),
        (
            {"nest.zip": zip_of({"inner.zip": zip_of({"a.txt": b"x"})})},
            "nest.zip/inner.zip: 不接收压缩包里的压缩包",
        ),
        ({"broken.zip": b"PK\x03\x04garbage"}, "broken.zip: 压缩包已损坏"),
        (
            {"old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600},
            "old.doc: 文件内容与扩展名 .doc 不符: is an Office file of an unknown kind,"
            " not a Word or text file",
        ),
        ({"note.doc": txt_paper("题?")}, "note.doc: 文件内容与扩展名 .doc 不符"),
    ],
)
def test_each_refusal_names_the_file(
    admin_client_: Client, bank: Bank, files: dict[str, bytes], expected: str
) -> None:
    refusals = refusal_of(admin_client_, bank, files)
    assert len(refusals) == 1
    assert refusals[0].startswith(expected)


def test_oversize_file_is_refused(admin_client_: Client, bank: Bank, settings: Any) -> None:
    settings.IMPORT_MAX_FILE_BYTES = 2000
    refusals = refusal_of(admin_client_, bank, {"big.txt": txt_paper(*(f"题目{i}?" for i in range(60)))})
    assert refusals == ["big.txt: 文件超过 0.00 MB 的上限"]


def test_too_many_files_refuses_the_rest(admin_client_: Client, bank: Bank, settings: Any) -> None:
    settings.IMPORT_MAX_FILES = 2
    files = {f"p{i}.txt": txt_paper(f"第{i}个文件的题目?") for i in range(4)}
    upload(admin_client_, bank.pk, files)
    batch = ImportBatch.objects.get()
    assert list(batch.files.values_list("filename", flat=True)) == ["p0.txt", "p1.txt"]
    assert [r.split(":")[0] for r in batch.refusals] == ["p2.txt", "p3.txt"]
    assert "超过每批 2 个文件的上限" in batch.refusals[0]


def test_total_size_limit(admin_client_: Client, bank: Bank, settings: Any) -> None:
    first = txt_paper("第一个题目?")
    settings.IMPORT_MAX_UPLOAD_BYTES = len(first) + 10
    upload(admin_client_, bank.pk, {"a.txt": first, "b.txt": txt_paper("第二个题目?")})
    batch = ImportBatch.objects.get()
    assert list(batch.files.values_list("filename", flat=True)) == ["a.txt"]
    assert batch.refusals[0].startswith("b.txt: 超过每批共")


def test_zip_bomb_is_refused_before_inflating(admin_client_: Client, bank: Bank, settings: Any) -> None:
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024 * 1024
    bomb = zip_of({"bomb.txt": b"0" * (5 * 1024 * 1024)})  # 5 MB of zeros deflate to a few KB
    assert len(bomb) < 20_000
    refusals = refusal_of(admin_client_, bank, {"bomb.zip": bomb})
    assert len(refusals) == 1
    assert refusals[0].startswith("bomb.zip: 压缩包解压后有 5 MB")


def test_zip_with_too_many_entries(admin_client_: Client, bank: Bank, settings: Any) -> None:
    settings.IMPORT_MAX_FILES = 3
    many = zip_of({f"{i}.txt": b"x" for i in range(5)})
    refusals = refusal_of(admin_client_, bank, {"many.zip": many})
    assert refusals[0].startswith("many.zip: 压缩包内有 5 个文件")


def test_gbk_entry_names_from_chinese_windows_zips(admin_client_: Client, bank: Bank) -> None:
    name = "章.txt".encode("gbk")  # 6 bytes, stored without the UTF-8 flag as Windows' zip tool does
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("abcdef"), txt_paper("压缩包中文名?"))
    upload(admin_client_, bank.pk, {"win.zip": out.getvalue().replace(b"abcdef", name)})
    assert ImportFile.objects.get().filename == "win.zip/章.txt"


def test_nothing_accepted_shows_the_form_again(admin_client_: Client, bank: Bank) -> None:
    response = upload(admin_client_, bank.pk, {"empty.txt": b"  "})
    assert response.status_code == 400
    assert "empty.txt: 文件是空的" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_parse_failure_is_reported_per_file(admin_client_: Client, bank: Bank) -> None:
    upload(
        admin_client_,
        bank.pk,
        {"ok.txt": txt_paper("题目一?"), "noq.txt": "一、单项选择题\n二、多项选择题".encode()},
    )
    failed = ImportFile.objects.get(filename="noq.txt")
    assert failed.status == "failed"
    assert "no recognisable question" in failed.error
    progress = admin_client_.get(reverse("importers:progress_json", args=[failed.batch_id])).json()
    assert progress["failed"] == 1
    assert progress["done"] == progress["total"] == 2
    assert progress["finished"] is True
    assert progress["found"] == 1
    assert {f["filename"]: f["status"] for f in progress["files"]} == {
        "ok.txt": "parsed",
        "noq.txt": "failed",
    }


def test_progress_json_while_queued(admin_client_: Client, bank: Bank, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    upload(admin_client_, bank.pk, {"a.txt": txt_paper("题目一?"), "b.txt": txt_paper("题目二?")})
    batch = ImportBatch.objects.get()
    data = admin_client_.get(reverse("importers:progress_json", args=[batch.pk])).json()
    assert (data["done"], data["total"], data["finished"], data["percent"]) == (0, 2, False, 0)
    page = admin_client_.get(reverse("importers:progress", args=[batch.pk])).content.decode()
    assert 'http-equiv="refresh"' in page  # works without JavaScript too
    review = admin_client_.get(reverse("importers:review", args=[batch.pk])).content.decode()
    assert 'id="publish"' not in review  # no publishing before the parse is done


def test_duplicates_against_the_bank_and_within_the_batch(admin_client_: Client, bank: Bank) -> None:
    existing = qbank_services.question_create(
        bank=bank,
        type="single",
        stem="服务的第一步是什么?",
        options=["微笑服务", "快速响应", "主动沟通", "跟踪回访"],
    )
    upload(
        admin_client_,
        bank.pk,
        {
            "a.docx": docx_paper("服务的第一步是什么?", "接待客户应当怎样?"),
            "b.docx": docx_paper("接待客户应当怎样?", "新的题目?"),
        },
    )
    in_bank = StagedQuestion.objects.get(file__filename="a.docx", seq=1)
    assert in_bank.duplicate_of == existing
    first = StagedQuestion.objects.get(file__filename="a.docx", seq=2)
    again = StagedQuestion.objects.get(file__filename="b.docx", seq=1)
    assert again.duplicate_of_staged == first
    assert list(ImportFile.objects.values_list("duplicates", flat=True)) == [1, 1]


def test_same_file_uploaded_again_is_skipped(admin_client_: Client, bank: Bank) -> None:
    paper = {"a.docx": docx_paper("服务的第一步是什么?")}
    upload(admin_client_, bank.pk, paper)
    upload(admin_client_, bank.pk, paper)
    first, second = ImportBatch.objects.order_by("pk")
    skipped = second.files.get()
    assert skipped.status == "skipped"
    assert skipped.same_as_file == first.files.get()
    assert StagedQuestion.objects.filter(file=skipped).count() == 0
    page = admin_client_.get(reverse("importers:progress", args=[second.pk])).content.decode()
    assert "已导入过" in page
    assert reverse("importers:review", args=[first.pk]) in page


def test_a_doc_in_any_of_the_forms_word_opens_is_imported(admin_client_: Client, bank: Bank) -> None:
    # "试卷.doc" is Word 97-2003's binary format, or (from exam systems) Word 2003 XML or HTML:
    # Word opens all three, and so do we
    from tests.importers.test_read_wordml import word_xml
    from tests.importers.word97 import word97

    page = "<html><body><p>1. 客户是谁?</p><p>A. 上帝</p><p>B. 对手</p><p>答案：A</p></body></html>"
    binary = word97([("1. 投诉首先应?\rA. 倾听\rB. 争辩\r答案：A\r", False)])
    upload(admin_client_, bank.pk, {"xml.doc": word_xml(), "page.doc": page.encode(), "old.doc": binary})
    assert ImportBatch.objects.get().refusals == []
    assert set(ImportFile.objects.values_list("filename", "status")) == {
        ("xml.doc", "parsed"),
        ("page.doc", "parsed"),
        ("old.doc", "parsed"),
    }
    assert StagedQuestion.objects.filter(data__stem="投诉首先应?", data__answer="A").exists()
    assert StagedQuestion.objects.filter(data__stem="客户是谁?", data__answer="A").exists()
    assert StagedQuestion.objects.filter(data__number="2", data__answer="B").exists()
