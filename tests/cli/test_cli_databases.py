"""The command line meets the same damaged, empty and foreign files as the app: one line in
Vietnamese naming the file, exit 1, the file as it was."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest

from cchc_desktop.cli import main
from tests.store.test_opening import digest, saved_file


@pytest.mark.parametrize("command", ["plans", "show", "export", "report"])
@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "trống (0 byte)"), (b"MZ\x90\x00 a program, renamed" * 30, "không phải tệp dữ liệu")],
)
def test_a_file_that_is_not_the_apps_data_is_refused_in_one_line(
    tmp_path, capsys, command, content, words
):
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(content)
    extra = {
        "plans": [],
        "show": ["--plan", "1"],
        "export": ["--plan", "1", "--out", str(tmp_path / "out")],
        "report": ["--plan", "1", "--period", "h2", "--out", str(tmp_path / "out")],
    }[command]
    assert main([command, "--db", str(path), *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cchc: ") and words in err and str(path) in err
    assert err.count("\n") == 1
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cchc.sqlite"]


def test_a_missing_table_is_told_not_traced(tmp_path, capsys):
    path = saved_file(tmp_path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE plan_items")
        conn.commit()
    before = digest(path)
    assert main(["plans", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "thiếu bảng «plan_items»" in err and "Traceback" not in err
    assert digest(path) == before


def test_a_missing_file_is_not_created(tmp_path, capsys):
    assert main(["plans", "--db", str(tmp_path / "khong-co.sqlite")]) == 1
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
    assert not (tmp_path / "khong-co.sqlite").exists()
