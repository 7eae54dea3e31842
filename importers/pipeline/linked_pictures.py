"""Pictures a text paper only links to ("![图](img/q3.png)", "<img src=…>"): their files never
come with the upload, so each question showing one waits for review, the link named, instead of
reaching trainees as markup with the picture missing."""

from __future__ import annotations

import re

from .model import ParsedQuestion

LINKED_PICTURE = re.compile(
    r"!\[[^\]\n]*\]\(\s*<?(?P<md>[^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"']?(?P<html>[^\"'\s>]+)", re.IGNORECASE
)
NOT_UPLOADED = "picture {path} was not uploaded with the paper"


def flag_linked_pictures(questions: list[ParsedQuestion]) -> None:
    """A warning on each question for each picture its text links to."""
    for q in questions:
        text = "\n".join([q.stem, *q.options, q.explanation or "", q.material or "", _text(q.answer)])
        if "![" not in text and "<img" not in text.lower():
            continue  # (nearly every question: no regex run)
        paths = dict.fromkeys(m["md"] or m["html"] for m in LINKED_PICTURE.finditer(text))
        q.warnings.extend(NOT_UPLOADED.format(path=path) for path in paths)


def _text(answer: object) -> str:
    if isinstance(answer, list):
        return "\n".join(_text(part) for part in answer)
    return answer if isinstance(answer, str) else ""
