"""Fuzz reproducers where the engine read a number the report does not print in that cell (`wbc-*`).

Expected values are read by hand from the files in tests/data/fuzz-regressions (see the README in
../shared/fuzz-regressions for how each was made).
"""

from __future__ import annotations

from pathlib import Path

from support.guanweihui_2024 import TABLE2 as GUANWEIHUI_TABLE2
from support.guanweihui_2024 import TABLE3 as GUANWEIHUI_TABLE3
from support.guanweihui_2024 import TABLE4 as GUANWEIHUI_TABLE4
from support.real_inputs import DATA, REPORTS, SEED
from xxgk.checks import run_checks
from xxgk.parse.detect import read_report, read_report_file
from xxgk.report import Report

FUZZ = DATA / "fuzz-regressions"
STRAY = FUZZ / "wbc-stray-number-line.txt"
SWAPPED = FUZZ / "wbc-column-headers-swapped.html"
GUANWEIHUI = REPORTS / "pingtan-2024-guanweihui.html"


def _cells(report: Report) -> dict[tuple[str, str, str], object]:
    return {
        (table, row, column): value
        for table in ("table2", "table3", "table4")
        for row, columns in report.table(table).items()
        for column, value in columns.items()
    }


def test_stray_number_line_is_never_glued_onto_the_cell_before_it() -> None:
    # Lines 105–113: （一）予以公开, then 1, 2, a line `3` without the tab, 3, 4, 5, 6, 21.
    report = read_report_file(STRAY)
    assert 23 not in _cells(report).values()
    assert all(p.text is None or "23" not in p.text for p in report.provenance.values())
    assert report.table3["granted"] == {
        "natural_person": 1,
        "commercial": None,  # `2`, then a stray `3`: which of 2, 3 or 23 is not known
        "research": 3,
        "social_welfare": 4,
        "legal_service": 5,
        "other_org": 6,
        "total": 21,
    }
    stray = [f for f in report.findings if f.code == "P-CELL-STRAY-NUMBER"]
    assert len(stray) == 1
    assert "「2」" in stray[0].message_zh and "「3」" in stray[0].message_zh
    assert (stray[0].place.row, stray[0].place.column, stray[0].place.line) == ("granted", "commercial", 107)


def test_stray_number_line_leaves_the_rest_of_the_seed_as_printed() -> None:
    original, mutated = _cells(read_report_file(SEED)), _cells(read_report_file(STRAY))
    differing = {key for key in original if original[key] != mutated[key]}
    assert {key[1] for key in differing} <= {"granted"}


def test_stray_number_line_leaves_its_cell_unknown_not_an_identity_alarm() -> None:
    """1+?+3+4+5+6 against 21: the 商业企业 cell is null with the reader's error naming the stray
    line, and no identity is held against the report over a cell it was not read for (counted as
    0 it would raise a row-sum error against a row that balances)."""
    report = read_report_file(STRAY)
    assert report.table3["granted"]["commercial"] is None
    stray = [f for f in report.findings if f.code == "P-CELL-STRAY-NUMBER"]
    assert stray and all(f.place.column == "commercial" and f.severity == "error" for f in stray)
    assert not [f for f in run_checks(report) if f.code.startswith("T3-") and f.place.row == "granted"]


def test_header_naming_a_column_twice_empties_table3_with_a_finding() -> None:
    report = read_report_file(SWAPPED)
    assert all(v is None for columns in report.table3.values() for v in columns.values())
    order = [f for f in report.findings if f.code == "P-COLUMNS-ORDER"]
    assert len(order) == 1
    assert "商业企业" in order[0].message_zh and "自然人" in order[0].message_zh
    # Tables 二 and 四 have their own headers, untouched.
    for (row, column), value in GUANWEIHUI_TABLE2.items():
        assert report.table2[row][column] == value
    for (row, column), value in GUANWEIHUI_TABLE4.items():
        assert report.table4[row][column] == value


def test_header_columns_swapped_are_read_by_their_printed_labels() -> None:
    # Print 商业企业 above the first value column and 自然人 above the second: the figures follow.
    html = GUANWEIHUI.read_text(encoding="utf-8")
    for old, new in ((">自然人<", ">商业企业<"), (">商业</p>", ">自然</p>"), (">企业</p>", ">人</p>")):
        assert html.count(old) == 1
        html = html.replace(old, new)
    report = read_report(html.encode("utf-8"), source="swapped.html")
    swap = {"natural_person": "commercial", "commercial": "natural_person"}
    expected = {(row, swap.get(column, column)): value for (row, column), value in GUANWEIHUI_TABLE3.items()}
    read = {(row, column): v for row, columns in report.table3.items() for column, v in columns.items() if v}
    assert read == expected
    assert [f.code for f in report.findings if f.code.startswith("P-COLUMNS")] == ["P-COLUMNS-REORDERED"]


def test_template_order_header_gives_no_column_finding() -> None:
    report = read_report(Path(GUANWEIHUI).read_bytes(), source=GUANWEIHUI.name)
    assert not [f for f in report.findings if f.code.startswith("P-COLUMNS")]
