"""The rule registry: every rule is declared once with its code, severity and a one-line Chinese title.

Rules on one report take the report and yield findings; rules across reports are declared here too
(scope "years" for two years of one agency, "units" for a consolidated report and its parts,
"campaign" for a supervising office's collection: copied text and deadlines), so one listing
(`describe_rules`) covers all of them. Campaign rules take different inputs each and are called
directly by the campaign code, never through `run_rules`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, TypeVar

from xxgk.findings import Finding, Place, Severity
from xxgk.report import Report

Scope = Literal["report", "years", "units", "campaign"]
_SCOPES: tuple[Scope, ...] = ("report", "years", "units", "campaign")
SCOPE_ZH: dict[str, str] = {
    "report": "单份报告",
    "years": "同一机关相邻两年",
    "units": "本级与下级汇总",
    "campaign": "年报收集（报送、公开时限与文字雷同）",
}

# Modules whose import registers the rules, in the order their rules run.
_RULE_MODULES = ("xxgk.checks.text", "xxgk.checks.arithmetic", "xxgk.checks.across", "xxgk.checks.campaign")


@dataclass(frozen=True)
class Rule:
    code: str
    # The severity the rule's findings usually carry; `severities` lists every one it may use.
    severity: Severity
    title_zh: str
    scope: Scope
    # Findings for report, years and units rules; campaign rules return what their callers need.
    func: Callable[..., Any]
    severities: tuple[Severity, ...]

    @property
    def module(self) -> str:
        return self.func.__module__


_RULES: dict[str, Rule] = {}
_Func = TypeVar("_Func", bound=Callable[..., Any])


def rule(
    code: str, severity: Severity, title_zh: str, *, scope: Scope = "report", also: tuple[Severity, ...] = ()
) -> Callable[[_Func], _Func]:
    """Declare `func` as the rule `code`. `also`: other severities some of its findings carry."""

    def register(func: _Func) -> _Func:
        if code in _RULES:
            raise ValueError(f"rule {code} declared twice")
        _RULES[code] = Rule(code, severity, title_zh, scope, func, (severity, *also))
        _ordered.cache_clear()
        return func

    return register


def finding(
    code: str,
    message_zh: str,
    *,
    place: Place | None = None,
    expected: Any = None,
    actual: Any = None,
    severity: Severity | None = None,
) -> Finding:
    """A finding of the declared rule `code`, with the rule's severity unless told otherwise."""
    declared = _RULES[code]
    severity = severity or declared.severity
    if severity not in declared.severities:
        raise ValueError(f"rule {code} does not declare severity {severity}")
    return Finding(code, severity, message_zh, place or Place(), expected, actual)


def rules(scope: Scope | None = None) -> list[Rule]:
    """The declared rules in the order they run, optionally of one scope."""
    _load()
    return list(_ordered(scope))


@cache
def _ordered(scope: Scope | None) -> tuple[Rule, ...]:
    """`rules(scope)`, sorted once (every report runs them); declaring a rule clears it."""
    order = list(_RULES)
    chosen = [r for r in _RULES.values() if scope is None or r.scope == scope]
    modules = list(_RULE_MODULES)

    def position(r: Rule) -> tuple[int, int, int]:
        module = modules.index(r.module) if r.module in modules else len(modules)
        return (_SCOPES.index(r.scope), module, order.index(r.code))

    return tuple(sorted(chosen, key=position))


def run_rules(scope: Scope, *args: Any, **kwargs: Any) -> list[Finding]:
    """Run every rule of `scope` on the same arguments, in declaration order."""
    found: list[Finding] = []
    for declared in rules(scope):
        found.extend(declared.func(*args, **kwargs))
    return found


def run_checks(report: Report) -> list[Finding]:
    """The report's own parser findings, then every single-report rule's, in a fixed order.

    A check finding that repeats a parser finding (same code and place) is left out.
    """
    checked = run_rules("report", report)
    codes = {f.code for f in checked}
    # Only parser findings of a code the checks yield can be repeated (a Place is slow to hash).
    seen = {(f.code, f.place) for f in report.findings if f.code in codes}
    if not seen:
        return [*report.findings, *checked]
    return [*report.findings, *(f for f in checked if (f.code, f.place) not in seen)]


def describe_rules() -> list[dict[str, Any]]:
    """Every rule as plain data, for documentation and for `xxgk rules`."""
    return [
        {
            "code": r.code,
            "severity": r.severity,
            "severities": list(r.severities),
            "title_zh": r.title_zh,
            "scope": r.scope,
            "scope_zh": SCOPE_ZH[r.scope],
            "module": r.module,
        }
        for r in rules()
    ]


def _load() -> None:
    for name in _RULE_MODULES:
        importlib.import_module(name)
