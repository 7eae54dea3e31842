from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from qbank.models import Question, Source

PAPER = "1. 什么是客户关系管理?\nA. 一种管理理念\nB. 一种软件\n答案:A\n2. 如何提高客户满意度?\n答案:倾听。\n"


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "sample paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    return path


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("parse_paper", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_prints_one_json_object_per_question_without_touching_the_database(paper: Path) -> None:
    # No `db` fixture: pytest-django fails the test on any database access at all.
    out, err = run(str(paper))
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    # stderr holds only the coverage line, so stdout stays pure JSONL for the scorer
    assert (
        err == "sample paper.txt: 2 question(s) from 6 line(s), 100% of the text read, "
        "0 furniture line(s), 0 unread; verdict ok\n"
    )
    assert [row["seq"] for row in rows] == list(range(1, len(rows) + 1))
    assert {row["seed"] for row in rows} == {"sample paper.txt"}
    assert {"section", "number", "type", "stem", "options", "answer", "explanation", "material"} <= set(
        rows[0]
    )
    assert "什么是客户关系管理" in out  # ensure_ascii=False: readable Chinese


@pytest.mark.django_db
def test_writes_no_rows(paper: Path, django_assert_num_queries: object) -> None:
    with django_assert_num_queries(0):  # type: ignore[operator]
        run(str(paper))
    assert not Question.objects.exists() and not Source.objects.exists()


def test_bad_files_are_reported_and_the_good_ones_still_printed(paper: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 of 3"):
        call_command(
            "parse_paper", str(empty), str(paper), str(tmp_path / "missing.txt"), stdout=out, stderr=err
        )
    assert "empty.txt: " in err.getvalue()
    assert "missing.txt" in err.getvalue()
    assert all(json.loads(line)["seed"] == "sample paper.txt" for line in out.getvalue().splitlines())
    assert out.getvalue()
