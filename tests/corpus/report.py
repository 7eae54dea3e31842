"""Prints the corpus table of the README: per paper recall, precision, type and answer agreement.

python -m tests.corpus.report            # dev papers, then the held-out ones, with totals
"""

from __future__ import annotations

import os

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from tests.corpus.scoring import Score, manifest, score_paper

    scores = [score_paper(entry) for entry in manifest()]
    print("| split | paper | family | gold | found | recall | precision | type | answer |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    families = {str(e["file"]): str(e["family"]) for e in manifest()}
    for split in ("dev", "holdout"):
        part = [s for s in scores if s.split == split]
        for s in part:
            print(_row(split, s.paper, families[s.paper], s))
        total = Score(
            "all",
            split,
            *(sum(getattr(s, f) for s in part) for f in ("gold", "found", "matched", "types")),
            sum(s.answers for s in part),
            sum(s.keyed for s in part),
        )
        print(_row(split, f"**all {split} ({len(part)})**", "", total) + f" F1 {total.f1:.3f}")


def _row(split: str, name: str, family: str, s: object) -> str:
    from tests.corpus.scoring import Score

    assert isinstance(s, Score)
    answer = "–" if s.answer is None else f"{s.answer:.2f}"
    note = f" ({s.error[:40]})" if s.error else ""
    return (
        f"| {split} | {name}{note} | {family} | {s.gold} | {s.found} | {s.recall:.2f} | {s.precision:.2f} "
        f"| {s.type:.2f} | {answer} |"
    )


if __name__ == "__main__":
    main()
