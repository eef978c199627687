"""A big plan's PDF painted by a second process while the first writes the .docx and the .xlsx:
the same pages as painted here, and a failure, a kill or Hủy that loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from cchc_desktop.core.outline import plan_outline
from cchc_desktop.documents.package import export_package
from cchc_desktop.errors import ExportError
from cchc_desktop.render import pdf_process
from cchc_desktop.render.pdf_process import PdfJob, paint_here, run_worker, start_plan_pdf
from tests.documents.paper import read_pdf


class Stopped(Exception):
    pass


@pytest.fixture
def started(monkeypatch):
    """Every process the tests start, as started."""
    processes: list[subprocess.Popen] = []
    popen = subprocess.Popen

    def recording(*args, **kwargs):
        process = popen(*args, **kwargs)
        processes.append(process)
        return process

    monkeypatch.setattr(subprocess, "Popen", recording)
    return processes


def words(path: Path) -> list[tuple[bool, list[str]]]:
    return [(page.landscape, [w.text for w in page.words]) for page in read_pdf(path)]


def test_a_big_plan_is_painted_by_a_second_process_word_for_word_as_here(
    qapp, sample, tmp_path, started
):
    plan, office = sample
    job = start_plan_pdf(plan, office, tmp_path / "apart.pdf", apart_from=len(plan.chosen_tasks))
    assert isinstance(job, PdfJob)
    pages = job.wait()
    [process] = started
    assert process.args[-2] == pdf_process.WORKER_FLAG and process.returncode == 0
    assert paint_here(plan_outline(plan, office), tmp_path / "here.pdf") == pages > 2
    apart = words(tmp_path / "apart.pdf")
    assert apart == words(tmp_path / "here.pdf")
    assert any(landscape for landscape, _ in apart) and "Quyết Thắng" in " ".join(apart[0][1])
    assert not job._folder.exists()  # the job's files are gone


def test_a_small_plan_is_painted_here_at_once(qapp, sample, tmp_path, started):
    plan, office = sample
    assert (
        start_plan_pdf(plan, office, tmp_path / "a.pdf", apart_from=len(plan.chosen_tasks) + 1) > 2
    )
    assert started == []


def test_the_package_of_a_big_plan_is_whole_with_its_pdf_from_the_second_process(
    qapp, sample, tmp_path, started
):
    plan, office = sample
    writer = partial(start_plan_pdf, apart_from=1)
    result = export_package(plan, office, tmp_path, pdf_writer=writer)
    [pdf] = [p for p in result.files if p.suffix == ".pdf"]
    assert len(started) == 1 and started[0].returncode == 0
    assert words(pdf) == words(Path(paint_here_path(plan, office, tmp_path)))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result.files)


def paint_here_path(plan, office, folder: Path) -> Path:
    target = folder.parent / f"{folder.name}-here.pdf"
    paint_here(plan_outline(plan, office), target)
    return target


def test_stopping_the_export_stops_the_second_process_and_leaves_the_folder(
    qapp, sample, tmp_path, started
):
    plan, office = sample
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "cu.txt").write_text("giữ nguyên", encoding="utf-8")

    def stop_at_xlsx(target: Path) -> None:
        if target.suffix == ".xlsx":
            raise Stopped

    with pytest.raises(Stopped):
        export_package(
            plan,
            office,
            folder,
            pdf_writer=partial(start_plan_pdf, apart_from=1),
            step=stop_at_xlsx,
        )
    [process] = started
    assert process.poll() is not None  # stopped, not left running
    assert [p.name for p in folder.iterdir()] == ["cu.txt"]
    assert not Path(process.args[-1]).exists()


def test_when_no_second_process_can_start_the_pdf_is_painted_here(
    qapp, sample, tmp_path, monkeypatch
):
    plan, office = sample

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Access is denied")

    with monkeypatch.context() as patched:
        patched.setattr(subprocess, "Popen", refused)
        job = start_plan_pdf(plan, office, tmp_path / "a.pdf", apart_from=1)
        assert isinstance(job, PdfJob)
        pages = job.wait()
    assert pages == len(read_pdf(tmp_path / "a.pdf")) > 2


def test_a_second_process_that_fails_is_an_export_error_with_the_details_in_the_log(
    qapp, sample, tmp_path, caplog
):
    plan, office = sample
    job = start_plan_pdf(plan, office, tmp_path, apart_from=1)  # a folder: no PDF opens there
    with pytest.raises(ExportError, match="chương trình vẽ PDF dừng bất thường") as raised:
        job.wait()
    assert "Traceback" not in raised.value.message
    assert "không mở được thiết bị in" in caplog.text  # the second process's traceback


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_second_process_is_an_export_error(qapp, sample, tmp_path, started):
    plan, office = sample
    job = PdfJob(tmp_path / "a.pdf")  # killed before its outline arrives
    os.kill(started[0].pid, signal.SIGKILL)
    job.send(plan_outline(plan, office))
    with pytest.raises(ExportError, match=r"dừng bất thường \(mã -9\)"):
        job.wait()
    assert not (tmp_path / "a.pdf").exists()


def test_the_second_process_answers_with_the_page_count_or_the_message_to_show(
    qapp, sample, tmp_path, monkeypatch
):
    import pickle

    plan, office = sample
    (tmp_path / "viec.pickle").write_bytes(
        pickle.dumps((plan_outline(plan, office), str(tmp_path / "a.pdf")))
    )
    assert run_worker([str(tmp_path)]) == 0
    answer = json.loads((tmp_path / "ket-qua.json").read_text(encoding="utf-8"))
    assert answer == {"pages": len(read_pdf(tmp_path / "a.pdf"))}

    def full_disk(_outline, _target):
        raise ExportError("Ổ đĩa đã đầy.")

    monkeypatch.setattr(pdf_process, "paint_here", full_disk)
    assert run_worker([str(tmp_path)]) == 0
    answer = json.loads((tmp_path / "ket-qua.json").read_text(encoding="utf-8"))
    assert answer == {"error": "Ổ đĩa đã đầy."}


def test_a_killed_apps_job_folders_are_removed_by_the_next_export(
    qapp, sample, tmp_path, monkeypatch
):
    import tempfile
    import time

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale, fresh = tmp_path / "cchc-pdf-old", tmp_path / "cchc-pdf-running"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "viec.pickle").write_bytes(b"x")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    plan, office = sample
    job = start_plan_pdf(plan, office, tmp_path / "a.pdf", apart_from=1)
    assert job.wait() > 2
    assert not stale.exists() and fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "cchc-pdf-running"]


def test_with_no_room_for_the_job_the_pdf_is_painted_here(qapp, sample, tmp_path, monkeypatch):
    import tempfile

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    plan, office = sample
    with monkeypatch.context() as patched:
        patched.setattr(tempfile, "mkdtemp", full)
        job = start_plan_pdf(plan, office, tmp_path / "a.pdf", apart_from=1)
        pages = job.wait()
    assert pages == len(read_pdf(tmp_path / "a.pdf")) > 2
    assert Path(tempfile.gettempdir()).is_dir()  # the temporary folder itself left alone


def test_what_waiting_raises_stops_the_second_process(qapp, sample, tmp_path, started):
    plan, office = sample
    job = PdfJob(tmp_path / "a.pdf")
    job.outline = plan_outline(plan, office)  # never sent: the second process waits for it
    calls = []

    def hủy_on_the_third_look():
        calls.append(1)
        if len(calls) == 3:
            raise Stopped

    with pytest.raises(Stopped):
        job.wait(hủy_on_the_third_look)
    [process] = started
    assert process.returncode is not None and process.returncode != 0
    assert not Path(process.args[-1]).exists()
