"""Screenshots of the app for the guide (resources/help/img/*.png): the sample plan's windows,
dialogs and wizard steps, built offscreen at 100 % and grabbed with QWidget.grab(). Run after
changing what a window shows:

    python tools/make_help_screenshots.py [--out resources/help/img]

The guide's text names what the pictures show. They are drawn in Liberation Sans, the
metric twin of Arial (Debian: fonts-liberation2, which tools/setup-debian.sh installs); on
Windows the app itself uses the system's font.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the app and tests/ui/gallery.py, which builds every window

WINDOW = (980, 620)  # the main window as pictured
WIZARD = (900, 600)
WIDEST = 760  # pictures wider than this are scaled down (smoothly) to fit the guide's window
WIZARD_STEPS = (1, 2, 3, 4, 7, 8, 10, 11)  # the steps the guide shows


def shoot(out: Path) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.ui.app import install_translations
    from tests.ui.gallery import dialogs, main_window, settle, wizard_pages

    app = QApplication([sys.argv[0]])
    if "Liberation Sans" not in QFontDatabase.families():
        sys.exit("Liberation Sans is missing: apt-get install fonts-liberation2")
    app.setFont(QFont("Liberation Sans", 9))
    install_translations(app)
    out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []

    def save(widget, name: str) -> None:
        settle(60)
        image = widget.grab().toImage()
        if image.width() > WIDEST:
            image = image.scaledToWidth(WIDEST, Qt.TransformationMode.SmoothTransformation)
        image.save(str(out / f"{name}.png"))
        written.append(f"{name} {image.width()}×{image.height()}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty = main_window(folder / "trong", sample=False)
        empty.setWindowState(Qt.WindowState.WindowNoState)
        empty.resize(760, 400)
        empty.show()
        save(empty, "bat-dau")
        empty.close()
        empty.repo.close()

        window = main_window(folder)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*WINDOW)
        window.show()
        settle()
        window.tracker.ui.table.selectRow(0)
        save(window, "cua-so-chinh")
        window.ui.planTabs.setCurrentIndex(1)
        save(window, "van-ban")
        window.ui.planTabs.setCurrentIndex(0)
        wanted = {"han-bao-cao", "ghi-so", "bao-cao", "xem-truoc-khi-in", "nhap-tu-word"}
        for name, dialog in dialogs(window, folder):
            if name in wanted:
                dialog.show()
                save(dialog, name)
            dialog.close()
        for _name, wizard in wizard_pages(window):
            step = wizard.currentId() + 1
            if step == 1:
                wizard.resize(*WIZARD)
            if step in WIZARD_STEPS:
                save(wizard, f"trinh-lap-{step}")
        window.close()
        window.repo.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "help" / "img")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # A large screen, so that nothing opens maximised; settings and data of our own.
        config = Path(tmp) / "screen.json"
        screen = {"name": "s", "x": 0, "y": 0, "width": 1920, "height": 1080}
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        os.environ.pop("QT_SCALE_FACTOR", None)
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        os.environ["CCHC_DATA_DIR"] = str(Path(tmp) / "data")
        written = shoot(args.out)
    print(f"{len(written)} screenshots in {args.out}: {', '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
