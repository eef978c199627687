"""A plan's machine-readable copy in the files sent out — ``du-lieu-ke-hoach.json`` in the .zip,
a hidden sheet in the appendix .xlsx — and bringing a plan in from either file (found by what
the file holds, not its name), its office found or created.

The hidden sheet, not a custom XML part: LibreOffice drops custom XML parts when it saves a
workbook again, while a hidden sheet survives Excel, LibreOffice and WPS (LibreOffice keeps it
hidden rather than very hidden)."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_desktop import __version__
from cchc_desktop.core import interchange
from cchc_desktop.core.cleaning import printable
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.interchange import PlanData, PlanHistory, PlanReturn
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.documents.docx_reader import MAX_PART_BYTES, MAX_TOTAL_BYTES
from cchc_desktop.errors import DataFormatError, DocumentImportError

if TYPE_CHECKING:
    from openpyxl import Workbook

    from cchc_desktop.documents.sheets import Cells
    from cchc_desktop.store.exchange import MovedPlan, SamePlan
    from cchc_desktop.store.repository import Repository

DATA_MEMBER = "du-lieu-ke-hoach.json"  # in the .zip
DATA_SHEET = "du-lieu-ke-hoach"  # in the appendix .xlsx, hidden
DATA_NOTE = (
    "Dữ liệu của kế hoạch để chuyển sang máy khác hoặc để cấp trên tổng hợp "
    "(ứng dụng Kế hoạch tuyên truyền CCHC). Đừng sửa trang này."
)
DATA_ROW_PT = 15.75  # a row of one line, as the workbook's others
CHUNK = 30_000  # characters of JSON per cell, under Excel's 32,767
PACKAGE_SUFFIXES = (".zip", ".xlsx")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _plan_data(plan: Plan, office: Office, history: PlanHistory | None) -> PlanData:
    """The data as the documents print it: text no file can hold left out (core/cleaning.py;
    the documents beside it say what was removed)."""
    return PlanData(
        plan=printable(plan)[0],
        office=printable(office)[0],
        history={
            uid: tuple(printable(line)[0] for line in lines)
            for uid, lines in (history or {}).items()
        },
        exported_at=Clock().stamp(),
        app_version=__version__,
    )


def package_json(plan: Plan, office: Office, history: PlanHistory | None) -> bytes:
    """``du-lieu-ke-hoach.json`` of a package."""
    return interchange.dumps(_plan_data(plan, office, history)).encode("utf-8")


def embed_plan_data(
    workbook: Workbook,
    plan: Plan,
    office: Office,
    history: PlanHistory | None,
    cells: Cells | None = None,
) -> None:
    """The plan's data as a last, hidden sheet: a note in A1, the JSON from A2 down (printed,
    if ever shown and printed, as the workbook's other sheets). Given the workbook's ``cells``
    (documents/sheets.py), the rows are written in bulk with its other tables."""
    from cchc_desktop.documents.sheets import print_setup

    sheet = workbook.create_sheet(DATA_SHEET)
    sheet.sheet_state = "veryHidden"
    print_setup(sheet, "1:1")
    # Escaped to ASCII: a cell's XML cannot hold every character a JSON string may.
    text = interchange.dumps(_plan_data(plan, office, history), ascii_only=True)
    values = [DATA_NOTE, *(text[i : i + CHUNK] for i in range(0, len(text), CHUNK))]
    if cells is not None:
        from openpyxl.styles import Font

        from cchc_desktop.documents.layout import FONT
        from cchc_desktop.documents.sheets import Look

        look = Look(Font(name=FONT, size=12))
        rows = cells.rows(sheet, 1)
        for value in values:
            rows.add([(value, look)], DATA_ROW_PT)  # inline text: never a formula
        return
    for row, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=1, value=value)
        cell.data_type = "s"  # a chunk starting "=" stays text


# --- reading ---------------------------------------------------------------------------------


READ_FAILED = "Không đọc được tệp «{name}»: "


def _fail(name: str, problem: str) -> DocumentImportError:
    return DocumentImportError(READ_FAILED.format(name=name) + problem)


def is_plan_package(path: Path) -> bool:
    """A .zip or .xlsx, or any zip holding the data or a workbook (a .docx is not one)."""
    if path.suffix.lower() in PACKAGE_SUFFIXES:
        return True
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return DATA_MEMBER in names or "xl/workbook.xml" in names


class _Archive:
    """A zip read through size limits (a crafted file must not unpack gigabytes)."""

    def __init__(self, source: Path | bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
            infos = self.zip.infolist()
        except FileNotFoundError as exc:
            raise _fail(name, "không tìm thấy tệp.") from exc
        except IsADirectoryError as exc:
            raise _fail(name, "đây là một thư mục.") from exc
        except OSError as exc:
            raise _fail(name, f"không mở được ({exc.strerror or exc}).") from exc
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            raise _fail(name, "tệp bị hỏng, không phải tệp nén (.zip, .xlsx) đọc được.") from exc
        problem = (
            "tệp có đặt mật khẩu."
            if any(i.flag_bits & 0x1 for i in infos)
            else "tệp nén bất thường (giải nén quá lớn), không an toàn để mở."
            if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES
            else ""
        )
        if problem:
            self.zip.close()
            raise _fail(name, problem)
        self.infos = {i.filename: i for i in infos}

    def __enter__(self) -> _Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zip.close()

    def read(self, member: str) -> bytes | None:
        info = self.infos.get(member)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise _fail(self.name, "tệp nén bất thường (giải nén quá lớn), không an toàn để mở.")
        try:
            return self.zip.read(info)
        except (
            zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
        ) as exc:  # fmt: skip
            raise _fail(self.name, f"phần «{member}» bị hỏng.") from exc

    def xml(self, member: str) -> Any:
        from lxml import etree

        data = self.read(member)
        if data is None:
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise _fail(self.name, f"phần «{member}» bị hỏng (XML không đọc được).") from exc


def _sheet_member(archive: _Archive) -> str | None:
    """Where the workbook keeps the data sheet, from its list of sheets and their links."""
    workbook = archive.xml("xl/workbook.xml")
    rels = archive.xml("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return None
    rel_id = next(
        (
            s.get(f"{{{_REL}}}id")
            for s in workbook.iter(f"{{{_MAIN}}}sheet")
            if s.get("name") == DATA_SHEET
        ),
        None,
    )
    for rel in rels.iter(f"{{{_PACKAGE_REL}}}Relationship"):
        if rel_id is not None and rel.get("Id") == rel_id:
            target = str(rel.get("Target", ""))
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _cell_texts(archive: _Archive, member: str) -> Iterator[str]:
    """Column A of a sheet from row 2 on, whether its text is shared (as Excel and LibreOffice
    write it) or inline."""
    sheet = archive.xml(member)
    if sheet is None:
        raise _fail(archive.name, "thiếu trang dữ liệu kế hoạch.")
    shared: list[str] | None = None
    for cell in sheet.iter(f"{{{_MAIN}}}c"):
        ref = str(cell.get("r", ""))
        if not ref.startswith("A") or ref == "A1" or not ref[1:].isdigit():
            continue
        kind = cell.get("t")
        if kind == "s":
            if shared is None:
                strings = archive.xml("xl/sharedStrings.xml")
                shared = [] if strings is None else [_text(si) for si in strings]
            value = cell.find(f"{{{_MAIN}}}v")
            index = int(value.text) if value is not None and str(value.text).isdigit() else -1
            if not 0 <= index < len(shared):
                raise _fail(archive.name, "trang dữ liệu kế hoạch bị hỏng.")
            yield shared[index]
        elif kind == "inlineStr":
            found = cell.find(f"{{{_MAIN}}}is")
            yield "" if found is None else _text(found)
        else:  # a chunk that Excel took for a number or a formula: its value as shown
            value = cell.find(f"{{{_MAIN}}}v")
            yield "" if value is None or value.text is None else str(value.text)


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{_MAIN}}}t"))


def _workbook_json(archive: _Archive) -> str | None:
    member = _sheet_member(archive)
    return None if member is None else "".join(_cell_texts(archive, member))


NO_DATA = (
    "tệp không có dữ liệu kế hoạch (chỉ gói .zip và tệp phụ lục .xlsx do ứng dụng xuất từ "
    "phiên bản có chức năng gửi kế hoạch mới có)."
)


def _read_json(path: Path) -> str | bytes:
    """The plan data a .zip package or appendix .xlsx holds (a zip without its own JSON may hold
    the appendix workbook); DocumentImportError naming the file when it has none or is
    damaged."""
    with _Archive(path, path.name) as archive:
        return _package_json(archive, path.name)


def _package_json(archive: _Archive, name: str) -> str | bytes:
    found: str | bytes | None = archive.read(DATA_MEMBER)
    if found is None:
        found = _workbook_json(archive)
    if found is None:
        for member in sorted(archive.infos):
            if member.lower().endswith(".xlsx"):
                data = archive.read(member)
                assert data is not None
                with _Archive(data, f"{name}/{member}") as inner:
                    found = _workbook_json(inner)
                if found is not None:
                    break
    if found is None:
        raise _fail(name, NO_DATA)
    return found


def _checked(path: Path, error: DataFormatError) -> DocumentImportError:
    return _fail(path.name, f"{error.message} Tệp có thể đã bị sửa hoặc hỏng.")


def read_plan_file(path: Path) -> PlanData:
    """The whole plan a package or appendix .xlsx carries, every field checked."""
    text = _read_json(path)
    try:
        return interchange.loads(text)
    except DataFormatError as error:
        raise _checked(path, error) from error


def read_plan_return(path: Path) -> PlanReturn:
    """What the level above reads of a package (see ``interchange.load_return``)."""
    text = _read_json(path)
    try:
        return interchange.load_return(text)
    except DataFormatError as error:
        raise _checked(path, error) from error


# --- bringing a plan in ----------------------------------------------------------------------


def _office_for(data: PlanData, repo: Repository) -> Office:
    """The office of the database the plan joins: the same uid, else the same kind and name;
    else the package's office, to be created (its id None)."""
    from cchc_desktop.documents.word_import import same_office

    offices = repo.offices()
    found = next((o for o in offices if o.uid == data.office.uid), None)
    found = found or next((o for o in offices if same_office(o, data.office)), None)
    if found is not None:
        return found
    office = data.office
    office.id = None
    return office


def import_plan_data(data: PlanData, repo: Repository, choice: SamePlan | None) -> MovedPlan:
    """The plan of a package saved with its office (found or created), tracking and history,
    in one transaction; a plan already here is replaced or kept beside it as ``choice`` says
    (SamePlanError when None)."""
    from cchc_desktop.core.serialize import to_data
    from cchc_desktop.store.exchange import save_moved_plan

    office = _office_for(data, repo)
    differs = office.id is not None and _profile(to_data(office)) != _profile(to_data(data.office))
    moved = save_moved_plan(repo, data, office, choice)
    if differs:
        moved.warnings.append(
            f"Hồ sơ cơ quan «{office.name}» ở máy này khác hồ sơ trong tệp; giữ hồ sơ ở máy này "
            "(văn bản xuất ra in theo hồ sơ này)."
        )
    return moved


def _profile(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("id", "uid")}
