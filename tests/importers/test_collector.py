"""The garbage collector's pause around a parse."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from importers.pipeline import PaperError, parse_document
from importers.pipeline.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_during_a_parse_and_on_again_after() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_parses_resume_it_when_the_last_ends() -> None:
    gc.enable()
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second parse is still running
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_on_again_after_a_refused_paper() -> None:
    gc.enable()
    with pytest.raises(PaperError):
        parse_document("empty.txt", "没有试题的一行字".encode())
    assert gc.isenabled()
