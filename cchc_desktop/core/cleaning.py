"""Where text enters the program's model it is cleaned, in one place: characters no document
can hold (control characters pasted from old files, U+FFFE/U+FFFF, half a surrogate pair) are
removed and the text put in NFC, with a note for the officer of what was removed and where.

The store cleans everything it saves (store/repository.py), and the documents clean what they
print (core/outline.py, core/report.py): a text typed, imported, or read from an older file
reaches neither the file nor paper uncleaned.
"""

from __future__ import annotations

import copy
import dataclasses
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from cchc_desktop.core.text import clean, has_unprintable, strip_control

T = TypeVar("T")

# The fields an officer knows by name, for the notes; others are named by their place.
FIELD_NAMES = {
    "name": "tên",
    "province": "tỉnh, thành phố",
    "place_name": "địa danh",
    "governing_body": "cơ quan chủ quản",
    "self_name": "tên tự xưng",
    "scope": "phạm vi",
    "header_lines": "dòng tên cơ quan",
    "number": "số văn bản",
    "number_suffix": "ký hiệu",
    "summary": "trích yếu",
    "preamble": "lời mở đầu",
    "closing": "lời kết",
    "recipients": "nơi nhận",
    "text": "nội dung",
    "title": "tên nhiệm vụ",
    "details": "nội dung chi tiết",
    "output": "sản phẩm",
    "lead_unit": "cơ quan chủ trì",
    "supporting_units": "cơ quan phối hợp",
    "unit": "đơn vị tính",
    "evidence": "minh chứng",
    "notes": "ghi chú",
    "reason": "lý do",
    "remarks": "ghi chú phụ lục",
    "authority_lines": "dòng thẩm quyền ký",
}


def clean_model(value: Any, where: str = "") -> list[str]:
    """Clean every text of a dataclass (and what it holds) in place; the notes of what was
    removed, one per text that lost characters."""
    notes: list[str] = []
    _walk(value, where, notes)
    return notes


def printable(value: T, where: str = "") -> tuple[T, list[str]]:
    """``value`` for a document: itself when every text is clean already (a quick scan: the
    usual case, and a plan of 10,000 tasks is not copied for nothing), else a cleaned copy —
    the model in the program stays as it is. With the notes of what was removed."""
    known = _found_clean.get()
    if known is not None and known.get(id(value)) is value:
        return value, []
    if not _needs_cleaning(value):
        if known is not None:
            known[id(value)] = value
        return value, []
    copied = copy.deepcopy(value)
    return copied, clean_model(copied, where)


# Within ``held_still``: what ``printable`` found clean, by identity (the object is kept, so
# its id is not reused).
_found_clean: ContextVar[dict[int, object] | None] = ContextVar("found_clean", default=None)


@contextmanager
def held_still() -> Iterator[None]:
    """While the model is not changed (an export writing its files one after another): a
    value found clean is not scanned again by the next file."""
    token = _found_clean.set({})
    try:
        yield
    finally:
        _found_clean.reset(token)


def _needs_cleaning(value: Any) -> bool:
    """Whether any text in ``value`` holds what ``clean`` removes: every text gathered, then
    one search (a plan of 10,000 tasks is scanned in a few hundredths of a second)."""
    texts: list[str] = []
    _gather(value, texts)
    return has_unprintable("".join(texts))


def _gather(value: Any, texts: list[str]) -> None:
    if isinstance(value, str):
        texts.append(value)
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, str):
                texts.append(item)
            else:
                _gather(item, texts)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        names, others = _shape(type(value))
        texts += [getattr(value, name) for name in names]
        for name in others:
            _gather(getattr(value, name), texts)


@cache
def _shape(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A dataclass's fields: those that hold a text, and those that may hold texts inside
    (lists, other dataclasses); numbers, dates and the program's own kinds are left out."""
    hints = typing.get_type_hints(cls)
    texts, others = [], []
    for field in dataclasses.fields(cls):
        kinds = typing.get_args(hints[field.name]) or (hints[field.name],)
        if hints[field.name] is str:
            texts.append(field.name)
        elif not all(k is type(None) or _scalar(k) for k in kinds):
            others.append(field.name)
    return tuple(texts), tuple(others)


def _scalar(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, int | float | date | Enum)


def clean_data(value: Any) -> Any:
    """JSON-ready data (a draft, a template) with every text cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    return value


def _walk(value: Any, where: str, notes: list[str]) -> None:
    if isinstance(value, list):
        value[:] = _items(value, where, notes)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            place = FIELD_NAMES.get(field.name, where)
            if isinstance(current, Enum):  # a kind or a status: a name of the program's own
                continue
            if isinstance(current, str):
                object.__setattr__(value, field.name, _text(current, place, notes))  # frozen too
            elif isinstance(current, list):
                current[:] = _items(current, place, notes)
            else:
                _walk(current, place, notes)


def _items(values: list[Any], where: str, notes: list[str]) -> list[Any]:
    out = []
    for value in values:
        if isinstance(value, str):
            out.append(_text(value, where, notes))
        else:
            _walk(value, where, notes)
            out.append(value)
    return out


def _text(text: str, where: str, notes: list[str]) -> str:
    kept = strip_control(text)
    if kept != text:
        removed = len(text) - len(kept)
        sample = " ".join(kept.split())[:60]
        notes.append(
            f"Đã bỏ {removed} ký tự không in được"
            + (f" trong {where}" if where else "")
            + (f": «{sample}»" if sample else "")
        )
    return clean(kept)
