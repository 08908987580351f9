"""A second look at a scan's table cells.

Page-wide OCR misses lone digits in narrow cells (detection skips them) or reads them with a low
confidence (a lone `0` scores 0.6–0.95 at 150–200 dpi), and both stay null. A cell left empty, or
holding only a number with an uncertain digit, is cut out of the page again: its ruling lines
whitened, tight around its ink, on a white margin, and recognised alone (the same model scores such
a crop 0.96–0.99). So is a cell holding one character that may be a misread digit: `一`, what
a lone `1` reads as once the engine has turned its tall, narrow box a quarter to read it (平潭 2024
at 150 dpi, blurred, table 四), or any other character but an ideograph read unsurely (a `0` read
as `p` at 0.62 on the same page scanned upside down); either left its row a cell short, all null.
The new reading replaces the old only when every character is a digit read at the scan reader's
confidence, the ink stands on one line and the number has no leading zero; otherwise the cell keeps
what the first pass saw (and `scan.settle` nulls it with a finding).
"""

from __future__ import annotations

import numpy as np

from xxgk.parse import ocr
from xxgk.parse.ocr import Glyph

Box = tuple[float, float, float, float]


def reread_cells(
    page: np.ndarray, ink: np.ndarray, boxes: list[Box], glyphs: list[Glyph], *, dpi: float, threshold: float
) -> list[Glyph]:
    """`glyphs` with the cells in `boxes` that read badly read again.

    `page` is the straightened greyscale page with its rules whitened; `ink` its dark pixels (255)
    without the rules."""
    looks: list[tuple[list[Glyph], tuple[int, int, int, int]]] = []
    for box in boxes:
        inside = [g for g in glyphs if _centre_in(g, box)]
        if inside and not _uncertain_number(inside, threshold) and not _misread_digit(inside, threshold):
            continue
        found = _ink_line(ink, box, dpi)
        if found is not None:
            looks.append((inside, found))
    if not looks:
        return glyphs
    reads = ocr.recognise_number_alone([_padded(page, found) for _, found in looks])
    dropped: set[int] = set()
    added: list[Glyph] = []
    for (inside, (x0, y0, x1, y1)), (text, confidences) in zip(looks, reads, strict=True):
        if not _accepted(text, confidences, threshold):
            continue
        dropped.update(id(g) for g in inside)
        step = (x1 - x0) / len(text)
        added += [
            Glyph(c, x0 + i * step, y0, x0 + (i + 1) * step, y1, conf)
            for i, (c, conf) in enumerate(zip(text, confidences, strict=True))
        ]
    return [g for g in glyphs if id(g) not in dropped] + added


def _centre_in(glyph: Glyph, box: Box) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= (glyph.x0 + glyph.x1) / 2 <= x1 and y0 <= (glyph.y0 + glyph.y1) / 2 <= y1


def _uncertain_number(glyphs: list[Glyph], threshold: float) -> bool:
    return all(g.text.isdigit() for g in glyphs) and min(g.confidence for g in glyphs) < threshold


def _misread_digit(glyphs: list[Glyph], threshold: float) -> bool:
    if len(glyphs) != 1 or glyphs[0].text.isdigit():
        return False
    (glyph,) = glyphs
    return glyph.text == "一" or (glyph.confidence < threshold and not ocr.ideograph(glyph))


def _ink_line(ink: np.ndarray, box: Box, dpi: float) -> tuple[int, int, int, int] | None:
    """The box around the cell's ink, when it is one line of more than a speck; None otherwise
    (a blank cell, or two lines: a crop the recogniser would read as one)."""
    x0, y0, x1, y1 = (max(round(v), 0) for v in box)
    part = ink[y0:y1, x0:x1]
    if part.size == 0 or np.count_nonzero(part) < (dpi / 50) ** 2:
        return None
    rows = np.flatnonzero(part.any(axis=1))
    if np.any(np.diff(rows) > dpi / 50):  # a blank band between two runs of ink
        return None
    cols = np.flatnonzero(part.any(axis=0))
    return x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1


def _padded(page: np.ndarray, found: tuple[int, int, int, int]) -> np.ndarray:
    """The ink's box on a white margin of 40 % of its height, as the detector would have cut it."""
    x0, y0, x1, y1 = found
    pad = max(4, round((y1 - y0) * 0.4))
    crop = np.full((y1 - y0 + 2 * pad, x1 - x0 + 2 * pad), 255, dtype=np.uint8)
    crop[pad : pad + y1 - y0, pad : pad + x1 - x0] = page[y0:y1, x0:x1]
    return crop


def _accepted(text: str, confidences: list[float], threshold: float) -> bool:
    return (
        text.isascii()
        and text.isdigit()
        and not (len(text) > 1 and text[0] == "0")
        and len(confidences) == len(text)
        and min(confidences) >= threshold
    )
