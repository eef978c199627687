"""Start-up cost of the app beside a bare PySide6 window: whole-process time and peak memory.

    python benchmarks/startup.py            # 15 runs of each, alternating
    python benchmarks/startup.py --runs 30 --check
    python benchmarks/startup.py --frozen   # dist/cchc-desktop (tools/build_installer.py)
                                            # beside the bare window frozen the same way

Each run is a fresh interpreter, offscreen. The app runs `python -m cchc_desktop --smoke`
(a throwaway database, the sample plan shown, the window painted, exit); the baseline is a
QMainWindow holding one empty QTableView, shown and painted the same way. The two alternate,
so a machine that slows down mid-run slows both. Prints medians and ratios; with --check,
exits 1 when the app is over the targets (time ≤ 1.5×, memory ≤ 1.3× the bare window).
Peak memory is each child's maximum resident set (wait4), so this runs on Linux and macOS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
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

COMMANDS = {
    "smoke": [sys.executable, "-m", "cchc_desktop", "--smoke"],
    "bare": [sys.executable, "-c", BARE],
}
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
    return {"smoke": [str(app), "--smoke"], "bare": [str(bare)]}


def _environment() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one whole process."""
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
    return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (at least 10)")
    parser.add_argument("--check", action="store_true", help="exit 1 when over the targets")
    parser.add_argument("--frozen", action="store_true", help="the PyInstaller builds instead")
    args = parser.parse_args()
    runs = max(args.runs, 10)
    commands = frozen_commands() if args.frozen else COMMANDS

    for name in commands:  # warm the disk cache and .pyc files; not counted
        measure(commands[name])
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    peaks: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for i in range(runs):
        order = ["smoke", "bare"] if i % 2 == 0 else ["bare", "smoke"]
        for name in order:
            elapsed, peak = measure(commands[name])
            times[name].append(elapsed)
            peaks[name].append(peak)

    smoke_s, bare_s = statistics.median(times["smoke"]), statistics.median(times["bare"])
    smoke_mb, bare_mb = statistics.median(peaks["smoke"]), statistics.median(peaks["bare"])
    time_ratio, memory_ratio = smoke_s / bare_s, smoke_mb / bare_mb
    how = "frozen (PyInstaller)" if args.frozen else sys.executable
    print(f"runs: {runs} of each, alternating, offscreen, {how}")
    print(f"smoke_median_s: {smoke_s:.3f}")
    print(f"bare_median_s: {bare_s:.3f}")
    print(f"time_ratio: {time_ratio:.2f}  (target ≤ {TIME_TARGET})")
    print(f"smoke_peak_mb: {smoke_mb:.1f}")
    print(f"bare_peak_mb: {bare_mb:.1f}")
    print(f"memory_ratio: {memory_ratio:.2f}  (target ≤ {MEMORY_TARGET})")
    over = time_ratio > TIME_TARGET or memory_ratio > MEMORY_TARGET
    if over:
        print("over target", file=sys.stderr)
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
