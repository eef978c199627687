"""The review page shows the plan as it prints: the PDF's own pages, in the paper font, each at
its orientation, fitted to the width, with zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QWheelEvent

from cchc_desktop.core.outline import plan_outline
from cchc_desktop.render.paged import write_plan_pdf
from cchc_desktop.ui.page_preview import PagePreview
from tests.documents.paper import Raster, raster, read_pdf


@pytest.fixture
def preview(qtbot, sample):
    plan, office = sample
    widget = PagePreview()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_outline(plan_outline(plan, office))
    return widget


def page_image(preview: PagePreview, index: int) -> Raster:
    """A page of the preview drawn at 96 dpi, in grey, as pdftoppm draws the PDF's."""
    page = preview._items[index].page
    image = QImage(round(page.width), round(page.height), QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    page.draw(painter)
    painter.end()
    pixels = bytes(image.constBits())
    stride = image.bytesPerLine()
    rows = b"".join(pixels[y * stride : y * stride + image.width()] for y in range(image.height()))
    return Raster(image.width(), image.height(), rows)


def text_lines(page: Raster) -> list[int]:
    """The tops of the runs of inked rows at least a text line tall, top to bottom (a
    diacritic or a rule drawn apart from its line is left out)."""
    tops: list[int] = []
    start = None
    for y in range(page.height + 1):
        inked = y < page.height and any(page.dark(x, y) for x in range(page.width))
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            if y - start >= 10:
                tops.append(start)
            start = None
    return tops


def rules(page: Raster) -> list[int]:
    """The rows inked across more than half the page: a table's borders."""
    wide = [
        y for y in range(page.height)
        if sum(page.dark(x, y) for x in range(page.width)) > page.width / 2
    ]  # fmt: skip
    return [y for y in wide if y - 1 not in wide]  # one per border


def near(tops: list[int], top: int) -> bool:
    return any(abs(t - top) <= 4 for t in tops)  # a line is 24 px: 4 tells it from the next


def test_the_preview_has_the_pdfs_pages_each_at_its_orientation(preview, sample, tmp_path):
    plan, office = sample
    pdf = tmp_path / "KH.pdf"
    write_plan_pdf(plan, office, pdf)
    printed = read_pdf(pdf, text_area_only=False)
    assert preview.page_count() == len(printed) > 2
    shown = [item.page for item in preview._items]
    assert [p.width > p.height for p in shown] == [p.landscape for p in printed]
    assert shown[-1].width > shown[-1].height, "the appendix is shown on landscape pages"
    assert preview.pages.text() == f"Trang 1 / {len(printed)}"


def test_each_preview_page_has_the_pdfs_lines_where_the_pdf_has_them(preview, sample, tmp_path):
    plan, office = sample
    pdf = tmp_path / "KH.pdf"
    write_plan_pdf(plan, office, pdf)
    last = preview.page_count() - 1
    for index, lines in ((0, text_lines), (1, text_lines), (last, rules)):  # the appendix: rows
        shown = lines(page_image(preview, index))
        printed = lines(raster(pdf, index + 1, dpi=96))
        assert len(printed) > 3
        assert [t for t in shown if not near(printed, t)] == [], f"page {index + 1}: {printed}"
        assert [t for t in printed if not near(shown, t)] == [], f"page {index + 1}: {shown}"


def test_the_page_fills_the_width_and_the_whole_page_fits_on_request(qtbot, preview):
    viewport = preview.view.viewport()
    first = preview._items[0].page
    assert preview.fit_width.isChecked()
    shown_width = first.width * preview.zoom_factor()
    assert 0.9 * viewport.width() <= shown_width <= viewport.width()

    preview.resize(1000, 700)  # the pane grows: the page grows with it
    qtbot.waitUntil(lambda: first.width * preview.zoom_factor() > shown_width + 100)

    qtbot.mouseClick(preview.whole_page, Qt.MouseButton.LeftButton)
    assert preview.whole_page.isChecked() and not preview.fit_width.isChecked()
    assert first.height * preview.zoom_factor() <= viewport.height()
    assert first.width * preview.zoom_factor() <= viewport.width()


def test_zoom_by_the_buttons_the_keys_and_ctrl_with_the_wheel(qtbot, preview):
    start = preview.zoom_factor()
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pytest.approx(start * 1.15)
    assert not preview.fit_width.isChecked()
    qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pytest.approx(start / 1.15)

    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_factor() == pytest.approx(start)

    viewport = preview.view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre, preview.view.mapToGlobal(centre), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    preview.view.wheelEvent(wheel)
    assert preview.zoom_factor() == pytest.approx(start * 1.15)

    qtbot.mouseClick(preview.fit_width, Qt.MouseButton.LeftButton)
    assert preview.fit_width.isChecked()


def fits_the_width(preview: PagePreview, index: int) -> bool:
    shown = preview._items[index].page.width * preview.zoom_factor()
    return 0.9 * preview.view.viewport().width() <= shown <= preview.view.viewport().width()


def test_scrolling_says_which_page_is_in_view_and_fits_its_width(qtbot, preview):
    bar = preview.view.verticalScrollBar()
    count = preview.page_count()
    assert fits_the_width(preview, 0)
    bar.triggerAction(bar.SliderAction.SliderToMaximum)
    assert preview.pages.text() == f"Trang {count} / {count}"
    assert fits_the_width(preview, count - 1), "a landscape page of the appendix fits as well"
    assert not preview.view.horizontalScrollBar().isVisible()
    bar.triggerAction(bar.SliderAction.SliderToMinimum)
    assert preview.pages.text() == f"Trang 1 / {count}"
    assert fits_the_width(preview, 0)

    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)  # the officer's own zoom
    zoom = preview.zoom_factor()
    bar.triggerAction(bar.SliderAction.SliderToMaximum)
    assert preview.zoom_factor() == zoom, "kept while scrolling"
