"""Random sequences of transitions: each one either succeeds (version + 1, the invariants of the
table 三 contract hold, the cached due date matches the event log) or is refused and writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories.applications import CALLS, Staff, fresh, snapshot
from xxgk.web.applications.errors import ApplicationError
from xxgk.web.applications.models import CONCLUDED_STATES
from xxgk.web.applications.selectors import case_deadline_of

pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    pass


def _check_invariants(case) -> None:
    concluded = case.state in CONCLUDED_STATES
    assert bool(case.outcome) == concluded == (case.concluded_on is not None)
    if not concluded:
        deadline = case_deadline_of(case)
        assert case.due_on == (deadline.due if deadline else None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(CALLS)), min_size=1, max_size=8))
def test_random_transition_sequences(staff: Staff, names: list[str]) -> None:
    try:
        with transaction.atomic():
            case = staff.register(received_on=date(2025, 3, 3))
            for name in names:
                before = snapshot(case)
                try:
                    CALLS[name](staff, fresh(case))
                except (ApplicationError, PermissionDenied):
                    assert snapshot(case) == before, name
                else:
                    assert fresh(case).version == before[1] + 1, name
                _check_invariants(fresh(case))
            raise _Rollback
    except _Rollback:
        pass
