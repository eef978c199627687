"""A big plan's PDF painted by a second copy of the program while this one writes the .docx
and the .xlsx: painting holds Python's lock, so a thread would only take turns with them.

The job travels in files of a private temporary folder (the outline, pickled; the answer, as
JSON), not through the standard streams, which a windowed Windows program may not have. The
second process paints into the file it is given — the export's staging folder, which checks
every file before moving it into place — and answers with the page count. The program that
asked waits for it, may stop it (Hủy), and paints in its own process when a second one
cannot be started at all.

``python -m cchc_desktop --write-pdf JOB`` (or the frozen program with ``--write-pdf JOB``)
runs one job: it is how the first process starts the second, not a command for people.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import Outline, plan_outline
from cchc_desktop.errors import ExportError

log = logging.getLogger(__name__)

WORKER_FLAG = "--write-pdf"
# Below this many appendix rows the PDF takes less than starting a second program does.
APART_FROM_ROWS = 1_000
# A PDF that takes longer has a painter that hangs: it is stopped and the export fails.
TIMEOUT_S = 600.0
POLL_S = 0.1  # how often the first process looks up while it waits
# The first process sends the job as soon as the outline is built: seconds at most.
ARRIVAL_S = 120.0

STALE_S = 3600.0

_PREFIX = "cchc-pdf-"
_JOB = "viec.pickle"
_ANSWER = "ket-qua.json"
_OUTPUT = "dau-ra.txt"  # the second process's own output: Qt's warnings, a crash


def start_plan_pdf(
    plan: Plan, office: Office, target: Path, *, apart_from: int | None = None
) -> PdfJob | int:
    """The plan's PDF into ``target`` (a staging folder's file: written plainly, checked when
    the export moves it into place). A plan of ``apart_from`` tasks (``APART_FROM_ROWS``) or
    more is painted by a second process, started before its outline is built so that both get
    ready together: its job, to ``wait`` for; a smaller one here, at once (the page count)."""
    if len(plan.chosen_tasks) < (APART_FROM_ROWS if apart_from is None else apart_from):
        return paint_here(plan_outline(plan, office), target)
    job = PdfJob(target)
    try:
        job.send(plan_outline(plan, office))
    except BaseException:
        job.cancel()
        raise
    return job


def paint_here(outline: Outline, target: Path) -> int:
    from cchc_desktop.render.paged import paint_pdf

    return paint_pdf(outline, target)


class PdfJob:
    """One PDF painted by a second process: started, sent its outline, waited for."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.outline: Outline | None = None
        _remove_stale_jobs()
        self._folder = Path(tempfile.gettempdir())  # replaced by the job's own folder
        self._process: subprocess.Popen[bytes] | None = None
        try:
            self._folder = Path(tempfile.mkdtemp(prefix=_PREFIX))
            with (self._folder / _OUTPUT).open("wb") as output:
                self._process = subprocess.Popen(
                    [*worker_command(), str(self._folder)],
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=_worker_environment(),
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
        except OSError:
            log.warning("không mở được tiến trình vẽ PDF; sẽ vẽ ngay tại đây", exc_info=True)

    def send(self, outline: Outline) -> None:
        """The outline to paint, written whole under its final name (the second process
        waits for that name); painted here later if it cannot be sent."""
        self.outline = outline
        if self._process is None:
            return
        staged = self._folder / f"{_JOB}.tmp"
        try:
            staged.write_bytes(pickle.dumps((outline, str(self.target)), pickle.HIGHEST_PROTOCOL))
            os.replace(staged, self._folder / _JOB)
        except OSError:
            log.warning("không gửi được việc vẽ PDF; sẽ vẽ ngay tại đây", exc_info=True)
            self._stop()

    def wait(self, waiting: Callable[[], None] = lambda: None) -> int:
        """The page count, once the PDF is painted; ExportError when the second process
        failed (what it wrote goes to the log). ``waiting`` is called every tenth of a
        second meanwhile; what it raises stops the second process and comes through."""
        assert self.outline is not None, "send the outline first"
        try:
            if self._process is None:  # no second process: painted here
                return paint_here(self.outline, self.target)
            deadline = time.monotonic() + TIMEOUT_S
            while (code := self._process.poll()) is None:
                if time.monotonic() > deadline:
                    raise ExportError(
                        f"Tạo tệp «{self.target.name}» quá {TIMEOUT_S:.0f} giây nên đã dừng lại."
                    )
                waiting()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(POLL_S)
            return self._answer(code)
        finally:
            self._stop()
            self._remove_folder()

    def cancel(self) -> None:
        """Stop the second process if it still runs (the export stopped or failed)."""
        self._stop()
        self._remove_folder()

    def _stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._process = None

    def _answer(self, code: int) -> int:
        try:
            answer = json.loads((self._folder / _ANSWER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            answer = {}
        if "pages" in answer:
            return int(answer["pages"])
        output = ""
        with contextlib.suppress(OSError):
            output = (self._folder / _OUTPUT).read_text(encoding="utf-8", errors="replace")
        log.error("tiến trình vẽ PDF dừng với mã %s\n%s%s", code, answer.get("crash", ""), output)
        raise ExportError(
            answer.get("error")
            or f"Không tạo được tệp «{self.target.name}»: chương trình vẽ PDF dừng bất thường "
            f"(mã {code}). Chi tiết đã ghi vào nhật ký."
        )

    def _remove_folder(self) -> None:
        if self._folder.name.startswith(_PREFIX):
            shutil.rmtree(self._folder, ignore_errors=True)


def _remove_stale_jobs() -> None:
    """The job folders of an app that was killed while exporting (its second process has
    long ended: an hour is six times the longest a job may take)."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - folder.stat().st_mtime > STALE_S:
                shutil.rmtree(folder, ignore_errors=True)


def worker_command() -> list[str]:
    """How this program starts a copy of itself to run one job."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "cchc_desktop", WORKER_FLAG]


def _worker_environment() -> dict[str, str]:
    """This process's, with the package findable from any working folder, and Qt's platform
    the one this process uses (the same fonts lay the text out the same way)."""
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    gui = sys.modules.get("PySide6.QtGui")
    app = gui.QGuiApplication.instance() if gui is not None else None
    if app is not None:
        env["QT_QPA_PLATFORM"] = app.platformName()
    return env


def run_worker(argv: Sequence[str]) -> int:
    """The second process: get Qt and its fonts ready, wait for the job in folder
    ``argv[0]``, paint it, write the answer beside it. 0 when an answer was written."""
    folder = Path(argv[0])
    try:
        from cchc_desktop.render.paged import ensure_gui, paper_font

        ensure_gui()
        paper_font().exactMatch()  # the font database is read while the job is being sent
        job = _arrived(folder / _JOB)
        outline, target = pickle.loads(job.read_bytes())
        answer: dict[str, object] = {"pages": paint_here(outline, Path(target))}
    except ExportError as error:
        answer = {"error": error.message}
    except Exception:
        answer = {"crash": traceback.format_exc()}
    try:
        (folder / _ANSWER).write_text(json.dumps(answer), encoding="utf-8")
    except OSError:
        return 2
    return 0


def _arrived(job: Path) -> Path:
    """``job`` once the first process has sent it (ExportError if it never comes)."""
    deadline = time.monotonic() + ARRIVAL_S
    while not job.exists():
        if time.monotonic() > deadline:
            raise ExportError("Không nhận được nội dung cần vẽ PDF.")
        time.sleep(0.005)
    return job
