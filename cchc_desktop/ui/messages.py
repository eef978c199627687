"""Errors and notices shown to the user in Vietnamese; never a traceback in a dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from cchc_desktop.errors import CchcError

log = logging.getLogger("cchc_desktop")

UNEXPECTED = (
    "Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.\n"
    "Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký cho người hỗ trợ:\n{log}"
)


def show_error(parent: QWidget | None, error: BaseException, log_path: str = "") -> None:
    """A CchcError shows its own message; anything else a calm general one."""
    if isinstance(error, CchcError):
        text = error.message
    else:
        text = UNEXPECTED.format(log=log_path or "(không có)")
    QMessageBox.warning(parent, "Không thực hiện được", text)


def install_excepthook(log_path: str) -> None:
    """Unhandled exceptions in slots go to the log file and a Vietnamese dialog."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("".join(traceback.format_exception(kind, error, tb)))
        show_error(None, error, log_path)

    sys.excepthook = hook
