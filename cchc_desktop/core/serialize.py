"""The model as plain JSON-ready data and back, derived from the dataclasses themselves.

What leaves the program — a wizard draft, an issued version kept as signed, a plan sent to
another PC — is written with a format number (``FORMAT``) and read back through a loader that
checks every field: a damaged or foreign file is refused with a Vietnamese message naming the
field, never a KeyError. Data of format 1 (before plans had uids and markers) is upgraded on
the way in.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from cchc_desktop.core.model import ItemKind, ItemRole, Marker, Office, Plan
from cchc_desktop.core.text import nfc
from cchc_desktop.errors import DataFormatError

FORMAT = 2
T = TypeVar("T")
Data = dict[str, Any]


def to_data(value: Any) -> Any:
    """A dataclass (and what it holds) as dicts, lists, strings, numbers and None."""
    kind: Any = type(value)
    if kind in _PLAIN:
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(kind: Any) -> tuple[str, ...] | None:
    """A dataclass's field names, None for any other type (a plan holds a few kinds, tens of
    thousands of times)."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(f.name for f in dataclasses.fields(kind))


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    """The dataclass ``cls`` from ``data``, every field checked; a missing field takes its
    default when it has one. Raises DataFormatError naming the first bad field."""
    return typing.cast(T, _read(cls, data, where or cls.__name__))


def _fail(where: str, problem: str) -> DataFormatError:
    return DataFormatError(where, problem)


def _read(kind: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        real = [o for o in options if o is not type(None)]
        if len(real) == 1:
            return _read(real[0], data, where)
        raise _fail(where, "có kiểu không đọc được")
    if origin is list:
        if not isinstance(data, list):
            raise _fail(where, "phải là một danh sách")
        (inner,) = typing.get_args(kind)
        return [_read(inner, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise _fail(where, "phải là một đối tượng")
        hints = _hints(kind)
        values = {}
        for f in dataclasses.fields(kind):
            if f.name in data:
                values[f.name] = _read(hints[f.name], data[f.name], f"{where}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise _fail(f"{where}.{f.name}", "bị thiếu")
        return kind(**values)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError:
            allowed = ", ".join(f"«{m.value}»" for m in kind)
            raise _fail(where, f"là «{data}», phải là một trong {allowed}") from None
    if kind is date:
        if not isinstance(data, str):
            raise _fail(where, "phải là một ngày YYYY-MM-DD")
        try:
            return date.fromisoformat(data)
        except ValueError:
            raise _fail(where, f"«{data}» không phải ngày hợp lệ") from None
    if kind is bool:
        if not isinstance(data, bool):
            raise _fail(where, "phải là true hoặc false")
        return data
    if kind is int:
        if not isinstance(data, int) or isinstance(data, bool):
            raise _fail(where, "phải là một số nguyên")
        return data
    if kind is str:
        if not isinstance(data, str):
            raise _fail(where, "phải là chuỗi văn bản")
        return nfc(data)
    raise _fail(where, f"có kiểu {kind!r} chưa được hỗ trợ")


# --- versioned documents ---------------------------------------------------------------


def plan_to_dict(plan: Plan) -> Data:
    return {"format": FORMAT, **to_data(plan)}


def office_to_dict(office: Office) -> Data:
    return {"format": FORMAT, **to_data(office)}


def _format(data: Any, what: str) -> int:
    if not isinstance(data, dict):
        raise _fail(what, "phải là một đối tượng")
    version = data.get("format", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(f"{what}.format", "phải là một số nguyên")
    if version > FORMAT:
        raise DataFormatError(
            f"{what}.format",
            f"là {version}: dữ liệu do phiên bản mới hơn của chương trình tạo ra "
            f"(phiên bản này đọc đến {FORMAT})",
        )
    return version


def plan_from_dict(data: Any) -> Plan:
    """A plan from its data (format 1 upgraded); every field checked."""
    if _format(data, "plan") == 1:
        data = _upgrade_plan_v1(data)
    return from_data(Plan, {k: v for k, v in data.items() if k != "format"}, "plan")


def office_from_dict(data: Any) -> Office:
    if _format(data, "office") == 1:
        data = _upgrade_office_v1(data)
    return from_data(Office, {k: v for k, v in data.items() if k != "format"}, "office")


# --- format 1 ----------------------------------------------------------------------------

_V1_MARKERS = {"dash": Marker.DASH.value, "paragraph": Marker.NONE.value}


def _upgrade_item_v1(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    item = dict(item)
    if item.get("kind") in _V1_MARKERS:
        item["marker"] = _V1_MARKERS[item["kind"]]
        item["kind"] = ItemKind.POINT.value
    item["children"] = [_upgrade_item_v1(c) for c in item.get("children", [])]
    return item


def _upgrade_plan_v1(data: Data) -> Data:
    """Format 1 kept the units' blocks beside the body, and named markers by kinds."""
    data = dict(data)
    sections = [_upgrade_item_v1(s) for s in data.get("sections", [])]
    duties = data.pop("duties", []) or []
    if duties:
        blocks = []
        for duty in duties:
            if not isinstance(duty, dict):
                raise _fail("plan.duties", "phải là danh sách đối tượng")
            blocks.append(
                {
                    "kind": ItemKind.SUBSECTION.value,
                    "text": duty.get("heading", ""),
                    "chosen": duty.get("chosen", True),
                    "key": duty.get("key", ""),
                    "role": ItemRole.UNIT.value,
                    "unit_key": duty.get("unit_key", ""),
                    "children": [_upgrade_item_v1(i) for i in duty.get("items", [])],
                }
            )
        sections.append(
            {
                "kind": ItemKind.SECTION.value,
                "text": "Tổ chức thực hiện",
                "role": ItemRole.ORGANISATION.value,
                "children": blocks,
            }
        )
    data["sections"] = sections
    signer = data.get("signer")
    if isinstance(signer, dict) and "lines" in signer:
        data["signer"] = {"name": signer.get("name", ""), "authority_lines": signer["lines"]}
    return data


def _upgrade_office_v1(data: Data) -> Data:
    data = dict(data)
    data["signers"] = [
        {"name": s.get("name", ""), "authority_lines": s.get("lines", [])}
        if isinstance(s, dict)
        else s
        for s in data.get("signers", [])
    ]
    return data
