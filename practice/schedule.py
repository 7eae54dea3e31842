"""When a wrong question comes back, and when it leaves the 错题本 (pure: no Django, no clock).

A wrong answer puts the question at stage 0, due one day later. A right answer on or after the
due time is a passed spaced review: the next comes 3, then 7 days later, and passing the third
clears it. A right answer before it is due changes nothing (it is not a review), and any wrong
answer starts over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

INTERVALS = (timedelta(days=1), timedelta(days=3), timedelta(days=7))


@dataclass(frozen=True)
class Review:
    stage: int  # spaced reviews passed so far: 0..len(INTERVALS)
    due_at: datetime | None  # None once cleared

    @property
    def cleared(self) -> bool:
        return self.stage >= len(INTERVALS)


def after_wrong(*, now: datetime) -> Review:
    return Review(stage=0, due_at=now + INTERVALS[0])


def after_right(review: Review, *, now: datetime) -> Review:
    if review.cleared or review.due_at is None or now < review.due_at:
        return review
    stage = review.stage + 1
    if stage >= len(INTERVALS):
        return Review(stage=stage, due_at=None)
    return Review(stage=stage, due_at=now + INTERVALS[stage])


def is_due(review: Review, *, now: datetime) -> bool:
    return review.due_at is not None and review.due_at <= now
