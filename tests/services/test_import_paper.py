"""Storage behaviour of importers.services: what lands in the bank, and what never does.

Real-paper tests use text every parser generation reads (numbered stems ending in "?");
policy tests feed a hand-made ParsedPaper so they do not depend on the parser's details.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage

import importers.services as import_services
from importers.pipeline import Image, ParsedPaper, ParsedQuestion
from importers.services import import_paper, import_papers
from qbank.models import Bank, Chapter, Option, Question, QuestionImage, Source

PAPER = (
    "一、单项选择题\n"
    "1. 什么是客户关系管理?\nA. 一种管理理念\nB. 一种软件\nC. 一种销售方法\nD. 以上都是\n答案:D\n"
    "2. 客户投诉处理的第一步是什么?\nA. 道歉\nB. 倾听\nC. 记录\nD. 赔偿\n答案:B\n"
    "二、简答题\n"
    "3. 如何提高客户满意度?\n答案:倾听客户需求。\n"
).encode()
OTHER_PAPER = "1. 客户流失的主要原因有哪些?\n答案:服务不到位。\n".encode()


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Source, Chapter, Question, Option, QuestionImage))


def fake_parse(monkeypatch: pytest.MonkeyPatch, questions: list[ParsedQuestion]) -> None:
    monkeypatch.setattr(
        import_services, "parse_document", lambda filename, data: ParsedPaper(filename, questions)
    )


def test_import_stores_questions_with_source_and_line(bank: Bank, trainer: object) -> None:
    report = import_paper(bank=bank, filename="paper.txt", data=PAPER, user=trainer)  # type: ignore[arg-type]
    assert report.ok and report.found >= 1
    assert report.created == report.found == Question.objects.filter(bank=bank).count()
    assert sum(report.by_type.values()) == report.created
    source = Source.objects.get()
    assert (source.filename, source.size, source.bank, source.imported_by) == (
        "paper.txt",
        len(PAPER),
        bank,
        trainer,
    )
    question = Question.objects.get(search_text__contains="客户关系管理")
    assert question.source == source and question.source_line > 0


def test_same_file_again_adds_nothing_and_says_so(bank: Bank) -> None:
    import_paper(bank=bank, filename="paper.txt", data=PAPER)
    before = counts()
    again = import_paper(bank=bank, filename="renamed.txt", data=PAPER)
    assert again.ok and again.already_imported and again.created == 0
    assert "already imported" in again.notes[0]
    assert counts() == before


def test_question_already_in_bank_is_a_reported_duplicate(bank: Bank) -> None:
    first = import_paper(bank=bank, filename="paper.txt", data=PAPER)
    # Different bytes, same questions: Traditional script and full-width punctuation.
    traditional = (
        "1. 什麼是客戶關係管理？\nA. 一種管理理念\nB. 一種軟件\nC. 一種銷售方法\nD. 以上都是\n答案:D\n"
    )
    report = import_paper(bank=bank, filename="trad.txt", data=traditional.encode())
    assert report.ok and report.found == 1
    assert (report.created, report.duplicates) == (0, 1)
    assert "already in the bank" in report.notes[0]
    assert Question.objects.count() == first.created


def test_question_printed_twice_in_one_paper_is_stored_once(bank: Bank) -> None:
    twice = "1. 如何提高客户满意度?\n答案:倾听。\n2. 如何提高客户满意度?\n答案:倾听。\n".encode()
    report = import_paper(bank=bank, filename="twice.txt", data=twice)
    assert (report.found, report.created, report.duplicates) == (2, 1, 1)
    assert "printed twice" in report.notes[0]
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("empty.txt", b""),
        ("renamed.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
        ("blank.txt", b" \n\n\t\n"),
    ],
)
def test_bad_file_stores_nothing_and_changes_nothing(bank: Bank, filename: str, data: bytes) -> None:
    import_paper(bank=bank, filename="paper.txt", data=PAPER)
    before = counts()
    snapshot = list(Question.objects.values_list("id", "stem", "status", "updated"))
    report = import_paper(bank=bank, filename=filename, data=data)
    assert not report.ok and report.created == 0
    assert len(report.errors) == 1 and report.errors[0].startswith(f"{filename}: ")
    assert counts() == before
    assert list(Question.objects.values_list("id", "stem", "status", "updated")) == snapshot


def test_oversized_file_is_refused_before_parsing(bank: Bank, settings: object) -> None:
    settings.IMPORT_MAX_FILE_BYTES = 10  # type: ignore[attr-defined]
    report = import_paper(bank=bank, filename="big.txt", data=PAPER)
    assert not report.ok and "larger" in report.errors[0]
    assert counts() == (0, 0, 0, 0, 0)


def test_failure_mid_file_rolls_back_everything_from_that_file(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_paper(bank=bank, filename="other.txt", data=OTHER_PAPER)
    before = counts()
    real_create = import_services.questions_create_bulk
    written = []

    def create_then_fail(**kwargs: Any) -> list[Any]:
        real_create(**kwargs)
        written.append(Question.objects.filter(source__filename="paper.txt").count())
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_services, "questions_create_bulk", create_then_fail)
    with pytest.raises(RuntimeError):
        import_paper(bank=bank, filename="paper.txt", data=PAPER)
    assert written and written[0] > 0  # questions were written before the failure
    assert counts() == before
    assert not Source.objects.filter(filename="paper.txt").exists()


def test_batch_goes_on_after_a_failing_file(bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    real_create = import_services.questions_create_bulk

    def fail_for_first_paper(**kwargs: Any) -> list[Any]:
        if any("客户关系管理" in item.stem for item in kwargs["items"]):
            raise RuntimeError("boom")
        return real_create(**kwargs)

    monkeypatch.setattr(import_services, "questions_create_bulk", fail_for_first_paper)
    reports = import_papers(
        bank=bank, files=[("paper.txt", PAPER), ("empty.txt", b""), ("other.txt", OTHER_PAPER)]
    )
    assert [r.ok for r in reports] == [False, False, True]
    assert "nothing stored" in reports[0].errors[0]
    assert [s.filename for s in Source.objects.all()] == ["other.txt"]
    assert Question.objects.count() == reports[2].created == 1


def test_chapters_come_from_chapter_headings_or_titles_not_type_headings(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_parse(
        monkeypatch,
        [
            ParsedQuestion(
                type="truefalse",
                stem="客户永远是对的",
                answer=False,
                section="二、判断题",
                chapter="第二章客户服务理念",
            ),
            ParsedQuestion(
                type="short",
                stem="什么是CRM",
                answer="客户关系管理",
                section="三、简答题",
                chapter="客户关系管理试题",
            ),
            ParsedQuestion(
                type="short",
                stem="什么是KPI",
                answer="关键绩效指标",
                section="二、判断题",
                chapter="第二章客户服务理念",
            ),
            ParsedQuestion(type="short", stem="什么是NPS", answer="净推荐值", section="一、简答题"),
        ],
    )
    Chapter.objects.create(bank=bank, title="第一章", order=0)
    import_paper(bank=bank, filename="p.txt", data=b"x")
    chapters = list(Chapter.objects.filter(bank=bank).values_list("title", "order"))
    assert chapters == [("第一章", 0), ("第二章客户服务理念", 1), ("客户关系管理试题", 2)]
    assert Question.objects.get(stem="什么是KPI").chapter.title == "第二章客户服务理念"  # type: ignore[union-attr]
    assert Question.objects.get(stem="什么是NPS").chapter is None


def test_status_from_warnings_and_answers(bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_parse(
        monkeypatch,
        [
            ParsedQuestion(type="single", stem="好题", options=["甲", "乙"], answer="B"),
            ParsedQuestion(
                type="single", stem="猜的题型", options=["甲", "乙"], answer="A", warnings=["type guessed"]
            ),
            ParsedQuestion(type="single", stem="没有答案", options=["甲", "乙"]),
            ParsedQuestion(type="single", stem="答案越界", options=["甲", "乙"], answer="E"),
            ParsedQuestion(type="multiple", stem="九个选项", options=list("甲乙丙丁戊己庚辛壬"), answer="ai"),
        ],
    )
    report = import_paper(bank=bank, filename="p.txt", data=b"x")
    assert (report.found, report.created, report.needs_review, report.rejected) == (5, 5, 3, 0)
    status = dict(Question.objects.values_list("stem", "status"))
    assert status["好题"] == "active"
    assert {status[s] for s in ("猜的题型", "没有答案", "答案越界")} == {"needs_review"}
    dropped = Question.objects.get(stem="答案越界")
    assert dropped.answer is None and "does not fit" in dropped.warnings[-1]
    nine = Question.objects.get(stem="九个选项")
    assert nine.answer == "AI" and nine.options.count() == 9
    assert report.by_type == {"single": 4, "multiple": 1}


def test_a_question_the_bank_refuses_is_reported_and_the_rest_stored(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_parse(
        monkeypatch,
        [
            ParsedQuestion(type="short", stem="正常的题", answer="答案"),
            ParsedQuestion(type="essay", stem="未知题型", answer="答案", lineno=7),
        ],
    )
    report = import_paper(bank=bank, filename="p.txt", data=b"x")
    assert report.ok and (report.created, report.rejected) == (1, 1)
    assert report.notes[0].startswith("line 7: rejected")
    assert list(Question.objects.values_list("stem", flat=True)) == ["正常的题"]


def test_images_are_stored_and_removed_again_on_rollback(
    bank: Bank, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    picture = Image(name="fig1.png", content_type="image/png", data=b"\x89PNG\r\n\x1a\n fake")
    fake_parse(
        monkeypatch,
        [
            ParsedQuestion(type="short", stem="看图回答", answer="好", images=[picture]),
            ParsedQuestion(type="short", stem="第二题", answer="好", images=[picture]),
        ],
    )
    import_paper(bank=bank, filename="p.txt", data=b"x")
    image = QuestionImage.objects.get(question__stem="看图回答")
    assert image.content_type == "image/png"
    with image.file.open("rb") as stored:
        assert stored.read() == picture.data
    media = Path(settings.MEDIA_ROOT)  # type: ignore[attr-defined]
    stored_before = sorted(p.name for p in media.rglob("*") if p.is_file())
    assert len(stored_before) == 2

    real_image_create = import_services.question_image_create

    def fail_on_second(**kwargs: object) -> QuestionImage:
        if QuestionImage.objects.count() >= 3:
            raise RuntimeError("out of space")
        return real_image_create(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(import_services, "question_image_create", fail_on_second)
    fake_parse(
        monkeypatch,
        [
            ParsedQuestion(type="short", stem="新题一", answer="好", images=[picture]),
            ParsedQuestion(type="short", stem="新题二", answer="好", images=[picture]),
        ],
    )
    with pytest.raises(RuntimeError):
        import_paper(bank=bank, filename="q.txt", data=b"y")
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == stored_before
    assert default_storage.exists(image.file.name)
