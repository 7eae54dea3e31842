"""A graded attempt's own answers as the key, only where the paper scored them right."""

from __future__ import annotations

from importers.pipeline import parse_document
from importers.pipeline.trainee_keys import TRAINEE_KEY


def parse(text: str) -> list[dict[str, object]]:
    paper = parse_document("attempt.txt", text.encode())
    return [q.as_json("attempt.txt", i) for i, q in enumerate(paper.questions, 1)]


def keys(text: str) -> list[object]:
    return [q["answer"] for q in parse(text)]


SINGLE_SCORED = (
    "一.单选题（共2题,66.6分）\n\n1【单选题】服务的核心是（）。\n\nA、态度\n\nB、价格\n\n"
    "我的答案：A得分： 33.3分\n\n2【单选题】投诉的第一步是（）。\n\nA、争辩\n\nB、倾听\n\n"
    "我的答案：A得分： 0.0分\n"
)


def test_a_single_choice_that_scored_is_keyed_by_the_trainee_and_says_so() -> None:
    first, second = parse(SINGLE_SCORED)
    assert first["answer"] == "A" and TRAINEE_KEY in first["warnings"]
    assert second["answer"] is None  # scored nothing: the trainee was wrong, the key unknown


def test_a_judgement_that_scored_nothing_is_keyed_the_other_way() -> None:
    paper = (
        "二.判断题（共2题,66.7分）\n\n1【判断题】投诉要记录。（）\n\n我的答案：√得分： 33.3分\n\n"
        "2【判断题】可以与客户争辩。（）\n\n我的答案：√得分： 0.0分\n"
    )
    assert keys(paper) == [True, False]


def test_a_multiple_choice_needs_its_full_points_where_part_marks_are_possible() -> None:
    paper = (
        "三.多选题（共2题,20.0分）\n\n1【多选题】礼仪包括（）。\n\nA、微笑\n\nB、倾听\n\nC、争辩\n\n"
        "我的答案：AB得分： 10.0分\n\n2【多选题】投诉处理包括（）。\n\nA、记录\n\nB、跟进\n\nC、推诿\n\n"
        "我的答案：A得分： 5.0分\n"
    )
    assert keys(paper) == ["AB", None]


def test_an_attempt_with_full_marks_keys_every_answer_scores_or_not() -> None:
    paper = (
        "题量: 3 满分: 100.0\n本次成绩100分\n一. 单选题（共1题）\n1\n【单选题】服务的核心是（）。\n"
        "A、态度\nB、价格\n我的答案：B\n二. 多选题（共1题）\n2\n【多选题】礼仪包括（）。\n"
        "A、微笑\nB、倾听\nC、争辩\n我的答案：AB\n"
        "三. 填空题（共1题）\n3\n【填空题】客户是企业的____。\n我的答案：上帝\n"
    )
    assert keys(paper) == ["B", "AB", ["上帝"]]


def test_an_attempt_short_of_full_marks_keys_only_by_each_score() -> None:
    paper = "本次成绩50分\n1【多选题】礼仪包括（）。\nA、微笑\nB、倾听\n我的答案：AB\n"
    assert keys(paper) == [None]


def test_a_printed_key_outranks_the_trainee_answer() -> None:
    paper = "1【单选题】服务的核心是（）。\nA、态度\nB、价格\n我的答案：A 正确答案：B 得分：0.0分\n"
    (q,) = parse(paper)
    assert q["answer"] == "B" and TRAINEE_KEY not in q["warnings"]


def test_a_question_answered_by_the_trainee_is_never_a_case_story() -> None:
    """ "2【判断题】…" then "我的答案" then a new quiz's "1【单选题】": three questions, not the
    judgement taken as the story the single choice is asked about."""
    paper = (
        "二.判断题（共2题,66.7分）\n\n1【判断题】投诉要记录。（）\n\n我的答案：√得分： 33.3分\n\n"
        "2【判断题】可以与客户争辩。（）\n\n我的答案：×得分： 33.4分\n\n"
        "1【单选题】服务的核心是（）。\n\n·        A、态度\n\n·        B、价格\n\n我的答案：A得分： 33.3分\n"
    )
    assert [(q["type"], q["stem"], q["options"], q["answer"]) for q in parse(paper)] == [
        ("truefalse", "投诉要记录。()", [], True),
        ("truefalse", "可以与客户争辩。()", [], False),
        ("single", "服务的核心是()。", ["态度", "价格"], "A"),
    ]
