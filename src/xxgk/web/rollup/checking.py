"""Which engine rules run on a submitted report and how their findings are judged (framework-free).

Every single-report rule; with last year's report of the unit the rules across years; for a unit
that consolidates, Σ parts with the missing parts listed (无法判断, never a false 不通过); copied text
against last year and the other units of the campaign.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from xxgk.checks import carry_over, consolidated, rules, run_checks
from xxgk.checks.campaign import copied_from_previous
from xxgk.findings import Finding
from xxgk.report import Report

# Findings that say the rule could not decide, rather than that the report is wrong.
UNDETERMINED = frozenset({"X-CONSOLIDATED-INCOMPLETE", "X-YEARS-NOT-CONSECUTIVE", "SIGNED-MISSING"})
_PARSER_PREFIX = "P-"


@dataclass(frozen=True)
class Inputs:
    report: Report
    key: Hashable
    previous: Report | None = None
    # The parts of a consolidating unit by name (None: the unit does not consolidate).
    children: Mapping[str, Report] | None = None
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    findings: list[Finding]
    passed: list[str]


def check(inputs: Inputs, *, copied: list[Finding]) -> Outcome:
    """All findings on `inputs.report`; `copied`: its copied-text findings, found by the caller over
    the whole campaign at once (`copied_across_units`)."""
    report = inputs.report
    ran = [r.code for r in rules("report")]
    found = run_checks(report)
    if inputs.previous is not None:
        ran += [r.code for r in rules("years")] + ["X-COPIED-PREVIOUS"]
        found += carry_over(inputs.previous, report) + copied_from_previous(inputs.previous, report)
    if inputs.children is not None:
        ran += [r.code for r in rules("units")]
        found += consolidated(report, dict(inputs.children), missing=inputs.missing)
    ran.append("X-COPIED-UNIT")
    found += copied
    failed = {f.code for f in found}
    return Outcome(found, [code for code in dict.fromkeys(ran) if code not in failed])


def verdict(finding: Finding) -> str:
    """不通过 (fail) or 无法判断 (undetermined)."""
    if finding.code in UNDETERMINED or finding.code.startswith(_PARSER_PREFIX):
        return "undetermined"
    return "fail"


def blocks_review(finding: Finding) -> bool:
    """A table error: an error placed on a table. It blocks 已审 until a reviewer dismisses it."""
    return finding.severity == "error" and finding.place.table is not None and verdict(finding) == "fail"


# What the 通报 calls each kind of finding, in the order it lists them.
CATEGORIES = (
    "报送或公开不及时",
    "表格数据错误",
    "与上年数据不衔接",
    "文字雷同",
    "文字与表格不一致",
    "其他问题",
)
_CATEGORY_BY_PREFIX = (
    (("X-SUBMITTED-LATE", "X-NOT-SUBMITTED", "X-PUBLISHED-LATE", "X-NOT-PUBLISHED", "SIGNED-LATE"), 0),
    (("T2-", "T3-", "T4-", "CELL-", "TABLE-", "X-CONSOLIDATED-SUM"), 1),
    (("X-CARRY-OVER", "X-IN-FORCE", "X-PENDING"), 2),
    (("X-COPIED-",), 3),
    (("TEXT-",), 4),
)


def category(code: str) -> str:
    for prefixes, index in _CATEGORY_BY_PREFIX:
        if code.startswith(prefixes):
            return CATEGORIES[index]
    return CATEGORIES[-1]
