"""Reading a corpus: each file read and checked in the process that reads it, as one process would."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk import corpus
from xxgk.checks.registry import run_checks
from xxgk.parse.detect import read_report_file

REPORTS = sorted(
    p
    for p in (Path(__file__).parent / "data" / "reports").iterdir()
    if p.suffix in {".txt", ".html", ".docx"}
)


@pytest.mark.parametrize("jobs", [1, 2])
def test_reports_read_in_parallel_carry_the_findings_of_their_checks(jobs: int) -> None:
    outcomes = list(corpus.read_many(REPORTS, jobs=jobs, checked=True))
    assert [o.path for o in outcomes] == [str(p) for p in REPORTS]
    checked_here = [run_checks(read_report_file(path)) for path in REPORTS]
    assert [o.report.findings if o.report else None for o in outcomes] == checked_here
    # The checks found something beyond what the readers found (else this would prove nothing).
    assert any(
        found != read_report_file(path).findings for path, found in zip(REPORTS, checked_here, strict=True)
    )


def test_unchecked_reports_carry_the_readers_findings_only() -> None:
    outcome = corpus.read_one(str(REPORTS[0]))
    assert outcome.report is not None
    assert outcome.report.findings == read_report_file(REPORTS[0]).findings


def test_bytes_sent_to_a_worker_are_read_and_refused_as_a_file_is(tmp_path: Path) -> None:
    data = REPORTS[0].read_bytes()
    sent = corpus.read_data(str(REPORTS[0]), data, checked=True)
    assert (
        sent.report is not None
        and sent.report.findings == corpus.read_one(str(REPORTS[0]), checked=True).report.findings
    )  # type: ignore[union-attr]
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01 not a report")
    assert corpus.read_data(str(junk), junk.read_bytes()).error_zh == corpus.read_one(str(junk)).error_zh
    assert corpus.read_data(str(junk), junk.read_bytes()).error_zh


def test_a_check_that_fails_costs_its_file_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import xxgk.checks.registry as registry

    def broken(_report: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(registry, "run_checks", broken)
    outcome = corpus.read_one(str(REPORTS[0]), checked=True)
    assert outcome.report is None and outcome.error_zh == corpus.READ_FAILED_ZH
