"""Errors of the applications app: each carries the Chinese message shown to the user; `str()`
stays English, for logs (no personal data in either)."""

from __future__ import annotations


class ApplicationError(Exception):
    """A refused write: nothing was written."""

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh


class TransitionRefused(ApplicationError):
    """The transition is not allowed in the case's current state, or its input is unlawful."""


class StaleVersion(ApplicationError):
    """Someone else changed the case since the user loaded it (optimistic lock)."""

    def __init__(self) -> None:
        super().__init__("stale version", "本申请已被他人修改，请刷新页面查看最新情况后再操作。")


class InvalidInput(ApplicationError):
    """Bad input from a form (file too large, wrong date …)."""


class Throttled(ApplicationError):
    def __init__(self) -> None:
        super().__init__("too many attempts", "操作过于频繁，请稍后再试。")
