"""Hypothesis strategies over `xxgk.sample.balanced_report`, and the cells a report holds."""

from __future__ import annotations

from hypothesis import strategies as st

from xxgk.report import Report
from xxgk.sample import balanced_report

FORMS = (("2021", "split"), ("2021", "short"), ("2019", "short"))


@st.composite
def balanced_reports(draw: st.DrawFn, forms: tuple[tuple[str, str], ...] = FORMS) -> Report:
    template, other_row = draw(st.sampled_from(forms))
    year = draw(st.integers(2021, 2025) if template == "2021" else st.integers(2019, 2020))
    rng = draw(st.randoms(use_true_random=False))
    return balanced_report(rng, year=year, template=template, other_row=other_row)


def all_cells(report: Report) -> list[tuple[str, str, str]]:
    """Every (table, row, column) of the report's template, in printed order."""
    return [(table.key, row, col) for table in report.spec.tables for row, col in table.cell_keys()]
