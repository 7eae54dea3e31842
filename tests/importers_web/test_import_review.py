"""Review and publish: fixes, exclusions and chapter mapping reach the bank in one transaction."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from importers import staging
from importers.models import ImportBatch, ImportFile, StagedQuestion
from importers.pipeline import parse_document
from qbank import services as qbank_services
from qbank.models import Bank, Chapter, Question, QuestionImage, Source
from tests.importers.docx_factory import tiny_png
from tests.importers_web.conftest import docx_paper, txt_paper, upload

pytestmark = pytest.mark.django_db

FILES = {
    "第一章.docx": docx_paper("服务的第一步是什么?", "接待客户应当怎样?", "多余的题目?"),
    "投诉.txt": txt_paper("客户投诉时首先应该?", "投诉回访要做什么?", answer=False),
}


@pytest.fixture
def batch(admin_client_: Client, bank: Bank) -> ImportBatch:
    upload(admin_client_, bank.pk, FILES)
    return ImportBatch.objects.get()


def staged(stem: str) -> StagedQuestion:
    return StagedQuestion.objects.get(data__stem=stem)


def review_url(batch: ImportBatch, **query: Any) -> str:
    url = reverse("importers:review", args=[batch.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_review_shows_questions_as_a_trainee_would(admin_client_: Client, batch: ImportBatch) -> None:
    txt = ImportFile.objects.get(filename="投诉.txt")
    page = admin_client_.get(review_url(batch, file=txt.pk)).content.decode()
    assert "客户投诉时首先应该?" in page
    assert "A. 倾听" in page and "D. 挂断" in page
    assert "未找到答案" in page and "题型为推测" in page
    assert "一、单项选择题" in page  # grouped by section
    flagged = admin_client_.get(review_url(batch, file=txt.pk, flagged=1)).content.decode()
    assert "客户投诉时首先应该?" in flagged


def test_edit_fixes_a_question_and_clears_its_warnings(admin_client_: Client, batch: ImportBatch) -> None:
    question = staged("客户投诉时首先应该?")
    response = admin_client_.post(
        reverse("importers:staged_edit", args=[question.pk]),
        {
            "type": "multiple",
            "stem": "客户投诉时首先应该做哪些?",
            "options": "倾听\n\n道歉\n记录\n",
            "answer": "c, a",
            "explanation": "先听再说",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?file={question.file_id}#q-{question.pk}")
    question.refresh_from_db()
    assert question.edited
    assert question.warnings == []
    assert question.data["options"] == ["倾听", "道歉", "记录"]
    assert (question.data["type"], question.data["answer"]) == ("multiple", "AC")


@pytest.mark.parametrize(
    ("post", "error"),
    [
        ({"type": "single", "options": "甲\n乙", "answer": "E"}, "不符"),
        ({"type": "single", "options": "甲", "answer": "A"}, "至少要有两个选项"),
        ({"type": "truefalse", "options": "", "answer": "也许"}, "对 或 错"),
    ],
)
def test_invalid_edit_shows_the_errors(
    admin_client_: Client, batch: ImportBatch, post: dict[str, str], error: str
) -> None:
    question = staged("客户投诉时首先应该?")
    response = admin_client_.post(
        reverse("importers:staged_edit", args=[question.pk]), {"stem": "题", "explanation": "", **post}
    )
    assert response.status_code == 400
    assert error in response.content.decode()
    question.refresh_from_db()
    assert not question.edited


def test_publish_stores_exactly_the_reviewed_questions(
    admin_client_: Client, batch: ImportBatch, bank: Bank
) -> None:
    existing = qbank_services.chapter_get_or_create(bank=bank, title="投诉处理")
    admin_client_.post(
        reverse("importers:staged_edit", args=[staged("客户投诉时首先应该?").pk]),
        {"type": "single", "stem": "客户投诉时首先应该?", "options": "倾听\n争辩", "answer": "A"},
    )
    admin_client_.post(reverse("importers:staged_toggle", args=[staged("多余的题目?").pk]))
    page = admin_client_.get(review_url(batch)).content.decode()
    assert 'name="chapter_0"' in page and 'name="chapter_1"' in page
    titles = sorted(set(StagedQuestion.objects.values_list("chapter_title", flat=True)))
    assert titles == ["第一章 服务礼仪", "第二章 投诉处理"]
    admin_client_.post(
        reverse("importers:chapters", args=[batch.pk]), {"chapter_0": "none", "chapter_1": str(existing.pk)}
    )
    assert not Question.objects.exists()

    response = admin_client_.post(reverse("importers:publish", args=[batch.pk]))

    assert response.status_code == 302
    stored = {q.stem: q for q in Question.objects.select_related("chapter", "source")}
    assert set(stored) == {
        "服务的第一步是什么?",
        "接待客户应当怎样?",
        "客户投诉时首先应该?",
        "投诉回访要做什么?",
    }
    assert stored["服务的第一步是什么?"].chapter is None  # 第一章 服务礼仪 → no chapter
    assert stored["客户投诉时首先应该?"].chapter == existing  # 第二章 投诉处理 → an existing chapter
    assert stored["客户投诉时首先应该?"].options.count() == 2
    assert stored["客户投诉时首先应该?"].status == Question.Status.ACTIVE  # fixed: no warnings left
    assert stored["投诉回访要做什么?"].status == Question.Status.NEEDS_REVIEW  # still without an answer
    assert stored["服务的第一步是什么?"].status == Question.Status.ACTIVE
    assert set(Source.objects.values_list("filename", flat=True)) == set(FILES)
    assert Chapter.objects.filter(bank=bank).count() == 1  # no new chapter was made
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PUBLISHED
    assert list(batch.files.values_list("created_count", flat=True)) == [2, 2]

    # A second publish does nothing; edits after publishing are refused.
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    assert Question.objects.count() == 4
    admin_client_.post(reverse("importers:staged_toggle", args=[staged("多余的题目?").pk]))
    assert staged("多余的题目?").excluded

    # The same files uploaded again add nothing: each is skipped, pointing at its source.
    upload(admin_client_, bank.pk, FILES)
    again = ImportBatch.objects.order_by("-pk").first()
    assert again is not None and set(again.files.values_list("status", flat=True)) == {"skipped"}
    admin_client_.post(reverse("importers:publish", args=[again.pk]))
    assert Question.objects.count() == 4
    progress = admin_client_.get(reverse("importers:progress", args=[again.pk])).content.decode()
    assert reverse("admin:qbank_source_change", args=[Source.objects.first().pk]) in progress  # type: ignore[union-attr]


def test_publish_is_all_or_nothing(
    admin_client_: Client, batch: ImportBatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = staging.store_questions
    calls = []

    def fail_on_second_file(**kwargs: Any) -> None:
        calls.append(kwargs["source"].filename)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(**kwargs)

    monkeypatch.setattr(staging, "store_questions", fail_on_second_file)
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))  # the worker's task fails
    assert len(calls) == 2
    assert not Question.objects.exists()
    assert not Source.objects.exists()
    assert not Chapter.objects.exists()
    batch.refresh_from_db()
    # Handed back: open again, with the reason on its progress page, and can be published again.
    assert batch.status == ImportBatch.Status.OPEN and batch.publish_error == "disk full"
    page = admin_client_.get(reverse("importers:progress", args=[batch.pk])).content.decode()
    assert "发布失败" in page and "disk full" in page
    monkeypatch.setattr(staging, "store_questions", real)
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PUBLISHED
    assert Question.objects.count() == StagedQuestion.objects.count()  # every staged question, once


def test_publish_dedups_against_what_the_bank_gained_meanwhile(
    admin_client_: Client, batch: ImportBatch, bank: Bank
) -> None:
    qbank_services.question_create(
        bank=bank,
        type="single",
        stem="服务的第一步是什么?",
        options=["微笑服务", "快速响应", "主动沟通", "跟踪回访"],
    )
    admin_client_.post(reverse("importers:publish", args=[batch.pk]))
    assert Question.objects.filter(stem="服务的第一步是什么?").count() == 1
    assert ImportFile.objects.get(filename="第一章.docx").duplicates == 1


def test_pictures_travel_from_the_paper_to_the_bank(admin_client_: Client, bank: Bank) -> None:
    document = docx.Document()
    document.add_paragraph("1.下图是什么标志?").add_run().add_picture(io.BytesIO(tiny_png()))
    for line in ("A.禁止吸烟", "B.安全出口", "答案:B"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    upload(admin_client_, bank.pk, {"pic.docx": out.getvalue()})
    question = StagedQuestion.objects.get()
    pictures = len(parse_document("pic.docx", out.getvalue()).questions[0].images)
    assert pictures == 1
    assert len(question.data["images"]) == pictures
    image = admin_client_.get(reverse("importers:staged_image", args=[question.pk, 0]))
    assert image.status_code == 200 and b"".join(image.streaming_content).startswith(b"\x89PNG")  # type: ignore[attr-defined]
    missing = reverse("importers:staged_image", args=[question.pk, pictures])
    assert admin_client_.get(missing).status_code == 404
    admin_client_.post(reverse("importers:publish", args=[question.file.batch_id]))
    assert QuestionImage.objects.filter(question__stem="下图是什么标志?").count() == pictures


def test_script_in_a_stem_is_escaped(admin_client_: Client, bank: Bank) -> None:
    upload(admin_client_, bank.pk, {"x.txt": txt_paper("<script>alert(1)</script>是什么?")})
    page = admin_client_.get(review_url(ImportBatch.objects.get())).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def review_queries(client: Client, bank: Bank, count: int) -> int:
    upload(client, bank.pk, {f"q{count}.txt": txt_paper(*(f"第{count}批第{i}题?" for i in range(count)))})
    batch = ImportBatch.objects.order_by("-pk").first()
    assert batch is not None
    assert StagedQuestion.objects.filter(file__batch=batch).count() == count
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(review_url(batch))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_review_query_count_does_not_grow_with_questions(admin_client_: Client, bank: Bank) -> None:
    assert review_queries(admin_client_, bank, 5) == review_queries(admin_client_, bank, 50)


def test_numbered_warnings_read_in_the_interface_language() -> None:
    from importers.views import warning_label

    assert warning_label("possible duplicate of the question at line 12") == "可能与第 12 行的题目重复"
    assert warning_label("2 answer(s) for 3 blank(s)") == "题干有 3 个空,答案有 2 项"
    assert warning_label("something new") == "something new"
    picture = "picture img/q1.png was not uploaded with the paper"
    assert warning_label(picture).startswith("题中引用的图片 img/q1.png 没有随试卷上传")


def test_the_classifiers_warnings_about_options_read_in_the_interface_language() -> None:
    """Every option warning the classifier stores has a label, in Chinese and in English."""
    from django.utils import translation

    from importers.pipeline import classify
    from importers.views import warning_label

    warnings = [
        classify.NO_OPTIONS,
        classify.LONE_OPTION,
        classify.UNPLACED_LINES,
        classify.OPTIONS_NOT_PRINTED,
    ]
    assert [warning_label(w) for w in warnings] == [
        "原卷没有印选项,只有答案,请补全选项",
        "只读到一个选项,请检查其他选项",
        "选项下方有未归类的文字,已放入解析",
        "原卷只印了正确选项,请补全其他选项",
    ]
    with translation.override("en"):
        assert (
            warning_label(classify.NO_OPTIONS)
            == "The paper printed no options, only the key: add the options"
        )


def test_a_file_the_parser_likely_misread_is_named_first_with_why(admin_client_: Client, bank: Bank) -> None:
    # 250 lines the segmenter cannot number: one "question" swallows them all.
    body = "1. 第一题?\n" + "".join(f"问{n} 这一题的题干很长很长?\n选项一\n选项二\n" for n in range(2, 90))
    upload(admin_client_, bank.pk, {"乱.txt": body.encode(), "好.txt": txt_paper("服务的核心是?")})
    batch = ImportBatch.objects.get()
    bad = ImportFile.objects.get(filename="乱.txt")
    assert bad.coverage["verdict"] == "poor"
    page = admin_client_.get(review_url(batch)).content.decode()
    attention = page.split('class="card attention"')[1].split("</section>")[0]
    assert "乱.txt" in attention and "好.txt" not in attention
    assert "却只识别出 1 题" in attention
    good = ImportFile.objects.get(filename="好.txt")
    assert good.coverage["verdict"] in ("ok", "check") and "读入 100% 的文字" in page
