"""Vietnamese text helpers: NFC normalisation, diacritic folding, control characters."""

from __future__ import annotations

import re
import unicodedata

# What XML (so .docx and .xlsx) cannot hold and no font prints: control characters but tab
# and line ends, the non-characters U+FFFE and U+FFFF, and halves of surrogate pairs left
# alone (a character cut in two by another program), which cannot even be written as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def nfc(text: str) -> str:
    """Precomposed form: Vietnamese keyboards may send decomposed characters."""
    return unicodedata.normalize("NFC", text)


# After NFD, anything but ASCII and the common combining accents (U+0300-U+036F, without the
# grapheme joiner U+034F, which is not an accent) needs the general path.
_NOT_PLAIN = re.compile("[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")


_SPLIT = re.compile(f"({_NOT_PLAIN.pattern})")


def _drop_accents(plain: str) -> str:
    """ASCII letters and accents only: dropping every non-ASCII character drops the accents."""
    return plain.encode("ascii", "ignore").decode("ascii")


def fold(text: str) -> str:
    """Lower-case, without diacritics, "đ" as "d": "Cải cách" -> "cai cach"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    # Vietnamese text is ASCII letters and accents, with at most a few other characters
    # ("–", "½", "“"): those are kept, the rest goes through the encoder in C, several times
    # faster than a loop over characters (the task table folds every row when a plan opens).
    if _NOT_PLAIN.search(decomposed) is None:
        return _drop_accents(decomposed).casefold()
    parts = _SPLIT.split(decomposed)  # plain runs at even places, other characters between
    return "".join(
        _drop_accents(part) if i % 2 == 0 else ("" if unicodedata.combining(part) else part)
        for i, part in enumerate(parts)
    ).casefold()


def strip_control(text: str) -> str:
    """Remove characters XML cannot hold (pasted from old documents); keeps tabs and newlines."""
    return _CONTROL.sub("", text)


def has_unprintable(text: str) -> bool:
    """Whether ``strip_control`` would remove anything."""
    return _CONTROL.search(text) is not None


def clean(text: str) -> str:
    """Text as the program keeps it: without what XML cannot hold, in NFC."""
    return nfc(_CONTROL.sub("", text))


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
