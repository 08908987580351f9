"""The shape of a workflow as data, shared by the apps that have one (a case in `applications`,
a submission in `rollup`): each named transition, the states it starts from, the state it leads
to and the roles that may take it. Each app declares its table in its own `transitions.py` and
runs a transition by name in its services: role, then state, then version (`xxgk.web.locking`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Transition:
    name: str
    label_zh: str
    sources: frozenset[Any]
    # None: the record stays in its state (e.g. an extension).
    target: Any | None
    roles: frozenset[Any]
    # The app whose audit log records the transition ("applications.confirm_receipt").
    app: str

    @property
    def audit_action(self) -> str:
        return f"{self.app}.{self.name}"

    def leads_to(self, current: Any) -> Any:
        return self.target or current


def allowed_states_zh(transition: Transition, states: Iterable[Any]) -> str:
    """The states (Django choices) `transition` starts from, in the order of `states`: 「已报」、「已审」."""
    return "、".join(f"「{s.label}」" for s in states if s in transition.sources)
