"""Pictures are shown only when their bytes prove a raster type; everything else is refused on
upload and, if stored anyway, downloaded as an attachment. Every page carries nosniff and a CSP."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from qbank import services
from qbank.images import raster_type
from qbank.models import Bank, Question, QuestionImage
from quizzes import services as quiz_services
from quizzes.models import Paper
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<html><script>fetch('/admin/')</script></html>"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"BM\x36\x00\x00\x00", "image/bmp"),
        (SVG, None),
        (HTML, None),
        (b"", None),
    ],
)
def test_raster_type_trusts_bytes_only(data: bytes, expected: str | None) -> None:
    assert raster_type(data) == expected


def short_question(bank: Bank) -> Question:
    return services.question_create(bank=bank, type="short", stem="看图回答?", status=Question.Status.ACTIVE)


@pytest.mark.parametrize("data", [SVG, HTML])
def test_a_picture_that_is_not_a_raster_image_is_refused(bank: Bank, data: bytes) -> None:
    with pytest.raises(ValidationError):
        services.question_image_create(
            question=short_question(bank), name="x.png", content_type="image/png", data=data
        )
    assert not QuestionImage.objects.exists()


def test_the_stored_type_is_the_proven_one(bank: Bank) -> None:
    image = services.question_image_create(
        question=short_question(bank), name="x.svg", content_type="image/svg+xml", data=PNG
    )
    assert image.content_type == "image/png"


def test_admin_refuses_an_svg_picture(admin: Any, bank: Bank) -> None:
    question = short_question(bank)
    url = reverse("admin:qbank_question_change", args=[question.pk])
    data = {
        "bank": bank.pk,
        "chapter": "",
        "type": "short",
        "status": "active",
        "difficulty": 3,
        "material": "",
        "stem": "看图回答?",
        "answer": "null",
        "explanation": "",
        "options-TOTAL_FORMS": 0,
        "options-INITIAL_FORMS": 0,
        "images-TOTAL_FORMS": 1,
        "images-INITIAL_FORMS": 0,
        "images-0-file": SimpleUploadedFile("evil.png", SVG, content_type="image/png"),
        "images-0-content_type": "image/png",
    }
    response = client_for(admin).post(url, data)
    assert response.status_code == 200
    assert not QuestionImage.objects.exists()


def smuggled(bank: Bank, data: bytes, content_type: str) -> QuestionImage:
    """A picture stored before the check (or changed on disk since): bypasses the model."""
    question = short_question(bank)
    image = QuestionImage(question=question, content_type=content_type)
    image.file.save("evil.svg", SimpleUploadedFile("evil.svg", data), save=False)
    QuestionImage.objects.bulk_create([image])
    return QuestionImage.objects.get(question=question)


def assert_attachment(response: Any) -> None:
    response.close()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("data", [SVG, HTML])
def test_bank_view_serves_a_smuggled_picture_as_an_attachment(trainer: Any, bank: Bank, data: bytes) -> None:
    image = smuggled(bank, data, "image/svg+xml")
    assert_attachment(client_for(trainer).get(reverse("question-image", args=[image.pk])))


def test_attempt_view_serves_a_smuggled_picture_as_an_attachment(
    trainer: Any, trainee: Any, bank: Bank
) -> None:
    image = smuggled(bank, SVG, "text/html")
    paper = Paper.objects.create(title="看图", bank=bank, created_by=trainer)
    quiz_services.rules_replace(paper=paper, rules=[{"type": "short", "count": 1, "points": Decimal("1")}])
    quiz_services.paper_publish(paper=paper)
    attempt = quiz_services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    url = reverse("quizzes:attempt_image", args=[attempt.pk, image.pk])
    assert_attachment(client_for(trainee).get(url))


def test_a_real_picture_is_inline_with_its_proven_type(trainer: Any, bank: Bank) -> None:
    image = smuggled(bank, PNG, "text/html")  # the claim is wrong; the bytes are a PNG
    response = client_for(trainer).get(reverse("question-image", args=[image.pk]))
    response.close()
    assert response["Content-Type"] == "image/png"
    assert not response.get("Content-Disposition", "").startswith("attachment")


@pytest.mark.parametrize("url_name", ["login", "home", "admin:index", "quizzes:dashboard"])
def test_every_response_carries_nosniff_and_a_content_security_policy(admin: Any, url_name: str) -> None:
    response = (
        Client().get(reverse(url_name)) if url_name == "login" else client_for(admin).get(reverse(url_name))
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy


INLINE = (
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)",
    r"\son(click|change|load|error|submit|input|key[a-z]+|mouse[a-z]+|focus|blur)=",
    r"\sstyle=",
)


def test_no_template_holds_inline_script_or_style() -> None:
    """The policy blocks inline <script>, on…= handlers and style="…": none may creep back in."""
    import re
    from pathlib import Path

    from django.conf import settings

    found = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text("utf-8")
        for pattern in (
            r"<script(?![^>]*\bsrc=)(?![^>]*application/json)",
            r"\son(click|change|load|error|submit|input|key[a-z]+|mouse[a-z]+|focus|blur)=",
            r"\sstyle=",
        ):
            if re.search(pattern, text):
                found.append(f"{path.name}: {pattern}")
    assert found == []
