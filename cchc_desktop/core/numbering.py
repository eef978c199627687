"""Numbering of the plan body: each item's label from its marker among its printed siblings —
Roman sections, Arabic subsections, Vietnamese letters, dashes — and which items print.

Numbers are never stored; they are computed every time, so adding, removing or moving an item
renumbers everything after it. A label kept as typed (an imported document's own "e)") prints
as it is; ``Numbered.expected`` says what the count would give, for the review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cchc_desktop.core.model import ItemKind, Marker, PlanItem

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


def label(marker: Marker, index: int, parent_label: str = "") -> str:
    """The printed label of the index-th (0-based) sibling numbered with ``marker``."""
    if marker is Marker.ROMAN:
        return f"{roman(index + 1)}."
    if marker is Marker.DECIMAL:
        return f"{index + 1}."
    if marker is Marker.DECIMAL_PAREN:
        return f"{index + 1})"
    if marker is Marker.NESTED:
        stem = parent_label.rstrip(".)")
        return f"{stem}.{index + 1}." if stem else f"{index + 1}."
    if marker is Marker.LETTER:
        return f"{letter(index)})"
    if marker is Marker.LETTER_DOT:
        return f"{letter(index)}."
    return marker.value  # "-", "+", "•", "*" or ""


def printed(item: PlanItem) -> bool:
    """Whether an item prints: chosen, and a heading only with something printed under it."""
    if not item.chosen:
        return False
    if item.kind.is_heading:
        return any(printed(child) for child in item.children)
    return bool(item.text.strip()) or any(printed(child) for child in item.children)


@dataclass(frozen=True, slots=True)
class Numbered:
    """An item as it will print: its label ("II.", "3.", "đ)", "-", ""), its depth, and the
    label the count gives (differs from ``label`` only where one was kept as typed)."""

    label: str
    depth: int
    item: PlanItem
    expected: str = ""

    @property
    def line(self) -> str:
        return f"{self.label} {self.item.text}" if self.label else self.item.text


def number_items(
    items: list[PlanItem], depth: int = 0, parent_label: str = ""
) -> Iterator[Numbered]:
    """Walk the printed items in order with their labels. Each marker counts on its own among
    siblings, so an unnumbered paragraph before a list does not shift its letters."""
    counters: dict[Marker, int] = {}
    for item in items:
        if not printed(item):
            continue
        marker = item.numbering
        index = counters.get(marker, 0)
        counters[marker] = index + 1
        expected = label(marker, index, parent_label)
        shown = item.label or expected
        yield Numbered(shown, depth, item, expected)
        yield from number_items(item.children, depth + 1, shown)


def labels(items: list[PlanItem]) -> dict[str, str]:
    """Each printed item's label by uid (what an editor shows beside the text)."""
    return {n.item.uid: n.label for n in number_items(items)}


def default_kind(depth: int) -> ItemKind:
    """The kind an item takes at a depth of the body when moved there."""
    if depth == 0:
        return ItemKind.SECTION
    if depth == 1:
        return ItemKind.SUBSECTION
    return ItemKind.POINT


def default_marker(depth: int) -> Marker:
    """The usual marker at a depth: I., 1., a), then dashes, then "+"."""
    usual = (Marker.ROMAN, Marker.DECIMAL, Marker.LETTER, Marker.DASH)
    return usual[depth] if depth < len(usual) else Marker.PLUS


_OWN_LABEL = re.compile(
    r"^\s*(?:[IVXLCDM]+\.|\d+(?:\.\d+)*[.)]|[a-zđ][).]|-|–|\+|•|\*)\s+", re.IGNORECASE
)


def strip_own_label(text: str) -> str:
    """Text without a number or letter typed or pasted in front of it ("b) …", "2. …", "- …"),
    since the label is always computed."""
    return _OWN_LABEL.sub("", text, count=1)


def own_label(text: str) -> str:
    """The label typed in front of a text, if any ("b)", "2.", "-"); "" when none."""
    match = _OWN_LABEL.match(text)
    return match.group(0).strip() if match else ""
