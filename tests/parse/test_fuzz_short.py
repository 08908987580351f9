"""A short bounded run of the mutation fuzzer (tests/fuzz/harness.py; the long run is documented
in docs/benchmarks.md): no exception but `ReportReadError`, no input over the time or memory bound."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from fuzz.harness import (
    MAX_OCR_RSS_MB,
    MAX_RSS_MB,
    OCR_SECONDS_PER_PAGE,
    SLOW_SECONDS,
    Failure,
    Runner,
    Summary,
    fuzz,
    mutate,
    over_bounds,
    read_checkpoint,
    seed_corpus,
    write_checkpoint,
)


def test_short_fuzz_run_finds_nothing() -> None:
    # The same 60 inputs every run, one of them a PDF read by OCR (tens of seconds on a quiet core: a
    # run bounded by its time alone read 6 inputs or 67 as the machine's speed put the OCR input in or out).
    summary = fuzz(seconds=300, seed=20261203, max_inputs=60)
    assert summary.inputs == 60 and summary.ocr >= 1
    assert [(f.kind, f.detail) for f in summary.failures] == []
    assert summary.peak_rss_mb < MAX_RSS_MB


def test_a_resumed_run_draws_the_inputs_an_uninterrupted_run_draws(tmp_path: Path) -> None:
    corpus = seed_corpus()
    rng = random.Random(5)
    for _ in range(3):
        mutate(rng, corpus)
    chunk = {"commit": "abc1234", "first": 1, "last": 3, "seconds": 1.5}
    written = Summary(inputs=3, refused=1, failures=[Failure("slow", "2.5 s", b"")], chunks=[chunk])
    write_checkpoint(tmp_path, "w0", 5, written, rng)
    uninterrupted = [mutate(rng, corpus) for _ in range(3)]

    resumed = random.Random(5)
    summary = read_checkpoint(tmp_path, "w0", 5, resumed)
    assert (summary.inputs, summary.refused, [(f.kind, f.detail) for f in summary.failures]) == (
        3,
        1,
        [("slow", "2.5 s")],
    )
    assert summary.chunks == [chunk]
    assert [mutate(resumed, corpus) for _ in range(3)] == uninterrupted
    with pytest.raises(SystemExit):  # a checkpoint of another run is not continued
        read_checkpoint(tmp_path, "w0", 6, random.Random(6))


def test_an_input_read_by_ocr_is_judged_by_the_ocr_bounds_per_page() -> None:
    assert over_bounds(SLOW_SECONDS - 0.1, MAX_RSS_MB - 1, 0) == []
    assert [kind for kind, _ in over_bounds(SLOW_SECONDS + 0.1, MAX_RSS_MB + 1, 0)] == ["slow", "memory"]
    assert over_bounds(2 * OCR_SECONDS_PER_PAGE - 1, MAX_OCR_RSS_MB - 1, 2) == []
    assert [kind for kind, _ in over_bounds(2 * OCR_SECONDS_PER_PAGE + 1, MAX_OCR_RSS_MB + 1, 2)] == [
        "slow",
        "memory",
    ]


def test_the_worker_counts_an_input_read_by_ocr() -> None:
    from PIL import Image

    blank = io.BytesIO()
    Image.new("L", (400, 200), 255).save(blank, format="PNG")
    runner, summary = Runner(), Summary()
    try:
        runner.run(blank.getvalue(), summary)  # nothing recognised on a blank image: refused
        runner.run(
            (Path(__file__).parents[1] / "data" / "reports" / "pingtan-2021-gonganju.txt").read_bytes(),
            summary,
        )
    finally:
        runner.close()
    assert (summary.inputs, summary.ocr, summary.refused, summary.failures) == (2, 1, 1, [])


def test_an_input_the_engine_refuses_for_its_size_is_no_memory_failure() -> None:
    """The worker's memory is judged without the input's own bytes (a 241 MB mutated DOCX, refused at once by
    the 64 MB input bound, was counted at 508 MB: the harness had held it twice while handing it over)."""
    runner, summary = Runner(), Summary()
    try:
        runner.run(b"PK\x03\x04" + bytes(260 * 2**20), summary)
    finally:
        runner.close()
    assert (summary.refused, summary.failures) == (1, [])
    assert summary.peak_rss_mb < MAX_RSS_MB / 2
