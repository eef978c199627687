"""Where text enters the program's model it is cleaned, in one place: characters no document
can hold (control characters pasted from old files, U+FFFE/U+FFFF, half a surrogate pair) are
removed and the text put in NFC, with a note for the officer of what was removed and where.

The store cleans everything it saves (store/repository.py), and the documents clean what they
print (core/outline.py, core/report.py): a text typed, imported, or read from an older file
reaches neither the file nor paper uncleaned.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from cchc_desktop.core.text import clean, strip_control

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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            place = FIELD_NAMES.get(field.name, where)
            if isinstance(current, Enum):  # a kind or a status: a name of the program's own
                continue
            if isinstance(current, str):
                setattr(value, field.name, _text(current, place, notes))
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
