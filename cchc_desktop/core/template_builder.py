"""A plan read from Word turned into a template (format 2, resources/templates/README.md): the
words that belong to the issuing body — its locality, "trên địa bàn …", its period and year,
its units' names, its report day — marked the way the bundled template marks them, so that
adapting it to a commune and a period gives the commune's wording.

A superior's plan (a city's, a province's) becomes what the bundled template is: its items
for communes to choose from, its bodies' blocks kept for reference, the commune's usual units,
and the bases a commune cites (the plan itself, the commune's own CCHC plan). A commune's or an
agency's plan passed on to another office keeps its own bases and units, marked.
"""

from __future__ import annotations

import re
from typing import Any

from cchc_desktop.core.model import DEFAULT_MARKERS, ItemKind, ItemRole, Marker, PlanItem, Task
from cchc_desktop.core.plan_parser import ParsedPlan
from cchc_desktop.core.template import SCHEMA_VERSION, Template, TemplateUnit
from cchc_desktop.core.text import capitalise_first, slug
from cchc_desktop.core.unit_names import unit_key_for, unit_name_of

LOCAL_BASIS = (
    "Căn cứ {local_cchc_plan} của {issuer} về cải cách hành chính nhà nước {locality} {period}"
)
STANDARD_PREAMBLE = (
    "{issuer} ban hành Kế hoạch tuyên truyền cải cách hành chính nhà nước {period}, cụ thể như sau:"
)
_CITATION = re.compile(
    r"(?:số\s+\S+/\S+|\d{1,2}/\d{1,2}/\d{4}|\d{4})[^;:()]{0,80}của\s*$", re.IGNORECASE
)
# Another document cited by its number: its title is its own words, never the issuer's.
_CITED = re.compile(
    r"\b(?:Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Chương trình|Thông tư|Nghị định|Công văn|"
    r"Hướng dẫn|Kết luận)\s+số\s+[\w/.\-]+[^;]*?(?=;|\.(?:\s|$)|$)"
)
# A body named after the committee ("Văn phòng UBND thành phố") or its leaders keeps its name.
_BODY_BEFORE = re.compile(r"(?:Văn phòng|lãnh đạo|Lãnh đạo|Chủ tịch|Thường trực)\s*$")
_KEEP_YEAR_AFTER = ("đến", "từ", "đoạn", "chủ đề", "trước", "sau")


class Marking:
    """The issuer's words in a text, replaced by the template's markers."""

    def __init__(self, parsed: ParsedPlan) -> None:
        self.parsed = parsed
        plan = parsed.plan
        self.superior = parsed.level == "superior"
        self.year = plan.period.year
        self.period = plan.period.label
        self.previous = plan.period.previous.label
        self.locality = parsed.locality  # "thành phố Hải Phòng", "phường Thạch Khôi"
        self.kind_word = self.locality.split(" ")[0] if self.locality else ""
        if self.locality.startswith(("thành phố ", "đặc khu ", "thị xã ")):
            self.kind_word = " ".join(self.locality.split(" ")[:2])
        self.units: list[tuple[str, str]] = []  # (name, key), longest first
        self.coordinator = ""  # a superior's lead body, the commune's culture office

    def text(self, text: str, *, closing: bool = False) -> str:
        if not text:
            return text
        out = text
        if closing and self.coordinator:
            out = out.replace(self.coordinator, "{unit:vhxh}")
        for name, key in self.units:
            out = _outside_citations(out, re.escape(name), f"{{unit:{key}}}")
        if self.kind_word:
            kw = re.escape(self.kind_word)
            out = re.sub(rf"trên địa bàn {kw}(?! [A-ZĐ])", "{scope}", out)
            if self.locality:
                out = re.sub(rf"trên địa bàn {re.escape(self.locality)}", "{scope}", out)
            issuer = rf"(?:Ủy|Uỷ|ỦY) ban nhân dân {kw}|UBND {kw}"
            if self.locality:
                name = re.escape(self.locality[len(self.kind_word) + 1 :])
                out = _outside_citations(out, rf"(?:{issuer}) {name}", "{issuer_full}")
            out = _outside_citations(out, rf"(?:{issuer})(?! [A-ZĐ])", "{issuer}")
        out = self._years(out)
        if self.locality:
            loc = re.escape(self.locality)
            if self.superior:
                spans = [m.span() for m in _CITED.finditer(out)]
                out = re.sub(
                    rf"(hành chính(?: nhà nước)?) {loc}(?= \{{period\}}| năm \{{year\}})",
                    lambda m: (
                        m.group(0)
                        if any(a <= m.start() < b for a, b in spans)
                        else f"{m.group(1)} {{locality}}"
                    ),
                    out,
                )
            else:
                # a commune's plan cites its own documents by its own name: that name too
                out = re.sub(loc, "{locality}", out)
                out = re.sub(
                    rf"\b{re.escape(capitalise_first(self.locality))}\b", "{Locality}", out
                )
        if self.kind_word and not self.superior:
            out = re.sub(
                rf"(?<![{{\w]){re.escape(self.kind_word)}(?! [A-ZĐ])(?=[\s,.;:)])", "{kind}", out
            )
        out = re.sub(
            r"trước ngày (\d{1,2}) tháng cuối", "trước ngày {deadline_day} tháng cuối", out
        )
        return out

    def _years(self, text: str) -> str:
        year, previous_year = str(self.year), str(self.year - 1)
        if self.period != f"năm {year}":
            text = text.replace(self.period, "{period}")

        place = re.escape(self.locality.split(" ", 2)[-1]) if self.locality else "(?!)"
        subject_words = re.compile(
            rf"(hành chính|nhà nước|tuyên truyền|CCHC|\{{locality\}}|\{{scope\}}|{place})$"
        )

        def replace(match: re.Match[str]) -> str:
            before = text[: match.start()].rstrip()
            if before.lower().endswith(_KEEP_YEAR_AFTER) or re.search(r"tháng \d{1,2}$", before):
                return match.group(0)  # "đến năm 2030", "ngày 15 tháng 01 năm 2026"
            subject = subject_words.search(before) is not None
            if match.group(1) == year:
                if subject and not before.endswith("ngân sách nhà nước"):
                    return "{period}"
                return "năm {year}"
            if subject and "hành chính" in before[-30:] and self.period == f"năm {year}":
                return "{previous_period}"
            return match.group(0)

        pattern = re.compile(rf"năm ({year}|{previous_year})\b(?!\s*-)")
        spans = [m.span() for m in _CITED.finditer(text)]

        def outside(match: re.Match[str]) -> str:
            if any(a <= match.start() < b for a, b in spans):
                return match.group(0)
            return replace(match)

        text = pattern.sub(outside, text)
        text = re.sub(
            rf"\b(Tháng \d{{1,2}}|tháng \d{{1,2}}|Quý [IV]+|quý [IV]+)/{year}\b", r"\1/{year}", text
        )
        return re.sub(rf"^(Năm|Trong năm) {year}$", r"\1 {year}", text)


def _outside_citations(text: str, pattern: str, marker: str) -> str:
    """Replace ``pattern`` except inside another document's citation ("Quyết định số
    5085/QĐ-UBND ngày 31/12/2024 của Ủy ban nhân dân thành phố về việc ban hành Kế hoạch …")
    and in a body's name ("Văn phòng UBND thành phố")."""
    spans = [m.span() for m in _CITED.finditer(text)]
    out = []
    at = 0
    for match in re.finditer(pattern, text):
        before = text[: match.start()]
        inside = any(a <= match.start() < b for a, b in spans)
        if inside or _CITATION.search(before[-100:]) or _BODY_BEFORE.search(before):
            continue
        out.append(text[at : match.start()])
        out.append(marker)
        at = match.end()
    out.append(text[at:])
    return "".join(out)


def _sentence(text: str) -> str:
    """A heading typed in capitals, in the template's sentence case."""
    if text.upper() != text:
        return text
    lowered = text.lower()
    return capitalise_first(lowered)


class _Keys:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        key = re.sub(r"-+", "-", wanted.lower().replace("đ", "dd")).strip("-")[:60].strip("-")
        key = key or "muc"
        candidate, n = key, 2
        while candidate in self.used:
            candidate = f"{key}-{n}"
            n += 1
        self.used.add(candidate)
        return candidate


def build_template(parsed: ParsedPlan, base: Template, *, name: str = "") -> dict[str, Any]:
    """The template data (to validate with core.template.parse_template and store)."""
    plan = parsed.plan
    marking = Marking(parsed)
    keys = _Keys()
    units = _units(parsed, base, keys, marking)
    sections = [
        _item(item, "", 0, marking, keys, parsed, i, plan.sections)
        for i, item in enumerate(plan.sections)
    ]
    tasks = [
        _task(task, n, marking, keys, parsed) for n, task in enumerate(plan.chosen_tasks, start=1)
    ]
    summary_lines = plan.summary.split("\n")
    summary = " ".join(line for line in summary_lines if not line.startswith("(Kèm theo"))
    if parsed.level == "superior":
        bases = [
            {"key": keys.take("can-cu-" + slug(parsed.document.split(" ngày")[0]).lower()),
             "kind": "basis", "text": _source_basis(parsed, summary), "commune": True},
            {"key": keys.take("can-cu-ke-hoach-cchc"), "kind": "basis", "text": LOCAL_BASIS,
             "commune": True},
        ]  # fmt: skip
        preamble = STANDARD_PREAMBLE
        recipients = list(base.recipients)
    else:
        bases = [
            {"key": keys.take("can-cu-" + str(i + 1)), "kind": "basis",
             "text": marking.text(b.text), "commune": True}
            for i, b in enumerate(plan.bases)
        ]  # fmt: skip
        preamble = marking.text(plan.preamble.replace("\n", " ")) or STANDARD_PREAMBLE
        recipients = [marking.text(r) for r in plan.recipients] or list(base.recipients)
    deadline = re.search(r"trước ngày (\d{1,2}) tháng cuối", plan.closing)
    place = _place(parsed)
    title = _plan_title(summary, parsed)
    document_short = parsed.document.split(" ngày")[0]
    return {
        "schema_version": SCHEMA_VERSION,
        "id": (slug(place) or "mau").lower() + f"-{plan.period.year}",
        "name": name
        or f"{capitalise_first(parsed.locality or parsed.issuer_name)} "
        f"{plan.period.label} - {title} ({document_short})",
        "source": {
            "issuer": parsed.issuer_name,
            "city": parsed.office.province or parsed.locality,
            "document": parsed.document,
            "plan_title": "Kế hoạch " + summary[:1].lower() + summary[1:] if summary else title,
            "year": plan.period.year,
        },
        "summary": _summary(marking.text(summary), parsed),
        "bases": bases,
        "preamble": preamble,
        "sections": sections,
        "units": units,
        "tasks": tasks,
        "closing": marking.text(plan.closing.replace("\n", " "), closing=True),
        "recipients": [r for r in recipients if r.strip()],
        "report_deadline_day": int(deadline.group(1))
        if deadline and 1 <= int(deadline.group(1)) <= 28
        else base.report_deadline_day,
    }


def _summary(marked: str, parsed: ParsedPlan) -> str:
    """A superior's summary names itself ("… thành phố Hải Phòng năm 2025"); a commune's plan
    does not repeat its name under its header: the locality goes."""
    if parsed.level == "superior":
        return " ".join(marked.replace("{locality}", "").split())
    return marked


def _place(parsed: ParsedPlan) -> str:
    locality = parsed.locality
    for word in ("thành phố ", "tỉnh ", "xã ", "phường ", "đặc khu ", "quận ", "huyện ", "thị xã "):
        if locality.startswith(word):
            return locality[len(word) :]
    return parsed.office.name


def _plan_title(summary: str, parsed: ParsedPlan) -> str:
    """ "Kế hoạch tuyên truyền cải cách hành chính nhà nước": the summary without the
    issuer's locality and period."""
    words = summary
    for tail in (parsed.plan.period.label, f"năm {parsed.plan.period.year}", parsed.locality):
        if tail and words.endswith(tail):
            words = words[: -len(tail)].rstrip()
    return "Kế hoạch " + words[:1].lower() + words[1:]


def _source_basis(parsed: ParsedPlan, summary: str) -> str:
    """ "Căn cứ Quyết định số 362/QĐ-UBND ngày 10/02/2025 của Ủy ban nhân dân thành phố Hải
    Phòng ban hành Kế hoạch …": the superior's plan, cited by the commune."""
    verb = "ban hành " if parsed.document.startswith("Quyết định") else "về "
    title = (
        "Kế hoạch " + summary[:1].lower() + summary[1:]
        if verb == "ban hành "
        else summary[:1].lower() + summary[1:]
    )
    return f"Căn cứ {parsed.document} của {parsed.issuer_name} {verb}{title}"


def _units(
    parsed: ParsedPlan, base: Template, keys: _Keys, marking: Marking
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for unit in base.units:
        keys.used.add(unit.key)
        out.append(_unit_data(unit))
    organisation = next((i for i in parsed.plan.sections if i.role is ItemRole.ORGANISATION), None)
    if organisation is None:
        return out
    blocks = [b for b in organisation.children if b.role is ItemRole.UNIT]
    if parsed.level == "superior":
        if blocks:
            marking.coordinator = unit_name_of(blocks[0].text)[0]
        return out
    known = {u.key for u in base.units}
    for block in blocks:
        name, request = unit_name_of(block.text)
        key = block.unit_key or unit_key_for(name)
        if key not in known:
            key = keys.take("don-vi-" + slug(name).lower())
            plain = (
                re.sub(rf"\b{re.escape(marking.kind_word)}$", "{kind}", name)
                if marking.kind_word
                else name
            )
            out.append({"key": key, "name": plain, "abbreviation": "", "request": request})
            known.add(key)
        block.unit_key = key
        marking.units.append((name, key))
    marking.units.sort(key=lambda u: len(u[0]), reverse=True)
    return out


def _unit_data(unit: TemplateUnit) -> dict[str, Any]:
    data: dict[str, Any] = {"key": unit.key, "name": unit.name, "abbreviation": unit.abbreviation}
    if unit.names:
        data["names"] = dict(unit.names)
    if unit.kinds:
        data["kinds"] = list(unit.kinds)
    if unit.request:
        data["request"] = True
    return data


_LETTER_KEYS = {"đ": "dd"}


def _item(item: PlanItem, parent_key: str, depth: int, marking: Marking, keys: _Keys,
          parsed: ParsedPlan, index: int, siblings: list[PlanItem]) -> dict[str, Any]:  # fmt: skip
    kind = item.kind
    if depth == 0:
        kind = ItemKind.SECTION
    elif kind is ItemKind.SECTION:
        kind = ItemKind.SUBSECTION
    text = item.text
    if kind is not ItemKind.POINT:
        text = _sentence(text.split("\n")[0]) + (
            "\n" + text.split("\n", 1)[1] if "\n" in text else ""
        )
    key = _item_key(item, parent_key, index, siblings, keys)
    data: dict[str, Any] = {"key": key, "kind": kind.value}
    if item.role is not ItemRole.NONE:
        data["role"] = item.role.value
    marker = item.numbering
    if marker is not DEFAULT_MARKERS[kind]:
        data["marker"] = marker.value
    commune = True
    if item.role is ItemRole.UNIT:
        name, request = unit_name_of(item.text)
        if parsed.level == "superior":
            commune = False
            data["text"] = marking.text(text)
        else:
            data["unit"] = item.unit_key
            rest = item.text[len("Đề nghị ") :] if request else item.text
            tail = rest[len(name) :].strip() if rest.startswith(name) else rest
            data["text"] = "" if not tail else marking.text(item.text)
            if tail.startswith(":") or (tail and not data["text"].startswith(("Đề nghị", "{unit"))):
                data["text"] = marking.text(item.text)
    else:
        data["text"] = marking.text(text)
    data["commune"] = commune
    children = [
        _item(child, key, depth + 1, marking, keys, parsed, i, item.children)
        for i, child in enumerate(item.children)
    ]
    if children:
        data["children"] = children
    return data


def _item_key(
    item: PlanItem, parent_key: str, index: int, siblings: list[PlanItem], keys: _Keys
) -> str:
    """Keys as the bundled template names them: a heading by its words ("muc-dich-yeu-cau"),
    a lettered point by its parent and letter ("muc-dich-dd"), a dash by its place ("-1"), an
    unnumbered paragraph "-mo-dau" before others or "-noi-dung" alone."""
    from cchc_desktop.core.numbering import label

    marker = item.numbering
    if item.kind.is_heading or (item.role is not ItemRole.NONE and item.children):
        words = slug(_sentence(item.text.split("\n")[0]).split(":")[0]).lower()
        return keys.take("-".join(words.split("-")[:6]))
    same = [s for s in siblings[: index + 1] if s.numbering is marker]
    position = len(same) - 1
    if marker in (Marker.LETTER, Marker.LETTER_DOT):
        letter = label(marker, position)[:-1]
        return keys.take(f"{parent_key}-{_LETTER_KEYS.get(letter, letter)}")
    if marker is Marker.NONE:
        if len(siblings) == 1:
            return keys.take(f"{parent_key}-noi-dung")
        if index == 0:
            return keys.take(f"{parent_key}-mo-dau")
    return keys.take(f"{parent_key}-{position + 1}")


def _task(task: Task, n: int, marking: Marking, keys: _Keys, parsed: ParsedPlan) -> dict[str, Any]:
    def tidy(text: str) -> str:
        return marking.text(" ".join(text.split()).rstrip(".:; "))

    words = slug(task.title).lower().split("-")[:6]
    return {
        "key": keys.take("nv-" + "-".join(words)),
        "title": tidy(task.title),
        "details": [tidy(d) for d in task.details if d.strip()],
        "output": marking.text(task.output.replace("\n", " ")),
        "start": marking.text(task.start_text.replace("\n", " ")),
        "finish": marking.text(task.finish_text.replace("\n", " ")),
        "lead": marking.text(task.lead_unit.replace("\n", " ")),
        "support": marking.text(task.supporting_units.replace("\n", " ")),
        "commune": parsed.level != "superior",
    }
