from __future__ import annotations

import pytest

from qbank.fingerprint import fingerprint, fold, search_text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("售後客戶服務？", "售后客户服务?"),  # Traditional vs Simplified, full- vs half-width "?"
        ("ＡＢＣ的含义", "ABC的含义"),  # full-width Latin
        ("abc 的 含义", "ABC的含义"),  # case and spaces
        ("客户满意度是____的指标", "客户满意度是()的指标"),  # blank as underscores
        ("客户满意度是（ ）的指标", "客户满意度是()的指标"),  # full-width brackets with a space
        ("客户\u200b满意度", "客户满意度"),  # zero-width space left by a scraper
        ("1. 服务，是什么？", "1服务是什么"),
    ],
)
def test_same_question_printed_differently_has_one_fingerprint(a: str, b: str) -> None:
    assert fingerprint(a, []) == fingerprint(b, [])


def test_options_are_folded_too() -> None:
    assert fingerprint("哪项正确?", ["ＡＢＣ", "售後服務"]) == fingerprint("哪项正确", ["abc", "售后服务。"])


def test_different_questions_differ() -> None:
    assert fingerprint("什么是客户关系管理?", []) != fingerprint("什么是客户满意度?", [])
    assert fingerprint("哪项正确?", ["甲", "乙"]) != fingerprint("哪项正确?", ["乙", "甲"])


def test_stem_and_options_are_separated() -> None:
    # Without a separator, stem "AB" + option "C" would equal stem "A" + option "BC".
    assert fingerprint("AB", ["C"]) != fingerprint("A", ["BC"])
    assert fingerprint("问题", ["选项"]) != fingerprint("问题选项", [])


def test_fingerprint_is_sha256_hex() -> None:
    value = fingerprint("问题", [])
    assert len(value) == 64
    assert int(value, 16) >= 0


def test_fold_and_search_text_keep_punctuation_but_fold_script_and_width() -> None:
    assert fold("售後客戶服務？ＡＢＣ") == "售后客户服务?abc"
    assert search_text("客戶?", ["甲", "乙"]) == "客户?\n甲\n乙"


def test_case_sub_questions_differ_by_their_material() -> None:
    ask = "这个案例对您有何启示?"
    assert fingerprint(ask, [], material="顾客投诉熟食变味") != fingerprint(ask, [], material="酸奶里有苍蝇")
    assert fingerprint(ask, [], material="") == fingerprint(ask, [])


def test_strip_drops_what_the_character_test_drops() -> None:
    """_strip's remembered table decides each character as the per-character test did."""
    import random
    import unicodedata

    from qbank.fingerprint import _strip

    def by_hand(text: str) -> str:
        return "".join(
            ch
            for ch in text
            if not ch.isspace()
            and unicodedata.category(ch)[0] not in "PSZ"
            and unicodedata.category(ch) != "Cf"
        )

    rng = random.Random(5)
    for _ in range(200):
        text = "售後客戶服務？ a_b\u200b\u3000（ ）____ 1.5% ＡＢＣ\t\n" + "".join(
            chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(100)
        )
        assert _strip(text) == by_hand(text)
