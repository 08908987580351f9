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

from xxgk.parse.encoding import IDEOGRAPHS

log = logging.getLogger(__name__)

# Pages are recognised at up to this many pixels on their long side (the engine's default, 2000,
# shrinks a 300 dpi A4 page and loses thin digits).
_MAX_SIDE = 4000
# A recognised line this many times longer one way than the other runs across or down the page.
_LINE_ASPECT = 1.5
# Ideographs read with this confidence, in lines running across the page, tell how legible it is the
# way up it was read.
LEGIBLE = 0.9


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

    # One thread each: the corpus runner parallelises over files, not inside one page. Text lines are
    # recognised one at a time: a batch pads every line to the widest, and batches of 6 (the default)
    # took 25–30 % longer on our scanned pages for the same text (docs/benchmarks.md, twelfth session).
    return RapidOCR(
        intra_op_num_threads=1,
        inter_op_num_threads=1,
        max_side_len=_MAX_SIDE,
        rec_batch_num=1,
        print_verbose=False,
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """What the engine read on a page image: its characters, and which way its lines run."""

    glyphs: list[Glyph]
    # The summed lengths of the recognised lines running across the image and down it.
    across: float = 0.0
    down: float = 0.0
    # Ideographs read with a confidence of at least `LEGIBLE` in lines running across, and all the
    # ideographs read. Digits do not count: a page of zeros reads as well upside down.
    legible: int = 0
    ideographs: int = 0
    # Ideographs read legibly in lines running down. The engine stands such a line up by turning it a
    # quarter anticlockwise before reading it: legible, they say the page reads turned that way.
    legible_down: int = 0


def recognise(image: np.ndarray) -> Reading:
    """Every character the engine reads on a greyscale or colour page image, and how its lines run."""
    # No orientation classifier: pages are straightened before and stood upright by reading them
    # turned (`scan._upright`), and on a lone digit it turns the crop upside down, which reads a
    # printed 9 as 6 with a confidence of 0.99 (淮安 2024 at 200 dpi).
    result, _ = _engine()(image, use_cls=False, return_word_box=True)
    glyphs: list[Glyph] = []
    across = down = 0.0
    legible = ideographs = legible_down = 0
    for box, text, score, char_boxes, chars, confidences in result or []:
        line = _characters(box, text, float(score), char_boxes, chars, confidences)
        glyphs += line
        ideographs += sum(map(ideograph, line))
        x0, y0, x1, y1 = _bounds(box)
        if y1 - y0 > _LINE_ASPECT * (x1 - x0):
            down += y1 - y0
            legible_down += sum(map(_legible, line))
        elif x1 - x0 > _LINE_ASPECT * (y1 - y0):
            across += x1 - x0
            legible += sum(map(_legible, line))
    return Reading(glyphs, across, down, legible, ideographs, legible_down)


def ideograph(glyph: Glyph) -> bool:
    return any(ord(char) in IDEOGRAPHS for char in glyph.text)


def _legible(glyph: Glyph) -> bool:
    return glyph.confidence >= LEGIBLE and ideograph(glyph)


def recognise_number_alone(crops: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Each greyscale crop of a number cell recognised as one line, without detection: its text
    (look-alike letters as the digits they stand for) and the confidence of each character.

    A digit's confidence is the probability the model gives, at that step, to every character that
    stands for the digit in a number cell (`0`, `O`, `o`, `D` for 0): on a lone zero the model splits
    its belief between `0` and `O`, and that split is no doubt about which digit is printed. Doubt
    between two digits, or between a digit and the blank, still lowers it."""
    if not crops:
        return []
    import cv2

    rec = _engine().text_rec
    _, height, width = rec.rec_image_shape
    out: list[tuple[str, list[float]]] = []
    for crop in crops:  # one at a time: a batch pads every crop to the widest, which moves scores
        image = cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR)
        ratio = max(width / height, crop.shape[1] / crop.shape[0])
        probs = rec.session(rec.resize_norm_img(image, ratio)[np.newaxis].astype(np.float32))[0][0]
        out.append(number_reading(probs, _digit_classes(tuple(rec.postprocess_op.character))))
    return out


@dataclass(frozen=True)
class DigitClasses:
    """The recogniser's characters (class 0 is CTC's blank) and, for each digit, its classes."""

    characters: tuple[str, ...]
    digit_of: dict[int, str]
    classes_of: dict[str, tuple[int, ...]]


@lru_cache(maxsize=2)
def _digit_classes(characters: tuple[str, ...]) -> DigitClasses:
    digit_of: dict[int, str] = {}
    for index, char in enumerate(characters):
        folded = unicodedata.normalize("NFKC", char)
        digit = (
            folded if folded.isascii() and folded.isdigit() and len(folded) == 1 else _LOOKALIKES.get(char)
        )
        if index and digit is not None:
            digit_of[index] = digit
    classes_of: dict[str, list[int]] = {}
    for index, digit in digit_of.items():
        classes_of.setdefault(digit, []).append(index)
    return DigitClasses(characters, digit_of, {d: tuple(c) for d, c in classes_of.items()})


def number_reading(probs: np.ndarray, classes: DigitClasses) -> tuple[str, list[float]]:
    """CTC's greedy reading of one line's class probabilities (steps × classes), as the engine
    decodes it (a class repeated over steps is one character, the blank none), with digits and
    their look-alikes scored together.

    Two classes of one digit on neighbouring steps (`0` then `O`, no blank between) are two
    characters to CTC, yet may be one glyph the model wavered on: the second gets no confidence,
    so the number is never taken (`10O` must not become 100)."""
    best = probs.argmax(axis=1)
    text: list[str] = []
    confidences: list[float] = []
    previous = 0
    for step, index in enumerate(best.tolist()):
        if index != previous and index != 0:
            digit = classes.digit_of.get(index)
            if digit is None:
                text.append(unicodedata.normalize("NFKC", classes.characters[index]))
                confidences.append(float(probs[step, index]))
            else:
                wavered = classes.digit_of.get(previous) == digit
                text.append(digit)
                confidences.append(
                    0.0 if wavered else float(probs[step, list(classes.classes_of[digit])].sum())
                )
        previous = index
    return "".join(text), confidences


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
