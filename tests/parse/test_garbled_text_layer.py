"""A PDF whose text layer does not say what its pages print (a font's character map written
wrong, as Ghostscript's pdfwrite writes some) is not read by that layer: `、` extracted as `1`
and `〔` as `4` would be numbers the report does not print. Such a PDF is read by OCR, with a
finding saying why, or, with OCR off, refused as needing it."""

from __future__ import annotations

import pytest

from support.real_inputs import DATA, SEED
from xxgk.parse import detect, pdf, scan
from xxgk.parse.detect import read_report
from xxgk.parse.encoding import letters_and_ideographs, mismapped
from xxgk.parse.errors import GarbledTextLayer, NeedsOcr, ReportReadError
from xxgk.parse.grid import Document
from xxgk.parse.text import read_text

# What PDFium extracts from page 2 of 平潭 2024's Chromium print after `gs -sDEVICE=pdfwrite`
# (the page prints 本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，…）。
GHOSTSCRIPT_PAGE = (
    "本ç告根据:中_⼈⺠共和ÿ政府信息公开条例;ÿÿá院ð第711号Ā1:ÿá院Þ公厅政府信息\n"
    "P政á公开Þ公室关于印发+中_⼈⺠共和ÿ政府信息公开⼯作度ç告格式,的通知;ÿÿÞ公开Þ\n"
    "函42021530号Ā等⽂件要求编制2本ç告共分6个部分ÿ总体情况1ú公开政府信息情况1收到\n"
)
CLEAN_PAGE = (
    "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和《国务院"
    "办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
    "（国办公开办函〔2021〕30号）等文件要求编制。\n"
)


def test_a_page_of_mismapped_ideographs_isgarbled_text() -> None:
    assert garbled_text(GHOSTSCRIPT_PAGE)


def test_a_clean_page_is_not() -> None:
    assert not garbled_text(CLEAN_PAGE)
    assert not garbled_text("")


def test_a_few_accented_names_in_a_report_are_no_garbling() -> None:
    # A site's name in pinyin and a foreign name: seven letters among a real report's ideographs.
    report = SEED.read_text(encoding="utf-8") + "\nPíngtán Zōnghé Shíyànqū，合作方 Société Générale。\n"
    assert letters_and_ideographs(report)[0] >= 7
    assert not garbled_text(report)
    assert read_text(report.encode()).lines


def test_garbled_text_pulled_from_such_a_pdf_is_refused() -> None:
    with pytest.raises(ReportReadError) as caught:
        read_text((GHOSTSCRIPT_PAGE * 3).encode(), source="pulled.txt")
    assert "字符编码有误" in caught.value.message_zh and "garbled" in str(caught.value)


def test_with_ocr_off_the_pages_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def garbled(data: bytes, *, source: str | None = None) -> Document:
        raise GarbledTextLayer((2, 3), source)

    monkeypatch.setattr(pdf, "read_pdf", garbled)
    with pytest.raises(NeedsOcr) as caught:
        detect.read_document(b"%PDF-1.7 ...", "report.pdf", ocr=False)
    assert caught.value.garbled_pages == (2, 3)
    assert "第2、3页" in caught.value.message_zh and "OCR" in caught.value.message_zh


def test_with_ocr_on_the_pages_are_read_by_ocr_and_the_finding_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def garbled(data: bytes, *, source: str | None = None) -> Document:
        raise GarbledTextLayer((1,), source)

    recognised = Document(source="report.pdf", source_format="scan")
    monkeypatch.setattr(pdf, "read_pdf", garbled)
    monkeypatch.setattr(scan, "read_scan", lambda data, *, source=None, progress=None: recognised)
    doc = detect.read_document(b"%PDF-1.7 ...", "report.pdf")
    assert doc is recognised
    (finding,) = doc.findings
    assert finding.code == "P-TEXT-LAYER-GARBLED" and finding.place.page == 1
    assert "OCR" in finding.message_zh


def garbled_text(text: str) -> bool:
    return mismapped(*letters_and_ideographs(text))


GHOSTSCRIPT_PDF = DATA / "garbled" / "pingtan-2024-chromium-css-page1.gs.pdf"


def test_a_ghostscript_rewritten_page_needs_ocr() -> None:
    with pytest.raises(NeedsOcr) as caught:
        read_report(GHOSTSCRIPT_PDF.read_bytes(), GHOSTSCRIPT_PDF.name, ocr=False)
    assert caught.value.garbled_pages == (1,)
    assert "第1页" in caught.value.message_zh


def test_a_ghostscript_rewritten_page_is_read_by_ocr() -> None:
    doc = detect.read_document(GHOSTSCRIPT_PDF.read_bytes(), GHOSTSCRIPT_PDF.name)
    assert doc.source_format == "scan"
    # The title, which the text layer gives as `潭综合实验区2024度政府信息公开⼯作度ç告`.
    title = "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert any(line.text.startswith(title) for line in doc.lines)
    assert [f.code for f in doc.findings] == ["P-TEXT-LAYER-GARBLED"]
