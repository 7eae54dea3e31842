"""The question types' answer rules (questiontypes, pure) as Django sees them: their complaints
become translated ValidationErrors. The model, the forms and the importer all come through here."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

import questiontypes
from questiontypes import AnswerError

# An unknown type is the type field's error (its choices, its check constraint), reported there:
# the answer rules then have nothing to say, rather than failing the whole clean().
_NO_RULES = questiontypes.QuestionType()


def _rules(code: str) -> questiontypes.QuestionType:
    return questiontypes.get(code) if code in questiontypes.CODES else _NO_RULES


def validation_error(error: AnswerError) -> ValidationError:
    """A question type's complaint as Django shows it: translated, with its code."""
    return ValidationError(gettext(error.message), code=error.code, params=error.params or None)


def answer_from_text(qtype: str, text: str) -> Any:
    """What a person typed → the stored answer (None when left empty). Shape errors that depend
    on the options (letters beyond them) are left to answer_validate."""
    try:
        return _rules(qtype).parse_text(text)
    except AnswerError as error:
        raise validation_error(error) from error


def answer_to_text(qtype: str, answer: Any) -> str:
    """The inverse of answer_from_text, to fill a form."""
    return _rules(qtype).format_text(answer)


def answer_normalise(*, type: str, answer: Any) -> Any:
    """The stored shape of `answer` ("DBA" → "ABD")."""
    return _rules(type).normalise(answer)


def answer_validate(*, type: str, answer: Any, option_count: int | None = None, labels: str = "") -> None:
    """Raise ValidationError unless `answer` has the shape `type` needs (None = no key yet).
    Choice letters must be among `labels` (or the first `option_count` letters)."""
    allowed = questiontypes.LETTERS[:option_count] if option_count is not None else labels
    try:
        _rules(type).validate(answer, labels=allowed)
    except AnswerError as error:
        raise validation_error(error) from error


def has_key(*, type: str, answer: Any) -> bool:
    return _rules(type).has_key(answer)


def answer_display(qtype: str, value: Any) -> str:
    """A key or a response as a person reads it: letters, 对/错 (translated), blanks joined."""
    return _rules(qtype).display(value, gettext)
