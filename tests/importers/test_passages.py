"""The reading passages that cloze and reading questions share (importers/pipeline/passages.py)."""

from __future__ import annotations

import pytest

from importers.pipeline.passages import find_passage, group_range, holds_blank


@pytest.mark.parametrize(
    ("text", "number", "held"),
    [
        ("would not be the same __16__ encountering them", 16, True),
        ("would not be the same ___(16)___ encountering them", 16, True),
        ("would not be the same   16   encountering them", 16, True),  # a PDF's gap around the blank
        ("the birds\n20   throughout the city", 20, True),
        ("would not be the same （16） encountering them", 16, True),
        ("exit(1); /* this should never be executed */", 1, False),  # a call, no blank
        ("In 2016, the council decided", 16, False),
        ("the odds are 1 in 3,000", 1, False),
        ("would not be the same __16__ encountering them", 17, False),
    ],
)
def test_a_clozes_blank_is_told_from_numbers_in_its_text(text: str, number: int, held: bool) -> None:
    assert holds_blank(text, number) is held


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("第41至44題為題組", (41, 44)),
        ("第21-25题为题组", (21, 25)),
        ("Questions 31-35 are based on the following passage.", (31, 35)),
        ("第16題至第30題，每題一個空格", None),  # a part's instructions, not a group
        ("41. What is the purpose of this passage?", None),
    ],
)
def test_a_group_header_names_the_questions_its_passage_serves(
    text: str, span: tuple[int, int] | None
) -> None:
    assert group_range(text) == span


def test_a_passage_needs_more_than_a_note_and_stops_at_the_parts_instructions() -> None:
    story = "Street pigeons are a common sight in many European cities, bathing in fountains and " * 2
    lines = [
        (1, "說明︰第16題至第17題，每題一個空格。"),
        (2, story),
        (3, "the same __16__ encountering them."),
    ]
    passage = find_passage(lines, 16)
    assert passage is not None and passage.lines == [2, 3] and passage.last is None
    assert passage.serves(16) and not passage.serves(17)
    assert find_passage([(3, "the same __16__ encountering them.")], 16) is None


def test_a_text_longer_than_any_exams_passage_is_none() -> None:
    story = "Street pigeons are a common sight in many European cities, the same __16__ them. " * 300
    assert find_passage([(1, story)], 16) is None
    assert find_passage([(1, story[:2000])], 16) is not None


def test_a_chinese_reading_header_names_the_questions_its_text_serves() -> None:
    assert group_range("阅读下面的文字，完成6～8题。") == (6, 8)
    assert group_range("（一）阅读下面的文章，完成1-3小题。") == (1, 3)
    assert group_range("阅读下面的材料，回答问题。") is None  # (no range: a case's, read elsewhere)


PARAGRAPH = "Psychologists tell us that there are four basic stages that human beings pass through. "


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        ([PARAGRAPH * 2, PARAGRAPH * 2], True),
        (["Day 2", "A", "A Guide to the University", PARAGRAPH * 2, "Food", PARAGRAPH * 2], True),
        ([PARAGRAPH * 2, PARAGRAPH + "Why do they pass through them?"], False),  # (it asks: a question's)
        ([PARAGRAPH * 2, "See https://example.com for " + PARAGRAPH], False),  # (a footer, a link)
        (["for i in range(10) {", PARAGRAPH * 2, PARAGRAPH], False),  # (a program)
        (
            ["客户投诉的处理要点如下，首先要倾听客户的诉求，然后记录，再分析原因并及时回复客户。" * 3] * 2,
            False,
        ),
    ],
)
def test_an_english_reading_text_is_paragraphs_of_prose_under_at_most_a_label(
    lines: list[str], found: bool
) -> None:
    passage = find_passage(list(enumerate(lines)), 66)
    assert (passage is not None) is found
    assert passage is None or passage.serves(75)  # (all the questions after it, to the next text)
