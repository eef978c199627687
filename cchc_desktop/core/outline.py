"""A document in print order, as roles and words: what every renderer (text, .docx, PDF,
preview) walks. The plan builds one here, the progress report in core/report.py.

An outline says what each paragraph is (its role), never how it looks: the one table from
role to size, weight and spacing is documents/layout.py, shared by every renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from cchc_desktop.core import office as office_words
from cchc_desktop.core.cleaning import printable
from cchc_desktop.core.docdate import date_line, date_words, number_line
from cchc_desktop.core.model import ItemKind, Office, Plan, PlanItem, Task
from cchc_desktop.core.numbering import number_items
from cchc_desktop.core.text import vn_upper

PLAN_DOC_TYPE = "KẾ HOẠCH"
APPENDIX_LABEL = "Phụ lục"
RECIPIENTS_HEAD = "Nơi nhận:"


class Role(StrEnum):
    """What a paragraph is, so that each renderer styles it from one table."""

    GOVERNING = "governing"  # cơ quan chủ quản above an agency's name
    ISSUER = "issuer"
    NATIONAL_TITLE = "national_title"
    MOTTO = "motto"
    NUMBER = "number"
    DATE_LINE = "date_line"
    DOC_TYPE = "doc_type"
    SUMMARY = "summary"
    BASIS = "basis"
    PREAMBLE = "preamble"
    HEADING_1 = "heading_1"  # "I. MỤC ĐÍCH, YÊU CẦU"
    HEADING_2 = "heading_2"  # "1. Mục đích"
    POINT = "point"  # "a) …", "- …", a paragraph of text
    CLOSING = "closing"
    RECIPIENTS_HEAD = "recipients_head"
    RECIPIENT = "recipient"
    AUTHORITY = "authority"  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    SIGNER = "signer"
    APPENDIX_LABEL = "appendix_label"
    APPENDIX_TITLE = "appendix_title"
    ATTACHMENT = "attachment"
    TABLE_TITLE = "table_title"
    TABLE_HEAD = "table_head"
    TABLE_CELL = "table_cell"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: its role, its words (label included) and its depth in the body."""

    role: Role
    text: str
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its heading, the group heading above it (merged across the columns
    that share it), its share of the width (in cm at full width) and its alignment."""

    key: str
    heading: str
    weight: float
    align: str = "left"  # "left", "center", "right"
    group: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's paragraphs, each (text, bold)."""

    lines: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "\n".join(text for text, _ in self.lines)


@dataclass(frozen=True, slots=True)
class Table:
    """A bordered table whose header rows repeat on every page and whose rows never split."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its cells' lines, not as an object a cell (render/pdf_process.py sends
        big tables to a second process): a few times faster both ways."""
        same: dict[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]] = {}
        lines = tuple(tuple(same.setdefault(c.lines, c.lines) for c in row) for row in self.rows)
        return _table_of_lines, (self.columns, lines, self.title)  # a text repeated sent once

    @property
    def grouped(self) -> bool:
        """Two header rows: some columns sit under a shared group heading."""
        return any(c.group for c in self.columns)

    def head_rows(self) -> list[list[tuple[str, int, int, int]]]:
        """The header as rows of (text, first column, column span, row span)."""
        if not self.grouped:
            return [[(c.heading, i, 1, 1) for i, c in enumerate(self.columns)]]
        top: list[tuple[str, int, int, int]] = []
        sub: list[tuple[str, int, int, int]] = []
        i = 0
        while i < len(self.columns):
            column = self.columns[i]
            if not column.group:
                top.append((column.heading, i, 1, 2))
                i += 1
                continue
            span = 1
            while i + span < len(self.columns) and self.columns[i + span].group == column.group:
                span += 1
            top.append((column.group, i, span, 1))
            sub += [(self.columns[j].heading, j, 1, 1) for j in range(i, i + span)]
            i += span
        return [top, sub]


@dataclass(frozen=True, slots=True)
class Header:
    """The two-column header of page 1."""

    governing: tuple[str, ...]  # regular capitals above the issuer (an agency's)
    issuer: tuple[str, ...]  # bold capitals
    number: str  # "Số:      /KH-UBND"
    date_line: str  # "Quyết Thắng, ngày      tháng 8 năm 2025"


@dataclass(frozen=True, slots=True)
class Signature:
    """Recipients on the left; authority lines, room to sign and the name on the right."""

    recipients: tuple[str, ...]  # "- …;" lines, the last "- Lưu: VT, …."
    authority: tuple[str, ...]
    signer: str


def _table_of_lines(
    columns: tuple[Column, ...],
    lines: tuple[tuple[tuple[tuple[str, bool], ...], ...], ...],
    title: str,
) -> Table:
    cells: dict[int, Cell] = {}  # one cell for the lines repeated from row to row

    def cell(lines: tuple[tuple[str, bool], ...]) -> Cell:
        found = cells.get(id(lines))
        if found is None:
            found = cells[id(lines)] = Cell(lines)
        return found

    return Table(columns, tuple(tuple(map(cell, row)) for row in lines), title)


@dataclass(frozen=True, slots=True)
class Appendix:
    """A part on its own (landscape) pages: label, title, "(Kèm theo …)", the table."""

    label: str
    title: tuple[str, ...]
    attachment: str
    table: Table


@dataclass(frozen=True, slots=True)
class Outline:
    """A whole document in the national format, in print order."""

    header: Header
    doc_type: str
    summary: tuple[str, ...]
    body: tuple[Block | Table, ...]
    signature: Signature
    appendix: Appendix | None = None
    title: str = ""  # the file's title property
    author: str = ""
    notes: tuple[str, ...] = ()  # what cleaning removed from the plan's text (core/cleaning.py)

    def blocks(self) -> Iterator[Block]:
        """Every paragraph in print order (tables' cells as TABLE_CELL), for text and tests."""
        h = self.header
        yield from (Block(Role.GOVERNING, line) for line in h.governing)
        yield from (Block(Role.ISSUER, line) for line in h.issuer)
        yield Block(Role.NUMBER, h.number)
        yield Block(Role.DATE_LINE, h.date_line)
        yield Block(Role.DOC_TYPE, self.doc_type)
        yield from (Block(Role.SUMMARY, line) for line in self.summary)
        for part in self.body:
            if isinstance(part, Table):
                yield from _table_blocks(part)
            else:
                yield part
        yield Block(Role.RECIPIENTS_HEAD, RECIPIENTS_HEAD)
        yield from (Block(Role.RECIPIENT, line) for line in self.signature.recipients)
        yield from (Block(Role.AUTHORITY, line) for line in self.signature.authority)
        yield Block(Role.SIGNER, self.signature.signer)
        if self.appendix is not None:
            yield Block(Role.APPENDIX_LABEL, self.appendix.label)
            yield from (Block(Role.APPENDIX_TITLE, line) for line in self.appendix.title)
            yield Block(Role.ATTACHMENT, self.appendix.attachment)
            yield from _table_blocks(self.appendix.table)


def _table_blocks(table: Table) -> Iterator[Block]:
    if table.title:
        yield Block(Role.TABLE_TITLE, table.title)
    for row in table.head_rows():
        for text, *_ in row:
            yield Block(Role.TABLE_HEAD, text)
    for cells in table.rows:
        yield Block(Role.TABLE_CELL, " | ".join(" ".join(c.text.split("\n")) for c in cells))


# --- pieces shared by the plan and the report --------------------------------------------


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a text typed with line breaks (Enter only: other separators
    pasted from old documents stay in the text, for cleaning to remove)."""
    return [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]


def recipient_lines(recipients: list[str]) -> list[str]:
    """ "- …;" lines, the last ending "." (it is "- Lưu: VT, …."), as printed. A line heading
    the ones under it keeps its ":", and those ("+ Phòng …") keep their "+"."""
    kept = [" ".join(r.split()).lstrip("-–• ").rstrip(";. ") for r in recipients if r.strip()]
    kept = [r for r in kept if r]
    lines = []
    for i, r in enumerate(kept):
        lead = "+" if r.startswith("+") else "-"
        words = r.lstrip("+ ")
        end = "" if words.endswith(":") else "." if i == len(kept) - 1 else ";"
        lines.append(f"{lead} {words}{end}")
    return lines


def header_for(office: Office, number: str, date: str) -> Header:
    return Header(
        governing=tuple(office_words.governing_lines(office)),
        issuer=tuple(office_words.issuer_lines(office)),
        number=number,
        date_line=date,
    )


# --- the plan --------------------------------------------------------------------------


def basis_lines(plan: Plan) -> list[str]:
    """The chosen bases, each ending ";" and the last ".", as printed."""
    chosen = [b for b in plan.bases if b.chosen and b.text.strip(" ;.")]
    bases = [(" ".join(b.text.split()).rstrip(";. "), b.ending) for b in chosen]
    return [
        f"{text}{ending or (';' if i < len(bases) - 1 else '.')}"
        for i, (text, ending) in enumerate(bases)
    ]


_HEADING_ROLES = {ItemKind.SECTION: Role.HEADING_1, ItemKind.SUBSECTION: Role.HEADING_2}


def item_blocks(items: list[PlanItem]) -> Iterator[Block]:
    """The numbered body: headings on one line; a point's line breaks are new paragraphs,
    its label on the first."""
    for numbered in number_items(items):
        item = numbered.item
        role = _HEADING_ROLES.get(item.kind, Role.POINT)
        if item.kind.is_heading:
            words = " ".join(item.text.split())
            text = vn_upper(words) if item.kind is ItemKind.SECTION else words
            yield Block(role, f"{numbered.label} {text}".strip(), numbered.depth)
            continue
        paragraphs = lines_of(item.text) or [""]
        first = f"{numbered.label} {paragraphs[0]}".strip()
        yield Block(role, first, numbered.depth)
        for more in paragraphs[1:]:
            yield Block(role, more, numbered.depth)


def body_blocks(plan: Plan) -> Iterator[Block]:
    """From the first basis to the closing paragraph."""
    for line in basis_lines(plan):
        yield Block(Role.BASIS, line)
    for line in lines_of(plan.preamble):
        yield Block(Role.PREAMBLE, line)
    yield from item_blocks(plan.sections)
    for line in lines_of(plan.closing):
        yield Block(Role.CLOSING, line)


def plan_number_line(plan: Plan) -> str:
    return number_line(plan.number, plan.number_suffix)


def plan_date_line(plan: Plan, office: Office) -> str:
    return date_line(office_words.place(office), plan.issued_on, plan.drafted_on, plan.period.year)


def default_appendix_title(plan: Plan, office: Office) -> str:
    return (
        "Danh mục nhiệm vụ cụ thể triển khai công tác tuyên truyền cải cách hành chính "
        f"{office_words.full_name(office)} {plan.period.label}"
    )


def appendix_title_lines(plan: Plan, office: Office) -> list[str]:
    """The appendix title in capitals, one line per line typed."""
    return [
        vn_upper(line)
        for line in lines_of(plan.appendix_title or default_appendix_title(plan, office))
    ]


def default_attachment_line(plan: Plan, office: Office) -> str:
    """ "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 8 năm 2025 của Ủy ban nhân dân xã …)" """
    number = plan_number_line(plan).removeprefix("Số: ")
    if plan.issued_on is not None:
        day = plan.issued_on
        when = date_words(day.day, day.month, day.year)
    elif plan.drafted_on is not None:
        when = date_words(None, plan.drafted_on.month, plan.drafted_on.year)
    else:
        when = date_words(None, None, plan.period.year)
    return f"(Kèm theo Kế hoạch số {number} {when} của {office_words.formal_name(office)})"


def attachment(plan: Plan, office: Office) -> str:
    return " ".join(plan.attachment_line.split()) or default_attachment_line(plan, office)


# The appendix table as communes print it (DOMAIN.md); weights are centimetres on A4 landscape.
TIME_GROUP = "Thời gian thực hiện"
APPENDIX_COLUMNS = (
    Column("number", "TT", 1.1, "center"),
    Column("title", "Nội dung nhiệm vụ", 8.6),
    Column("output", "Sản phẩm", 3.0, "center"),
    Column("start_text", "Triển khai", 2.6, "center", TIME_GROUP),
    Column("finish_text", "Hoàn thành", 2.6, "center", TIME_GROUP),
    Column("lead_unit", "Cơ quan chủ trì", 3.4, "center"),
    Column("supporting_units", "Cơ quan phối hợp", 3.9),
)
# How wide and how aligned each task field prints, whatever the office calls its column.
_COLUMN_SHAPES = {c.key: (c.weight, c.align) for c in APPENDIX_COLUMNS} | {"remarks": (3.0, "left")}


def appendix_columns(plan: Plan) -> tuple[Column, ...]:
    """The plan's own columns (an imported plan keeps its table's), else the usual seven."""
    if not plan.appendix_columns:
        return APPENDIX_COLUMNS
    columns = []
    for own in plan.appendix_columns:
        weight, align = _COLUMN_SHAPES.get(own.key, (3.0, "left"))
        columns.append(Column(own.key, own.heading, weight, align, own.group))
    return tuple(columns)


def task_cell(task: Task, key: str, number: int) -> Cell:
    """What one column of the appendix shows for a task."""
    if key == "number":
        return Cell(((str(number), False),))
    if key == "title":
        lines = [(task.title, True)] + [
            (d if d.startswith("+ ") else f"- {d}", False) for d in task.details
        ]
        return Cell(tuple(lines))
    value = getattr(task, key)
    assert isinstance(value, str)
    return Cell(((value, False),))


def task_table(tasks: list[Task], columns: tuple[Column, ...] = APPENDIX_COLUMNS) -> Table:
    rows = tuple(
        tuple(task_cell(task, column.key, n) for column in columns)
        for n, task in enumerate(tasks, start=1)
    )
    return Table(columns, rows)


def plan_outline(plan: Plan, office: Office) -> Outline:
    """The whole plan, header to appendix, as a reader meets it on paper: from a copy
    cleaned of what no document can hold, when it held any (``notes`` says what went)."""
    office, office_notes = printable(office, "tên cơ quan")
    plan, plan_notes = printable(plan, "kế hoạch")
    tasks = plan.chosen_tasks
    appendix = None
    if tasks:
        appendix = Appendix(
            label=" ".join(plan.appendix_label.split()) or APPENDIX_LABEL,
            title=tuple(appendix_title_lines(plan, office)),
            attachment=attachment(plan, office),
            table=task_table(tasks, appendix_columns(plan)),
        )
    signer = plan.signer
    return Outline(
        header=header_for(office, plan_number_line(plan), plan_date_line(plan, office)),
        doc_type=PLAN_DOC_TYPE,
        summary=tuple(lines_of(plan.summary)),
        body=tuple(body_blocks(plan)),
        signature=Signature(
            recipients=tuple(recipient_lines(plan.recipients)),
            authority=tuple(
                vn_upper(line)
                for line in (signer.authority_lines if signer else [])
                if line.strip()
            ),
            signer=signer.name.strip() if signer else "",
        ),
        appendix=appendix,
        title=document_property(plan.title),
        author=document_property(office_words.formal_name(office)),
        notes=tuple(office_notes + plan_notes),
    )


# A document's title and author properties: .docx and .xlsx hold at most 255 characters.
PROPERTY_MAX = 255


def document_property(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PROPERTY_MAX else flat[: PROPERTY_MAX - 1] + "…"


def outline_text(outline: Outline) -> str:
    """The document as plain text, e.g. for ``cchc show``."""
    lines = []
    for block in outline.blocks():
        indent = "    " * max(block.depth - 1, 0) if block.role is Role.POINT else ""
        lines.append(indent + block.text)
    return "\n".join(lines)


def plan_text(plan: Plan, office: Office) -> str:
    return outline_text(plan_outline(plan, office))


def all_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """Every piece of text of the plan with where it is, chosen or not, for checks and tests."""
    from cchc_desktop.core.model import walk

    yield "summary", plan.summary
    yield "preamble", plan.preamble
    yield "closing", plan.closing
    yield "appendix_title", plan.appendix_title
    yield "attachment_line", plan.attachment_line
    yield "appendix_label", plan.appendix_label
    for i, basis in enumerate(plan.bases):
        yield f"bases[{i}]", basis.text
    for item in walk(plan.sections):
        yield f"item {item.uid}", item.text
    for t, task in enumerate(plan.tasks):
        for name in ("title", "output", "start_text", "finish_text", "lead_unit",
                     "supporting_units", "evidence", "notes", "reason"):  # fmt: skip
            yield f"tasks[{t}].{name}", getattr(task, name)
        for i, detail in enumerate(task.details):
            yield f"tasks[{t}].details[{i}]", detail
    for i, recipient in enumerate(plan.recipients):
        yield f"recipients[{i}]", recipient
