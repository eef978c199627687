"""The app's log file: ``cchc.log`` in the data folder, each line with its time, kept to a few
megabytes (1 MB, then ``cchc.log.1`` … ``cchc.log.3``), and where to find it for support."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "cchc.log"
MAX_BYTES = 1024 * 1024
KEPT = 3  # older files beside the current one
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def install(folder: Path) -> Path:
    """Log INFO and above to ``folder/cchc.log``, instead of any file logged to before."""
    path = Path(os.path.abspath(folder / LOG_NAME))  # as the handler keeps it
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) != path:
            root.removeHandler(old)
            old.close()
    if log_file() is None:
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEPT, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def log_file() -> Path | None:
    """The file the app logs to, if it logs to one."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
