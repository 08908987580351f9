"""The shortcuts the rules take for speed say what the plain definitions say: the residuals computed
at once equal each identity's own, and the rows a source shows are those a key prefix names."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from support.report_strategies import all_cells, balanced_reports
from xxgk.checks.arithmetic import _system
from xxgk.checks.cells import printed_rows
from xxgk.findings import Finding, Place
from xxgk.report import Provenance, Report

ODD_VALUES = st.one_of(
    st.none(),
    st.integers(-50, 50),
    st.decimals(-100, 100, places=2, allow_nan=False),
    st.just(Decimal("-0")),
    st.floats(-10, 10, allow_nan=False),
    st.booleans(),
    st.just("x"),
)


@settings(max_examples=200)
@given(balanced_reports(), st.data())
def test_the_residuals_at_once_are_each_identitys_own(report: Report, data: st.DataObject) -> None:
    cells = [cell for cell in all_cells(report) if cell[0] != "table2"]
    for table, row, col in data.draw(st.lists(st.sampled_from(cells), max_size=8)):
        report.table(table)[row][col] = data.draw(ODD_VALUES)  # as a careless caller might set them
    for table in ("table3", "table4"):
        system = _system(table, report.spec.key, report.short_other_row)
        expected = [ident.residual(report) for ident in system.identities]
        assert [repr(r) for r in system.residuals(report)] == [repr(r) for r in expected]


def _printed_by_prefix(report: Report, table: str, row: str) -> bool:
    """The definition `printed_rows` stands for, one row at a time."""
    prefix = f"{table}.{row}."
    return any(key.startswith(prefix) for key in report.provenance) or any(
        f.place.table == table and f.place.row == row for f in report.findings
    )


@settings(max_examples=100)
@given(balanced_reports(), st.data())
def test_printed_rows_are_those_a_key_prefix_names(report: Report, data: st.DataObject) -> None:
    cells = all_cells(report)
    for table, row, col in data.draw(st.lists(st.sampled_from(cells), max_size=6)):
        report.provenance[f"{table}.{row}.{col}"] = Provenance(line=1)
    for table, row, _ in data.draw(st.lists(st.sampled_from(cells), max_size=3)):
        report.findings.append(Finding("P-ROW-SHORT", "warning", "", Place(table=table, row=row)))
    printed = printed_rows(report)
    for table in report.spec.tables:
        for row in table.rows:
            assert ((table.key, row.key) in printed) == _printed_by_prefix(report, table.key, row.key)
