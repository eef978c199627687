"""Consolidation for the level above (tổng hợp): each office's return reduced to its row of the
summary and its task rows; which returns count (the period and template most offices sent, one
return per office, the newest); who on the expected list sent nothing; and the summary
report's wording as an outline in the national format.

Plain Python: documents/consolidate.py reads the files and writes the workbook and report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from cchc_desktop.core import office as office_words
from cchc_desktop.core.clock import local_text, parse_stamp
from cchc_desktop.core.docdate import date_line, number_line, short_date
from cchc_desktop.core.interchange import PlanReturn
from cchc_desktop.core.model import STATUS_LABELS, Office, OfficeKind, ResultCount, TaskStatus
from cchc_desktop.core.numbering import roman
from cchc_desktop.core.outline import (
    Block,
    Cell,
    Column,
    Outline,
    Role,
    Signature,
    Table,
    header_for,
    recipient_lines,
)
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.text import capitalise_first, fold, nfc, vn_upper
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.core.tracking import (
    RESULT_UNITS,
    StatusCounts,
    is_overdue,
    merge_results,
    results_text,
)
from cchc_desktop.errors import CchcError

DOC_TYPE = "BÁO CÁO"
TASKS_UNIT = "nhiệm vụ"
OFFICES_UNIT = "đơn vị"
FIGURES_TITLE = "Bảng tổng hợp số liệu"
LISTED_NAMES = 30  # names a paragraph of the report lists before pointing to the workbook

_PERIOD_CODES = {
    "h1": PeriodKind.FIRST_HALF,
    "h2": PeriodKind.SECOND_HALF,
    "nam": PeriodKind.YEAR,
    "year": PeriodKind.YEAR,
}
_PERIOD_ORDER = {PeriodKind.FIRST_HALF: 0, PeriodKind.YEAR: 1, PeriodKind.SECOND_HALF: 2}


def parse_plan_period(text: str) -> Period:
    """ "h1-2025", "h2-2025" or "nam-2025" (also "year-2025"): a plan period."""
    match = re.fullmatch(r"\s*([a-z]+\d?)-(\d{4})\s*", text.lower())
    if match is None or match[1] not in _PERIOD_CODES:
        raise CchcError(
            f"Kỳ «{text}» không đọc được; viết h1-2025 (6 tháng đầu năm), h2-2025 (6 tháng cuối "
            "năm) hoặc nam-2025 (cả năm)."
        )
    return Period(_PERIOD_CODES[match[1]], int(match[2]))


# --- one office's return -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaskRow:
    """A task of an office's appendix as the level above reads it."""

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


def task_rows(sent: PlanReturn, as_of: date) -> list[TaskRow]:
    """The tasks of the office's appendix, numbered as printed, late or not on ``as_of``."""
    rows = []
    for number, task in enumerate((t for t in sent.tasks if t.chosen), start=1):
        due = task.due_on or task.dates(sent.period)[1]
        rows.append(
            TaskRow(
                number=number,
                title=" ".join(task.title.split()),
                output=task.output,
                lead_unit=task.lead_unit,
                finish_text=task.finish_text,
                due=due,
                status=task.status,
                overdue=is_overdue(task.status, due, as_of),
                results=tuple(merge_results(task.results)),
                evidence=task.evidence,
                reason=task.reason,
                notes=task.notes,
            )
        )
    return rows


def office_key(office: Office) -> str:
    """Who sent a return: the same office whatever its uid (an office typed again on a new PC
    has another), told apart from a namesake in another province."""
    governing = "" if office.kind.is_commune else fold(office.governing_body)
    return f"{fold(office_words.full_name(office))}|{governing}|{_province(office.province)}"


def _province(text: str) -> str:
    return re.sub(r"^(thanh pho|tinh)\s+", "", " ".join(fold(text).split()))


@dataclass(slots=True)
class OfficeReturn:
    """One file's return, reduced to its row of the summary (its tasks are kept apart)."""

    index: int  # the order the file was read in
    source: str  # the file's name
    name: str  # "xã Quyết Thắng"
    own_name: str  # "Quyết Thắng": how a list may name it without its kind
    province: str
    key: str
    is_commune: bool
    plan_uid: str
    period: Period
    template_id: str
    title: str
    number: str
    issued_on: date | None
    exported_at: str
    counts: StatusCounts
    results: tuple[ResultCount, ...]
    note: str = ""

    @property
    def plan_reference(self) -> str:
        """ "Số 05/KH-UBND ngày 05/8/2025", or the plan's title while it has no number."""
        if self.number.strip():
            when = f" ngày {short_date(self.issued_on)}" if self.issued_on else ""
            return f"Số {self.number.strip()}{when}"
        return self.title


def office_return(
    index: int, source: str, sent: PlanReturn, rows: Sequence[TaskRow]
) -> OfficeReturn:
    statuses = Counter(r.status for r in rows)
    office = sent.office
    return OfficeReturn(
        index=index,
        source=source,
        name=office_words.full_name(office),
        own_name=office.name,
        province=office.province,
        key=office_key(office),
        is_commune=office.kind.is_commune,
        plan_uid=sent.plan_uid,
        period=sent.period,
        template_id=sent.template_id,
        title=" ".join(sent.summary.split()) or f"Kế hoạch {sent.period.label}",
        number=sent.number,
        issued_on=sent.issued_on,
        exported_at=sent.exported_at,
        counts=StatusCounts(
            total=len(rows),
            not_started=statuses[TaskStatus.NOT_STARTED],
            in_progress=statuses[TaskStatus.IN_PROGRESS],
            done=statuses[TaskStatus.DONE],
            dropped=statuses[TaskStatus.DROPPED],
            overdue=sum(r.overdue for r in rows),
        ),
        results=tuple(merge_results(r for row in rows for r in row.results)),
    )


# --- which returns count -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Left:
    """A file left out of the totals (không tổng hợp), and why."""

    source: str
    office: str  # "" when the file could not be read
    period: str
    reason: str
    key: str = ""


@dataclass(slots=True)
class Selection:
    """The returns that count, in the order of the summary, and the files left out."""

    period: Period | None
    template_id: str
    counted: list[OfficeReturn]
    left: list[Left]


def _period_rank(period: Period) -> tuple[int, int]:
    return period.year, _PERIOD_ORDER[period.kind]


def select(returns: Sequence[OfficeReturn], period: Period | None = None) -> Selection:
    """The returns of ``period`` (else of the period most returns are of, the later one on a
    tie) and of the template most of those follow; for an office that sent several, the
    newest. A plan without a template (brought in from Word) is never another template's."""
    if period is None and returns:
        tally = Counter(r.period for r in returns)
        period = max(tally, key=lambda p: (tally[p], _period_rank(p)))
    templates = Counter(r.template_id for r in returns if r.period == period and r.template_id)
    template = max(templates, key=lambda t: (templates[t], t)) if templates else ""
    left: list[Left] = []
    newest: dict[str, OfficeReturn] = {}
    for r in sorted(returns, key=lambda r: (parse_stamp(r.exported_at), -r.index), reverse=True):
        if r.period != period:
            assert period is not None
            reason = f"kế hoạch {r.period.label}, khác kỳ tổng hợp ({period.label})"
        elif template and r.template_id and r.template_id != template:
            reason = f"theo mẫu «{r.template_id}», khác mẫu «{template}» của các đơn vị khác"
        elif r.key in newest:
            kept = newest[r.key]
            if (kept.plan_uid, kept.counts, kept.results) == (r.plan_uid, r.counts, r.results):
                reason = f"trùng với tệp «{kept.source}» (cùng số liệu)"
            else:
                reason = (
                    f"đơn vị đã gửi bản mới hơn: tệp «{kept.source}», xuất lúc "
                    f"{local_text(kept.exported_at)}"
                )
        else:
            newest[r.key] = r
            continue
        left.append(Left(r.source, r.name, r.period.label, reason, r.key))
    counted = sorted(newest.values(), key=lambda r: (_province(r.province), fold(r.name)))
    left.sort(key=lambda item: fold(item.source))
    return Selection(period, template, counted, left)


# --- who was expected -----------------------------------------------------------------------

_HEADING_WORDS = (
    "tt", "stt", "ten don vi", "don vi", "ten co quan", "co quan", "ten xa", "danh sach",
)  # fmt: skip
_PREFIXES = ("uy ban nhan dan ", "ubnd ")


def expected_names(lines: Iterable[str]) -> list[str]:
    """The offices a list names, one a line: blank lines, lines starting "#" and a heading
    ("Tên đơn vị") left out, a leading "1." or "1)" taken off; tone marks typed apart (old
    Windows "ANSI" files) put back on their letters."""
    names = []
    for line in lines:
        text = re.sub(r"^\s*\d+\s*[.)]?\s+", "", line).strip()
        if not text or text.startswith("#") or fold(text).rstrip(":") in _HEADING_WORDS:
            continue
        names.append(nfc(" ".join(text.split())))
    return names


def _name_key(text: str) -> str:
    key = " ".join(fold(text).split())
    for prefix in _PREFIXES:
        key = key.removeprefix(prefix)
    return key


@dataclass(frozen=True, slots=True)
class Missing:
    """An expected office with no return counted, and what it did send, if anything."""

    name: str
    note: str = ""


def match_expected(
    names: Sequence[str], counted: list[OfficeReturn], left: Sequence[Left]
) -> list[Missing]:
    """The expected offices without a counted return; each counted return not on the list is
    noted "ngoài danh sách". A name matches an office's full name ("xã Quyết Thắng", "UBND xã
    Quyết Thắng"), or its name alone when only one office bears it; "…, tỉnh X" narrows it to
    a province."""
    by_full: dict[str, list[OfficeReturn]] = {}
    by_name: dict[str, list[OfficeReturn]] = {}
    for r in counted:
        by_full.setdefault(_name_key(r.name), []).append(r)
        by_name.setdefault(_name_key(r.own_name), []).append(r)
    left_by_key = {item.key: item for item in left if item.key}
    found: set[str] = set()
    missing = []
    for name in names:
        wanted, _, where = name.partition(",")
        key = _name_key(wanted)
        candidates = by_full.get(key) or by_name.get(key, [])
        if where.strip():
            candidates = [
                r for r in candidates if _province(r.province) == _province(where.strip())
            ]
        if len(candidates) == 1 or (candidates and not where.strip() and key in by_full):
            found.update(r.key for r in candidates)
            continue
        sent = next((item for k, item in left_by_key.items() if k.split("|")[0] == key), None)
        if candidates:
            note = (
                f"{len(candidates)} đơn vị cùng tên đã gửi; hãy ghi thêm tỉnh, thành phố "
                f"(«{wanted.strip()}, tỉnh …»)"
            )
        elif sent is not None:
            note = f"có gửi nhưng không tổng hợp: {sent.reason} (tệp «{sent.source}»)"
        else:
            note = ""
        missing.append(Missing(name, note))
    if names:
        for r in counted:
            if r.key not in found:
                r.note = "ngoài danh sách các đơn vị phải gửi"
    return missing


# --- the whole -----------------------------------------------------------------------------


@dataclass(slots=True)
class Consolidated:
    """Everything the workbook's summary and the report say (the task rows are apart)."""

    selection: Selection
    as_of: date
    missing: list[Missing] | None = None  # None: no expected list was given
    expected: int = 0
    counts: StatusCounts = field(default_factory=StatusCounts)
    totals: tuple[ResultCount, ...] = ()

    @property
    def counted(self) -> list[OfficeReturn]:
        return self.selection.counted

    @property
    def sent_of_expected(self) -> int:
        """How many offices of the expected list sent a return that counts."""
        return self.expected - len(self.missing or [])

    @property
    def outside(self) -> int:
        """Counted returns of offices not on the expected list."""
        return sum(1 for r in self.counted if r.note)

    @property
    def units(self) -> list[str]:
        """The counting units of the results, the usual ones first in their usual order."""
        return [r.unit for r in self.totals]


def consolidated(selection: Selection, as_of: date, expected: Sequence[str] | None) -> Consolidated:
    counts = [r.counts for r in selection.counted]
    order = {unit: i for i, unit in enumerate(RESULT_UNITS)}
    merged = merge_results(x for r in selection.counted for x in r.results)
    totals = sorted(merged, key=lambda r: (order.get(r.unit, len(order)), -r.count, r.unit))
    return Consolidated(
        selection=selection,
        as_of=as_of,
        missing=None
        if expected is None
        else match_expected(expected, selection.counted, selection.left),
        expected=len(expected or []),
        counts=StatusCounts(
            total=sum(c.total for c in counts),
            not_started=sum(c.not_started for c in counts),
            in_progress=sum(c.in_progress for c in counts),
            done=sum(c.done for c in counts),
            dropped=sum(c.dropped for c in counts),
            overdue=sum(c.overdue for c in counts),
        ),
        totals=tuple(totals),
    )


# --- the report for the level above --------------------------------------------------------


def issuer_office(text: str, province: str) -> Office:
    """The body that consolidates, from its name as typed: "Sở Nội vụ", "Phòng Văn hóa - Xã
    hội"; a name without a kind is taken for a Sở."""
    words = " ".join(text.split())
    folded = fold(words)
    for kind in sorted(OfficeKind, key=lambda k: -len(k.value)):
        if folded.startswith(fold(kind.value) + " "):
            name = words[len(kind.value) + 1 :]
            break
    else:
        kind, name = OfficeKind.SO, words
    governing = "" if kind.is_commune else f"Ủy ban nhân dân {province}".strip()
    return Office(kind=kind, name=name, province=province, governing_body=governing)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:LISTED_NAMES])
    more = len(names) - LISTED_NAMES
    return shown + (f" và {more} đơn vị khác" if more > 0 else "")


def _who(counted: Sequence[OfficeReturn]) -> str:
    communes = any(r.is_commune for r in counted)
    agencies = any(not r.is_commune for r in counted)
    if communes and agencies:
        return "các cơ quan, đơn vị và các xã, phường, đặc khu"
    return "các xã, phường, đặc khu" if communes or not counted else "các cơ quan, đơn vị"


def report_summary(whole: Consolidated) -> str:
    period = whole.selection.period
    label = f" {period.label}" if period else ""
    return (
        f"Tổng hợp kết quả thực hiện công tác tuyên truyền cải cách hành chính{label} của "
        f"{_who(whole.counted)}"
    )


def figure_rows(whole: Consolidated) -> list[tuple[str, str, str, int | None]]:
    """(TT, what, unit, count): the offices, the tasks by status, the products by unit."""
    c = whole.counts
    rows: list[tuple[str, str, str, int | None]] = [
        ("1", "Đơn vị đã gửi số liệu", OFFICES_UNIT, len(whole.counted)),
    ]
    if whole.missing is not None:
        rows.append(("", "- Đơn vị chưa gửi (theo danh sách)", OFFICES_UNIT, len(whole.missing)))
    rows += [
        ("2", "Nhiệm vụ của các đơn vị", TASKS_UNIT, c.total),
        ("", "- Đã hoàn thành", TASKS_UNIT, c.done),
        ("", "- Đang thực hiện", TASKS_UNIT, c.in_progress),
        ("", "- Chưa thực hiện", TASKS_UNIT, c.not_started),
        ("", "- Không thực hiện", TASKS_UNIT, c.dropped),
        ("", "- Quá hạn (trong số chưa hoàn thành)", TASKS_UNIT, c.overdue),
    ]
    if whole.totals:
        rows.append(("3", "Sản phẩm tuyên truyền (lũy kế đến thời điểm gửi)", "", None))
        rows += [("", f"- {capitalise_first(t.unit)}", t.unit, t.count) for t in whole.totals]
    return rows


def _figures_table(whole: Consolidated) -> Table:
    def count(value: int | None) -> str:
        return "" if value is None else f"{value:,}".replace(",", ".")

    columns = (
        Column("number", "TT", 1.2, "center"),
        Column("what", "Nội dung", 9.3),
        Column("unit", "Đơn vị tính", 2.8, "center"),
        Column("count", "Số lượng", 3.2, "right"),
    )
    rows = tuple(
        (
            Cell(((number, False),)),
            Cell(((what, bool(number)),)),
            Cell(((unit, False),)),
            Cell(((count(value), False),)),
        )
        for number, what, unit, value in figure_rows(whole)
    )
    return Table(columns, rows, FIGURES_TITLE)


def _sending_section(whole: Consolidated) -> list[str]:
    sent = len(whole.counted)
    left = len(whole.selection.left)
    lines = []
    if whole.missing is None:
        lines.append(f"Đã nhận số liệu của {sent} đơn vị.")
    else:
        lines.append(
            f"Đã nhận số liệu của {whole.sent_of_expected}/{whole.expected} đơn vị phải gửi"
            + (f" và {whole.outside} đơn vị ngoài danh sách." if whole.outside else ".")
        )
        if whole.missing:
            names = [m.name for m in whole.missing]
            lines.append(f"Chưa gửi ({len(names)} đơn vị): {_names(names)}.")
    if left:
        lines.append(
            f"{left} tệp không đưa vào tổng hợp (khác kỳ, khác mẫu, bị hỏng hoặc trùng): xem "
            "trang «Không tổng hợp» của bảng tổng hợp."
        )
    return lines


def _results_section(whole: Consolidated) -> list[str]:
    c = whole.counts
    if not c.total:
        return ["Các đơn vị gửi về chưa có nhiệm vụ nào trong phụ lục kế hoạch."]
    lines = [
        f"Các đơn vị có tổng cộng {c.total} nhiệm vụ; trong đó {c.done} nhiệm vụ đã hoàn thành "
        f"({_percent(c.done, c.total)}), {c.in_progress} nhiệm vụ đang thực hiện, "
        f"{c.not_started} nhiệm vụ chưa thực hiện, {c.dropped} nhiệm vụ không thực hiện"
        + (f"; {c.overdue} nhiệm vụ quá hạn." if c.overdue else ".")
    ]
    if whole.totals:
        lines.append(f"Sản phẩm tuyên truyền: {results_text(whole.totals)}.")
    return lines


def _shortcomings_section(whole: Consolidated) -> list[str]:
    late = sorted(
        (r for r in whole.counted if r.counts.overdue),
        key=lambda r: (-r.counts.overdue, fold(r.name)),
    )
    lines = []
    if late:
        names = [f"{r.name} ({r.counts.overdue})" for r in late]
        lines.append(
            f"Còn {whole.counts.overdue} nhiệm vụ quá hạn tại {len(late)} đơn vị: {_names(names)}."
        )
    if whole.missing:
        lines.append(f"{len(whole.missing)} đơn vị chưa gửi số liệu theo yêu cầu.")
    return lines or ["Các đơn vị triển khai đúng tiến độ; chưa có nhiệm vụ quá hạn."]


def _proposals_section(whole: Consolidated) -> list[str]:
    lines = []
    if whole.missing:
        lines.append("Đề nghị các đơn vị chưa gửi số liệu khẩn trương gửi về.")
    if whole.counts.overdue:
        lines.append(
            "Đề nghị các đơn vị có nhiệm vụ quá hạn khẩn trương triển khai và báo cáo rõ "
            "nguyên nhân."
        )
    return lines or ["Không có."]


def report_outline(whole: Consolidated, issuer: Office, signer: str = "") -> Outline:
    """The draft summary report (.docx) for the level above, in the national format."""
    as_of = whole.as_of
    summary = report_summary(whole)
    body: list[Block | Table] = [
        Block(
            Role.PREAMBLE,
            f"Trên cơ sở số liệu theo dõi thực hiện kế hoạch tuyên truyền cải cách hành chính "
            f"do {_who(whole.counted)} gửi về (tính đến ngày {format_date_vn(as_of)}), "
            f"{office_words.formal_name(issuer)} tổng hợp kết quả như sau:",
        )
    ]
    sections = [
        ("Tình hình gửi số liệu", _sending_section(whole)),
        ("Kết quả thực hiện", _results_section(whole)),
        ("Tồn tại, hạn chế", _shortcomings_section(whole)),
        ("Đề xuất, kiến nghị", _proposals_section(whole)),
    ]
    for n, (heading, lines) in enumerate(sections, start=1):
        body.append(Block(Role.HEADING_1, f"{roman(n)}. {vn_upper(heading)}"))
        body += [Block(Role.POINT, line, 1) for line in lines]
        if n == 2:
            body.append(_figures_table(whole))
    body.append(Block(Role.CLOSING, f"Trên đây là Báo cáo {summary[:1].lower()}{summary[1:]}./."))
    governing = issuer.governing_body or f"Ủy ban nhân dân {issuer.province}"
    authority = office_words.signature_forms(issuer)[0][1]
    return Outline(
        header=header_for(
            issuer,
            number_line("", office_words.number_suffix(issuer, "BC")),
            date_line(office_words.place(issuer), None, as_of, as_of.year),
        ),
        doc_type=DOC_TYPE,
        summary=(summary,),
        body=tuple(body),
        signature=Signature(
            recipients=tuple(
                recipient_lines(
                    [
                        f"{governing} (để báo cáo)",
                        f"Lãnh đạo {office_words.short_kind(issuer)}",
                        "Lưu: VT.",
                    ]
                )
            ),
            authority=tuple(vn_upper(line) for line in authority),
            signer=signer.strip(),
        ),
        title=f"Báo cáo {summary[:1].lower()}{summary[1:]}",
        author=office_words.formal_name(issuer),
    )
