"""The 通报's Pillow charts stay readable with many units: every unit gets its own labelled bar,
a picture never outgrows the page's text block, and the labels print at a readable size."""

from __future__ import annotations

import io
import math

from PIL import Image

from xxgk.render.docx import TEXT_WIDTH
from xxgk.web.rollup import charts, documents

TEXT_BLOCK_MM = 225  # GB/T 9704 版心 height
MM = 36000  # EMU per millimetre


def test_many_units_are_split_over_pictures_that_fit_the_page() -> None:
    items = [(f"宜春市第{i}测试单位", i / 100, f"{i}%") for i in range(1, 61)]
    pictures = charts.bar_charts("各单位实质公开率", items, maximum=1.0, note="说明")
    assert len(pictures) == math.ceil(60 / charts.ROWS_PER_CHART) == 3
    printed_width_mm = documents.CHART_WIDTH / MM
    assert printed_width_mm <= TEXT_WIDTH / MM
    for png in pictures:
        width, height = Image.open(io.BytesIO(png)).size
        assert height * printed_width_mm / width <= TEXT_BLOCK_MM
    # 14 px labels at 2× on a picture printed 150 mm wide: at least 8 pt (2.8 mm) on paper.
    label_mm = 14 * charts.SCALE / charts.WIDTH * printed_width_mm
    assert label_mm >= 2.8
    # Each row is tall enough for its label: no label is dropped or overlaps the next.
    assert charts.ROW >= 14 * charts.SCALE * 1.5


def test_one_scale_for_every_picture_of_a_chart() -> None:
    items = [(f"单位{i}", float(i), str(i)) for i in range(1, 31)]
    first, second = charts.bar_charts("件数", items)

    # The last unit (largest value, 30) is drawn in the second picture with the full bar; the
    # first picture's largest (25) therefore ends short of it, not at the full width.
    def bar_end(png: bytes, row: int) -> int:
        image = Image.open(io.BytesIO(png)).convert("RGB")
        y = 60 * charts.SCALE + row * charts.ROW + charts.ROW // 2
        reds = [x for x in range(image.width) if image.getpixel((x, y)) == (0x9F, 0x1C, 0x1C)]
        return max(reds)

    assert bar_end(first, 24) < bar_end(second, 4)
