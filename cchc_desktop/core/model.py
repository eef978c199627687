"""The plan model: office, plan, items, duties and appendix tasks, as plain typed data.

Glossary (the words used throughout the code):

- office (cơ quan ban hành): the commune-level People's Committee, ``UBND xã/phường/đặc khu``
- unit (đơn vị): a local unit of the office, e.g. "Phòng Văn hóa - Xã hội" (abbreviation VHXH)
- signer (người ký): name plus authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", …)
- basis (căn cứ): a legal basis line of the preamble
- item (mục): one node of the numbered body — section (I.), subsection (1.), point (a)),
  dash ("- ") or unnumbered paragraph
- duty (nhiệm vụ của đơn vị): a unit's block under "Tổ chức thực hiện"
- task (nhiệm vụ cụ thể): one row of the appendix (phụ lục), tracked after signing
- recipients (nơi nhận): the distribution list printed beside the signature
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from cchc_desktop.core.period import Period
from cchc_desktop.core.timewords import task_dates


class OfficeKind(StrEnum):
    """The kind of commune-level unit: xã, phường or đặc khu."""

    XA = "xã"
    PHUONG = "phường"
    DAC_KHU = "đặc khu"


@dataclass(slots=True)
class Unit:
    """A local unit (đơn vị) of the office, with its abbreviation for "Lưu: VT, …"."""

    name: str
    abbreviation: str = ""
    key: str = ""  # the template's role key ("vhxh"), empty for units the officer added
    request: bool = False  # the committee does not direct it: its duties start "Đề nghị"


@dataclass(slots=True)
class Signer:
    """Who signs (người ký) and the authority lines above the name."""

    name: str
    authority_lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Office:
    """The issuing office's profile (hồ sơ cơ quan)."""

    kind: OfficeKind
    name: str  # "Quyết Thắng"
    province: str  # "thành phố Hải Phòng"
    place_name: str = ""  # the place on the date line; defaults to the office's name
    units: list[Unit] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    number_suffix: str = "KH-UBND"
    report_deadline_day: int = 10
    id: int | None = None

    @property
    def locality(self) -> str:
        """ "xã Quyết Thắng" """
        return f"{self.kind} {self.name}"

    @property
    def committee(self) -> str:
        """ "Ủy ban nhân dân xã Quyết Thắng" """
        return f"Ủy ban nhân dân {self.locality}"

    @property
    def date_place(self) -> str:
        return self.place_name or self.name

    def unit(self, key: str) -> Unit | None:
        """The office's unit playing a template role, if it has one."""
        return next((u for u in self.units if u.key == key), None)


class ItemKind(StrEnum):
    """How an item of the body is numbered."""

    SECTION = "section"  # I., II. — printed in capitals
    SUBSECTION = "subsection"  # 1., 2.
    POINT = "point"  # a), b), … in Vietnamese lettering
    DASH = "dash"  # "- "
    PARAGRAPH = "paragraph"  # unnumbered text


@dataclass(slots=True)
class PlanItem:
    """One node of the numbered body. Its text never carries its own number or letter."""

    kind: ItemKind
    text: str
    children: list[PlanItem] = field(default_factory=list)
    chosen: bool = True  # printed; unchosen items keep their place but take no number
    key: str = ""  # the template item it came from; empty for the officer's own items


@dataclass(slots=True)
class Basis:
    """A legal basis (căn cứ) line, without the final ";" or "."."""

    text: str
    chosen: bool = True
    key: str = ""


@dataclass(slots=True)
class UnitDuty:
    """A unit's block under "Tổ chức thực hiện"; left out of the document when it has no duty."""

    heading: str  # the unit's name, or "Đề nghị …" for a body the committee does not direct
    items: list[PlanItem] = field(default_factory=list)
    unit_key: str = ""
    chosen: bool = True
    key: str = ""

    @property
    def printed(self) -> bool:
        return self.chosen and any(i.chosen and i.text.strip() for i in self.items)


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

    def dates(self, period: Period) -> tuple[date | None, date | None]:
        """Start and due dates derived from the time words, relative to the plan's period."""
        return task_dates(self.start_text, self.finish_text, period)

    def is_overdue(self, period: Period, today: date) -> bool:
        """Past its due date and neither done nor dropped. The clock is passed in."""
        if self.status in (TaskStatus.DONE, TaskStatus.DROPPED):
            return False
        due = self.dates(period)[1]
        return due is not None and due < today


class PlanState(StrEnum):
    DRAFT = "draft"  # bản nháp
    ISSUED = "issued"  # đã ban hành (number and date recorded)


@dataclass(slots=True)
class Plan:
    """A commune plan (kế hoạch). Any field but the office and the period may be blank."""

    office_id: int | None
    period: Period
    summary: str = ""
    bases: list[Basis] = field(default_factory=list)
    preamble: str = ""
    sections: list[PlanItem] = field(default_factory=list)
    duties: list[UnitDuty] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    closing: str = ""
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    number: str = ""  # "05"; blank until the clerk assigns it
    number_suffix: str = "KH-UBND"
    issued_on: date | None = None  # the signing date, blank until the clerk fills it
    drafted_on: date | None = None  # its month and year print while the day is blank
    state: PlanState = PlanState.DRAFT
    template_id: str = ""
    id: int | None = None

    @property
    def title(self) -> str:
        return self.summary or f"Kế hoạch {self.period.label}"

    @property
    def chosen_tasks(self) -> list[Task]:
        return [t for t in self.tasks if t.chosen]
