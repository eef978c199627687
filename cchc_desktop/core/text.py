"""Vietnamese text helpers: NFC normalisation, diacritic folding, control characters."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfc(text: str) -> str:
    """Precomposed form: Vietnamese keyboards may send decomposed characters."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, without diacritics, "đ" as "d": "Cải cách" -> "cai cach"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def strip_control(text: str) -> str:
    """Remove characters XML cannot hold (pasted from old documents); keeps tabs and newlines."""
    return _CONTROL.sub("", text)


def vn_upper(text: str) -> str:
    """Capitals, as headings print: "Mục đích, yêu cầu" -> "MỤC ĐÍCH, YÊU CẦU"."""
    return nfc(text).upper()


def capitalise_first(text: str) -> str:
    """Capitalise the first letter only: "xã Quyết Thắng" -> "Xã Quyết Thắng"."""
    return text[:1].upper() + text[1:]


def ascii_fold(text: str) -> str:
    """Without diacritics, case kept: "Quyết Thắng" -> "Quyet Thang", "Đ" -> "D"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    """A file-name part that survives email clients and Windows: ASCII letters, digits, "-"."""
    words = re.findall(r"[A-Za-z0-9]+", ascii_fold(text))
    return "-".join(words)
