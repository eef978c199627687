"""The review before printing: problems a reader or the city would notice, each pointing to
the wizard page that fixes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from cchc_desktop.core.model import ItemKind, Office, Plan, PlanItem
from cchc_desktop.core.numbering import number_items, printed_duties
from cchc_desktop.core.timewords import outside_period, parse_time


class Step(StrEnum):
    """The wizard page a finding sends the officer to."""

    OFFICE = "office"
    BASES = "bases"
    PURPOSES = "purposes"
    CONTENT = "content"
    FORMS = "forms"
    TASKS = "tasks"
    ORGANISATION = "organisation"
    SIGNING = "signing"


@dataclass(frozen=True, slots=True)
class Finding:
    step: Step
    message: str


CITY_WORDING = (
    "trên địa bàn thành phố",
    "quận, huyện",
    "Sở Thông tin và Truyền thông",
)
_NAMED = re.compile(
    r"\b(xã|phường|đặc khu) ((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,.;:()]*)(?: [A-ZĐÂĂÊÔƠƯ][^\s,.;:()]*)*)"
)
_YEAR = re.compile(r"(\S+) năm (\d{4})")


def _section_step(index: int, sub_index: int | None) -> Step:
    if index == 0:
        return Step.PURPOSES
    if index == 1:
        return Step.FORMS if sub_index == 1 else Step.CONTENT
    return Step.ORGANISATION


def _printed_texts(plan: Plan) -> Iterator[tuple[Step, str]]:
    """Every text that prints, with the page that edits it."""
    yield Step.SIGNING, plan.summary
    for basis in plan.bases:
        if basis.chosen:
            yield Step.BASES, basis.text
    yield Step.BASES, plan.preamble
    for index, section in enumerate(plan.sections):
        if not section.chosen:
            continue
        yield _section_step(index, None), section.text
        for sub_index, child in enumerate(section.children):
            if child.chosen:
                step = _section_step(index, sub_index)
                for numbered in number_items([child]):
                    yield step, numbered.item.text
    for _label, duty in printed_duties(plan.duties):
        yield Step.ORGANISATION, duty.heading
        for numbered in number_items(duty.items):
            yield Step.ORGANISATION, numbered.item.text
    yield Step.ORGANISATION, plan.closing
    for task in plan.chosen_tasks:
        for text in (task.title, *task.details, task.lead_unit, task.supporting_units):
            yield Step.TASKS, text


def _empty(item: PlanItem) -> bool:
    return item.kind in (ItemKind.SECTION, ItemKind.SUBSECTION) and not any(
        c.chosen and (c.text.strip() or c.children) for c in item.children
    )


def review(plan: Plan, office: Office) -> list[Finding]:
    """All the problems found, in the order of the wizard's pages."""
    findings: list[Finding] = []
    add = findings.append
    if not office.name.strip():
        add(Finding(Step.OFFICE, "Chưa nhập tên xã, phường."))

    for index, section in enumerate(plan.sections):
        if not section.chosen:
            continue
        if _empty(section):
            add(
                Finding(
                    _section_step(index, None),
                    f"Mục «{section.text}» không còn nội dung nào được chọn.",
                )
            )
        for sub_index, child in enumerate(section.children):
            if child.chosen and _empty(child):
                add(
                    Finding(
                        _section_step(index, sub_index),
                        f"Mục «{child.text}» không còn nội dung nào được chọn.",
                    )
                )

    for n, task in enumerate(plan.chosen_tasks, start=1):
        name = f"nhiệm vụ {n} «{task.title[:50]}»"
        if not task.lead_unit.strip():
            add(Finding(Step.TASKS, f"{name.capitalize()} chưa có cơ quan chủ trì."))
        for label, text in (("triển khai", task.start_text), ("hoàn thành", task.finish_text)):
            if not text.strip():
                continue
            span = parse_time(text, plan.period)
            if not span.recognised:
                add(Finding(Step.TASKS, f"Không hiểu thời gian {label} «{text}» của {name}."))
            elif outside_period(span, plan.period):
                add(
                    Finding(
                        Step.TASKS,
                        f"Thời gian {label} «{text}» của {name} nằm ngoài {plan.period.label}.",
                    )
                )
    if not plan.chosen_tasks and any("Phụ lục" in t for _, t in _printed_texts(plan)):
        add(Finding(Step.TASKS, "Kế hoạch nhắc tới Phụ lục nhưng chưa có nhiệm vụ nào."))

    other_names: set[str] = set()
    for step, text in _printed_texts(plan):
        for wording in CITY_WORDING:
            if wording in text:
                add(
                    Finding(
                        step,
                        f"Còn cách viết của thành phố «{wording}»: «{_excerpt(text, wording)}».",
                    )
                )
        for match in _NAMED.finditer(text):
            if match.group(1) == office.kind.value and match.group(2) != office.name:
                other_names.add(match.group(0))
                add(
                    Finding(
                        step,
                        f"Tên đơn vị viết là «{match.group(0)}», khác với «{office.locality}».",
                    )
                )
        if "…/" in text or "…" in text.split("Kế hoạch số", 1)[-1][:3]:
            where = "Căn cứ" if step is Step.BASES else "Nội dung"
            add(Finding(step, f"{where} còn chỗ trống cần điền số, ngày: «{_excerpt(text, '…')}»."))
        if step is Step.BASES:
            continue
        for match in _YEAR.finditer(text):
            before, year = match.group(1), int(match.group(2))
            if year == plan.period.year or before in ("đến", "đoạn"):
                continue
            if year == plan.period.year - 1 and "kết quả" in text[: match.start()]:
                continue
            add(
                Finding(
                    step,
                    f"Năm {year} khác năm của kế hoạch ({plan.period.year}): «{_excerpt(text, match.group(0))}».",
                )
            )

    if plan.signer is None or not plan.signer.name.strip():
        add(Finding(Step.SIGNING, "Chưa có tên người ký."))
    if not plan.recipients:
        add(Finding(Step.SIGNING, "Chưa có nơi nhận."))
    elif not plan.recipients[-1].strip().startswith("Lưu"):
        add(Finding(Step.SIGNING, "Nơi nhận nên kết thúc bằng «Lưu: VT, …»."))
    return findings


def _excerpt(text: str, around: str, width: int = 70) -> str:
    at = max(text.find(around), 0)
    start = max(at - width // 2, 0)
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
