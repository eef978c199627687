"""The plan's data as it travels: versioned, read back whole, and a damaged, foreign or newer
file refused with one Vietnamese line that names the field — before any database is touched."""

from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest

from cchc_desktop.cli import main
from cchc_desktop.core import interchange
from cchc_desktop.core.interchange import PlanData
from cchc_desktop.core.tracking import HistoryEntry
from cchc_desktop.documents.plan_package import (
    DATA_MEMBER,
    embed_plan_data,
    is_plan_package,
    read_plan_file,
    read_plan_return,
)
from cchc_desktop.errors import DataFormatError, DocumentImportError
from tests.exchange.conftest import minimal_package, sample

STAMP = "2025-10-01T02:00:00+00:00"


def document() -> dict:
    plan, office = sample()
    first = plan.tasks[0]
    history = {first.uid: (HistoryEntry("2025-09-05T01:30:00+00:00", "status", "a", "b"),)}
    return interchange.to_document(PlanData(plan, office, history, STAMP, "0.1.0"))


def test_the_data_reads_back_as_it_was_written():
    plan, office = sample()
    plan.id, office.id = 7, 3
    history = {plan.tasks[2].uid: (HistoryEntry(STAMP, "evidence", "", "Công văn 45"),)}
    data = interchange.loads(interchange.dumps(PlanData(plan, office, history, STAMP, "0.1.0")))
    plan.id = office.id = plan.office_id = None  # a row number of the sender means nothing here
    assert data.plan == plan and data.office == office
    assert data.history == history and data.exported_at == STAMP
    escaped = interchange.dumps(PlanData(plan, office, history, STAMP), ascii_only=True)
    assert escaped.isascii() and interchange.loads(escaped).plan == plan


def test_a_plan_of_the_first_model_format_inside_is_upgraded():
    raw = document()
    raw["plan"] = {
        "format": 1,
        "office_id": None,
        "period": {"kind": "second_half", "year": 2025},
        "summary": "Tuyên truyền CCHC",
        "sections": [{"kind": "section", "text": "Mục đích", "children": [
            {"kind": "dash", "text": "Một ý"}]}],
        "duties": [{"heading": "Phòng Văn hóa - Xã hội", "unit_key": "vhxh", "items": []}],
        "tasks": [{"title": "Tin, bài", "status": "done"}],
    }  # fmt: skip
    raw["history"] = {}
    data = interchange.loads(json.dumps(raw))
    assert [s.text for s in data.plan.sections] == ["Mục đích", "Tổ chức thực hiện"]
    assert data.plan.sections[0].children[0].marker.value == "-"
    assert interchange.load_return(json.dumps(raw)).tasks[0].title == "Tin, bài"


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda d: d["plan"]["tasks"][2].update(status="xong"), "plan.tasks[2].status", "«xong»"),
        (lambda d: d["plan"]["tasks"][0].update(results=[{"count": "5", "unit": "tin"}]),
         "plan.tasks[0].results[0].count", "số nguyên"),
        (lambda d: d.update(version=2), "version", "phiên bản mới hơn"),
        (lambda d: d.update(version="1"), "version", "số nguyên dương"),
        (lambda d: d.update(type="other"), "type", "không phải dữ liệu kế hoạch"),
        (lambda d: d.update(exported_at="hôm qua"), "exported_at", "«hôm qua»"),
        (lambda d: d.pop("office"), "office", "bị thiếu"),
        (lambda d: d["office"].update(kind="huyện"), "office.kind", "«huyện»"),
        (lambda d: d["plan"]["period"].update(year="2025"), "plan.period.year", "số nguyên"),
        (lambda d: d.update(history=[]), "history", "phải là một đối tượng"),
        (lambda d: d["history"].update(abc=[]), "history.abc", "không ứng với nhiệm vụ nào"),
        (lambda d: d["history"][next(iter(d["history"]))][0].update(changed_at=5),
         "changed_at", "thời điểm"),
        (lambda d: d["history"][next(iter(d["history"]))][0].update(new=None), ".new", "chuỗi"),
        (lambda d: d["history"][next(iter(d["history"]))].append(3), "[1]", "đối tượng"),
        (lambda d: d["history"].update({next(iter(d["history"])): {}}), "history.", "danh sách"),
        (lambda d: d["plan"]["tasks"][1].update(uid=d["plan"]["tasks"][0]["uid"]),
         "plan.tasks", "trùng mã"),
    ],
)  # fmt: skip
def test_damaged_data_is_refused_naming_the_field(change, field, problem):
    raw = document()
    change(raw)
    with pytest.raises(DataFormatError) as caught:
        interchange.loads(json.dumps(raw))
    assert field in caught.value.field and problem in caught.value.message
    assert caught.value.message.startswith("Dữ liệu không đọc được: trường «")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["plan"].update(format=9), "plan.format"),
        (lambda d: d["plan"].update(tasks={}), "plan.tasks"),
        (lambda d: d["plan"].update(summary=5), "plan.summary"),
        (lambda d: d["plan"].update(issued_on="31/8/2025"), "plan.issued_on"),
        (lambda d: d["plan"]["tasks"][3].update(chosen="có"), "plan.tasks[3].chosen"),
        (lambda d: d["plan"]["tasks"].append("nhiệm vụ"), "plan.tasks[15]"),
        (lambda d: d["office"].update(name=None), "office.name"),
    ],
)
def test_what_consolidation_reads_is_checked_as_closely(change, field):
    raw = document()
    change(raw)
    with pytest.raises(DataFormatError) as caught:
        interchange.load_return(json.dumps(raw))
    assert caught.value.field == field


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", b"\xff\xfe"])
def test_text_that_is_not_a_json_object_is_refused(text):
    with pytest.raises(DataFormatError, match="toàn bộ"):
        interchange.loads(text)


def test_the_file_is_named_when_its_data_is_damaged(tmp_path, capsys):
    raw = document()
    raw["plan"]["tasks"][2]["status"] = "xong"
    package = tmp_path / "KH-xa-Quyet-Thang.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr(DATA_MEMBER, json.dumps(raw))
    target = tmp_path / "may-2.sqlite"
    assert main(["import", str(package), "--db", str(target)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("cchc: Không đọc được tệp «KH-xa-Quyet-Thang.zip»: Dữ liệu không")
    assert "«plan.tasks[2].status»" in error and "\n" not in error
    assert not target.exists()
    with pytest.raises(DocumentImportError, match=r"plan\.tasks\[2\]"):
        read_plan_return(package)


def _workbook(path, *, data: bool) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Báo cáo"
    if data:
        plan, office = sample()
        embed_plan_data(workbook, plan, office, None)
    workbook.save(path)


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        ("hong.zip", lambda p: p.write_bytes(b"PK\x03\x04 khong phai zip"), "tệp bị hỏng"),
        ("rong.zip", lambda p: p.write_bytes(b""), "tệp bị hỏng"),
        ("khac.zip", lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "không có dữ liệu"),
        ("bao-cao.xlsx", lambda p: _workbook(p, data=False), "không có dữ liệu kế hoạch"),
        ("thu-muc.zip", lambda p: p.mkdir(), "thư mục"),
        ("mat.zip", lambda p: None, "không tìm thấy tệp"),
    ],
)
def test_files_without_plan_data_are_refused_in_one_line(tmp_path, capsys, name, make, said):
    path = tmp_path / name
    make(path)
    target = tmp_path / "may-2.sqlite"
    assert main(["import", str(path), "--db", str(target)]) == 2
    error = capsys.readouterr().err
    assert said in error and f"«{name}»" in error and error.count("\n") == 1
    assert not target.exists()


def test_a_password_protected_package_is_said(tmp_path):
    package = minimal_package(tmp_path, *sample())
    data = package.read_bytes()
    central = data.rindex(b"PK\x01\x02")
    flags = central + 8  # the entry's general-purpose flags: bit 0, encrypted
    package.write_bytes(data[:flags] + b"\x01" + data[flags + 1 :])
    with pytest.raises(DocumentImportError, match="tệp có đặt mật khẩu"):
        read_plan_file(package)


def test_a_zip_bomb_is_not_unpacked(tmp_path, monkeypatch):
    from cchc_desktop.documents import plan_package

    package = minimal_package(tmp_path, *sample())
    monkeypatch.setattr(plan_package, "MAX_PART_BYTES", 1000)
    with pytest.raises(DocumentImportError, match="giải nén quá lớn"):
        read_plan_file(package)
    monkeypatch.setattr(plan_package, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(DocumentImportError, match="giải nén quá lớn"):
        read_plan_file(package)


def test_a_damaged_member_is_named(tmp_path):
    package = minimal_package(tmp_path, *sample())
    data = bytearray(package.read_bytes())
    start = data.index(b"du-lieu-ke-hoach.json") + len(b"du-lieu-ke-hoach.json")
    data[start + 10 : start + 60] = b"\0" * 50
    package.write_bytes(bytes(data))
    with pytest.raises(DocumentImportError, match=r"du-lieu-ke-hoach\.json"):
        read_plan_file(package)


def test_a_zip_holding_only_the_appendix_workbook_still_carries_the_plan(tmp_path):
    appendix = tmp_path / "phu-luc.xlsx"
    _workbook(appendix, data=True)
    package = tmp_path / "gui-tay.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.write(appendix, "KH-phu-luc.xlsx")
        archive.writestr("ghi-chu.txt", "gửi kèm")
    assert read_plan_file(package).office.name == "Quyết Thắng"


def test_files_are_told_apart_by_what_they_hold(tmp_path):
    appendix = tmp_path / "phu-luc"
    _workbook(appendix, data=True)
    word = tmp_path / "ke-hoach"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert is_plan_package(appendix)
    assert not is_plan_package(word)
    assert is_plan_package(tmp_path / "bat-ky.zip")
    assert not is_plan_package(tmp_path / "khong-co.docx")


def test_a_cell_excel_took_for_a_number_is_read_as_shown(tmp_path):
    """A JSON chunk is always written as text; a workbook retyped by hand may hold numbers."""
    plan, office = sample()
    workbook = openpyxl.Workbook()
    embed_plan_data(workbook, plan, office, None)
    sheet = workbook["du-lieu-ke-hoach"]
    text = "".join(str(sheet.cell(r, 1).value) for r in range(2, sheet.max_row + 1))
    head, number, tail = text.partition('"report_deadline_day":10')
    assert number
    sheet.delete_rows(2, sheet.max_row)
    rest = [tail[i : i + 30_000] for i in range(0, len(tail), 30_000)]
    for row, value in enumerate([head + '"report_deadline_day":', 10, *rest], start=2):
        sheet.cell(row, 1, value)
    path = tmp_path / "go-lai.xlsx"
    workbook.save(path)
    assert read_plan_file(path).office.report_deadline_day == 10


def test_text_no_file_can_hold_is_left_out_of_the_data_as_of_the_documents(tmp_path):
    from cchc_desktop.documents.package import export_package

    plan, office = sample()
    office.name = "Quyết\ud800 Thắng\x07"
    plan.tasks[0].evidence = "Công văn\ufffe số 12"
    history = {plan.tasks[0].uid: [HistoryEntry(STAMP, "evidence", "", "Công văn\ufffe số 12")]}
    result = export_package(plan, office, tmp_path, make_zip=True, history=history)
    for path in result.files[1:]:  # the .xlsx and the .zip
        data = read_plan_file(path)
        assert data.office.name == "Quyết Thắng"
        assert data.plan.tasks[0].evidence == "Công văn số 12"
        assert data.history[plan.tasks[0].uid][0].new == "Công văn số 12"
    assert office.name == "Quyết\ud800 Thắng\x07"  # the plan in the program is left as it is
