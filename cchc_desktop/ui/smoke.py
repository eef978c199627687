"""`cchc-desktop --smoke`: start the real app on a throwaway database, show the sample plan,
wait until the main window is painted, and exit 0; any error goes to stderr and exits 1.

CI runs it against the frozen build, so a bundle that cannot start fails the build. Nothing
touches the user's data folder or settings: both point into a temporary folder.

The sample's run also has a second copy of the program paint the sample plan's PDF, as a big plan's
export does (render/pdf_process.py): a frozen build that cannot start itself fails too.

`cchc-desktop --smoke --db FILE` starts instead on a copy of FILE (SQLite never opens FILE
itself) and shows its newest plan: a returning officer's start, and a safe way to check that
this version opens someone's data.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

PAINT_TIMEOUT_MS = 20_000
LOG_WHEN_NO_CONSOLE = Path(tempfile.gettempdir()) / "cchc-desktop-smoke.log"
_DIALOGS = ("critical", "warning", "information", "question", "about", "exec")


class SmokeFailure(RuntimeError):
    """What went wrong, in words: reported as one line, without a traceback."""


class _PaintWatch(QObject):
    """Quits ``loop`` at the first paint event of the watched widget."""

    def __init__(self, widget: QWidget, loop: QEventLoop) -> None:
        super().__init__(widget)
        self.painted = False
        self._loop = loop
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._loop.quit)  # after this paint has finished
        return False


class _Failures:
    """A message box would wait forever for a click nobody makes, and an exception in a slot
    would only reach the excepthook: while active, both become failures of the run."""

    def __init__(self, copy: Path | None = None, given: Path | None = None) -> None:
        self.seen: list[str] = []
        self.copy, self.given = copy, given

    def named(self, text: str) -> str:
        """The officer's file named, not the run's copy of it."""
        if self.copy is None or self.given is None:
            return text
        return text.replace(str(self.copy), str(self.given))

    def hook(self, kind: type[BaseException], error: BaseException, tb: Any) -> None:
        self.seen.append("".join(traceback.format_exception(kind, error, tb)))

    def check(self) -> None:
        if self.seen:
            raise SmokeFailure("lỗi trong khi chạy:\n" + "\n".join(self.seen))

    def dialog(self, *args: Any, **_kwargs: Any) -> Any:
        texts = " / ".join(a for a in args if isinstance(a, str))
        if args and isinstance(args[0], QMessageBox):  # a box built then shown with exec()
            texts = args[0].text()
        raise SmokeFailure(self.named(f"hộp thoại bật lên: {texts}"))

    @contextmanager
    def active(self) -> Iterator[None]:
        saved: dict[str, Callable[..., Any]] = {n: getattr(QMessageBox, n) for n in _DIALOGS}
        saved_hook = sys.excepthook
        for name in _DIALOGS:
            setattr(QMessageBox, name, self.dialog)
        sys.excepthook = self.hook
        try:
            yield
        finally:
            for name, function in saved.items():
                setattr(QMessageBox, name, function)
            sys.excepthook = saved_hook


@contextmanager
def _settings_in(folder: Path) -> Iterator[None]:
    """The user's settings stay untouched: the run's settings live in ``folder``."""
    ini, user = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    before = Path(QSettings(ini, user, "o", "a").fileName()).parent.parent
    QSettings.setPath(ini, user, str(folder))
    try:
        yield
    finally:
        QSettings.setPath(ini, user, str(before))


def _close_log_files(folder: Path) -> None:
    """The log file is in the folder about to be removed (Windows cannot remove an open file)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        name = getattr(handler, "baseFilename", "")
        if name and Path(name).is_relative_to(folder):
            root.removeHandler(handler)
            handler.close()


def _copy_of(source: Path, folder: Path) -> Path:
    """The file, with its write-ahead log if the app left one, copied as the run's database.
    A plain copy: opening ``source`` itself, even read-only, would leave files beside it."""
    if not source.is_file():
        raise SmokeFailure(f"không có tệp dữ liệu «{source}»")
    target = folder / "cchc.sqlite"
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def _check(argv: Sequence[str], folder: Path) -> None:
    from cchc_desktop.errors import CchcError
    from cchc_desktop.store.database import connect
    from cchc_desktop.ui.app import parse_args, start

    given = parse_args(list(argv[1:])).db
    start_args = [argv[0] if argv else "cchc-desktop", "--data-dir", str(folder)]
    failures = _Failures()
    if given:
        copy = _copy_of(Path(given), folder)
        failures = _Failures(copy, Path(given))
        try:  # opened as the app would, so that a refusal is told in its own words
            connect(copy).close()
        except CchcError as error:
            raise SmokeFailure(failures.named(error.message)) from None
        start_args += ["--db", str(copy)]
    with _settings_in(folder), failures.active():
        window = start(start_args)
        if window is None:
            raise SmokeFailure("không mở được cơ sở dữ liệu")
        sys.excepthook = failures.hook  # start() installed the app's dialog hook
        try:
            if not given:
                window.create_sample()
            failures.check()
            if given and window.plans.rowCount() == 0:
                raise SmokeFailure(f"tệp «{given}» chưa có kế hoạch nào")
            if not given and window.plans.rowCount() != 1:
                raise SmokeFailure("kế hoạch mẫu không hiện trong cửa sổ chính")
            if window.tracker.plan is None:
                raise SmokeFailure("nhiệm vụ của kế hoạch không hiện trong cửa sổ chính")
            loop = QEventLoop()
            watch = _PaintWatch(window, loop)
            QTimer.singleShot(PAINT_TIMEOUT_MS, loop.quit)
            window.show()
            loop.exec()
            if not watch.painted:
                raise SmokeFailure(f"cửa sổ chính chưa được vẽ sau {PAINT_TIMEOUT_MS} ms")
            QApplication.processEvents()
            failures.check()
            if not given:  # a returning start imports no more than it needs
                _pdf_apart(folder)
        finally:
            window.hide()
            window.repo.close()
            window.deleteLater()


def _pdf_apart(folder: Path) -> None:
    """The sample plan's PDF painted by a second copy of the program."""
    from cchc_desktop.core.sample import sample_office, sample_plan
    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.errors import CchcError
    from cchc_desktop.render.pdf_process import start_plan_pdf

    template = bundled_template()
    office = sample_office(template)
    target = folder / "thu.pdf"
    try:
        pages = start_plan_pdf(sample_plan(template, office), office, target, apart_from=0)
        if not isinstance(pages, int):
            pages = pages.wait()
    except CchcError as error:
        raise SmokeFailure(f"tiến trình vẽ PDF: {error.message}") from None
    if pages < 1 or not target.read_bytes().rstrip().endswith(b"%%EOF"):
        raise SmokeFailure("tiến trình vẽ PDF không ghi được tệp PDF")


def run(argv: Sequence[str]) -> int:
    """0 when the main window showed the sample plan and was painted; 1 otherwise."""
    with tempfile.TemporaryDirectory(prefix="cchc-smoke-", ignore_cleanup_errors=True) as name:
        try:
            _check(argv, Path(name))
        except SmokeFailure as failure:
            _report(f"cchc-desktop --smoke: {failure}\n")
            return 1
        except Exception:  # the point of the run: report any failure, never hang
            _report(traceback.format_exc())
            return 1
        finally:
            _close_log_files(Path(name))
    _report("cchc-desktop --smoke: ok\n", error=False)
    return 0


def _report(text: str, error: bool = True) -> None:
    """To stdout/stderr; a windowed Windows build has no console streams, so its errors go to
    %TEMP%\\cchc-desktop-smoke.log instead (tools/build_installer.py prints that file)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        stream.write(text)
        stream.flush()
    elif error:
        LOG_WHEN_NO_CONSOLE.write_text(text, encoding="utf-8")
