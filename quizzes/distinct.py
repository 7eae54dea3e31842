"""Near-duplicate questions, which one drawn paper must never hold two of (pure: no Django).

Two questions are near-duplicates when their keys (qbank.fingerprint.near_key: folded stem and
sorted options, and the material apart) are at least SIMILAR per cent alike by rapidfuzz's
ratio (normalised edit distance) — "客户投诉时首先应该怎么做" and "客户投诉时,首先应当怎么做" —
and their materials too (empty and empty are alike), with the same numbers in the same order:
"第24条规定…" and "第25条规定…" differ by one character but ask about different articles. The exact
fingerprint is unique in a bank, so this is what still lets the same question in twice: a
reworded copy, a typo fixed in one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

SIMILAR = 90  # per cent, rapidfuzz.fuzz.ratio

Key = tuple[str, str]  # (question, material) from qbank.fingerprint.near_key


_NUMBER = re.compile(r"\d+")  # the keys are NFKC-folded: full-width digits are ASCII by now


def similar(a: Key, b: Key) -> bool:
    return _alike(a[0], b[0]) and _alike(a[1], b[1])


def _alike(a: str, b: str) -> bool:
    if a == b:
        return True
    return fuzz.ratio(a, b, score_cutoff=SIMILAR) >= SIMILAR and _NUMBER.findall(a) == _NUMBER.findall(b)


def clashes(keys: Sequence[tuple[int, Key]]) -> set[int]:
    """Ids to replace, in order of the draw: each one near-duplicates a question kept before it."""
    kept: list[Key] = []
    clash: set[int] = set()
    for pk, key in keys:
        if any(similar(key, other) for other in _candidates(key, kept)):
            clash.add(pk)
        else:
            kept.append(key)
    return clash


def _candidates(key: Key, kept: list[Key]) -> Iterable[Key]:
    """The kept keys whose question text is alike (rapidfuzz's loop in C), the material then checked."""
    if not kept:
        return []
    bodies = [k[0] for k in kept]
    found = process.extract(key[0], bodies, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None)
    return [kept[index] for _body, _score, index in found]


def family_count(keys: Sequence[Key]) -> int:
    """How many questions one paper can hold at most without two near-duplicates, for certain:
    the families (near-duplicates of near-duplicates…, union-find). A draw that replaces clashes
    one by one never runs dry while this is at least what a rule asks for."""
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    bodies = [k[0] for k in keys]
    for i, key in enumerate(keys):
        rest = bodies[i + 1 :]
        for _body, _score, offset in process.extract(
            key[0], rest, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None
        ):
            j = i + 1 + offset
            if similar(key, keys[j]):
                parent[root(j)] = root(i)
    return len({root(i) for i in range(len(keys))})
