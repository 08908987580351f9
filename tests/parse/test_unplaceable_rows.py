"""Rows whose numbers cannot be placed cell by cell stay empty with a finding (issue 15: never a
number the report does not print in that cell).

Text pulled from PDFs runs neighbouring cells together (markitdown prints `| 217 1 |`; read only
when the row still prints one number per column, tests/parse/test_merged_cells.py), prints a
row with a number too many, or puts a label between two lines of bare numbers; in each case the
reader must not shift the row's numbers into the wrong columns.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.real_inputs import DATA
from support.report_asserts import all_cells
from xxgk.checks import run_checks
from xxgk.parse.detect import read_report
from xxgk.render.html import render_page
from xxgk.report import Report
from xxgk.sample import balanced_report
from xxgk.template import get_template

NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")

reports = st.builds(
    lambda seed, year: balanced_report(random.Random(seed), year=year, template="2021", other_row="split"),
    seed=st.integers(0, 2**32 - 1),
    year=st.integers(2021, 2025),
)


def _value_lines(text: str) -> list[int]:
    """Markdown table lines of three or more number cells (rows of tables 三 and 四)."""
    lines = text.split("\n")
    return [
        i
        for i, line in enumerate(lines)
        if line.startswith("|") and sum(bool(NUMBER.match(c)) for c in line.strip("|").split("|")) >= 3
    ]


def _cells_never_differ(parsed: Report, report: Report) -> None:
    for table in report.spec.tables:
        for row in table.rows:
            for col in table.columns_of(row):
                read = parsed.table(table.key)[row.key][col.key]
                assert read is None or read == report.table(table.key)[row.key][col.key], (
                    f"{table.key}.{row.key}.{col.key}: printed {report.table(table.key)[row.key][col.key]}, read {read}"
                )


def _mutate_one_row(text: str, rng: random.Random, change) -> str:
    lines = text.split("\n")
    index = rng.choice(_value_lines(text))
    cells = lines[index].strip().strip("|").split("|")
    numbers = [i for i, c in enumerate(cells) if NUMBER.match(c)]
    lines[index] = "|" + "|".join(change(cells, numbers, rng)) + "|"
    return "\n".join(lines)


def _merge_two_cells_blank_another(cells: list[str], numbers: list[int], rng: random.Random) -> list[str]:
    """Two neighbouring cells in one (`| 217 1 |`) and another cell of the row left blank: the row
    prints a number fewer than its columns, so which number stands in which column is unknown."""
    i = rng.choice(numbers[:-1])
    j = numbers[numbers.index(i) + 1]
    blank = rng.choice([k for k in numbers if k not in (i, j)])
    merged = f" {cells[i].strip()} {cells[j].strip()} "
    out = [" " if k == blank else c for k, c in enumerate(cells)]
    return [*out[:i], merged, *out[i + 1 : j], *out[j + 1 :]]


def _add_a_number(cells: list[str], numbers: list[int], rng: random.Random) -> list[str]:
    i = rng.choice(numbers)
    return [*cells[:i], f" {rng.randint(1, 99)} ", *cells[i:]]


mutation_settings = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@mutation_settings
@given(report=reports, seed=st.integers(0, 2**16))
def test_two_cells_run_together_and_one_blank_leave_the_row_empty(report: Report, seed: int) -> None:
    rng = random.Random(seed)
    text = _mutate_one_row(write(report, "markdown", rng), rng, _merge_two_cells_blank_another)
    parsed = read_report(text.encode("utf-8"), source="pulled.md")
    _cells_never_differ(parsed, report)
    assert {"P-ROW-CELLS-RUN-TOGETHER", "P-TABLE4-BROKEN", "P-ROW-SHORT"} & {f.code for f in parsed.findings}


@mutation_settings
@given(report=reports, seed=st.integers(0, 2**16))
def test_a_number_too_many_leaves_the_row_empty(report: Report, seed: int) -> None:
    rng = random.Random(seed)
    text = _mutate_one_row(write(report, "markdown", rng), rng, _add_a_number)
    parsed = read_report(text.encode("utf-8"), source="pulled.md")
    _cells_never_differ(parsed, report)


def _labelled_value_lines(text: str) -> list[int]:
    """Value lines whose first number has the row's label right before it."""
    lines = text.split("\n")
    return [
        i
        for i in _value_lines(text)
        for cells in [lines[i].strip().strip("|").split("|")]
        for first in [next(k for k, c in enumerate(cells) if NUMBER.match(c))]
        if first > 0 and re.search(r"[\u4e00-\u9fff）)]\s*$", cells[first - 1])
    ]


@pytest.mark.parametrize("name", ["2019", "2021"])
def test_no_template_label_ends_in_a_number(name: str) -> None:
    """What lets the reader take a number at the end of a printed label as glued to it."""
    template = get_template(name)
    labels = [label for table in template.tables for row in table.rows for label in row.labels]
    assert labels and not [label for label in labels if re.search(r"\d\s*$", label)]


@mutation_settings
@given(report=reports, seed=st.integers(0, 2**16), shift=st.booleans())
def test_a_number_glued_to_its_label_beside_a_blank_cell_is_not_placed(
    report: Report, seed: int, shift: bool
) -> None:
    """markitdown prints `| 行政规范性文件62 |  | 33 | 440 |`: the first number glued to the label
    and a blank cell after it. Which column the glued number was printed in is unknown, so the row
    stays empty with the reader's error, and the checks do not say the report printed the row
    blank. With the other numbers moved one cell to the left and no blank cell (pymupdf4llm's
    `| 规章<br>0 | 0 | 0 |`), the glued number is the first of the row's, read as printed."""
    rng = random.Random(seed)
    text = write(report, "markdown", rng)
    lines = text.split("\n")
    index = rng.choice(_labelled_value_lines(text))
    cells = lines[index].strip().strip("|").split("|")
    first = next(k for k, c in enumerate(cells) if NUMBER.match(c))
    cells[first - 1] = f" {cells[first - 1].strip()}{cells[first].strip()} "
    cells = (
        [*cells[:first], *cells[first + 1 :], " "] if shift else [*cells[:first], " ", *cells[first + 1 :]]
    )
    lines[index] = "|" + "|".join(cells) + "|"
    parsed = read_report("\n".join(lines).encode("utf-8"), source="pulled.md")
    _cells_never_differ(parsed, report)
    glued = [f for f in parsed.findings if f.code == "P-ROW-AMBIGUOUS" and f.place.line == index + 1]
    if shift:
        assert not glued
        assert all_cells(parsed) == all_cells(read_report(text.encode("utf-8"), source="pulled.md"))
        return
    assert len(glued) == 1
    place = glued[0].place
    assert all(v is None for v in parsed.table(place.table)[place.row].values())
    assert not [f for f in run_checks(parsed) if f.code == "CELL-BLANK" and f.place.row == place.row]


def test_a_label_between_two_bare_numbers_is_not_given_either() -> None:
    report = balanced_report(random.Random(7), year=2024, template="2021", other_row="split")
    text = write(report, "markdown", random.Random(1))
    licensing = report.table2["licensing"]["decisions"]
    penalty = report.table2["penalty"]["decisions"]
    # The capture markitdown makes of a one-column table: the value line above its label.
    lines = [line for line in text.split("\n") if not re.match(r"^\|\s*行政处罚\s*\|", line)]
    heading = next(i for i, line in enumerate(lines) if "第二十条第（六）项" in line)
    lines[heading + 1 : heading + 1] = [f"{penalty + 1000}", "行政处罚", f"{penalty}", "行政强制"]
    parsed = read_report("\n".join(lines).encode("utf-8"), source="pulled.md")
    assert parsed.table2["licensing"]["decisions"] == licensing
    assert parsed.table2["penalty"]["decisions"] is None
    assert "P-ROW-AMBIGUOUS" in {f.code for f in parsed.findings}


def test_a_label_followed_by_more_bare_numbers_than_its_own_is_not_given_the_first() -> None:
    """pdftotext without -layout printed a one-column row's label, then three lines of numbers
    (`行政许可` / `0` / `440` / `4529`: another row's cells among them): the first is not the row's."""
    report = balanced_report(random.Random(7), year=2024, template="2021", other_row="split")
    text = write(report, "markdown", random.Random(1))
    licensing = report.table2["licensing"]["decisions"]
    penalty = report.table2["penalty"]["decisions"]
    stray = licensing + 1000
    lines = [line for line in text.split("\n") if not re.match(r"^\|\s*行政许可\s*\|", line)]
    heading = next(i for i, line in enumerate(lines) if "第二十条第（五）项" in line)
    lines[heading + 1 : heading + 1] = ["", "行政许可", "", f"{stray}", "", "7", "", f"{licensing}", ""]
    parsed = read_report("\n".join(lines).encode("utf-8"), source="pulled.txt")
    assert parsed.table2["licensing"]["decisions"] is None
    assert parsed.table2["penalty"]["decisions"] == penalty
    ambiguous = [f for f in parsed.findings if f.code == "P-ROW-AMBIGUOUS" and f.place.row == "licensing"]
    assert len(ambiguous) == 1
    assert f"「{stray}」、「7」、「{licensing}」" in ambiguous[0].message_zh


def test_cells_of_a_web_page_stay_cells_when_one_prints_two_numbers() -> None:
    """In HTML the cells are the page's own: one odd cell leaves its neighbours in place."""
    html = (
        "<html><body><h1>某局2024年政府信息公开工作年度报告</h1>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>1 2</td><td>0</td><td>7</td></tr></table></body></html>"
    )
    parsed = read_report(html.encode("utf-8"), source="page.html")
    assert parsed.table2["regulations"]["issued"] is None
    assert parsed.table2["regulations"]["in_force"] == 7


@pytest.mark.parametrize("cells", ["<td>7</td><td>10</td>", "<td>07</td><td>10</td>", "<td>100</td>"])
def test_a_cell_printed_apart_is_never_cut_into_counts(cells: str) -> None:
    """`7 | 10` for three columns is a row a cell short, not 7, 1, 0: digits are cut into several
    counts only where cells ran together in text, never inside a cell the page printed apart."""
    html = (
        "<html><body><h1>某局2024年政府信息公开工作年度报告</h1>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        f"<tr><td>规章</td>{cells}</tr></table></body></html>"
    )
    parsed = read_report(html.encode("utf-8"), source="page.html")
    assert set(parsed.table2["regulations"].values()) == {None}
    assert "P-ROW-SHORT" in {f.code for f in parsed.findings if f.place.row == "regulations"}


_VALUE_TD = re.compile(r"<td[^>]*>\s*\d+(?:\.\d+)?\s*</td>")


@mutation_settings
@given(report=reports, seed=st.integers(0, 2**16), merge=st.booleans())
def test_a_web_page_row_a_cell_short_is_read_right_or_not_at_all(
    report: Report, seed: int, merge: bool
) -> None:
    """A page's row with one value cell dropped, or two neighbouring cells' digits printed in one
    (`<td>1</td><td>0</td>` as `<td>10</td>`): every cell reads as printed or stays empty."""
    rng = random.Random(seed)
    page = render_page(report)
    rows = [m for m in re.finditer(r"<tr>.*?</tr>", page, re.S) if len(_VALUE_TD.findall(m[0])) >= 2]
    # Rows printing a number of several digits first: the digits a short row could be cut from.
    wide = [m for m in rows if re.search(r">\s*\d{2,}\s*</td>", m[0])]
    row = rng.choice(wide or rows)
    cells = list(_VALUE_TD.finditer(row[0]))
    if merge:
        i = rng.randrange(len(cells) - 1)
        first, second = cells[i], cells[i + 1]
        digits = re.sub(r"<[^>]+>|\s", "", first[0]) + re.sub(r"<[^>]+>|\s", "", second[0])
        changed = row[0][: first.start()] + f"<td>{digits}</td>" + row[0][second.end() :]
    else:  # a cell beside the wide number dropped, not the number
        narrow = [c for c in cells if not re.search(r">\s*\d{2,}\s*<", c[0])]
        dropped = rng.choice(narrow or cells)
        changed = row[0][: dropped.start()] + row[0][dropped.end() :]
    parsed = read_report(
        (page[: row.start()] + changed + page[row.end() :]).encode("utf-8"), source="page.html"
    )
    _cells_never_differ(parsed, report)


LAYOUT_FORM = DATA / "forms" / "pingtan-2024-guanweihui" / "lo-docx.layout.txt"


@pytest.mark.parametrize(
    "row",
    [
        "规章       0          10         ",
        "规章       0                    10",
        "规章                  10        0",
    ],
)
def test_a_layout_row_with_a_blank_cell_is_not_cut_into_counts(row: str) -> None:
    """`pdftotext -layout` prints a blank cell as a wider gap: `0          10` for three columns
    is two cells and a blank one, never 0, 1, 0; the row stays empty with a finding."""
    text = LAYOUT_FORM.read_text(encoding="utf-8")
    printed = "规章       0          0         0"
    assert text.count(printed) == 1
    parsed = read_report(text.replace(printed, row).encode("utf-8"), source="layout.txt")
    assert set(parsed.table2["regulations"].values()) == {None}
    assert "P-ROW-SHORT" in {f.code for f in parsed.findings if f.place.row == "regulations"}
    assert parsed.table2["normative_documents"] == {"issued": 62, "repealed": 33, "in_force": 440}
