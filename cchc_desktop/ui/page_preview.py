"""PagePreview: a document's pages as they print — laid out exactly as the PDF is (the same
layout device, render/paged.py), A4 with the decree's margins in the paper font, the appendix on
landscape pages — with its own zoom: the page fitted to the width (the default, kept as the pane
is resized), the whole page, smaller and larger (Ctrl+− and Ctrl++, or Ctrl and the wheel).
"Vừa chiều rộng" fits the page in view, so an appendix page fits when it is the one read.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeySequence,
    QPainter,
    QPdfWriter,
    QResizeEvent,
    QShortcut,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.core.outline import Outline
from cchc_desktop.render.paged import LAYOUT_DPI, PageDraw, outline_parts, page_draws

ZOOM_STEP = 1.15
ZOOM_RANGE = (0.1, 4.0)
GAP = 16.0  # between pages, in the pages' pixels (1/96 inch)
BACKGROUND = QColor("#8a8f96")
SHADOW = QColor(0, 0, 0, 90)


class PageItem(QGraphicsItem):
    """A sheet of paper with one page drawn on it."""

    def __init__(self, page: PageDraw) -> None:
        super().__init__()
        self.page = page
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.page.width + 3, self.page.height + 3)

    def paper(self) -> QRectF:
        return QRectF(0, 0, self.page.width, self.page.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self.paper().translated(3, 3), SHADOW)
        painter.fillRect(self.paper(), Qt.GlobalColor.white)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.page.draw(painter)


class PagesView(QGraphicsView):
    """The pages one under the other; Ctrl and the wheel zoom (``PagePreview.zoom``)."""

    def __init__(self, preview: PagePreview) -> None:
        super().__init__(preview)
        self.preview = preview
        self.setBackgroundBrush(QBrush(BACKGROUND))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # PgUp/PgDn, arrows

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.preview.zoom(ZOOM_STEP if steps > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.preview.refit()


class PagePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outline: Outline | None = None
        self._items: list[PageItem] = []
        self._mode = "width"  # "width", "page" or "" (a zoom of the officer's)
        self._layout_device: QPdfWriter | None = None
        self._at_top = False  # a new outline not yet scrolled: kept at its first page
        self._fitted = 0.0  # the width of the page fitted to the width

        self.fit_width = self._button("Vừa chiều &rộng", "Trang vừa chiều rộng khung xem")
        self.whole_page = self._button("Cả tran&g", "Thấy cả trang")
        self.zoom_out = self._button("−", "Thu nhỏ (Ctrl+−)")
        self.zoom_in = self._button("+", "Phóng to (Ctrl++)")
        for button in (self.fit_width, self.whole_page):
            button.setCheckable(True)
        self.pages = QLabel()
        self.pages.setAccessibleName("Số trang")

        self.scene = QGraphicsScene(self)
        self.view = PagesView(self)
        self.view.setScene(self.scene)
        self.view.setAccessibleName("Các trang như khi in")
        self.view.verticalScrollBar().valueChanged.connect(self._update_pages)
        for scroll_bar in (self.view.verticalScrollBar(), self.view.horizontalScrollBar()):
            scroll_bar.actionTriggered.connect(self._scrolled)  # wheel, keys, the bar itself

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.fit_width, self.whole_page, self.zoom_out, self.zoom_in):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.fit_width.clicked.connect(self.fit_to_width)
        self.whole_page.clicked.connect(self.fit_in_view)
        self.zoom_out.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        for keys, factor in (
            (QKeySequence(QKeySequence.StandardKey.ZoomIn), ZOOM_STEP),
            (QKeySequence("Ctrl+="), ZOOM_STEP),
            (QKeySequence(QKeySequence.StandardKey.ZoomOut), 1 / ZOOM_STEP),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda factor=factor: self.zoom(factor))
        self._show_mode()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # what it shows ----------------------------------------------------------------------------

    def show_outline(self, outline: Outline) -> None:
        """Lay out ``outline``'s pages as the PDF lays them out and show them, from the top."""
        self._outline = outline
        self.scene.clear()
        self._items = []
        top = 0.0
        for page in page_draws(self._device(), outline_parts(outline)):
            item = PageItem(page)
            item.setPos(-page.width / 2, top)  # centred on x = 0
            self.scene.addItem(item)
            self._items.append(item)
            top += page.height + GAP
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-GAP, -GAP, GAP, GAP))
        self._at_top = True
        self.refit()
        self._update_pages()

    def _scrolled(self) -> None:
        self._at_top = False

    def _device(self) -> QPdfWriter:
        """The PDF export's own layout device (nothing is written to it): the same fonts'
        metrics and the same line breaks as the PDF."""
        if self._layout_device is None:
            self._layout_device = QPdfWriter(QBuffer(self))  # the buffer lives as long as self
            self._layout_device.setResolution(LAYOUT_DPI)
        return self._layout_device

    def text(self) -> str:
        """The words on the pages, for the tests and a screen reader's summary."""
        if self._outline is None:
            return ""
        from cchc_desktop.render.outline_html import outline_preview_html

        document = QTextDocument()
        document.setHtml(outline_preview_html(self._outline))
        return document.toPlainText()

    def page_count(self) -> int:
        return len(self._items)

    def current_page(self) -> int:
        """The page at the middle of the view, from 1."""
        if not self._items:
            return 0
        centre = self.view.mapToScene(self.view.viewport().rect().center()).y()
        for number, item in enumerate(self._items, start=1):
            if centre <= item.y() + item.page.height + GAP / 2:
                return number
        return len(self._items)

    def _update_pages(self) -> None:
        count = self.page_count()
        current = self.current_page()
        self.pages.setText(f"Trang {current} / {count}" if count else "")
        if self._mode == "width" and count and self._items[current - 1].page.width != self._fitted:
            self.refit()  # scrolled from the body into the appendix, or back: fit that page

    # zoom ---------------------------------------------------------------------------------------

    def zoom_factor(self) -> float:
        return self.view.transform().m11()

    def fit_to_width(self) -> None:
        self._at_top = False
        self._mode = "width"
        self.refit()

    def fit_in_view(self) -> None:
        self._at_top = False
        self._mode = "page"
        self.refit()

    def zoom(self, factor: float) -> None:
        self._at_top = False
        self._mode = ""
        self._show_mode()
        self._set_zoom(self.zoom_factor() * factor)

    def refit(self) -> None:
        """Apply the fitting chosen to the page in view (the first one of a new outline)."""
        self._show_mode()
        if not self._items:
            return
        first = self._at_top
        if not self._mode:
            if first:
                self._to_top()
            return
        item = self._items[0 if first else self.current_page() - 1]
        viewport = self.view.viewport().rect()
        zoom = viewport.width() / (item.page.width + 2 * GAP)
        if self._mode == "page":
            zoom = min(zoom, viewport.height() / (item.page.height + 2 * GAP))
        self._fitted = item.page.width
        self._set_zoom(zoom)
        if self._mode == "page":
            self.view.centerOn(0, item.y() + item.page.height / 2)
        elif first:
            self._to_top()

    def _to_top(self) -> None:
        self.view.centerOn(0, self.scene.sceneRect().top())
        self.view.verticalScrollBar().setValue(self.view.verticalScrollBar().minimum())
        self._update_pages()

    def _set_zoom(self, zoom: float) -> None:
        """Zoom about the middle of the view, the pages centred across it."""
        low, high = ZOOM_RANGE
        zoom = max(low, min(high, zoom))
        centre = self.view.mapToScene(self.view.viewport().rect().center()).y()
        self.view.resetTransform()
        self.view.scale(zoom, zoom)
        self.view.centerOn(0, centre)
        self._update_pages()

    def _show_mode(self) -> None:
        self.fit_width.setChecked(self._mode == "width")
        self.whole_page.setChecked(self._mode == "page")
        self.view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if self._mode == "width"  # the page in view is as wide as the view
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
