"""PNG charts for the DOCX documents (通报, consolidated report), drawn with Pillow in a CJK font.

The font is the one fontconfig offers for Simplified Chinese (`xxgk.render.pdf.find_cjk_fonts`,
Noto Sans CJK SC here), so labels never print as empty boxes. Framework-free.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from xxgk.render.pdf import find_cjk_fonts

SCALE = 2  # drawn at twice the size for print
# Printed 150 mm wide (documents.CHART_WIDTH): 640 px make the 14 px labels about 9 pt on paper.
WIDTH = 640 * SCALE
ROW = 26 * SCALE
# Rows per picture: one picture stays within the 225 mm text block of a 公文 page.
ROWS_PER_CHART = 25
BAR = "#9f1c1c"
MUTED = "#8c959f"
INK = "#1f2328"
GRID = "#d0d7de"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    """The sans CJK face; in a collection (.ttc) the face whose name says SC, else the first."""
    path = str(find_cjk_fonts().sans.file)
    for index in range(8):
        try:
            face = ImageFont.truetype(path, size * SCALE, index=index)
        except OSError:
            break
        if " SC" in " ".join(filter(None, face.getname())):
            return face
    return ImageFont.truetype(path, size * SCALE)


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float | None, str]],
    *,
    maximum: float | None = None,
    note: str = "",
) -> bytes:
    """Horizontal bars, one per (label, value, shown text); a None value is drawn as no bar with its
    text (e.g. “—” or “样本不足”)."""
    title_font, label_font, small = _font(20), _font(14), _font(12)
    row = ROW
    top = 60 * SCALE
    height = top + row * max(1, len(items)) + 40 * SCALE
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20 * SCALE, 16 * SCALE), title, font=title_font, fill=INK)
    label_width = max([draw.textlength(label, font=label_font) for label, _, _ in items] + [0]) + 16 * SCALE
    label_width = min(label_width, WIDTH * 0.45)
    left, right = 20 * SCALE + label_width, WIDTH - 110 * SCALE
    values = [v for _, v, _ in items if v is not None]
    top_value = maximum or (max(values) if values and max(values) > 0 else 1)
    draw.line([(left, top - 6 * SCALE), (left, top + row * len(items))], fill=GRID, width=SCALE)
    for i, (label, value, shown) in enumerate(items):
        y = top + i * row
        draw.text(
            (20 * SCALE, y + 4 * SCALE),
            _fit(draw, label, label_font, label_width - 12 * SCALE),
            font=label_font,
            fill=INK,
        )
        end = left
        if value is not None and value > 0:
            end = left + (right - left) * min(value, top_value) / top_value
            draw.rectangle([left, y + 5 * SCALE, end, y + row - 7 * SCALE], fill=BAR)
        draw.text(
            (end + 8 * SCALE, y + 5 * SCALE), shown, font=small, fill=INK if value is not None else MUTED
        )
    if note:
        draw.text((20 * SCALE, height - 30 * SCALE), note, font=small, fill=MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def bar_charts(
    title: str,
    items: Sequence[tuple[str, float | None, str]],
    *,
    maximum: float | None = None,
    note: str = "",
) -> list[bytes]:
    """`bar_chart` over any number of units: one picture per `ROWS_PER_CHART` rows (titled “（续）”
    after the first, the note under the last), each readable on one page, every unit labelled."""
    parts = [items[i : i + ROWS_PER_CHART] for i in range(0, len(items), ROWS_PER_CHART)] or [items]
    top_value = maximum
    if top_value is None:
        values = [v for _, v, _ in items if v is not None and v > 0]
        top_value = max(values) if values else None  # one scale for every picture
    return [
        bar_chart(
            title if i == 0 else f"{title}（续）",
            part,
            maximum=top_value,
            note=note if i == len(parts) - 1 else "",
        )
        for i, part in enumerate(parts)
    ]


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"
