"""Who may use the bulk-import pages: admins (and holders of importers.add_importbatch) only."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from importers.models import ImportBatch, StagedQuestion
from qbank.models import Bank
from tests.importers_web.conftest import docx_paper, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(admin_client_: Client, bank: Bank) -> ImportBatch:
    response = upload(admin_client_, bank.pk, {"a.docx": docx_paper("服务的第一步是什么?")})
    assert response.status_code == 302
    return ImportBatch.objects.get()


def urls(batch: ImportBatch) -> list[tuple[str, str]]:
    staged = StagedQuestion.objects.get(file__batch=batch)
    return [
        ("get", reverse("importers:history")),
        ("get", reverse("importers:upload")),
        ("post", reverse("importers:upload")),
        ("get", reverse("importers:progress", args=[batch.pk])),
        ("get", reverse("importers:progress_json", args=[batch.pk])),
        ("get", reverse("importers:review", args=[batch.pk])),
        ("post", reverse("importers:chapters", args=[batch.pk])),
        ("post", reverse("importers:publish", args=[batch.pk])),
        ("get", reverse("importers:staged_edit", args=[staged.pk])),
        ("post", reverse("importers:staged_edit", args=[staged.pk])),
        ("post", reverse("importers:staged_toggle", args=[staged.pk])),
        ("post", reverse("importers:retry", args=[batch.pk])),
        ("post", reverse("importers:discard", args=[batch.pk])),
    ]


@pytest.mark.parametrize("who", ["anonymous", "trainee", "trainer"])
def test_every_url_refuses_those_without_the_permission(
    who: str, batch: ImportBatch, trainer: Any, trainee: Any
) -> None:
    client = Client()
    if who != "anonymous":
        client.force_login({"trainer": trainer, "trainee": trainee}[who])
    for method, url in urls(batch):
        response = getattr(client, method)(url)
        if who == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
        else:
            assert response.status_code == 403, url
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.OPEN  # refused POSTs published or discarded nothing


def test_admin_reaches_every_page(admin_client_: Client, batch: ImportBatch) -> None:
    for method, url in urls(batch):
        if method == "get":
            assert admin_client_.get(url).status_code == 200, url


def test_the_permission_alone_is_enough(trainer: Any, batch: ImportBatch) -> None:
    trainer.user_permissions.add(Permission.objects.get(codename="add_importbatch"))
    client = Client()
    client.force_login(trainer)
    assert client.get(reverse("importers:review", args=[batch.pk])).status_code == 200


def test_admin_role_group_holds_the_permission(role_groups: dict[str, Any]) -> None:
    assert role_groups["admin"].permissions.filter(codename="add_importbatch").exists()
    assert not role_groups["trainer"].permissions.filter(codename="add_importbatch").exists()


def test_nav_link_only_for_importers(admin_client_: Client, trainer: Any) -> None:
    assert reverse("importers:history") in admin_client_.get(reverse("home")).content.decode()
    client = Client()
    client.force_login(trainer)
    assert reverse("importers:history") not in client.get(reverse("home")).content.decode()
