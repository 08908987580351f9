"""The submission's status machine as a table, and the shared optimistic lock it writes through."""

from __future__ import annotations

import pytest

from factories.rollup import PARTS, mini, sample, send
from xxgk.web.audit.audit_codes import is_defined
from xxgk.web.locking import save_next_version
from xxgk.web.rollup import services
from xxgk.web.rollup import transitions as tr
from xxgk.web.rollup.errors import RollupError, StaleVersion
from xxgk.web.rollup.models import Status, Submission

# The moves the campaign allowed before the table was declared (the dict that was in models.py).
ALLOWED = {
    Status.PENDING: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.RETURNED, Status.REVIEWED, Status.SUBMITTED},
    Status.RETURNED: {Status.SUBMITTED},
    Status.REVIEWED: {Status.PUBLISHED, Status.RETURNED},
    Status.PUBLISHED: set(),
}


def test_the_table_allows_exactly_the_campaigns_moves_and_each_is_an_audit_code() -> None:
    moves = {s: {t.target for t in tr.TRANSITIONS if s in t.sources} for s in Status}
    assert moves == ALLOWED
    assert all(is_defined(t.audit_action) for t in tr.TRANSITIONS)


def test_a_refusal_names_the_states_the_move_starts_from() -> None:
    text = tr.refusal_zh(tr.RETURN, Status.PUBLISHED)
    assert (
        text
        == "当前状态为「已发布」，不能改为「退回」（「退回年度报告」只能在「已报」、「已审」状态下进行）。"
    )


@pytest.mark.django_db
def test_a_write_on_a_row_changed_since_it_was_read_is_refused_and_nothing_is_written() -> None:
    m = mini()
    item = send(m.supervisor, m.submission(PARTS[2]), sample(PARTS[2], 2025))
    other_page = Submission.objects.get(pk=item.pk)
    services.approve(actor=m.supervisor, submission=item)
    with pytest.raises(StaleVersion):
        save_next_version(other_page, StaleVersion, status=Status.RETURNED)
    with pytest.raises(RollupError, match="不能改为「已审」"):
        services.approve(actor=m.supervisor, submission=item)
    item.refresh_from_db()
    assert item.status == Status.REVIEWED
