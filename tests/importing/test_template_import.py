"""A plan imported as a template: the bundled Hải Phòng template rebuilt from a .docx of its
source (seed 000), compared with the bundled one difference by difference; adapted to a
commune, it speaks the commune's words; kept, listed, exported and imported as one file."""

from __future__ import annotations

import difflib
import json

import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.adapt import adapt
from cchc_desktop.core.model import Office, OfficeKind
from cchc_desktop.core.outline import plan_text
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.template import bundled_template, parse_template
from cchc_desktop.documents.word_import import read_plan, template_data
from cchc_desktop.paths import resource
from cchc_desktop.store.templates import (
    export_template,
    import_template_file,
    save_template,
    stored_template,
    stored_templates,
)

BUNDLED = json.loads(resource("templates/hai-phong-2025.json").read_text(encoding="utf-8"))


def walk(items):
    for item in items:
        yield item
        yield from walk(item.get("children", []))


def word_changes(ours: str, theirs: str) -> list[tuple[str, str]]:
    a, b = ours.split(), theirs.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        (" ".join(a[i1:i2]), " ".join(b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def differences(ours: dict, bundled: dict) -> list[tuple]:
    """What differs between the rebuilt template and the bundled one, item by item in order,
    for everything the city's document holds (the bundled template adds commune items, keyed
    "xa-…", and commune wordings of its own)."""
    found: list[tuple] = []
    for name in ("id", "name", "source", "summary", "preamble", "report_deadline_day"):
        if ours[name] != bundled[name]:
            found.append((name, ours[name], bundled[name]))
    pairs = zip(ours["bases"], bundled["bases"], strict=True)
    found += [("bases", a["text"], b["text"]) for a, b in pairs if a["text"] != b["text"]]
    if ours["closing"] != bundled["closing"]:
        changes = word_changes(ours["closing"], bundled["closing"])
        found.append(("closing", tuple(a for a, _ in changes), tuple(b for _, b in changes)))
    mine = list(walk(ours["sections"]))
    theirs = [i for i in walk(bundled["sections"]) if not i["key"].startswith("xa-")]
    assert len(mine) == len(theirs)
    for a, b in zip(mine, theirs, strict=True):
        for field in ("kind", "role", "marker", "unit"):
            if a.get(field) != b.get(field):
                found.append((b["key"], field, a.get(field), b.get(field)))
        if a["text"] != b["text"]:
            found.append((b["key"], *word_changes(a["text"], b["text"])))
    city_tasks = [t for t in bundled["tasks"] if not t["key"].startswith("xa-")]
    assert len(ours["tasks"]) == len(city_tasks)
    for a, b in zip(ours["tasks"], city_tasks, strict=True):
        for field in ("title", "output", "start", "finish", "lead", "support", "commune"):
            if a[field] != b[field]:
                changes = word_changes(a[field], b[field]) if isinstance(a[field], str) else []
                found.append((b["key"], field, *changes) if changes else (b["key"], field))
        for i, (x, y) in enumerate(zip(a["details"], b["details"], strict=False)):
            if x != y:
                found.append((b["key"], f"details[{i}]", *word_changes(x, y)))
        if len(a["details"]) != len(b["details"]):
            found.append((b["key"], "details", len(a["details"]), len(b["details"])))
    return found


@pytest.fixture(scope="module")
def rebuilt(word_files):
    parsed = read_plan(word_files["000"])
    return parsed, template_data(parsed)


def test_the_city_plan_is_a_superiors_plan(rebuilt):
    parsed, _ = rebuilt
    assert parsed.level == "superior"
    assert parsed.issuer_name == "Ủy ban nhân dân thành phố Hải Phòng"
    assert parsed.document == "Quyết định số 362/QĐ-UBND ngày 10/02/2025"


def test_the_rebuilt_template_matches_the_bundled_one_but_for_these_differences(rebuilt):
    _, data = rebuilt
    parse_template(data)
    # Each difference, and why:
    expected = [
        # the rebuilt keeps "nhà nước" of the city's summary; the bundled uses the commune style
        ("summary", "Tuyên truyền cải cách hành chính nhà nước {period}",
         "Tuyên truyền cải cách hành chính {period}"),
        # the closing of the bundled one was rewritten for a commune
        ("closing",
         ("{locality} {period}.", "vị, địa phương", "hợp", "vị, địa phương"),
         ("{period} của {issuer_full}.", "vị có liên quan", "hợp,", "vị")),
        # typing mistakes of the city's document that the bundled template corrected
        ("noi-dung-tuyen-truyen-d", ("chuyên", "chuyển")),
        # the plan's own subject "… nhà nước thành phố Hải Phòng năm 2025" is its locality
        # and period here; the bundled kept the city's name (and read "Công" as "Cổng")
        ("hinh-thuc-tuyen-truyen-a", ("{locality}", "thành phố Hải Phòng"), ("Công", "Cổng")),
        ("hinh-thuc-tuyen-truyen-d", ("{locality} {period}.", "thành phố Hải Phòng năm {year}.")),
        ("kinh-phi-thuc-hien-noi-dung", ("{locality}", "thành phố Hải Phòng"),
         ("{period}", "năm {year}")),
        ("tp-so-tttt-e", ("Công", "công")),
        ("tp-so-tai-chinh-noi-dung", ("{locality}", "thành phố Hải Phòng")),
        ("tp-mttq-a", ("Lòng", "Lồng")),
        # the appendix as the city typed it: "Cải cách", "Cổng thông tin", "chủ chương",
        # "đề", en dashes and "Thủ Đức" were corrected in the bundled template
        ("tp-nv-bao-hai-phong", "details[0]", ("Cải", "cải")),
        ("tp-nv-cong-thong-tin", "title", ("thông", "Thông")),
        ("tp-nv-chuyen-de-phat-thanh", "support", ("–", "-")),
        ("tp-nv-chuyen-de-phat-thanh", "details[0]", ("chương", "trương")),
        # the time of two tasks: the city's column says "Năm 2025"; the bundled one took the
        # month from the task's own line "Thời gian thực hiện: Tháng 11/2025"
        ("tp-nv-cuoc-thi-phat-thanh-vien", "finish", ("Năm {year}", "Tháng 11/{year}")),
        ("tp-nv-cuoc-thi-phat-thanh-vien", "support", ("–", "-")),
        ("tp-nv-cuoc-thi-phat-thanh-vien", "details[0]", ("đề", "để")),
        ("tp-nv-an-pham-truyen-thong", "finish", ("Năm {year}", "Tháng 10/{year}")),
        ("tp-nv-an-pham-truyen-thong", "support", ("Thủ Đức", "Thủy Nguyên")),
    ]  # fmt: skip
    assert differences(data, BUNDLED) == expected


def test_keys_and_commune_choices_are_the_bundled_ones_where_they_can_be_read(rebuilt):
    _, data = rebuilt
    mine = [i["key"] for i in walk(data["sections"])]
    theirs = [i["key"] for i in walk(BUNDLED["sections"]) if not i["key"].startswith("xa-")]
    same = [a for a, b in zip(mine, theirs, strict=True) if a == b]
    # headings, lettered points and dashes get the bundled names; the city bodies' blocks
    # ("tp-so-tttt") are named from their words ("so-thong-tin-va-truyen-thong")
    assert len(same) >= 40
    assert all(not t["commune"] for t in data["tasks"])  # city bodies lead every task
    blocks = [i for i in walk(data["sections"]) if i.get("role") == "unit"]
    assert blocks and all(not b["commune"] and "unit" not in b for b in blocks)
    assert [u["key"] for u in data["units"]] == [u["key"] for u in BUNDLED["units"]]


def test_adapted_to_a_commune_the_rebuilt_template_speaks_its_words(rebuilt):
    _, data = rebuilt
    template = parse_template(data)
    office = Office(OfficeKind.XA, "Quyết Thắng", "thành phố Hải Phòng")
    plan = adapt(template, office, Period(PeriodKind.SECOND_HALF, 2025))
    text = plan_text(plan, office)
    assert "trên địa bàn xã" in text and "trên địa bàn thành phố" not in text
    assert plan.summary == "Tuyên truyền cải cách hành chính nhà nước 6 tháng cuối năm 2025"
    assert plan.bases[0].text.startswith(
        "Căn cứ Quyết định số 362/QĐ-UBND ngày 10/02/2025 của Ủy ban nhân dân thành phố Hải "
        "Phòng ban hành Kế hoạch tuyên truyền cải cách hành chính nhà nước thành phố Hải Phòng"
    )
    assert (
        "Kinh phí thực hiện tuyên truyền cải cách hành chính nhà nước xã Quyết Thắng 6 tháng cuối năm 2025"
        in text
    )
    # a cited decision keeps its own words
    assert (
        "Quyết định số 5085/QĐ-UBND ngày 31/12/2024 của Ủy ban nhân dân thành phố về việc ban hành Kế hoạch cải cách hành chính nhà nước thành phố Hải Phòng năm 2025"
        in text
    )


def test_a_wards_plan_passed_to_another_commune_becomes_that_communes_plan(word_files):
    data = template_data(read_plan(word_files["003-typed"]))
    template = parse_template(data)
    office = Office(OfficeKind.XA, "Quyết Thắng", "thành phố Hải Phòng")
    plan = adapt(template, office, Period(PeriodKind.YEAR, 2026))
    text = plan_text(plan, office)
    assert "Thạch Khôi" not in text
    # the ward's own decision keeps its number for the officer to replace with the commune's
    assert "Quyết định số 37/QĐ-UBND" in text
    assert "trên địa bàn xã" in text and "trên địa bàn phường" not in text
    assert (
        "Ủy ban nhân dân xã ban hành Kế hoạch tuyên truyền về cải cách hành chính nhà nước xã Quyết Thắng năm 2026"
        in text
    )
    blocks = [i for i in walk(data["sections"]) if i.get("role") == "unit"]
    assert [b["unit"] for b in blocks] == ["vhxh", "hcc", "vp", "kt", "dvsnc", "mttq"]


def test_templates_are_kept_listed_exported_and_imported(tmp_path, file_repo, rebuilt):
    _, data = rebuilt
    first = save_template(file_repo, data, "Word: 000.docx")
    second = save_template(file_repo, data, "Word: 000.docx")
    assert [t.name for t in stored_templates(file_repo)] == [data["name"], data["name"] + " (2)"]
    assert stored_template(file_repo, "hai-phong-2025").id == first.id
    target = export_template(file_repo, second.id, tmp_path / "mau.json")
    assert json.loads(target.read_text(encoding="utf-8"))["sections"] == data["sections"]
    other = import_template_file(file_repo, target)
    assert other.source == "Tệp: mau.json"
    assert other.template().sections == first.template().sections


def test_the_command_line_lists_exports_and_imports_templates(tmp_path, word_files, capsys):
    db = tmp_path / "cchc.sqlite"
    assert (
        main(["import", str(word_files["000"]), "--db", str(db), "--template", "Hải Phòng 2025"])
        == 0
    )
    assert capsys.readouterr().out.startswith("template 1: Hải Phòng 2025")
    assert main(["templates", "--db", str(db)]) == 0
    assert "Hải Phòng 2025\tWord: 000.docx" in capsys.readouterr().out
    out = tmp_path / "hp.json"
    assert main(["export-template", "--db", str(db), "Hải Phòng 2025", "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite"
    assert main(["import-template", str(out), "--db", str(other)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "template 1: Hải Phòng 2025"
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2}', encoding="utf-8")
    assert main(["import-template", str(bad), "--db", str(other)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_the_bundled_template_is_unchanged_by_all_this():
    assert bundled_template().id == "hai-phong-2025"
