"""The review before printing: problems a reader or the city would notice, each pointing to
the wizard page that fixes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from cchc_desktop.core import office as office_words
from cchc_desktop.core.model import ItemRole, Office, Plan, PlanItem, walk
from cchc_desktop.core.numbering import number_items, printed
from cchc_desktop.core.timewords import outside_period, parse_time


class Step(StrEnum):
    """The wizard page a finding sends the officer to."""

    OFFICE = "office"
    OPENING = "opening"  # summary, bases, preamble
    PURPOSES = "purposes"
    CONTENT = "content"
    FORMS = "forms"
    TASKS = "tasks"
    ORGANISATION = "organisation"
    BODY = "body"  # the whole body: headings, structure, closing
    SIGNING = "signing"


@dataclass(frozen=True, slots=True)
class Finding:
    step: Step
    message: str
    uid: str = ""  # the item it is about, when it is about one


CITY_WORDING = (
    "trên địa bàn thành phố",
    "quận, huyện",
    "Sở Thông tin và Truyền thông",
)
_NAMED = re.compile(
    r"\b(xã|phường|đặc khu) ((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,.;:()]*)(?: [A-ZĐÂĂÊÔƠƯ][^\s,.;:()]*)*)"
)
_YEAR = re.compile(r"(\S+) năm (\d{4})")


_ROLE_STEPS = {
    ItemRole.PURPOSES: Step.PURPOSES,
    ItemRole.CONTENT: Step.CONTENT,
    ItemRole.FORMS: Step.FORMS,
    ItemRole.ORGANISATION: Step.ORGANISATION,
    ItemRole.UNIT: Step.ORGANISATION,
}


def item_steps(items: list[PlanItem]) -> dict[str, Step]:
    """The page that edits each item: the nearest role above it that has a page of its own,
    else the whole body."""
    steps: dict[str, Step] = {}

    def visit(nodes: list[PlanItem], inherited: Step) -> None:
        for node in nodes:
            step = _ROLE_STEPS.get(node.role, inherited)
            steps[node.uid] = step
            visit(node.children, step)

    visit(items, Step.BODY)
    return steps


def _printed_texts(plan: Plan) -> Iterator[tuple[Step, str, str]]:
    """Every text that prints, with the page that edits it and the item's uid."""
    yield Step.OPENING, plan.summary, ""
    for basis in plan.bases:
        if basis.chosen:
            yield Step.OPENING, basis.text, ""
    yield Step.OPENING, plan.preamble, ""
    steps = item_steps(plan.sections)
    for numbered in number_items(plan.sections):
        item = numbered.item
        yield steps[item.uid], item.text, item.uid
    yield Step.BODY, plan.closing, ""
    yield Step.TASKS, plan.appendix_title, ""
    for task in plan.chosen_tasks:
        for text in (task.title, *task.details, task.lead_unit, task.supporting_units):
            yield Step.TASKS, text, ""


def review(plan: Plan, office: Office) -> list[Finding]:
    """All the problems found, in the order of the wizard's pages."""
    findings: list[Finding] = []
    add = findings.append
    if not office.name.strip():
        add(Finding(Step.OFFICE, "Chưa nhập tên cơ quan (xã, phường, sở…)."))
    if not plan.summary.strip():
        add(Finding(Step.OPENING, "Chưa có trích yếu (dòng dưới chữ «KẾ HOẠCH»)."))

    steps = item_steps(plan.sections)
    for item in walk(plan.sections):
        if item.chosen and item.kind.is_heading and not printed(item):
            add(
                Finding(
                    steps[item.uid],
                    f"Mục «{_short(item.text)}» không còn nội dung nào được chọn: "
                    "mục này sẽ không được in.",
                    item.uid,
                )
            )
    for numbered in number_items(plan.sections):
        if numbered.label != numbered.expected:
            item = numbered.item
            add(
                Finding(
                    steps[item.uid],
                    f"Mục «{_short(item.text)}» đánh số «{numbered.label}», theo thứ tự phải "
                    f"là «{numbered.expected}».",
                    item.uid,
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
    if not plan.chosen_tasks and any("Phụ lục" in t for _, t, _ in _printed_texts(plan)):
        add(Finding(Step.TASKS, "Kế hoạch nhắc tới Phụ lục nhưng chưa có nhiệm vụ nào."))

    kind = office.kind.value
    for step, text, uid in _printed_texts(plan):
        for wording in CITY_WORDING:
            if wording in text:
                add(
                    Finding(
                        step,
                        f"Còn cách viết của thành phố «{wording}»: «{_excerpt(text, wording)}».",
                        uid,
                    )
                )
        if office.kind.is_commune:
            for match in _NAMED.finditer(text):
                if match.group(1) == kind and match.group(2) != office.name:
                    add(
                        Finding(
                            step,
                            f"Tên đơn vị viết là «{match.group(0)}», khác với "
                            f"«{office_words.full_name(office)}».",
                            uid,
                        )
                    )
        if "…/" in text or "…" in text.split("Kế hoạch số", 1)[-1][:3]:
            where = "Căn cứ" if step is Step.OPENING else "Nội dung"
            add(
                Finding(
                    step, f"{where} còn chỗ trống cần điền số, ngày: «{_excerpt(text, '…')}».", uid
                )
            )
        if step is Step.OPENING and text != plan.summary:  # bases cite other years
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
                    f"Năm {year} khác năm của kế hoạch ({plan.period.year}): "
                    f"«{_excerpt(text, match.group(0))}».",
                    uid,
                )
            )

    if plan.signer is None or not plan.signer.name.strip():
        add(Finding(Step.SIGNING, "Chưa có tên người ký."))
    if plan.signer is not None and not any(line.strip() for line in plan.signer.authority_lines):
        add(Finding(Step.SIGNING, "Chưa có chức vụ, thẩm quyền ký (ví dụ «KT. CHỦ TỊCH»)."))
    if not plan.recipients:
        add(Finding(Step.SIGNING, "Chưa có nơi nhận."))
    elif not plan.recipients[-1].strip().lstrip("- ").startswith("Lưu"):
        add(Finding(Step.SIGNING, "Nơi nhận nên kết thúc bằng «Lưu: VT, …»."))
    return findings


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _excerpt(text: str, around: str, width: int = 70) -> str:
    at = max(text.find(around), 0)
    start = max(at - width // 2, 0)
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
