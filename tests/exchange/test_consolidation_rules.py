"""The rules of consolidating, on their own: periods typed on the command line, lists of
expected offices as people type them, which return of an office counts, who consolidates."""

from __future__ import annotations

import logging
import unicodedata
from datetime import date

import pytest

from cchc_desktop.core.consolidation import (
    OfficeReturn,
    expected_names,
    issuer_office,
    match_expected,
    parse_plan_period,
    select,
)
from cchc_desktop.core.model import OfficeKind, ResultCount
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.tracking import StatusCounts
from cchc_desktop.documents import consolidate as consolidating
from cchc_desktop.documents.consolidate import consolidate, read_expected
from cchc_desktop.errors import CchcError
from tests.exchange.conftest import AS_OF, minimal_package, plan_for, ward

H1, H2, YEAR = (Period(k, 2025) for k in PeriodKind)


@pytest.mark.parametrize(
    ("text", "period"),
    [("h1-2025", H1), ("H2-2025", H2), ("nam-2025", YEAR), (" year-2025 ", YEAR)],
)
def test_a_period_is_typed_as_its_half_or_year(text, period):
    assert parse_plan_period(text) == period


@pytest.mark.parametrize("text", ["q3-2025", "2025", "h2", "h3-2025"])
def test_a_period_that_is_not_one_is_refused_with_the_ways_to_write_it(text):
    with pytest.raises(CchcError, match=r"h1-2025 .* h2-2025 .* nam-2025"):
        parse_plan_period(text)


def test_a_list_of_offices_is_read_as_people_type_it():
    lines = ["Danh sách:", "", "# đã sửa ngày 1/10", "1. xã Quyết Thắng", "2) phường  Lê Chân",
             "STT", "Sở Nội vụ"]  # fmt: skip
    assert expected_names(lines) == ["xã Quyết Thắng", "phường Lê Chân", "Sở Nội vụ"]


def returned(name: str, *, index: int = 0, kind: str = "xã", province: str = "thành phố Hải Phòng",
             period: Period = H2, template: str = "hai-phong-2025", at: str = "2025-10-01",
             done: int = 0) -> OfficeReturn:  # fmt: skip
    return OfficeReturn(
        index=index, source=f"{name}-{index}.zip", name=f"{kind} {name}", own_name=name,
        province=province, key=f"{kind} {name}|{province}", is_commune=True,
        plan_uid=f"{name}-{index}", period=period, template_id=template, title="Kế hoạch",
        number="", issued_on=None, exported_at=f"{at}T02:00:00+00:00",
        counts=StatusCounts(total=8, done=done), results=(ResultCount(done, "tin"),),
    )  # fmt: skip


def test_the_period_most_offices_sent_is_consolidated_the_later_one_on_a_tie():
    chosen = select([returned("A", period=H1), returned("B", index=1, period=H2)])
    assert chosen.period == H2
    chosen = select([returned("A", period=YEAR), returned("B", index=1), returned("C", index=2)])
    assert chosen.period == H2 and [r.name for r in chosen.counted] == ["xã B", "xã C"]


def test_a_plan_without_a_template_is_never_another_templates():
    chosen = select([returned("A"), returned("B", index=1, template=""),
                     returned("C", index=2, template="ha-noi")])  # fmt: skip
    assert [r.name for r in chosen.counted] == ["xã A", "xã B"]
    assert "khác mẫu «hai-phong-2025»" in chosen.left[0].reason


def test_the_newest_return_of_an_office_wins_whatever_the_order_of_the_files():
    older, newer = returned("A", at="2025-09-01", done=1), returned("A", index=1, done=5)
    for files in ([older, newer], [newer, older]):
        chosen = select(files)
        assert [r.counts.done for r in chosen.counted] == [5]
        assert "bản mới hơn" in chosen.left[0].reason


def test_an_expected_office_is_found_by_its_full_or_own_name_and_province():
    counted = [returned("Tân Tiến", province="tỉnh Hưng Yên"),
               returned("Tân Tiến", index=1), returned("An Lư", index=2)]  # fmt: skip
    keyed = [r for r in counted]
    for r, province in zip(keyed, ("hung yen", "hai phong", "hai phong"), strict=True):
        r.key = f"{r.key}|{province}"
    missing = match_expected(
        ["Ủy ban nhân dân xã An Lư", "xã Tân Tiến, thành phố Hải Phòng", "Tân Tiến", "Tiên Lãng"],
        counted,
        [],
    )
    assert [m.name for m in missing] == ["Tân Tiến", "Tiên Lãng"]  # two bear the name alone
    assert missing[0].note.startswith("2 đơn vị cùng tên đã gửi; hãy ghi thêm tỉnh, thành phố")
    assert missing[1].note == ""
    assert counted[0].note == "ngoài danh sách các đơn vị phải gửi"
    assert counted[1].note == counted[2].note == ""


@pytest.mark.parametrize(
    ("typed", "kind", "name", "governing"),
    [
        ("Sở Nội vụ", OfficeKind.SO, "Nội vụ", "Ủy ban nhân dân thành phố Hải Phòng"),
        ("Văn phòng UBND thành phố", OfficeKind.VAN_PHONG, "UBND thành phố", "Ủy ban nhân dân thành phố Hải Phòng"),
        ("phường Lê Chân", OfficeKind.PHUONG, "Lê Chân", ""),
        ("Ban Tuyên giáo", OfficeKind.BAN, "Tuyên giáo", "Ủy ban nhân dân thành phố Hải Phòng"),
        ("Nội vụ", OfficeKind.SO, "Nội vụ", "Ủy ban nhân dân thành phố Hải Phòng"),
    ],
)  # fmt: skip
def test_who_consolidates_is_read_from_its_name(typed, kind, name, governing):
    office = issuer_office(typed, "thành phố Hải Phòng")
    assert (office.kind, office.name, office.governing_body) == (kind, name, governing)


def windows_1258(text: str) -> bytes:
    """As Windows writes Vietnamese in "ANSI": a letter with its tone mark apart."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            apart = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", apart[:-1]).encode("cp1258")
            out += apart[-1].encode("cp1258")
    return out


def test_a_list_in_notepads_encodings_is_read(tmp_path):
    names = "xã Quyết Thắng\r\nphường Lê Chân\r\n"
    for encoding, data in [("utf-8-sig", names.encode("utf-8-sig")),
                           ("utf-16", names.encode("utf-16")), ("cp1258", windows_1258(names))]:  # fmt: skip
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        assert read_expected(path) == ["xã Quyết Thắng", "phường Lê Chân"], encoding


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("rac.txt", b"\x81\x8d\xff", "không phải văn bản đọc được"),
        ("hong.xlsx", b"PK\x03\x04 hong", "tệp Excel bị hỏng"),
        ("khong-co.txt", None, "Không đọc được danh sách đơn vị"),
    ],
)
def test_a_list_that_cannot_be_read_is_said_before_anything_is_read(tmp_path, name, content, said):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CchcError, match=said):
        consolidate([tmp_path], tmp_path / "out" / "th.xlsx", as_of=AS_OF, expected=path)
    assert not (tmp_path / "out").exists()


def test_a_file_that_trips_the_reader_is_left_out_and_logged(tmp_path, monkeypatch, caplog):
    office = ward()
    minimal_package(tmp_path, plan_for(office), office, name="a.zip")
    minimal_package(tmp_path, plan_for(ward("Lê Chân")), ward("Lê Chân"), name="b.zip")
    real = consolidating.read_plan_return

    def trip(path):
        if path.name == "a.zip":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path)

    monkeypatch.setattr(consolidating, "read_plan_return", trip)
    with caplog.at_level(logging.ERROR, logger="cchc_desktop"):
        done = consolidate([tmp_path], tmp_path / "out" / "th.xlsx", as_of=AS_OF)
    assert [r.name for r in done.whole.counted] == ["phường Lê Chân"]
    assert done.notes == ["Không tổng hợp «a.zip»: không đọc được tệp (RecursionError); đã bỏ qua."]
    assert "consolidating" in caplog.text


def test_stopping_while_the_workbook_is_about_to_be_written_writes_nothing(tmp_path):
    office = ward()
    minimal_package(tmp_path, plan_for(office), office)
    with pytest.raises(CchcError, match="Đã dừng tổng hợp"):
        consolidate([tmp_path], tmp_path / "out" / "th.xlsx", as_of=AS_OF,
                    progress=lambda done, total, what: not what.startswith("Đang ghi"))  # fmt: skip
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_an_issued_plan_is_named_by_its_number_and_date():
    r = returned("A")
    assert r.plan_reference == "Kế hoạch"
    r.number, r.issued_on = "17/KH-UBND", date(2025, 8, 5)
    assert r.plan_reference == "Số 17/KH-UBND ngày 05/8/2025"
