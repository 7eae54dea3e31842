"""Well-read papers rewritten in ways that keep their meaning read as well as before: the
numbering and option labels set with another separator or in full-width digits, the text
double-spaced or run together, page lines at every fifteenth line, Windows line ends, GBK,
Traditional characters. Each rewrite is a convention many papers share; a paper that reads
well only as printed was read by its accidents, not its conventions.

Scored against the paper's own labels (tests.corpus.scoring). The papers are corpus dev papers
in plain text that read F1 1.00 as printed. The same rewrites over every such paper (146) found
what these tests now hold: before, nt3 double-spaced read 0.00, dz1 and bf2 with page lines 0.42
and 0.56, as1 labelled in lower case 0.22.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import opencc
import pytest

from importers.pipeline import PaperError, parse_document
from importers.pipeline.read_text import decode_text
from tests.corpus.scoring import CORPUS, answer_agrees, match

PAPERS = [
    "y3_javaee-choice.txt",
    "ac2_junshi-lilun-kaoshi.txt",
    "as1_yunnan-zhongkao-danxuan.txt",
    "bf2_ssm-interview-topics.txt",
    "dz1_js-mianshiti-1-8.txt",
    "nt3_pcc-quality-engineer-tiku-notebooklm-tw.txt",
    "q1_se-mingci-jieshi.txt",
    "u2_ujs-chuangxin-xuefen-tiku.txt",
]
NUMBER = re.compile(r"^(\s*)(\d{1,3})([.．、])(?=\s*\S)", re.M)
LABEL = re.compile(r"(^|\s)([A-F])([.．、])(?=\s*\S)", re.M)
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
TO_TRADITIONAL = opencc.OpenCC("s2t")


def _paged(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(
        f"{line}\n第 {i // 15 + 1} 页 共 9 页" if i % 15 == 14 else line for i, line in enumerate(lines)
    )


REWRITES: dict[str, Callable[[str], str]] = {
    "numbers with 、": lambda t: NUMBER.sub(r"\1\2、", t),
    "numbers in full-width digits": lambda t: NUMBER.sub(
        lambda m: f"{m[1]}{m[2].translate(FULL_WIDTH_DIGITS)}．", t
    ),
    "labels with 、": lambda t: LABEL.sub(r"\1\2、", t),
    "labels in lower case": lambda t: LABEL.sub(lambda m: f"{m[1]}{m[2].lower()}{m[3]}", t),
    "double-spaced": lambda t: t.replace("\n", "\n\n"),
    "no blank lines": lambda t: re.sub(r"\n\s*\n", "\n", t),
    "page lines": _paged,
    "Windows line ends": lambda t: t.replace("\n", "\r\n"),
}


def _score(name: str, data: bytes, gold: list[dict[str, object]]) -> tuple[float, float]:
    try:
        questions = parse_document(name, data).questions
    except PaperError:
        return 0.0, 0.0
    parsed = [q.as_json(name, i) for i, q in enumerate(questions, 1)]
    pairs = match(gold, parsed)
    f1 = 2 * len(pairs) / (len(gold) + len(parsed)) if gold or parsed else 1.0
    keyed = [(g, p) for g, p in pairs if gold[g]["answer"] is not None]
    agreed = sum(
        1 for g, p in keyed if answer_agrees(gold[g]["type"], gold[g]["answer"], parsed[p]["answer"])
    )
    return f1, (agreed / len(keyed) if keyed else 1.0)


def _in_traditional(label: dict[str, object]) -> dict[str, object]:
    def convert(value: object) -> object:
        if isinstance(value, str):
            return TO_TRADITIONAL.convert(value)
        return [convert(v) for v in value] if isinstance(value, list) else value

    return {key: convert(value) for key, value in label.items()}


def _paper(name: str) -> tuple[str, list[dict[str, object]]]:
    text = decode_text((CORPUS / "papers" / name).read_bytes()).removeprefix("\ufeff").replace("\r\n", "\n")
    labels = (CORPUS / "gold" / f"{name}.jsonl").read_text("utf-8").splitlines()
    return text, [json.loads(line) for line in labels if line.strip()]


@pytest.mark.parametrize("name", PAPERS)
def test_a_paper_rewritten_keeping_its_meaning_reads_as_well(name: str) -> None:
    text, gold = _paper(name)
    assert _score(name, text.encode(), gold) >= (0.97, 0.95), f"{name} as printed"
    for how, rewrite in REWRITES.items():
        f1, answers = _score(name, rewrite(text).encode(), gold)
        assert f1 >= 0.95 and answers >= 0.9, f"{name}, {how}: F1 {f1:.2f}, answers {answers:.2f}"
    for encoded, labels in (
        (text.encode("gbk", errors="ignore"), gold),
        (TO_TRADITIONAL.convert(text).encode(), [_in_traditional(g) for g in gold]),
    ):
        f1, answers = _score(name, encoded, labels)
        assert f1 >= 0.95 and answers >= 0.9, f"{name}, GBK or Traditional: F1 {f1:.2f}"
