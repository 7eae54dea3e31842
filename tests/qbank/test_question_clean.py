"""A question's answer is checked by the model (Question.clean), so no path can skip it: the
Django admin, the bank pages, the importers and the spreadsheet all go through full_clean."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qbank import services
from qbank.models import Bank, Question
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def admin_data(bank: Bank, **fields: Any) -> dict[str, Any]:
    data = {
        "bank": bank.pk,
        "chapter": "",
        "type": "truefalse",
        "status": "active",
        "difficulty": 3,
        "material": "",
        "stem": "客户永远是对的?",
        "answer": '"A"',
        "explanation": "",
        "options-TOTAL_FORMS": 0,
        "options-INITIAL_FORMS": 0,
        "images-TOTAL_FORMS": 0,
        "images-INITIAL_FORMS": 0,
    }
    return data | fields


def options(*texts: str, deleted: tuple[int, ...] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {"options-TOTAL_FORMS": len(texts), "options-INITIAL_FORMS": 0}
    for i, text in enumerate(texts):
        data |= {f"options-{i}-label": "ABCDEFGH"[i], f"options-{i}-text": text, f"options-{i}-order": i}
        if i in deleted:
            data[f"options-{i}-DELETE"] = "on"
    return data


def test_admin_refuses_a_true_false_question_keyed_with_a_letter(admin: Any, bank: Bank) -> None:
    response = client_for(admin).post(reverse("admin:qbank_question_add"), admin_data(bank))
    assert response.status_code == 200  # the form again, with the error
    assert "判断题的答案必须是对或错。" in response.content.decode()
    assert not Question.objects.exists()


def test_admin_refuses_a_letter_beyond_the_options(admin: Any, bank: Bank) -> None:
    data = admin_data(bank, type="single", answer='"E"') | options("甲", "乙", "丙", "丁")
    response = client_for(admin).post(reverse("admin:qbank_question_add"), data)
    assert response.status_code == 200 and not Question.objects.exists()


def test_admin_counts_the_options_being_saved_not_the_old_ones(admin: Any, bank: Bank) -> None:
    data = admin_data(bank, type="single", answer='"C"') | options("甲", "乙", "丙")
    response = client_for(admin).post(reverse("admin:qbank_question_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    data = admin_data(bank, type="single", answer='"C"') | options("甲", "乙", "丙", deleted=(2,))
    response = client_for(admin).post(reverse("admin:qbank_question_add"), data | {"stem": "另一题?"})
    assert response.status_code == 200  # C is being deleted with the answer pointing at it


def test_admin_refuses_an_active_question_without_a_key(admin: Any, bank: Bank) -> None:
    response = client_for(admin).post(reverse("admin:qbank_question_add"), admin_data(bank, answer="null"))
    assert response.status_code == 200 and not Question.objects.exists()


def test_full_clean_checks_the_answer_against_the_stored_options(bank: Bank) -> None:
    question = services.question_create(
        bank=bank, type="single", stem="题?", options=["甲", "乙"], answer="B"
    )
    question.answer = "C"
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "answer" in error.value.message_dict
    question.answer = True
    with pytest.raises(ValidationError):
        question.full_clean()
