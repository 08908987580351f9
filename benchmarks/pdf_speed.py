"""Throughput of the geometric PDF reader (PDFs with a text layer), in reports per second on one core.

    export UV_PYTHON_DOWNLOADS=never; uv run --frozen python benchmarks/pdf_speed.py [--rounds 5]

Corpus: every PDF of tests/data — the three published reports (Word exports with ruled tables) and
the forms made by scripts/make_forms.py (LibreOffice and Chromium prints of the real pages, text
captures typeset by LibreOffice). Each file is read whole (`read_report`: PDFium characters and
rules → geometry → grid → template mapper) once per round; a figure is the best of `--rounds`, in
CPU time of this process (`time.process_time`: the figure of one core even on a shared machine)
and, last column, wall-clock time. The process is pinned to one core when the OS allows it.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from xxgk.parse.detect import read_report
from xxgk.parse.pdf import read_pdf

DATA = Path(__file__).parents[1] / "tests" / "data"


def best_of(
    rounds: int, work: list[tuple[str, bytes]], read: Callable[[bytes, str], object]
) -> tuple[float, float]:
    """Best CPU seconds and best wall seconds for one pass over `work`."""
    cpu = wall = float("inf")
    for _ in range(rounds):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        for name, data in work:
            read(data, name)
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start_wall)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    groups = {
        "published (Word exports, ruled)": sorted((DATA / "reports").glob("*.pdf")),
        "LibreOffice HTML/DOCX → PDF (ruled)": sorted((DATA / "forms").glob("*/lo-*html*.pdf"))
        + sorted((DATA / "forms").glob("*/lo-docx.pdf")),
        "Chromium print-to-PDF (ruled)": sorted((DATA / "forms").glob("*/chromium-*.pdf")),
        "LibreOffice text → PDF (no rules)": sorted((DATA / "forms").glob("*/lo-text.pdf")),
    }
    print(
        f"{'group':38} {'files':>5} {'pages':>5} {'ms/report':>9} {'reports/s':>9} {'read_pdf ms':>11} {'wall ms':>8}"
    )
    total_files, total_cpu = 0, 0.0
    for label, paths in groups.items():
        work = [(p.name, p.read_bytes()) for p in paths]
        for name, data in work:  # warm-up: imports, template caches
            read_report(data, name)
        cpu, wall = best_of(args.rounds, work, lambda d, n: read_report(d, n))
        reader, _ = best_of(args.rounds, work, lambda d, n: read_pdf(d, source=n))
        pages = sum(_page_count(data) for _, data in work)
        total_files += len(work)
        total_cpu += cpu
        n = len(work)
        print(
            f"{label:38} {n:5d} {pages:5d} {cpu / n * 1000:9.1f} {n / cpu:9.1f} "
            f"{reader / n * 1000:11.1f} {wall / n * 1000:8.1f}"
        )
    print(
        f"{'all':38} {total_files:5d} {'':5} {total_cpu / total_files * 1000:9.1f} {total_files / total_cpu:9.1f}"
    )


def _page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


if __name__ == "__main__":
    main()
