"""Questions shown in the viewer's script: the bank keeps what the paper printed (Traditional or
Simplified), a Simplified-Chinese reader sees it in Simplified. Display only — grading folds
both scripts itself (questiontypes.text.normalise_fill) and never sees this conversion.

The converter is OpenCC's t2s, built once per process and shared with grading
(questiontypes.text); the trainer's bank and editing pages never call this, so they show the
stored text.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils import translation

from questiontypes.text import simplified

Convert = Callable[[str], str]


def _as_stored(text: str) -> str:
    return text


def wants_simplified(language: str | None) -> bool:
    """zh-hans (the site's default), and the Simplified locales a browser may name."""
    return (language or "").lower() in ("zh-hans", "zh-cn", "zh-sg", "zh")


def converter(language: str | None = None) -> Convert:
    """The function a trainee's page passes its question text through: t2s for a Simplified
    reader, the identity for everyone else (English readers see the bank as stored)."""
    language = language if language is not None else translation.get_language()
    return simplified if wants_simplified(language) else _as_stored


def for_viewer(text: str) -> str:
    return converter()(text) if text else text
