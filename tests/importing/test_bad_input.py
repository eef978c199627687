"""Files that cannot be brought in: each gets one Vietnamese line and exit code 2 on the
command line, no traceback, and the database stays exactly as it was."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.outline import plan_text
from cchc_desktop.documents import docx_reader, word_import
from cchc_desktop.documents.word_import import read_plan
from cchc_desktop.store.database import open_database
from cchc_desktop.store.repository import Repository
from tests.importing.wordgen import W_NS, Writer, repack


@pytest.fixture
def database(tmp_path, sample):
    """A database already holding the sample plan; its bytes are compared afterwards."""
    path = tmp_path / "cchc.sqlite"
    plan, office = sample
    office.id = None
    repo = Repository(open_database(path))
    repo.save_office(office)
    plan.office_id = office.id
    repo.save_plan(plan)
    repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    repo.close()
    return path


def refused(path, database, capsys, *, expect: str) -> None:
    before = database.read_bytes()
    assert main(["import", str(path), "--db", str(database)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cchc: ") and "Traceback" not in err
    assert expect in err
    assert database.read_bytes() == before


def test_a_file_that_is_not_a_word_file(tmp_path, database, capsys):
    path = tmp_path / "ke-hoach.docx"
    path.write_text("Kế hoạch tuyên truyền", encoding="utf-8")
    refused(path, database, capsys, expect="không phải tệp Word")


def test_a_damaged_docx(tmp_path, database, capsys, word_files):
    path = tmp_path / "hong.docx"
    data = word_files["003-typed"].read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, database, capsys, expect="bị hỏng")


def test_a_zip_that_is_not_a_word_document(tmp_path, database, capsys):
    path = tmp_path / "anh.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("anh.jpg", b"\xff\xd8\xff")
    refused(path, database, capsys, expect="không phải tệp Word .docx")


def test_a_password_protected_docx(tmp_path, database, capsys):
    # Word saves an encrypted .docx as an OLE compound file holding an EncryptedPackage
    path = tmp_path / "mat-khau.docx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
    refused(path, database, capsys, expect="mật khẩu")


def test_a_word_file_that_is_not_a_plan(tmp_path, database, capsys):
    w = Writer()
    w.header_table(
        ["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"],
        "Số: 12/BC-UBND",
        "Quyết Thắng, ngày 05 tháng 9 năm 2025",
    )
    w.para("BÁO CÁO", bold=True, center=True)
    w.para("Kết quả thực hiện công tác tuyên truyền cải cách hành chính quý III năm 2025")
    path = w.save(tmp_path / "bao-cao.docx")
    refused(path, database, capsys, expect="không phải một kế hoạch (đây là văn bản «BÁO CÁO»)")


def test_a_plan_without_numbered_items(tmp_path, database, capsys):
    w = Writer()
    w.para("KẾ HOẠCH", bold=True, center=True)
    w.para("Tuyên truyền cải cách hành chính năm 2026", bold=True, center=True)
    w.para("Nội dung sẽ bổ sung sau.")
    refused(w.save(tmp_path / "trong.docx"), database, capsys, expect="không thấy các mục")


def test_a_file_of_50_mb(tmp_path, database, capsys):
    path = tmp_path / "lon.docx"
    with path.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(50 * 1024 * 1024)
    refused(path, database, capsys, expect="tệp quá lớn (50.0 MB")


def test_a_zip_bomb(tmp_path, database, capsys):
    path = tmp_path / "bom.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b" " * (docx_reader.MAX_PART_BYTES + 1024))
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024  # a small file that would unpack to 40 MB
    refused(path, database, capsys, expect="không an toàn")


def test_a_city_plan_is_refused_as_a_plan_but_offered_as_a_template(database, capsys, word_files):
    refused(word_files["000"], database, capsys, expect="hãy nhập văn bản này làm mẫu")


def test_a_doc_without_libreoffice_asks_for_a_docx(tmp_path, database, capsys, monkeypatch):
    monkeypatch.setattr(word_import, "find_libreoffice", lambda: None)
    path = tmp_path / "cu.doc"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
    )
    refused(path, database, capsys, expect="lưu lại dưới dạng .docx")


def test_nothing_is_created_when_the_database_did_not_exist(tmp_path, capsys):
    path = tmp_path / "x.docx"
    path.write_text("không phải Word", encoding="utf-8")
    target = tmp_path / "moi.sqlite"
    assert main(["import", str(path), "--db", str(target)]) == 2
    assert not target.exists()
    capsys.readouterr()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_doc_is_converted_by_libreoffice(tmp_path, word_files, capsys):
    folder = tmp_path / "doc"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(folder), str(word_files["002-paragraphs"])],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    doc = folder / "002-paragraphs.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    db = tmp_path / "cchc.sqlite"
    assert main(["import", str(doc), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("plan 1: Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025")
    plan = Repository(open_database(db)).plan(1)
    assert plan.closing.endswith("căn cứ Kế hoạch triển khai thực hiện./.")


# --- the file itself --------------------------------------------------------------------------


def test_a_file_that_is_not_there(tmp_path, database, capsys):
    refused(tmp_path / "khong-co.docx", database, capsys, expect="«khong-co.docx»: không mở được")


def test_an_empty_file(tmp_path, database, capsys):
    path = tmp_path / "rong.docx"
    path.write_bytes(b"")
    refused(path, database, capsys, expect="«rong.docx»: tệp rỗng.")


def test_a_folder_named_like_a_word_file(tmp_path, database, capsys):
    folder = tmp_path / "ke-hoach.docx"
    folder.mkdir()
    (folder / "a.txt").write_text("x" * 5000, encoding="utf-8")
    refused(folder, database, capsys, expect="«ke-hoach.docx»: không đọc được")


# --- the package --------------------------------------------------------------------------


def _plan_bytes(word_files) -> bytes:
    return word_files["002-paragraphs"].read_bytes()


def test_a_docx_zipped_again_with_a_password(tmp_path, database, capsys, word_files):
    """Packed by an archiver with a password: the entries are flagged encrypted."""
    data = bytearray(_plan_bytes(word_files))
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_at] |= 0x1
            at = data.find(signature, at + 4)
    path = tmp_path / "nen-mat-khau.docx"
    path.write_bytes(bytes(data))
    refused(path, database, capsys, expect="tệp có đặt mật khẩu")


def test_a_package_that_unpacks_to_hundreds_of_megabytes(tmp_path, database, capsys, word_files):
    path = tmp_path / "phinh.docx"
    with (
        zipfile.ZipFile(word_files["002-paragraphs"]) as plan,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z,
    ):
        for info in plan.infolist():
            z.writestr(info, plan.read(info))
        blank = b" " * (30 * 1024 * 1024)
        for i in range(7):
            z.writestr(f"word/media/image{i}.emf", blank)
    assert path.stat().st_size < 2 * 1024 * 1024
    refused(path, database, capsys, expect="giải nén quá lớn")


def _damaged(data: bytes, part: str) -> bytes:
    """The package with the bytes of one part scrambled (a bad sector, a cut download)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for i in range(start + 20, start + min(info.compress_size, 400)):
        damaged[i] ^= 0x5A
    return bytes(damaged)


def test_a_part_whose_compressed_bytes_are_damaged(tmp_path, database, capsys, word_files):
    path = tmp_path / "hong-giua.docx"
    path.write_bytes(_damaged(_plan_bytes(word_files), "word/document.xml"))
    refused(path, database, capsys, expect="«hong-giua.docx»: tệp bị hỏng")


def test_a_stored_part_whose_bytes_are_damaged(tmp_path, database, capsys, word_files):
    stored = tmp_path / "stored.docx"
    with zipfile.ZipFile(word_files["002-paragraphs"]) as plan, zipfile.ZipFile(stored, "w") as z:
        for info in plan.infolist():
            z.writestr(info.filename, plan.read(info), compress_type=zipfile.ZIP_STORED)
    path = tmp_path / "hong-crc.docx"
    path.write_bytes(_damaged(stored.read_bytes(), "word/document.xml"))
    refused(path, database, capsys, expect="«hong-crc.docx»: tệp bị hỏng")


RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'
)
MAIN = (
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{}"/>'
)


def test_a_package_whose_main_part_is_missing(tmp_path, database, capsys, word_files):
    path = repack(word_files["002-paragraphs"], tmp_path / "thieu.docx",
                  parts={"word/document.xml": None})  # fmt: skip
    refused(path, database, capsys, expect="thiếu phần chính")
    other = repack(word_files["002-paragraphs"], tmp_path / "thieu-2.docx",
                   parts={"word/document.xml": None, "_rels/.rels": RELS.format("").encode()})  # fmt: skip
    refused(other, database, capsys, expect="thiếu phần chính")


def test_the_main_part_under_another_name_is_found_by_its_relationship(tmp_path, word_files):
    """Some programs save the body as word/document2.xml and say so in _rels/.rels."""
    source = word_files["002-paragraphs"]
    with zipfile.ZipFile(source) as z:
        body = z.read("word/document.xml")
    path = repack(source, tmp_path / "document2.docx", parts={
        "word/document.xml": None,
        "word/document2.xml": body,
        "_rels/.rels": RELS.format(MAIN.format("/word/document2.xml")).encode(),
    })  # fmt: skip
    assert read_plan(path).plan.summary == read_plan(source).plan.summary


def test_a_body_that_is_not_xml(tmp_path, database, capsys, word_files):
    path = repack(word_files["002-paragraphs"], tmp_path / "xml.docx",
                  parts={"word/document.xml": b"<w:document><w:body><w:p>"})  # fmt: skip
    refused(path, database, capsys, expect="nội dung XML không đọc được")


def test_a_document_without_a_body(tmp_path, database, capsys, word_files):
    empty = f'<w:document xmlns:w="{W_NS}"/>'.encode()
    path = repack(word_files["002-paragraphs"], tmp_path / "than.docx",
                  parts={"word/document.xml": empty})  # fmt: skip
    refused(path, database, capsys, expect="«than.docx»: tệp không có phần nội dung văn bản")


def test_a_strict_open_xml_document(tmp_path, database, capsys, word_files):
    source = word_files["002-paragraphs"]
    with zipfile.ZipFile(source) as z:
        body = z.read("word/document.xml").replace(
            W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
        )
    path = repack(source, tmp_path / "strict.docx", parts={"word/document.xml": body})
    refused(path, database, capsys, expect="«Strict Open XML»")


def test_damaged_or_missing_styles_and_lists_still_read_the_plans_words(tmp_path, word_files):
    """A plan typed with its own labels and bold reads the same without its styles and list
    definitions, damaged or left out of the package."""
    source = word_files["002-paragraphs"]
    expected = read_plan(source)
    for parts in (
        {"word/styles.xml": b"<w:styles", "word/numbering.xml": b"\xff\xfe"},
        {"word/styles.xml": None, "word/numbering.xml": None},
    ):
        path = repack(source, tmp_path / "kieu.docx", parts=parts)
        found = read_plan(path)
        assert plan_text(found.plan, found.office) == plan_text(expected.plan, expected.office)
