"""Start-up cost of the app beside a bare PySide6 window: whole-process time and peak memory.

    python benchmarks/startup.py            # 15 runs of each, rotating
    python benchmarks/startup.py --runs 30 --check
    python benchmarks/startup.py --frozen   # dist/cchc-desktop (tools/build_installer.py)
                                            # beside the bare window frozen the same way

Each run is a fresh interpreter, offscreen. Two starts of the app are measured:

- first: `cchc-desktop --smoke`: a new throwaway database is created (its schema written
  through sqlite-utils' migrations), the sample plan is written to it and shown, the window
  painted, exit. This is the very first start on a PC, and what the issue names.
- returning: `cchc-desktop --smoke --db sample.sqlite`: a copy of a database that already
  holds the sample plan is opened and its plan shown: every later start of the app.

The baseline is a QMainWindow holding one empty QTableView, shown and painted the same way;
"forms" is the same main window built from forms/*.ui alone (no data; of the app's code only
the two custom widgets the forms name), the least this window can cost. They rotate, so a
machine that slows down mid-run slows all. Prints medians and ratios; with --check, exits 1
when the returning start is over the targets (time ≤ 1.5×, memory ≤ 1.3× the bare window).
Peak memory is each child's maximum resident set (wait4), so this runs on Linux and macOS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_TARGET, MEMORY_TARGET = 1.5, 1.3

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTableView())
watch = Painted()
window.installEventFilter(watch)
window.show()
app.exec()
"""

# The first window's own widgets, built from forms/*.ui with no data: the least the main window
# can cost (not run with --frozen).
FORMS_ONLY = BARE.replace(
    "window.setCentralWidget(QTableView())",
    """from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow
from cchc_desktop.ui.forms.ui_task_tracker import Ui_TaskTracker
from PySide6.QtWidgets import QWidget
ui = Ui_MainWindow()
ui.setupUi(window)
tracker = QWidget()
Ui_TaskTracker().setupUi(tracker)
ui.tasksLayout.addWidget(tracker)
ui.stack.setCurrentIndex(1)""",
)
SAMPLE_DB = Path(tempfile.gettempdir()) / "cchc-startup-bench" / "cchc.sqlite"
COMMANDS = {
    "first": [sys.executable, "-m", "cchc_desktop", "--smoke"],
    "returning": [sys.executable, "-m", "cchc_desktop", "--smoke", "--db", str(SAMPLE_DB)],
    "bare": [sys.executable, "-c", BARE],
    "forms": [sys.executable, "-c", FORMS_ONLY],
}
LABELS = {"forms": "forms only", "first": "first start", "returning": "returning start"}


def prepare_sample_db() -> None:
    """The database of the returning start: the sample plan, written by the CLI."""
    SAMPLE_DB.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", "sample", "--out", str(SAMPLE_DB.parent),
         "--db", str(SAMPLE_DB), "--force", "--no-pdf"],
        cwd=ROOT, env=_environment(), check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


FROZEN_APP = ROOT / "dist" / "cchc-desktop" / "cchc-desktop"
FROZEN_BARE = ROOT / "build" / "bench-bare"


def frozen_commands() -> dict[str, list[str]]:
    """The built app, and the bare window put through PyInstaller once (one-folder too)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    app = FROZEN_APP.with_name(FROZEN_APP.name + suffix)
    if not app.exists():
        sys.exit(f"{app} missing: python tools/build_installer.py --bundle-only")
    bare = FROZEN_BARE / "dist" / "bare" / f"bare{suffix}"
    if not bare.exists():
        FROZEN_BARE.mkdir(parents=True, exist_ok=True)
        (FROZEN_BARE / "bare.py").write_text(BARE, encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
             "--exclude-module", "numpy", "--exclude-module", "tkinter",
             "--distpath", str(FROZEN_BARE / "dist"), "--workpath", str(FROZEN_BARE / "work"),
             "--specpath", str(FROZEN_BARE), str(FROZEN_BARE / "bare.py")],
            check=True,
        )  # fmt: skip
    return {
        "first": [str(app), "--smoke"],
        "returning": [str(app), "--smoke", "--db", str(SAMPLE_DB)],
        "bare": [str(bare)],
    }


def _environment() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak resident MB, CPU seconds) of one whole process. CPU time (user and
    system) moves less than wall time on a machine whose speed wanders between runs."""
    began = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, env=_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        sys.exit(f"{command[:3]} failed ({child.returncode}):\n{errors}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, peak, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (at least 10)")
    parser.add_argument("--check", action="store_true", help="exit 1 when over the targets")
    parser.add_argument("--frozen", action="store_true", help="the PyInstaller builds instead")
    args = parser.parse_args()
    runs = max(args.runs, 10)
    commands = frozen_commands() if args.frozen else COMMANDS
    prepare_sample_db()

    for name in commands:  # warm the disk cache and .pyc files; not counted
        measure(commands[name])
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            elapsed, peak, cpu = measure(commands[name])
            times[name].append(elapsed)
            peaks[name].append(peak)
            cpus[name].append(cpu)

    bare_s, bare_mb = statistics.median(times["bare"]), statistics.median(peaks["bare"])
    how = "frozen (PyInstaller)" if args.frozen else sys.executable
    print(f"runs: {runs} of each, rotating, offscreen, {how}")
    bare_cpu = statistics.median(cpus["bare"])
    print(f"bare_median_s: {bare_s:.3f}")
    print(f"bare_cpu_s: {bare_cpu:.3f}")
    print(f"bare_peak_mb: {bare_mb:.1f}")
    over = False
    for name, label in LABELS.items():
        if name not in commands:
            continue
        app_s, app_mb = statistics.median(times[name]), statistics.median(peaks[name])
        time_ratio, memory_ratio = app_s / bare_s, app_mb / bare_mb
        print(f"{name}_median_s: {app_s:.3f}")
        print(f"{name}_time_ratio: {time_ratio:.2f}  (target ≤ {TIME_TARGET})")
        app_cpu = statistics.median(cpus[name])
        print(f"{name}_cpu_s: {app_cpu:.3f}  (ratio {app_cpu / bare_cpu:.2f})")
        print(f"{name}_peak_mb: {app_mb:.1f}")
        print(f"{name}_memory_ratio: {memory_ratio:.2f}  (target ≤ {MEMORY_TARGET})")
        if time_ratio > TIME_TARGET or memory_ratio > MEMORY_TARGET:
            print(f"{label}: over target", file=sys.stderr)
            over = over or name == "returning"
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
