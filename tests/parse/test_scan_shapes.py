"""Any page image the scan bounds let through is read by the OCR engine or refused with a clear
message, never a program error: images of random shapes at and near the bounds, with content that
OCR and the ruling-line search find hard (noise, stripes, grids, black). Each example runs the engine
(about a second), so the examples are few; the search that found the bounds is in docs/benchmarks.md."""

from __future__ import annotations

import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from xxgk.parse import limits
from xxgk.parse.detect import read_report
from xxgk.parse.errors import ReportReadError

SIDE = limits.MIN_SCAN_SIDE


@st.composite
def page_images(draw: st.DrawFn) -> bytes:
    short = draw(st.integers(SIDE, 4 * SIDE) | st.integers(SIDE, 1_200))
    long = draw(st.integers(short, short * limits.MAX_SCAN_ASPECT))
    height, width = (short, long) if draw(st.booleans()) else (long, short)
    kind = draw(st.sampled_from(["noise", "stripes", "grid", "black"]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if kind == "noise":
        pixels = rng.integers(0, 256, (height, width), dtype=np.uint8)
    else:
        pixels = np.full((height, width), 0 if kind == "black" else 255, np.uint8)
        step = draw(st.integers(2, 40))
        pixels[:, ::step] = 0
        if kind == "grid":
            pixels[::step, :] = 0
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format=draw(st.sampled_from(["PNG", "JPEG"])))
    return out.getvalue()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_images())
def test_image_within_the_scan_bounds_is_read_or_refused_in_chinese(data: bytes) -> None:
    try:
        read_report(data, source="image")
    except ReportReadError as exc:
        assert exc.message_zh and not exc.message_zh.isascii()
