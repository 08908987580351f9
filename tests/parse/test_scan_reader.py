"""The scan reader's parts without running the OCR engine (fast): deskew, ruling lines, routing,
and `settle`, which keeps every uncertain or contradicted OCR value out of the report."""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from xxgk.parse import detect, geometry, ocr, scan
from xxgk.parse.errors import NeedsOcr, ReportReadError
from xxgk.parse.ocr import Glyph, Reading
from xxgk.report import Provenance
from xxgk.sample import balanced_report

WIDTH, HEIGHT = 1200, 900
# A 3 × 3 grid of ruled cells, as a scanned table prints it.
XS, YS = (100, 500, 800, 1100), (200, 350, 500, 650)


def _grid_image(rotation: float = 0.0) -> Image.Image:
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    for x in XS:
        draw.line([(x, YS[0]), (x, YS[-1])], fill=0, width=3)
    for y in YS:
        draw.line([(XS[0], y), (XS[-1], y)], fill=0, width=3)
    # Text-like blocks on their own lines (a skewed profile of these is what deskewing sharpens).
    for y in (60, 100, 740, 780):
        draw.rectangle([(120, y), (1000, y + 18)], fill=0)
    return image.rotate(rotation, resample=Image.Resampling.BICUBIC, fillcolor=255) if rotation else image


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([-0.9, -0.6, -0.3, 0.3, 0.5, 0.8]))
def test_a_page_turned_within_one_degree_is_straightened(rotation: float) -> None:
    image = np.asarray(_grid_image(rotation))
    assert scan.skew_angle(image) == pytest.approx(-rotation, abs=0.15)


def test_ruling_lines_are_found_where_the_grid_is_drawn() -> None:
    rules = scan.ruling_lines(np.asarray(_grid_image()), dpi=150)
    horizontal = sorted(r.at for r in rules if r.orientation == "h")
    vertical = sorted(r.at for r in rules if r.orientation == "v")
    assert horizontal == pytest.approx(YS, abs=3)
    assert vertical == pytest.approx(XS, abs=3)
    # The text-like blocks are too thick to be rules.
    assert all(r.end - r.start > 250 for r in rules)


def _fake_ocr(glyphs: list[Glyph]):
    def recognise(_image: np.ndarray) -> Reading:
        return Reading(glyphs)

    return recognise


_DOWN, _NOISE = (
    Reading([], across=10, down=500, ideographs=80, legible_down=60),
    Reading([], across=10, down=500),
)
_ACROSS = Reading([], across=500, down=10)


@pytest.mark.parametrize(
    ("upright_at", "readings", "read"),
    [
        # Its lines run down and read standing up anticlockwise: turned that way first, and right.
        (1, {0: _DOWN}, [0, 1]),
        # They read as noise: the other way first, and right.
        (3, {0: _NOISE}, [0, 3]),
        # The hint misleads: the other way is still read, and kept.
        (3, {0: _DOWN, 1: _ACROSS}, [0, 1, 3]),
        # Lines running across read badly: upside down.
        (2, {0: _ACROSS}, [0, 2]),
        # An upside-down table page showing lines running down: the sideways reading's own hint points on.
        (2, {0: _NOISE, 3: _NOISE}, [0, 3, 2]),
        # A page that reads nowhere: every turn once, and it stays as it is.
        (None, {0: _NOISE, 1: _ACROSS, 2: _ACROSS, 3: _NOISE}, [0, 3, 2, 1]),
    ],
)
def test_a_turned_page_is_read_the_likelier_way_first_and_kept_only_where_it_reads(
    monkeypatch, upright_at: int | None, readings: dict[int, Reading], read: list[int]
) -> None:
    page = np.arange(12, dtype=np.uint8).reshape(3, 4)  # every quarter turn of it differs
    seen: list[int] = []

    def recognise(image: np.ndarray) -> Reading:
        turn = next(t for t in range(4) if np.array_equal(image, np.rot90(page, t)))
        seen.append(turn)
        if turn == upright_at:
            return Reading(_characters("政府信息公开", 0, 0), across=500, down=10, legible=200)
        return readings.get(turn, _ACROSS)

    monkeypatch.setattr(ocr, "recognise", recognise)
    turns, glyphs = scan._upright(page)
    assert seen == read
    assert (turns, "".join(g.text for g in glyphs)) == (
        (upright_at, "政府信息公开") if upright_at else (0, "")
    )


def _characters(text: str, x: float, y: float, confidence: float = 0.99) -> list[Glyph]:
    return [Glyph(c, x + 20 * i, y, x + 20 * i + 18, y + 24, confidence) for i, c in enumerate(text)]


def test_an_image_pdf_and_a_png_go_to_the_scan_reader_and_a_text_pdf_does_not(monkeypatch) -> None:
    glyphs = _characters("规章", 150, 260) + _characters("7", 600, 260) + _characters("1", 900, 260, 0.5)
    monkeypatch.setattr(ocr, "recognise", _fake_ocr(glyphs))
    page = _grid_image()
    png, pdf = io.BytesIO(), io.BytesIO()
    page.save(png, "PNG")
    page.save(pdf, "PDF", resolution=150)
    assert detect.sniff(png.getvalue()) == "image"
    for data in (png.getvalue(), pdf.getvalue()):
        doc = detect.read_document(data, source="scan")
        assert doc.source_format == "scan"
        cells = [c.text for row in doc.tables[0].rows for c in row]
        # The uncertain digit is carried full-width, so `settle` can find it after mapping.
        assert cells[:3] == ["规章", "7", "１"]
        assert doc.tables[0].rows[0][0].page == 1
    text_pdf = Path(__file__).resolve().parents[1] / "data" / "reports" / "hongze-2024-qzf.pdf"
    monkeypatch.setattr(ocr, "recognise", None)  # a text layer never reaches the OCR engine
    assert detect.read_document(text_pdf.read_bytes()).source_format == "pdf"


def test_each_page_read_by_ocr_is_reported_with_the_number_of_pages(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "recognise", _fake_ocr(_characters("规章", 150, 260)))
    pdf = io.BytesIO()
    _grid_image().save(pdf, "PDF", resolution=150, save_all=True, append_images=[_grid_image()])
    told: list[tuple[int, int]] = []
    detect.read_document(
        pdf.getvalue(), source="scan", progress=lambda done, total: told.append((done, total))
    )
    assert told == [(1, 2), (2, 2)]


def test_without_ocr_a_scan_or_an_image_is_named_as_needing_it_and_a_text_pdf_is_read(monkeypatch) -> None:
    """What the platform's upload does in the request; the OCR reading follows in the background."""
    monkeypatch.setattr(ocr, "recognise", None)  # OCR is never reached
    page = _grid_image()
    png, pdf = io.BytesIO(), io.BytesIO()
    page.save(png, "PNG")
    page.save(pdf, "PDF", resolution=150)
    for data in (png.getvalue(), pdf.getvalue()):
        with pytest.raises(NeedsOcr) as caught:
            detect.read_report(data, source="scan", ocr=False)
        assert "OCR" in caught.value.message_zh
    text_pdf = Path(__file__).resolve().parents[1] / "data" / "reports" / "hongze-2024-qzf.pdf"
    assert detect.read_report(text_pdf.read_bytes(), ocr=False).source_format == "pdf"


def test_a_file_named_png_that_is_not_an_image_is_refused_in_chinese() -> None:
    with pytest.raises(detect.ReportReadError) as caught:
        scan.read_scan(b"\x89PNG\r\n\x1a\nbroken", source="x.png")
    assert "图片" in caught.value.message_zh


def _report():
    report = balanced_report(random.Random(7), year=2024)
    for table in ("table3", "table4"):
        for row, cells in report.table(table).items():
            for column, value in cells.items():
                report.provenance[f"{table}.{row}.{column}"] = Provenance(line=3, page=4, text=str(value))
    return report


def test_settle_nulls_values_resting_on_an_uncertain_digit_and_names_page_and_cell() -> None:
    report = _report()
    value = report.table3["denied.state_secret"]["natural_person"]
    report.provenance["table3.denied.state_secret.natural_person"] = Provenance(
        line=3, page=4, text=str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    )
    scan.settle(report)
    assert report.table3["denied.state_secret"]["natural_person"] is None
    (finding,) = [f for f in report.findings if f.code == "P-OCR-UNCERTAIN"]
    assert finding.place.page == 4
    assert (finding.place.row, finding.place.column) == ("denied.state_secret", "natural_person")
    assert "第4页" in finding.message_zh and "置信度低" in finding.message_zh


def test_settle_nulls_a_row_whose_printed_sum_fails_and_never_corrects_it() -> None:
    report = _report()
    row = report.table3["granted"]
    row["total"] = (row["total"] or 0) + 3  # a misread total
    before_other_rows = {k: dict(v) for k, v in report.table3.items() if k != "granted"}
    scan.settle(report)
    assert all(v is None for v in report.table3["granted"].values())
    assert {k: v for k, v in report.table3.items() if k != "granted"} == before_other_rows
    assert {f.place.row for f in report.findings if f.code == "P-OCR-IDENTITY"} == {"granted"}


def test_settle_sees_parts_read_exceeding_the_total_even_with_a_part_unread() -> None:
    report = _report()
    report.table4["review"].update(upheld=9, corrected=None, other=0, pending=0, total=6)
    scan.settle(report)
    assert all(v is None for v in report.table4["review"].values())


def test_the_ocr_models_ship_inside_the_wheel_and_the_engine_loads_only_for_scans() -> None:
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    names = {p.name for p in models.glob("*.onnx")}
    assert {"ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"} <= names
    code = (
        "import sys, xxgk.parse.detect, xxgk.cli.engine_commands;"
        "print(any(m in sys.modules for m in ('rapidocr_onnxruntime', 'onnxruntime', 'cv2')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_number_with_a_look_alike_letter_keeps_its_place_and_is_never_read() -> None:
    """`o` for 0 in a table 四 cell would otherwise end the row's labels there and shift its values."""
    box = [[10, 10], [40, 10], [40, 30], [10, 30]]
    char_boxes = [[[10, 10], [24, 10], [24, 30], [10, 30]], [[26, 10], [40, 10], [40, 30], [26, 30]]]
    glyphs = ocr._characters(box, "1o", 0.9, char_boxes, ["1", "o"], [0.99, 0.8])
    assert [(g.text, g.confidence) for g in glyphs] == [("1", 0.99), ("0", 0.0)]
    assert scan._marked("0", 0.0) == "０"
    for letter, digit in (("I", "1"), ("D", "0")):
        (alone,) = ocr._characters(box, letter, 0.99, [box], [letter], [0.99])
        assert (alone.text, alone.confidence) == (digit, 0.0)
    # Ordinary words keep their letters.
    text = ocr._characters(box, "gov", 0.99, [*char_boxes, box], ["g", "o", "v"], [0.99] * 3)
    assert "".join(g.text for g in text) == "gov"


# A recogniser's characters: class 0 is CTC's blank.
_CLASSES = ocr._digit_classes(("blank", "0", "O", "o", "D", "8", "6", "1", "l", "７", "规", " "))


def _steps(*rows: dict[str, float]) -> np.ndarray:
    """Class probabilities per step; what a row leaves goes to the blank."""
    probs = np.zeros((len(rows), len(_CLASSES.characters)), dtype=np.float32)
    for step, row in enumerate(rows):
        for char, p in row.items():
            probs[step, _CLASSES.characters.index(char)] = p
        probs[step, 0] = 1 - sum(row.values())
    return probs


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        # A lone zero the model splits between 0 and O: no doubt about the digit.
        ([{"0": 0.6, "O": 0.3, "o": 0.05}], ("0", [0.95])),
        ([{"O": 0.5, "0": 0.45}], ("0", [0.95])),
        # Doubt between two digits, or with the blank, stays doubt.
        ([{"0": 0.6, "8": 0.38}], ("0", [0.6])),
        ([{"6": 0.55}], ("6", [0.55])),
        # Steps repeating a class are one character, a blank between them parts two.
        ([{"1": 0.99}, {"1": 0.98}, {}, {"1": 0.97}], ("11", [0.99, 0.97])),
        ([{"l": 0.7, "1": 0.29}, {"７": 0.99}], ("17", [0.99, 0.99])),
        # Two classes of one digit on neighbouring steps may be one glyph: never a sure second digit.
        ([{"1": 0.99}, {}, {"0": 0.6, "O": 0.38}, {"O": 0.6, "0": 0.38}], ("100", [0.99, 0.98, 0.0])),
        # Other characters are read as they are.
        ([{"规": 0.9, "0": 0.05}], ("规", [0.9])),
    ],
    ids=[
        "0-and-O",
        "O-first",
        "0-or-8",
        "alone",
        "repeats-and-blank",
        "look-alike-and-full-width",
        "wavering",
        "not-a-digit",
    ],
)
def test_a_digit_is_scored_with_the_letters_that_stand_for_it(steps, expected) -> None:
    text, confidences = ocr.number_reading(_steps(*steps), _CLASSES)
    assert (text, [round(c, 2) for c in confidences]) == expected


def test_the_cli_says_when_a_file_was_read_by_ocr(monkeypatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from xxgk.cli.main import app

    glyphs = _characters("规章", 150, 260) + _characters("7", 600, 260)
    monkeypatch.setattr(ocr, "recognise", _fake_ocr(glyphs))
    path = tmp_path / "年报扫描.png"
    _grid_image().save(path, "PNG")
    runner = CliRunner()
    text = runner.invoke(app, ["check", str(path)])
    assert "经 OCR 识别" in text.stdout, text.output
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert data[0]["source_format"] == "scan" and data[0]["ocr"] is True
    extract = runner.invoke(app, ["extract", str(path)])
    assert json.loads(extract.stdout)["source_format"] == "scan"
    assert "经 OCR 识别" in extract.stderr


# --- the second look at cells (scan_cells.py) ----------------------------------------------------

# Cells of _grid_image by (row, column), and a blob of ink standing for a printed number in each.
_CELL = {(r, c): (XS[c], YS[r], XS[c + 1], YS[r + 1]) for r in range(3) for c in range(3)}


def _blob(draw: ImageDraw.ImageDraw, cell: tuple[int, int], width: int, dy: int = 0) -> tuple[int, int]:
    """A dark block `width` wide and 24 high in the middle of `cell` (shifted down by `dy`)."""
    x0, y0, x1, y1 = _CELL[cell]
    left, top = (x0 + x1) // 2 - width // 2, (y0 + y1) // 2 - 12 + dy
    draw.rectangle([(left, top), (left + width - 1, top + 23)], fill=0)
    return left, top


def _second_look(monkeypatch, glyphs: list[Glyph], answers: dict[int, tuple[str, list[float]]], draw_ink):
    """The page's cells after both passes, with the page-wide OCR giving `glyphs` and the per-cell
    recogniser answering by the width of the ink it is shown (`answers`); also the crops it saw."""
    image = _grid_image()
    draw_ink(ImageDraw.Draw(image))
    seen: list[np.ndarray] = []

    def alone(crops: list[np.ndarray]) -> list[tuple[str, list[float]]]:
        seen.extend(crops)
        # The crop is the ink on a margin of 40 % of its height (24 px → 10 px) each side.
        return [answers.get(crop.shape[1] - 20, ("", [])) for crop in crops]

    monkeypatch.setattr(ocr, "recognise", _fake_ocr(glyphs))
    monkeypatch.setattr(ocr, "recognise_number_alone", alone)
    layout, _ = scan._page_layout(np.asarray(image), dpi=150, number=1)
    (table,) = layout.tables
    return [[c.text for c in row] for row in table.rows], seen


def test_an_uncertain_digit_is_read_again_alone_and_replaced_only_by_a_sure_reading(monkeypatch) -> None:
    def ink(draw: ImageDraw.ImageDraw) -> None:
        _blob(draw, (0, 1), 12)
        _blob(draw, (0, 2), 14)
        _blob(draw, (1, 1), 16)

    glyphs = (
        _characters("规章", 150, 260)
        + _characters("0", 644, 263, 0.7)  # sure the second time
        + _characters("8", 944, 263, 0.7)  # still unsure the second time
        + _characters("3", 644, 413, 0.99)  # read well: not looked at again
    )
    answers = {12: ("0", [0.99]), 14: ("6", [0.9])}
    cells, seen = _second_look(monkeypatch, glyphs, answers, ink)
    assert cells[0] == ["规章", "0", "８"]  # the unsure 8 stays unsure (full width: settle nulls it)
    assert cells[1][1] == "3"
    assert len(seen) == 2


def test_a_number_missed_by_the_page_wide_pass_is_found_in_its_cell(monkeypatch) -> None:
    def ink(draw: ImageDraw.ImageDraw) -> None:
        _blob(draw, (0, 1), 12)

    cells, seen = _second_look(monkeypatch, _characters("规章", 150, 260), {12: ("1", [0.99])}, ink)
    assert cells[0] == ["规章", "1", ""]
    # The crop shows the ink only: the cell's rules were whitened, its margin is paper.
    (crop,) = seen
    assert crop.shape == (44, 32)
    assert crop[:10].min() == 255 and crop[:, :10].min() == 255 and crop[10:34, 10:22].max() < 128


@pytest.mark.parametrize(
    ("first", "confidence", "answer", "read"),
    [
        ("一", 0.99, ("1", [0.99]), "1"),  # a lone 1 the engine turned a quarter and read as 一
        ("p", 0.62, ("0", [0.99]), "0"),  # a 0 read unsurely as a letter
        ("一", 0.99, ("一", [0.99]), "一"),  # a dash stays what it was
        ("p", 0.62, ("0", [0.6]), "p"),  # read alone, not surely a digit: as it was
        ("/", 0.99, ("1", [0.99]), "/"),  # a mark read surely: not looked at
        ("是", 0.5, ("1", [0.99]), "是"),  # an ideograph is text: not looked at
    ],
)
def test_a_cell_of_one_character_that_may_be_a_misread_digit_is_read_again_alone(
    monkeypatch, first: str, confidence: float, answer, read: str
) -> None:
    def ink(draw: ImageDraw.ImageDraw) -> None:
        _blob(draw, (0, 1), 12)

    glyphs = _characters("规章", 150, 260) + _characters(first, 644, 263, confidence)
    cells, seen = _second_look(monkeypatch, glyphs, {12: answer}, ink)
    assert cells[0] == ["规章", read, ""] and len(seen) == (first not in "/是")


@pytest.mark.parametrize(
    "answer",
    [("05", [0.99, 0.99]), ("5.", [0.99, 0.99]), ("S", [0.99]), ("", []), ("12", [0.99, 0.5])],
    ids=["leading-zero", "not-a-whole-number", "a-letter", "nothing", "one-digit-unsure"],
)
def test_a_second_reading_that_is_not_a_sure_whole_number_changes_nothing(monkeypatch, answer) -> None:
    def ink(draw: ImageDraw.ImageDraw) -> None:
        _blob(draw, (0, 1), 12)

    glyphs = _characters("规章", 150, 260) + _characters("5", 644, 263, 0.7)
    cells, _ = _second_look(monkeypatch, glyphs, {12: answer}, ink)
    assert cells[0] == ["规章", "５", ""]


def test_blank_cells_and_cells_with_two_lines_are_not_read_again(monkeypatch) -> None:
    def ink(draw: ImageDraw.ImageDraw) -> None:
        _blob(draw, (1, 1), 12, dy=-30)  # two lines in one cell: a crop would read them as one
        _blob(draw, (1, 1), 12, dy=30)
        draw.point([(950, 420), (951, 420)], fill=0)  # a speck of dust

    cells, seen = _second_look(monkeypatch, _characters("规章", 150, 260), {12: ("7", [0.99])}, ink)
    assert seen == []
    assert cells[0] == ["规章", "", ""]


def test_a_table_of_one_short_row_has_its_rules_and_a_large_character_makes_no_table() -> None:
    """Table 二's blocks are a header and one row (rules 8 mm tall); a title's 开 at 22 pt
    is two strokes each way, 8 mm long, crossing like a frame."""
    mm = 150 / 25.4  # pixels per millimetre at 150 dpi
    image = Image.new("L", (1241, 1754), 255)  # A4
    draw = ImageDraw.Draw(image)
    xs, ys = (100, 600, 1100), (400, 400 + round(4 * mm), 400 + round(8 * mm))
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=2)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=2)
    left, top, size = 500, 100, round(8 * mm)
    for y in (top + size // 3, top + 2 * size // 3):
        draw.line([(left, y), (left + size, y)], fill=0, width=4)
    for x in (left + size // 3, left + 2 * size // 3):
        draw.line([(x, top), (x, top + size)], fill=0, width=4)
    rules = scan.ruling_lines(np.asarray(image), dpi=150)
    assert sorted(r.at for r in rules if r.orientation == "v") == pytest.approx(xs, abs=3)
    assert len(geometry.cell_boxes(rules, tolerance=6)) == 4  # the table's cells, and no other


def _three_page_scan(broken: set[int]) -> bytes:
    """An image-only PDF of three pages, the dictionaries of the pages `broken` no longer saying /Page."""
    pdf = io.BytesIO()
    _grid_image().save(
        pdf, "PDF", resolution=150, save_all=True, append_images=[_grid_image(), _grid_image()]
    )
    pages = iter(range(1, 4))
    return re.sub(
        rb"/Type /Page(?![s])", lambda m: b"/Type /Bage" if next(pages) in broken else m[0], pdf.getvalue()
    )


def test_a_scan_page_that_cannot_be_loaded_is_named_and_the_other_pages_read(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "recognise", _fake_ocr(_characters("规章", 150, 260)))
    told: list[tuple[int, int]] = []
    doc = detect.read_document(
        _three_page_scan({2}), source="scan", progress=lambda done, total: told.append((done, total))
    )
    (broken,) = [f for f in doc.findings if f.code == "P-PAGE-UNREADABLE"]
    assert broken.place.page == 2 and "第2页已损坏" in broken.message_zh
    assert doc.tables[0].rows[0][0].text == "规章"
    assert told == [(1, 3), (3, 3)]  # pages 1 and 3 recognised


def test_a_scan_mostly_broken_is_refused_before_any_page_is_recognised(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "recognise", None)  # seconds a page: never spent on a file refused anyway
    with pytest.raises(ReportReadError) as caught:
        detect.read_document(_three_page_scan({1, 3}), source="scan")
    assert "第1、3页无法读取" in caught.value.message_zh
