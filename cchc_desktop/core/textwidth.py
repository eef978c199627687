"""Line widths in Times New Roman (Liberation Serif has the same metrics), for sizing rules
and checking that a line fits, without a font engine. Widths are Adobe's Times metrics in
thousandths of an em; a Vietnamese letter is as wide as its base letter."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

_REGULAR = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722,
         667, 556, 611, 722, 722, 944, 722, 722, 611,
         444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500,
         333, 389, 278, 500, 500, 722, 500, 500, 444] + [500] * 10,
        strict=True,
    )
)  # fmt: skip
_BOLD = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778,
         722, 556, 667, 722, 722, 1000, 722, 722, 667,
         500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556,
         444, 389, 333, 556, 500, 722, 500, 500, 444] + [500] * 10,
        strict=True,
    )
)  # fmt: skip
_PUNCTUATION = {" ": 250, "\u00a0": 250, "-": 333, ",": 250, ".": 250, ":": 278, "/": 278,
                "(": 333, ")": 333, ";": 278}  # fmt: skip
_HORN = {"Ư": 80, "Ơ": 60, "ư": 60, "ơ": 40}  # the horn sticks out a little

CM_PER_POINT = 2.54 / 72
WIDEST_EM = 1.0  # no character is wider than an em (W bold: 1.000)


@cache
def char_width(char: str, bold: bool = False) -> int:
    """One character's width, in thousandths of an em."""
    table = _BOLD if bold else _REGULAR
    base = {"Đ": "D", "đ": "d"}.get(char) or unicodedata.normalize("NFD", char)[0]
    return table.get(base, _PUNCTUATION.get(base, 500)) + _HORN.get(char, 0)


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of one line of text."""
    return text_width_em(text, bold=bold) * size_pt * CM_PER_POINT


def text_width_em(text: str, *, bold: bool = False) -> float:
    return sum(char_width(char, bold) for char in text) / 1000


@lru_cache(maxsize=65536)
def _word_em(word: str, bold: bool) -> float:
    """Vietnamese is written in syllables, a few thousand of them: widths are remembered."""
    return text_width_em(word, bold=bold)


def wrapped_lines(text: str, width_em: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped at spaces into lines ``width_em`` wide (a
    word longer than a line is broken, as spreadsheets do)."""
    if len(text) * WIDEST_EM <= width_em:
        return 1
    lines, used = 1, 0.0
    space = char_width(" ", bold) / 1000
    for word in text.split(" "):
        width = _word_em(word, bold)
        if used and used + space + width > width_em:
            lines += 1
            used = 0.0
        used += (space if used else 0.0) + width
        while used > width_em:  # a word longer than the line
            lines += 1
            used -= width_em
    return lines


def short_rule_length(text: str, size: float, width_cm: float, *, bold: bool = True) -> float:
    """Between 1/3 and 1/2 of the printed line above it (we take 2/5)."""
    line = min(text_width_cm(text, size, bold=bold), width_cm)
    return round(line * 0.4, 2)
