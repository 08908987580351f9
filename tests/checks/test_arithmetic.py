"""The arithmetic rules: balanced reports pass; one corrupted cell is caught by exactly the identities
it breaks, and every finding names it; blank cells only warn."""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.report_strategies import all_cells, balanced_reports
from xxgk.checks import run_checks
from xxgk.checks.arithmetic import table3_identities
from xxgk.checks.cells import unused_rows
from xxgk.findings import Finding, Place
from xxgk.report import Provenance, Report
from xxgk.sample import balanced_report

BALANCE_ROWS = {"new", "carried_in", "carried_out"}


def findings_of(report: Report) -> list:
    """Everything run_checks says except the informational note on a 2019/2020 report's format."""
    return [f for f in run_checks(report) if not (f.code == "TEMPLATE-OUTDATED" and f.severity == "info")]


def corrupted(report: Report, table: str, row: str, col: str, value) -> Report:
    bad = report.model_copy(deep=True)
    bad.table(table)[row][col] = value
    return bad


def expected_codes(report: Report, table: str, row: str, col: str, value) -> Counter:
    """Exactly what one changed cell must produce, stated per kind of cell."""
    if table == "table2":
        codes = []  # table 二 has no identity inside one report
    elif table == "table4":
        codes = ["T4-BLOCK-SUM"]
    elif row in unused_rows(report, report.spec.table3):
        codes = ["T3-OTHER-MIXED", "T3-ROW-SUM"]
    elif row == "total":
        codes = ["T3-BALANCE", "T3-RESULT-SUM", "T3-ROW-SUM"]
    elif row in BALANCE_ROWS:
        codes = ["T3-BALANCE", "T3-ROW-SUM"]
    else:  # a result row
        codes = ["T3-RESULT-SUM", "T3-ROW-SUM"]
    if value is not None and value < 0 and col != "change":
        codes.append("CELL-NEGATIVE")
    if value is None:
        codes.append("CELL-BLANK")
    # The generated text says 未收到政府信息公开申请 when new.total is 0.
    if (row, col) == ("new", "total") and report.table3["new"]["total"] == 0 and (value or 0) > 0:
        codes.append("TEXT-NO-APPLICATIONS")
    return Counter(codes)


@settings(max_examples=150, deadline=None)
@given(balanced_reports())
def test_a_balanced_report_passes_every_check(report):
    assert findings_of(report) == []


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_one_corrupted_cell_gives_exactly_the_identities_it_breaks(data):
    report = data.draw(balanced_reports())
    table, row, col = data.draw(st.sampled_from(all_cells(report)))
    delta = data.draw(st.integers(-20, 20).filter(bool))
    old = report.table(table)[row][col]
    if isinstance(old, Decimal):
        delta = Decimal(delta) / 100
    value = (old or 0) + delta
    bad = corrupted(report, table, row, col, value)
    found = findings_of(bad)
    assert Counter(f.code for f in found) == expected_codes(report, table, row, col, value)
    if table == "table2":
        return
    # Caught, and the findings name the cell (table 四 names the block: its one identity per block
    # cannot tell which of the five cells is wrong).
    assert any(f.is_error for f in found)
    assert all(f.place.table == table for f in found if f.code != "TEXT-NO-APPLICATIONS")
    if table == "table4":
        assert all(f.place.row == row for f in found)
    elif row in unused_rows(report, report.spec.table3):
        mixed = next(f for f in found if f.code == "T3-OTHER-MIXED")
        assert (mixed.place.row, mixed.place.column, mixed.actual) == (row, col, value)
    else:
        for f in found:
            if f.code.startswith("T3-"):
                assert (f.place.row, f.place.column) == (row, col)
                assert (f.expected, f.actual) == (old, value)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_blank_cell_warns_and_counts_as_zero(data):
    report = data.draw(balanced_reports())
    cells = [c for c in all_cells(report) if report.table(c[0])[c[1]][c[2]] is not None]
    table, row, col = data.draw(st.sampled_from(cells))
    old = report.table(table)[row][col]
    bad = corrupted(report, table, row, col, None)
    bad.provenance[f"{table}.{row}.{col}"] = Provenance(text="/")  # printed “/”, as a parser records it
    found = findings_of(bad)
    blank = [f for f in found if f.code == "CELL-BLANK"]
    assert len(blank) == 1 and blank[0].severity == "warning"
    assert (blank[0].place.table, blank[0].place.row, blank[0].place.column) == (table, row, col)
    if old == 0 or table == "table2":
        assert found == blank
    else:
        assert Counter(f.code for f in found) == expected_codes(report, table, row, col, None)
        for f in found:
            if f.code != "CELL-BLANK":
                assert "为空，按0计" in f.message_zh


def test_granted_natural_person_breaks_its_row_and_its_column_only():
    report = balanced_report(random.Random(7), year=2023)
    old = report.table3["granted"]["natural_person"]
    found = findings_of(corrupted(report, "table3", "granted", "natural_person", old + 3))
    assert [(f.code, f.place.row, f.place.column, f.expected, f.actual) for f in found] == [
        ("T3-RESULT-SUM", "granted", "natural_person", old, old + 3),
        ("T3-ROW-SUM", "granted", "natural_person", old, old + 3),
    ]
    assert "「自然人」列" in found[0].message_zh
    assert "「（一）予以公开」行" in found[1].message_zh


def test_balance_message_quotes_the_note_printed_on_table_three():
    report = balanced_report(random.Random(3), year=2023)
    bad = corrupted(
        report, "table3", "carried_out", "commercial", report.table3["carried_out"]["commercial"] + 1
    )
    balance = next(f for f in findings_of(bad) if f.code == "T3-BALANCE")
    assert "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和" in balance.message_zh
    assert "法人或其他组织·商业企业" in balance.message_zh


def test_two_corrupted_cells_point_at_the_computed_cells():
    report = balanced_report(random.Random(5), year=2023)
    bad = corrupted(
        report, "table3", "granted", "natural_person", report.table3["granted"]["natural_person"] + 1
    )
    bad.table3["partial"]["research"] = report.table3["partial"]["research"] + 2
    found = [f for f in findings_of(bad) if f.code.startswith("T3-")]
    # No single cell explains four failed identities: each points at the cell its identity computes.
    assert sorted((f.code, f.place.row, f.place.column) for f in found) == [
        ("T3-RESULT-SUM", "total", "natural_person"),
        ("T3-RESULT-SUM", "total", "research"),
        ("T3-ROW-SUM", "granted", "total"),
        ("T3-ROW-SUM", "partial", "total"),
    ]


def test_every_cell_of_table_three_lies_in_a_unique_set_of_identities():
    """What makes one corrupted cell locatable: no two cells share their identities."""
    for form in ("split", "short"):
        report = balanced_report(random.Random(1), year=2023, other_row=form)
        skip = unused_rows(report, report.spec.table3)
        member: dict = {}
        for i, ident in enumerate(table3_identities(report)):
            for cell, _ in ident.terms:
                member.setdefault(cell, set()).add(i)
        used = {cell: ids for cell, ids in member.items() if cell[0] not in skip}
        assert len({frozenset(ids) for ids in used.values()}) == len(used)


@pytest.mark.parametrize("value", [Decimal("1.5"), 2.5, "三"])
def test_a_count_that_is_not_a_whole_number_is_an_error(value):
    report = balanced_report(random.Random(2), year=2023)
    bad = corrupted(report, "table2", "licensing", "decisions", value)
    found = findings_of(bad)
    assert [(f.code, f.severity, f.place.row, f.actual) for f in found] == [
        ("CELL-NOT-INTEGER", "error", "licensing", value)
    ]


def test_a_negative_fee_amount_is_an_error_but_a_2019_change_may_be_negative():
    report = balanced_report(random.Random(2), year=2023)
    found = findings_of(corrupted(report, "table2", "fees", "amount", Decimal("-0.5")))
    assert [f.code for f in found] == ["CELL-NEGATIVE"]
    old = balanced_report(random.Random(2), year=2020, template="2019")
    assert findings_of(corrupted(old, "table2", "licensing", "change", -3)) == []


def test_both_forms_of_other_filled_is_an_error():
    report = balanced_report(random.Random(4), year=2023, other_row="split")
    bad = report.model_copy(deep=True)
    bad.table3["other"] = {k: 0 for k in bad.table3["other"]}
    found = findings_of(bad)
    assert [(f.code, f.place.row) for f in found] == [("T3-OTHER-MIXED", "other")]
    assert "未计入总计" in found[0].message_zh


def test_a_short_form_report_leaves_the_sub_rows_blank_without_a_finding():
    report = balanced_report(random.Random(4), year=2023, other_row="short")
    assert all(v is None for v in report.table3["other.no_fee"].values())
    assert findings_of(report) == []


def test_applicant_columns_left_blank_warn_once_per_row():
    report = balanced_report(random.Random(9), year=2023)
    bad = report.model_copy(deep=True)
    for col in ("commercial", "research", "social_welfare", "legal_service", "other_org"):
        bad.table3["new"][col] = None
    bad.table3["new"]["natural_person"] = report.table3["new"]["total"]
    for col in ("commercial", "research", "social_welfare", "legal_service", "other_org"):
        bad.table3["carried_in"][col] = None
    bad.table3["carried_in"]["natural_person"] = report.table3["carried_in"]["total"]
    found = findings_of(bad)
    codes = Counter(f.code for f in found)
    assert codes["CELL-BLANK"] == 2
    assert set(codes) - {"CELL-BLANK"} <= {"T3-BALANCE"}  # only if organisations' columns were non-zero
    assert all(f.severity == "warning" for f in found if f.code == "CELL-BLANK")


def test_a_row_the_reader_left_unread_is_not_called_blank():
    """A row whose numbers the reader could not place is null with the reader's error: the checks
    must not add that the report printed it blank. Other blank rows, and rows named by a check's
    own error or a reader's warning, still warn."""
    report = balanced_report(random.Random(9), year=2023)
    bad = report.model_copy(deep=True)
    for row in ("new", "carried_in", "granted"):
        bad.table3[row] = dict.fromkeys(bad.table3[row])
    bad.findings = [
        Finding("P-ROW-AMBIGUOUS", "error", "", Place(table="table3", row="new")),
        Finding("T3-ROW-SUM", "error", "", Place(table="table3", row="carried_in")),
        Finding("P-LABEL-VARIANT", "info", "", Place(table="table3", row="granted")),
    ]
    blank = [f.place.row for f in findings_of(bad) if f.code == "CELL-BLANK"]
    assert sorted(blank) == ["carried_in", "granted"]
    bad.findings.append(Finding("P-TABLE4-BROKEN", "error", "", Place(table="table3")))
    assert [f for f in findings_of(bad) if f.code == "CELL-BLANK"] == []


def test_an_identity_over_cells_left_unread_is_not_checked():
    """Counting as 0 a row the reader could not place (or a row not shown at all) would make a
    balanced report fail its identities; a row printed blank (`/`) is still counted as 0."""
    report = balanced_report(random.Random(3), year=2023)
    granted = report.table3["granted"]
    assert any(granted.values())
    identities = {"T3-BALANCE", "T3-RESULT-SUM", "T3-ROW-SUM"}

    unread = report.model_copy(deep=True)
    unread.table3["granted"] = dict.fromkeys(granted)
    unread.findings = [Finding("P-ROW-SHORT", "error", "", Place(table="table3", row="granted"))]
    assert not identities & {f.code for f in findings_of(unread)}

    not_shown = report.model_copy(deep=True)
    not_shown.table3["granted"] = dict.fromkeys(granted)
    codes = {f.code for f in findings_of(not_shown)}
    assert "TABLE-ROWS-MISSING" in codes and not identities & codes

    printed_blank = not_shown.model_copy(deep=True)
    for col in granted:
        printed_blank.provenance[f"table3.granted.{col}"] = Provenance(text="/")
    assert "T3-RESULT-SUM" in {f.code for f in findings_of(printed_blank)}


def test_township_reporting_regulations_is_a_warning():
    report = balanced_report(random.Random(1), year=2023, organization="示例县某某镇人民政府")
    assert findings_of(report) == []
    bad = corrupted(report, "table2", "regulations", "in_force", 6)
    assert [(f.code, f.severity, f.place.column) for f in findings_of(bad)] == [
        ("T2-TOWNSHIP-REGULATIONS", "warning", "in_force")
    ]


def test_table_four_block_message_names_the_block():
    report = balanced_report(random.Random(1), year=2023)
    bad = corrupted(
        report, "table4", "suit_after_review", "upheld", report.table4["suit_after_review"]["upheld"] + 1
    )
    (f,) = findings_of(bad)
    assert f.code == "T4-BLOCK-SUM"
    assert (f.place.row, f.place.column) == ("suit_after_review", "total")
    assert "行政诉讼·复议后起诉" in f.message_zh
    assert f.expected == report.table4["suit_after_review"]["total"] + 1
