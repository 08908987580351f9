"""A short bounded run of the mutation fuzzer (tests/fuzz/harness.py; the long run is documented
in docs/benchmarks.md): no exception but `ReportReadError`, no input over the time or memory bound."""

from __future__ import annotations

from fuzz.harness import MAX_RSS_MB, fuzz


def test_short_fuzz_run_finds_nothing() -> None:
    summary = fuzz(seconds=45, seed=20261203)
    assert summary.inputs > 20  # a loaded machine reads fewer; the bounds matter, not the count
    assert [(f.kind, f.detail) for f in summary.failures] == []
    assert summary.peak_rss_mb < MAX_RSS_MB
