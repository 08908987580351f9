"""The DOCX package: only the main document is read, found and checked as python-docx finds it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from docx import Document as new_docx

from xxgk.parse.docx import read_docx
from xxgk.parse.errors import ReportReadError

NOT_DOCX = "无法读取该 Word 文件：它不是有效的 DOCX 文档（如为旧版 .doc，请另存为 .docx）。"
DAMAGED = "无法读取该 Word 文件：文件已损坏或格式不受支持。"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.fixture(scope="module")
def report() -> bytes:
    word = new_docx()
    word.add_paragraph("一、总体情况")
    word.add_table(rows=1, cols=2).rows[0].cells[0].text = "本年新收政府信息公开申请数量"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def repack(data: bytes, edit: Callable[[str, bytes], tuple[str, bytes] | None]) -> bytes:
    """`data` with each member replaced by `edit(name, blob)`: (name, blob), or None to drop it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            member = edit(info.filename, old.read(info))
            if member is not None:
                new.writestr(*member)
    return out.getvalue()


def texts(data: bytes) -> list[str]:
    doc = read_docx(data)
    return [line.text for line in doc.lines] + [c.text for t in doc.tables for row in t.rows for c in row]


def test_damaged_other_parts_do_not_stop_the_reading(report: bytes) -> None:
    # python-docx parsed styles.xml and needed every related part: both refused the report.
    def damage(name: str, blob: bytes) -> tuple[str, bytes] | None:
        if name == "docProps/core.xml":
            return None
        return name, blob[: len(blob) // 2] if name == "word/styles.xml" else blob

    assert (
        texts(repack(report, damage)) == texts(report) == ["一、总体情况", "本年新收政府信息公开申请数量", ""]
    )


def test_main_part_found_through_the_package_relationships(report: bytes) -> None:
    def rename(name: str, blob: bytes) -> tuple[str, bytes]:
        if name in ("_rels/.rels", "[Content_Types].xml"):
            return name, blob.replace(b"word/document.xml", b"main/report.xml")
        renamed = {
            "word/document.xml": "main/report.xml",
            "word/_rels/document.xml.rels": "main/_rels/report.xml.rels",
        }
        return renamed.get(name, name), blob

    assert texts(repack(report, rename)) == texts(report)


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
        "application/xml",
    ],
)
def test_other_content_types_refused(report: bytes, content_type: str) -> None:
    def retype(name: str, blob: bytes) -> tuple[str, bytes]:
        return name, blob.replace(
            MAIN.encode(), content_type.encode()
        ) if name == "[Content_Types].xml" else blob

    with pytest.raises(ReportReadError) as exc:
        read_docx(repack(report, retype))
    assert exc.value.message_zh == NOT_DOCX


def test_workbook_refused() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    with pytest.raises(ReportReadError) as exc:
        read_docx(out.getvalue())
    assert exc.value.message_zh == NOT_DOCX


@pytest.mark.parametrize(("tag", "renamed"), [("body", "bodx"), ("document", "documenx")])
def test_main_document_without_body_refused(report: bytes, tag: str, renamed: str) -> None:
    # python-docx gave a TypeError or an AttributeError here, not a ReportReadError.
    def rename(name: str, blob: bytes) -> tuple[str, bytes]:
        if name == "word/document.xml":
            for old, new in ((f"<w:{tag}", f"<w:{renamed}"), (f"</w:{tag}>", f"</w:{renamed}>")):
                blob = blob.replace(old.encode(), new.encode())
        return name, blob

    with pytest.raises(ReportReadError) as exc:
        read_docx(repack(report, rename))
    assert exc.value.message_zh == DAMAGED
