"""A web capture runs a table's cells together (`21317000001324019`): a run past one count's length
(fifteen digits) is several cells' counts, cut as any run is (the one cut the row's sums allow, else
null with a finding); a run longer than the row's cells could print stays a finding of its own
(tests/parse/test_fuzz_regressions.py)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.report import Report
from xxgk.sample import balanced_report


def _with_two_digit_reviews(seed: int) -> Report:
    """A random report whose table 四 counts have two digits (its fifteen cells print 33 digits)."""
    rng = random.Random(seed)
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    for block in report.table4.values():
        parts = {key: rng.randint(10, 99) for key in ("upheld", "corrected", "other", "pending")}
        block.update(parts, total=sum(parts.values()))
    return report


def _table4(cells: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in cells.items() if key.startswith("table4.")}


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_long_runs_in_a_capture_read_as_printed_or_not_at_all(seed: int) -> None:
    report = _with_two_digit_reviews(seed)
    read = read_report(write(report, "web_capture", random.Random(seed)).encode(), source="capture.txt")
    printed, cells = all_cells(report), all_cells(read)
    assert all(value is None or value == printed[key] for key, value in cells.items())
    if None in _table4(cells).values():
        assert any(f.code == "P-RUN-TOGETHER" and f.place.table == "table4" for f in read.findings)


@pytest.mark.parametrize("seed", [5, 6, 8, 9])
def test_table_four_with_counts_of_two_digits_in_a_capture(seed: int) -> None:
    """Seeds whose capture prints runs of more than fifteen digits that the sums cut one way only."""
    report = _with_two_digit_reviews(seed)
    read = read_report(write(report, "web_capture", random.Random(seed)).encode(), source="capture.txt")
    assert _table4(all_cells(read)) == _table4(all_cells(report))
