"""Coverage-guided fuzzing of the report engine with atheris 3.0 (3.1 has no CPython 3.11 wheel) (libFuzzer), next to the mutation
harness of harness.py: libFuzzer enforces the per-input time (`-timeout`) and memory
(`-rss_limit_mb`) limits; any exception other than `ReportReadError` is a crash, saved as a file.

    mkdir -p fuzz-corpus    # libFuzzer adds the inputs it finds to the FIRST directory only
    nice -n 19 uv run --frozen python tests/fuzz/atheris_target.py fuzz-corpus tests/data/reports \
        -timeout=10 -rss_limit_mb=500 -max_total_time=3600 -artifact_prefix=fuzz-failures/
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports(include=["xxgk"]):
    from xxgk.checks.registry import run_checks
    from xxgk.parse.detect import read_report
    from xxgk.parse.errors import ReportReadError


def one_input(data: bytes) -> None:
    with contextlib.suppress(ReportReadError):  # a clear refusal is a correct answer
        run_checks(read_report(data, source="fuzz"))


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
