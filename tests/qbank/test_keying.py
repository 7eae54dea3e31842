"""Keying: trainers give the questions that wait for a key their answers, one after another."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from importers.pipeline import classify
from importers.pipeline.model import ParsedQuestion
from importers.services import checked_answer
from qbank import review, services
from qbank.models import Bank, Question
from qbank.review import NO_ANSWER, TYPE_GUESSED
from qbank.selectors import banks_waiting_for_key, questions_to_key
from tests.conftest import client_for

KEYING = reverse("qbank:keying")
FOUR = ["倾听", "辩解", "转交", "挂断"]


def waiting(bank: Bank, stem: str, **fields: Any) -> Question:
    """A question as the importer stores one whose paper printed no answer."""
    fields.setdefault("type", "single")
    fields.setdefault("options", FOUR if fields["type"] in ("single", "multiple") else [])
    fields.setdefault("warnings", [NO_ANSWER])
    return services.question_create(bank=bank, stem=stem, status=Question.Status.NEEDS_REVIEW, **fields)


def key_url(question: Question, query: str = "") -> str:
    url = reverse("qbank:key_question", args=[question.pk])
    return f"{url}?{query}" if query else url


# ---- review: which warnings a key settles ----


def test_key_warnings_are_the_importers_own_words() -> None:
    assert review.NO_ANSWER == classify.NO_ANSWER
    parsed = ParsedQuestion(type="single", stem="甲?", options=["a", "b"], answer="E")
    answer, warnings = checked_answer(parsed)
    assert answer is None and [review.is_key_warning(w) for w in warnings] == [True]
    assert review.warning_label(warnings[0]) == "原答案 'E' 与 2 个选项不符,已舍弃"
    assert not review.is_key_warning(TYPE_GUESSED)
    assert not review.is_key_warning("possible duplicate of the question at line 3")


# ---- selector ----


def test_what_waits_for_a_key(bank: Bank, other_bank: Bank, trainer: Any, trainee: Any) -> None:
    first = services.chapter_get_or_create(bank=bank, title="第一章")
    second = services.chapter_get_or_create(bank=bank, title="第二章")
    single = waiting(bank, "单选?", chapter=first)
    judge = waiting(bank, "判断?", type="truefalse", chapter=second, difficulty=5)
    short = waiting(bank, "简答?", type="short")
    # Not waiting: keyed, retired on purpose, an active short answer (graded by hand), elsewhere.
    waiting(bank, "已有答案?", answer="B")
    services.question_create(bank=bank, stem="停用?", type="truefalse", status=Question.Status.RETIRED)
    services.question_create(bank=bank, stem="启用的简答?", type="short", status=Question.Status.ACTIVE)
    waiting(other_bank, "别的题库?")

    def found(**filters: Any) -> list[Question]:
        return list(questions_to_key(user=trainer, bank_id=bank.pk, **filters))

    assert found() == [single, judge, short]
    assert found(chapter_ids=[second.pk]) == [judge]
    assert found(type="single") == [single]
    assert found(difficulty=5) == [judge]
    assert list(questions_to_key(user=trainee, bank_id=bank.pk)) == []
    assert dict(banks_waiting_for_key(user=trainer)) == {bank: 3, other_bank: 1}


# ---- service ----


def test_key_activates_a_question_whose_only_warning_was_the_key(bank: Bank) -> None:
    question = waiting(bank, "甲?", type="multiple")
    keyed = services.question_key(question=question, answer="db")
    question.refresh_from_db()
    assert (question.answer, question.status, question.warnings) == ("BD", "active", [])
    assert keyed.status == "active"


def test_key_keeps_other_warnings_in_review(bank: Bank) -> None:
    question = waiting(bank, "甲?", type="truefalse", warnings=[NO_ANSWER, TYPE_GUESSED])
    services.question_key(question=question, answer=False)
    question.refresh_from_db()
    assert (question.answer, question.status, question.warnings) == (False, "needs_review", [TYPE_GUESSED])


@pytest.mark.parametrize(
    ("fields", "answer", "code"),
    [
        ({}, "E", "answer_letters"),  # four options: A–D
        ({}, "AB", "answer_letters"),  # single choice: one letter
        ({"type": "truefalse"}, "对", "answer_bool"),  # the form turns words into True/False
        ({"type": "fill"}, "倾听", "answer_blanks"),
        ({}, None, "no_answer"),
        ({"options": ["只有一个"]}, "A", "few_options"),
        ({"answer": "A"}, "B", "not_waiting"),  # keyed meanwhile by someone else
    ],
)
def test_key_refuses_what_does_not_fit(bank: Bank, fields: dict[str, Any], answer: Any, code: str) -> None:
    question = waiting(bank, "甲?", **fields)
    before = question.answer
    with pytest.raises(ValidationError) as raised:
        services.question_key(question=question, answer=answer)
    assert raised.value.code == code
    question.refresh_from_db()
    assert (question.answer, question.status) == (before, "needs_review")


# ---- access: every URL and method against every role ----

MANAGER_CODES = {("get", "page"): 200, ("post", "page"): 405, ("get", "key"): 405, ("post", "key"): 302}


@pytest.mark.parametrize(("method", "url"), list(MANAGER_CODES))
@pytest.mark.parametrize("who", ["anonymous", "trainee", "trainer", "admin"])
def test_access_matrix(
    who: str, method: str, url: str, bank: Bank, admin: Any, trainer: Any, trainee: Any
) -> None:
    user = {"anonymous": None, "trainee": trainee, "trainer": trainer, "admin": admin}[who]
    question = waiting(bank, "客户服务的核心是?")
    path = {"page": f"{KEYING}?bank={bank.pk}", "key": key_url(question, f"bank={bank.pk}")}[url]
    response = getattr(client_for(user), method)(path, {"answer": "A"} if method == "post" else {})
    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif who == "trainee":
        assert response.status_code == 403
    else:
        assert response.status_code == MANAGER_CODES[(method, url)]
    question.refresh_from_db()
    keyed = who in ("trainer", "admin") and (method, url) == ("post", "key")
    assert (question.answer, question.status) == (("A", "active") if keyed else (None, "needs_review"))


# ---- the page ----


def test_page_lists_banks_with_questions_waiting(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    waiting(bank, "甲?")
    waiting(bank, "乙?")
    page = client_for(trainer).get(KEYING).content.decode()
    assert f"{KEYING}?bank={bank.pk}" in page and "2 题待录入答案" in page
    assert f"?bank={other_bank.pk}" not in page


def test_page_shows_one_question_with_lettered_options_and_the_count(bank: Bank, trainer: Any) -> None:
    first = waiting(bank, "投诉处理的第一步是?", material="某客户来电投诉。")
    waiting(bank, "第二题?")
    response = client_for(trainer).get(KEYING, {"bank": bank.pk})
    page = response.content.decode()
    assert response.context["question"] == first and response.context["left"] == 2
    assert "还有 <strong>2</strong> 题待录入答案" in page
    assert "投诉处理的第一步是?" in page and "某客户来电投诉。" in page and "第二题?" not in page
    for letter, text in zip("ABCD", FOUR, strict=True):
        assert f'value="{letter}" data-key="{letter}"' in page and text in page
    # The missing key is why the question is here: not repeated as a warning.
    assert 'type="radio"' in page and "未找到答案" not in page and "保存后仍待审核" not in page
    # A plain form: it posts without JavaScript, and the script is a file (no inline code).
    assert f'action="{key_url(first, f"bank={bank.pk}")}"' in page and "csrfmiddlewaretoken" in page
    assert "js/keying.js" in page and "onclick" not in page and "<script>" not in page


@pytest.mark.parametrize(
    ("fields", "sent", "stored"),
    [
        ({"type": "single"}, ["c"], "C"),
        ({"type": "multiple"}, ["D", "A"], "AD"),
        ({"type": "truefalse"}, ["false"], False),
        ({"type": "fill", "stem": "首先____,然后（ ）。"}, ["倾听", "道歉|致歉"], ["倾听", "道歉|致歉"]),
        ({"type": "short"}, ["先倾听,再道歉。"], "先倾听,再道歉。"),
    ],
)
def test_save_each_type_and_move_on(
    bank: Bank, trainer: Any, fields: dict[str, Any], sent: list[str], stored: Any
) -> None:
    fields.setdefault("stem", "甲?")
    question = waiting(bank, **fields)
    later = waiting(bank, "下一题?")
    query = f"bank={bank.pk}"
    client = client_for(trainer)
    response = client.post(key_url(question, query), {"answer": sent})
    assert response.status_code == 302 and response["Location"] == f"{KEYING}?{query}&after={question.pk}"
    question.refresh_from_db()
    assert (question.answer, question.status, question.warnings) == (stored, "active", [])
    page = client.get(response["Location"])
    assert page.context["question"] == later and page.context["left"] == 1
    assert f"试题 #{question.pk} 已录入答案并启用" in page.content.decode()


@pytest.mark.parametrize(
    ("fields", "sent", "message"),
    [
        ({}, ["E"], "答案 &#x27;E&#x27; 与选项 ABCD 不符"),
        ({}, ["A", "B"], "答案 &#x27;AB&#x27; 与选项 ABCD 不符"),
        ({}, [], "请选择一个选项"),
        ({"type": "truefalse"}, ["maybe"], "判断题的答案请填"),
        ({"type": "fill", "stem": "____和____"}, ["倾听", ""], "每个空都要填写答案"),
        ({"type": "short"}, ["  "], "请填写参考答案"),
    ],
)
def test_wrong_answer_is_refused_with_a_message(
    bank: Bank, trainer: Any, fields: dict[str, Any], sent: list[str], message: str
) -> None:
    fields.setdefault("stem", "甲?")
    question = waiting(bank, **fields)
    response = client_for(trainer).post(key_url(question, f"bank={bank.pk}"), {"answer": sent})
    assert response.status_code == 200 and message in response.content.decode()
    assert response.context["question"] == question and response.context["left"] == 1
    question.refresh_from_db()
    assert (question.answer, question.status) == (None, "needs_review")


def test_refused_choice_keeps_what_was_ticked(bank: Bank, trainer: Any) -> None:
    question = waiting(bank, "甲?")
    page = client_for(trainer).post(key_url(question), {"answer": ["A", "C"]}).content.decode()
    assert 'value="A" data-key="A" checked' in page and 'value="C" data-key="C" checked' in page


def test_other_warnings_keep_it_in_review_and_say_why(bank: Bank, trainer: Any) -> None:
    question = waiting(bank, "甲?", warnings=[NO_ANSWER, TYPE_GUESSED])
    response = client_for(trainer).post(key_url(question, f"bank={bank.pk}"), {"answer": "B"}, follow=True)
    assert f"试题 #{question.pk} 已录入答案,但仍待审核:题型为推测" in response.content.decode()
    question.refresh_from_db()
    assert (question.answer, question.status, question.warnings) == ("B", "needs_review", [TYPE_GUESSED])
    # No longer waiting for a key: the page moved past it for good.
    assert response.context["question"] is None and response.context["left"] == 0


def test_page_says_what_will_keep_a_question_in_review(bank: Bank, trainer: Any) -> None:
    dropped = review.answer_dropped(answer="E", type="single", option_count=4)
    waiting(bank, "甲?", warnings=[dropped, TYPE_GUESSED])
    page = client_for(trainer).get(KEYING, {"bank": bank.pk}).content.decode()
    assert "原答案 &#x27;E&#x27; 与 4 个选项不符,已舍弃" in page
    assert "保存后仍待审核,因为:" in page and "<li>题型为推测</li>" in page


def test_a_question_keyed_meanwhile_is_not_overwritten(bank: Bank, trainer: Any) -> None:
    question = waiting(bank, "甲?")
    services.question_key(question=question, answer="A")
    response = client_for(trainer).post(key_url(question, f"bank={bank.pk}"), {"answer": "B"}, follow=True)
    assert "此题已有答案" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "A"


def test_skip_moves_on_and_wraps_round(bank: Bank, trainer: Any) -> None:
    first, second, third = waiting(bank, "一?"), waiting(bank, "二?"), waiting(bank, "三?")
    client = client_for(trainer)
    response = client.get(KEYING, {"bank": bank.pk})
    assert response.context["question"] == first
    assert response.context["skip_url"] == f"{KEYING}?bank={bank.pk}&after={first.pk}"
    assert client.get(KEYING, {"bank": bank.pk, "after": first.pk}).context["question"] == second
    assert client.get(KEYING, {"bank": bank.pk, "after": third.pk}).context["question"] == first
    assert client.get(KEYING, {"bank": bank.pk, "after": "x"}).context["question"] == first


def test_chapter_and_type_narrow_the_walk(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    chapter = services.chapter_get_or_create(bank=bank, title="第二章 投诉")
    theirs = services.chapter_get_or_create(bank=other_bank, title="别库章节")
    waiting(bank, "不在本章?")
    in_chapter = waiting(bank, "本章判断?", type="truefalse", chapter=chapter)
    waiting(bank, "本章单选?", chapter=chapter)
    client = client_for(trainer)
    response = client.get(KEYING, {"bank": bank.pk, "chapter": chapter.pk, "type": "truefalse"})
    assert response.context["question"] == in_chapter and response.context["left"] == 1
    page = response.content.decode()
    assert "第二章 投诉" in page and "别库章节" not in page
    assert 'data-key="T"' in page and 'data-key="F"' in page
    # A chapter of another bank is refused, not silently widened to the whole bank.
    response = client.get(KEYING, {"bank": bank.pk, "chapter": theirs.pk})
    assert response.context["walk"] is None and response.context["filter_form"].errors["chapter"]


def test_nothing_left(bank: Bank, trainer: Any) -> None:
    waiting(bank, "已有答案?", answer="A")
    response = client_for(trainer).get(KEYING, {"bank": bank.pk})
    assert response.context["question"] is None and "这里的试题都已有答案" in response.content.decode()


def test_stems_are_escaped(bank: Bank, trainer: Any) -> None:
    waiting(bank, "<script>alert(1)</script>是什么?", options=["<b>甲</b>", "乙"])
    page = client_for(trainer).get(KEYING, {"bank": bank.pk}).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page and "<b>甲" not in page


def page_queries(client: Client, bank: Bank) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(KEYING, {"bank": bank.pk}).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_page_queries_do_not_grow_with_questions_waiting(bank: Bank, trainer: Any) -> None:
    client = client_for(trainer)
    chapter = services.chapter_get_or_create(bank=bank, title="第一章")
    waiting(bank, "第0题?", chapter=chapter)
    one = page_queries(client, bank)
    for i in range(1, 20):
        waiting(bank, f"第{i}题?", chapter=chapter)
    twenty = page_queries(client, bank)
    assert len(twenty) == len(one), "\n".join(twenty)


def test_keying_needs_the_csrf_token(bank: Bank, trainer: Any) -> None:
    question = waiting(bank, "甲?")
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainer)
    assert client.post(key_url(question), {"answer": "A"}).status_code == 403
    question.refresh_from_db()
    assert question.answer is None


def test_page_in_english(bank: Bank, trainer: Any) -> None:
    waiting(bank, "甲?", type="truefalse")
    page = client_for(trainer).get(KEYING, {"bank": bank.pk}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for words in ("Key answers", "question left to key", "Save and next", "Skip", "T true, F false"):
        assert words in page
    for words in ("录入答案", "保存并下一题", "跳过"):
        assert words not in page
