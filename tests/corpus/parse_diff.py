"""Which corpus papers a change reads differently: every paper's parse kept before and after.

python -m tests.corpus.parse_diff dump before.json     # every paper's questions, as JSON
python -m tests.corpus.parse_diff diff before.json after.json            # the papers that changed
python -m tests.corpus.parse_diff diff before.json after.json PAPER      # that paper's questions

A rule earns its place only if it moves no paper it was not written for: this is how to see it.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from multiprocessing import Pool
from pathlib import Path

import django

Parse = dict[str, object]  # a paper's split, score and questions (as JSON)


def _parse(entry: dict[str, object]) -> tuple[str, Parse]:
    from importers.pipeline import PaperError, parse_document
    from tests.corpus.scoring import CORPUS, score_paper

    name = str(entry["file"])
    try:
        paper = parse_document(name, (CORPUS / "papers" / name).read_bytes())
        questions: list[dict[str, object]] = [q.as_json(name, i) for i, q in enumerate(paper.questions, 1)]
    except PaperError as exc:
        questions = [{"error": exc.reason}]
    score = score_paper(entry)
    return name, {"split": entry["split"], "f1": score.f1, "answer": score.answer, "questions": questions}


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def dump(out: Path) -> None:
    from tests.corpus.scoring import manifest

    with Pool(os.cpu_count() or 1, initializer=_setup) as pool:
        parses = dict(pool.map(_parse, manifest(), chunksize=4))
    out.write_text(json.dumps(parses, ensure_ascii=False), "utf-8")


def changed(before: dict[str, Parse], after: dict[str, Parse]) -> list[str]:
    """A line for each paper read differently (or found in one dump only), with its scores."""
    lines = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old is None or new is None:
            lines.append(f"{name}: only in the {'second' if old is None else 'first'} dump")
        elif old["questions"] != new["questions"]:
            lines.append(
                f"{name} ({old['split']}): F1 {_figure(old['f1'])} -> {_figure(new['f1'])}, "
                f"answers {_figure(old['answer'])} -> {_figure(new['answer'])}"
            )
    return lines


def question_diff(before: Parse, after: Parse) -> list[str]:
    """One paper's questions before and after, a JSON line each, as a unified diff."""
    old, new = ([json.dumps(q, ensure_ascii=False) for q in _questions(p)] for p in (before, after))
    return list(difflib.unified_diff(old, new, lineterm="", n=0))


def _questions(parse: Parse) -> list[object]:
    questions = parse["questions"]
    assert isinstance(questions, list)
    return questions


def _figure(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else "–"


def main(args: list[str]) -> None:
    _setup()
    if args[:1] == ["dump"] and len(args) == 2:
        dump(Path(args[1]))
        return
    if args[:1] == ["diff"] and len(args) in (3, 4):
        before, after = (json.loads(Path(a).read_text("utf-8")) for a in args[1:3])
        lines = changed(before, after) if len(args) == 3 else question_diff(before[args[3]], after[args[3]])
        print("\n".join(lines) or "no paper reads differently")
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
