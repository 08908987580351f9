"""Reports parsed per second on one core, plain text (every layout) and PDF.

    export UV_PYTHON_DOWNLOADS=never
    uv run python benchmarks/parse_speed.py                 # 10,000 text reports, 200 rendered PDFs
    uv run python benchmarks/parse_speed.py --text 2000 --pdf 50
    uv run python -m cProfile -s cumtime benchmarks/parse_speed.py --text 2000 --pdf 0 | head -40

The corpus is written to a temporary directory first (random balanced reports from
`xxgk.sample`, written by the text-layout writers of tests/parse/layouts.py; PDFs rendered by
`xxgk.render.pdf`, or the real PDFs of tests/data/reports repeated when no renderer or CJK font
is available). Then each file is read and parsed in this one process; the time is CPU time
(`time.process_time`), so the figure is per core. Aim: text >= 500 reports/s/core.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.layouts import LAYOUTS, write  # noqa: E402
from xxgk.parse.detect import read_report  # noqa: E402
from xxgk.sample import balanced_report  # noqa: E402

REAL_PDFS = sorted((ROOT / "tests" / "data" / "reports").glob("*.pdf"))


def random_report(rng: random.Random):
    return balanced_report(
        rng,
        year=rng.randint(2019, 2025),
        template=rng.choice(["2021", "2021", "2021", "2019"]),
        other_row=rng.choice(["split", "short"]),
    )


def write_text_corpus(directory: Path, count: int, rng: random.Random) -> list[tuple[str, Path]]:
    files = []
    for n in range(count):
        layout = LAYOUTS[n % len(LAYOUTS)]
        path = directory / f"{n:05d}-{layout}.txt"
        path.write_text(write(random_report(rng), layout, rng), encoding="utf-8")
        files.append((layout, path))
    return files


def write_pdf_corpus(directory: Path, count: int, rng: random.Random) -> tuple[str, list[tuple[str, Path]]]:
    try:
        from xxgk.render.pdf import render_pdf

        files = []
        for n in range(count):
            path = directory / f"{n:05d}.pdf"
            path.write_bytes(render_pdf(random_report(rng)))
            files.append(("pdf (rendered)", path))
        return "rendered by xxgk.render.pdf", files
    except Exception as exc:  # no renderer or no CJK font: measure the real PDFs instead
        print(f"PDF rendering unavailable ({exc!r}); using the real PDFs", file=sys.stderr)
        real = [("pdf (real)", REAL_PDFS[n % len(REAL_PDFS)]) for n in range(count)] if REAL_PDFS else []
        return "real PDFs repeated", real


def measure(files: list[tuple[str, Path]]) -> dict[str, tuple[int, float]]:
    """Layout → (reports, CPU seconds) for reading and parsing each file."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for kind, path in files:
        data = path.read_bytes()
        start = time.process_time()
        read_report(data, source=str(path))
        totals[kind][0] += 1
        totals[kind][1] += time.process_time() - start
    return {k: (int(v[0]), v[1]) for k, v in totals.items()}


def print_table(rows: dict[str, tuple[int, float]]) -> None:
    print(f"{'input':<18}{'reports':>9}{'CPU s':>9}{'reports/s/core':>16}")
    for kind, (count, seconds) in rows.items():
        print(f"{kind:<18}{count:>9}{seconds:>9.2f}{count / seconds if seconds else 0:>16.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=int, default=10_000, help="text reports (all layouts)")
    parser.add_argument("--pdf", type=int, default=200, help="PDF reports")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="xxgk-parse-speed-") as tmp:
        directory = Path(tmp)
        text_files = write_text_corpus(directory, args.text, rng)
        pdf_source, pdf_files = write_pdf_corpus(directory, args.pdf, rng) if args.pdf else ("", [])
        # Warm up imports and caches outside the measurement.
        measure(text_files[: len(LAYOUTS)] + pdf_files[:1])
        text = measure(text_files)
        pdf = measure(pdf_files)
    all_text = (sum(c for c, _ in text.values()), sum(s for _, s in text.values()))
    print_table({**text, "text (all)": all_text, **pdf})
    if pdf:
        print(f"PDFs: {pdf_source}")


if __name__ == "__main__":
    main()
