"""A section heading printed inside a line, after a paragraph's last sentence (pymupdf4llm:
`…未收到申请公开信息。 二、主动公开政府信息情况`) or on a table's last row (PyMuPDF's sorted text), maybe
with a space after its 、: the section and the tables are read as where it starts its own line."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report
from xxgk.template import GB2021


def _sections(text: str) -> list[tuple[int, str]]:
    report = read_report(text.encode(), source="report.txt")
    return [(s.number, s.text) for s in report.sections]


@settings(max_examples=20, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    layout=st.sampled_from(["spaces", "tabs", "markdown"]),
    moved=st.sets(st.integers(1, 5), min_size=1, max_size=2),
    space=st.booleans(),
)
def test_a_heading_run_onto_the_line_above_is_still_its_section(
    seed: int, layout: str, moved: set[int], space: bool
) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    text = write(report, layout, random.Random(seed))
    lines = text.split("\n")
    for number in sorted(moved, reverse=True):
        heading = GB2021.sections[number].heading  # the section after `number`: 二 … 六
        at = next(i for i, line in enumerate(lines) if line.strip() == heading)
        above = max(i for i in range(at) if lines[i].strip())
        printed = heading.replace("、", "、 ") if space else heading
        lines[above] = f"{lines[above].rstrip()} {printed}"
        del lines[at]
    moved_text = "\n".join(lines)
    original = read_report(text.encode(), source="report.txt")
    assert all_cells(read_report(moved_text.encode(), source="moved.txt")) == all_cells(original)
    assert [n for n, _ in _sections(moved_text)] == [n for n, _ in _sections(text)]


def test_a_heading_named_inside_a_sentence_is_left_there_when_a_line_starts_with_it() -> None:
    report = balanced_report(random.Random(1), year=2024, template="2021", other_row="split")
    text = write(report, "spaces", random.Random(1))
    heading = GB2021.sections[4].heading  # 五、存在的主要问题及改进情况
    lines = text.split("\n")
    overview = next(i for i, line in enumerate(lines) if line.strip() == GB2021.sections[0].heading) + 1
    sentence = f"全文包括{heading}等部分。"
    lines[overview] += sentence
    sections = dict(_sections("\n".join(lines)))
    assert sentence in sections[1]
    assert sections[5] == dict(_sections(text))[5]
