"""The progress report (báo cáo kết quả): figures gathered from the tracked tasks, and the
default wording of its sections, which the officer edits before exporting.

Plain Python: the .docx and .xlsx writers (documents/report_*.py) lay out what this builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
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
from cchc_desktop.core.progress import Histories, Progress, progress, span
from cchc_desktop.core.text import capitalise_first, vn_upper
from cchc_desktop.core.textwidth import text_width_cm
from cchc_desktop.core.tracking import (
    FINISHED,
    RESULT_UNITS,
    StatusCounts,
    TrackedTask,
    is_overdue,
    merge_results,
)

DOC_TYPE = "BÁO CÁO"
FIGURES_TITLE = "Bảng tổng hợp số liệu"
TASKS_UNIT = "nhiệm vụ"
PRODUCTS_HEADING = "Sản phẩm tuyên truyền"
IN_PERIOD, CUMULATIVE = "Trong kỳ", "Lũy kế"
FIGURES_COLUMNS = (
    Column("number", "TT", 1.2, "center"),
    Column("what", "Nội dung", 8.5),
    Column("unit", "Đơn vị tính", 2.6, "center"),
    Column("in_period", IN_PERIOD, 2.1, "right", "Số lượng"),
    Column("cumulative", CUMULATIVE, 2.1, "right", "Số lượng"),
)


@dataclass(frozen=True, slots=True)
class TaskLine:
    """One task as the report sees it: its number in the appendix and what became of it by
    the end of the period (``results``: lũy kế) and within it (``in_period``: trong kỳ)."""

    number: int
    title: str
    output: str
    lead_unit: str
    finish_text: str
    due: date | None
    status: TaskStatus
    overdue: bool
    results: tuple[ResultCount, ...]
    in_period: tuple[ResultCount, ...]
    completed: bool  # done within the period
    undated: bool  # its figures carry no date (core/progress.py): lũy kế only
    evidence: str
    reason: str
    notes: str

    @property
    def status_label(self) -> str:
        label = STATUS_LABELS[self.status]
        return f"{label} (quá hạn)" if self.overdue else label


@dataclass(frozen=True, slots=True)
class ReportData:
    """The figures of a report: every number in the .docx and .xlsx comes from here. They
    are taken at the end of ``last``: the period's last day, or the day the figures are
    counted to (``as_of``) when that is earlier."""

    report: ReportPeriod
    as_of: date
    lines: tuple[TaskLine, ...]  # the tasks the period concerns or that moved in it, in order
    counts: StatusCounts  # their statuses
    completed: int  # how many of them were done within the period
    totals: tuple[ResultCount, ...]  # lũy kế: their results added up by unit
    period_totals: tuple[ResultCount, ...]  # trong kỳ: those recorded within the period
    upcoming: tuple[TaskLine, ...]  # unfinished tasks of the whole plan, by due date

    def with_status(self, *statuses: TaskStatus) -> list[TaskLine]:
        return [line for line in self.lines if line.status in statuses]

    @property
    def late(self) -> list[TaskLine]:
        return [line for line in self.lines if line.overdue]

    @property
    def first(self) -> date:
        return self.report.start

    @property
    def last(self) -> date:
        return min(self.report.end, self.as_of)

    @property
    def undated(self) -> int:
        """How many of the tasks have figures recorded without a date."""
        return sum(line.undated for line in self.lines)


def aggregate(
    plan: Plan,
    tracked: Sequence[TrackedTask],
    report: ReportPeriod,
    as_of: date,
    histories: Histories,
) -> ReportData:
    """Gather the figures of ``report`` from the plan's tracked tasks (those in its appendix)
    and their dated histories, as they stood at the end of the period or of ``as_of``."""
    chosen = [t for t in tracked if t.task.chosen]
    chosen.sort(key=lambda t: t.position)
    numbers = {t.id: n for n, t in enumerate(chosen, start=1)}
    last = min(report.end, as_of)
    start, end = span(report.start, last)
    # A task is late when its due date had passed by the end of the figures: by as_of, or
    # once the period's last day was over.
    judged_on = min(as_of, report.end + timedelta(days=1))

    def line(t: TrackedTask, moved: Progress) -> TaskLine:
        task = t.task
        return TaskLine(
            number=numbers[t.id],
            title=task.title,
            output=task.output,
            lead_unit=task.lead_unit,
            finish_text=task.finish_text,
            due=t.due,
            status=moved.status,
            overdue=is_overdue(moved.status, t.due, judged_on),
            results=moved.results,
            in_period=moved.in_period,
            completed=moved.completed,
            undated=moved.undated,
            evidence=task.evidence,
            reason=task.reason,
            notes=task.notes,
        )

    lines = [line(t, progress(t.task, histories.get(t.id, ()), start, end)) for t in chosen]
    concerned = {t.id for t in report.concerned(chosen)}
    shown = [
        x for t, x in zip(chosen, lines, strict=True)
        if t.id in concerned or x.in_period or x.completed
    ]  # fmt: skip
    unfinished = [x for x in lines if x.status not in FINISHED]
    unfinished.sort(key=lambda x: (x.due or date.max, x.number))
    return ReportData(
        report=report,
        as_of=as_of,
        lines=tuple(shown),
        counts=_count(shown),
        completed=sum(x.completed for x in shown),
        totals=_total(x.results for x in shown),
        period_totals=_total(x.in_period for x in shown),
        upcoming=tuple(unfinished),
    )


def _count(lines: Sequence[TaskLine]) -> StatusCounts:
    def of(status: TaskStatus) -> int:
        return sum(line.status is status for line in lines)

    return StatusCounts(
        total=len(lines),
        not_started=of(TaskStatus.NOT_STARTED),
        in_progress=of(TaskStatus.IN_PROGRESS),
        done=of(TaskStatus.DONE),
        dropped=of(TaskStatus.DROPPED),
        overdue=sum(line.overdue for line in lines),
    )


def _total(results: Iterable[Sequence[ResultCount]]) -> tuple[ResultCount, ...]:
    """Counts added up by unit, the usual units first (as the tracker's totals)."""
    order = {unit: i for i, unit in enumerate(RESULT_UNITS)}
    merged = merge_results(r for counts in results for r in counts)
    return tuple(sorted(merged, key=lambda r: (order.get(r.unit, len(order)), r.unit)))


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


def counts_text(results: Sequence[ResultCount]) -> str:
    """ "18 tin, 6 bài": counts as a sentence lists them."""
    return ", ".join(f"{dotted(r.count)} {r.unit}" for r in results)


def dotted(number: int) -> str:
    """ "1.250": thousands as Vietnamese writes them."""
    return f"{number:,}".replace(",", ".")


def undated_note(count: int) -> str:
    """Why some figures are in lũy kế only (core/progress.py): said in the report, never a
    date made up for them."""
    return (
        f"Số liệu của {count} nhiệm vụ được ghi không kèm ngày (nhập trước khi ứng dụng lưu "
        "lịch sử thay đổi, hoặc nhập từ tệp) nên chỉ được tính vào số lũy kế, không tính vào "
        "số trong kỳ."
    )


def _task_results(line: TaskLine) -> str:
    """ "; kết quả trong kỳ: 6 tin; lũy kế: 18 tin, 6 bài", or lũy kế alone."""
    if line.in_period:
        text = f"; kết quả trong kỳ: {counts_text(line.in_period)}"
        if line.in_period != line.results:
            text += f"; lũy kế: {counts_text(line.results)}"
        return text
    if any(r.count for r in line.results):
        return f"; kết quả lũy kế: {counts_text(line.results)}"
    return ""


def _results_section(data: ReportData) -> str:
    c = data.counts
    label, last = data.report.label, short_date(data.last)
    if not c.total:
        return f"Trong {label}, không có nhiệm vụ nào của Kế hoạch đến kỳ thực hiện."
    done = f"{c.done} nhiệm vụ đã hoàn thành"
    if c.done and data.completed == c.done:
        done += " trong kỳ"
    elif data.completed:
        done += f" (trong đó {data.completed} nhiệm vụ hoàn thành trong kỳ)"
    elif c.done:
        done += " (không có nhiệm vụ hoàn thành trong kỳ)"
    parts = [done, f"{c.in_progress} nhiệm vụ đang thực hiện"]
    if c.not_started:
        parts.append(f"{c.not_started} nhiệm vụ chưa thực hiện")
    if c.dropped:
        parts.append(f"{c.dropped} nhiệm vụ không thực hiện")
    lines = [
        f"Trong {label}, Kế hoạch có {c.total} nhiệm vụ đến kỳ thực hiện; đến ngày {last}, "
        + ", ".join(parts)
        + (f" ({c.overdue} nhiệm vụ quá hạn)." if c.overdue else ".")
    ]
    worked = data.with_status(TaskStatus.DONE, TaskStatus.IN_PROGRESS)
    if worked:
        lines.append("Kết quả cụ thể:")
        for line in worked:
            text = f"- {line.title.rstrip(' .;')}: {STATUS_LABELS[line.status].lower()}"
            text += _task_results(line)
            if line.evidence.strip():
                text += f" ({' '.join(line.evidence.split())})"
            lines.append(text + ".")
    if data.totals and data.period_totals == data.totals:
        lines.append(
            f"Tổng hợp sản phẩm tuyên truyền trong kỳ, cũng là lũy kế đến ngày {last}: "
            f"{counts_text(data.totals)}."
        )
    elif data.totals:
        gained = counts_text(data.period_totals) or "chưa có sản phẩm mới"
        lines.append(
            f"Tổng hợp sản phẩm tuyên truyền trong kỳ: {gained}; lũy kế đến ngày {last}: "
            f"{counts_text(data.totals)}."
        )
    if data.undated:
        lines.append(undated_note(data.undated))
    return "\n".join(lines)


def _shortcomings_section(data: ReportData) -> str:
    lines = []
    for line in data.late:
        why = line.reason.strip() or "chưa ghi lý do"
        due = f", hạn {short_date(line.due)}" if line.due else ""
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
        due = f"hạn {short_date(line.due)}" if line.due else "chưa rõ thời hạn"
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


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A row of the figures table: what is counted, in what unit, within the period and by
    its end; None where a figure means nothing (a task's state has no "within the period")."""

    number: str
    what: str
    unit: str
    in_period: int | None
    cumulative: int | None


def figure_rows(data: ReportData) -> list[FigureRow]:
    """The status tally, then the results added up by unit."""
    c = data.counts
    rows = [
        FigureRow("1", "Nhiệm vụ đến kỳ thực hiện", TASKS_UNIT, None, c.total),
        FigureRow("", "- Đã hoàn thành", TASKS_UNIT, data.completed, c.done),
        FigureRow("", "- Đang thực hiện", TASKS_UNIT, None, c.in_progress),
        FigureRow("", "- Chưa thực hiện", TASKS_UNIT, None, c.not_started),
        FigureRow("", "- Không thực hiện", TASKS_UNIT, None, c.dropped),
        FigureRow("", "- Quá hạn (trong số chưa hoàn thành)", TASKS_UNIT, None, c.overdue),
    ]
    if data.totals:
        gained = {r.unit: r.count for r in data.period_totals}
        rows.append(FigureRow("2", PRODUCTS_HEADING, "", None, None))
        rows += [
            FigureRow("", f"- {capitalise_first(t.unit)}", t.unit, gained.get(t.unit, 0), t.count)
            for t in data.totals
        ]
    return rows


def figures_title(data: ReportData) -> str:
    """ "Bảng tổng hợp số liệu (đến ngày 05/9/2025)" """
    return f"{FIGURES_TITLE} (đến ngày {short_date(data.last)})"


def figures_table(data: ReportData) -> Table:
    def count(value: int | None) -> Cell:
        return Cell((("" if value is None else dotted(value), False),))

    rows = tuple(
        (
            Cell(((row.number, False),)),
            Cell(((row.what, bool(row.number)),)),
            Cell(((row.unit, False),)),
            count(row.in_period),
            count(row.cumulative),
        )
        for row in figure_rows(data)
    )
    return Table(FIGURES_COLUMNS, rows, figures_title(data))


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


# The summary's lines, bold 14 pt, are at most this wide: the portrait text area is 16.5 cm
# (documents/layout.py), less half a centimetre for a program whose metrics differ a little.
SUMMARY_MAX_CM = 16.0
SUMMARY_PT = 14


def title_lines(
    text: str,
    keep: str = "",
    *,
    max_cm: float = SUMMARY_MAX_CM,
    size: float = SUMMARY_PT,
    bold: bool = True,
) -> list[str]:
    """A centred title as printed: one line when it fits, else as few lines as fit, broken
    at spaces but never inside ``keep`` (the period: "quý III năm 2025") nor before its last
    word: no word ("2025") stands alone on the last line. No-break spaces (the blanks left
    for the clerk) stay: a line never breaks there."""
    words = [word for word in text.split(" ") if word]
    if text_width_cm(" ".join(words), size, bold=bold) <= max_cm:
        return [" ".join(words)]
    kept = [word for word in keep.split(" ") if word]
    groups: list[str] = []
    i = 0
    while i < len(words):
        if kept and words[i : i + len(kept)] == kept:
            groups.append(" ".join(kept))
            i += len(kept)
        else:
            groups.append(words[i])
            i += 1
    if len(groups) > 1 and " " not in groups[-1]:
        groups[-2:] = [" ".join(groups[-2:])]
    lines: list[str] = []
    for group in groups:
        joined = f"{lines[-1]} {group}" if lines else group
        if lines and text_width_cm(joined, size, bold=bold) <= max_cm:
            lines[-1] = joined
        else:
            lines.append(group)
    return lines


def report_outline(report: Report, *, figures: bool = True) -> Outline:
    """The whole report in the national format, as the plan is."""
    text, office = report.text, report.office
    date = date_line(
        office_words.place(office), text.issued_on, text.drafted_on, report.data.report.year
    )
    summary = " ".join(text.summary.split())
    label = report.data.report.label
    return Outline(
        header=header_for(office, number_line(text.number, report.suffix), date),
        doc_type=DOC_TYPE,
        summary=tuple(
            line for typed in lines_of(text.summary) for line in title_lines(typed, label)
        ),
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
    histories: Histories,
    text: ReportText | None = None,
) -> Report:
    """Figures from the tasks and their histories (``TaskStore.histories``), with the
    officer's wording when given, else the default; from copies cleaned of what no document
    can hold, when they held any."""
    office, office_notes = printable(office, "tên cơ quan")
    plan, plan_notes = printable(plan, "kế hoạch")
    tracked, task_notes = printable(list(tracked), "nhiệm vụ")
    data = aggregate(plan, tracked, report, as_of, histories)
    wording, text_notes = printable(text or default_text(plan, office, data), "báo cáo")
    notes = office_notes + plan_notes + task_notes + text_notes
    return Report(plan, office, data, wording, tuple(dict.fromkeys(notes)))
