"""Answers recorded before the bank-order letters existed get them: the shuffle of each frozen
question (option_order) is found by matching its option texts to the bank question's, and the
graded ones get their key and choice as bank letters, as attempt_submit now writes them.

Where the bank question was deleted or its options edited since, the shuffle cannot be found:
an unshuffled paper showed the bank's order, otherwise the answer's choice stays uncounted in the
option counts (its score still counts everywhere else). The logic is copied here, not imported,
so that later changes to questiontypes cannot change what this migration did.
"""

import string

from django.db import migrations
from django.db.models import F

LETTERS = string.ascii_uppercase
CHOICE_TYPES = ("single", "multiple")
BATCH = 2000


def shown_order(shown, bank, shuffled):
    """The bank index of each shown option, matched by text (repeated texts in order)."""
    free = {}
    for index, text in enumerate(bank):
        free.setdefault(text, []).append(index)
    order = []
    for text in shown:
        if not free.get(text):
            return [] if shuffled else list(range(len(shown)))
        order.append(free[text].pop(0))
    return order


def bank_letters(qtype, value, order):
    if qtype == "truefalse":
        return {True: "A", False: "B"}.get(value, "") if isinstance(value, bool) else ""
    if not isinstance(value, str):
        return ""
    shown = {LETTERS.index(c) for c in value.upper() if c in LETTERS}
    return "".join(sorted(LETTERS[order[i]] for i in shown if i < len(order)))


def backfill(apps, schema_editor):
    AttemptQuestion = apps.get_model("quizzes", "AttemptQuestion")
    Option = apps.get_model("qbank", "Option")
    answers = (
        AttemptQuestion.objects.filter(type__in=(*CHOICE_TYPES, "truefalse"))
        .only("pk", "type", "question_id", "options", "key", "response", "state")
        .annotate(shuffled=F("attempt__paper__shuffle_options"))
        .order_by("pk")
    )
    last = 0
    while batch := list(answers.filter(pk__gt=last)[:BATCH]):
        last = batch[-1].pk
        bank = {}
        ids = {aq.question_id for aq in batch if aq.type in CHOICE_TYPES and aq.question_id}
        rows = Option.objects.filter(question_id__in=ids).order_by("question_id", "order", "label")
        for question_id, text in rows.values_list("question_id", "text"):
            bank.setdefault(question_id, []).append(text)
        for aq in batch:
            if aq.type in CHOICE_TYPES:
                aq.option_order = shown_order(aq.options or [], bank.get(aq.question_id, []), aq.shuffled)
            if aq.state:  # graded: what attempt_submit writes
                aq.key_letters = bank_letters(aq.type, aq.key, aq.option_order)
                aq.chosen_letters = bank_letters(aq.type, aq.response, aq.option_order)
        AttemptQuestion.objects.bulk_update(batch, ["option_order", "key_letters", "chosen_letters"])


class Migration(migrations.Migration):
    dependencies = [
        ("qbank", "0002_role_groups"),
        ("quizzes", "0007_answer_letters_in_bank_order"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
