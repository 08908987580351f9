"""Seconds per report per format for 20 random reports: `uv run python benchmarks/render_speed.py`."""

from __future__ import annotations

import random
import time

from xxgk.render import FORMATS, renderer
from xxgk.sample import balanced_report

REPORTS = 20


def main() -> None:
    rng = random.Random(2024)
    reports = [
        balanced_report(rng, year=2023, template="2021", other_row=rng.choice(("split", "short")))
        for _ in range(REPORTS)
    ]
    print(f"{REPORTS} random reports, seconds per report (first call includes imports and warm-up)")
    for fmt in FORMATS:
        render = renderer(fmt)
        start = time.perf_counter()
        render(reports[0])
        first = time.perf_counter() - start
        start = time.perf_counter()
        size = sum(len(render(report)) for report in reports)
        per = (time.perf_counter() - start) / REPORTS
        print(
            f"{fmt:5s} {per:8.4f} s/report   first {first:6.3f} s   {size / REPORTS / 1024:8.1f} KiB/report"
        )


if __name__ == "__main__":
    main()
