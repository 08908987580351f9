"""Demo data: a list of loaders run in order, each idempotent (get_or_create by natural keys).

Later apps append their loader's dotted path to LOADERS; a loader receives the shared
`DemoContext` (organisations by key, the logins to print) and adds to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.module_loading import import_string

LOADERS = [
    "xxgk.web.orgs.demo.load",
    "xxgk.web.publishing.demo.load",
    "xxgk.web.applications.demo.load",
    "xxgk.web.consultations.demo.load",
    "xxgk.web.remedies.demo.load",
    "xxgk.web.annual.demo.load",
    "xxgk.web.rollup.demo.load",
]

DEMO_PASSWORD = "xxgk-demo-2026"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    description_zh: str


@dataclass
class DemoContext:
    password: str = DEMO_PASSWORD
    orgs: dict[str, Any] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)
    created: int = 0

    def count(self, created: bool) -> None:
        self.created += int(created)


def load_demo() -> DemoContext:
    """Run every loader in one transaction; record one audit event when anything was created."""
    from xxgk.web.audit.services import record
    from xxgk.web.orgs.audit_codes import DEMO_LOADED

    context = DemoContext()
    with transaction.atomic():
        for dotted in LOADERS:
            import_string(dotted)(context)
        if context.created:
            record(actor=None, action=DEMO_LOADED, object_type="demo", after={"created": context.created})
    return context
