"""Scores a parse of the corpus against its hand labels, with the matching rules of the
customer's scorer (../shared/tools/score_import.py): a parsed question matches a labelled one
when their normalised stems are at least 0.75 alike, one to one, best pairs first.

Used by the corpus test (a floor per paper) and by `python -m tests.corpus.report`, which
prints the README's table.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from importers.pipeline import PaperError, parse_document

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
MATCH = 0.75
_PUNCT = re.compile(r"[\s\W_]+")


@dataclass
class Score:
    paper: str
    split: str
    gold: int
    found: int
    matched: int
    types: int
    answers: int
    keyed: int  # matched questions whose label has an answer (the answer rate's base)
    error: str = ""

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0

    @property
    def type(self) -> float:
        return self.types / self.matched if self.matched else 0.0

    @property
    def answer(self) -> float | None:
        return self.answers / self.keyed if self.keyed else None


def manifest() -> list[dict[str, object]]:
    papers: list[dict[str, object]] = json.loads((CORPUS / "MANIFEST.json").read_text("utf-8"))["papers"]
    return papers


def score_paper(entry: dict[str, object]) -> Score:
    name = str(entry["file"])
    labels = (CORPUS / "gold" / f"{name}.jsonl").read_text("utf-8").splitlines()
    gold = [json.loads(line) for line in labels if line.strip()]
    try:
        questions = parse_document(name, (CORPUS / "papers" / name).read_bytes()).questions
        parsed = [q.as_json(name, i) for i, q in enumerate(questions, 1)]
        error = ""
    except PaperError as exc:
        parsed, error = [], exc.reason
    pairs = match(gold, parsed)
    types = sum(1 for g, p in pairs if type_agrees(gold[g], parsed[p]["type"]))
    keyed = [(g, p) for g, p in pairs if gold[g]["answer"] is not None]
    answers = sum(
        1 for g, p in keyed if answer_agrees(gold[g]["type"], gold[g]["answer"], parsed[p]["answer"])
    )
    split = str(entry["split"])
    return Score(name, split, len(gold), len(parsed), len(pairs), types, answers, len(keyed), error)


def norm(text: object) -> str:
    if text is None:
        return ""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def similar(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < MATCH or m.quick_ratio() < MATCH:
        return 0.0
    return m.ratio()


def match(gold: list[dict[str, object]], parsed: list[dict[str, object]]) -> list[tuple[int, int]]:
    gs, ps = [norm(g["stem"]) for g in gold], [norm(p["stem"]) for p in parsed]
    pairs = []
    for i, g in enumerate(gs):
        for j, p in enumerate(ps):
            s = similar(g, p)
            if s >= MATCH:
                pairs.append((s, -abs(i / max(len(gs), 1) - j / max(len(ps), 1)), i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def letters(answer: object) -> str:
    if isinstance(answer, list):
        answer = "".join(str(a) for a in answer)
    return "".join(sorted(set(re.sub(r"[^A-Za-z]", "", str(answer)).upper())))


def type_agrees(gold: dict[str, object], parsed_type: object) -> bool:
    choice = ("single", "multiple")
    if gold.get("answer") is None and gold["type"] in choice:
        return parsed_type in choice  # with no key printed, single or multiple is a guess
    return gold["type"] == parsed_type


def answer_agrees(gold_type: object, gold: object, parsed: object) -> bool:
    if parsed is None:
        return False
    if gold_type in ("single", "multiple"):
        return letters(gold) == letters(parsed)
    if gold_type == "truefalse":
        return isinstance(parsed, bool) and bool(gold) == parsed
    if gold_type == "fill":
        g = [norm(x) for x in (gold if isinstance(gold, list) else [gold])]
        p = [norm(x) for x in (parsed if isinstance(parsed, list) else [parsed])]
        return g == p
    g, p = norm(gold), norm(parsed)
    return similar(g, p) >= 0.8 or (bool(g) and g in p and len(p) < 1.25 * len(g))
