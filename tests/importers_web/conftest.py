"""Bulk-import pages: tasks run inline (ImmediateBackend) unless a test asks for the real queue."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import pytest
from django.test import Client

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _tasks_inline(settings: Any) -> None:
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def admin_client_(admin: Any) -> Client:
    client = Client()
    client.force_login(admin)
    return client


def docx_paper(*stems: str, heading: str = "第一章 服务礼仪") -> bytes:
    """A small Word paper: one single-choice question per stem, each with an answer line."""
    document = docx.Document()
    document.add_paragraph(heading)
    document.add_paragraph("一、单项选择题")
    for i, stem in enumerate(stems, start=1):
        document.add_paragraph(f"{i}.{stem}")
        for letter, option in zip("ABCD", ["微笑服务", "快速响应", "主动沟通", "跟踪回访"], strict=True):
            document.add_paragraph(f"{letter}.{option}")
        document.add_paragraph("答案:A")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def txt_paper(*stems: str, heading: str = "第二章 投诉处理", answer: bool = True) -> bytes:
    lines = [heading, "一、单项选择题"]
    for i, stem in enumerate(stems, start=1):
        lines += [f"{i}.{stem}", "A.倾听", "B.争辩", "C.推诿", "D.挂断"]
        if answer:
            lines.append("答案:A")
    return "\n".join(lines).encode("gb18030")


def zip_of(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def upload(client: Client, bank_id: int, files: dict[str, bytes]) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    payload = [SimpleUploadedFile(name, data) for name, data in files.items()]
    return client.post(reverse("importers:upload"), {"bank": bank_id, "files": payload})
