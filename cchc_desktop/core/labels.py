"""Labels typed in front of a paragraph ("II.", "1.", "2.1.", "a)", "-", "+"): how each counts
and which list it belongs to, so that an imported body keeps the markers its document used."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_desktop.core.model import Marker

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(text: str) -> int:
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN_VALUES[c]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total


_TYPED = re.compile(
    r"^(?:"
    r"(?P<roman>[IVX]{1,6})\s*(?P<rp>[.):/\-])"
    r"|(?P<nested>\d{1,2}(?:\.\d{1,2})+)(?P<np>\.?)(?=\s)"
    r"|(?P<num>\d{1,2})(?P<dp>[.)/])(?!\d)"
    r"|(?P<letter>[a-zđA-ZĐ])(?P<lp>[).]|/)(?=\s)"
    r"|(?P<dash>[-–—])(?=\s|[^\s\d\-])"
    r"|(?P<bullet>[+•*·▪►➢✓✔◦○●■□❖])"
    r")\s*"
)
_LETTER_PAREN = {")": Marker.LETTER, ".": Marker.LETTER_DOT, "/": Marker.LETTER}
_DECIMAL_PUNCT = {".": Marker.DECIMAL, ")": Marker.DECIMAL_PAREN, "/": Marker.DECIMAL}
_BULLETS = {"+": Marker.PLUS, "*": Marker.STAR}


@dataclass(frozen=True, slots=True)
class Mark:
    """A label found in front of a paragraph: how it counts and how it was written."""

    marker: Marker
    label: str
    style: str  # the kind of list it belongs to, so that "1." and "1)" lists stay apart


def classify_label(label: str) -> Mark | None:
    """What a label is: "II." Roman, "1." decimal, "2.1." nested, "a)" letter, "-" dash…"""
    match = _TYPED.match(label.strip() + " ")
    if match is None:
        return None
    return _mark(match)


def _mark(match: re.Match[str]) -> Mark | None:
    label = match.group(0).strip()
    if match.group("roman"):
        roman = match.group("roman")
        if _roman_value(roman) < 1 or _roman_value(roman) > 39:
            return None
        return Mark(Marker.ROMAN, label, "roman" + match.group("rp"))
    if match.group("nested"):
        depth = match.group("nested").count(".")
        return Mark(Marker.NESTED, label, f"nested{depth}")
    if match.group("num"):
        punct = match.group("dp")
        return Mark(_DECIMAL_PUNCT[punct], label, "decimal" + punct)
    if match.group("letter"):
        letter, punct = match.group("letter"), match.group("lp")
        if letter in "IVX":
            return None
        case = "upper" if letter.isupper() else "lower"
        return Mark(_LETTER_PAREN[punct], label, f"letter{case}{punct}")
    if match.group("dash"):
        return Mark(Marker.DASH, label, "dash")
    sign = match.group("bullet")
    return Mark(_BULLETS.get(sign, Marker.BULLET), label, "bullet" + sign)


def split_label(text: str) -> tuple[Mark | None, str]:
    """A typed label and the text after it; (None, text) when it has none."""
    match = _TYPED.match(text)
    if match is None:
        return None, text
    mark = _mark(match)
    rest = text[match.end() :]
    if mark is None or not rest.strip():
        return None, text
    return mark, rest
