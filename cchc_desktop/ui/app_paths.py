"""Where the user's data lives: the platform's app-data folder, or an explicit override."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

DB_NAME = "cchc.sqlite"
DATA_DIR_ENV = "CCHC_DATA_DIR"


def data_dir(override: str | Path | None = None) -> Path:
    """``override``, else $CCHC_DATA_DIR, else QStandardPaths' AppDataLocation
    (Windows: %APPDATA%\\CCHC\\cchc-desktop; Linux: ~/.local/share/CCHC/cchc-desktop).

    The application and organisation names must be set before this is called.
    """
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not location:
        raise RuntimeError("the platform has no application data folder")
    return Path(location)


def default_database(override: str | Path | None = None) -> Path:
    return data_dir(override) / DB_NAME
