"""``cchc import FILE --db DB``: the plan saved and named, its office found or created."""

from __future__ import annotations

from cchc_desktop.cli import main
from cchc_desktop.store.database import open_database
from cchc_desktop.store.repository import Repository


def test_importing_a_plan_prints_its_number_and_title(tmp_path, word_files, capsys):
    db = tmp_path / "cchc.sqlite"
    assert main(["import", str(word_files["003-typed"]), "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "plan 1: Tuyên truyền cải cách hành chính nhà nước năm 2026",
        "Đã tạo hồ sơ cơ quan: Ủy ban nhân dân phường Thạch Khôi",
    ]
    assert main(["import", str(word_files["003-auto"]), "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Cơ quan: Ủy ban nhân dân phường Thạch Khôi"
    repo = Repository(open_database(db))
    assert len(repo.offices()) == 1
    office = repo.offices()[0]
    assert (office.kind.value, office.name, office.place_name) == (
        "phường",
        "Thạch Khôi",
        "Thạch Khôi",
    )
    assert office.signers[0].name == "Phạm Ngọc Sơn"
    plan = repo.plan(1)
    assert len(plan.tasks) == 4 and plan.tasks[0].due_on is not None  # ready to track


def test_an_imported_plan_can_be_shown_and_exported(tmp_path, word_files, capsys):
    db = tmp_path / "cchc.sqlite"
    assert main(["import", str(word_files["002-paragraphs"]), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["show", "--db", str(db), "--plan", "1"]) == 0
    shown = capsys.readouterr().out
    assert "Tiên Lãng, ngày" in shown and "IV. TỔ CHỨC THỰC HIỆN" in shown
    assert (
        main(["export", "--db", str(db), "--plan", "1", "--out", str(tmp_path / "out"), "--no-pdf"])
        == 0
    )
