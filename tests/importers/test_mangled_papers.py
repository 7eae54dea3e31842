"""Real papers mangled the ways scrapes and careless edits mangle them (lines shuffled, dropped,
cut short, doubled, run together onto one line, the top torn off) are read or refused with a
reason, never a crash: the corpus papers, each mangled by a seeded random edit.

The crashes this kind of run found (a file of nothing but separators, a sigil bank with a key
line holding no letter, a key whose stem was read already, a key table's circled row numbers)
have tests of their own. A longer
search, as a script: `python -m tests.importers.test_mangled_papers FIRST_SEED COUNT` prints
each crash's seed, paper and mangling.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from importers.pipeline import PaperError, parse_document

PAPERS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "papers"
TEXT_PAPERS = sorted(p for p in PAPERS.iterdir() if p.suffix in (".txt", ".md"))
CASES = 120

Mangle = Callable[[random.Random, list[str]], list[str]]
CIRCLED = str.maketrans("123456789", "①②③④⑤⑥⑦⑧⑨")
OTHER_DIGITS = [str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"), str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")]
MANGLES: dict[str, Mangle] = {
    "shuffled": lambda rng, lines: rng.sample(lines, len(lines)),
    "lines dropped": lambda rng, lines: [line for line in lines if rng.random() > 0.3],
    "lines cut short": lambda rng, lines: [line[: rng.randrange(len(line) + 1)] for line in lines],
    "run together": lambda rng, lines: [" ".join(lines)],
    "top torn off": lambda rng, lines: lines[rng.randrange(len(lines) + 1) :],
    "lines doubled or lost": lambda rng, lines: [line for line in lines for _ in range(rng.randrange(3))],
    # digits that str.isdigit() takes and int() refuses, or reads: circled, superscript, Arabic-Indic
    "digits circled": lambda rng, lines: [line.translate(CIRCLED) for line in lines],
    "digits in other scripts": lambda rng, lines: [
        line.translate(rng.choice(OTHER_DIGITS)) for line in lines
    ],
}


def mangled(seed: int) -> tuple[str, str, bytes]:
    rng = random.Random(seed)
    paper = rng.choice(TEXT_PAPERS)
    how = rng.choice(sorted(MANGLES))
    lines = MANGLES[how](rng, paper.read_text("utf-8", errors="replace").splitlines())
    return paper.name, how, "\n".join(lines).encode()


@pytest.mark.parametrize("seed", range(CASES))
def test_a_mangled_paper_is_read_or_refused_never_a_crash(seed: int) -> None:
    name, how, data = mangled(seed)
    try:
        paper = parse_document(name, data)
    except PaperError as refused:
        assert str(refused).startswith(f"{name}: "), f"{name}, {how}"  # the file is named
    else:
        assert paper.coverage is not None, f"{name}, {how}"


def search(first: int, count: int) -> None:
    import os
    import traceback

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    for seed in range(first, first + count):
        name, how, data = mangled(seed)
        try:
            parse_document(name, data)
        except PaperError:
            pass
        except Exception as crash:  # noqa: BLE001 (what the search is for)
            where = traceback.extract_tb(crash.__traceback__)[-1]
            print(f"seed {seed}: {name}, {how}: {type(crash).__name__} at {where.filename}:{where.lineno}")


if __name__ == "__main__":
    import sys

    search(int(sys.argv[1]), int(sys.argv[2]))
