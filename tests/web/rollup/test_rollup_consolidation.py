"""The consolidated report is the cell-by-cell sum of its parts, in either form of （六）."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.checks import consolidated, run_checks
from xxgk.checks.cells import num
from xxgk.sample import balanced_report
from xxgk.web.rollup.consolidation import consolidate


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000), forms=st.lists(st.sampled_from(["split", "short"]), min_size=1, max_size=5)
)
def test_the_sum_balances_and_equals_its_parts(seed: int, forms: list[str]) -> None:
    rng = random.Random(seed)
    parts = {
        f"单位{i}": balanced_report(rng, year=2025, organization=f"单位{i}", other_row=form)  # type: ignore[arg-type]
        for i, form in enumerate(forms)
    }
    result = consolidate(parts, organization="示例市人民政府", year=2025)
    report = result.report
    assert report.consolidated and set(result.included) == set(parts) and not result.left_out
    assert report.other_row == ("short" if "short" in forms else "split")
    assert [f for f in consolidated(report, parts) if f.severity == "error"] == []
    assert not [f for f in run_checks(report) if f.code.startswith(("T3-", "T4-", "CELL-"))]
    new_total = sum(num(p.table3["new"]["total"]) for p in parts.values())
    assert report.table3["new"]["total"] == new_total
    fees = sum(num(p.table2["fees"]["amount"]) for p in parts.values())
    assert report.table2["fees"]["amount"] == fees


def test_a_part_of_another_year_or_format_is_left_out_and_named() -> None:
    rng = random.Random(1)
    parts = {
        "甲": balanced_report(rng, year=2025),
        "乙": balanced_report(rng, year=2024),
        "丙": balanced_report(rng, year=2025, template="2019"),
    }
    result = consolidate(parts, organization="示例县人民政府", year=2025)
    assert result.included == ("甲",)
    assert result.left_out == ("乙（2024年度）", "丙（" + parts["丙"].spec.name + "）")
