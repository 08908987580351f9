"""The one-cell-per-line layout (`\\t自` / `然人` / `\\t0`) as text pulled from its PDF gives it back:
the tabs are gone and a page break (`\\f`) may fall inside a row, after a blank line, or between
two rows without one. Each line is then a cell, a label after numbers starts the next row, and a
page that starts with numbers goes on with the row above."""

from __future__ import annotations

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.parse.values import read_cell
from xxgk.sample import balanced_report


def _is_number(line: str) -> bool:
    return read_cell(line).kind == "number"


def pulled_from_pdf(text: str, rng: random.Random) -> tuple[str, int]:
    """Tabs dropped; page breaks put at random inside rows and between rows; how many."""
    lines = [line.removeprefix("\t") for line in text.split("\n")]
    out: list[str] = []
    breaks = 0
    for i, line in enumerate(lines):
        before = out[-1] if out else ""
        if _is_number(line) and _is_number(before) and rng.random() < 0.1:
            out += ["", "\f" + line]  # the row cut by the page's end
            breaks += 1
        elif line and not _is_number(line) and not before and i > 1 and _is_number(lines[i - 2]):
            if rng.random() < 0.2:
                out[-1] = "\f" + line  # no blank line between the two rows
                breaks += 1
            else:
                out.append(line)
        else:
            out.append(line)
    return "\n".join(out), breaks


def first_number_run_on(text: str, rng: random.Random) -> str:
    """Some labels with their row's first number run onto their line (`行政规范性文件62` / `33`), as
    PyMuPDF prints a web page's adjacent cells."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        before = out[-1] if out else ""
        if _is_number(line) and before and "\u4e00" <= before[-1] <= "\u9fff" and rng.random() < 0.5:
            out[-1] = before + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
# A label's numbering cut from its words (`（六）其他处` / `理` / `1` / `.申请人…`) read as a value.
@example(seed=996368, other_row="split")
def test_cells_one_per_line_without_their_tabs_read_as_with_them(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    text = write(report, "tab_cells", random.Random(seed))
    pulled, breaks = pulled_from_pdf(text, random.Random(seed))
    assert breaks > 0
    assert all_cells(read_report(pulled.encode(), source="pulled.txt")) == all_cells(
        read_report(text.encode(), source="cells.txt")
    )


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
def test_a_label_with_its_first_number_run_onto_it_reads_as_apart(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    text = write(report, "tab_cells", random.Random(seed))
    pulled, _ = pulled_from_pdf(text, random.Random(seed))
    run_on = first_number_run_on(pulled, random.Random(seed))
    assert run_on != pulled
    assert all_cells(read_report(run_on.encode(), source="run-on.txt")) == all_cells(
        read_report(text.encode(), source="cells.txt")
    )
