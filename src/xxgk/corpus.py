"""Reading many reports: files of a directory tree, in parallel processes, failures kept apart."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from xxgk.parse.detect import read_report, read_report_file
from xxgk.parse.errors import ReportReadError
from xxgk.report import Report

log = logging.getLogger(__name__)
# What a user reads when a reader fails unexpectedly; the exception goes to the log only.
READ_FAILED_ZH = "读取失败（程序内部错误，详情见日志），请报告此文件"
SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".docx", ".pdf", ".json", ".png", ".jpg", ".jpeg"}
)


@dataclass(frozen=True)
class Outcome:
    """One input: the report read from it, or why it could not be read (Chinese)."""

    path: str
    report: Report | None = None
    error_zh: str | None = None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, directories walked for report files, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            files.append(path)
    return files


def read_one(path: str, *, checked: bool = False) -> Outcome:
    """The file at `path` read; `checked`: its findings are those of `run_checks` (done here, in
    the worker, so that a parallel run does not check every report in the one process that
    collects them)."""
    return _outcome(path, lambda: read_report_file(Path(path)), checked)


def read_data(path: str, data: bytes, *, checked: bool = False) -> Outcome:
    """`read_one` of a file's bytes sent from elsewhere (a Celery worker's message)."""
    return _outcome(path, lambda: read_report(data, source=path), checked)


def _outcome(path: str, read: Callable[[], Report], checked: bool) -> Outcome:
    try:
        report = read()
        if checked:
            from xxgk.checks.registry import run_checks  # not needed by readers that do not check

            report.findings = run_checks(report)
        return Outcome(path, report=report)
    except ReportReadError as exc:
        return Outcome(path, error_zh=exc.message_zh)
    except (MemoryError, RecursionError):  # beyond what the bounds of parse/limits.py foresee
        return Outcome(path, error_zh="文件过大或结构嵌套过深，超出读取能力，无法读取")
    except Exception:  # one bad file must not stop a corpus run; the detail goes to the log only
        log.exception("reading a report failed: %s", path)
        return Outcome(path, error_zh=READ_FAILED_ZH)


def read_many(
    files: list[Path],
    *,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] | None = None,
    checked: bool = False,
) -> Iterator[Outcome]:
    """Outcomes in input order; `jobs` > 1 reads in that many processes; `checked`: as `read_one`."""
    names = [str(f) for f in files]
    read = partial(read_one, checked=checked)
    if jobs <= 1:
        results: Iterable[Outcome] = map(read, names)
        for outcome in results:
            if on_done:
                on_done(outcome)
            yield outcome
        return
    # Imported here: a single process (`xxgk check one.txt`) need not pay for them at start-up.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Workers start from a clean server process, not forked from this one: a fork copies whatever
    # threads hold locks here (OCR and database pools, a test runner), and a worker then hangs.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("forkserver")) as pool:
        for outcome in pool.map(read, names, chunksize=max(1, min(64, len(names) // (jobs * 8) or 1))):
            if on_done:
                on_done(outcome)
            yield outcome
