"""Prints, for each DEV paper of the corpus, its F1 against the labels beside the importer's own
verdict (ok / check / poor) and reasons: how well the verdict tells a bad parse from a good one.

python -m tests.corpus.verdicts          # dev papers only; held-out papers are never read here
"""

from __future__ import annotations

import os

import django

GOOD = 0.95  # a parse this good (F1, and answers where labelled) called check/poor is a false alarm
BAD = 0.85  # F1 this low called ok is a miss
BAD_ANSWERS = 0.75  # so is answer agreement this low…
MIN_KEYED = 5  # …over at least this many labelled answers


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from importers.pipeline import PaperError, parse_document
    from tests.corpus.scoring import CORPUS, manifest, score_paper

    print("| paper | F1 | answers | verdict | reasons |")
    print("|---|---:|---:|---|---|")
    misses = alarms = 0
    for entry in manifest():
        if entry["split"] != "dev":
            continue
        name = str(entry["file"])
        score = score_paper(entry)
        f1 = score.f1
        answers = "–" if score.answer is None else f"{score.answer:.2f}"
        try:
            cov = parse_document(name, (CORPUS / "papers" / name).read_bytes()).coverage
            verdict, reasons = (cov.verdict, cov.reasons) if cov else ("–", [])
        except PaperError as exc:
            verdict, reasons = "error", [exc.reason]
        mark = ""
        keyed = score.answer is not None and score.keyed >= MIN_KEYED
        bad = f1 < BAD or (keyed and score.answers < BAD_ANSWERS * score.keyed)
        good = f1 >= GOOD and (score.answer is None or score.answer >= GOOD - 0.05)
        if bad and verdict == "ok":
            mark, misses = " **missed**", misses + 1
        elif good and verdict in ("check", "poor"):
            mark, alarms = " **false alarm**", alarms + 1
        print(f"| {name} | {f1:.2f} | {answers} | {verdict}{mark} | {'; '.join(reasons)} |")
    print(f"\nbad parses (F1 < {BAD} or answers < {BAD_ANSWERS}) called ok: {misses}")
    print(f"good parses (F1 ≥ {GOOD}, answers ≥ {GOOD - 0.05:.2f}) flagged: {alarms}")


if __name__ == "__main__":
    main()
