from datetime import UTC, datetime, timedelta

from practice.schedule import Review, after_right, after_wrong, is_due

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def test_a_wrong_answer_is_due_the_next_day() -> None:
    review = after_wrong(now=T0)
    assert review == Review(stage=0, due_at=T0 + DAY)
    assert not is_due(review, now=T0 + DAY - timedelta(seconds=1))
    assert is_due(review, now=T0 + DAY)


def test_three_reviews_on_their_days_clear_it() -> None:
    review = after_wrong(now=T0)
    review = after_right(review, now=T0 + DAY)
    assert review == Review(stage=1, due_at=T0 + 4 * DAY)
    review = after_right(review, now=T0 + 4 * DAY)
    assert review == Review(stage=2, due_at=T0 + 11 * DAY)
    assert not review.cleared
    review = after_right(review, now=T0 + 11 * DAY)
    assert review.cleared and review.due_at is None
    assert not is_due(review, now=T0 + 100 * DAY)


def test_right_before_the_review_day_counts_for_nothing() -> None:
    review = after_wrong(now=T0)
    assert after_right(review, now=T0 + DAY / 2) == review


def test_a_late_review_counts_from_when_it_was_done() -> None:
    review = after_right(after_wrong(now=T0), now=T0 + 5 * DAY)
    assert review == Review(stage=1, due_at=T0 + 8 * DAY)


def test_wrong_again_starts_over() -> None:
    review = after_right(after_wrong(now=T0), now=T0 + DAY)
    assert after_wrong(now=T0 + 2 * DAY) == Review(stage=0, due_at=T0 + 3 * DAY)
    assert review.stage == 1
