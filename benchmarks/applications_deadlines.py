"""Deadlines of applications at scale: how long a calendar change takes (every open case's due date
re-derived from its event log) and how fast the work lists answer.

    uv run --frozen python benchmarks/applications_deadlines.py [--cases 20000 --open 5000 --rounds 3]

Uses its own SQLite file under /tmp (fresh each run). Rows are bulk-inserted; each open case has a
receipt and, for one in three, an extension or a closed consultation. Best of `--rounds`.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench_db import fresh_database


def _populate(cases: int, open_cases: int) -> None:
    from xxgk import deadlines as core
    from xxgk.web.applications.case_deadline import row_fields
    from xxgk.web.applications.models import Application, CaseEvent, State
    from xxgk.web.orgs.models import Organisation, OrgKind

    rng = random.Random(7)
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"基准机关{i}", credit_code=f"APPBENCH{i:010d}", kind=OrgKind.DEPARTMENT, path=f"/{i}/"
        )
        for i in range(20)
    )
    tz = ZoneInfo("Asia/Shanghai")
    rows, plans = [], []
    for i in range(cases):
        received = date(2025, 1, 6) + timedelta(days=rng.randrange(330))
        is_open = i < open_cases
        rows.append(
            Application(
                organisation=orgs[i % len(orgs)],
                number=f"B{i:012d}",
                channel="letter",
                submitted_at=datetime.combine(received, datetime.min.time(), tz),
                received_on=received,
                applicant_kind="natural_person",
                name="基准",
                id_type="id_card",
                id_number="0",
                phone="0",
                description="基准",
                info_form="paper",
                delivery="post",
                state=State.REGISTERED if is_open else State.CLOSED,
                outcome="" if is_open else "granted",
                concluded_on=None if is_open else received + timedelta(days=20),
            )
        )
        events: list[core.CaseEvent] = [core.Received(received)]
        if i % 3 == 1:
            events.append(core.Extended(received + timedelta(days=10), days=15, reason="基准"))
        elif i % 3 == 2:
            events += [
                core.ConsultationStarted(received + timedelta(days=3)),
                core.ConsultationEnded(received + timedelta(days=12)),
            ]
        plans.append(events)
    saved = Application.objects.bulk_create(rows, batch_size=2000)
    CaseEvent.objects.bulk_create(
        (
            CaseEvent(application=case, **row_fields(e))
            for case, events in zip(saved, plans, strict=True)
            for e in events
        ),
        batch_size=5000,
    )


def _best(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--open", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    fresh_database("sqlite", "", sqlite_name="xxgk-applications-bench")
    start = time.perf_counter()
    _populate(args.cases, args.open)
    print(f"populated {args.cases} cases ({args.open} open) in {time.perf_counter() - start:.1f} s")

    from xxgk.web.applications.calendar_table import current_calendar

    from xxgk import deadlines as core
    from xxgk.web.applications import selectors
    from xxgk.web.applications.calendar_changes import refresh_due_dates
    from xxgk.web.orgs.models import User

    calendar = current_calendar()
    sample = [core.Received(date(2025, 3, 3)), core.Extended(date(2025, 3, 20), days=15, reason="x")]
    n = 2000
    per_case = _best(args.rounds, lambda: [core.due_date_for(sample, calendar) for _ in range(n)]) / n
    print(f"due_date_for (receipt + extension): {per_case * 1e6:.0f} µs per case")

    first = _best(1, refresh_due_dates)
    print(f"calendar change, first refresh (writes {args.open} due dates): {first:.2f} s")
    again = _best(args.rounds, refresh_due_dates)
    print(f"calendar change, refresh with nothing to write: {again:.2f} s")

    boss = User.objects.create(username="bench-admin", is_superuser=True, is_staff=True)
    today = date(2025, 11, 20)
    lists = {
        "due within 5 working days": lambda: list(selectors.due_within(boss, today)[:500]),
        "overdue": lambda: list(selectors.overdue(boss, today)[:500]),
        "dashboard counts": lambda: selectors.work_counts(boss, today),
    }
    for label, work in lists.items():
        print(f"work list, {label}: {_best(args.rounds, work) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
