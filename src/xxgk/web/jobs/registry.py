"""Kinds of background job: a code, a Chinese label and the function doing the work.

The function receives a `Progress` and the job's params, returns a JSON-able result, and must be
idempotent (a job may run again after a worker died or a retry). `Transient` errors are retried
with back-off; any other error fails the job at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Progress(Protocol):
    def __call__(self, done: int, total: int, step_zh: str = "") -> None: ...


class Transient(Exception):
    """A failure worth retrying (a locked file, a busy database); `message_zh` is shown."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


@dataclass(frozen=True)
class JobKind:
    code: str
    label_zh: str
    run: Callable[..., Any]


_KINDS: dict[str, JobKind] = {}


def define(code: str, label_zh: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator registering `run` as the work of job kind `code`."""

    def register(run: Callable[..., Any]) -> Callable[..., Any]:
        _KINDS[code] = JobKind(code, label_zh, run)
        return run

    return register


def get(code: str) -> JobKind:
    return _KINDS[code]


def label_of(code: str) -> str:
    kind = _KINDS.get(code)
    return kind.label_zh if kind else code


def all_kinds() -> list[JobKind]:
    return list(_KINDS.values())
