"""After a run, the database against what the server acknowledged: no lost answer, every
attempt graded exactly once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from practice.models import Mistake
from practice.services import MISSED
from quizzes.models import Attempt, AttemptQuestion

from .trainee import Trainee


def check(trainees: Sequence[Trainee]) -> list[str]:
    """Problems found (empty when all is well); prints what was checked."""
    problems: list[str] = []
    ids = [t.attempt_id for t in trainees if t.attempt_id]
    attempts = {a.pk: a for a in Attempt.objects.filter(pk__in=ids)}
    stored = {
        (aq.attempt_id, aq.position): aq
        for aq in AttemptQuestion.objects.filter(attempt_id__in=ids).only(
            "attempt_id",
            "position",
            "response",
            "revision",
            "state",
            "score",
            "suggested_score",
            "question_id",
        )
    }
    acked = unsure = 0
    for trainee in trainees:
        for position, (response, revision) in trainee.acked.items():
            if position in trainee.unsure:
                unsure += 1
                continue
            acked += 1
            aq = stored[(trainee.attempt_id, position)]
            if aq.response != response or aq.revision != revision:
                problems.append(
                    f"lost answer: attempt {trainee.attempt_id} #{position}: acknowledged {response!r}"
                    f" (revision {revision}), stored {aq.response!r} (revision {aq.revision})"
                )
    print(
        f"  saves: last acknowledged answer of {acked} questions compared with the database"
        f" ({unsure} left out: a later save of theirs got no answer)"
    )
    problems += _graded_once(ids, attempts, list(stored.values()))
    return problems


def _graded_once(ids: list[int], attempts: dict[int, Attempt], questions: list[AttemptQuestion]) -> list[str]:
    problems = []
    by_attempt: dict[int, list[AttemptQuestion]] = {}
    for aq in questions:
        by_attempt.setdefault(aq.attempt_id, []).append(aq)
    for pk in ids:
        attempt = attempts[pk]
        if attempt.status != Attempt.Status.SUBMITTED:
            problems.append(f"attempt {pk} not submitted")
            continue
        rows = by_attempt.get(pk, [])
        if any(not aq.state for aq in rows):
            problems.append(f"attempt {pk}: questions left ungraded")
        total = sum((aq.score if aq.score is not None else aq.suggested_score or 0) for aq in rows)
        if total != attempt.score:
            problems.append(f"attempt {pk}: score {attempt.score} but its questions add up to {total}")
    # Graded twice would count each miss twice in the 错题本: times_wrong per (trainee, question)
    # must equal the number of this trainee's submitted attempts that missed the question.
    users = {attempts[pk].user_id for pk in ids}
    expected: Counter[tuple[int, int]] = Counter(
        AttemptQuestion.objects.filter(
            attempt__user_id__in=users, attempt__status=Attempt.Status.SUBMITTED, state__in=MISSED
        ).values_list("attempt__user_id", "question_id")
    )
    counted = {(m.user_id, m.question_id): m.times_wrong for m in Mistake.objects.filter(user_id__in=users)}
    wrong = [key for key, n in expected.items() if counted.get(key, 0) != n]
    if wrong:
        problems.append(
            f"错题本 counts disagree with the graded attempts for {len(wrong)} (trainee, question) pairs"
        )
    print(
        f"  grading: {len(ids)} attempts submitted and graded,"
        f" 错题本 counts checked over {len(expected)} misses"
    )
    return problems
