"""The Qt binding itself: a PySide6 release that mishandles references would crash the app
after a while of ordinary use, so it is caught here rather than by a commune officer."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def test_calling_void_methods_keeps_none_alive(qapp):
    label, font = QLabel(), QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("Kế hoạch")
        font.setPointSizeF(13)
    # PySide6 6.12.0 lost one reference per call: -1000 here, and Python 3.11 aborts once
    # None's count reaches zero. A correct binding leaves it (almost) unchanged.
    assert sys.getrefcount(None) - before > -50
