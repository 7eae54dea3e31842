"""Characters Word inserts from the Symbol font (Insert → Symbol): Greek letters and the signs of
physics and maths papers ("角速度为ω", "9.11×10-31kg"). Word stores each as the font's own code
(0x20–0xFF, or the same in the private-use block at U+F020–U+F0FF), which no other font shows as
that sign; here each code is read as the Unicode character the Symbol font draws (Adobe's Symbol
encoding; codes it leaves to ASCII, such as digits and brackets, are themselves).
"""

from __future__ import annotations

_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # at A–Z
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"  # at a–z
_SIGNS = {
    0x22: "∀",
    0x24: "∃",
    0x27: "∋",
    0x2A: "∗",
    0x2D: "−",
    0x40: "≅",
    0x5C: "∴",
    0x5E: "⊥",
    0x60: "‾",
    0x7E: "∼",
    0xA1: "ϒ",
    0xA2: "′",
    0xA3: "≤",
    0xA4: "⁄",
    0xA5: "∞",
    0xA6: "ƒ",
    0xAB: "↔",
    0xAC: "←",
    0xAD: "↑",
    0xAE: "→",
    0xAF: "↓",
    0xB0: "°",
    0xB1: "±",
    0xB2: "″",
    0xB3: "≥",
    0xB4: "×",
    0xB5: "∝",
    0xB6: "∂",
    0xB7: "•",
    0xB8: "÷",
    0xB9: "≠",
    0xBA: "≡",
    0xBB: "≈",
    0xBC: "…",
    0xC0: "ℵ",
    0xC4: "⊗",
    0xC5: "⊕",
    0xC6: "∅",
    0xC7: "∩",
    0xC8: "∪",
    0xC9: "⊃",
    0xCA: "⊇",
    0xCB: "⊄",
    0xCC: "⊂",
    0xCD: "⊆",
    0xCE: "∈",
    0xCF: "∉",
    0xD0: "∠",
    0xD1: "∇",
    0xD5: "∏",
    0xD6: "√",
    0xD7: "⋅",
    0xD8: "¬",
    0xD9: "∧",
    0xDA: "∨",
    0xDB: "⇔",
    0xDC: "⇐",
    0xDD: "⇑",
    0xDE: "⇒",
    0xDF: "⇓",
    0xE0: "◊",
    0xE5: "∑",
    0xF2: "∫",
}
SYMBOL = {
    **{0x41 + n: ch for n, ch in enumerate(_GREEK_UPPER)},
    **{0x61 + n: ch for n, ch in enumerate(_GREEK_LOWER)},
    **_SIGNS,
}
PRIVATE_USE = 0xF000  # Word's symbol fonts' codes, moved into the private-use block


def symbol_char(code: int, font: str) -> str:
    """The character a symbol-font code shows: the Symbol font's by its table; another font's
    (Wingdings' bullets and ticks) left as its code, which the cleaner reads as a bullet."""
    if font.strip().lower() == "symbol":
        low = code - PRIVATE_USE if code >= PRIVATE_USE else code
        if low in SYMBOL:
            return SYMBOL[low]
        if 0x20 <= low < 0x7F:
            return chr(low)
    return chr(code)
