"""Writes of the rollup app, one module per concern; this module re-exports them so callers keep
one name (`services.submit`, …). Each write checks the actor's role, runs in one transaction,
records its audit event and, where two people may act on the same record, checks its `version`.

- `permissions`: who may act (the campaign's supervisors; the unit's own staff);
- `enrolment`: the register of units per year, opening a campaign;
- `drafts`: reading a report into the draft, correcting its cells;
- `submission`: the status moves of `transitions.py` (报送, 退回, 已审, 已发布);
- `rechecks`: running the checks and storing their findings;
- `findings`: decisions on findings and their rectification;
- `generation`: the consolidated reports and the 通报 draft.
Reads are in `selectors`.
"""

from __future__ import annotations

from xxgk.web.rollup.drafts import (
    MAX_FILE,
    correct_draft,
    ocr_job,
    parse_cell,
    prepare_file,
    prepare_from_published,
    prepare_from_report,
    unread_cells,
)
from xxgk.web.rollup.enrolment import open_campaign, register_unit
from xxgk.web.rollup.findings import advance_rectification, decide_finding
from xxgk.web.rollup.generation import generate_consolidated, generate_notice
from xxgk.web.rollup.permissions import (
    UNIT_ROLES,
    is_supervisor,
    is_unit_staff,
    require_supervisor,
    require_unit_or_supervisor,
)
from xxgk.web.rollup.rechecks import inputs_for, recheck, recheck_campaign, run_checks_on
from xxgk.web.rollup.selectors import draft_report, published_version
from xxgk.web.rollup.submission import approve, mark_published, return_report, submit

__all__ = [
    "MAX_FILE",
    "UNIT_ROLES",
    "advance_rectification",
    "approve",
    "correct_draft",
    "decide_finding",
    "draft_report",
    "generate_consolidated",
    "generate_notice",
    "inputs_for",
    "is_supervisor",
    "is_unit_staff",
    "mark_published",
    "ocr_job",
    "open_campaign",
    "parse_cell",
    "prepare_file",
    "prepare_from_published",
    "prepare_from_report",
    "published_version",
    "recheck",
    "recheck_campaign",
    "register_unit",
    "require_supervisor",
    "require_unit_or_supervisor",
    "return_report",
    "run_checks_on",
    "submit",
    "unread_cells",
]
