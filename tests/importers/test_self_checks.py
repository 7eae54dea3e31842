"""The parse checked against itself: each check flags its failure and stays quiet on a sound paper."""

from __future__ import annotations

from django.utils import translation

from importers.coverage_text import coverage_summary
from importers.pipeline import parse_document, self_checks
from importers.pipeline.model import ParsedQuestion as Q


def choice(n: int, *, section: str = "一、单项选择题", options: int = 4, answer: str | None = "A") -> Q:
    labels = [f"选项{i}" for i in range(options)]
    return Q(
        type="single",
        stem=f"第{n}题的题干是什么( )",
        options=labels,
        answer=answer,
        number=str(n),
        lineno=n * 10,
        section=section,
    )


def sound(count: int = 20) -> list[Q]:
    return [choice(n) for n in range(1, count + 1)]


def test_a_sound_paper_passes_every_check() -> None:
    assert self_checks.run_checks(sound(), {}) == []


def test_numbering_that_keeps_breaking_is_flagged_and_a_lost_spine_is_poor() -> None:
    gaps = [choice(n) for n in (1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15)]  # every fourth question lost
    found = self_checks.numbering_breaks(gaps, {})
    assert found is not None and found.reason == "question numbers skip or restart at 3 of 11 steps"
    assert not found.poor
    scattered = [choice(n) for n in (5, 1, 3, 1, 3, 1, 1, 4, 5, 1)]
    lost = self_checks.numbering_breaks(scattered, {})
    assert lost is not None and lost.poor


def test_restarts_under_a_heading_or_at_a_change_of_type_are_runs_not_breaks() -> None:
    runs = [choice(n) for n in range(1, 6)] * 4  # four runs of 1..5
    headings = {q.lineno + 1: ["heading"] for q in runs if q.number == "5"}
    assert self_checks.numbering_breaks(runs, headings) is None
    for q in runs[5:10] + runs[15:]:
        q.type = "multiple"  # a platform export numbers each type from 1, without a heading
    assert self_checks.numbering_breaks(runs, {}) is None


def test_a_paper_numbering_every_question_1_or_picking_from_a_bank_keeps_its_own_spine() -> None:
    copied = [choice(1) for _ in range(10)]  # copied one by one from a site that numbers each "1."
    assert self_checks.numbering_breaks(copied, {}) is None
    picked = [choice(n) for n in (3, 13, 16, 17, 18, 20, 24, 25, 31, 39, 41, 42)]  # past papers' picks
    assert self_checks.numbering_breaks(picked, {}) is None


def test_the_parts_of_each_problem_numbered_from_1_are_runs_not_breaks() -> None:
    parts = [choice(n, section="一、单项选择题") for n in (1, 2, 3) * 4]
    for at, q in enumerate(parts):
        q.material = f"第{at // 3}题的材料"
    assert self_checks.numbering_breaks(parts, {}) is None


def test_reading_sets_picked_from_other_papers_keep_their_numbers_under_each_passage() -> None:
    picked = [choice(n) for n in (66, 67, 68, 73, 74, 75, 69, 70, 71, 65, 66, 67)]
    for at, q in enumerate(picked):
        q.material = f"Passage {at // 3}"
    assert self_checks.numbering_breaks(picked, {}) is None
    for q in picked:
        q.material = ""
    assert self_checks.numbering_breaks(picked, {}) is not None  # (with no passages, a broken spine)


def test_choice_questions_read_without_options_are_flagged() -> None:
    bare = [choice(n, options=0, answer=None) for n in range(1, 6)]
    for q in bare:
        q.type = "short"
    found = self_checks.choices_without_options([*sound(5), *bare], {})
    assert found is not None and found.reason == "5 question(s) in choice sections have no options"
    assert found.poor  # half the choice section


def test_parts_of_a_problem_after_the_choices_of_an_unheaded_paper_lost_no_options() -> None:
    parts = [choice(n, options=0, answer=None) for n in range(1, 6)]
    for q in parts:
        q.type, q.material = "fill", "根据光合作用中CO2的固定方式不同。回答下列问题。"
    assert self_checks.choices_without_options([*sound(5), *parts], {}) is None


def test_option_lines_left_in_a_stem_or_answer_are_flagged() -> None:
    swallowed = Q(type="short", stem="{", answer="a->f();\n[ ] A. 没有问题\n[x] B. 输出A", number="9")
    found = self_checks.options_in_text([*sound(), swallowed], {})
    assert found is not None and found.reason == "1 question(s) hold option lines in the stem or answer"


def test_stems_without_text_are_flagged() -> None:
    fragments = [Q(type="short", stem=s, answer="x") for s in ("{", "}", "…")]
    found = self_checks.blank_stems([*sound(), *fragments], {})
    assert found is not None and found.reason == "3 question(s) have a stem without text"


def test_stems_opening_with_the_same_label_are_flagged() -> None:
    records = [choice(n) for n in range(1, 11)]
    for q in records[:4]:
        q.stem = f"题号:{q.number}/300\n{q.stem}"  # a record's field the segmenter did not know
    found = self_checks.shared_stem_label(records, {})
    assert found is not None and found.reason == '4 question(s) open with the same label "题号"'
    assert self_checks.shared_stem_label(records[4:], {}) is None


def test_questions_printed_with_only_their_chosen_option_are_no_lost_options() -> None:
    from importers.pipeline.classify import OPTIONS_NOT_PRINTED

    echoed = [choice(n, options=0, answer="B") for n in range(6, 16)]
    for q in echoed:
        q.warnings.append(OPTIONS_NOT_PRINTED)
    assert self_checks.run_checks([*sound(5), *echoed], {}) == []


def test_a_type_tag_naming_another_type_is_flagged() -> None:
    misread = [
        Q(type="single", stem=f"{n}. (判断题, 2分)说法{n}。", options=["对", "错", "无", "无"], answer="A")
        for n in range(3)
    ]
    found = self_checks.type_tags_disagree([*sound(), *misread], {})
    assert (
        found is not None
        and found.reason == "3 question(s) are tagged as another type than they were read as"
    )
    agreeing = [Q(type="truefalse", stem="1. (判断题, 2分)说法。", answer=True)] * 3
    assert self_checks.type_tags_disagree(agreeing, {}) is None


def test_answers_beyond_the_options_are_flagged() -> None:
    beyond = [choice(n, options=2, answer="D") for n in range(1, 4)]
    found = self_checks.unfit_answers([*sound(10), *beyond], {})
    assert found is not None and found.reason == "3 answer(s) do not fit their question"


def test_a_key_that_stops_halfway_is_flagged_but_no_key_at_all_is_a_note() -> None:
    half = sound(10) + [choice(n, answer=None) for n in range(11, 21)]
    found = self_checks.partly_keyed(half, {})
    assert found is not None and found.reason == "10 of 20 question(s) have no answer key"
    unkeyed = [choice(n, answer=None) for n in range(1, 21)]
    assert self_checks.partly_keyed(unkeyed, {}) is None
    assert self_checks.key_note(unkeyed) == "20 of 20 question(s) have no answer key"


def test_option_counts_far_from_the_sections_usual_are_flagged() -> None:
    odd = [choice(21, options=1), choice(22, options=9), choice(23, options=12)]
    found = self_checks.odd_option_counts([*sound(), *odd], {})
    assert (
        found is not None
        and found.reason == "3 choice question(s) have far more or fewer options than the others"
    )


def test_a_part_that_counts_more_questions_than_were_read_is_flagged() -> None:
    counted = "一.单选题（共20题，100.0分）"
    lost = [choice(n, section=counted) for n in range(1, 15)]  # six of twenty read into nothing
    found = self_checks.fewer_than_declared(lost, {})
    assert found is not None and found.reason == "6 question(s) fewer than the parts' headings count"
    with translation.override("zh-hans"):
        assert "比大题标题里写的题数少了 6 题" in coverage_summary(
            {"verdict": "check", "reasons": [found.reason], "notes": []}
        )
    assert self_checks.fewer_than_declared([choice(n, section=counted) for n in range(1, 21)], {}) is None
    # five kept of twenty: a part copied in extract, not questions lost in reading
    extract = [choice(n, section=counted) for n in range(1, 6)]
    assert self_checks.fewer_than_declared(extract, {}) is None


def test_an_unkeyed_paper_is_trusted_and_says_it_has_no_key() -> None:
    body = "".join(f"{n}. 第{n}题?\nA. 甲\nB. 乙\n" for n in range(1, 11))
    cov = parse_document("p.txt", body.encode()).coverage
    assert cov is not None and (cov.verdict, cov.reasons) == ("ok", [])
    assert cov.notes == ["10 of 10 question(s) have no answer key"]


def test_a_choice_section_read_without_options_makes_the_paper_poor() -> None:
    body = "选择题\n" + "".join(f"{n}. 第{n}题说的是( )。\n" for n in range(1, 9))
    cov = parse_document("p.txt", body.encode()).coverage
    assert cov is not None and cov.verdict == "poor"
    assert "8 question(s) in choice sections have no options" in cov.reasons
    # printed with the chosen option in the blank, the parse is right: each question says why
    echoed = "选择题\n" + "".join(f"{n}. 第{n}题说的是(B. 乙{n})。\n" for n in range(1, 9))
    paper = parse_document("p.txt", echoed.encode())
    assert paper.coverage is not None and paper.coverage.verdict == "ok"
    assert all(q.warnings == ["only the chosen option was printed"] for q in paper.questions)
    # a bank printing only the keys ("题目：…" / "答案：B"): each question says so, no misreading
    topics = ["客户", "服务", "投诉", "礼仪", "沟通", "倾听", "致歉", "跟进"]
    keys = "".join(f"题目：{t}的核心是（）。\n答案：{'ABCD'[n % 4]}\n\n" for n, t in enumerate(topics))
    paper = parse_document("p.txt", keys.encode())
    assert paper.coverage is not None and paper.coverage.verdict == "ok"
    assert all(q.warnings == ["no options were printed, only the key"] for q in paper.questions)


def test_reasons_and_notes_are_shown_in_the_interface_language() -> None:
    coverage = {
        "share": 1,
        "verdict": "check",
        "reasons": ["question numbers skip or restart at 4 of 11 steps"],
        "notes": ["20 of 20 question(s) have no answer key"],
    }
    text = coverage_summary(coverage)
    assert "题号有 4 处跳号或重新编号" in text and "20 题中有 20 题没有答案" in text
    with translation.override("en"):
        assert "skip" in coverage_summary(coverage).lower()
