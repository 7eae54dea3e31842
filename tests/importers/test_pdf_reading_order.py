"""PDF pages whose producer drew some text out of reading order (pdf_reading_order).

Each page here is written run by run at absolute positions, in the order given, as a producer's
content stream draws them; pypdf reads them in that order.
"""

from __future__ import annotations

import io

from importers.pipeline import parse_document
from importers.pipeline.read_pdf import read_pdf

Run = tuple[float, float, str]  # x, y (points from the page's bottom), text


def positioned_pdf(runs: list[Run]) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    courier = DictionaryObject(
        {
            NameObject(k): NameObject(v)
            for k, v in {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Courier"}.items()
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): courier})}
    )
    drawn = [f"BT /F1 11 Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET" for x, y, text in runs]
    contents = DecodedStreamObject()
    contents.set_data("\n".join(drawn).encode())
    page.replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


QUESTIONS: list[Run] = [
    (50, 800, "1. What does this program print?"),
    (60, 720, "A. 1"),
    (60, 704, "B. 2"),
    (50, 688, "2. Is a listing part of its question?"),
    (60, 672, "A. yes"),
    (60, 656, "B. no"),
]
# The program's box, drawn after the page's text (as GESP's papers are), its line numbers last.
LISTING: list[Run] = [(80, 780, "x = 1"), (80, 764, "x = x + 1"), (80, 748, "print(x)")]
LINE_NUMBERS: list[Run] = [(60, 780, "1"), (60, 764, "2"), (60, 748, "3")]


def texts(data: bytes) -> list[str]:
    return [line.text for line in read_pdf("p.pdf", data)]


def test_a_box_drawn_after_the_page_goes_back_under_its_stem_without_its_line_numbers() -> None:
    data = positioned_pdf(QUESTIONS + LISTING + LINE_NUMBERS)
    assert texts(data)[:5] == ["1. What does this program print?", "x = 1", "x = x + 1", "print(x)", "A. 1"]
    first, second = parse_document("p.pdf", data).questions
    assert first.stem == "What does this program print?\nx = 1\nx = x + 1\nprint(x)"
    assert first.options == ["1", "2"]
    assert second.options == ["yes", "no"]


def test_a_page_drawn_in_order_keeps_its_line_numbers_where_they_are() -> None:
    # nothing to place: a listing's numbers are text like any other on a page read in order
    in_order = [
        QUESTIONS[0],
        *(run for pair in zip(LINE_NUMBERS, LISTING, strict=True) for run in pair),
        *QUESTIONS[1:],
    ]
    assert texts(positioned_pdf(in_order))[:3] == [
        "1. What does this program print?",
        "1 x = 1",
        "2 x = x + 1",
    ]


def test_a_second_column_drawn_after_the_first_stays_after_it() -> None:
    left = [(50, 800 - 16 * i, f"{i + 1}. Left question {i + 1}?") for i in range(4)]
    # (its rows between the first column's: a column, not rows shared with it, keeps it apart)
    right = [(320, 792 - 16 * i, f"{i + 5}. Right question {i + 5}?") for i in range(4)]
    assert texts(positioned_pdf(left + right)) == [text for _, _, text in left + right]


def test_labels_and_texts_drawn_late_in_shared_rows_are_left_as_drawn() -> None:
    # a browser's print of a quiz draws the question and its key, then each option's label, then
    # later the options' texts in the labels' rows: the late lines share rows, so nothing moves
    # (pypdf's order, which the parser reads: placed by height, labels and texts would part)
    page = [(50, 820, "Quiz 3"), (50, 800, "1. Pick one?"), (50, 740, "Answer: B")]
    labels = [(60, 780, "A."), (60, 764, "B.")]
    option_texts = [(80, 780, "red"), (80, 764, "blue")]
    drawn = [text for _, _, text in page + labels + option_texts]
    assert texts(positioned_pdf(page + labels + option_texts)) == drawn


def test_a_quiz_page_drawn_frame_first_is_read_row_by_row() -> None:
    # a browser's print of a quiz result that draws each question's frame first (its options'
    # labels, score, key) and then the question and the options' texts beside the labels: no
    # stretch of the drawing order reads as the page does, the rows do
    drawn = []
    for top, number, stem, texts_, key in (
        (800, 1, "Pick one?", ("red", "blue"), "B"),
        (700, 2, "And one?", ("up", "down"), "A"),
    ):
        drawn += [(60, top - 20, "A."), (60, top - 36, "B."), (50, top - 52, f"Answer: {key}")]
        drawn += [(50, top, f"{number}. {stem}"), (80, top - 20, texts_[0]), (80, top - 36, texts_[1])]
    assert texts(positioned_pdf(drawn)) == [
        "1. Pick one?",
        "A. red",
        "B. blue",
        "Answer: B",
        "2. And one?",
        "A. up",
        "B. down",
        "Answer: A",
    ]
    first, second = parse_document("p.pdf", positioned_pdf(drawn)).questions
    assert (first.stem, first.options, first.answer) == ("Pick one?", ["red", "blue"], "B")
    assert (second.stem, second.options, second.answer) == ("And one?", ["up", "down"], "A")


def test_options_of_a_question_begun_on_the_page_before_under_a_header_drawn_last_stay_as_drawn() -> None:
    # the page opens on the options of a question whose stem is on the page before; its labels,
    # then their texts, then the platform's header at the top, drawn last: no question drawn after
    # its labels, so the page is not read row by row (the header goes back to the top; the parser
    # pairs labels and texts as drawn)
    labels = [(60, 780, "A."), (60, 764, "B.")]
    option_texts = [(80, 780, "red"), (80, 764, "blue")]
    header = [(50, 800, "Back  Submit")]
    assert texts(positioned_pdf(labels + option_texts + header)) == [
        "Back  Submit",
        "A.",
        "B.",
        "red",
        "blue",
    ]


def test_a_page_drawn_mostly_out_of_order_is_left_as_drawn() -> None:
    # the questions' numbers drawn first as a column, then all their texts: the "running text"
    # would be the numbers alone, so the page keeps pypdf's order (the parser pairs them)
    numbers = [(50, 800, "6."), (50, 700, "7.")]
    stems = [(70, 780, "Which states can a process be in?"), (70, 680, "What does a scheduler pick?")]
    assert texts(positioned_pdf(numbers + stems)) == ["6.", "7.", *(text for _, _, text in stems)]


def test_text_placed_at_the_pages_foot_mid_stream_makes_nothing_after_it_late() -> None:
    # an equation object whose own coordinates put it at the page's foot, drawn between two
    # questions: the question after it is not "drawn above" the page's text, it is in order
    page = [*QUESTIONS[:3], (3, 20, "48 K / 2 K = 24"), *QUESTIONS[3:]]
    assert texts(positioned_pdf(page)) == [text for _, _, text in page]
