"""Each legal period and date is defined in exactly one module (issue 18: one home per concept)."""

from __future__ import annotations

import re
from pathlib import Path

import xxgk

SRC = Path(xxgk.__file__).parent
HOME = SRC / "deadlines.py"
# Working-day figures that are office practice, not law: how far ahead work lists and reminders look.
PRACTICE = {"REMINDER_WORKING_DAYS", "WORK_LIST_WORKING_DAYS"}
PERIOD = re.compile(r"^([A-Z_]*WORKING_DAYS)\s*=", re.M)
# A report's due day written as a date literal: date(year + 1, 1, 31) / (…, 3, 31).
REPORT_DUE = re.compile(r"date\(\s*\w+\s*\+\s*1\s*,\s*[13]\s*,\s*31\s*\)")


def _python_sources() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


def test_statutory_periods_live_in_deadlines() -> None:
    elsewhere = {
        f"{path.relative_to(SRC)}:{name}"
        for path in _python_sources()
        if path != HOME
        for name in PERIOD.findall(path.read_text(encoding="utf-8"))
        if name not in PRACTICE
    }
    assert elsewhere == set()
    assert {"REPLY_WORKING_DAYS", "CONSULTATION_WORKING_DAYS", "FEE_PAYMENT_WORKING_DAYS"} <= set(
        PERIOD.findall(HOME.read_text(encoding="utf-8"))
    )


def test_annual_report_due_date_is_written_once() -> None:
    places = [
        str(p.relative_to(SRC)) for p in _python_sources() if REPORT_DUE.search(p.read_text(encoding="utf-8"))
    ]
    assert places == ["deadlines.py"]
