"""A read plan saved: joined to its office when the database has it (a commune by its name, an
agency also by the body above it), the warnings said once; a .doc or .rtf handed to
LibreOffice, found where Windows installs it, and each way converting can fail said in one
line with nothing written."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.model import ItemRole, walk
from cchc_desktop.documents import word_import
from cchc_desktop.documents.word_import import import_plan, read_plan, save_plan
from cchc_desktop.store.database import open_database
from cchc_desktop.store.repository import Repository
from tests.importing.wordgen import CLOSING, Writer, commune_plan

SUMMARY = "Tuyên truyền cải cách hành chính năm 2026"


def quyet_thang_2026(path: Path, date_line: str) -> Path:
    """xã Quyết Thắng's next plan, its date line typed by a new clerk."""
    w = Writer()
    w.header_table(["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"], "Số: 02/KH-UBND", date_line)
    w.title([SUMMARY])
    w.para("I. TỔ CHỨC THỰC HIỆN", bold=True)
    w.para("1. Văn phòng HĐND và UBND xã", bold=True)
    w.para("Chủ trì, theo dõi.")
    w.para("2. Phòng Văn hóa - Xã hội", bold=True)
    w.para("Tuyên truyền trên hệ thống truyền thanh.")
    w.ending()
    return w.save(path)


def unit_keys(plan) -> list[str]:
    return [i.unit_key for i in walk(plan.sections) if i.role is ItemRole.UNIT]


def test_a_communes_next_plan_joins_its_office_and_the_other_communes_stay_apart(
    tmp_path, repo, word_files
):
    other = import_plan(commune_plan().save(tmp_path / "an-lao.docx"), repo)
    first = import_plan(word_files["002-paragraphs"], repo)
    assert first.office_created and first.office.id != other.office.id
    office = first.office
    assert [u.key for u in office.units if u.key] == ["vhxh", "dvsnc"]

    same_place = import_plan(
        quyet_thang_2026(tmp_path / "qt.docx", "Tiên Lãng, ngày 05 tháng 01 năm 2026"), repo
    )
    assert (same_place.office_created, same_place.office.id) == (False, office.id)
    assert same_place.warnings == []
    # the blocks are tied to the office's own units, by their names
    assert unit_keys(repo.plan(same_place.plan_id)) == ["", "vhxh"]

    moved = import_plan(
        quyet_thang_2026(tmp_path / "qt-2.docx", "Quyết Thắng, ngày 06 tháng 01 năm 2026"), repo
    )
    assert moved.office.id == office.id
    assert moved.warnings == [
        "Dòng địa danh của văn bản là «Quyết Thắng», hồ sơ cơ quan ghi «Tiên Lãng»: văn bản "
        "xuất ra in theo hồ sơ cơ quan."
    ]
    assert len(repo.offices()) == 2


def agency_plan(path: Path, commune: str) -> Path:
    w = Writer()
    w.header_table([f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}", "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH"],
                   "Số: 03/KH-BCĐ", f"{commune}, ngày 02 tháng 3 năm 2026")  # fmt: skip
    w.title([SUMMARY])
    w.para(f"Thực hiện Kế hoạch của Ủy ban nhân dân xã {commune};")
    w.small_body()
    w.ending()
    return w.save(path)


def test_agencies_of_the_same_name_are_one_office_only_under_the_same_body(tmp_path, repo):
    first = import_plan(agency_plan(tmp_path / "a.docx", "An Lão"), repo)
    again = import_plan(agency_plan(tmp_path / "b.docx", "An Lão"), repo)
    elsewhere = import_plan(agency_plan(tmp_path / "c.docx", "Tân Dân"), repo)
    assert first.office_created and not again.office_created
    assert again.office.id == first.office.id
    assert elsewhere.office_created and elsewhere.office.id != first.office.id
    assert [o.governing_body for o in repo.offices()] == [
        "Ủy ban nhân dân xã An Lão",
        "Ủy ban nhân dân xã Tân Dân",
    ]


def commune_decision(path: Path, *, with_decision: bool) -> Path:
    """xã An Lão's decision issuing its plan, the plan with its "(Kèm theo …)" line; or the
    plan alone, copied out of it."""
    w = Writer()
    w.header_table(["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"], "Số: 15/QĐ-UBND",
                   "An Lão, ngày 12 tháng 7 năm 2025")  # fmt: skip
    if with_decision:
        w.para("QUYẾT ĐỊNH", bold=True, center=True)
        w.para("Ban hành Kế hoạch tuyên truyền cải cách hành chính", bold=True, center=True)
        w.para("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền.")
    w.para("KẾ HOẠCH", bold=True, center=True)
    w.para("Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025", bold=True, center=True)
    w.para("(Kèm theo Quyết định số 15/QĐ-UBND ngày 12/7/2025 của Ủy ban nhân dân xã An Lão)",
           italic=True, center=True)  # fmt: skip
    w.small_body()
    w.para(CLOSING)
    return w.save(path)


ATTACHMENT_KEPT = (
    "Dòng «(Kèm theo Quyết định …)» dưới trích yếu được giữ như một dòng của trích yếu."
)


@pytest.mark.parametrize("with_decision", [True, False])
def test_the_kem_theo_line_is_said_once_when_saved_as_a_plan(tmp_path, repo, with_decision):
    path = commune_decision(tmp_path / "qd.docx", with_decision=with_decision)
    parsed = read_plan(path)
    assert parsed.plan.summary == (
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025\n(Kèm theo Quyết định số "
        "15/QĐ-UBND ngày 12/7/2025 của Ủy ban nhân dân xã An Lão)"
    )
    assert ATTACHMENT_KEPT not in parsed.warnings  # not for a template: it leaves the line out
    saved = save_plan(parsed, repo)
    assert saved.warnings.count(ATTACHMENT_KEPT) == 1
    assert (saved.plan.number, saved.plan.issued_on is None) == (
        ("", True) if with_decision else ("15", False)
    )


# --- converting a .doc --------------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "cchc.sqlite"
    Repository(open_database(path)).close()
    return path


def refused(path, database, capsys, *, expect: str) -> str:
    before = database.read_bytes()
    assert main(["import", str(path), "--db", str(database)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cchc: ") and expect in err
    assert database.read_bytes() == before
    return err


def old_word_file(tmp_path) -> Path:
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(OLE + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 512)
    return path


def fake_libreoffice(tmp_path, script: str) -> str:
    """A program standing in for LibreOffice (the real one is tested when installed)."""
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    return str(program)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in is a shell script")
def test_a_conversion_that_never_ends_is_stopped(tmp_path, database, capsys, monkeypatch):
    program = fake_libreoffice(tmp_path, "exec sleep 30\n")
    monkeypatch.setattr(word_import, "find_libreoffice", lambda: program)
    monkeypatch.setattr(word_import, "CONVERT_TIMEOUT_S", 1)
    refused(old_word_file(tmp_path), database, capsys,
            expect="LibreOffice không chuyển xong tệp «ke-hoach.doc» sau 1 giây")  # fmt: skip


@pytest.mark.skipif(os.name != "posix", reason="the stand-in is a shell script")
def test_a_conversion_that_writes_nothing(tmp_path, database, capsys, monkeypatch):
    program = fake_libreoffice(tmp_path, "exit 0\n")
    monkeypatch.setattr(word_import, "find_libreoffice", lambda: program)
    refused(old_word_file(tmp_path), database, capsys,
            expect="LibreOffice không chuyển được tệp «ke-hoach.doc» (tệp có mật khẩu")  # fmt: skip


def test_a_libreoffice_that_cannot_be_started(tmp_path, database, capsys, monkeypatch):
    broken = tmp_path / "soffice.exe"
    broken.write_bytes(b"")  # a leftover of an uninstalled LibreOffice, not a program
    monkeypatch.setattr(word_import, "find_libreoffice", lambda: str(broken))
    refused(old_word_file(tmp_path), database, capsys,
            expect="Không chạy được LibreOffice để chuyển tệp «ke-hoach.doc»")  # fmt: skip


def test_an_rtf_without_libreoffice_is_named_for_what_it_is(tmp_path, database, capsys,
                                                            monkeypatch):  # fmt: skip
    monkeypatch.setattr(word_import, "find_libreoffice", lambda: None)
    path = tmp_path / "ke-hoach.rtf"
    path.write_text(r"{\rtf1\ansi KE HOACH}", encoding="ascii")
    err = refused(path, database, capsys, expect="Tệp «ke-hoach.rtf» là định dạng RTF và máy")
    assert "lưu lại dưới dạng .docx" in err


def test_libreoffice_is_found_where_windows_installs_it(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    programs, programs_x86 = tmp_path / "Program Files", tmp_path / "Program Files (x86)"
    monkeypatch.setenv("PROGRAMFILES", str(programs))
    monkeypatch.setenv("PROGRAMFILES(X86)", str(programs_x86))
    assert word_import.find_libreoffice() is None
    soffice = programs_x86 / "LibreOffice" / "program" / "soffice.exe"
    soffice.parent.mkdir(parents=True)
    soffice.write_bytes(b"MZ")
    assert word_import.find_libreoffice() == str(soffice)


# --- what cannot be saved as a plan ----------------------------------------------------------


def test_a_plan_whose_issuer_cannot_be_read_is_refused(tmp_path, database, capsys):
    w = Writer()
    w.title([SUMMARY])
    w.small_body()
    w.para("Trên đây là Kế hoạch tuyên truyền cải cách hành chính./.")
    path = w.save(tmp_path / "khong-ten.docx")
    assert (
        "Không đọc được tên cơ quan ban hành ở đầu văn bản; hãy kiểm tra hồ sơ cơ quan."
        in read_plan(path).warnings
    )
    refused(path, database, capsys, expect="Không đọc được tên cơ quan ban hành ở đầu văn bản")


def test_a_fault_inside_the_reader_is_one_line_for_the_officer_and_logged_for_support(
    tmp_path, database, capsys, monkeypatch, caplog
):
    def fault(document):
        raise KeyError("w:numId")

    monkeypatch.setattr(word_import, "parse_plan", fault)
    path = commune_plan().save(tmp_path / "ke-hoach.docx")
    with caplog.at_level(logging.ERROR, logger="cchc_desktop"):
        refused(path, database, capsys,
                expect="Không đọc được nội dung tệp «ke-hoach.docx»: văn bản có chỗ chương "
                       "trình chưa hiểu (KeyError). Hãy gửi tệp cho người hỗ trợ.")  # fmt: skip
    assert caplog.records[-1].exc_info[0] is KeyError
