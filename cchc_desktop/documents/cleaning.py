"""Text cleaned of characters XML cannot hold (pasted from old documents), with a note of each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc_desktop.core.text import strip_control


@dataclass
class Cleaning:
    """Characters XML cannot hold, removed from the text with a note of where."""

    warnings: list[str] = field(default_factory=list)

    def note(self, notes: Iterable[str]) -> None:
        """Notes of what was cleaned before the text came here (core/cleaning.py)."""
        self.warnings += [n for n in notes if n not in self.warnings]

    def __call__(self, text: str, where: str = "") -> str:
        cleaned = strip_control(text)
        if cleaned != text:
            self.warnings.append(
                f"Đã bỏ {len(text) - len(cleaned)} ký tự không in được"
                + (f" trong {where}" if where else "")
                + f": «{cleaned[:60]}»"
            )
        return cleaned
