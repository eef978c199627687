"""Plan templates: the typed form of a template file, and its validation on load.

The format is described in resources/templates/README.md. Reading the file is the only
I/O here; adapting a template to an office is core/adapt.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_desktop.core.model import ItemKind, ItemRole, Marker, OfficeKind
from cchc_desktop.core.numbering import strip_own_label
from cchc_desktop.core.text import nfc
from cchc_desktop.errors import TemplateError

SCHEMA_VERSION = 2  # 1 is still read: "dash" and "paragraph" items, duties beside the body

MARKER = re.compile(r"\{([A-Za-z_]+)(?::([A-Za-z0-9_-]+))?\}")
PLAIN_MARKERS = frozenset(
    {
        "kind", "Kind", "locality", "Locality", "issuer", "issuer_full", "scope",
        "period", "year", "previous_period", "city", "local_cchc_plan", "deadline_day",
    }
)  # fmt: skip
ARGUMENT_MARKERS = {
    "unit": None,  # any unit key of the template
    "quarter": frozenset({"first", "last"}),
    "month": frozenset({"first", "last"}),
}
_ITEM_KINDS = {k.value for k in ItemKind} | {"basis"}
# Version 1 named a point's marker by its kind.
_V1_KINDS = {"dash": Marker.DASH, "paragraph": Marker.NONE}
_MARKERS = {m.value: m for m in Marker}
_ROLES = {r.value for r in ItemRole} - {""}
# A unit's name or the kinds it suits may be given per kind of office or for a whole group.
KIND_GROUPS = {
    "commune": frozenset(k for k in OfficeKind if k.is_commune),
    "agency": frozenset(k for k in OfficeKind if not k.is_commune),
}
ORGANISATION_HEADING_V1 = "Tổ chức thực hiện"


@dataclass(frozen=True, slots=True)
class TemplateItem:
    key: str
    kind: str  # an ItemKind value, or "basis"
    text: str
    commune: bool
    commune_text: str | None = None
    children: tuple[TemplateItem, ...] = ()
    marker: Marker | None = None  # None: the usual marker of its kind
    role: ItemRole = ItemRole.NONE
    unit: str | None = None  # a unit's block under the organisation: the unit's key


@dataclass(frozen=True, slots=True)
class TemplateUnit:
    key: str
    name: str
    abbreviation: str
    names: dict[str, str] = field(default_factory=dict)
    kinds: tuple[str, ...] = ()
    request: bool = False

    def name_for(self, kind: OfficeKind) -> str:
        """Its name for an office of this kind ("{kind}" and "{Kind}" filled)."""
        group = "commune" if kind.is_commune else "agency"
        name = self.names.get(kind.value) or self.names.get(group) or self.name
        return name.replace("{kind}", kind.value).replace("{Kind}", kind.capitalised)

    def suits(self, kind: OfficeKind) -> bool:
        group = "commune" if kind.is_commune else "agency"
        return not self.kinds or kind.value in self.kinds or group in self.kinds


@dataclass(frozen=True, slots=True)
class TemplateTask:
    key: str
    title: str
    details: tuple[str, ...]
    output: str
    start: str
    finish: str
    lead: str
    support: str
    commune: bool


@dataclass(frozen=True, slots=True)
class Template:
    """A city plan as data, ready to be adapted to a commune."""

    id: str
    name: str
    source: dict[str, Any]
    summary: str
    bases: tuple[TemplateItem, ...]
    preamble: str
    sections: tuple[TemplateItem, ...]  # the whole body, the units' blocks included
    units: tuple[TemplateUnit, ...]
    tasks: tuple[TemplateTask, ...]
    closing: str
    recipients: tuple[str, ...]
    report_deadline_day: int

    def unit(self, key: str) -> TemplateUnit | None:
        return next((u for u in self.units if u.key == key), None)


def load_template(path: Path) -> Template:
    """Read and validate a template file; a bad one raises TemplateError naming the field."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TemplateError(path.name, "(tệp)", f"không đọc được ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(path.name, "(tệp)", "không phải văn bản UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise TemplateError(
            path.name, "(tệp)", f"sai cú pháp JSON ở dòng {exc.lineno}, cột {exc.colno}"
        ) from exc
    return parse_template(raw, path.name)


def parse_template(raw: Any, source: str = "mẫu") -> Template:
    """Validate already-decoded template data."""
    return _Reader(source).template(raw)


class _Reader:
    """Walks the raw data, remembering the path of the field being read for messages."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.version = SCHEMA_VERSION
        self.keys: set[str] = set()
        self.unit_keys: set[str] = set()
        self.texts: list[tuple[str, str]] = []  # (field path, text) for the marker check

    def fail(self, where: str, problem: str) -> TemplateError:
        return TemplateError(self.source, where, problem)

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "phải là một đối tượng {…}")
        return value

    def lst(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "phải là một danh sách […]")
        return value

    def string(
        self, data: dict[str, Any], name: str, where: str, *, required: bool = True,
        text: bool = True,
    ) -> str:  # fmt: skip
        path = f"{where}.{name}" if where else name
        if name not in data:
            if required:
                raise self.fail(path, "bị thiếu")
            return ""
        value = data[name]
        if not isinstance(value, str):
            raise self.fail(path, "phải là chuỗi văn bản")
        if required and not value.strip():
            raise self.fail(path, "không được để trống")
        value = nfc(value)
        if text:
            self.texts.append((path, value))
        return value

    def boolean(self, data: dict[str, Any], name: str, where: str, default: bool) -> bool:
        value = data.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{name}", "phải là true hoặc false")
        return value

    def key(self, data: dict[str, Any], where: str) -> str:
        key = self.string(data, "key", where, text=False)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", key):
            raise self.fail(f"{where}.key", "chỉ gồm chữ thường không dấu, số và dấu «-»")
        if key in self.keys:
            raise self.fail(f"{where}.key", f"trùng với một mục khác («{key}»)")
        self.keys.add(key)
        return key

    def template(self, raw: Any) -> Template:
        data = self.obj(raw, "(gốc)")
        version = data.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail("schema_version", "bị thiếu hoặc không phải số")
        if version not in (1, SCHEMA_VERSION):
            raise self.fail(
                "schema_version", f"là {version}, chương trình này đọc phiên bản {SCHEMA_VERSION}"
            )
        self.version = version
        source = self.obj(data.get("source"), "source")
        for name in ("issuer", "city", "document", "plan_title"):
            self.string(source, name, "source", text=False)
        units = tuple(
            self.unit(u, f"units[{i}]") for i, u in enumerate(self.lst(data.get("units"), "units"))
        )
        deadline = data.get("report_deadline_day", 10)
        if not isinstance(deadline, int) or isinstance(deadline, bool) or not 1 <= deadline <= 28:
            raise self.fail("report_deadline_day", "phải là một ngày từ 1 đến 28")
        sections = self.items(data.get("sections"), "sections", {ItemKind.SECTION.value})
        if version == 1:
            sections = self.v1_organisation(sections, data.get("duties"))
        template = Template(
            id=self.string(data, "id", "", text=False),
            name=self.string(data, "name", "", text=False),
            source=source,
            summary=self.string(data, "summary", ""),
            bases=self.items(data.get("bases"), "bases", {"basis"}),
            preamble=self.string(data, "preamble", ""),
            sections=sections,
            units=units,
            tasks=tuple(
                self.task(t, f"tasks[{i}]")
                for i, t in enumerate(self.lst(data.get("tasks"), "tasks"))
            ),
            closing=self.string(data, "closing", ""),
            recipients=tuple(
                self.plain(r, f"recipients[{i}]")
                for i, r in enumerate(self.lst(data.get("recipients"), "recipients"))
            ),
            report_deadline_day=deadline,
        )
        self.check_markers()
        return template

    def plain(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "phải là chuỗi văn bản không trống")
        self.texts.append((where, nfc(value)))
        return nfc(value)

    def items(self, value: Any, where: str, kinds: set[str]) -> tuple[TemplateItem, ...]:
        if value is None:
            return ()
        return tuple(
            self.item(v, f"{where}[{i}]", kinds) for i, v in enumerate(self.lst(value, where))
        )

    def item(self, value: Any, where: str, kinds: set[str]) -> TemplateItem:
        data = self.obj(value, where)
        key = self.key(data, where)
        kind = self.string(data, "kind", where, text=False)
        marker: Marker | None = None
        if self.version == 1 and kind in _V1_KINDS:
            kind, marker = ItemKind.POINT.value, _V1_KINDS[kind]
        if kind not in _ITEM_KINDS:
            raise self.fail(
                f"{where}.kind", f"là «{kind}», phải là một trong {sorted(_ITEM_KINDS)}"
            )
        if kind not in kinds:
            raise self.fail(f"{where}.kind", f"là «{kind}», ở đây chỉ được {sorted(kinds)}")
        if "marker" in data:
            found = data["marker"]
            if not isinstance(found, str) or found not in _MARKERS:
                raise self.fail(
                    f"{where}.marker", f"là «{found}», phải là một trong {sorted(_MARKERS)}"
                )
            marker = _MARKERS[found]
        role = data.get("role", "")
        if role and role not in _ROLES:
            raise self.fail(f"{where}.role", f"là «{role}», phải là một trong {sorted(_ROLES)}")
        unit = data.get("unit")
        if unit is not None and unit not in self.unit_keys:
            raise self.fail(f"{where}.unit", f"«{unit}» không có trong danh sách units")
        text = self.string(data, "text", where, required=unit is None)
        commune_text = self.string(data, "commune_text", where, required=False) or None
        for name, value_ in (("text", text), ("commune_text", commune_text or "")):
            if value_ and strip_own_label(value_) != value_:
                raise self.fail(
                    f"{where}.{name}", "không được tự ghi số thứ tự hay chữ cái đầu mục"
                )
        child_kinds = {k.value for k in ItemKind} - {ItemKind.SECTION.value}
        return TemplateItem(
            key=key,
            kind=kind,
            text=text,
            commune=self.boolean(data, "commune", where, True),
            commune_text=commune_text,
            children=self.items(data.get("children"), f"{where}.children", child_kinds),
            marker=marker,
            role=ItemRole(role) if role else (ItemRole.UNIT if unit is not None else ItemRole.NONE),
            unit=unit,
        )

    def unit(self, value: Any, where: str) -> TemplateUnit:
        data = self.obj(value, where)
        key = self.key(data, where)
        self.unit_keys.add(key)
        names = self.obj(data.get("names", {}), f"{where}.names")
        kinds = self.lst(data.get("kinds", []), f"{where}.kinds")
        valid_kinds = {k.value for k in OfficeKind} | set(KIND_GROUPS)
        for kind in [*names, *kinds]:
            if kind not in valid_kinds:
                raise self.fail(
                    f"{where}.kinds",
                    f"«{kind}» không phải một loại cơ quan ({', '.join(sorted(valid_kinds))})",
                )
        for kind, name in names.items():
            self.plain(name, f"{where}.names.{kind}")
        return TemplateUnit(
            key=key,
            name=self.string(data, "name", where),
            abbreviation=self.string(data, "abbreviation", where, required=False, text=False),
            names={k: nfc(v) for k, v in names.items()},
            kinds=tuple(kinds),
            request=self.boolean(data, "request", where, False),
        )

    def v1_organisation(
        self, sections: tuple[TemplateItem, ...], duties: Any
    ) -> tuple[TemplateItem, ...]:
        """Version 1 kept the units' blocks beside the body: they become a last section."""
        blocks = []
        for i, value in enumerate(self.lst(duties or [], "duties")):
            where = f"duties[{i}]"
            data = self.obj(value, where)
            unit = data.get("unit")
            if unit is not None and unit not in self.unit_keys:
                raise self.fail(f"{where}.unit", f"«{unit}» không có trong danh sách units")
            blocks.append(
                TemplateItem(
                    key=self.key(data, where),
                    kind=ItemKind.SUBSECTION.value,
                    text=self.string(data, "heading", where, required=unit is None),
                    commune=self.boolean(data, "commune", where, True),
                    children=self.items(
                        data.get("items"), f"{where}.items", {ItemKind.POINT.value}
                    ),
                    role=ItemRole.UNIT,
                    unit=unit,
                )
            )
        if not blocks:
            return sections
        organisation = TemplateItem(
            key="to-chuc-thuc-hien",
            kind=ItemKind.SECTION.value,
            text=ORGANISATION_HEADING_V1,
            commune=True,
            children=tuple(blocks),
            role=ItemRole.ORGANISATION,
        )
        return (*sections, organisation)

    def task(self, value: Any, where: str) -> TemplateTask:
        data = self.obj(value, where)
        details = self.lst(data.get("details", []), f"{where}.details")
        return TemplateTask(
            key=self.key(data, where),
            title=self.string(data, "title", where),
            details=tuple(self.plain(d, f"{where}.details[{i}]") for i, d in enumerate(details)),
            output=self.string(data, "output", where, required=False),
            start=self.string(data, "start", where, required=False),
            finish=self.string(data, "finish", where, required=False),
            lead=self.string(data, "lead", where, required=False),
            support=self.string(data, "support", where, required=False),
            commune=self.boolean(data, "commune", where, True),
        )

    def check_markers(self) -> None:
        for where, text in self.texts:
            for match in MARKER.finditer(text):
                name, argument = match.group(1), match.group(2)
                if argument is None and name in PLAIN_MARKERS:
                    continue
                if name in ARGUMENT_MARKERS and argument is not None:
                    allowed = ARGUMENT_MARKERS[name]
                    if allowed is None and argument in self.unit_keys:
                        continue
                    if allowed is not None and argument in allowed:
                        continue
                raise self.fail(where, f"có đánh dấu không hợp lệ «{match.group(0)}»")
            stray = text.replace("{", "").replace("}", "")
            if len(stray) != len(text) - 2 * len(MARKER.findall(text)):
                raise self.fail(where, "có dấu ngoặc «{ }» lẻ")


DEFAULT_TEMPLATE = "templates/hai-phong-2025.json"


def bundled_template(name: str = DEFAULT_TEMPLATE) -> Template:
    """A template shipped with the app, under resources/."""
    from cchc_desktop.paths import resource

    return load_template(resource(name))
