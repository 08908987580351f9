"""Offline OCR of a page image: recognised characters with their boxes and confidences.

The engine is RapidOCR (PP-OCRv4 detection and recognition as ONNX models shipped inside the
`rapidocr-onnxruntime` wheel; nothing is downloaded at run time), chosen by measurement against
Tesseract (docs/benchmarks.md, "Scans read by OCR"). This module is imported only when a scan is
read: onnxruntime and OpenCV cost about a second to load.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

log = logging.getLogger(__name__)

# Pages are recognised at up to this many pixels on their long side (the engine's default, 2000,
# shrinks a 300 dpi A4 page and loses thin digits).
_MAX_SIDE = 4000


@dataclass(frozen=True, slots=True)
class Glyph:
    """One recognised character: its box in image pixels (top-left origin) and its confidence."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


@lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    # One thread each: the corpus runner parallelises over files, not inside one page.
    return RapidOCR(
        intra_op_num_threads=1, inter_op_num_threads=1, max_side_len=_MAX_SIDE, print_verbose=False
    )


def recognise(image: np.ndarray) -> list[Glyph]:
    """Every character the engine reads on a greyscale or colour page image."""
    # No orientation classifier: pages are straightened before, and on a lone digit it turns the
    # crop upside down, which reads a printed 9 as 6 with a confidence of 0.99 (淮安 2024 at 200 dpi).
    result, _ = _engine()(image, use_cls=False, return_word_box=True)
    glyphs: list[Glyph] = []
    for box, text, score, char_boxes, chars, confidences in result or []:
        glyphs += _characters(box, text, float(score), char_boxes, chars, confidences)
    return glyphs


def recognise_alone(crops: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Each greyscale crop recognised as one line of text, without detection: its text and the
    confidence of each of its characters."""
    if not crops:
        return []
    import cv2

    results, _ = _engine().text_rec([cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in crops], True)
    out: list[tuple[str, list[float]]] = []
    for text, _score, (*_, confidences) in results:
        text = unicodedata.normalize("NFKC", text)
        out.append(
            (text, [float(c) for c in confidences] if len(confidences) == len(text) else [0.0] * len(text))
        )
    return out


def _characters(
    box: list[list[float]],
    text: str,
    score: float,
    char_boxes: list[list[list[float]]],
    chars: list[str],
    confidences: list[float],
) -> list[Glyph]:
    """A recognised line → its characters, with a number's look-alike letters made uncertain digits."""
    text = unicodedata.normalize("NFKC", text)
    chars = [unicodedata.normalize("NFKC", c) for c in chars]
    glyphs = _placed(box, text, score, char_boxes, chars, confidences)
    if _LOOKALIKE_RUN.match(text) and not text.strip().isdigit():
        # A run of digits and look-alike letters (`o`, `l`) is a number the engine was unsure of:
        # its letters become the digits they stand for, with no confidence, so the cell keeps its
        # place in the row (a letter there would shift the row's values) and is never read as it
        # stands (`scan_cells` recognises such a cell again alone).
        glyphs = [
            replace(g, text=_LOOKALIKES[g.text], confidence=0.0) if g.text in _LOOKALIKES else g
            for g in glyphs
        ]
    return glyphs


def _placed(
    box: list[list[float]],
    text: str,
    score: float,
    char_boxes: list[list[list[float]]],
    chars: list[str],
    confidences: list[float],
) -> list[Glyph]:
    """Each character's box and confidence; when the engine's boxes do not line up with its text,
    the line is cut evenly and every character gets the line's lowest confidence."""
    visible = [c for c in text if not c.isspace()]
    if len(chars) == len(char_boxes) == len(confidences) and chars == visible:
        # The engine gives the boxes left to right, as the characters of a level line are read.
        return [
            Glyph(c, *_bounds(b), float(conf))
            for c, b, conf in zip(chars, char_boxes, confidences, strict=True)
        ]
    x0, y0, x1, y1 = _bounds(box)
    lowest = min((float(c) for c in confidences), default=score)
    step = (x1 - x0) / max(len(visible), 1)
    log.debug("OCR character boxes do not match the line's text; cutting the line evenly")
    return [Glyph(c, x0 + i * step, y0, x0 + (i + 1) * step, y1, lowest) for i, c in enumerate(visible)]


# `D` is how a lone 0 in a narrow cell comes back at 300 dpi, with a high confidence.
_LOOKALIKES = {"o": "0", "O": "0", "D": "0", "l": "1", "I": "1"}
_LOOKALIKE_RUN = re.compile(r"^\s*[\doODlI]+\s*$")


def _bounds(points: list[list[float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
