"""Bringing a Word file in: the file checked and, for a .doc, converted by LibreOffice; the
plan read and parsed; then saved as a plan (its office found or created) or turned into a
template — each save one transaction, and nothing written when anything fails before it."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_desktop.core import office as office_words
from cchc_desktop.core.docsource import SourceDocument
from cchc_desktop.core.model import Office, Plan, Signer
from cchc_desktop.core.plan_parser import ParsedPlan, parse_plan
from cchc_desktop.core.text import fold
from cchc_desktop.core.unit_names import match_unit, unit_name_of
from cchc_desktop.documents.docx_reader import read_bytes, read_docx_bytes, sniff
from cchc_desktop.errors import CchcError, DocumentImportError

if TYPE_CHECKING:
    from cchc_desktop.store.repository import Repository

log = logging.getLogger("cchc_desktop")
CONVERT_TIMEOUT_S = 180
WORD_SUFFIXES = (".docx", ".doc", ".docm", ".dotx", ".rtf")


def find_libreoffice() -> str | None:
    """LibreOffice's program, from PATH or its usual Windows folders."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for base in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
        candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
        if base and candidate.is_file():
            return str(candidate)
    return None


def convert_to_docx(path: Path, soffice: str | None = None, *, kind: str = "doc") -> bytes:
    """A .doc (or, ``kind="rtf"``, an RTF file) converted to .docx by LibreOffice, in a private
    profile so that a LibreOffice the officer has open is not disturbed."""
    program = soffice or find_libreoffice()
    if program is None:
        form = "RTF" if kind == "rtf" else "Word 97-2003 (.doc)"
        raise DocumentImportError(
            f"Tệp «{path.name}» là định dạng {form} và máy chưa cài LibreOffice để "
            "chuyển đổi: hãy mở tệp bằng Word và lưu lại dưới dạng .docx (Tệp → Lưu thành → "
            "Word Document), rồi nhập tệp .docx."
        )
    with tempfile.TemporaryDirectory(prefix="cchc-doc-") as folder:
        work = Path(folder)
        source = work / ("in" + (path.suffix.lower() or ".doc"))
        shutil.copyfile(path, source)
        out = work / "out"
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--norestore", "--nologo", "--nolockcheck",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source),
        ]  # fmt: skip
        try:
            subprocess.run(
                command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            raise DocumentImportError(
                f"LibreOffice không chuyển xong tệp «{path.name}» sau {CONVERT_TIMEOUT_S} giây; "
                "hãy mở tệp bằng Word và lưu lại dưới dạng .docx."
            ) from exc
        except OSError as exc:
            raise DocumentImportError(
                f"Không chạy được LibreOffice để chuyển tệp «{path.name}» ({exc.strerror or exc})."
            ) from exc
        result = out / "in.docx"
        if not result.is_file():
            raise DocumentImportError(
                f"LibreOffice không chuyển được tệp «{path.name}» (tệp có mật khẩu hoặc bị hỏng); "
                "hãy mở bằng Word, kiểm tra rồi lưu lại dưới dạng .docx."
            )
        return result.read_bytes()


def load_document(path: Path) -> SourceDocument:
    """The document in a Word file: a .docx read directly, a .doc or .rtf converted first."""
    data = read_bytes(path)
    kind = sniff(data)
    if kind in ("doc", "rtf"):
        data = convert_to_docx(path, kind=kind)
    elif kind == "":
        raise DocumentImportError(
            f"Không nhập được tệp «{path.name}»: đây không phải tệp Word (.docx hoặc .doc)."
        )
    return read_docx_bytes(data, path.name)


def read_plan(path: Path) -> ParsedPlan:
    """The plan a Word file holds (nothing saved). Whatever goes wrong in reading an unusual
    file is told in one line, never as a traceback (and logged for whoever supports)."""
    try:
        return parse_plan(load_document(path))
    except CchcError:
        raise
    except Exception as exc:
        log.exception("reading %s", path)
        raise DocumentImportError(
            f"Không đọc được nội dung tệp «{path.name}»: văn bản có chỗ chương trình chưa "
            f"hiểu ({type(exc).__name__}). Hãy gửi tệp cho người hỗ trợ."
        ) from exc


# --- saving as a plan ----------------------------------------------------------------------


@dataclass(slots=True)
class ImportedPlan:
    plan: Plan
    office: Office
    office_created: bool
    warnings: list[str] = field(default_factory=list)

    @property
    def plan_id(self) -> int:
        assert self.plan.id is not None
        return self.plan.id


def same_office(a: Office, b: Office) -> bool:
    """The same issuer: its kind and name (and, for an agency, its governing body)."""
    if a.kind is not b.kind or fold(a.name) != fold(b.name) or not a.name.strip():
        return False
    if a.kind.is_commune:
        return True
    return (
        not a.governing_body
        or not b.governing_body
        or fold(a.governing_body) == fold(b.governing_body)
    )


def check_plan(parsed: ParsedPlan) -> None:
    """Refuse, before anything is written, a plan that cannot be tracked as one."""
    if parsed.level == "superior":
        raise DocumentImportError(
            f"Văn bản do {parsed.issuer_name} ban hành: chương trình theo dõi kế hoạch của xã, "
            "phường, đặc khu và các cơ quan, đơn vị; hãy nhập văn bản này làm mẫu kế hoạch "
            "(cchc import … --template TÊN, hoặc chọn «Làm mẫu» khi nhập)."
        )
    if not parsed.office.name.strip():
        raise DocumentImportError(
            "Không đọc được tên cơ quan ban hành ở đầu văn bản (ví dụ «ỦY BAN NHÂN DÂN / XÃ …»); "
            "hãy kiểm tra phần đầu văn bản rồi nhập lại."
        )


def save_plan(parsed: ParsedPlan, repo: Repository) -> ImportedPlan:
    """The parsed plan saved, with its office found among the database's or created from
    the header; one transaction."""
    check_plan(parsed)
    plan = parsed.plan
    warnings = list(parsed.warnings)
    if parsed.attachment_of:
        warnings.append(
            "Dòng «(Kèm theo Quyết định …)» dưới trích yếu được giữ như một dòng của trích yếu."
        )
    found = next((o for o in repo.offices() if same_office(o, parsed.office)), None)
    with repo.transaction():
        if found is None:
            office = parsed.office
            if plan.signer is not None and plan.signer.name:
                office.signers = [Signer(plan.signer.name, list(plan.signer.authority_lines))]
            repo.save_office(office)
        else:
            office = found
            _link_units(plan, office)
            typed_place = parsed.header.place
            if typed_place and fold(typed_place) != fold(office_words.place(office)):
                warnings.append(
                    f"Dòng địa danh của văn bản là «{typed_place}», hồ sơ cơ quan ghi "
                    f"«{office_words.place(office)}»: văn bản xuất ra in theo hồ sơ cơ quan."
                )
        plan.office_id = office.id
        repo.save_plan(plan)
    return ImportedPlan(plan, office, found is None, warnings)


def _link_units(plan: Plan, office: Office) -> None:
    """The units' blocks tied to the found office's own units, by name."""
    from cchc_desktop.core.model import ItemRole, walk

    for block in walk(plan.sections):
        if block.role is ItemRole.UNIT:
            unit = match_unit(unit_name_of(block.text)[0], office.units)
            block.unit_key = unit.key if unit is not None else ""


def import_plan(path: Path, repo: Repository) -> ImportedPlan:
    """A Word file read and saved as a plan to track."""
    return save_plan(read_plan(path), repo)


# --- as a template -------------------------------------------------------------------------


def template_data(parsed: ParsedPlan, *, name: str = "") -> dict[str, Any]:
    """The parsed plan as template data, checked by the template loader."""
    from cchc_desktop.core.template import bundled_template, parse_template
    from cchc_desktop.core.template_builder import build_template

    data = build_template(parsed, bundled_template(), name=name)
    parse_template(data, data.get("name", "mẫu"))
    return data
