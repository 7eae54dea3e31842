"""quizzes/views/trainee_render.py writes the exam page's answer fragments in Python: the same
markup as their templates (templates/questiontypes/<type>/exam.html), which the practice page
still renders. These tests keep the two from drifting apart."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from quizzes.views.trainee_items import ExamItem, ExamWords, StemPart
from quizzes.views.trainee_render import ANSWERS, answer_html, exam_sections

HOSTILE = "<script>alert('x')</script> & \"引号\""


def item(template: str, **fields: object) -> ExamItem:
    base = ExamItem(
        position=7, n="7", type="single", template=template, type_label="单选题", points=Decimal("2"),
        material="", stem_parts=[StemPart("题干")], options=[("A", "问候"), ("B", HOSTILE), ("C", "推销")],
        chosen="", blanks=[], text="", flagged=False, saved_at=None, images=[], answered=False,
        title="第 7 题", meta="单选题 · 2 分", nav_label="第 7 题，未答", flag_label="标记",
        saved_text="", saved_iso="",
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def squeeze(html: str) -> str:
    """Markup with whitespace between and inside tags collapsed: what the browser builds."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


STATES: list[dict[str, object]] = [
    {},
    {"chosen": "B"},
    {"chosen": "AC"},
    {"chosen": "true"},
    {"chosen": "false"},
    {"blanks": ["", ""]},
    {"blanks": [HOSTILE, "二", "三"]},
    {"text": ""},
    {"text": "第一行\n" + HOSTILE},
]


@pytest.mark.parametrize("template", sorted(ANSWERS))
@pytest.mark.parametrize("state", STATES, ids=range(len(STATES)))
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_each_answer_is_its_template_s_markup(template: str, state: dict[str, object], language: str) -> None:
    with override(language):
        shown = item(template, **state)
        written = answer_html(shown, ExamWords.current())
        assert squeeze(written) == squeeze(render_to_string(template, {"item": shown}))
    assert "<script>" not in written


def test_a_type_without_a_writer_is_rendered_from_its_template(monkeypatch: pytest.MonkeyPatch) -> None:
    template = "questiontypes/truefalse/exam.html"
    shown = item(template, chosen="true")
    monkeypatch.delitem(ANSWERS, template)
    assert answer_html(shown, ExamWords.current()) == render_to_string(template, {"item": shown})


def test_a_question_escapes_its_texts_and_numbers_its_blanks() -> None:
    shown = item(
        "questiontypes/fill/exam.html",
        type="fill",
        material=HOSTILE,
        stem_parts=[StemPart("<b>服务</b>:", blank=1), StemPart("和耐心。")],
        blanks=["", ""],
        images=[41],
        section="第二章 <i>",
        flagged=True,
        flag_label="已标记",
    )
    html = exam_sections([shown], heading="h3", words=ExamWords.current(), image_url="/img/{}/")
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert '<h2 class="section-title">第二章 &lt;i&gt;</h2>' in html
    assert '&lt;b&gt;服务&lt;/b&gt;:<span class="blank-mark">(1)____</span>和耐心。' in html
    assert '<h3 id="q-7-title" tabindex="-1">第 7 题' in html and 'data-flagged="true"' in html
    assert 'src="/img/41/"' in html and 'name="q7-2" data-blank="2"' in html


def test_the_exam_page_s_rows_have_no_field_for_a_key_or_a_grade() -> None:
    from dataclasses import fields

    from quizzes.selectors import QuestionToSit

    names = {f.name for f in fields(QuestionToSit)}
    assert names.isdisjoint(
        {"key", "explanation", "state", "score", "suggested_score", "comment", "key_letters"}
    )
