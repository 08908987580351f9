"""The rules of the annual-report format, each a small function returning findings.

`run_checks(report)` runs every single-report rule; `carry_over(previous, current)` and
`consolidated(parent, children, missing=...)` the rules across reports; `describe_rules()` lists
them all with their codes, severities and Chinese titles.
"""

from xxgk.checks.across import carry_over, consolidated
from xxgk.checks.registry import Rule, describe_rules, rules, run_checks

__all__ = ["Rule", "carry_over", "consolidated", "describe_rules", "rules", "run_checks"]
