"""Scans read by OCR, over the matrix of scan variants: cells read exactly / null / wrong per variant
(wrong must be 0), and seconds per page on one core.

    uv run --frozen python benchmarks/scan_matrix.py              # the full matrix (long: ~1 h)
    uv run --frozen python benchmarks/scan_matrix.py --quick      # the three real PDFs, plain grey scans
    uv run --frozen python benchmarks/scan_matrix.py --report pingtan-2023-guoziju   # one report's rows
    uv run --frozen python benchmarks/scan_matrix.py --turned     # pages fed sideways / upside down

Scans are made from the PDFs as the tests make them (tests/forms/scans.py: pdftoppm, Pillow); the
expected cells are the hand-read figures of tests/forms/expected.py. The OCR engine runs on one
thread; "s/page" is the process CPU time per page (reading included), "wall" the elapsed time,
"readings/page" how many times a whole page was recognised (more than one: a page read turned).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from forms.scans import Variant, compare, scan_bytes, source_pdf
from xxgk.parse import ocr
from xxgk.parse.detect import read_report

SOURCES = [
    ("hongze-2023-qzf", "original"),
    ("hongze-2024-qzf", "original"),
    ("huaian-2024-szf", "original"),
    ("pingtan-2024-guanweihui", "lo-docx"),
    ("pingtan-2023-guoziju", "chromium-css"),
]
FULL = [
    Variant(dpi, blur, rotation)
    for dpi in (150, 200, 300)
    for blur, rotation in ((0.0, 0.0), (1.0, 0.0), (0.0, 0.7), (0.8, -0.5))
]
QUICK = [Variant(dpi) for dpi in (150, 200, 300)]
# Every page fed a quarter turn anticlockwise, clockwise, a half turn.
TURNED = [Variant(150, turns=turns) for turns in (1, 3, 2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the real PDFs only, plain grey scans")
    parser.add_argument(
        "--turned", action="store_true", help="every page turned (the first four reports, 150 dpi)"
    )
    parser.add_argument(
        "--report",
        action="append",
        choices=[stem for stem, _ in SOURCES],
        help="only this report (repeatable)",
    )
    args = parser.parse_args()
    sources = SOURCES[:3] if args.quick else SOURCES[:4] if args.turned else SOURCES
    if args.report:
        sources = [source for source in sources if source[0] in args.report]
    variants = QUICK if args.quick else TURNED if args.turned else FULL
    readings = _count_readings()
    print(
        "| report | variant | exact | null | wrong | share read | s/page (CPU) | wall s/page | readings/page |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for stem, form in sources:
            for variant in variants:
                (data,) = scan_bytes(source_pdf(stem, form), variant, Path(tmp))
                pages = len(
                    list(Path(tmp).glob(f"*-{Path(source_pdf(stem, form)).stem}-{variant.dpi}-*.png"))
                )
                readings.clear()
                cpu, wall = time.process_time(), time.perf_counter()
                report = read_report(data, source=f"{stem}-{variant.name}")
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                outcome = compare(report, stem)
                totals = [totals[0] + outcome.exact, totals[1] + outcome.null, totals[2] + len(outcome.wrong)]
                print(
                    f"| {stem} ({form}) | {variant.name} | {outcome.exact} | {outcome.null} | "
                    f"{len(outcome.wrong)} | {outcome.share_read:.0%} | {cpu / pages:.1f} | {wall / pages:.1f} | "
                    f"{len(readings) / pages:.1f} |",
                    flush=True,
                )
                for wrong in outcome.wrong:
                    print(f"  WRONG {wrong}", file=sys.stderr, flush=True)
    print(f"| **all** | | {totals[0]} | {totals[1]} | {totals[2]} | | | | |")


def _count_readings() -> list[None]:
    """A list that grows by one each time the engine recognises a whole page."""
    calls: list[None] = []
    recognise = ocr.recognise

    def counted(image: np.ndarray) -> ocr.Reading:
        calls.append(None)
        return recognise(image)

    ocr.recognise = counted
    return calls


if __name__ == "__main__":
    main()
