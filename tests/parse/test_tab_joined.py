"""A page's text with every cell parted by a tab on one line (BeautifulSoup's `get_text("\\t")`):
more cells on a line than any row prints are one cell each, and the report reads as printed."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_every_cell_of_the_page_on_one_line_parted_by_tabs(seed: int) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    cells = [
        line.strip() for line in write(report, "tab_cells", random.Random(seed)).split("\n") if line.strip()
    ]
    read = read_report("\t".join(cells).encode(), source="page.txt")
    assert all_cells(read) == all_cells(report)
