from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from qbank.models import Bank, Question, Source

PAPER = "1. 什么是客户关系管理?\nA. 一种管理理念\nB. 一种软件\n答案:A\n2. 如何提高客户满意度?\n答案:倾听。\n"
TWICE = "1. 如何提高客户满意度?\n答案:倾听。\n"

pytestmark = pytest.mark.django_db


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return str(path)


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_papers", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_summary_per_file_and_totals(tmp_path: Path, trainer: object) -> None:
    a = write(tmp_path, "a.txt", PAPER)
    b = write(tmp_path, "b.txt", TWICE)
    out, err = run(a, b, "--bank", "新题库", "--user", "trainer")
    assert not err
    assert "created bank 新题库" in out
    assert "a.txt: found 2, new 2, duplicates 0" in out
    assert "b.txt: found 1, new 0, duplicates 1" in out
    assert "total: 2 file(s), 0 failed, 0 already imported; found 3, new 2, duplicates 1" in out
    assert "per type:" in out
    assert Question.objects.filter(bank__name="新题库").count() == 2
    assert set(Source.objects.values_list("imported_by__username", flat=True)) == {"trainer"}


def test_second_run_adds_nothing(tmp_path: Path, bank: Bank) -> None:
    a = write(tmp_path, "a.txt", PAPER)
    run(a, "--bank", bank.name)
    out, _ = run(a, "--bank", bank.name)
    assert "a.txt: already imported" in out
    assert "1 already imported" in out
    assert Question.objects.count() == 2


def test_errors_go_to_stderr_and_fail_the_command_after_importing_the_rest(
    tmp_path: Path, bank: Bank
) -> None:
    good = write(tmp_path, "good.txt", PAPER)
    empty = write(tmp_path, "empty.txt", "")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 3 file"):
        call_command("import_papers", empty, good, good, "--bank", bank.name, stdout=out, stderr=err)
    assert err.getvalue().startswith("empty.txt: ")
    assert Question.objects.count() == 2


def test_unknown_user_is_refused_before_anything_is_stored(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such user"):
        run(write(tmp_path, "a.txt", PAPER), "--bank", "x", "--user", "nobody")
    assert not Bank.objects.exists()
