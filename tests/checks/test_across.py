"""Rules across reports: two years of one agency, and a consolidated report against its parts."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from support.report_strategies import all_cells
from xxgk.checks import carry_over, consolidated, run_checks
from xxgk.checks.cells import num, unused_rows
from xxgk.report import Report
from xxgk.sample import balanced_report


def two_years(seed: int = 1, **kwargs) -> tuple[Report, Report]:
    rng = random.Random(seed)
    previous = balanced_report(rng, year=2022, **kwargs)
    return previous, balanced_report(rng, year=2023, previous=previous, **kwargs)


def summed(parts: list[Report], **changes) -> Report:
    """The consolidated report of `parts` (all of one form), as the rules expect it."""
    first = parts[0]
    tables = {}
    for table in first.spec.tables:
        tables[table.key] = {
            row: {
                col: None
                if all(p.table(table.key)[row][col] is None for p in parts)
                else sum((num(p.table(table.key)[row][col]) for p in parts), start=0)
                for col in values
            }
            for row, values in first.table(table.key).items()
        }
    fields = {**first.model_dump(exclude={"table2", "table3", "table4"}), **tables, "consolidated": True}
    fields.update(organization="示例市人民政府", **changes)
    return Report(**fields)


# --- two years ---------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(["split", "short"]))
def test_consecutive_balanced_reports_pass(rng, form):
    previous = balanced_report(rng, year=2022, other_row=form)
    current = balanced_report(rng, year=2023, other_row=form, previous=previous)
    assert run_checks(current) == []
    assert carry_over(previous, current) == []


def test_carry_over_mismatch_is_an_error_per_column_with_the_year():
    previous, current = two_years()
    previous.table3["carried_out"]["natural_person"] = (
        previous.table3["carried_out"]["natural_person"] or 0
    ) + 2
    previous.table3["carried_out"]["total"] += 2
    found = carry_over(previous, current)
    assert [(f.code, f.severity, f.place.row, f.place.column, f.place.report) for f in found] == [
        ("X-CARRY-OVER", "error", "carried_in", "natural_person", "2023年度报告"),
        ("X-CARRY-OVER", "error", "carried_in", "total", "2023年度报告"),
    ]
    assert found[0].expected == found[0].actual + 2
    assert "2022年度报告" in found[0].message_zh


def test_carry_over_is_not_judged_when_last_year_has_no_such_row():
    previous, current = two_years()
    previous.table3["carried_out"] = dict.fromkeys(previous.table3["carried_out"])
    current.table3["carried_in"]["total"] += 1
    assert [f.code for f in carry_over(previous, current)] == []


def test_documents_in_force_that_do_not_follow_are_a_warning():
    previous, current = two_years()
    current.table2["normative_documents"]["in_force"] -= 1
    (f,) = carry_over(previous, current)
    assert (f.code, f.severity, f.place.row, f.place.column) == (
        "X-IN-FORCE",
        "warning",
        "normative_documents",
        "in_force",
    )
    assert f.expected == f.actual + 1
    assert "到期失效" in f.message_zh


def test_in_force_after_a_2019_format_year_is_not_judged():
    rng = random.Random(3)
    previous = balanced_report(rng, year=2020, template="2019")
    current = balanced_report(rng, year=2021, previous=previous)
    assert [f.code for f in carry_over(previous, current)] == []


def test_pending_cases_that_vanish_are_info():
    previous, current = two_years()
    previous.table4["review"].update(pending=3, total=num(previous.table4["review"]["total"]) + 3)
    current.table4["review"] = {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}
    found = carry_over(previous, current)
    assert [(f.code, f.severity, f.place.row, f.actual) for f in found] == [
        ("X-PENDING", "info", "review", 0)
    ]


def test_years_that_are_not_consecutive_are_not_compared():
    rng = random.Random(1)
    previous = balanced_report(rng, year=2021)
    current = balanced_report(rng, year=2023)
    assert [(f.code, f.severity) for f in carry_over(previous, current)] == [
        ("X-YEARS-NOT-CONSECUTIVE", "info")
    ]


# --- a consolidated report ---------------------------------------------------------------------


def units(seed: int = 1, n: int = 3, **kwargs) -> dict[str, Report]:
    rng = random.Random(seed)
    return {
        f"单位{i}": balanced_report(rng, year=2023, organization=f"单位{i}", **kwargs)
        for i in range(1, n + 1)
    }


def test_a_consolidated_report_equal_to_its_parts_passes():
    children = units()
    parent = summed(list(children.values()))
    assert run_checks(parent) == []
    assert consolidated(parent, children) == []


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_one_wrong_cell_of_the_parent_is_one_error_at_that_cell(data):
    children = units(
        data.draw(st.integers(0, 10_000)), other_row=data.draw(st.sampled_from(["split", "short"]))
    )
    parent = summed(list(children.values()))
    skip = unused_rows(parent, parent.spec.table3)
    cells = [c for c in all_cells(parent) if not (c[0] == "table3" and c[1] in skip)]
    table, row, col = data.draw(st.sampled_from(cells))
    old = parent.table(table)[row][col]
    delta = (
        Decimal(data.draw(st.integers(2, 50))) / 100
        if isinstance(old, Decimal)
        else data.draw(st.integers(1, 9))
    )
    parent.table(table)[row][col] = old + delta
    found = consolidated(parent, children)
    assert [(f.code, f.place.table, f.place.row, f.place.column, f.expected, f.actual) for f in found] == [
        ("X-CONSOLIDATED-SUM", table, row, col, old, old + delta)
    ]
    assert found[0].place.report == "示例市人民政府"


def test_a_missing_unit_makes_the_sum_undecidable_not_wrong():
    children = units()
    parent = summed(list(children.values()))
    del children["单位2"]
    found = consolidated(parent, children, missing=["单位2"])
    assert [(f.code, f.severity) for f in found] == [("X-CONSOLIDATED-INCOMPLETE", "info")]
    assert "单位2" in found[0].message_zh


def test_parts_already_above_the_parent_are_an_error_even_with_a_unit_missing():
    children = units()
    parent = summed(list(children.values()))
    parent.table4["review"]["total"] = -1
    found = consolidated(parent, {k: v for k, v in children.items() if k != "单位3"}, missing=["单位3"])
    codes = [(f.code, f.place.row, f.place.column) for f in found]
    assert codes[0] == ("X-CONSOLIDATED-INCOMPLETE", None, None)
    assert codes[1:] == [("X-CONSOLIDATED-SUM", "review", "total")]


def test_other_printed_in_different_forms_is_compared_as_one_row():
    rng = random.Random(5)
    split = balanced_report(rng, year=2023, other_row="split", organization="甲局")
    short = balanced_report(rng, year=2023, other_row="short", organization="乙局")
    short_as_split = split.model_copy(deep=True)
    for col in short_as_split.table3["other"]:
        short_as_split.table3["other"][col] = sum(
            num(split.table3[k][col]) for k in ("other.no_correction", "other.no_fee", "other.other")
        )
        for k in ("other.no_correction", "other.no_fee", "other.other"):
            short_as_split.table3[k][col] = None
    short_as_split.other_row = "short"
    parent = summed([short_as_split, short])
    assert consolidated(parent, [split, short]) == []
    parent.table3["other"]["total"] += 1
    found = consolidated(parent, [split, short])
    assert [(f.code, f.place.row, f.place.column) for f in found] == [
        ("X-CONSOLIDATED-SUM", "other", "total")
    ]


def test_a_unit_on_another_format_is_left_out_of_table_two_only():
    children = units(n=2)
    parent = summed(list(children.values()))
    old = balanced_report(random.Random(2), year=2023, template="2019", organization="丙局")
    found = consolidated(parent, {**children, "丙局": old})
    assert [(f.code, f.place.table) for f in found if f.code == "X-CONSOLIDATED-INCOMPLETE"] == [
        ("X-CONSOLIDATED-INCOMPLETE", "table2")
    ]
    # Table 三/四 still sum, so the third unit's cases show up as a certain error there.
    assert {f.place.table for f in found if f.code == "X-CONSOLIDATED-SUM"} <= {"table3", "table4"}
