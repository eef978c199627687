"""The files sent upward — the plan's .docx, .xlsx and .pdf (and a .zip), a progress report's
.docx and .xlsx — with file names that survive email clients and Windows, written all together
or not at all, never overwriting a file silently."""

from __future__ import annotations

import gc
import hashlib
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol, runtime_checkable

from cchc_desktop.core.cleaning import held_still
from cchc_desktop.core.interchange import PlanHistory
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import Outline, plan_outline
from cchc_desktop.core.period import PeriodKind
from cchc_desktop.core.report import Report
from cchc_desktop.core.text import slug
from cchc_desktop.documents.plan_package import DATA_MEMBER, package_json
from cchc_desktop.documents.safe_write import (
    Staging,
    refuse_read_only,
    remove_leftovers,
    write_atomically,
)
from cchc_desktop.errors import ExportError


@runtime_checkable
class Pending(Protocol):
    """A file still being written elsewhere (render/pdf_process.py), from ``outline``."""

    outline: Outline | None

    def wait(self, waiting: Callable[[], None] = ...) -> object: ...

    def cancel(self) -> None: ...


# Writes the PDF to the path given, or returns a Pending file written beside the others.
PdfWriter = Callable[[Plan, Office, Path], object]

_PERIOD_SLUGS = {
    PeriodKind.FIRST_HALF: "6-thang-dau",
    PeriodKind.SECOND_HALF: "6-thang-cuoi",
    PeriodKind.YEAR: "nam",
}


class TargetsExistError(ExportError):
    """Some files of the package are already there; nothing was written."""

    def __init__(self, existing: list[Path]) -> None:
        names = ", ".join(p.name for p in existing)
        super().__init__(f"Thư mục đã có tệp cùng tên: {names}. Chưa ghi đè tệp nào.")
        self.existing = existing


STEM_MAX = 87  # with the longest ending, "-phu-luc.xlsx", a file name of at most 100 characters


def document_stem(prefix: str, plan: Plan, office: Office, period: str | None = None) -> str:
    """ "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang": ASCII, no spaces. A report
    names the period it covers instead of the plan's: ``period="quy-III-2025"``.

    A long office name is cut at a word and tagged with a short hash of the whole name (two
    long names never share a file name): Word, LibreOffice and python-docx all stumble
    somewhere past 200 characters, and a folder path eats into Windows' 260."""
    period = period or f"{_PERIOD_SLUGS[plan.period.kind]}-{plan.period.year}"
    head = f"{prefix}-tuyen-truyen-CCHC-{period}-{slug(office.kind.value)}"
    name = slug(office.name)
    if len(head) + 1 + len(name) <= STEM_MAX:
        return f"{head}-{name}"
    tag = hashlib.blake2s(name.encode(), digest_size=4).hexdigest()
    room = STEM_MAX - len(head) - len(tag) - 2
    cut = name[: room + 1].rfind("-")
    return f"{head}-{name[: cut if cut > 0 else room]}-{tag}"


@dataclass(frozen=True, slots=True)
class PackagePlan:
    """Where each file of the package goes."""

    docx: Path
    xlsx: Path
    pdf: Path | None
    zip: Path | None

    @property
    def files(self) -> list[Path]:
        return [p for p in (self.docx, self.xlsx, self.pdf, self.zip) if p is not None]


def package_paths(
    plan: Plan, office: Office, folder: Path, *, pdf: bool = True, make_zip: bool = False
) -> PackagePlan:
    stem = document_stem("KH", plan, office)
    return PackagePlan(
        docx=folder / f"{stem}.docx",
        xlsx=folder / f"{stem}-phu-luc.xlsx",
        pdf=folder / f"{stem}.pdf" if pdf else None,
        zip=folder / f"{stem}.zip" if make_zip else None,
    )


@dataclass
class ExportResult:
    files: list[Path]
    warnings: list[str] = field(default_factory=list)


def export_package(
    plan: Plan,
    office: Office,
    folder: Path,
    *,
    pdf_writer: PdfWriter | None = None,
    make_zip: bool = False,
    overwrite: bool = False,
    replace_read_only: bool = False,
    today: date | None = None,
    history: PlanHistory | None = None,
    step: Callable[[Path], None] = lambda _target: None,
    waiting: Callable[[], None] = lambda: None,
) -> ExportResult:
    """Write the .docx, the .xlsx and (given a writer) the .pdf, then optionally the .zip, into
    a staging folder; move them into place only when every one is whole. The .xlsx and the
    .zip carry the plan's data with its tasks' ``history`` (documents/plan_package.py).

    Refuses, before writing anything, when a target is read-only and ``replace_read_only`` is
    false (ReadOnlyTargetError), or exists and ``overwrite`` is false (TargetsExistError).
    ``step`` is told of each file before it is written (a progress bar); what it raises stops
    the export there, with nothing moved into place.

    The PDF writer is called first: it may hand back a ``Pending`` file, painted meanwhile by
    a second process (render/pdf_process.py), which is waited for after the .xlsx and stopped
    if the export stops or fails. ``waiting`` is called now and then meanwhile (a progress
    window repaints); what it raises stops the export too.
    """
    from cchc_desktop.documents.appendix_xlsx import write_appendix_xlsx
    from cchc_desktop.documents.nd30 import write_docx

    paths = package_paths(plan, office, folder, pdf=pdf_writer is not None, make_zip=make_zip)
    _refuse(folder, paths.files, overwrite=overwrite, replace_read_only=replace_read_only)
    with held_still(), _collector_paused(), Staging(folder) as staging:
        pending = None
        if pdf_writer is not None and paths.pdf is not None:  # first: it may go on elsewhere
            pending = pdf_writer(plan, office, staging.path(paths.pdf))
        try:
            outline = pending.outline if isinstance(pending, Pending) else None
            outline = outline or plan_outline(plan, office)  # one outline for every file
            step(paths.docx)
            warnings = write_docx(outline, staging.path(paths.docx))
            step(paths.xlsx)
            xlsx = write_appendix_xlsx(
                plan, office, staging.path(paths.xlsx), today, history, outline=outline
            )
            warnings += [w for w in xlsx if w not in warnings]
            if paths.pdf is not None:
                step(paths.pdf)
                if isinstance(pending, Pending):
                    pending.wait(waiting)
            if paths.zip is not None:
                step(paths.zip)
                _write_zip(staging, paths, package_json(plan, office, history))
            staging.commit(paths.files)
        finally:
            if isinstance(pending, Pending):
                pending.cancel()
    return ExportResult(paths.files, warnings)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the files are written: they make hundreds of
    thousands of short-lived objects, freed as they go, and the collector would otherwise walk
    the whole plan again and again (a tenth of the time for a big plan)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _write_zip(staging: Staging, paths: PackagePlan, data: bytes) -> None:
    members = [p for p in (paths.docx, paths.xlsx, paths.pdf) if p is not None]
    assert paths.zip is not None

    def write_zip(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            for member in members:
                archive.write(staging.path(member), member.name)
            archive.writestr(DATA_MEMBER, data)

    write_atomically(staging.path(paths.zip), write_zip)


def _refuse(
    folder: Path, targets: Sequence[Path], *, overwrite: bool, replace_read_only: bool
) -> None:
    """Before anything is written: what a killed export left is put right first (it may put
    old files back), then read-only targets, then existing ones, unless allowed."""
    remove_leftovers(folder)
    refuse_read_only(targets, allowed=replace_read_only)
    existing = [p for p in targets if p.exists()]
    if existing and not overwrite:
        raise TargetsExistError(existing)


def report_paths(report: Report, folder: Path) -> tuple[Path, Path]:
    """ "BC-tuyen-truyen-CCHC-quy-III-2025-xa-Quyet-Thang.docx" and its "-ket-qua.xlsx"."""
    stem = document_stem("BC", report.plan, report.office, report.data.report.slug)
    return folder / f"{stem}.docx", folder / f"{stem}-ket-qua.xlsx"


def export_report(
    report: Report, folder: Path, *, overwrite: bool = False, replace_read_only: bool = False
) -> ExportResult:
    """Write the report's .docx and .xlsx both or neither; refuses before writing, as
    ``export_package`` does, when one exists already or is read-only."""
    from cchc_desktop.documents.report_docx import write_report_docx
    from cchc_desktop.documents.report_xlsx import write_report_xlsx

    targets = list(report_paths(report, folder))
    _refuse(folder, targets, overwrite=overwrite, replace_read_only=replace_read_only)
    docx_path, xlsx_path = targets
    with _collector_paused(), Staging(folder) as staging:
        warnings = write_report_docx(report, staging.path(docx_path))
        warnings += [
            w for w in write_report_xlsx(report, staging.path(xlsx_path)) if w not in warnings
        ]
        staging.commit(targets)
    return ExportResult(targets, warnings)
