"""Bounds of parse/limits.py, the linear run-together cut, UTF-16 input and the report year."""

from __future__ import annotations

import io
import itertools
import re
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.real_inputs import REPORTS
from xxgk import corpus
from xxgk.corpus import read_one
from xxgk.parse import limits
from xxgk.parse.detect import read_report, sniff
from xxgk.parse.errors import ReportReadError
from xxgk.parse.html import clean_cell_text, clean_line_text, read_html
from xxgk.parse.values import split_run_together


def all_cuts(tokens: list[str], width: int) -> list[list[int]]:
    """Every cut by brute force: each token into consecutive pieces, no leading zeros, ≤ 15 digits."""
    per_token = []
    for token in tokens:
        options = []
        for mask in itertools.product([False, True], repeat=len(token) - 1):
            pieces, start = [], 0
            for i, cut in enumerate(mask, start=1):
                if cut:
                    pieces.append(token[start:i])
                    start = i
            pieces.append(token[start:])
            if all(len(p) <= 15 and (p == "0" or p[0] != "0") for p in pieces):
                options.append([int(p) for p in pieces])
        per_token.append(options)
    cuts = [list(itertools.chain.from_iterable(combo)) for combo in itertools.product(*per_token)]
    return [cut for cut in cuts if len(cut) == width]


def row_identity(values: list[int]) -> bool:
    return values[-1] == sum(values[:-1])


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(st.text(alphabet="0123", min_size=1, max_size=5), min_size=1, max_size=3),
    width=st.integers(min_value=2, max_value=6),
    checked=st.booleans(),
    whole=st.sets(st.integers(0, 2)),
)
def test_cut_is_the_unique_cut_brute_force_finds(
    tokens: list[str], width: int, checked: bool, whole: set[int]
) -> None:
    cuts = [c for c in all_cuts(tokens, width) if not checked or row_identity(c)]
    # A token printed apart (`whole`) is one cell: the one cut may not divide it.
    expected = cuts[0] if len(cuts) == 1 and not divides(tokens, cuts[0], whole) else None
    assert split_run_together(tokens, width, width if checked else None, whole) == expected


def divides(tokens: list[str], cut: list[int], whole: set[int]) -> bool:
    pieces = [str(c) for c in cut]
    for i, token in enumerate(tokens):
        taken: list[str] = []
        while len("".join(taken)) < len(token):
            taken.append(pieces.pop(0))
        if len(taken) > 1 and i in whole:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(st.text(alphabet="0123", min_size=1, max_size=5), min_size=1, max_size=3),
    size=st.integers(min_value=2, max_value=4),
    blocks=st.integers(min_value=1, max_value=3),
)
def test_cut_checked_block_by_block_is_the_cut_brute_force_finds(
    tokens: list[str], size: int, blocks: int
) -> None:
    """Table 四's blocks (a total after its parts): the reader reads each block's total off its parts."""
    width = size * blocks
    cuts = [
        c
        for c in all_cuts(tokens, width)
        if all(row_identity(c[i : i + size]) for i in range(0, width, size))
    ]
    expected = cuts[0] if len(cuts) == 1 else None
    assert split_run_together(tokens, width, size) == expected


def test_real_run_together_row_is_cut() -> None:
    # 1 0 0 0 0 0 1 printed as `1000001`: the only cut whose last value is the sum of the others.
    assert split_run_together(["1000001"], 7, 7) == [1, 0, 0, 0, 0, 0, 1]


def test_long_digit_run_is_refused_at_once() -> None:
    started = time.perf_counter()
    assert split_run_together(["9" * 5_000_000], 7, 7) is None
    assert split_run_together(["9" * 100], 7, 7) is None
    assert time.perf_counter() - started < 5  # a hang bound, not a speed test


def test_whitespace_run_is_squeezed_in_linear_time() -> None:
    started = time.perf_counter()
    assert clean_line_text("一" + " " * 200_000 + "a") == "一 a"
    assert clean_line_text("一" + " \n" * 100_000 + "二") == "一二"
    assert clean_cell_text("社 会" + "\u00a0" * 100_000 + "公益") == "社会公益"
    assert clean_cell_text("0591 " + " " * 1000 + "23161005") == "0591 23161005"
    assert time.perf_counter() - started < 5


def test_an_html_fragment_with_long_runs_is_looked_at_in_linear_time() -> None:
    """A Markdown table is looked for in every HTML fragment: runs of spaces or of a rule's dashes
    must not be tried from every position (400,000 spaces took minutes before the pattern was
    anchored)."""
    started = time.perf_counter()
    for fragment in (
        "<div>" + " " * 400_000 + "x</div>",
        "<div>\n|" + "-" * 400_000 + "x\n</div>",
        "<div>\n|" + " -" * 200_000 + "|x\n|---|\n</div>",
    ):
        read_html(fragment.encode(), source="page.html")
    assert time.perf_counter() - started < 5  # a hang bound, not a speed test


def test_zip_over_the_member_bound_is_refused_from_its_directory() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(limits.MAX_ZIP_MEMBERS):
            archive.writestr(f"x/{n}", "")
    with pytest.raises(ReportReadError) as caught:
        sniff(out.getvalue())
    assert f"上限 {limits.MAX_ZIP_MEMBERS} 个" in caught.value.message_zh


def test_input_over_the_size_bound_is_refused() -> None:
    with pytest.raises(ReportReadError) as caught:
        read_report(b"a" * (limits.MAX_MARKUP_BYTES + 1))
    assert "输入大小上限 16 MB" in caught.value.message_zh


def test_html_table_over_the_row_bound_is_refused() -> None:
    page = (
        b"<html><body><table>" + b"<tr><td>a</td><td>1</td></tr>" * (limits.MAX_TABLE_ROWS + 1) + b"</table>"
    )
    with pytest.raises(ReportReadError) as caught:
        read_report(page)
    assert f"上限 {limits.MAX_TABLE_ROWS} 行" in caught.value.message_zh


def test_text_over_the_character_bound_is_refused() -> None:
    with pytest.raises(ReportReadError) as caught:
        read_report(("公开" * (limits.MAX_TEXT_CHARS // 2 + 1)).encode())
    assert f"上限 {limits.MAX_TEXT_CHARS} 个字符" in caught.value.message_zh


def test_html_over_the_character_bound_is_refused() -> None:
    paragraph = "<p>" + "公开" * 5_000 + "</p>"
    page = "<html><body>" + paragraph * (limits.MAX_TEXT_CHARS // 10_000 + 1) + "</body></html>"
    with pytest.raises(ReportReadError) as caught:
        read_report(page.encode())
    assert f"上限 {limits.MAX_TEXT_CHARS} 个字符" in caught.value.message_zh


def test_binary_spliced_into_a_text_report_is_refused() -> None:
    """What the fuzzer made of a text report with a PDF spliced in (3 MB read for 3 s before)."""
    text = (REPORTS / "pingtan-2021-gonganju.txt").read_bytes()
    binary = (REPORTS / "hongze-2024-qzf.pdf").read_bytes()[20_000:60_000]
    with pytest.raises(ReportReadError) as caught:
        read_report(text[:3_000] + binary + text[3_000:])
    assert "无法按 UTF-8 或 GB18030 编码解读" in caught.value.message_zh


@pytest.mark.parametrize(
    "name", ["pingtan-2020-jinjingpianqu.txt", "pingtan-2021-gonganju.txt", "pingtan-2021-supingpianqu.txt"]
)
def test_utf8_report_with_a_damaged_byte_reads_as_utf8(name: str) -> None:
    data = (REPORTS / name).read_bytes()
    at = data.index("。".encode()) + 3  # after the first full stop
    damaged = data[:at] + b"\xff" + data[at:]
    with pytest.raises(UnicodeDecodeError):
        damaged.decode("utf-8")
    expected, read = read_report(data), read_report(damaged)
    assert (read.year, read.organization) == (expected.year, expected.organization)
    assert (read.table2, read.table3, read.table4) == (expected.table2, expected.table3, expected.table4)


def test_gb18030_report_with_a_damaged_byte_reads_as_gb18030() -> None:
    original = (REPORTS / "pingtan-2021-gonganju.txt").read_bytes().decode("utf-8-sig")
    data = original.encode("gb18030")
    at = data.index("。".encode("gb18030")) + 2  # after the first full stop: the bytes stay aligned
    damaged = data[:at] + b"\xff" + data[at:]
    with pytest.raises(UnicodeDecodeError):
        damaged.decode("gb18030")
    expected, read = read_report(original.encode()), read_report(damaged)
    assert (read.year, read.organization) == (expected.year, expected.organization)
    assert (read.table2, read.table3, read.table4) == (expected.table2, expected.table3, expected.table4)


def test_pdf_stream_run_past_its_length_is_refused_before_pdfium_opens_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fuzzer's copies of a line inside a font stream: PDFium took 460 MB to load that page."""
    import pypdfium2

    data = (REPORTS / "hongze-2024-qzf.pdf").read_bytes()
    stream = re.search(rb"/Length (\d+)[^<>]*>>\s*stream\r?\n", data)
    assert stream is not None
    inside = stream.end() + 10
    mutated = data[:inside] + b"\x00" * (limits.MAX_PDF_STREAM_OVERRUN + 1) + data[inside:]

    def never_opened(*args: object) -> None:
        raise AssertionError("PDFium opened the file")

    monkeypatch.setattr(pypdfium2, "PdfDocument", never_opened)
    with pytest.raises(ReportReadError) as caught:
        read_report(mutated)
    assert "数据流比其声明的长度多出" in caught.value.message_zh


def one_page_pdf(content: bytes, pages: int = 1) -> bytes:
    """A PDF of one A4 page drawing `content` (Helvetica as /F1), named `pages` times by the page tree,
    with a correct cross-reference table."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join([b"3 0 R"] * pages), pages),
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return (
        out
        + b"xref\n0 %d\n0000000000 65535 f \n%strailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n"
        % (
            len(objects) + 1,
            table,
            len(objects) + 1,
            len(out),
        )
    )


def test_pdf_page_of_copied_text_runs_is_refused_before_its_text_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fuzzed page: a line of text copied thousands of times (19,641 runs, 680,000 characters, 7 s)."""
    import pypdfium2

    def never_built(*args: object) -> None:
        raise AssertionError("PDFium built the page's text")

    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", never_built)
    page = one_page_pdf(b"BT /F1 8 Tf 40 400 Td (2024) Tj ET\n" * (limits.MAX_PAGE_TEXT_OBJECTS + 1))
    with pytest.raises(ReportReadError) as caught:
        read_report(page)
    assert f"上限 {limits.MAX_PAGE_TEXT_OBJECTS} 段" in caught.value.message_zh


def test_pdf_page_over_the_character_bound_is_refused() -> None:
    page = one_page_pdf(b"BT /F1 1 Tf 10 400 Td (" + b"7" * (limits.MAX_PAGE_CHARS + 1) + b") Tj ET")
    with pytest.raises(ReportReadError) as caught:
        read_report(page)
    assert f"上限 {limits.MAX_PAGE_CHARS} 个字符" in caught.value.message_zh
    # The same page at the bound is read (and refused only as no report).
    with pytest.raises(ReportReadError) as caught:
        read_report(one_page_pdf(b"BT /F1 1 Tf 10 400 Td (" + b"7" * limits.MAX_PAGE_CHARS + b") Tj ET"))
    assert "上限" not in caught.value.message_zh


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["pingtan-2021-gonganju.txt", "pingtan-2023-guoziju.html"])
def test_utf16_input_reads_as_the_original(name: str, codec: str) -> None:
    data = (REPORTS / name).read_bytes()
    original = read_report(data)
    text = data.decode("utf-8-sig")
    converted = read_report(text.encode(codec))
    assert (converted.table2, converted.table3, converted.table4) == (
        original.table2,
        original.table3,
        original.table4,
    )
    assert converted.organization == original.organization


def test_html_declaring_utf16_in_utf8_bytes_reads_as_utf8() -> None:
    data = (REPORTS / "pingtan-2023-guoziju.html").read_bytes()
    declared = data.replace(b'charset="UTF-8"', b'charset="utf-16"')
    assert declared != data
    assert read_report(declared).table3 == read_report(data).table3


def test_json_with_an_absurd_year_is_refused() -> None:
    with pytest.raises(ReportReadError) as caught:
        read_report(b'{"year": 99999999999999999999999}')
    assert "不是有效年份" in caught.value.message_zh


def test_file_over_the_size_bound_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(limits.MAX_INPUT_BYTES + 1)  # sparse: nothing is written to disk
    outcome = read_one(str(big))
    assert outcome.report is None
    assert outcome.error_zh is not None and "输入大小上限 64 MB" in outcome.error_zh


def test_memory_error_in_a_corpus_run_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(_path: object) -> None:
        raise MemoryError

    monkeypatch.setattr(corpus, "read_report_file", exhausted)
    assert corpus.read_one("x.txt").error_zh == "文件过大或结构嵌套过深，超出读取能力，无法读取"


def test_an_unexpected_failure_names_no_exception_to_the_user(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class PdfiumError(RuntimeError):
        pass

    def broken(_path: object) -> None:
        raise PdfiumError("Failed to load page")

    monkeypatch.setattr(corpus, "read_report_file", broken)
    message = corpus.read_one("x.pdf").error_zh
    assert message is not None and "读取失败" in message
    assert "PdfiumError" not in message and "Failed" not in message
    assert "PdfiumError" in caplog.text


def blank_pdf(pages: int, width: float = 595, height: float = 842) -> bytes:
    """A PDF of `pages` empty pages (no text layer: it goes to the scan reader)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(width, height)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.fixture
def never_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering a page (the step before OCR) fails the test."""
    import pypdfium2

    def render(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendered")

    monkeypatch.setattr(pypdfium2.PdfPage, "render", render)


@pytest.mark.usefixtures("never_rendered")
def test_scan_over_the_page_bound_is_refused_before_any_page_is_rendered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_SCAN_PAGES", 2)
    with pytest.raises(ReportReadError) as caught:
        read_report(blank_pdf(3))
    assert "页数上限 2 页" in caught.value.message_zh
    with pytest.raises(AssertionError, match="rendered"):  # at the bound, its pages are rendered
        read_report(blank_pdf(2))


@pytest.mark.usefixtures("never_rendered")
def test_scan_page_over_the_pixel_bound_is_refused_before_it_is_rendered() -> None:
    """A fuzzed 553-byte PDF of one 5 × 5 m page asked PDFium for a 40,000 × 40,000 bitmap (MemoryError)."""
    with pytest.raises(ReportReadError) as caught:
        read_report(blank_pdf(1, 14_400, 14_400))
    assert f"{limits.MAX_SCAN_PIXELS // 10_000} 万像素的上限" in caught.value.message_zh
    with pytest.raises(AssertionError, match="rendered"):  # an A3 page at 200 dpi is rendered
        read_report(blank_pdf(1, 842, 1191))


def test_image_over_the_pixel_bound_is_refused_before_it_is_decoded() -> None:
    from PIL import Image

    out = io.BytesIO()
    side = int(limits.MAX_SCAN_PIXELS**0.5) + 1
    Image.new("1", (side, side), 1).save(out, format="PNG")
    with pytest.raises(ReportReadError) as caught:
        read_report(out.getvalue())
    assert "万像素的上限" in caught.value.message_zh


def png(width: int, height: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (width, height), 255).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("width", "height", "bound"),
    [
        (1, 1, "短边不足"),  # failed inside OpenCV's resize
        (5_000, 3, "短边不足"),  # failed inside the OCR engine's resize
        (limits.MIN_SCAN_SIDE, limits.MIN_SCAN_SIDE * 50, "长宽之比"),  # read at 736 × 36,800 pixels for 43 s
    ],
)
def test_image_too_small_or_too_thin_for_ocr_is_refused(width: int, height: int, bound: str) -> None:
    with pytest.raises(ReportReadError) as caught:
        read_report(png(width, height))
    assert bound in caught.value.message_zh
    assert f"{width} × {height} 像素" in caught.value.message_zh


def test_image_at_the_shape_bounds_is_read() -> None:
    side = limits.MIN_SCAN_SIDE
    with pytest.raises(ReportReadError) as caught:  # blank: nothing to recognise, but recognised
        read_report(png(side * limits.MAX_SCAN_ASPECT, side))
    assert "未识别出文字" in caught.value.message_zh


def test_pdf_over_the_page_bound_is_refused_before_a_page_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fuzzed page tree naming one page 200,000 times (1.2 MB) took 7.6 s."""
    import pypdfium2

    def never_loaded(*args: object) -> None:
        raise AssertionError("a page was loaded")

    pages = limits.MAX_PDF_PAGES + 1
    data = one_page_pdf(b"BT /F1 12 Tf 50 700 Td (2024) Tj ET", pages)
    monkeypatch.setattr(pypdfium2.PdfDocument, "__getitem__", never_loaded)
    monkeypatch.setattr(pypdfium2.PdfDocument, "get_page", never_loaded)
    with pytest.raises(ReportReadError) as caught:
        read_report(data)
    assert f"共 {pages} 页，超过页数上限 {limits.MAX_PDF_PAGES} 页" in caught.value.message_zh
