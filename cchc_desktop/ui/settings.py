"""Every setting the app keeps between runs, declared once with its default (QSettings, in the
platform's settings folder; see README "Where the data lives")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One key and its default; ``get`` returns a value of the default's type."""

    key: str
    default: T

    def get(self) -> T:
        value: Any = QSettings().value(self.key, self.default, type=type(self.default))
        return value  # type: ignore[no-any-return]

    def set(self, value: T) -> None:
        QSettings().setValue(self.key, value)


@dataclass(frozen=True, slots=True)
class StateSetting:
    """A widget's saved geometry or state (bytes), absent until first saved."""

    key: str

    def get(self) -> QByteArray | None:
        value = QSettings().value(self.key)
        return value if isinstance(value, QByteArray) else None

    def set(self, value: QByteArray) -> None:
        QSettings().setValue(self.key, value)


EXPORT_FOLDER = Setting("export/folder", str(Path.home()))
EXPORT_ZIP = Setting("export/zip", False)
BACKUP_FOLDER = Setting("backup/folder", str(Path.home()))
IMPORT_FOLDER = Setting("import/folder", str(Path.home()))
WINDOW_GEOMETRY = StateSetting("main_window/geometry")
MAIN_SPLITTER = StateSetting("main_window/splitter")
TASK_SPLITTER = StateSetting("main_window/task_splitter")
TASK_COLUMNS = StateSetting("main_window/task_columns")
