"""The engine's checks on an assembled report: every single-report rule, and the rules across
two years against the same agency's published report on the year before."""

from __future__ import annotations

from xxgk.checks import carry_over, run_checks
from xxgk.findings import Finding
from xxgk.report import Report


def check_report(report: Report, previous: Report | None) -> list[Finding]:
    found = run_checks(report)
    if previous is not None:
        found.extend(carry_over(previous, report))
    return found


def errors_in(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]
