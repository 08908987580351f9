"""Text pulled from a Chromium print by pypdf or pymupdf4llm prints some ideographs as the Kangxi
radicals that look the same (`⼆、主动公开…`, `⾏政许可`): read as the ideographs they stand for (a
heading printed so was no heading, and the tables after it were lost)."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import LAYOUTS, write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report

# Ideograph → the radical that looks like it, for every radical NFKC folds onto one ideograph.
AS_RADICAL = {
    folded: chr(code)
    for code in range(0x2F00, 0x2FD6)
    if len(folded := unicodedata.normalize("NFKC", chr(code))) == 1
}


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), layout=st.sampled_from(LAYOUTS))
def test_ideographs_printed_as_radicals_read_as_the_ideographs(seed: int, layout: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    text = write(report, layout, random.Random(seed))
    radicals = "".join(AS_RADICAL.get(ch, ch) for ch in text)
    assert "⼆、" in radicals  # section 二's heading among what changed
    original = read_report(text.encode(), source="report.txt")
    read = read_report(radicals.encode(), source="report.txt")
    assert all_cells(read) == all_cells(original)
    assert (read.year, read.organization, read.title) == (
        original.year,
        original.organization,
        original.title,
    )
