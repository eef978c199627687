"""The progress report (báo cáo kết quả): figures gathered from the tracked tasks, and the
default wording of its sections, which the officer edits before exporting.

Plain Python: the .docx and .xlsx writers (documents/report_*.py) lay out what this builds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc_desktop.core import office as office_words
from cchc_desktop.core.cleaning import printable
from cchc_desktop.core.deadlines import ReportPeriod
from cchc_desktop.core.docdate import date_line, number_line, number_text, short_date
from cchc_desktop.core.model import STATUS_LABELS, Office, Plan, ResultCount, TaskStatus
from cchc_desktop.core.numbering import roman
from cchc_desktop.core.outline import (
    Block,
    Cell,
    Column,
    Outline,
    Role,
    Signature,
    Table,
    document_property,
    header_for,
    lines_of,
    recipient_lines,
)
from cchc_desktop.core.text import capitalise_first, vn_upper
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.core.tracking import (
    StatusCounts,
    TrackedTask,
    count_statuses,
    is_overdue,
    results_text,
    total_results,
)

DOC_TYPE = "BÁO CÁO"
FIGURES_TITLE = "Bảng tổng hợp số liệu"
TASKS_UNIT = "nhiệm vụ"
PRODUCTS_HEADING = "Sản phẩm tuyên truyền (lũy kế đến thời điểm báo cáo)"
FIGURES_COLUMNS = (
    Column("number", "TT", 1.2, "center"),
    Column("what", "Nội dung", 9.3),
    Column("unit", "Đơn vị tính", 2.8, "center"),
    Column("count", "Số lượng", 3.2, "right"),
)


@dataclass(frozen=True, slots=True)
class TaskLine:
    """One task as the report sees it: its number in the appendix and what became of it."""

    number: int
    title: str
    output: str
    lead_unit: str
    finish_text: str
    due: date | None
    status: TaskStatus
    overdue: bool
    results: tuple[ResultCount, ...]
    evidence: str
    reason: str
    notes: str

    @property
    def status_label(self) -> str:
        label = STATUS_LABELS[self.status]
        return f"{label} (quá hạn)" if self.overdue else label


@dataclass(frozen=True, slots=True)
class ReportData:
    """The figures of a report: every number in the .docx and .xlsx comes from here."""

    report: ReportPeriod
    as_of: date
    lines: tuple[TaskLine, ...]  # the tasks the period concerns, in appendix order
    counts: StatusCounts
    totals: tuple[ResultCount, ...]  # results added up by unit
    upcoming: tuple[TaskLine, ...]  # unfinished tasks of the whole plan, by due date

    def with_status(self, *statuses: TaskStatus) -> list[TaskLine]:
        return [line for line in self.lines if line.status in statuses]

    @property
    def late(self) -> list[TaskLine]:
        return [line for line in self.lines if line.overdue]


def aggregate(
    plan: Plan, tracked: Sequence[TrackedTask], report: ReportPeriod, as_of: date
) -> ReportData:
    """Gather the figures of ``report`` from the plan's tracked tasks (those in its appendix)."""
    chosen = [t for t in tracked if t.task.chosen]
    chosen.sort(key=lambda t: t.position)
    numbers = {t.id: n for n, t in enumerate(chosen, start=1)}

    def line(t: TrackedTask) -> TaskLine:
        task = t.task
        return TaskLine(
            number=numbers[t.id],
            title=task.title,
            output=task.output,
            lead_unit=task.lead_unit,
            finish_text=task.finish_text,
            due=t.due,
            status=task.status,
            overdue=is_overdue(task.status, t.due, as_of),
            results=tuple(task.results),
            evidence=task.evidence,
            reason=task.reason,
            notes=task.notes,
        )

    concerned = report.concerned(chosen)
    unfinished = [
        t for t in chosen if t.task.status in (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)
    ]
    unfinished.sort(key=lambda t: (t.due or date.max, numbers[t.id]))
    return ReportData(
        report=report,
        as_of=as_of,
        lines=tuple(line(t) for t in concerned),
        counts=count_statuses(concerned, as_of),
        totals=tuple(total_results(t.task for t in concerned)),
        upcoming=tuple(line(t) for t in unfinished),
    )


# --- the text the officer edits --------------------------------------------------------


@dataclass(slots=True)
class ReportSection:
    """A numbered section of the report: its heading (without the Roman numeral) and its text,
    one paragraph per line; a line starting "- " prints as a dash item."""

    heading: str
    text: str


@dataclass(slots=True)
class ReportText:
    """Everything of the report's wording the officer may change before exporting."""

    summary: str  # "Kết quả thực hiện công tác tuyên truyền cải cách hành chính quý III năm 2025"
    intro: str
    sections: list[ReportSection] = field(default_factory=list)
    closing: str = ""
    recipients: list[str] = field(default_factory=list)
    number: str = ""  # blank until the clerk assigns it
    issued_on: date | None = None  # blank day on the printed copy until signed
    drafted_on: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "intro": self.intro,
            "sections": [{"heading": s.heading, "text": s.text} for s in self.sections],
            "closing": self.closing,
            "recipients": list(self.recipients),
            "number": self.number,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "drafted_on": self.drafted_on.isoformat() if self.drafted_on else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportText:
        def day(value: Any) -> date | None:
            return date.fromisoformat(value) if value else None

        return cls(
            summary=str(data.get("summary", "")),
            intro=str(data.get("intro", "")),
            sections=[
                ReportSection(str(s.get("heading", "")), str(s.get("text", "")))
                for s in data.get("sections", [])
            ],
            closing=str(data.get("closing", "")),
            recipients=[str(r) for r in data.get("recipients", [])],
            number=str(data.get("number", "")),
            issued_on=day(data.get("issued_on")),
            drafted_on=day(data.get("drafted_on")),
        )


SECTION_RESULTS = "Kết quả thực hiện"
SECTION_SHORTCOMINGS = "Tồn tại, hạn chế và nguyên nhân"
SECTION_NEXT = "Nhiệm vụ trọng tâm thời gian tới"
SECTION_PROPOSALS = "Đề xuất, kiến nghị"


def report_summary(report: ReportPeriod) -> str:
    return f"Kết quả thực hiện công tác tuyên truyền cải cách hành chính {report.label}"


def plan_reference(plan: Plan, office: Office) -> str:
    """ "Kế hoạch số 05/KH-UBND ngày 05/8/2025 của Ủy ban nhân dân xã Quyết Thắng về …" """
    number = f" số {number_text(plan.number)}/{plan.number_suffix}" if plan.number else ""
    when = f" ngày {short_date(plan.issued_on)}" if plan.issued_on else ""
    return (
        f"Kế hoạch{number}{when} của {office_words.formal_name(office)} về tuyên truyền cải "
        f"cách hành chính {plan.period.label}"
    )


def _results_section(data: ReportData) -> str:
    c = data.counts
    label = data.report.label
    if not c.total:
        return f"Trong {label}, không có nhiệm vụ nào của Kế hoạch đến kỳ thực hiện."
    parts = [f"{c.done} nhiệm vụ đã hoàn thành", f"{c.in_progress} nhiệm vụ đang thực hiện"]
    if c.not_started:
        parts.append(f"{c.not_started} nhiệm vụ chưa thực hiện")
    if c.dropped:
        parts.append(f"{c.dropped} nhiệm vụ không thực hiện")
    lines = [
        f"Trong {label}, Kế hoạch có {c.total} nhiệm vụ đến kỳ thực hiện; trong đó "
        + ", ".join(parts)
        + (f" ({c.overdue} nhiệm vụ quá hạn)." if c.overdue else ".")
    ]
    worked = data.with_status(TaskStatus.DONE, TaskStatus.IN_PROGRESS)
    if worked:
        lines.append("Kết quả cụ thể:")
        for line in worked:
            text = f"- {line.title.rstrip(' .;')}: {STATUS_LABELS[line.status].lower()}"
            if line.results:
                text += f"; kết quả: {results_text(line.results)}"
            if line.evidence.strip():
                text += f" ({' '.join(line.evidence.split())})"
            lines.append(text + ".")
    if data.totals:
        lines.append(
            "Tổng hợp sản phẩm tuyên truyền (lũy kế đến thời điểm báo cáo): "
            + "; ".join(f"{r.count} {r.unit}" for r in data.totals)
            + "."
        )
    return "\n".join(lines)


def _shortcomings_section(data: ReportData) -> str:
    lines = []
    for line in data.late:
        why = line.reason.strip() or line.notes.strip() or "chưa ghi lý do"
        due = f", hạn {format_date_vn(line.due)}" if line.due else ""
        lines.append(
            f"- {line.title.rstrip(' .;')} ({line.lead_unit}{due}): chưa hoàn thành. "
            f"Nguyên nhân: {why.rstrip('.')}."
        )
    for line in data.with_status(TaskStatus.DROPPED):
        why = line.reason.strip() or "chưa ghi lý do"
        lines.append(f"- {line.title.rstrip(' .;')}: không thực hiện. Lý do: {why.rstrip('.')}.")
    if not lines:
        return (
            "Các nhiệm vụ đến kỳ được triển khai đúng tiến độ; chưa phát sinh nhiệm vụ chậm "
            "hoặc không thực hiện."
        )
    return "\n".join(["Một số nhiệm vụ chưa hoàn thành đúng tiến độ:", *lines])


def _next_section(data: ReportData) -> str:
    if not data.upcoming:
        return "Tổng kết, đánh giá kết quả thực hiện Kế hoạch; xây dựng kế hoạch kỳ tiếp theo."
    lines = ["Tiếp tục triển khai các nhiệm vụ chưa hoàn thành của Kế hoạch:"]
    for line in data.upcoming:
        due = f"hạn {format_date_vn(line.due)}" if line.due else "chưa rõ thời hạn"
        late = ", đã quá hạn" if line.overdue else ""
        lines.append(f"- {line.title.rstrip(' .;')} ({line.lead_unit}; {due}{late}).")
    return "\n".join(lines)


def default_text(
    plan: Plan, office: Office, data: ReportData, recipients: Sequence[str] | None = None
) -> ReportText:
    """The report's wording built from the figures; the officer edits it before exporting."""
    report = data.report
    return ReportText(
        summary=report_summary(report),
        intro=(
            f"Thực hiện {plan_reference(plan, office)}, {office_words.self_name(office)} báo "
            f"cáo kết quả thực hiện công tác tuyên truyền cải cách hành chính {report.label} "
            "như sau:"
        ),
        sections=[
            ReportSection(SECTION_RESULTS, _results_section(data)),
            ReportSection(SECTION_SHORTCOMINGS, _shortcomings_section(data)),
            ReportSection(SECTION_NEXT, _next_section(data)),
            ReportSection(SECTION_PROPOSALS, "Không có."),
        ],
        closing=(
            f"Trên đây là Báo cáo kết quả thực hiện công tác tuyên truyền cải cách hành chính "
            f"{report.label} của {office_words.formal_name(office)}./."
        ),
        recipients=list(recipients if recipients is not None else report_recipients(plan)),
        drafted_on=data.as_of,
    )


def report_recipients(plan: Plan) -> list[str]:
    """Who receives the report: the plan's upward recipients and the record line."""
    upward = [r for r in plan.recipients if "báo cáo" in r.lower() or r.startswith("Sở ")]
    keep = [r for r in plan.recipients if r.lower().startswith(("tt ", "chủ tịch"))]
    record = [r for r in plan.recipients if r.lower().startswith("lưu")]
    found = upward + keep + record
    return found or ["Lưu: VT."]


@dataclass(frozen=True, slots=True)
class Report:
    """A report ready to write: the plan and office it speaks for, its figures, its wording."""

    plan: Plan
    office: Office
    data: ReportData
    text: ReportText
    notes: tuple[str, ...] = ()  # what cleaning removed from its text (core/cleaning.py)

    @property
    def signer_lines(self) -> list[str]:
        return list(self.plan.signer.authority_lines) if self.plan.signer else []

    @property
    def signer_name(self) -> str:
        return self.plan.signer.name if self.plan.signer else ""

    @property
    def suffix(self) -> str:
        """ "BC-UBND", "BC-SKHCN": the office's own symbol after "BC-"."""
        return office_words.number_suffix(self.office, "BC")


def figure_rows(data: ReportData) -> list[tuple[str, str, str, int | None]]:
    """(TT, what, unit, count): the status tally, then the results added up by unit."""
    c = data.counts
    rows: list[tuple[str, str, str, int | None]] = [
        ("1", "Nhiệm vụ đến kỳ thực hiện", TASKS_UNIT, c.total),
        ("", "- Đã hoàn thành", TASKS_UNIT, c.done),
        ("", "- Đang thực hiện", TASKS_UNIT, c.in_progress),
        ("", "- Chưa thực hiện", TASKS_UNIT, c.not_started),
        ("", "- Không thực hiện", TASKS_UNIT, c.dropped),
        ("", "- Quá hạn (trong số chưa hoàn thành)", TASKS_UNIT, c.overdue),
    ]
    if data.totals:
        rows.append(("2", PRODUCTS_HEADING, "", None))
        rows += [("", f"- {capitalise_first(t.unit)}", t.unit, t.count) for t in data.totals]
    return rows


def figures_table(data: ReportData) -> Table:
    def count(value: int | None) -> str:
        return "" if value is None else f"{value:,}".replace(",", ".")

    rows = tuple(
        (
            Cell(((number, False),)),
            Cell(((what, bool(number)),)),
            Cell(((unit, False),)),
            Cell(((count(value), False),)),
        )
        for number, what, unit, value in figure_rows(data)
    )
    return Table(FIGURES_COLUMNS, rows, FIGURES_TITLE)


def report_blocks(report: Report, *, figures: bool = True) -> list[Block | Table]:
    """The report's body: intro, Roman sections (the figures after the first), closing."""
    text = report.text
    body: list[Block | Table] = [Block(Role.PREAMBLE, line) for line in lines_of(text.intro)]
    for n, section in enumerate(text.sections, start=1):
        heading = " ".join(section.heading.split())
        body.append(Block(Role.HEADING_1, f"{roman(n)}. {vn_upper(heading)}"))
        for line in lines_of(section.text):
            body.append(Block(Role.POINT, line, 2 if line.startswith("- ") else 1))
        if n == 1 and figures:
            body.append(figures_table(report.data))
    body += [Block(Role.CLOSING, line) for line in lines_of(text.closing)]
    return body


def report_outline(report: Report, *, figures: bool = True) -> Outline:
    """The whole report in the national format, as the plan is."""
    text, office = report.text, report.office
    date = date_line(
        office_words.place(office), text.issued_on, text.drafted_on, report.data.report.year
    )
    summary = " ".join(text.summary.split())
    return Outline(
        header=header_for(office, number_line(text.number, report.suffix), date),
        doc_type=DOC_TYPE,
        summary=tuple(lines_of(text.summary)),
        body=tuple(report_blocks(report, figures=figures)),
        signature=Signature(
            recipients=tuple(recipient_lines(text.recipients)),
            authority=tuple(vn_upper(x) for x in report.signer_lines if x.strip()),
            signer=report.signer_name.strip(),
        ),
        title=document_property(f"Báo cáo {summary[:1].lower()}{summary[1:]}"),
        author=document_property(office_words.formal_name(office)),
        notes=report.notes,
    )


def build_report(
    plan: Plan,
    office: Office,
    tracked: Sequence[TrackedTask],
    report: ReportPeriod,
    as_of: date,
    text: ReportText | None = None,
) -> Report:
    """Figures from the tasks, with the officer's wording when given, else the default; from
    copies cleaned of what no document can hold, when they held any."""
    office, office_notes = printable(office, "tên cơ quan")
    plan, plan_notes = printable(plan, "kế hoạch")
    tracked, task_notes = printable(list(tracked), "nhiệm vụ")
    data = aggregate(plan, tracked, report, as_of)
    wording, text_notes = printable(text or default_text(plan, office, data), "báo cáo")
    notes = office_notes + plan_notes + task_notes + text_notes
    return Report(plan, office, data, wording, tuple(dict.fromkeys(notes)))
