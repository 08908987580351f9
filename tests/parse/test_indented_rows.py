"""A typeset page read as text (a PDF page printed without cell borders) marks every indented line
with a tab. Rows that print their numbers side by side are still rows, not the one-cell-per-line
layout whose cells are tab-prefixed lines."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
def test_indented_rows_of_numbers_read_as_rows(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    text = write(report, "spaces", random.Random(seed))
    indented = "\n".join("\t" + line if line.strip() else line for line in text.split("\n"))
    parsed = read_report(indented.encode(), source="page.txt")
    assert (parsed.table2, parsed.table3, parsed.table4) == (report.table2, report.table3, report.table4)
