"""Reading report files on Celery workers, for `xxgk extract --workers celery`. No Django, no
database: files travel in the message (so workers on other machines need no shared disk) and
the reports come back as the engine's JSON, collected in input order like `--jobs N`.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from xxgk.corpus import Outcome, read_data
from xxgk.web.jobs.celery_app import app

# Files per task: enough to amortise a message's round trip, few enough to spread over workers.
CHUNK_FILES = 8
CHUNK_BYTES = 4 * 1024 * 1024


class NoWorkers(RuntimeError):
    """No broker configured, or no worker answering on the queue; `message_zh` says which."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


@app.task(name="xxgk.engine.read_reports", acks_late=True)
def read_reports(files: list[tuple[str, str]], checked: bool = False) -> list[dict[str, Any]]:
    """[(path, base64 bytes)] → one outcome dict per file, in the same order (`checked`: as
    `corpus.read_one`)."""
    return [_outcome_dict(read_data(path, base64.b64decode(data), checked=checked)) for path, data in files]


def _outcome_dict(outcome: Outcome) -> dict[str, Any]:
    report = outcome.report.model_dump(mode="json") if outcome.report is not None else None
    return {"path": outcome.path, "report": report, "error_zh": outcome.error_zh}


def _outcome(data: dict[str, Any]) -> Outcome:
    from xxgk.report import Report

    report = Report.model_validate(data["report"]) if data["report"] is not None else None
    return Outcome(data["path"], report=report, error_zh=data["error_zh"])


def _chunks(files: list[Path]) -> Iterator[list[Path]]:
    chunk: list[Path] = []
    size = 0
    for path in files:
        length = path.stat().st_size
        if chunk and (len(chunk) >= CHUNK_FILES or size + length > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(path)
        size += length
    if chunk:
        yield chunk


def _message(chunk: list[Path]) -> list[tuple[str, str]]:
    return [(str(path), base64.b64encode(path.read_bytes()).decode("ascii")) for path in chunk]


def read_on_workers(
    files: list[Path],
    *,
    queue: str,
    on_done: Callable[[Outcome], None] | None = None,
    checked: bool = False,
    timeout: float = 3600,
) -> Iterator[Outcome]:
    """Outcomes in input order, read (and `checked`) by whatever workers listen on `queue`."""
    if app.conf.task_always_eager:
        raise NoWorkers(
            "未配置 Celery 消息队列：请设置 XXGK_CELERY_BROKER_URL（例如 redis://127.0.0.1:6379/0）"
        )
    listening = app.control.inspect(timeout=1.0).active_queues() or {}
    if not any(q["name"] == queue for queues in listening.values() for q in queues):
        raise NoWorkers(f"没有 Celery worker 在队列 {queue} 上运行：请先在一台或多台机器上运行 xxgk worker")
    pending = [
        read_reports.apply_async(args=[_message(chunk), checked], queue=queue) for chunk in _chunks(files)
    ]
    for result in pending:
        for data in result.get(timeout=timeout):
            outcome = _outcome(data)
            if on_done:
                on_done(outcome)
            yield outcome
        result.forget()
