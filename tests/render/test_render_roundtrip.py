"""Render → parse back: the engine's own readers find every cell a renderer printed, and the text."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.parse.detect import read_report
from xxgk.render import render
from xxgk.report import Report
from xxgk.sample import balanced_report


def _report(seed: int, template: str, other_row: str) -> Report:
    return balanced_report(random.Random(seed), year=2024, template=template, other_row=other_row)


def _assert_same(parsed: Report, report: Report) -> None:
    assert parsed.table2 == report.table2
    assert parsed.table3 == report.table3
    assert parsed.table4 == report.table4
    assert parsed.template == report.template
    assert parsed.other_row == report.other_row
    assert parsed.year == report.year
    assert parsed.organization == report.organization
    assert parsed.signed_on == report.signed_on
    assert [s.number for s in parsed.sections] == [1, 2, 3, 4, 5, 6]
    unreadable = [f.code for f in parsed.findings if f.code.startswith("P-") and f.severity != "info"]
    assert unreadable == []


forms = st.sampled_from([("2021", "split"), ("2021", "short"), ("2019", "short")])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), form=forms)
def test_html_reads_back_identical(seed, form):
    report = _report(seed, *form)
    _assert_same(read_report(render(report, "html"), "r.html"), report)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), form=forms)
def test_docx_reads_back_identical(seed, form):
    report = _report(seed, *form)
    _assert_same(read_report(render(report, "docx"), "r.docx"), report)


@pytest.mark.parametrize(
    "seed,form", [(1, ("2021", "split")), (2, ("2021", "short")), (3, ("2019", "short"))]
)
def test_pdf_reads_back_identical(seed, form):
    report = _report(seed, *form)
    _assert_same(read_report(render(report, "pdf"), "r.pdf"), report)
