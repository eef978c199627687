"""Adapting the city template yields a plan that reads as if the commune wrote it."""

from __future__ import annotations

import re

import pytest

from cchc_desktop.core.adapt import adapt, default_units
from cchc_desktop.core.model import (
    COMMUNE_KINDS,
    ItemKind,
    ItemRole,
    Office,
    OfficeKind,
    PlanItem,
    find_role,
)
from cchc_desktop.core.numbering import number_items
from cchc_desktop.core.outline import Role, all_texts, plan_outline, plan_text
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import MARKER
from cchc_desktop.core.timewords import parse_time

OFFICES = [
    (OfficeKind.XA, "Quyết Thắng"),
    (OfficeKind.PHUONG, "Thạch Khôi"),
    (OfficeKind.DAC_KHU, "Cát Hải"),
]
PERIODS = [
    Period(PeriodKind.SECOND_HALF, 2025),
    Period(PeriodKind.FIRST_HALF, 2026),
    Period(PeriodKind.YEAR, 2026),
]
CASES = [(k, n, p) for k, n in OFFICES for p in PERIODS]


def office_of(template, kind: OfficeKind, name: str) -> Office:
    return Office(
        kind=kind,
        name=name,
        province="thành phố Hải Phòng",
        units=default_units(template, kind),
        id=1,
    )


def walk(items: list[PlanItem]):
    for item in items:
        yield item
        yield from walk(item.children)


def printed_texts(plan, office) -> list[tuple[Role, str]]:
    return [(b.role, b.text) for b in plan_outline(plan, office).blocks()]


def unit_blocks(plan) -> list[PlanItem]:
    return find_role(plan.sections, ItemRole.ORGANISATION).children


@pytest.mark.parametrize(("kind", "name", "period"), CASES, ids=lambda v: str(v))
def test_no_marker_is_left_anywhere_chosen_or_not(template, kind, name, period):
    plan = adapt(template, office_of(template, kind, name), period)
    for where, text in all_texts(plan):
        assert not MARKER.search(text), f"{where}: {text}"
        assert "{" not in text and "}" not in text, f"{where}: {text}"


@pytest.mark.parametrize(("kind", "name", "period"), CASES, ids=lambda v: str(v))
def test_printed_plan_speaks_of_the_commune_not_the_city(template, kind, name, period):
    office = office_of(template, kind, name)
    plan = adapt(template, office, period)
    other_kinds = [k.value for k in COMMUNE_KINDS if k is not kind]
    for _role, text in printed_texts(plan, office):
        assert "trên địa bàn thành phố" not in text, text
        assert "quận, huyện" not in text, text
        assert "Sở Thông tin và Truyền thông" not in text, text
        assert "Thủ Đức" not in text
        for other in other_kinds:  # the commune never names itself two ways
            pattern = rf"(trên địa bàn|Ủy ban nhân dân|UBND|của|tại|Trang thông tin điện tử của) {other}\b(?! hội)"
            assert not re.search(pattern, text), f"{other!r} in: {text}"
    assert f"trên địa bàn {kind.value}" in plan_text(plan, office)


@pytest.mark.parametrize(("kind", "name", "period"), CASES, ids=lambda v: str(v))
def test_every_year_and_period_in_the_printed_body_is_the_plans(template, kind, name, period):
    office = office_of(template, kind, name)
    plan = adapt(template, office, period)
    previous_keys = {
        t.key for t in _walk_template(template.sections)
        if "{previous_period}" in (t.commune_text or t.text)
    }  # fmt: skip
    body = [i for i in walk(plan.sections) if i.chosen]
    texts = [(i.key, i.text) for i in body] + [
        ("", plan.summary),
        ("", plan.preamble),
        ("", plan.closing),
    ]
    texts += [("", t.title) for t in plan.chosen_tasks]
    for key, text in texts:
        if key not in previous_keys and period.previous.kind is not PeriodKind.YEAR:
            assert period.previous.label not in text.replace(period.label, ""), text
        for match in re.finditer(r"(\S+) năm (\d{4})", text):
            before, year = match.group(1), int(match.group(2))
            if before == "đến":  # the horizon in the title of a resolution
                continue
            if key in previous_keys and year == period.previous.year:
                continue
            assert year == period.year, f"năm {year} in: {text}"
    assert plan.summary == f"Tuyên truyền cải cách hành chính {period.label}"


@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_task_times_fall_inside_the_plans_period(template, period):
    plan = adapt(template, office_of(template, OfficeKind.XA, "Quyết Thắng"), period)
    assert plan.chosen_tasks
    for task in plan.chosen_tasks:
        for text in (task.start_text, task.finish_text):
            if text:
                span = parse_time(text, period)
                assert span.recognised, text
                assert period.start <= span.start and span.end <= period.end, text
        assert task.lead_unit, task.title


def test_commune_duties_use_the_offices_own_unit_names(template):
    office = office_of(template, OfficeKind.PHUONG, "Thạch Khôi")
    office.unit("vhxh").name = "Phòng Văn hóa - Xã hội phường"
    plan = adapt(template, office, PERIODS[0])
    headings = [d.text for d in unit_blocks(plan) if d.chosen]
    assert "Phòng Văn hóa - Xã hội phường" in headings
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in headings  # the ward's name for it
    assert any(h.startswith("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường") for h in headings)
    assert "gửi về Phòng Văn hóa - Xã hội phường" in plan.closing


def test_a_unit_the_office_added_gets_an_empty_block_that_does_not_print(template):
    office = office_of(template, OfficeKind.XA, "Quyết Thắng")
    from cchc_desktop.core.model import Unit

    office.units.append(Unit("Hội Nông dân xã", "HND"))
    plan = adapt(template, office, PERIODS[0])
    block = next(d for d in unit_blocks(plan) if d.text == "Hội Nông dân xã")
    assert block.children == [] and block.unit_key == ""
    assert "Hội Nông dân xã" not in plan_text(plan, office)


def test_the_report_deadline_follows_the_office(template):
    office = office_of(template, OfficeKind.PHUONG, "Thạch Khôi")
    office.report_deadline_day = 5
    plan = adapt(template, office, PERIODS[2])
    assert "(trước ngày 05 tháng cuối của quý, năm)" in plan.closing


def test_the_sample_plan_reads_as_a_commune_plan(template):
    office = sample_office(template)
    plan = sample_plan(template, office)
    text = plan_text(plan, office)
    lines = text.splitlines()
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"]
    assert lines[3].startswith("Quyết Thắng, ngày") and lines[3].endswith("tháng 8 năm 2025")
    assert "Căn cứ Kế hoạch số 12/KH-UBND ngày 30/7/2025 của Ủy ban nhân dân xã" in text
    headings = [b.text for b in plan_outline(plan, office).blocks() if b.role is Role.HEADING_1]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "III. NHIỆM VỤ CỤ THỂ",
        "IV. KINH PHÍ THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN",
    ]  # fmt: skip
    assert text.rstrip().endswith("Mai Đàm Thanh Vân") is False  # the appendix follows
    assert "- Lưu: VT, VHXH." in lines
    assert plan.closing.endswith("./.")


def test_letters_follow_when_an_adapted_point_is_unticked(template):
    plan = adapt(template, office_of(template, OfficeKind.XA, "Quyết Thắng"), PERIODS[0])
    purposes = plan.sections[0].children[0]
    before = [n.label for n in number_items(purposes.children)]
    chosen = [p for p in purposes.children if p.chosen]
    chosen[1].chosen = False
    after = [n.label for n in number_items(purposes.children)]
    assert after == before[:-1]
    assert after[1] == "b)" and chosen[2].kind is ItemKind.POINT


def test_the_units_blocks_follow_the_offices_order_of_its_units(template):
    office = office_of(template, OfficeKind.PHUONG, "Tú Minh")
    office.units.reverse()
    plan = adapt(template, office, PERIODS[0])
    printed = [b.unit_key for b in unit_blocks(plan) if b.chosen]
    assert printed == [u.key for u in office.units]


def test_a_department_speaks_of_itself_and_signs_as_its_director(template):
    from cchc_desktop.core import office as office_words

    office = Office(
        kind=OfficeKind.SO,
        name="Khoa học và Công nghệ",
        province="thành phố Hải Phòng",
        governing_body="UBND thành phố Hải Phòng",
        units=default_units(template, OfficeKind.SO),
    )
    plan = adapt(template, office, PERIODS[0])
    outline = plan_outline(plan, office)
    assert outline.header.governing == ("UBND THÀNH PHỐ HẢI PHÒNG",)
    assert outline.header.issuer == ("SỞ KHOA HỌC VÀ CÔNG NGHỆ",)
    assert outline.header.number.endswith("/KH-SKHCN")
    assert outline.header.date_line.startswith("Hải Phòng, ngày")
    assert outline.signature.authority == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    text = plan_text(plan, office)
    assert "Sở ban hành Kế hoạch" in text
    for wrong in ("Ủy ban nhân dân xã", "XÃ SỞ", "xã Sở", "Ủy ban nhân dân sở", "Sở Sở"):
        assert wrong not in text, wrong
    assert "Văn phòng Sở" in [b.text for b in unit_blocks(plan)]
    assert "Các phòng, đơn vị thuộc Sở" in plan.recipients
    assert office_words.formal_name(office) in outline.appendix.attachment


def _walk_template(items):
    for item in items:
        yield item
        yield from _walk_template(item.children)


def test_a_plan_carried_forward_moves_its_period_and_resets_its_tasks(template):
    from cchc_desktop.core.adapt import carry_forward
    from cchc_desktop.core.model import ResultCount, TaskStatus

    office = sample_office(template)
    old = sample_plan(template, office)
    old.id, old.number = 7, "05"
    late = old.tasks[8]
    late.status = TaskStatus.DONE
    late.results = [ResultCount(12, "tin, bài")]
    late.id = 99
    late.evidence, late.reason, late.notes = "Công văn 45/UBND", "Chờ kinh phí", "Gọi lại"
    new = carry_forward(old, Period(PeriodKind.FIRST_HALF, 2026))
    assert new.summary == "Tuyên truyền cải cách hành chính 6 tháng đầu năm 2026"
    assert (new.id, new.number, new.issued_on) == (None, "", None)
    assert new.uid != old.uid and {t.uid for t in new.tasks}.isdisjoint(t.uid for t in old.tasks)
    for task in new.tasks:
        assert task.status is TaskStatus.NOT_STARTED and task.id is None
        assert (task.results, task.evidence, task.reason, task.notes) == ([], "", "", "")
    text = plan_text(new, office)
    assert "6 tháng cuối năm 2025" not in text.split("Căn cứ Kế hoạch")[0]
    assert "Quý III/2025" not in text and "Tháng 7/2025" not in text
    assert old.summary.endswith("6 tháng cuối năm 2025")  # the earlier plan is untouched
