"""Every PDF form of every real report (the published PDFs and those made by scripts/make_forms.py)
reads to exactly the source's cells and year, and `xxgk check` finds on it what it finds on the
original HTML, DOCX or text."""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from forms.expected import EXPECTED, assert_reads_as
from support.real_inputs import DATA, REPORTS, SEED
from xxgk.checks import run_checks
from xxgk.parse.detect import read_report, read_report_file
from xxgk.parse.errors import ReportReadError
from xxgk.report import Report

FORMS = DATA / "forms"
REAL_PDFS = sorted(REPORTS.glob("*.pdf"))
MADE_PDFS = sorted(FORMS.glob("*/*.pdf"))
# The form each made PDF was printed from (the DOCX and the page of 平潭 2024 read alike; a real PDF
# stands for the forms turned from it).
ORIGINALS = {p.stem: p for p in REPORTS.iterdir() if p.suffix in {".html", ".txt", ".pdf"}} | {
    SEED.stem: SEED
}
HONGZE_2024 = REPORTS / "hongze-2024-qzf.pdf"


def stem_of(path: Path) -> str:
    return path.stem if path.parent == REPORTS else path.parent.name


def form_id(path: Path) -> str:
    return path.stem if path.parent == REPORTS else f"{path.parent.name}/{path.stem}"


@cache
def read(path: Path) -> Report:
    return read_report_file(path)


def test_the_corpus_holds_every_form() -> None:
    made = {form_id(p) for p in MADE_PDFS}
    for stem in ("pingtan-2024-guanweihui", "pingtan-2023-guoziju"):
        assert {
            f"{stem}/{form}" for form in ("lo-html", "lo-html-docx", "chromium-css", "chromium-nocss")
        } <= made
    assert "pingtan-2024-guanweihui/lo-docx" in made
    for stem in (SEED.stem, *(p.stem for p in REPORTS.glob("*.txt"))):
        assert f"{stem}/lo-text" in made
    assert set(EXPECTED) == {stem_of(p) for p in REAL_PDFS + MADE_PDFS}


@pytest.mark.parametrize("path", REAL_PDFS + MADE_PDFS, ids=form_id)
def test_form_reads_as_its_source(path: Path) -> None:
    report = read(path)
    assert report.source_format == "pdf"
    assert_reads_as(report, stem_of(path))


@pytest.mark.parametrize("path", MADE_PDFS, ids=form_id)
def test_check_finds_on_the_form_what_it_finds_on_the_original(path: Path) -> None:
    original = read_report_file(ORIGINALS[stem_of(path)])
    assert Counter(f.code for f in run_checks(read(path))) == Counter(f.code for f in run_checks(original))


def _page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [re.sub(r"\s+", "", page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


@pytest.mark.parametrize("path", REAL_PDFS + MADE_PDFS, ids=form_id)
def test_every_value_is_printed_on_its_page(path: Path) -> None:
    report = read(path)
    pages = _page_texts(path)
    for key, where in report.provenance.items():
        assert where.page is not None and where.line is not None, key
        assert where.text, key
        # A line of typeset text wrapped over a page break is read from the page where it starts.
        printed = "".join(pages[where.page - 1 : where.page + 1])
        assert re.sub(r"\s+", "", where.text) in printed, f"{key}: {where.text!r} not on page {where.page}"


def test_every_value_has_provenance() -> None:
    for path in REAL_PDFS + MADE_PDFS:
        report = read(path)
        for table in report.spec.tables:
            for row in table.rows:
                for col in table.columns_of(row):
                    if report.cell(table.key, row.key, col.key) is not None:
                        assert f"{table.key}.{row.key}.{col.key}" in report.provenance, (
                            path,
                            row.key,
                            col.key,
                        )


def test_a_broken_page_is_named_and_the_other_pages_read() -> None:
    data = bytearray(HONGZE_2024.read_bytes())
    # Page 4's dictionary no longer says /Page: PDFium cannot load that page, only that page.
    at = 204534
    assert data[at : at + 11] == b"/Type /Page"
    data[at : at + 11] = b"/Type /Bage"
    report = read_report(bytes(data), "broken.pdf")
    broken = [f for f in report.findings if f.code == "P-PAGE-UNREADABLE"]
    assert len(broken) == 1 and broken[0].place.page == 4
    assert "第4页" in broken[0].message_zh
    # Pages 1–3 hold tables 二 and most of 三: read as printed.
    assert report.year == 2024
    assert report.table2["licensing"]["decisions"] == 9487
    assert report.table3["new"]["natural_person"] == 95


def test_a_pdf_with_most_pages_broken_is_a_clear_error() -> None:
    data = bytearray(HONGZE_2024.read_bytes())
    # The fuzz reproducer pdf-one-page-broken.pdf: one digit of the cross-reference stream flipped.
    assert data[240019] == ord("6")
    data[240019] = ord("0")
    with pytest.raises(ReportReadError) as caught:
        read_report(bytes(data), "broken.pdf")
    assert "第2、3、4、5页" in caught.value.message_zh


@pytest.mark.parametrize("path", sorted(FORMS.glob("*/*-cairo.pdf")), ids=form_id)
def test_the_cairo_forms_carry_fonts_whose_boxes_overlap_the_next_line(path: Path) -> None:
    # What makes these forms worth keeping: pdftocairo re-embeds the fonts with an ascent and
    # descent far larger than the glyphs, so every ideograph's loose box is much taller than wide.
    pdf = pdfium.PdfDocument(path)
    try:
        textpage = pdf[0].get_textpage()
        boxes = [textpage.get_charbox(i, loose=True) for i in range(textpage.count_chars())]
        text = textpage.get_text_range()
    finally:
        pdf.close()
    tall = [
        (top - bottom) / (right - left)
        for ch, (left, bottom, right, top) in zip(text, boxes, strict=True)
        if "一" <= ch <= "鿿"
    ]
    assert tall and min(tall) > 2


def _page_turns(path: Path) -> list[tuple[int, int]]:
    """Per page: its `/Rotate`, and the direction (degrees anticlockwise) its first ideograph runs in
    the page's own space, from the character's matrix."""
    pdf = pdfium.PdfDocument(path)
    turns = []
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            index = next(i for i, ch in enumerate(text) if "一" <= ch <= "鿿")
            matrix = pdfium_c.FS_MATRIX()
            assert pdfium_c.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix))
            turns.append((page.get_rotation(), round(math.degrees(math.atan2(matrix.b, matrix.a))) % 360))
    finally:
        pdf.close()
    return turns


def test_the_turned_forms_draw_their_text_turned_and_turn_it_back_for_display() -> None:
    # What makes these forms worth keeping: read in the page's own space, their text runs sideways
    # or upside down; `/Rotate` turns each page back, so they look like the PDF they came from.
    for form in (
        FORMS / "hongze-2024-qzf" / "turned.pdf",
        FORMS / "pingtan-2024-guanweihui" / "lo-docx-turned.pdf",
    ):
        assert set(_page_turns(form)) == {(270, 270)}
    assert set(_page_turns(FORMS / "pingtan-2024-guanweihui" / "lo-docx-cairo-turned.pdf")) == {(180, 180)}
    turned_p3 = _page_turns(FORMS / "pingtan-2024-guanweihui" / "lo-docx-turned-p3.pdf")
    assert turned_p3[2] == (90, 90) and set(turned_p3[:2] + turned_p3[3:]) == {(0, 0)}
    # Shown sideways: `/Rotate` alone, the text upright in the page's space.
    assert set(_page_turns(FORMS / "pingtan-2024-guanweihui" / "lo-docx-sideways.pdf")) == {(90, 0)}


@pytest.mark.parametrize("path", sorted(FORMS.glob("*/chromium-margins.pdf")), ids=form_id)
def test_the_margins_forms_carry_the_browsers_date_title_and_address(path: Path) -> None:
    # What makes these forms worth keeping: the page's <title>, a report title with its year, printed
    # beside the time at the top of every page (read as the title, it put `12/5/26,5:48AM` in front
    # of the organisation), the page's address and number at the bottom.
    for number, text in enumerate(_page_texts(path), start=1):
        assert re.search(r"\d{1,2}/\d{1,2}/\d{2},\d{1,2}:\d{2}[AP]M平潭综合实验区\S*?20\d\d年", text)
        assert re.search(rf"file://\S+\.html{number}/\d+$", text)
