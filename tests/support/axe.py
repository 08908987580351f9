"""Run the vendored axe-core in a playwright page and keep the violations that block use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).parent.parent / "web" / "a11y" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def blocking_violations(page: Any) -> list[dict[str, Any]]:
    """axe's violations of impact serious or critical on the page as loaded now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )
