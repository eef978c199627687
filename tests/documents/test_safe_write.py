"""Nothing lost when a file is written: a failed or broken write never replaces the old file,
leaves nothing behind, and says why; a new document gets a document's permissions; a read-only
file is not replaced unasked; what a killed export left is put right the next time."""

from __future__ import annotations

import errno
import gc
import os
import re
import stat
import sys
import time
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.documents import safe_write
from cchc_desktop.documents.safe_write import (
    BACKUPS,
    MANIFEST,
    MARKER,
    Staging,
    remove_leftovers,
    write_atomically,
)
from cchc_desktop.documents.verify import check_document
from cchc_desktop.errors import ExportError, ReadOnlyTargetError


def tiny_pdf(note: str = "") -> bytes:
    """A whole one-page PDF laid out as Qt writes one (a classic cross-reference table)."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n%" + note.encode() + b"\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out)


def ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def full_disk(temp: Path) -> None:
    with temp.open("wb") as stream:
        stream.write(b"%PDF-1.4\n")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(temp))


def test_a_full_disk_keeps_the_old_file_and_says_the_disk_is_full(tmp_path):
    target = tmp_path / "KH.pdf"
    target.write_bytes(tiny_pdf("cu"))
    with pytest.raises(ExportError, match=r"Ổ đĩa đã đầy.*«KH.pdf».*tệp cũ vẫn giữ nguyên"):
        write_atomically(target, full_disk)
    assert target.read_bytes() == tiny_pdf("cu")
    assert ours(tmp_path) == ["KH.pdf"]


def test_a_pdf_written_half_way_without_an_error_does_not_replace_a_good_one(tmp_path):
    """QPdfWriter says nothing when the disk fills: the file just stops."""
    target = tmp_path / "KH.pdf"
    target.write_bytes(tiny_pdf("cu"))
    new = tiny_pdf("moi")
    with pytest.raises(ExportError, match=r"«KH.pdf» ghi ra không trọn vẹn.*Tệp cũ vẫn giữ"):
        write_atomically(target, lambda temp: temp.write_bytes(new[: len(new) // 2]))
    assert target.read_bytes() == tiny_pdf("cu")
    assert ours(tmp_path) == ["KH.pdf"]
    write_atomically(target, lambda temp: temp.write_bytes(new))
    assert target.read_bytes() == new and ours(tmp_path) == ["KH.pdf"]


def test_a_broken_write_on_a_nearly_full_disk_blames_the_disk(tmp_path, monkeypatch):
    monkeypatch.setattr("cchc_desktop.documents.verify.NEARLY_FULL", 1 << 62)
    with pytest.raises(ExportError, match=r"ổ đĩa đã đầy, hãy giải phóng"):
        write_atomically(tmp_path / "a.pdf", lambda temp: temp.write_bytes(b"%PDF-1.4\n"))


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda d: d[1:], "thiếu phần đầu %PDF-"),
        (lambda d: d[:-8], "thiếu phần kết %%EOF"),
        (lambda d: d.replace(b"startxref\n", b"startxref\n9"), "bảng tham chiếu hỏng"),
        (lambda d: d.replace(b"65535 f", b"65535"), "bảng tham chiếu hỏng"),
        (lambda d: d.replace(b"trailer", b"trailor"), "bảng tham chiếu hỏng"),
        (lambda d: d.replace(b"2 0 obj", b"2 0 jbo"), "đối tượng 2 không ở chỗ"),
        (lambda d: d.replace(b"/Count 1", b"/Count 0"), "không có trang nào"),
        (lambda d: d.replace(b"/Root 1", b"/Root 7"), "không có trang nào"),
        (lambda d: d.replace(b"/Pages 2", b"/Pagez 2"), "không có trang nào"),
    ],
)
def test_a_damaged_pdf_is_caught_with_what_is_wrong(tmp_path, damage, problem):
    written = tmp_path / "x"
    written.write_bytes(damage(tiny_pdf()))
    with pytest.raises(ExportError, match=re.escape(problem)):
        check_document(written, "KH.pdf")


def zipped(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_docx_or_xlsx_is_a_whole_zip_with_its_main_part(sample_docx, sample_xlsx, tmp_path):
    good_docx, good_xlsx = sample_docx[0], sample_xlsx[0]
    check_document(good_docx, "KH.docx")
    check_document(good_xlsx, "KH.xlsx")
    data = good_docx.read_bytes()
    (tmp_path / "cut").write_bytes(data[: len(data) // 2])
    with pytest.raises(ExportError, match=r"không đọc được như một tệp nén"):
        check_document(tmp_path / "cut", "KH.docx")
    with zipfile.ZipFile(good_docx) as archive:
        info = archive.getinfo("word/document.xml")
    flipped = bytearray(data)
    flipped[info.header_offset + 30 + len(info.filename) + 200] ^= 0xFF
    (tmp_path / "flipped").write_bytes(bytes(flipped))
    with pytest.raises(ExportError, match=r"«word/document.xml» hỏng|không đọc được"):
        check_document(tmp_path / "flipped", "KH.docx")
    hollow = zipped(tmp_path / "hollow.docx", {"[Content_Types].xml": b"<Types/>"})
    with pytest.raises(ExportError, match=r"thiếu phần «word/document.xml»"):
        check_document(hollow, "KH.docx")
    garbled = zipped(tmp_path / "garbled.xlsx", {"xl/workbook.xml": b"<not a workbook"})
    with pytest.raises(ExportError, match=r"không mở lại được"):
        check_document(garbled, "KH.xlsx")
    check_document(zipped(tmp_path / "a.zip", {"a.txt": b"a"}), "KH.zip")
    check_document(tmp_path / "cut", "ghi-chu.txt")  # a kind not checked


def test_a_stray_zip_error_from_a_writer_is_a_clear_message(tmp_path):
    def bad(temp: Path) -> None:
        raise zipfile.BadZipFile("Bad magic number for central directory")

    with pytest.raises(ExportError, match=r"Không ghi được tệp «a.docx»: Bad magic"):
        write_atomically(tmp_path / "a.docx", bad)
    assert ours(tmp_path) == []


def test_a_writer_s_half_written_zip_is_let_go_without_a_stray_traceback(tmp_path):
    """python-docx and openpyxl leave their ZipFile open when the disk fills; its finaliser
    wrote to the full disk again and printed a second traceback after the message."""
    seen = []

    def half_zip(temp: Path) -> None:
        archive = zipfile.ZipFile(temp, "w")
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.fp.close()  # any later write fails, as on a full disk
        raise OSError(errno.ENOSPC, "No space left on device")

    hook = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        with pytest.raises(ExportError, match=r"Ổ đĩa đã đầy"):
            write_atomically(tmp_path / "a.docx", half_zip)
        gc.collect()
    finally:
        sys.unraisablehook = hook
    assert seen == [] and ours(tmp_path) == []


def test_a_new_document_gets_a_document_s_permissions_not_0600(tmp_path):
    old_mask = os.umask(0o022)
    try:
        new = write_atomically(tmp_path / "KH.pdf", lambda t: t.write_bytes(tiny_pdf()))
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        shared = tmp_path / "chung.pdf"
        shared.write_bytes(tiny_pdf())
        shared.chmod(0o664)
        write_atomically(shared, lambda t: t.write_bytes(tiny_pdf("moi")))
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664  # the group keeps its access
    finally:
        os.umask(old_mask)


def test_a_read_only_file_is_replaced_only_when_allowed(tmp_path):
    target = tmp_path / "KH.pdf"
    target.write_bytes(tiny_pdf("cu"))
    target.chmod(0o444)
    with pytest.raises(ReadOnlyTargetError, match=r"«KH.pdf» đang ở chế độ chỉ đọc") as caught:
        write_atomically(target, lambda t: t.write_bytes(tiny_pdf("moi")))
    assert caught.value.files == [target]
    assert target.read_bytes() == tiny_pdf("cu")
    write_atomically(target, lambda t: t.write_bytes(tiny_pdf("moi")), replace_read_only=True)
    assert target.read_bytes() == tiny_pdf("moi") and ours(tmp_path) == ["KH.pdf"]


def test_a_file_open_in_word_is_not_replaced_and_the_old_one_stays(tmp_path, monkeypatch):
    target = tmp_path / "KH.pdf"
    target.write_bytes(tiny_pdf("cu"))

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    with pytest.raises(ExportError, match=r"đang được mở trong một chương trình khác"):
        write_atomically(target, lambda t: t.write_bytes(tiny_pdf("moi")))
    monkeypatch.undo()
    assert target.read_bytes() == tiny_pdf("cu") and ours(tmp_path) == ["KH.pdf"]


def test_a_folder_that_cannot_be_written_is_named(tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    with pytest.raises(ExportError, match=r"Không ghi được vào thư mục"):
        write_atomically(blocker / "KH.pdf", lambda t: t.write_bytes(tiny_pdf()))


def test_a_failed_flush_is_a_clear_message(tmp_path, monkeypatch):
    def fail(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(safe_write.os, "fsync", fail)
    with pytest.raises(ExportError, match=r"Không ghi được tệp «KH.pdf»: Input/output error"):
        write_atomically(tmp_path / "KH.pdf", lambda t: t.write_bytes(tiny_pdf()))
    monkeypatch.undo()
    assert ours(tmp_path) == []


def write_set(folder: Path, note: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    files = [folder / n for n in ("a.pdf", "b.pdf", "c.pdf")]
    for f in files:
        f.write_bytes(tiny_pdf(f"{note}-{f.name}"))
    return files


def stage(staging: Staging, targets: list[Path], note: str) -> None:
    for t in targets:
        staging.path(t).write_bytes(tiny_pdf(f"{note}-{t.name}"))


def test_a_set_moves_in_whole_or_the_old_set_stays_when_one_move_fails(tmp_path, monkeypatch):
    targets = write_set(tmp_path, "cu")
    targets.append(tmp_path / "d.pdf")  # new: no old file before it
    real = os.replace

    def third_target_fails(src, dst):
        if Path(src).parent == staging.folder and Path(dst).name == "c.pdf":
            raise PermissionError(errno.EACCES, "Access is denied")
        real(src, dst)

    with Staging(tmp_path) as staging:
        stage(staging, targets, "moi")
        monkeypatch.setattr(safe_write.os, "replace", third_target_fails)
        with pytest.raises(ExportError, match=r"Không thay được tệp «c.pdf»"):
            staging.commit(targets)
    monkeypatch.undo()
    assert ours(tmp_path) == ["a.pdf", "b.pdf", "c.pdf"]
    assert [t.read_bytes() for t in targets[:3]] == [tiny_pdf(f"cu-{t.name}") for t in targets[:3]]

    with Staging(tmp_path) as staging:
        stage(staging, targets, "moi")
        staging.commit(targets)
    assert ours(tmp_path) == ["a.pdf", "b.pdf", "c.pdf", "d.pdf"]
    assert all(t.read_bytes() == tiny_pdf(f"moi-{t.name}") for t in targets)


def test_a_broken_file_in_a_set_stops_it_before_any_move(tmp_path):
    targets = write_set(tmp_path, "cu")
    with Staging(tmp_path) as staging, pytest.raises(ExportError, match=r"«b.pdf» ghi ra không"):
        stage(staging, targets, "moi")
        staging.path(targets[1]).write_bytes(b"%PDF-1.4 half")
        staging.commit(targets)
    assert [t.read_bytes() for t in targets] == [tiny_pdf(f"cu-{t.name}") for t in targets]
    assert ours(tmp_path) == ["a.pdf", "b.pdf", "c.pdf"]


def test_when_the_old_files_cannot_be_put_back_they_are_kept_and_restored_later(
    tmp_path, monkeypatch
):
    targets = write_set(tmp_path, "cu")
    real = os.replace
    state = {"broken": True}

    def disk_goes_away(src, dst):
        if state["broken"] and (Path(dst).name == "c.pdf" or Path(src).parent.name == BACKUPS):
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    with Staging(tmp_path) as staging:
        stage(staging, targets, "moi")
        monkeypatch.setattr(safe_write.os, "replace", disk_goes_away)
        with pytest.raises(ExportError, match=r"chưa trả lại được hết tệp cũ") as caught:
            staging.commit(targets)
    kept = staging.folder
    assert kept.name in caught.value.message and (kept / BACKUPS / "a.pdf").is_file()
    state["broken"] = False
    remove_leftovers(tmp_path)
    assert ours(tmp_path) == ["a.pdf", "b.pdf", "c.pdf"]
    assert [t.read_bytes() for t in targets] == [tiny_pdf(f"cu-{t.name}") for t in targets]


def interrupted(folder: Path, moved: int) -> Path:
    """The staging folder of an export killed after ``moved`` of its three files were moved."""
    staging = folder / "~cchc-dang-ghi-0123abcd"
    (staging / BACKUPS).mkdir(parents=True)
    (staging / MARKER).write_text("x")
    names = ["a.pdf", "b.pdf", "new.pdf"]
    (staging / MANIFEST).write_text("\n".join(names))
    for i, name in enumerate(names):
        if i < moved:
            if (folder / name).exists():
                os.replace(folder / name, staging / BACKUPS / name)
            (folder / name).write_bytes(tiny_pdf(f"moi-{name}"))
        else:
            (staging / name).write_bytes(tiny_pdf(f"moi-{name}"))
    return staging


@pytest.mark.parametrize("moved", [0, 1, 2, 3])
def test_an_export_killed_while_moving_files_is_rolled_back_at_the_next_start(tmp_path, moved):
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(tiny_pdf(f"cu-{name}"))
    interrupted(tmp_path, moved)
    remove_leftovers(tmp_path)
    assert ours(tmp_path) == ["a.pdf", "b.pdf"]
    assert all((tmp_path / n).read_bytes() == tiny_pdf(f"cu-{n}") for n in ("a.pdf", "b.pdf"))


def test_leftovers_removed_are_only_ours_and_only_when_no_export_holds_them(tmp_path):
    killed = tmp_path / "~cchc-dang-ghi-deadbeef"
    (killed / "~cchc-dang-ghi-00000000").mkdir(parents=True)
    (killed / MARKER).write_text("x")
    (killed / "KH.docx").write_bytes(b"half")
    not_ours = tmp_path / "~cchc-dang-ghi-12345678"  # our name, no marker: someone else's
    not_ours.mkdir()
    old_temp, young_temp = tmp_path / ".~k2lz3uu_.pdf", tmp_path / ".~abcdefgh.docx"
    for temp in (old_temp, young_temp):
        temp.write_bytes(b"%PDF")
    hour_ago = time.time() - 3600
    os.utime(old_temp, (hour_ago, hour_ago))
    word_lock, office_lock = tmp_path / "~$-tuyen-truyen.docx", tmp_path / ".~lock.KH.docx#"
    for lock in (word_lock, office_lock):
        lock.write_text("x")
    with Staging(tmp_path) as running:
        remove_leftovers(tmp_path)
        assert running.folder.is_dir()  # a running export's folder is left alone
    assert ours(tmp_path) == sorted(
        [not_ours.name, young_temp.name, word_lock.name, office_lock.name]
    )
    remove_leftovers(tmp_path / "khong-co")  # a folder gone is no error


def test_a_manifest_that_cannot_be_read_keeps_the_staging_folder(tmp_path):
    staging = interrupted(tmp_path, 1)
    (staging / MANIFEST).write_bytes(b"\xff\xfe")
    remove_leftovers(tmp_path)
    assert staging.is_dir()
