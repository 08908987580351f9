"""The demo campaign: every status, a late unit, a copied-text pair, a carry-over break; idempotent."""

from __future__ import annotations

from xxgk.web.demo import DemoContext, load_demo
from xxgk.web.rollup import demo as rollup_demo
from xxgk.web.rollup import selectors
from xxgk.web.rollup.models import Campaign, ReviewFinding, Status, Submission


def test_demo_campaign_shows_every_case(demo: DemoContext) -> None:
    campaign = Campaign.objects.get(year=2025)
    rows = selectors.board(demo.users["zwgk_jiandu"], campaign)
    assert len(rows) >= 20
    assert {row.submission.status for row in rows} == set(Status.values)
    late = [
        row.submission.enrolment.unit.name
        for row in rows
        if any(f.code == "X-SUBMITTED-LATE" for f in row.flags)
    ]
    assert late == [rollup_demo.LATE]
    open_codes = set(
        ReviewFinding.objects.filter(superseded=False, submission__campaign=campaign).values_list(
            "code", flat=True
        )
    )
    assert {"X-CARRY-OVER", "X-COPIED-UNIT"} <= open_codes
    copied = ReviewFinding.objects.filter(
        superseded=False, code="X-COPIED-UNIT", submission__campaign=campaign
    )
    assert {f.submission.enrolment.unit.name for f in copied} == set(rollup_demo.COPIED_PAIR)
    carry = ReviewFinding.objects.filter(superseded=False, code="X-CARRY-OVER", submission__campaign=campaign)
    assert rollup_demo.CARRY_OVER_BREAK in {f.submission.enrolment.unit.name for f in carry}


def test_demo_load_is_idempotent(demo: DemoContext) -> None:
    before = Submission.objects.count(), ReviewFinding.objects.count()
    load_demo()
    assert (Submission.objects.count(), ReviewFinding.objects.count()) == before
