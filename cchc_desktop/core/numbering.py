"""Numbering of the plan body: Roman sections, Arabic subsections, Vietnamese letters.

Numbers are never stored; they are computed from the chosen items every time, so adding,
removing or moving an item renumbers everything after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cchc_desktop.core.model import ItemKind, PlanItem, UnitDuty

# Decree 30/2020: a b c d đ e g h i k l m n o p q r s t u v x y — no f, j, w, z.
VIETNAMESE_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    """1 -> "I", 4 -> "IV"."""
    if number < 1:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, symbol in _ROMAN:
        while number >= value:
            out.append(symbol)
            number -= value
    return "".join(out)


def letter(index: int) -> str:
    """0 -> "a", 4 -> "đ", 5 -> "e", 22 -> "y"; past "y" the letters double: "aa", "bb"…"""
    count = len(VIETNAMESE_LETTERS)
    return VIETNAMESE_LETTERS[index % count] * (index // count + 1)


def label(kind: ItemKind, index: int) -> str:
    """The printed label of the index-th (0-based) numbered sibling of this kind."""
    if kind is ItemKind.SECTION:
        return f"{roman(index + 1)}."
    if kind is ItemKind.SUBSECTION:
        return f"{index + 1}."
    if kind is ItemKind.POINT:
        return f"{letter(index)})"
    if kind is ItemKind.DASH:
        return "-"
    return ""


@dataclass(frozen=True, slots=True)
class Numbered:
    """An item as it will print: its label ("II.", "3.", "đ)", "-", "") and its depth."""

    label: str
    depth: int
    item: PlanItem

    @property
    def line(self) -> str:
        return f"{self.label} {self.item.text}" if self.label else self.item.text


def number_items(items: list[PlanItem], depth: int = 0) -> Iterator[Numbered]:
    """Walk the chosen items in order with their labels. Each kind counts on its own
    among siblings, so an unnumbered paragraph before a list does not shift its letters."""
    counters: dict[ItemKind, int] = {}
    for item in items:
        if not item.chosen:
            continue
        index = counters.get(item.kind, 0)
        counters[item.kind] = index + 1
        yield Numbered(label(item.kind, index), depth, item)
        yield from number_items(item.children, depth + 1)


def organisation_number(sections: list[PlanItem]) -> str:
    """The Roman label of "Tổ chức thực hiện", which always follows the chosen sections."""
    chosen = sum(1 for s in sections if s.chosen and s.kind is ItemKind.SECTION)
    return f"{roman(chosen + 1)}."


def printed_duties(duties: list[UnitDuty]) -> list[tuple[str, UnitDuty]]:
    """The duties that print, each with its Arabic number; a unit without duties is left out."""
    printed = [d for d in duties if d.printed]
    return [(f"{n}.", d) for n, d in enumerate(printed, start=1)]


_OWN_LABEL = re.compile(r"^\s*(?:[IVXLCDM]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|-|\+|•)\s+", re.IGNORECASE)


def strip_own_label(text: str) -> str:
    """Text without a number or letter typed or pasted in front of it ("b) …", "2. …", "- …"),
    since the label is always computed."""
    return _OWN_LABEL.sub("", text, count=1)
