"""Trainers browse, search, edit and retire questions; attempts already taken do not change."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qbank import services
from qbank.models import Bank, Chapter, Question
from quizzes import services as quiz_services
from quizzes.models import Paper
from quizzes.selectors import pool_for
from tests.conftest import client_for

LIST = reverse("qbank:question_list")
BULK = reverse("qbank:question_bulk")


def add(bank: Bank, stem: str, **fields: Any) -> Question:
    fields.setdefault("type", "single")
    fields.setdefault("options", ["甲", "乙", "丙", "丁"])
    fields.setdefault("answer", "A")
    fields.setdefault("status", Question.Status.ACTIVE)
    return services.question_create(bank=bank, stem=stem, **fields)


def edit_data(**overrides: Any) -> dict[str, Any]:
    """A complete, valid edit form for a four-option single choice question."""
    data = {
        "type": "single",
        "status": "active",
        "stem": "甲?",
        "material": "",
        "options": "a\nb\nc\nd",
        "answer": "A",
        "explanation": "",
        "difficulty": 3,
        "tags": "",
        "chapter": "",
    }
    data.update(overrides)
    return data


def edit(client: Client, question: Question, **overrides: Any) -> Any:
    return client.post(reverse("qbank:question_edit", args=[question.pk]), edit_data(**overrides))


def rows(response: Any) -> list[int]:
    return [question.pk for question in response.context["page"]]


# ---- access: every URL and method against every role (Zulip-style matrix) ----

MANAGER_CODES = {
    ("get", "list"): 200,
    ("post", "list"): 405,
    ("get", "edit"): 200,
    ("post", "edit"): 302,
    ("get", "retire"): 405,
    ("post", "retire"): 302,
    ("get", "bulk"): 405,
    ("post", "bulk"): 302,
}


@pytest.mark.parametrize(("method", "url"), list(MANAGER_CODES))
@pytest.mark.parametrize("who", ["anonymous", "trainee", "trainer", "admin"])
def test_access_matrix(
    who: str, method: str, url: str, bank: Bank, admin: Any, trainer: Any, trainee: Any
) -> None:
    user = {"anonymous": None, "trainee": trainee, "trainer": trainer, "admin": admin}[who]
    question = add(bank, "客户服务的核心是?")
    path = {
        "list": LIST,
        "edit": reverse("qbank:question_edit", args=[question.pk]),
        "retire": reverse("qbank:question_retire", args=[question.pk]),
        "bulk": BULK,
    }[url]
    data = {
        "list": {},
        "edit": edit_data(stem="客户服务的核心是?"),
        "retire": {"status": "retired"},
        "bulk": {"ids": [question.pk], "action": "retire"},
    }[url]
    response = getattr(client_for(user), method)(path, data)
    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif who == "trainee":
        assert response.status_code == 403
    else:
        assert response.status_code == MANAGER_CODES[(method, url)]
    question.refresh_from_db()
    changed = who in ("trainer", "admin") and method == "post" and url in ("retire", "bulk")
    assert question.status == ("retired" if changed else "active")


def test_bank_managers_see_the_nav_link_and_trainees_do_not(trainer: Any, trainee: Any) -> None:
    assert LIST in client_for(trainer).get(reverse("home")).content.decode()
    assert LIST not in client_for(trainee).get(reverse("home")).content.decode()


def test_old_address_redirects_to_the_list(trainer: Any) -> None:
    response = client_for(trainer).get("/bank/?q=x")
    assert response.status_code == 302 and response["Location"] == f"{LIST}?q=x"


# ---- list: search, filters, paging, escaping, query count ----


@pytest.mark.parametrize("query", ["客戶服務", "客户服务"])
def test_search_finds_traditional_and_simplified_alike(bank: Bank, trainer: Any, query: str) -> None:
    simplified = add(bank, "售后客户服务的目标是?")
    traditional = add(bank, "售後客戶服務的重點是?")
    in_option = add(bank, "下列哪项正确?", options=["提升客户服务", "降低成本"])
    add(bank, "无关的题目?")
    response = client_for(trainer).get(LIST, {"q": query})
    assert sorted(rows(response)) == sorted([simplified.pk, traditional.pk, in_option.pk])


def test_filters_by_bank_chapter_type_and_status(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    first = services.chapter_get_or_create(bank=bank, title="第一章")
    second = services.chapter_get_or_create(bank=bank, title="第二章")
    in_first = add(bank, "第一章的题?", chapter=first)
    in_second = add(bank, "第二章的题?", chapter=second)
    short = add(bank, "简答题一?", type="short", options=[], answer=None, status="needs_review")
    elsewhere = add(other_bank, "别的题库的题?")
    client = client_for(trainer)
    assert sorted(rows(client.get(LIST))) == sorted([in_first.pk, in_second.pk, short.pk, elsewhere.pk])
    assert rows(client.get(LIST, {"bank": other_bank.pk})) == [elsewhere.pk]
    assert rows(client.get(LIST, {"bank": bank.pk, "chapter": second.pk})) == [in_second.pk]
    assert rows(client.get(LIST, {"type": "short"})) == [short.pk]
    assert rows(client.get(LIST, {"status": "needs_review"})) == [short.pk]
    assert rows(client.get(LIST, {"type": "single", "status": "needs_review"})) == []


def test_chapter_filter_offers_the_chosen_banks_chapters(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    services.chapter_get_or_create(bank=bank, title="本库章节")
    theirs = services.chapter_get_or_create(bank=other_bank, title="别库章节")
    mine = add(bank, "本库的题?")
    response = client_for(trainer).get(LIST, {"bank": bank.pk, "chapter": theirs.pk})
    page = response.content.decode()
    assert "本库章节" in page and "别库章节" not in page
    # The stale chapter is reported and ignored; the bank filter still applies.
    assert response.context["form"].errors["chapter"] and rows(response) == [mine.pk]


def test_fifty_a_page(bank: Bank, trainer: Any) -> None:
    for i in range(51):
        add(bank, f"第{i}题?")
    client = client_for(trainer)
    assert len(rows(client.get(LIST))) == 50
    assert len(rows(client.get(LIST, {"page": 2}))) == 1


def test_row_shows_type_chapter_status_difficulty_and_warnings(bank: Bank, trainer: Any) -> None:
    chapter = services.chapter_get_or_create(bank=bank, title="第三章 投诉")
    add(bank, "有提示的题?", chapter=chapter, difficulty=4, warnings=["答案缺失", "选项不全"])
    page = client_for(trainer).get(LIST).content.decode()
    for text in ("单选题", "第三章 投诉", "已启用", "难度 4", "2 条提示"):
        assert text in page


def test_stems_are_escaped(bank: Bank, trainer: Any) -> None:
    question = add(bank, "<script>alert(1)</script>是什么?")
    client = client_for(trainer)
    for url in (LIST, reverse("qbank:question_edit", args=[question.pk])):
        page = client.get(url).content.decode()
        assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def list_queries(client: Client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_list_queries_do_not_grow_with_rows(bank: Bank, trainer: Any) -> None:
    client = client_for(trainer)
    chapter = services.chapter_get_or_create(bank=bank, title="第一章")
    add(bank, "第0题?", chapter=chapter, warnings=["提示"])
    one = list_queries(client)
    for i in range(1, 50):
        add(bank, f"第{i}题?", chapter=chapter, warnings=["提示"])
    fifty = list_queries(client)
    # If rows cost a query each this would be 50+ apart; print them when it fails.
    assert len(fifty) == len(one), "\n".join(fifty)


# ---- edit ----


def published_paper(bank: Bank, trainer: Any) -> Paper:
    paper = Paper.objects.create(title="测验", bank=bank, created_by=trainer, shuffle_options=False)
    quiz_services.rules_replace(paper=paper, rules=[{"type": "single", "count": 1, "points": Decimal("1")}])
    return quiz_services.paper_publish(paper=paper)


def test_edit_form_is_filled_from_the_question(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?", type="multiple", options=["a", "b", "c"], answer="AC", tags=["投诉", "基础"])
    form = client_for(trainer).get(reverse("qbank:question_edit", args=[question.pk])).context["form"]
    assert form.initial["options"] == "a\nb\nc" and form.initial["answer"] == "AC"
    assert set(form.initial["tags"].split("、")) == {"投诉", "基础"}


def test_edit_saves_and_keeps_attempts_frozen(bank: Bank, trainer: Any, trainee: Any) -> None:
    chapter = services.chapter_get_or_create(bank=bank, title="第一章")
    question = add(bank, "投诉处理的第一步是?", options=["倾听", "辩解"], answer="A")
    attempt = quiz_services.attempt_start(
        paper=published_paper(bank, trainer), user=trainee, rng=random.Random(1)
    )
    back = f"{LIST}?q=%E6%8A%95%E8%AF%89"  # 投诉, as the browser sends it
    response = client_for(trainer).post(
        reverse("qbank:question_edit", args=[question.pk]),
        edit_data(
            stem="投诉处理的第一步应当是?",
            options="辩解\n倾听\n转交",
            answer="b",
            difficulty=2,
            tags="投诉、基础,投诉",
            chapter=chapter.pk,
            explanation="先听。",
            next=back,
        ),
    )
    assert response.status_code == 302 and response["Location"] == back
    question.refresh_from_db()
    assert (question.stem, question.answer, question.difficulty) == ("投诉处理的第一步应当是?", "B", 2)
    assert (question.chapter, question.explanation) == (chapter, "先听。")
    assert [o.text for o in question.options.all()] == ["辩解", "倾听", "转交"]
    assert sorted(t.name for t in question.tags.all()) == ["基础", "投诉"]
    # The fingerprint and search column follow the new text.
    assert "转交" in question.search_text and add(bank, "别的题?").fingerprint != question.fingerprint
    frozen = attempt.questions.get()
    assert (frozen.stem, frozen.options, frozen.key) == ("投诉处理的第一步是?", ["倾听", "辩解"], "A")


def test_edit_changes_the_type_and_drops_options_it_no_longer_has(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    response = edit(client_for(trainer), question, type="truefalse", answer="错")
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.type, question.answer, question.options.count()) == ("truefalse", False, 0)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"answer": "E"}, "answer", "与选项 ABCD 不符"),  # E with four options
        ({"answer": "AB"}, "answer", "与选项 ABCD 不符"),  # single choice, two letters
        ({"options": "a"}, "options", "至少要有两个选项"),
        ({"type": "truefalse", "answer": "也许"}, "answer", "判断题的答案请填"),
        ({"answer": "", "status": "active"}, "status", "没有答案的试题不能启用"),
        ({"stem": ""}, "stem", "必填"),
        ({"difficulty": 6}, "difficulty", "5"),
    ],
)
def test_edit_refuses_what_does_not_fit(
    bank: Bank, trainer: Any, overrides: dict[str, Any], field: str, message: str
) -> None:
    question = add(bank, "甲?", options=["a", "b", "c", "d"])
    response = edit(client_for(trainer), question, **overrides)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    question.refresh_from_db()
    assert (question.stem, question.answer, question.type) == ("甲?", "A", "single")


@pytest.mark.parametrize(
    ("overrides", "stored"),
    [
        ({"type": "multiple", "answer": "C"}, "C"),  # answer_validate allows one letter for multiple
        ({"type": "multiple", "answer": "d, a"}, "AD"),
        ({"type": "fill", "answer": "倾听;道歉"}, ["倾听", "道歉"]),
        ({"type": "short", "answer": "", "status": "active"}, None),  # graded by hand: no key needed
        ({"answer": "", "status": "needs_review"}, None),
    ],
)
def test_edit_accepts_answers_that_fit(
    bank: Bank, trainer: Any, overrides: dict[str, Any], stored: object
) -> None:
    question = add(bank, "甲?")
    assert edit(client_for(trainer), question, **overrides).status_code == 302
    question.refresh_from_db()
    assert question.answer == stored


def test_edit_refuses_becoming_a_copy_of_another_question(bank: Bank, trainer: Any) -> None:
    original = add(bank, "售后服务的目标?", options=["a", "b", "c", "d"])
    other = add(bank, "乙?", options=["a", "b", "c", "d"])
    # Traditional characters and other punctuation are still the same question.
    response = edit(client_for(trainer), other, stem="售後服務的目標?")
    assert response.status_code == 200
    assert f"修改后与试题 #{original.pk} 相同" in response.content.decode()
    other.refresh_from_db()
    assert (other.stem, other.status) == ("乙?", "active")


def test_next_never_leaves_the_site(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    response = edit(client_for(trainer), question, next="https://evil.example/bank/questions/")
    assert response["Location"] == LIST


# ---- retire, reactivate, bulk ----


def test_retire_and_reactivate(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    client = client_for(trainer)
    url = reverse("qbank:question_retire", args=[question.pk])
    client.post(url, {"status": "retired"})
    question.refresh_from_db()
    assert question.status == "retired"
    assert not pool_for(bank_id=bank.pk, type="single", chapter_ids=[], difficulty=None).exists()
    client.post(url, {"status": "active"})
    question.refresh_from_db()
    assert question.status == "active"
    assert list(pool_for(bank_id=bank.pk, type="single", chapter_ids=[], difficulty=None)) == [question]
    assert client.post(url, {"status": "needs_review"}).status_code == 400


def test_retired_question_is_not_drawn(bank: Bank, trainer: Any) -> None:
    keep = add(bank, "留下的题?")
    gone = add(bank, "停用的题?")
    client_for(trainer).post(reverse("qbank:question_retire", args=[gone.pk]), {"status": "retired"})
    paper = published_paper(bank, trainer)
    draws = {
        q.pk for _ in range(10) for q, _points in quiz_services.paper_draw(paper=paper, rng=random.Random())
    }
    assert draws == {keep.pk}


def test_reactivating_a_question_without_a_key_is_refused(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?", answer=None, status="retired")
    response = client_for(trainer).post(
        reverse("qbank:question_retire", args=[question.pk]), {"status": "active"}, follow=True
    )
    assert "没有答案的试题不能启用" in response.content.decode()
    question.refresh_from_db()
    assert question.status == "retired"


def test_bulk_retire_and_activate(bank: Bank, trainer: Any) -> None:
    a, b, untouched = add(bank, "甲?"), add(bank, "乙?"), add(bank, "丙?")
    keyless = add(bank, "丁?", answer=None, status="needs_review")
    client = client_for(trainer)
    back = f"{LIST}?status=active"
    response = client.post(BULK, {"ids": [a.pk, b.pk], "action": "retire", "next": back})
    assert response["Location"] == back
    statuses = dict(Question.objects.values_list("pk", "status"))
    assert (statuses[a.pk], statuses[b.pk], statuses[untouched.pk]) == ("retired", "retired", "active")
    page = client.post(BULK, {"ids": [a.pk, keyless.pk], "action": "activate"}, follow=True)
    text = page.content.decode()
    assert "1 道试题已改为“已启用”" in text and "1 道试题没有答案,未启用" in text
    statuses = dict(Question.objects.values_list("pk", "status"))
    assert (statuses[a.pk], statuses[b.pk], statuses[keyless.pk]) == ("active", "retired", "needs_review")


@pytest.mark.parametrize(
    "data",
    [
        {"action": "retire"},  # nothing ticked
        {"ids": ["999999"], "action": "retire"},  # not a question this user may manage
        {"ids": ["QID"], "action": "delete"},  # not an action
    ],
)
def test_bulk_refuses_bad_input_and_changes_nothing(bank: Bank, trainer: Any, data: dict[str, Any]) -> None:
    question = add(bank, "甲?")
    data = {
        key: [question.pk if v == "QID" else v for v in value] if key == "ids" else value
        for key, value in data.items()
    }
    response = client_for(trainer).post(BULK, data, follow=True)
    assert response.status_code == 200 and len(list(response.context["messages"])) == 1
    question.refresh_from_db()
    assert question.status == "active"


def test_bulk_needs_the_csrf_token(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainer)
    assert client.post(BULK, {"ids": [question.pk], "action": "retire"}).status_code == 403
    question.refresh_from_db()
    assert question.status == "active"


def test_list_offers_bulk_buttons_inside_a_csrf_form(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    page = client_for(trainer).get(LIST).content.decode()
    assert f'name="ids" value="{question.pk}"' in page and "csrfmiddlewaretoken" in page


def test_chapter_must_belong_to_the_questions_bank(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    theirs = Chapter.objects.create(bank=other_bank, title="别库章节")
    response = edit(client_for(trainer), question, chapter=theirs.pk)
    assert response.status_code == 200 and response.context["form"].errors["chapter"]


def test_bulk_move_to_a_chapter(bank: Bank, other_bank: Bank, trainer: Any) -> None:
    first = services.chapter_get_or_create(bank=bank, title="第一章")
    second = services.chapter_get_or_create(bank=bank, title="第二章")
    a, b = add(bank, "甲?", chapter=first), add(bank, "乙?")
    elsewhere = add(other_bank, "丙?")
    client = client_for(trainer)
    page = client.get(LIST).content.decode()
    # The chapters offered read in order: 第一章 before 第二章.
    assert page.index(f"{bank.name} / 第一章") < page.index(f"{bank.name} / 第二章")
    response = client.post(
        BULK, {"ids": [a.pk, b.pk, elsewhere.pk], "action": "move", "chapter": second.pk}, follow=True
    )
    text = response.content.decode()
    assert "2 道试题已移到“第二章”" in text and "1 道试题属于别的题库,没有移动" in text
    chapters = dict(Question.objects.values_list("pk", "chapter_id"))
    assert (chapters[a.pk], chapters[b.pk], chapters[elsewhere.pk]) == (second.pk, second.pk, None)
    # Moving without a chapter changes nothing and says why.
    response = client.post(BULK, {"ids": [a.pk], "action": "move"}, follow=True)
    assert "请选择要移到的章节" in response.content.decode()
    assert Question.objects.get(pk=a.pk).chapter_id == second.pk


def test_every_stored_parser_warning_reads_in_the_interface_language(bank: Bank, trainer: Any) -> None:
    from importers.pipeline import classify, coverage, parse
    from qbank.review import warning_label

    stored = [
        classify.NO_ANSWER,
        classify.TYPE_GUESSED,
        classify.OPTIONS_NOT_PRINTED,
        coverage.RUN_TOGETHER,
        coverage.OVERLONG,
        parse.SURVEY_NOTE,
        "possible duplicate of the question at line 12",
        "2 answer(s) for 3 blank(s)",
        "answer 'E' is not an option letter",
        "answer 'E' does not fit a single question with 4 options",
    ]
    for warning in stored:
        label = warning_label(warning)
        assert label != warning and not any("a" <= ch <= "z" for ch in label), (warning, label)
    question = add(bank, "有提示?", warnings=stored)
    page = client_for(trainer).get(reverse("qbank:question_edit", args=[question.pk])).content.decode()
    assert "可能是几道题连在了一起" in page and "several questions" not in page
