"""A report whose prose is text and whose tables are pictures — a PDF, a Word document, a web page
holding its pictures: the pictures are read by OCR, the tables' cells are the source's or null with a
finding; without OCR (a web request) it needs OCR, as a scan does, instead of being read to "tables not
printed". A web page linking to pictures it does not hold says so instead of "报告未印出该表"."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from forms.expected import EXPECTED
from forms.scans import compare
from support.real_inputs import DATA, REPORTS
from xxgk.checks import run_checks
from xxgk.parse import ocr
from xxgk.parse.detect import read_report
from xxgk.parse.errors import NeedsOcr, ReportReadError
from xxgk.parse.html import read_html

PICTURED = Path(__file__).resolve().parents[1] / "data" / "pictured"
STEM = "pingtan-2024-guanweihui"
PDF = PICTURED / f"{STEM}-chromium.pdf"
DOCX = PICTURED / f"{STEM}.docx"
HTML = PICTURED / f"{STEM}.html"
TABLE_PAGES = [4, 5, 6]


@pytest.mark.parametrize(
    ("path", "says"),
    [
        (PDF, "第4、5、6页的表格以图片形式印出"),
        (DOCX, "该文件的表格以图片形式插入（正文文字中没有这些表格，有 3 幅图片）"),
        (HTML, "该文件的表格以图片形式插入（正文文字中没有这些表格，有 3 幅图片）"),
    ],
    ids=lambda value: value.suffix if isinstance(value, Path) else None,
)
def test_without_ocr_it_needs_ocr_saying_the_tables_are_pictures(path: Path, says: str) -> None:
    with pytest.raises(NeedsOcr) as caught:
        read_report(path.read_bytes(), source=path.name, ocr=False)
    assert says in caught.value.message_zh


def test_a_report_whose_tables_are_text_is_never_read_by_ocr(monkeypatch) -> None:
    # Pictures beside tables of text (a site's logo, a QR code, a seal) send nothing to OCR.
    monkeypatch.setattr(ocr, "recognise", None)
    paths = [*REPORTS.glob("*.pdf"), *REPORTS.glob("*.docx"), *REPORTS.glob("*.htm*")]
    paths += [*(DATA / "forms").glob("*/*.pdf"), *(DATA / "forms").glob("*/*.docx")]
    assert len(paths) > 30
    for path in sorted(paths):
        report = read_report(path.read_bytes(), source=path.name)
        assert "P-TABLES-PICTURED" not in {f.code for f in report.findings} and not report.read_by_ocr


def test_the_pictured_tables_of_a_pdf_are_read_by_ocr_as_printed_or_null_with_a_finding() -> None:
    assert_pictured_tables_read(PDF)


def test_the_pictures_a_word_document_or_a_web_page_holds_are_read_by_ocr_as_printed(
    monkeypatch,
) -> None:
    # The page holds the very pictures of the document (the same bytes, the same size): each picture is
    # recognised once for both, and each form's own way to its pictures is what is checked twice.
    remembered = Remembered(ocr.recognise)
    monkeypatch.setattr(ocr, "recognise", remembered)
    for path in (DOCX, HTML):
        assert_pictured_tables_read(path)
    assert len(remembered.readings) == 3


class Remembered:
    """`ocr.recognise` remembering what it read of each page image."""

    def __init__(self, recognise: Callable[[np.ndarray], ocr.Reading]) -> None:
        self.recognise = recognise
        self.readings: dict[tuple[tuple[int, ...], bytes], ocr.Reading] = {}

    def __call__(self, image: np.ndarray) -> ocr.Reading:
        key = (image.shape, hashlib.sha256(image.tobytes()).digest())
        if key not in self.readings:
            self.readings[key] = self.recognise(image)
        return self.readings[key]


def assert_pictured_tables_read(path: Path) -> None:
    report = read_report(path.read_bytes(), source=path.name)
    outcome = compare(report, STEM)
    assert outcome.wrong == []
    assert outcome.unexplained == []
    assert outcome.share_read >= 0.95, outcome
    assert (report.year, report.organization) == (EXPECTED[STEM].year, EXPECTED[STEM].organization)
    (pictured,) = [f for f in report.findings if f.code == "P-TABLES-PICTURED"]
    assert pictured.severity == "info" and report.read_by_ocr  # the CLI says so
    if path is PDF:
        assert report.source_format == "pdf" and pictured.place.page == TABLE_PAGES[0]
        # Every value comes from a page read by OCR, the prose from the text layer.
        assert {where.page for where in report.provenance.values()} <= set(TABLE_PAGES)
    else:
        # Every value points at the picture it was read in: a body block of the DOCX, a line of the page.
        pictures = read_report_pictures(path)
        assert {(where.line, where.page) for where in report.provenance.values()} <= {
            (p, None) for p in pictures
        }
        assert pictured.place.line == min(pictures)
    assert "TABLE-ROWS-MISSING" not in {f.code for f in run_checks(report)}


def read_report_pictures(path: Path) -> set[int]:
    """The source lines of the pictures the file holds, read by the reader of its format."""
    if path.suffix == ".html":
        return {p.line for p in read_html(path.read_bytes()).pictures if p.line and p.data}
    from xxgk.parse.docx import read_docx

    return {p.line for p in read_docx(path.read_bytes()).pictures if p.line and p.data}


def test_a_page_linking_its_pictured_tables_says_so_instead_of_tables_not_printed(monkeypatch) -> None:
    # The page as crawled: its pictures are addresses, not in the file read.
    monkeypatch.setattr(ocr, "recognise", None)
    page = re.sub(rb'src="data:image/png;base64,[^"]*"', b'src="/images/table.png"', HTML.read_bytes())
    report = read_report(page, source="crawled.html", ocr=False)
    (linked,) = [f for f in report.findings if f.code == "P-TABLES-LINKED-PICTURES"]
    assert "链接了 3 幅图片" in linked.message_zh and linked.severity == "warning"
    missing = [f for f in run_checks(report) if f.code == "TABLE-ROWS-MISSING"]
    assert len(missing) == 3
    assert all(f.severity == "warning" and "可能是页面链接的图片" in f.message_zh for f in missing)


def test_small_linked_pictures_are_no_tables() -> None:
    # A page without tables whose only pictures are declared icon-sized: tables not printed, as before.
    page = re.sub(
        rb'<img [^>]*src="data:image/png;base64,[^"]*">',
        b'<img width="32" height="32" src="/images/print.png">',
        HTML.read_bytes(),
    )
    report = read_report(page, source="icons.html", ocr=False)
    assert "P-TABLES-LINKED-PICTURES" not in {f.code for f in report.findings}
    missing = [f for f in run_checks(report) if f.code == "TABLE-ROWS-MISSING"]
    assert len(missing) == 3 and all(f.severity == "error" for f in missing)


def test_each_pictures_lines_and_tables_stand_in_its_place() -> None:
    from xxgk.parse.geometry import PageLayout, PlacedLine, PlacedTable
    from xxgk.parse.grid import Cell, Document, GridTable, Picture, TextLine
    from xxgk.parse.scan import _with_read

    def layout(name: str, page: int) -> PageLayout:
        """A picture read as a caption line above a one-cell table."""
        table = GridTable(rows=[[Cell(name, page=page, line=1)]])
        blocks = [PlacedLine(TextLine(f"{name} caption", line=1, page=page), 0, 0, 100, 10)]
        blocks.append(PlacedTable(table, top=20, bottom=40, columns=(0, 100), page=page))
        return PageLayout(page=page, height=100, blocks=blocks)

    lines = [TextLine(text, line=n) for n, text in enumerate(["a", "b", "c"], start=1)]
    text_table = GridTable(rows=[[Cell("text", line=2)]], after_line=1)
    first, second = Picture(1, 20, b"1"), Picture(3, 40, b"2")
    doc = Document(lines=lines, tables=[text_table], source_format="docx", pictures=[first, second])
    merged = _with_read(doc, [(first, layout("P1", 1)), (second, layout("P2", 2))])
    assert [line.text for line in merged.lines] == ["a", "P1 caption", "b", "c", "P2 caption"]
    assert [(t.rows[0][0].text, t.after_line) for t in merged.tables] == [("text", 1), ("P1", 2), ("P2", 5)]
    # What a picture holds points at the picture (no page: a DOCX has none); the text is untouched.
    assert [(c.line, c.page) for t in merged.tables for c in t.rows[0]] == [(2, None), (20, None), (40, None)]
    assert [(line.line, line.page) for line in merged.lines] == [
        (1, None),
        (20, None),
        (2, None),
        (3, None),
        (40, None),
    ]
    assert doc.tables == [text_table] and text_table.after_line == 1


def test_a_page_saved_with_its_files_has_its_pictures_looked_for_beside_it_never_elsewhere(tmp_path) -> None:
    # A browser's "save the complete page": the pictures in a folder beside the page, linked relatively.
    pictures = re.findall(rb'src="data:image/png;base64,([^"]*)"', HTML.read_bytes())
    files = tmp_path / "平潭_files"
    files.mkdir()
    addresses = iter(
        [
            b"./%E5%B9%B3%E6%BD%AD_files/t1.png",
            "平潭_files/t2.png".encode(),
            b"%E5%B9%B3%E6%BD%AD_files/t3.png",
        ]
    )
    for n, picture in enumerate(pictures, start=1):
        (files / f"t{n}.png").write_bytes(base64.b64decode(picture))
    page = re.sub(
        rb'src="data:image/png;base64,[^"]*"', lambda _: b'src="' + next(addresses) + b'"', HTML.read_bytes()
    )
    with pytest.raises(NeedsOcr) as caught:
        read_report(page, source="saved.html", ocr=False, folder=tmp_path)
    assert "有 3 幅图片" in caught.value.message_zh
    # Addresses that leave the folder, or name another host, are not followed.
    (tmp_path.parent / "outside.png").write_bytes(base64.b64decode(pictures[0]))
    elsewhere = iter(
        [b"../outside.png", str(tmp_path.parent / "outside.png").encode(), b"http://example.org/t3.png"]
    )
    page = re.sub(
        rb'src="data:image/png;base64,[^"]*"', lambda _: b'src="' + next(elsewhere) + b'"', HTML.read_bytes()
    )
    report = read_report(page, source="saved.html", ocr=False, folder=tmp_path)
    (linked,) = [f for f in report.findings if f.code == "P-TABLES-LINKED-PICTURES"]
    assert "链接了 3 幅图片" in linked.message_zh


def _page_of_pictures(sources: list[str]) -> bytes:
    """A web page whose report is nothing but pictures of its pages."""
    pictures = "".join(f'<p><img src="{src}"></p>' for src in sources)
    return f"<html><head><title>年度报告</title></head><body>{pictures}</body></html>".encode()


def test_a_report_published_as_pictures_of_its_pages_needs_ocr_or_says_its_pictures_are_linked() -> None:
    from PIL import Image

    png = io.BytesIO()
    Image.new("L", (1240, 1754), 255).save(png, "PNG")
    held = f"data:image/png;base64,{base64.b64encode(png.getvalue()).decode()}"
    with pytest.raises(NeedsOcr) as caught:
        read_report(_page_of_pictures([held, held]), source="pages.html", ocr=False)
    assert "有 2 幅图片" in caught.value.message_zh
    with pytest.raises(ReportReadError) as refused:
        read_report(_page_of_pictures(["/p1.jpg", "/p2.jpg"]), source="crawled.html")
    assert "链接了 2 幅图片" in refused.value.message_zh and not isinstance(refused.value, NeedsOcr)
    # A page of no report and no picture is still refused as before.
    with pytest.raises(ReportReadError) as plain:
        read_report(_page_of_pictures([]), source="empty.html")
    assert "图片" not in plain.value.message_zh
