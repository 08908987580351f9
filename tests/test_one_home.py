"""Each concept is defined in exactly one module (issue 18: one home per concept): legal periods
and dates, the total column, the cell key."""

from __future__ import annotations

import ast
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


# Keys named "total" that are not the template's total: the consultation counts' own sum and the
# API's page count.
OTHER_TOTALS = {"web/consultations/selectors.py", "web/api/routers/consultations.py", "web/api/listing.py"}


def _string_constants(path: Path, value: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == value]


def test_the_total_key_is_written_only_on_the_template() -> None:
    places = {
        str(path.relative_to(SRC))
        for path in _python_sources()
        if path.parent.name != "template" and _string_constants(path, "total")
    }
    assert places <= OTHER_TOTALS, sorted(places - OTHER_TOTALS)


# "table.row.column" assembled by hand (an f-string of three dotted parts) or split back.
HAND_MADE_KEY = re.compile(r"""f["']\{[^}]+\}\.\{[^}]+\}\.\{[^}]+\}["']|rpartition\(["']\.["']\)""")


def test_cell_keys_are_made_and_split_only_by_cellkey() -> None:
    places = [
        str(path.relative_to(SRC))
        for path in _python_sources()
        if HAND_MADE_KEY.search(path.read_text(encoding="utf-8"))
    ]
    assert places == ["template/model.py"]


VERSION_COMPARED = re.compile(r"\.version\s*!=|!=\s*\w*\.?version\b")


def test_versions_are_compared_only_by_the_lock_helper() -> None:
    """One optimistic lock (`web/locking.py`): no service compares a row's version itself."""
    places = [
        str(path.relative_to(SRC))
        for path in _python_sources()
        if VERSION_COMPARED.search(path.read_text(encoding="utf-8"))
    ]
    assert places == ["web/locking.py"]


def test_workflows_are_declared_in_one_shape() -> None:
    """Cases, publications and submissions declare their transitions as `statemachine.Transition`
    rows in their app's `transitions.py`; no second shape and no state checks scattered in services."""
    defined = [
        str(path.relative_to(SRC))
        for path in _python_sources()
        if re.search(r"^class Transition\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert defined == ["web/statemachine.py"]
    for app in ("applications", "publishing", "rollup"):
        assert "statemachine import Transition" in (SRC / "web" / app / "transitions.py").read_text(
            encoding="utf-8"
        )
    scattered = [
        str(p.relative_to(SRC))
        for p in _python_sources()
        if "_require_state(" in p.read_text(encoding="utf-8")
    ]
    assert scattered == []


# Module names that said too little: "checks" meant four things, "actions" held audit codes,
# "public" held the portal's reads.
VAGUE_MODULES = {"actions.py", "checks.py", "public.py"}


def test_web_modules_are_named_for_what_they_hold() -> None:
    vague = [str(p.relative_to(SRC)) for p in (SRC / "web").rglob("*.py") if p.name in VAGUE_MODULES]
    assert vague == []


def test_each_working_day_deadline_function_has_one_name() -> None:
    """A case's and a publication's deadlines return different things: no shared name."""
    names = [
        node.name
        for path in _python_sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name.endswith("deadline_of")
    ]
    assert sorted(names) == ["case_deadline_of", "publication_deadline_of"]


def test_no_test_file_imports_another() -> None:
    """Shared test code lives in `tests/support` and `tests/factories` (issue 18)."""
    tests = Path(__file__).parent
    importing = [
        str(path.relative_to(tests))
        for path in tests.rglob("test_*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1].startswith("test_")
    ]
    assert importing == []
