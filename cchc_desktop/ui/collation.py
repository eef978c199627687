"""Vietnamese alphabetical order (a ă â b c d đ e ê … o ô ơ … u ư …, then the tones) for every
list and column the app sorts, by Qt's collator for the Vietnamese locale. The text folded
without diacritics (core/text.py) is for searching only: sorted by it, "Đài" came before "Dân"."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt

T = TypeVar("T")


@cache
def collator() -> QCollator:
    found = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    found.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    found.setNumericMode(True)  # "Tháng 2" before "Tháng 10"
    return found


def sort_key(text: str) -> QCollatorSortKey:
    """A key that orders ``text`` as a Vietnamese reader expects (compare keys with ``<``)."""
    return collator().sortKey(text)


def in_order(items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """``items`` in Vietnamese alphabetical order of ``text(item)``; equal texts keep their order."""
    return sorted(items, key=lambda item: sort_key(text(item)))
