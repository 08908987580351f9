"""A row printed many times costs one label match, not one per copy (issue 16: the long fuzz run's
slowest inputs were text reports with one row repeated thousands of times), and a document with
more table rows than the bound is refused whatever its reader."""

from __future__ import annotations

import pytest

from support.real_inputs import DATA
from xxgk.parse import row_labels
from xxgk.parse.detect import read_report
from xxgk.parse.errors import ReportReadError
from xxgk.parse.limits import MAX_TABLE_ROWS

LAYOUT = (DATA / "forms" / "hongze-2024-qzf" / "original.layout.txt").read_bytes()


def _repeated(n: int) -> bytes:
    lines = LAYOUT.split(b"\n")
    at = next(i for i, line in enumerate(lines) if "属于国家秘密".encode() in line and len(line) < 300)
    return b"\n".join(lines[:at] + [lines[at]] * n + lines[at + 1 :])


def _fuzzy_calls(data: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    original = row_labels._fuzzy_strength

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(row_labels, "_fuzzy_strength", counted)
    row_labels.matcher_for.cache_clear()  # the answers of earlier reads would hide the count
    read_report(data, source="repeated.txt")
    return calls


def test_copies_of_a_row_do_not_multiply_the_label_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    few = _fuzzy_calls(_repeated(10), monkeypatch)
    many = _fuzzy_calls(_repeated(900), monkeypatch)
    assert many <= few + len(row_labels.matcher_for(read_report(LAYOUT, source="a.txt").spec).slots)


def test_the_copies_are_not_read_as_other_rows() -> None:
    report = read_report(_repeated(50), source="repeated.txt")
    original = read_report(LAYOUT, source="original.txt")
    assert report.table3 == original.table3


def test_more_table_rows_than_the_bound_are_refused() -> None:
    with pytest.raises(ReportReadError) as refused:
        read_report(_repeated(MAX_TABLE_ROWS + 1), source="repeated.txt")
    assert str(MAX_TABLE_ROWS) in refused.value.message_zh
