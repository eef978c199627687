"""The plan in print order as labelled blocks: what every renderer (text, .docx, PDF) walks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from cchc_desktop.core.docdate import date_line, number_line
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.numbering import number_items, organisation_number, printed_duties
from cchc_desktop.core.text import vn_upper

ORGANISATION_HEADING = "Tổ chức thực hiện"


class Role(StrEnum):
    """What a block is, so each renderer can style it."""

    ISSUER = "issuer"
    NUMBER = "number"
    DATE_LINE = "date_line"
    DOC_TYPE = "doc_type"
    SUMMARY = "summary"
    BASIS = "basis"
    PREAMBLE = "preamble"
    HEADING = "heading"  # depth 0: "I. MỤC ĐÍCH, YÊU CẦU"; depth 1: "1. Mục đích"
    BODY = "body"  # points, dashes, paragraphs
    CLOSING = "closing"
    RECIPIENT = "recipient"
    SIGNATURE = "signature"
    SIGNER = "signer"
    APPENDIX_TITLE = "appendix_title"
    TASK = "task"


@dataclass(frozen=True, slots=True)
class Block:
    role: Role
    text: str
    depth: int = 0


def basis_lines(plan: Plan) -> list[str]:
    """The chosen bases, each ending ";" and the last ".", as printed."""
    bases = [b.text.rstrip(";. ") for b in plan.bases if b.chosen and b.text.strip()]
    return [f"{text}{';' if i < len(bases) - 1 else '.'}" for i, text in enumerate(bases)]


def recipient_lines(recipients: list[str]) -> list[str]:
    """ "- …;" lines, the last ending "." (it is "- Lưu: VT, …."), as printed."""
    kept = [r.strip().rstrip(";. ") for r in recipients if r.strip()]
    return [f"- {r}{'.' if i == len(kept) - 1 else ';'}" for i, r in enumerate(kept)]


def issuer_lines(office: Office) -> list[str]:
    """ "ỦY BAN NHÂN DÂN" / "XÃ QUYẾT THẮNG" """
    return ["ỦY BAN NHÂN DÂN", vn_upper(office.locality)]


def body_blocks(plan: Plan) -> Iterator[Block]:
    """The numbered body from the first section to the closing paragraph."""
    for numbered in number_items(plan.sections):
        item, depth = numbered.item, numbered.depth
        if depth == 0:
            yield Block(Role.HEADING, f"{numbered.label} {vn_upper(item.text)}", 0)
        elif numbered.label.endswith(".") and depth == 1:
            yield Block(Role.HEADING, numbered.line, 1)
        else:
            yield Block(Role.BODY, numbered.line, depth)
    duties = printed_duties(plan.duties)
    if duties:
        yield Block(
            Role.HEADING, f"{organisation_number(plan.sections)} {vn_upper(ORGANISATION_HEADING)}"
        )
        for label, duty in duties:
            yield Block(Role.HEADING, f"{label} {duty.heading}", 1)
            for numbered in number_items(duty.items, depth=2):
                yield Block(Role.BODY, numbered.line, numbered.depth)
    if plan.closing:
        yield Block(Role.CLOSING, plan.closing)


def plan_blocks(plan: Plan, office: Office) -> Iterator[Block]:
    """The whole plan, header to appendix, as a reader meets it on paper."""
    for line in issuer_lines(office):
        yield Block(Role.ISSUER, line)
    yield Block(Role.NUMBER, number_line(plan.number, plan.number_suffix))
    yield Block(
        Role.DATE_LINE,
        date_line(office.date_place, plan.issued_on, plan.drafted_on, plan.period.year),
    )
    yield Block(Role.DOC_TYPE, "KẾ HOẠCH")
    yield Block(Role.SUMMARY, plan.summary)
    for line in basis_lines(plan):
        yield Block(Role.BASIS, line)
    if plan.preamble:
        yield Block(Role.PREAMBLE, plan.preamble)
    yield from body_blocks(plan)
    yield Block(Role.RECIPIENT, "Nơi nhận:")
    for line in recipient_lines(plan.recipients):
        yield Block(Role.RECIPIENT, line)
    if plan.signer is not None:
        for line in plan.signer.authority_lines:
            yield Block(Role.SIGNATURE, line)
        yield Block(Role.SIGNER, plan.signer.name)
    tasks = plan.chosen_tasks
    if tasks:
        yield Block(Role.APPENDIX_TITLE, "Phụ lục")
        yield Block(Role.APPENDIX_TITLE, appendix_title(plan, office))
        for n, task in enumerate(tasks, start=1):
            when = " → ".join(t for t in (task.start_text, task.finish_text) if t)
            yield Block(
                Role.TASK,
                f"{n}. {task.title} | {task.output} | {when} | {task.lead_unit} | {task.supporting_units}",
            )


def appendix_title(plan: Plan, office: Office) -> str:
    return vn_upper(
        f"Danh mục nhiệm vụ cụ thể triển khai công tác tuyên truyền cải cách hành chính "
        f"{office.locality} {plan.period.label}"
    )


def plan_text(plan: Plan, office: Office) -> str:
    """The plan as plain text, e.g. for ``cchc show``."""
    lines = []
    for block in plan_blocks(plan, office):
        indent = "    " * max(block.depth - 1, 0) if block.role is Role.BODY else ""
        lines.append(indent + block.text)
    return "\n".join(lines)


def all_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """Every piece of text of the plan with where it is, chosen or not, for checks and tests."""
    yield "summary", plan.summary
    yield "preamble", plan.preamble
    yield "closing", plan.closing
    for i, basis in enumerate(plan.bases):
        yield f"bases[{i}]", basis.text
    stack = [(f"sections[{i}]", s) for i, s in enumerate(plan.sections)]
    for d, duty in enumerate(plan.duties):
        yield f"duties[{d}].heading", duty.heading
        stack += [(f"duties[{d}].items[{i}]", s) for i, s in enumerate(duty.items)]
    while stack:
        where, item = stack.pop()
        yield where, item.text
        stack += [(f"{where}.children[{i}]", c) for i, c in enumerate(item.children)]
    for t, task in enumerate(plan.tasks):
        for name in (
            "title",
            "output",
            "start_text",
            "finish_text",
            "lead_unit",
            "supporting_units",
        ):
            yield f"tasks[{t}].{name}", getattr(task, name)
        for i, detail in enumerate(task.details):
            yield f"tasks[{t}].details[{i}]", detail
    for i, recipient in enumerate(plan.recipients):
        yield f"recipients[{i}]", recipient
