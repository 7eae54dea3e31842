"""Each question type, table by table: text and cell formats, normalising, validating, remapping
after a shuffle, cleaning a response and showing a value. Pure: no database, no Django."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import questiontypes
from questiontypes import AnswerError, get
from questiontypes.words import FALSE_WORDS, TRUE_WORDS, is_judgement_pair, truth

ROOT = Path(__file__).resolve().parents[2]


def test_registry_holds_each_type_once_in_page_order() -> None:
    assert questiontypes.CODES == ("single", "multiple", "truefalse", "fill", "short")
    assert {"single", "multiple"} == questiontypes.CHOICE_CODES
    assert {t.code for t in questiontypes.TYPES} == set(questiontypes.CODES)


def test_unknown_type_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown question type 'essay'"):
        get("essay")
    with pytest.raises(ValueError, match="unknown question type"):
        questiontypes.grade("essay", "x", "x")


def test_the_package_imports_no_django() -> None:
    for path in (ROOT / "questiontypes").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] in ("django", "qbank", "quizzes", "importers")], path


def test_every_type_has_its_template_fragments() -> None:
    for qtype in questiontypes.TYPES:
        assert (ROOT / "templates" / qtype.exam_template).is_file(), qtype.code
        assert (ROOT / "templates" / qtype.key_template).is_file(), qtype.code


@pytest.mark.parametrize(
    ("qtype", "text", "expected"),
    [
        ("single", " b ", "B"),
        ("single", "ｃ", "C"),
        ("single", "", None),
        ("multiple", "A, C", "AC"),
        ("multiple", "b、a", "BA"),  # order is normalise's job
        ("multiple", "A.B.", "AB"),
        ("truefalse", "对", True),
        ("truefalse", "错误", False),
        ("truefalse", "√", True),
        ("truefalse", "(×)", False),
        ("truefalse", "Yes", True),
        ("truefalse", "F", False),
        ("truefalse", "  ", None),
        ("fill", "客户;服务", ["客户", "服务"]),
        ("fill", "客户 ； 服务", ["客户", "服务"]),
        ("fill", "客户\n服务\n", ["客户", "服务"]),  # one blank a line (the review text box)
        ("fill", "客户|顾客", ["客户|顾客"]),
        ("fill", " ", None),
        ("short", " 先倾听。 ", "先倾听。"),
        ("short", "", None),
    ],
)
def test_parse_text(qtype: str, text: str, expected: object) -> None:
    assert get(qtype).parse_text(text) == expected


@pytest.mark.parametrize(
    ("qtype", "answer", "text"),
    [
        ("single", "B", "B"),
        ("multiple", "ABD", "ABD"),
        ("truefalse", True, "对"),
        ("truefalse", False, "错"),
        ("fill", ["客户|顾客", "服务"], "客户|顾客;服务"),
        ("short", "倾听", "倾听"),
        ("short", None, ""),
    ],
)
def test_format_text_round_trips(qtype: str, answer: object, text: str) -> None:
    kind = get(qtype)
    assert kind.format_text(answer) == text  # type: ignore[arg-type]
    assert kind.format_cell(answer) == text  # type: ignore[arg-type]
    assert kind.parse_text(text) == answer


def test_unrecognised_judgement_text_is_refused() -> None:
    with pytest.raises(AnswerError) as caught:
        get("truefalse").parse_text("也许")
    assert caught.value.code == "truefalse"


@pytest.mark.parametrize(
    ("qtype", "cell", "options", "expected"),
    [
        ("single", "b", 4, "B"),
        ("multiple", "D,B,A", 4, "ABD"),
        ("multiple", "AAB", 4, "AB"),
        ("truefalse", "正确", 0, True),
        ("truefalse", "no", 0, False),
        ("fill", "客户；服务", 0, ["客户", "服务"]),
        ("fill", "客户\n服务", 0, ["客户\n服务"]),  # a cell separates blanks by semicolons only
        ("short", "倾听、致歉", 0, "倾听、致歉"),
        ("single", "", 4, None),
    ],
)
def test_parse_cell(qtype: str, cell: str, options: int, expected: object) -> None:
    assert get(qtype).parse_cell(cell, option_count=options) == expected


@pytest.mark.parametrize(
    ("qtype", "cell", "options", "message"),
    [
        ("single", "1", 4, "答案“1”应为选项字母"),
        ("multiple", "AE", 4, "答案 E,但只有 4 个选项"),
        ("single", "AB", 4, "单选题的答案只能是一个字母,这里是“AB”"),
        ("truefalse", "也许", 0, "判断题的答案应为 对/错,这里是“也许”"),
    ],
)
def test_parse_cell_names_the_problem(qtype: str, cell: str, options: int, message: str) -> None:
    with pytest.raises(AnswerError) as caught:
        get(qtype).parse_cell(cell, option_count=options)
    assert caught.value.text() == message


@pytest.mark.parametrize(
    ("qtype", "answer", "expected"),
    [
        ("single", "b", "B"),
        ("multiple", "dba", "ABD"),
        ("truefalse", True, True),
        ("fill", ["x"], ["x"]),
        ("short", "x", "x"),
        ("multiple", None, None),
    ],
)
def test_normalise(qtype: str, answer: object, expected: object) -> None:
    assert get(qtype).normalise(answer) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("qtype", "answer", "labels", "code"),
    [
        ("single", "B", "ABCD", None),
        ("single", "E", "ABCD", "answer_letters"),
        ("single", "AB", "ABCD", "answer_letters"),
        ("multiple", "ABD", "ABCD", None),
        ("multiple", "C", "ABCD", None),  # one letter is a valid multiple key
        ("multiple", "AA", "ABCD", "answer_letters"),
        ("multiple", "", "ABCD", "answer_letters"),
        ("multiple", ["A"], "ABCD", "answer_letters"),
        ("truefalse", False, "", None),
        ("truefalse", "对", "", "answer_bool"),
        ("fill", ["a", "b"], "", None),
        ("fill", [], "", "answer_blanks"),
        ("fill", "a", "", "answer_blanks"),
        ("fill", ["a", 1], "", "answer_blanks"),
        ("short", "text", "", None),
        ("short", ["text"], "", "answer_text"),
        ("single", None, "", None),  # no key yet
        ("fill", None, "", None),
    ],
)
def test_validate(qtype: str, answer: object, labels: str, code: str | None) -> None:
    if code is None:
        get(qtype).validate(answer, labels=labels)  # type: ignore[arg-type]
        return
    with pytest.raises(AnswerError) as caught:
        get(qtype).validate(answer, labels=labels)  # type: ignore[arg-type]
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("qtype", "answer", "has_key"),
    [("single", None, False), ("truefalse", False, True), ("fill", None, False), ("short", None, True)],
)
def test_has_key(qtype: str, answer: object, has_key: bool) -> None:
    assert get(qtype).has_key(answer) is has_key  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("qtype", "answer", "order", "expected"),
    [
        # Options shown as C, A, D, B: the key "B" (second as printed) now shows fourth.
        ("single", "B", [2, 0, 3, 1], "D"),
        ("multiple", "AB", [2, 0, 3, 1], "BD"),
        ("multiple", "AB", [0, 1, 2, 3], "AB"),
        ("truefalse", True, [], True),
        ("fill", ["x"], [], ["x"]),
    ],
)
def test_remap_follows_the_shuffle(qtype: str, answer: object, order: list[int], expected: object) -> None:
    kind = get(qtype)
    assert kind.has_options is (qtype in questiontypes.CHOICE_CODES)
    assert kind.remap(answer, order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("qtype", "value", "order", "expected"),
    [
        ("single", "C", [3, 0, 1, 2], "B"),  # shown third, printed second
        ("multiple", "CA", [3, 0, 1, 2], "BD"),
        ("multiple", "A, C", [0, 1, 2, 3], "AC"),
        ("single", "", [1, 0], ""),
        ("single", None, [1, 0], ""),
        ("single", "E", [1, 0, 2, 3], ""),  # beyond the options shown: nothing
        ("single", "B", [], ""),  # the shuffle is unknown (an old attempt): nothing counted
        ("truefalse", True, [], "A"),
        ("truefalse", False, [], "B"),
        ("truefalse", None, [], ""),
        ("fill", ["x"], [], ""),
        ("short", "答", [], ""),
    ],
)
def test_bank_letters_undo_the_shuffle(qtype: str, value: object, order: list[int], expected: str) -> None:
    kind = get(qtype)
    assert kind.bank_letters(value, order) == expected
    if qtype in questiontypes.CHOICE_CODES and order and expected:
        assert kind.bank_letters(kind.remap(expected, order), order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("qtype", "response", "expected"),
    [
        ("single", "C", "C"),
        ("multiple", ["C", "A", "A"], "AC"),
        ("multiple", "CA", "AC"),
        ("truefalse", False, False),
        ("fill", ["甲", "乙" * 600], ["甲", "乙" * 500]),
        ("fill", ["x"] * 30, ["x"] * 20),
        ("short", "答" * 30_000, "答" * 20_000),
    ],
)
def test_clean_response_keeps_the_shape(qtype: str, response: object, expected: object) -> None:
    assert get(qtype).clean_response(response, option_count=4) == expected


@pytest.mark.parametrize(
    ("qtype", "response"),
    [
        ("single", "E"),  # beyond the four options
        ("single", "AB"),
        ("single", ["A"]),
        ("multiple", ["A", 1]),
        ("multiple", {"A": 1}),
        ("truefalse", "true"),  # the page sends booleans
        ("fill", "甲"),
        ("fill", ["甲", None]),
        ("short", ["答"]),
    ],
)
def test_clean_response_refuses_other_shapes(qtype: str, response: object) -> None:
    with pytest.raises(AnswerError) as caught:
        get(qtype).clean_response(response, option_count=4)
    assert caught.value.code == "bad_response"


@pytest.mark.parametrize(
    ("qtype", "value", "shown"),
    [
        ("single", "B", "B"),
        ("truefalse", True, "TRUE:对"),
        ("truefalse", False, "TRUE:错"),
        ("fill", ["客户", "服务"], "客户 | 服务"),
        ("short", "倾听", "倾听"),
        ("short", None, ""),
        ("fill", [], ""),
    ],
)
def test_display(qtype: str, value: object, shown: str) -> None:
    # Only the type's own words are translated, never the trainee's text.
    assert get(qtype).display(value, lambda word: f"TRUE:{word}") == shown


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("对", True),
        ("對", True),
        ("正確", True),
        ("✔", True),
        ("T", True),
        ("yes", True),
        ("Ture", True),  # (the misspelling banks print)
        ("是", True),
        ("错", False),
        ("錯誤", False),
        ("❌", False),
        ("x", False),
        ("否", False),
        ("（错）", False),
        ("也许", None),
        ("", None),
        (1, None),
        (True, True),
    ],
)
def test_truth_reads_every_word_for_true_and_false(word: object, expected: bool | None) -> None:
    assert truth(word) is expected


def test_the_word_lists_do_not_overlap() -> None:
    assert not TRUE_WORDS & FALSE_WORDS


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["正确", "错误"], True),
        (["對", "錯"], True),
        (["True", "False"], True),
        (["TURE", "FALSE"], True),  # (the misspelling banks print)
        (["（√）", "（×）"], True),
        (["正确", "错误", "不知道"], False),
        (["客户", "产品"], False),
    ],
)
def test_judgement_pairs(options: list[str], expected: bool) -> None:
    assert is_judgement_pair(options) is expected
