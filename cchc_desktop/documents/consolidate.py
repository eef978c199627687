"""Consolidating the packages offices sent into one workbook and a draft report for the level
above. Files are read one at a time and their task rows spooled to a temporary SQLite file, so
memory stays bounded whatever their number; the workbook is written in openpyxl's write-only
mode; the workbook and the report are written whole, both or neither."""

from __future__ import annotations

import logging
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from cchc_desktop.core import consolidation as rules
from cchc_desktop.core.clock import parse_stamp
from cchc_desktop.core.consolidation import Consolidated, Left, OfficeReturn, TaskRow
from cchc_desktop.core.model import Office
from cchc_desktop.core.outline import lines_of
from cchc_desktop.core.period import Period
from cchc_desktop.core.text import capitalise_first, vn_upper
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.core.tracking import results_text
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT
from cchc_desktop.documents.plan_package import PACKAGE_SUFFIXES, READ_FAILED, read_plan_return
from cchc_desktop.documents.safe_write import (
    Staging,
    refuse_read_only,
    remove_leftovers,
    write_atomically,
)
from cchc_desktop.documents.sheets import new_workbook, print_setup, row_height
from cchc_desktop.errors import CchcError, ConsolidationCancelled

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger("cchc_desktop")

SUMMARY_SHEET = "Tổng hợp"
TASKS_SHEET = "Nhiệm vụ"
MISSING_SHEET = "Chưa gửi"
LEFT_SHEET = "Không tổng hợp"
SIZE = 11  # points: the sheets are wide, and print fitted to the page's width
DEFAULT_ISSUER = "Sở Nội vụ"

Progress = Callable[[int, int, str], bool]  # done, total, what is being done → go on?

# Column headings and widths (characters) of the sheets.
TASK_COLUMNS = (
    ("TT", 5), ("Đơn vị", 18), ("TT trong phụ lục", 6), ("Nhiệm vụ", 40), ("Sản phẩm", 12),
    ("Cơ quan chủ trì", 16), ("Thời gian hoàn thành", 12), ("Hạn", 11), ("Trạng thái", 14),
    ("Quá hạn", 7), ("Kết quả", 16), ("Minh chứng", 22), ("Lý do, ghi chú", 22),
)  # fmt: skip
STATUS_COLUMNS = (
    ("Tổng số", 8), ("Hoàn thành", 10), ("Đang thực hiện", 10), ("Chưa thực hiện", 10),
    ("Không thực hiện", 10), ("Quá hạn", 8),
)  # fmt: skip
MISSING_COLUMNS = (("TT", 6), ("Đơn vị", 40), ("Ghi chú", 80))
LEFT_COLUMNS = (("TT", 6), ("Tệp", 40), ("Đơn vị", 26), ("Kỳ kế hoạch", 22), ("Lý do", 60))


@dataclass
class ConsolidationResult:
    """What was written, the figures it holds, and what to tell the officer."""

    files: list[Path]
    whole: Consolidated
    notes: list[str] = field(default_factory=list)  # one line per file left out
    warnings: list[str] = field(default_factory=list)


def report_path(out: Path) -> Path:
    """The draft report beside the workbook: "tong-hop.xlsx" → "tong-hop.docx"."""
    return out.with_suffix(".docx")


def package_files(sources: Sequence[Path]) -> list[tuple[Path, str]]:
    """Each file to read, with the name it is shown by: the files given, and the .zip and
    .xlsx inside the folders given (their subfolders too; Office's "~$" lock files and our
    staging folders left out), in order."""
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for source in sources:
        if source.is_dir():
            inside = sorted(
                p
                for p in source.rglob("*")
                if p.suffix.lower() in PACKAGE_SUFFIXES
                and p.is_file()
                and not any(part.startswith("~") for part in p.relative_to(source).parts)
            )
            named = [(p, p.relative_to(source).as_posix()) for p in inside]
        elif source.exists():
            named = [(source, source.name)]
        else:
            raise CchcError(f"Không tìm thấy tệp hoặc thư mục «{source}».")
        for path, name in named:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append((path, name))
    return found


def read_expected(path: Path) -> list[str]:
    """The offices expected to send: a text file, one a line, or the first sheet of a
    workbook, the first text of each row."""
    if path.suffix.lower() == ".xlsx":
        return rules.expected_names(_workbook_lines(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CchcError(
            f"Không đọc được danh sách đơn vị «{path.name}» ({exc.strerror or exc})."
        ) from exc
    bom = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    # Without a byte-order mark: UTF-8, else Notepad's "ANSI" on a Vietnamese Windows.
    for encoding in ("utf-16",) if bom else ("utf-8-sig", "cp1258"):
        try:
            return rules.expected_names(lines_of(raw.decode(encoding)))
        except UnicodeDecodeError:
            continue
    raise CchcError(f"Danh sách đơn vị «{path.name}» không phải văn bản đọc được.")


def _workbook_lines(path: Path) -> Iterator[str]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:  # whatever openpyxl trips on, the officer hears it in one line
        raise CchcError(
            f"Không đọc được danh sách đơn vị «{path.name}»: tệp Excel bị hỏng hoặc không phải "
            ".xlsx."
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            text = next(
                (v.strip() for v in row if isinstance(v, str) and v.strip() and not v.isdigit()),
                "",
            )
            if text:
                yield text
    finally:
        workbook.close()


class _Spool:
    """The task rows of every file read, in a temporary SQLite file, by file."""

    def __init__(self, folder: Path) -> None:
        self.conn = sqlite3.connect(folder / "nhiem-vu.sqlite")
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute(
            "CREATE TABLE rows (file INTEGER, number INTEGER, title TEXT, output TEXT, "
            "lead_unit TEXT, finish_text TEXT, due TEXT, status TEXT, overdue INTEGER, "
            "results TEXT, evidence TEXT, notes TEXT)"
        )

    def add(self, index: int, rows: Sequence[TaskRow]) -> None:
        self.conn.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (index, r.number, r.title, r.output, r.lead_unit, r.finish_text,
                 r.due.isoformat() if r.due else None, r.status_label, int(r.overdue),
                 results_text(r.results), r.evidence,
                 "; ".join(x for x in (r.reason.strip(), r.notes.strip()) if x))
                for r in rows
            ],
        )  # fmt: skip

    def in_order(self, counted: Sequence[OfficeReturn]) -> Iterator[tuple[Any, ...]]:
        """The rows of the counted files, office by office in the summary's order."""
        self.conn.execute("CREATE TABLE chosen (file INTEGER PRIMARY KEY, position INTEGER)")
        self.conn.executemany(
            "INSERT INTO chosen VALUES (?, ?)", [(r.index, n) for n, r in enumerate(counted)]
        )
        self.conn.execute("CREATE INDEX rows_file ON rows (file, number)")
        yield from self.conn.execute(
            "SELECT rows.* FROM chosen JOIN rows ON rows.file = chosen.file "
            "ORDER BY chosen.position, rows.number"
        )

    def close(self) -> None:
        self.conn.close()


def consolidate(
    sources: Sequence[Path],
    out: Path,
    *,
    as_of: date,
    expected: Path | None = None,
    period: Period | None = None,
    issuer: str = DEFAULT_ISSUER,
    signer: str = "",
    overwrite: bool = False,
    replace_read_only: bool = False,
    progress: Progress | None = None,
) -> ConsolidationResult:
    """Read every package of ``sources`` (files, folders of them) and write the workbook
    ``out`` and its draft report beside it (``report_path``). A file that cannot be read is
    left out with a line saying why; so are returns of another period or template and an
    office's older returns. Refuses, before reading anything, to replace existing files unless
    ``overwrite`` (read-only ones unless ``replace_read_only``). ``progress`` returning False
    stops it (ConsolidationCancelled), nothing written."""
    from cchc_desktop.documents.package import TargetsExistError

    if out.suffix.lower() != ".xlsx":
        raise CchcError(f"Tệp tổng hợp phải là tệp Excel .xlsx, không phải «{out.name}».")
    targets = [out, report_path(out)]
    remove_leftovers(out.parent)
    refuse_read_only(targets, allowed=replace_read_only)
    existing = [p for p in targets if p.exists()]
    if existing and not overwrite:
        raise TargetsExistError(existing)
    names = read_expected(expected) if expected is not None else None
    written = {t.resolve() for t in targets}
    files = [(p, n) for p, n in package_files(sources) if p.resolve() not in written]
    go_on = progress or (lambda done, total, what: True)
    with tempfile.TemporaryDirectory(prefix="cchc-tong-hop-") as folder:
        spool = _Spool(Path(folder))
        try:
            returns, left = _read_all(files, spool, as_of, go_on)
            selection = rules.select(returns, period)
            selection.left = sorted(
                [*left, *selection.left], key=lambda item: item.source.casefold()
            )
            whole = rules.consolidated(selection, as_of, names)
            if not go_on(len(files), len(files), "Đang ghi bảng tổng hợp và báo cáo…"):
                raise ConsolidationCancelled()
            clean = Cleaning()
            issuing = rules.issuer_office(issuer, _province(returns))
            _write(whole, spool, targets, issuing, signer, clean)
        finally:
            spool.close()
    notes = [f"Không tổng hợp «{item.source}»: {item.reason}" for item in whole.selection.left]
    return ConsolidationResult(targets, whole, notes, clean.warnings)


def _province(returns: Sequence[OfficeReturn]) -> str:
    """The province most offices belong to: the level above's."""
    counts: dict[str, int] = {}
    for r in returns:
        counts[r.province] = counts.get(r.province, 0) + 1
    return max(counts, key=lambda p: counts[p]) if counts else ""


def _read_all(
    files: Sequence[tuple[Path, str]], spool: _Spool, as_of: date, go_on: Progress
) -> tuple[list[OfficeReturn], list[Left]]:
    returns: list[OfficeReturn] = []
    left: list[Left] = []
    for index, (path, name) in enumerate(files):
        if not go_on(index, len(files), f"Đang đọc {name}"):
            raise ConsolidationCancelled()
        try:
            sent = read_plan_return(path)
        except CchcError as error:
            reason = error.message.removeprefix(READ_FAILED.format(name=path.name))
            left.append(Left(name, "", "", reason))
            continue
        except Exception as error:  # a file nobody foresaw must not stop the other hundred
            log.exception("consolidating %s", path)
            left.append(
                Left(name, "", "", f"không đọc được tệp ({type(error).__name__}); đã bỏ qua.")
            )
            continue
        rows = rules.task_rows(sent, as_of)
        spool.add(index, rows)
        returns.append(rules.office_return(index, name, sent, rows))
    return returns, left


# --- writing ---------------------------------------------------------------------------------


def _write(
    whole: Consolidated,
    spool: _Spool,
    targets: list[Path],
    issuer: Office,
    signer: str,
    clean: Cleaning,
) -> None:
    from cchc_desktop.documents import nd30

    xlsx, docx = targets
    with Staging(xlsx.parent) as staging:
        write_atomically(
            staging.path(xlsx), lambda temp: _workbook(whole, spool, clean).save(str(temp))
        )
        outline = rules.report_outline(whole, issuer, signer)
        clean.warnings += nd30.write_docx(outline, staging.path(docx))
        staging.commit(targets)


class _Sheets:
    """The workbook's named styles (one per kind of cell, retunable in Excel's gallery) and the
    cells that carry them; write-only sheets take a styled cell per value."""

    def __init__(self, workbook: Workbook) -> None:
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

        thin = Side(style="thin", color="000000")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        top = Alignment(wrap_text=True, vertical="top")
        centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
        styles = {
            "title": NamedStyle("CCHC Tên bảng", font=Font(name=FONT, size=14, bold=True),
                                alignment=centre),
            "subtitle": NamedStyle("CCHC Dòng phụ", font=Font(name=FONT, size=SIZE, italic=True),
                                   alignment=centre),
            "head": NamedStyle("CCHC Đầu cột", font=Font(name=FONT, size=SIZE, bold=True),
                               alignment=centre, border=box),
            "text": NamedStyle("CCHC Ô", font=Font(name=FONT, size=SIZE), alignment=top,
                               border=box),
            "number": NamedStyle("CCHC Số", font=Font(name=FONT, size=SIZE), border=box,
                                 alignment=Alignment(vertical="top", horizontal="center")),
            "date": NamedStyle("CCHC Ngày", font=Font(name=FONT, size=SIZE), border=box,
                               alignment=Alignment(vertical="top", horizontal="center"),
                               number_format="DD/MM/YYYY"),
            "total": NamedStyle("CCHC Tổng", font=Font(name=FONT, size=SIZE, bold=True),
                                alignment=Alignment(vertical="top", horizontal="center"),
                                border=box),
        }  # fmt: skip
        for style in styles.values():
            workbook.add_named_style(style)
        self.names = {kind: style.name for kind, style in styles.items()}

    def cells(
        self,
        sheet: Worksheet,
        reused: dict[tuple[int, str], Any],
        values: Sequence[Any],
        kinds: Sequence[str],
    ) -> list[Any]:
        """Styled cells holding ``values``. A write-only sheet writes a row as it is appended,
        so one cell per column and kind serves every row, its style worked out once (setting
        a style costs more than writing the cell)."""
        from openpyxl.cell import WriteOnlyCell

        row = []
        for column, (value, kind) in enumerate(zip(values, kinds, strict=True)):
            cell = reused.get((column, kind))
            if cell is None:
                cell = reused[column, kind] = WriteOnlyCell(sheet)
                cell.style = self.names[kind]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text: "=…" or "+84…" never a formula
            row.append(cell)
        return row  # fmt: skip


def _table(
    sheets: _Sheets,
    sheet: Worksheet,
    title: str,
    subtitle: str,
    heads: Sequence[tuple[str, int]],
    rows: Iterable[tuple[Sequence[Any], Sequence[str]]],
    count: int,
    *,
    groups: Sequence[tuple[str, int, int]] = (),
) -> None:
    """A printable table: a title and a subtitle across it, one header row (two with
    ``groups``: heading, first column, span), then the ``count`` ``rows`` of (values, style
    kinds), each row as high as its longest text."""
    from openpyxl.utils import get_column_letter

    widths = [w for _, w in heads]
    last = get_column_letter(len(heads))
    head_rows = 2 if groups else 1
    first_row = 4 + head_rows
    size = f"A1:{last}{first_row + count - 1}"
    # openpyxl writes a sheet's <dimension> when the sheet can say it, which a write-only one
    # cannot by itself: without it, readers (openpyxl's check of the file among them) read
    # every row just to learn the size.
    setattr(sheet, "calculate_dimension", lambda: size)  # noqa: B010
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"C{first_row}"
    print_setup(
        sheet, f"4:{3 + head_rows}", left_mm=20, footer_pt=10
    )  # before the first row: it writes the sheet's head
    reused: dict[tuple[int, str], Any] = {}

    def append(
        number: int, values: Sequence[Any], kinds: Sequence[str], size: float = SIZE
    ) -> None:
        shown = ["" if v is None else str(v) for v in values]
        across = [sum(widths)] if len(values) == 1 else widths  # a title spans every column
        # Excel does not grow a row for wrapped text it did not lay out itself.
        sheet.row_dimensions[number].height = row_height(
            list(zip(shown, across, strict=True)), size
        )
        sheet.append(sheets.cells(sheet, reused, values, kinds))
        del sheet.row_dimensions[number]  # written: nothing of it need stay in memory

    for row, (text, kind) in enumerate(((title, "title"), (subtitle, "subtitle")), start=1):
        sheet.merged_cells.add(f"A{row}:{last}{row}")
        append(row, [text], [kind], 14 if row == 1 else SIZE)
    sheet.append([])
    if groups:
        grouped = {c for _, first, span in groups for c in range(first, first + span)}
        top: list[Any] = [None] * len(heads)
        for text, first, span in groups:
            top[first] = text
            sheet.merged_cells.add(
                f"{get_column_letter(first + 1)}4:{get_column_letter(first + span)}4"
            )
        for column, (text, _) in enumerate(heads):
            if column not in grouped:
                top[column] = text
                letter = get_column_letter(column + 1)
                sheet.merged_cells.add(f"{letter}4:{letter}5")
        sub = [text if column in grouped else None for column, (text, _) in enumerate(heads)]
        append(4, top, ["head"] * len(heads))
        append(5, sub, ["head"] * len(heads))
    else:
        names = [h for h, _ in heads]
        append(4, names, ["head"] * len(heads))
    for number, (values, kinds) in enumerate(rows, start=first_row):
        append(number, values, kinds)
    if count and not groups:
        sheet.auto_filter.ref = f"A4:{last}{first_row + count - 1}"


def _subtitle(whole: Consolidated) -> str:
    if whole.missing is None:
        sent = f"{len(whole.counted)} đơn vị đã gửi"
    else:
        sent = f"{whole.sent_of_expected}/{whole.expected} đơn vị trong danh sách đã gửi"
        sent += f", {whole.outside} đơn vị ngoài danh sách" if whole.outside else ""
    return f"(Tổng hợp ngày {format_date_vn(whole.as_of)}: {sent}; quá hạn tính đến ngày này)"


def _workbook(whole: Consolidated, spool: _Spool, clean: Cleaning) -> Workbook:
    workbook = new_workbook(write_only=True)
    sheets = _Sheets(workbook)

    def new_sheet(title: str) -> Worksheet:
        # A write-only sheet has every attribute used here (set up as a Worksheet's are); the
        # type stubs know them on Worksheet only.
        return cast("Worksheet", workbook.create_sheet(title))

    period = whole.selection.period
    label = vn_upper(period.label) if period else ""
    provinces = len({r.province for r in whole.counted}) > 1

    _summary_sheet(sheets, new_sheet(SUMMARY_SHEET), whole, label, provinces, clean)
    by_file = {r.index: r for r in whole.counted}
    heads = list(TASK_COLUMNS)
    if provinces:
        heads.insert(2, ("Tỉnh, thành phố", 16))

    def task_lines() -> Iterator[tuple[Sequence[Any], Sequence[str]]]:
        for n, row in enumerate(spool.in_order(whole.counted), start=1):
            (file, number, title, output, lead, finish, due, status, overdue, results,
             evidence, notes) = row  # fmt: skip
            office = by_file[file]
            values: list[Any] = [
                n, office.name, number, clean(title), clean(output), clean(lead), clean(finish),
                date.fromisoformat(due) if due else None, status, "Có" if overdue else "",
                clean(results), clean(evidence), clean(notes),
            ]  # fmt: skip
            kinds = ["number", "text", "number", *["text"] * 4, "date", "text", "number",
                     *["text"] * 3]  # fmt: skip
            if provinces:
                values.insert(2, office.province)
                kinds.insert(2, "text")
            yield values, kinds

    _table(
        sheets, new_sheet(TASKS_SHEET),
        f"NHIỆM VỤ CỦA CÁC ĐƠN VỊ — {label}".rstrip(" —"), _subtitle(whole), heads, task_lines(),
        whole.counts.total,
    )  # fmt: skip
    if whole.missing is not None:
        missing = whole.missing
        _table(
            sheets, new_sheet(MISSING_SHEET),
            f"CÁC ĐƠN VỊ CHƯA GỬI SỐ LIỆU — {label}".rstrip(" —"),
            f"({len(missing)}/{whole.expected} đơn vị trong danh sách)", MISSING_COLUMNS,
            (([n, m.name, m.note], ["number", "text", "text"])
             for n, m in enumerate(missing, start=1)),
            len(missing),
        )  # fmt: skip
    left = whole.selection.left
    _table(
        sheets, new_sheet(LEFT_SHEET), "CÁC TỆP KHÔNG ĐƯA VÀO TỔNG HỢP",
        f"({len(left)} tệp: khác kỳ, khác mẫu, bị hỏng, hoặc đã có bản mới hơn của cùng đơn vị)",
        LEFT_COLUMNS,
        (([n, item.source, item.office, item.period, item.reason], ["number", *["text"] * 4])
         for n, item in enumerate(left, start=1)),
        len(left),
    )  # fmt: skip
    workbook.properties.title = f"Tổng hợp kết quả tuyên truyền CCHC {label.lower()}".strip()
    return workbook


def _summary_sheet(
    sheets: _Sheets,
    sheet: Worksheet,
    whole: Consolidated,
    label: str,
    provinces: bool,
    clean: Cleaning,
) -> None:
    units = whole.units
    heads: list[tuple[str, int]] = [("TT", 6), ("Đơn vị", 24)]
    if provinces:
        heads.append(("Tỉnh, thành phố", 16))
    heads += [("Kế hoạch", 26), ("Ngày xuất số liệu", 12), *STATUS_COLUMNS]
    first_unit = len(heads)
    heads += [(capitalise_first(u), 9) for u in units]
    heads += [("Tệp", 26), ("Ghi chú", 20)]
    status_at = first_unit - len(STATUS_COLUMNS)
    groups = [("Nhiệm vụ", status_at, len(STATUS_COLUMNS))]
    if units:
        groups.append(("Sản phẩm tuyên truyền (số lượng)", first_unit, len(units)))
    kinds = ["number", "text", *(["text"] if provinces else []), "text", "date",
             *["number"] * (len(STATUS_COLUMNS) + len(units)), "text", "text"]  # fmt: skip

    def rows() -> Iterator[tuple[Sequence[Any], Sequence[str]]]:
        for n, r in enumerate(whole.counted, start=1):
            c = r.counts
            results = {x.unit: x.count for x in r.results}
            values: list[Any] = [n, r.name, *([r.province] if provinces else []),
                                 clean(r.plan_reference), parse_stamp(r.exported_at).astimezone().date(),
                                 c.total, c.done, c.in_progress, c.not_started, c.dropped,
                                 c.overdue, *(results.get(u) for u in units), r.source, r.note]  # fmt: skip
            yield values, kinds
        c = whole.counts
        total: list[Any] = ["", "Tổng cộng", *([""] if provinces else []), "", "",
                            c.total, c.done, c.in_progress, c.not_started, c.dropped, c.overdue,
                            *(t.count for t in whole.totals), "", ""]  # fmt: skip
        yield total, ["total"] * len(total)

    _table(
        sheets, sheet, f"TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH {label}",
        _subtitle(whole), heads, rows(), len(whole.counted) + 1, groups=groups,
    )  # fmt: skip
