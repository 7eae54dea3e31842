"""The progress page's figures from plain rows (pure: no Django, no clock).

Mastery of a chapter is the share of its most recent answers that were right — RECENT answers,
exams and practice together — so it follows the trainee as they improve instead of averaging in
the first week forever. The streak counts consecutive days with at least one answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

RECENT = 20  # answers per chapter that mastery looks at
RIGHT = "correct"  # questiontypes.CORRECT; partly right counts as not yet mastered


@dataclass(frozen=True)
class Share:
    right: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


def mastery(rows: Iterable[tuple[int, str, datetime]], *, recent: int = RECENT) -> dict[int, Share]:
    """(chapter id, state, answered at) rows — at most `recent` per chapter from each source is
    enough — to each chapter's share right among its `recent` latest answers."""
    by_chapter: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for chapter_id, state, at in rows:
        by_chapter[chapter_id].append((at, state))
    shares = {}
    for chapter_id, answers in by_chapter.items():
        latest = sorted(answers, key=lambda answer: answer[0], reverse=True)[:recent]
        shares[chapter_id] = Share(sum(1 for _, state in latest if state == RIGHT), len(latest))
    return shares


def streak(days: Iterable[date], *, today: date) -> int:
    """Consecutive days with answers, ending today — or yesterday, while today has none yet:
    a streak is not lost until a whole day goes by without practice."""
    seen = set(days)
    day = today if today in seen else today - timedelta(days=1)
    count = 0
    while day in seen:
        count += 1
        day -= timedelta(days=1)
    return count
