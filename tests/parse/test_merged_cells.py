"""Markdown from a PDF converter (markitdown) merges neighbouring columns into one cell (`217 1 | 0 0 |
218`). Beside its own label, a row that prints one number per column in all, in order, and whose
identity holds reads as if its cells had been kept apart; any other row with such a cell stays
empty with a finding, never filled from the left."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.report import Report
from xxgk.sample import balanced_report

_VALUE = re.compile(r"^-?\d+(?:\.\d+)?$")
NEW = "一、本年新收政府信息公开申请数量"


def merge_cells(markdown: str, rng: random.Random) -> tuple[str, int]:
    """Each Markdown row's value cells merged into groups of neighbours at random; how many merged."""
    out, merged = [], 0
    for line in markdown.split("\n"):
        if not line.startswith("| "):
            out.append(line)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        values = [i for i, c in enumerate(cells) if _VALUE.match(c)]
        if len(values) < 2 or values != list(range(values[0], values[-1] + 1)):
            out.append(line)
            continue
        groups: list[list[str]] = [[cells[values[0]]]]
        for i in values[1:]:
            if rng.random() < 0.5:
                groups[-1].append(cells[i])
                merged += 1
            else:
                groups.append([cells[i]])
        row = [*cells[: values[0]], *(" ".join(g) for g in groups), *cells[values[-1] + 1 :]]
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(out), merged


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
def test_merged_cells_read_as_the_cells_kept_apart(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    markdown = write(report, "markdown", random.Random(seed))
    merged_text, merged = merge_cells(markdown, random.Random(seed))
    apart = read_report(markdown.encode(), source="apart.md")
    together = read_report(merged_text.encode(), source="merged.md")
    assert merged > 0
    assert all_cells(together) == all_cells(apart)
    assert "P-ROW-CELLS-RUN-TOGETHER" not in {f.code for f in together.findings}


def _report_with_new_row(row: str) -> Report:
    """A Markdown report whose row 一、本年新收 is printed as `row` (the rest as generated)."""
    report = balanced_report(random.Random(5), year=2024, template="2021", other_row="split")
    report.table3["new"] = dict(zip(report.table3["new"], [217, 1, 0, 0, 0, 0, 218], strict=True))
    markdown = write(report, "markdown", random.Random(5))
    line = next(ln for ln in markdown.split("\n") if ln.startswith(f"| {NEW} |"))
    return read_report(markdown.replace(line, row).encode(), source="report.md")


def test_a_merged_row_with_one_number_per_column_reads_in_order() -> None:
    report = _report_with_new_row(f"| {NEW} | 217 1 | 0 0 | 0 0 | 218 |")
    assert list(report.table3["new"].values()) == [217, 1, 0, 0, 0, 0, 218]
    assert report.provenance["table3.new.commercial"].text == "1"


def test_a_merged_row_short_of_a_number_stays_empty() -> None:
    # A column left blank in the source: which number stands in which column is unknown.
    report = _report_with_new_row(f"| {NEW} | 217 | 0 0 | 0 0 | 217 |")
    assert set(report.table3["new"].values()) == {None}
    assert "P-ROW-CELLS-RUN-TOGETHER" in {f.code for f in report.findings}


def test_a_merged_row_whose_total_is_not_its_sum_stays_empty() -> None:
    report = _report_with_new_row(f"| {NEW} | 217 1 | 0 0 | 0 0 | 219 |")
    assert set(report.table3["new"].values()) == {None}
    assert "P-ROW-CELLS-RUN-TOGETHER" in {f.code for f in report.findings}


def test_a_merged_row_below_its_label_stays_empty() -> None:
    # Converters that merge cells also move lines: the label above may be the next row's.
    report = _report_with_new_row(f"{NEW}\n| | 217 1 | 0 0 | 0 0 | 218 |")
    assert set(report.table3["new"].values()) == {None}
    assert "P-ROW-CELLS-RUN-TOGETHER" in {f.code for f in report.findings}


def labels_on_the_row_above(markdown: str) -> tuple[str, int]:
    """Each row of table 三 printed as markitdown prints a tall label cell: its labels on a row of
    their own right above its numbers, in the same table; how many rows."""
    out, moved = [], 0
    for line in markdown.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("| ") else []
        values = [i for i, c in enumerate(cells) if _VALUE.match(c)]
        if len(values) != 7 or values[0] == 0:
            out.append(line)
            continue
        labels = cells[: values[0]]
        out.append("| " + " | ".join([*labels, *[""] * 7]) + " |")
        out.append("| " + " | ".join([*[""] * len(labels), *cells[values[0] :]]) + " |")
        moved += 1
    return "\n".join(out), moved


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
def test_labels_on_the_row_above_in_the_same_table_are_the_rows_own(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    markdown = write(report, "markdown", random.Random(seed))
    above, moved = labels_on_the_row_above(markdown)
    merged, _ = merge_cells(above, random.Random(seed))
    assert moved >= 20
    assert all_cells(read_report(merged.encode(), source="merged.md")) == all_cells(
        read_report(markdown.encode(), source="apart.md")
    )
