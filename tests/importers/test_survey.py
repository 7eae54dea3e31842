"""Questionnaire exports: no numbers, no labels, one field per line."""

from __future__ import annotations

from importers.pipeline.model import Line
from importers.pipeline.survey import parse_survey


def survey(*texts: str) -> list[tuple[str, str, list[str]]]:
    qs = parse_survey([Line(text=t, lineno=i) for i, t in enumerate(texts, 1)])
    return [(q.type, q.stem, q.options) for q in qs]


def test_question_options_statement_and_blank() -> None:
    assert survey(
        "投诉处理的原则有哪些?",
        "首问负责",
        "限时办结",
        "责任查究",
        "客户信息应当每次到店核对并当天更新",
        "回访时间最好控制在()分钟之内",
        "____",
    ) == [
        ("multiple", "投诉处理的原则有哪些?", ["首问负责", "限时办结", "责任查究"]),
        ("truefalse", "客户信息应当每次到店核对并当天更新", []),
        ("fill", "回访时间最好控制在()分钟之内", []),
    ]


def test_survey_fields_dropped() -> None:
    assert survey("您的姓名", "____", "您的职务", "经理", "专员", "品牌简称", "____") == []


def test_long_option_kept_when_a_short_option_follows() -> None:
    out = survey(
        "区域客服的职能有哪些",
        "邀约客户",
        "组织关怀活动",
        "实时掌控所辖品牌的主机厂客服营销新策略、新方法及对经销商的扶持、考核等信息及实质以利于研讨",
        "研讨推进",
    )
    assert len(out) == 1 and len(out[0][2]) == 4


def test_one_plain_line_under_a_line_that_asks_is_its_answer_not_a_lost_option() -> None:
    qs = parse_survey(
        [
            Line(text=t, lineno=i)
            for i, t in enumerate(["服务的目标是什么?", "客户满意", "渠道有哪些?", "微信", "邮件"], 1)
        ]
    )
    assert [(q.type, q.stem, q.options, q.answer) for q in qs] == [
        ("short", "服务的目标是什么?", [], "客户满意"),
        ("multiple", "渠道有哪些?", ["微信", "邮件"], None),
    ]
