"""The plan model: office, plan, the tree of its body, appendix tasks, as plain typed data.

Glossary (the words used throughout the code):

- office (cơ quan ban hành): who issues the plan — a commune-level People's Committee
  (``UBND xã/phường/đặc khu``) or a department or agency (Sở, Ban, Phòng, Trung tâm, Văn phòng)
  under its governing body (cơ quan chủ quản)
- unit (đơn vị): a unit of the office, e.g. "Phòng Văn hóa - Xã hội" (abbreviation VHXH)
- signer (người ký): name plus authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", …)
- basis (căn cứ): a legal basis line of the preamble
- item (mục): one node of the body — a heading (section "I.", subsection "1.") or a point of
  text. Each item carries its own marker (số, chữ, gạch đầu dòng), so a list can be lettered
  "a)", "a.", dashed "-" or "+", or unmarked, as its office writes it
- role (vai trò): what an item is for, whatever its words: the purposes, the content, the forms
  of communication, the tasks, the budget, the organisation (tổ chức thực hiện), a unit's block
- task (nhiệm vụ cụ thể): one row of the appendix (phụ lục), tracked after signing
- recipients (nơi nhận): the distribution list printed beside the signature

Every office, plan, item and task has a ``uid`` that never changes, beside the row ``id`` the
database gives it: what travels between PCs, drafts and versions is named by its uid.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from cchc_desktop.core.period import Period
from cchc_desktop.core.timewords import task_dates


def new_uid() -> str:
    """A stable identity: 32 hex digits, unique across PCs."""
    return uuid.uuid4().hex


class OfficeKind(StrEnum):
    """Who issues the plan: a commune-level committee, or a department or agency."""

    XA = "xã"
    PHUONG = "phường"
    DAC_KHU = "đặc khu"
    SO = "sở"
    BAN = "ban"
    PHONG = "phòng"
    TRUNG_TAM = "trung tâm"
    VAN_PHONG = "văn phòng"

    @property
    def is_commune(self) -> bool:
        """A People's Committee of a xã, phường or đặc khu (the rest are agencies)."""
        return self in COMMUNE_KINDS

    @property
    def capitalised(self) -> str:
        """ "Xã", "Sở", "Trung tâm" """
        return self.value[:1].upper() + self.value[1:]


COMMUNE_KINDS = frozenset({OfficeKind.XA, OfficeKind.PHUONG, OfficeKind.DAC_KHU})


@dataclass(slots=True)
class Unit:
    """A unit (đơn vị) of the office, with its abbreviation for "Lưu: VT, …"."""

    name: str
    abbreviation: str = ""
    key: str = ""  # the template's role key ("vhxh"), empty for units the officer added
    request: bool = False  # the office does not direct it: its duties start "Đề nghị"


@dataclass(slots=True)
class Signer:
    """Who signs (người ký) and the authority lines above the name, as typed."""

    name: str
    authority_lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Office:
    """The issuing office's profile (hồ sơ cơ quan).

    ``name`` is what follows the kind: "Quyết Thắng" for xã Quyết Thắng, "Khoa học và Công
    nghệ" for Sở Khoa học và Công nghệ. The texts left empty take their usual value
    (core/office.py): how the office calls itself in the plan's text, its scope, the lines of
    its name in the header.
    """

    kind: OfficeKind
    name: str
    province: str  # "thành phố Hải Phòng"
    place_name: str = ""  # the place on the date line; defaults to the office's or city's name
    governing_body: str = ""  # cơ quan chủ quản of an agency: "Ủy ban nhân dân thành phố Hải Phòng"
    self_name: str = ""  # how the text calls it: "Ủy ban nhân dân xã", "Sở"
    scope: str = ""  # "trên địa bàn xã", "tại Sở và các đơn vị trực thuộc"
    header_lines: list[str] = field(default_factory=list)  # its name in the header, as typed
    units: list[Unit] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    number_suffix: str = ""  # a plan's symbol, "KH-UBND", "KH-SKHCN"; empty: the usual one
    report_deadline_day: int = 10
    id: int | None = None
    uid: str = field(default_factory=new_uid)

    def unit(self, key: str) -> Unit | None:
        """The office's unit playing a template role, if it has one."""
        return next((u for u in self.units if u.key == key), None)


class ItemKind(StrEnum):
    """How an item prints: a heading of the first or second level, or a point of text."""

    SECTION = "section"  # "I. MỤC ĐÍCH, YÊU CẦU": capitals, bold
    SUBSECTION = "subsection"  # "1. Mục đích": bold
    POINT = "point"  # "a) …", "- …", or a paragraph: upright, not bold

    @property
    def is_heading(self) -> bool:
        return self is not ItemKind.POINT


class Marker(StrEnum):
    """How an item is numbered among its siblings (its list's marker)."""

    ROMAN = "I."
    DECIMAL = "1."
    DECIMAL_PAREN = "1)"
    NESTED = "1.1."  # the parent's number, then its own: "2.1."
    LETTER = "a)"  # Vietnamese letters: a b c d đ e g h i k …
    LETTER_DOT = "a."
    DASH = "-"
    PLUS = "+"
    BULLET = "•"
    STAR = "*"
    NONE = ""


DEFAULT_MARKERS = {
    ItemKind.SECTION: Marker.ROMAN,
    ItemKind.SUBSECTION: Marker.DECIMAL,
    ItemKind.POINT: Marker.LETTER,
}


class ItemRole(StrEnum):
    """What a part of the body is for, whatever its heading says."""

    NONE = ""
    PURPOSES = "purposes"  # mục đích, yêu cầu
    CONTENT = "content"  # nội dung tuyên truyền
    FORMS = "forms"  # hình thức tuyên truyền
    TASKS = "tasks"  # nhiệm vụ cụ thể (refers to the appendix)
    BUDGET = "budget"  # kinh phí
    ORGANISATION = "organisation"  # tổ chức thực hiện: the units' blocks
    UNIT = "unit"  # one unit's block under the organisation


@dataclass(slots=True)
class PlanItem:
    """One node of the body. Its text never carries its own marker: the label is computed
    from ``marker`` among its printed siblings, unless ``label`` keeps one as typed in an
    imported document (then the review shows where it differs from the count)."""

    kind: ItemKind
    text: str
    children: list[PlanItem] = field(default_factory=list)
    chosen: bool = True  # printed; unchosen items keep their place but take no number
    key: str = ""  # the template item it came from; empty for the officer's own items
    marker: Marker | None = None  # None: the usual marker of its kind
    role: ItemRole = ItemRole.NONE
    unit_key: str = ""  # for a unit's block: the office unit it belongs to
    label: str = ""  # a label kept as typed ("e)"); empty: computed
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        if self.marker is None:
            self.marker = DEFAULT_MARKERS[self.kind]

    @property
    def numbering(self) -> Marker:
        return self.marker if self.marker is not None else DEFAULT_MARKERS[self.kind]


@dataclass(slots=True)
class Basis:
    """A legal basis (căn cứ) line, without the final ";" or ".". ``ending`` keeps the mark an
    imported document ended it with where that is not the usual one (a last basis ending ";"
    before the preamble sentence); empty: the usual ";" or "."."""

    text: str
    chosen: bool = True
    key: str = ""
    ending: str = ""


class TaskStatus(StrEnum):
    """What the officer records about a task. "Quá hạn" (overdue) is computed, never stored."""

    NOT_STARTED = "not_started"  # chưa thực hiện
    IN_PROGRESS = "in_progress"  # đang thực hiện
    DONE = "done"  # hoàn thành
    DROPPED = "dropped"  # không thực hiện (with a reason)


STATUS_LABELS = {
    TaskStatus.NOT_STARTED: "Chưa thực hiện",
    TaskStatus.IN_PROGRESS: "Đang thực hiện",
    TaskStatus.DONE: "Hoàn thành",
    TaskStatus.DROPPED: "Không thực hiện",
}


@dataclass(slots=True)
class ResultCount:
    """One counted result of a task: 12 "tin, bài", 3 "cuộc", 250 "lượt người"."""

    count: int
    unit: str


@dataclass(slots=True)
class Task:
    """An appendix task (nhiệm vụ cụ thể) with its tracking fields."""

    title: str
    details: list[str] = field(default_factory=list)  # the dash lines under the title
    output: str = ""  # sản phẩm
    start_text: str = ""  # thời gian triển khai, as written
    finish_text: str = ""  # thời gian hoàn thành, as written
    lead_unit: str = ""  # cơ quan chủ trì
    supporting_units: str = ""  # cơ quan phối hợp
    status: TaskStatus = TaskStatus.NOT_STARTED
    results: list[ResultCount] = field(default_factory=list)
    evidence: str = ""  # minh chứng: document numbers and dates, links, as free text
    notes: str = ""
    reason: str = ""  # lý do: why it is not carried out, or late; the report quotes it
    chosen: bool = True
    key: str = ""
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    due_on: date | None = None  # the due date stored when it was saved (read back, not typed)
    remarks: str = ""  # ghi chú: printed in the appendix's own "Ghi chú" column, if it has one
    revision: int = 0  # the stored row's revision when it was read (see store/repository.py)

    def dates(self, period: Period) -> tuple[date | None, date | None]:
        """Start and due dates derived from the time words, relative to the plan's period."""
        return task_dates(self.start_text, self.finish_text, period)

    def due(self, period: Period) -> date | None:
        """The stored due date, or the one the time words give while it is not saved."""
        return self.due_on if self.id is not None else self.dates(period)[1]


@dataclass(slots=True)
class AppendixColumn:
    """A column of the appendix table as the office prints it: which task field it shows
    ("number", "title", "output", "start_text", "finish_text", "lead_unit",
    "supporting_units", "remarks"), its heading as written, and the heading it shares with its
    neighbours ("Thời gian thực hiện" over "Triển khai" and "Hoàn thành")."""

    key: str
    heading: str
    group: str = ""


class PlanState(StrEnum):
    DRAFT = "draft"  # bản nháp
    ISSUED = "issued"  # đã ban hành (number and date recorded)


def issue_state(number: str, issued_on: date | None) -> PlanState:
    """The rule, in one place: a plan is issued once it has both a number and a signing date."""
    return PlanState.ISSUED if number.strip() and issued_on is not None else PlanState.DRAFT


@dataclass(slots=True)
class Plan:
    """A plan (kế hoạch). Any field but the office and the period may be blank.

    The body is one tree, ``sections``, from "I." to "Tổ chức thực hiện" and whatever the
    office added; a heading left without printed content does not print. The appendix title
    and its "(Kèm theo …)" line take their usual wording while left empty.
    """

    office_id: int | None
    period: Period
    summary: str = ""  # trích yếu, one or two lines
    bases: list[Basis] = field(default_factory=list)
    preamble: str = ""
    sections: list[PlanItem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    closing: str = ""
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    appendix_title: str = ""
    attachment_line: str = ""
    appendix_label: str = ""  # "PHỤ LỤC I" as an imported document wrote it; empty: "Phụ lục"
    appendix_columns: list[AppendixColumn] = field(default_factory=list)  # empty: the usual
    number: str = ""  # "05"; blank until the clerk assigns it
    number_suffix: str = "KH-UBND"
    issued_on: date | None = None  # the signing date, blank until the clerk fills it
    drafted_on: date | None = None  # its month and year print while the day is blank
    state: PlanState = PlanState.DRAFT
    template_id: str = ""
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    revision: int = 0  # the stored row's revision when it was read (see store/repository.py)

    @property
    def title(self) -> str:
        return " ".join(self.summary.split()) or f"Kế hoạch {self.period.label}"

    @property
    def chosen_tasks(self) -> list[Task]:
        return [t for t in self.tasks if t.chosen]

    @property
    def is_issued(self) -> bool:
        return self.state is PlanState.ISSUED


def walk(items: list[PlanItem]) -> list[PlanItem]:
    """Every item of a tree, parents before their children, in order."""
    found: list[PlanItem] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(reversed(item.children))
    return found


def find_role(items: list[PlanItem], role: ItemRole) -> PlanItem | None:
    """The first item playing ``role`` anywhere in the tree."""
    return next((i for i in walk(items) if i.role is role), None)


def find_uid(items: list[PlanItem], uid: str) -> PlanItem | None:
    return next((i for i in walk(items) if i.uid == uid), None)


def parent_of(items: list[PlanItem], child: PlanItem) -> PlanItem | None:
    """The item whose children hold ``child``; None for a top-level item (or one not found)."""
    return next((i for i in walk(items) if any(c is child for c in i.children)), None)


def siblings_of(items: list[PlanItem], child: PlanItem) -> list[PlanItem]:
    parent = parent_of(items, child)
    return items if parent is None else parent.children
