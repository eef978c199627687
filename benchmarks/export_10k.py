"""Exporting a plan of 10,000 tasks and its progress report, as the app does from its database.

    python benchmarks/export_10k.py

Prints one figure per line (median of several runs, seconds):

- export_10k_s: the plan's package — .docx, .xlsx and the app's own .pdf (export_package with
  start_plan_pdf: a second process paints the PDF of a big plan while the first writes the
  others) — target < 5 s;
- report_10k_s: its report of the second half-year — the figures gathered from the tracked
  tasks (build_report), its .docx and .xlsx (export_report) — target < 2 s;
- the same with the plan's first 1,000 and 5,000 tasks: each grows in proportion to the tasks.

The plan is the task table's (benchmarks/tasks.py): 10,000 varied tasks of a title and one line
of detail, saved in SQLite and read back, with their stored due dates, two thirds of them with
results. The first export, which loads the writers and the fonts, is not timed.

Last, ``calibration_s``: a fixed loop of plain Python, timed before and after, to tell a slow
machine from a slow export (the shared machines these figures come from run at times at half
their speed).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tasks import TODAY, big_plan

from cchc_desktop.core.deadlines import ReportPeriod, parse_report_period
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.progress import Histories
from cchc_desktop.core.report import build_report
from cchc_desktop.core.template import bundled_template
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.documents.package import export_package, export_report
from cchc_desktop.render.paged import ensure_gui
from cchc_desktop.render.pdf_process import start_plan_pdf
from cchc_desktop.store.database import open_database
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore

RUNS = 5
SIZES = {"1k": 1_000, "5k": 5_000, "10k": 10_000}


def calibration() -> float:
    """Ten million additions in a loop."""
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def export(plan: Plan, office: Office, folder: Path) -> None:
    export_package(plan, office, folder, pdf_writer=start_plan_pdf, overwrite=True)


def report(
    plan: Plan,
    office: Office,
    tracked: list[TrackedTask],
    histories: Histories,
    period: ReportPeriod,
    folder: Path,
) -> None:
    built = build_report(plan, office, tracked, period, TODAY, histories)
    export_report(built, folder, overwrite=True)


def main() -> None:
    ensure_gui()
    figures = {}
    before = calibration()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        repo = Repository(open_database(folder / "cchc.sqlite"))
        saved, office = big_plan(repo, bundled_template())
        plan = repo.plan(saved.id)
        store = TaskStore(repo)
        tracked, histories = store.tracked_tasks(plan.id), store.histories(plan.id)
        period = parse_report_period("h2", plan.period)
        export(replace(plan, tasks=plan.tasks[:100]), office, folder)  # loads writers and fonts
        for name, count in SIZES.items():
            part = replace(plan, tasks=plan.tasks[:count])
            ids = {t.id for t in part.tasks}
            part_tracked = [t for t in tracked if t.id in ids]
            out = folder / name
            figures[f"export_{name}_s"] = median_seconds(partial(export, part, office, out))
            figures[f"report_{name}_s"] = median_seconds(
                partial(report, part, office, part_tracked, histories, period, out)
            )
        repo.db.close()
    figures["calibration_s"] = statistics.mean((before, calibration()))
    for name in ("export_10k_s", "report_10k_s", *(f for f in figures if "10k" not in f)):
        print(f"{name}: {figures[name]:.3f}")


if __name__ == "__main__":
    main()
