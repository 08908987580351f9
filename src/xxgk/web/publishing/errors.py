"""Errors of the publishing app: each carries the Chinese message shown to the user; `str()`
stays English, for logs. Raised before anything is written."""

from __future__ import annotations


class PublishingError(Exception):
    """A refused write: nothing was written."""

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh


class TransitionRefused(PublishingError):
    """Not allowed in the publication's current state, by this user, or with this input."""


class StaleVersion(PublishingError):
    def __init__(self) -> None:
        super().__init__("stale version", "该信息已被他人修改，请刷新页面后再操作。")


class Blocked(PublishingError):
    """Pre-publication checks found blocking problems; `findings` says which."""

    def __init__(self, findings: list) -> None:
        super().__init__(
            "blocked by pre-publication checks",
            "发布前检查发现问题，须修改后再提交：" + "；".join(f.message_zh for f in findings),
        )
        self.findings = findings


class InvalidInput(PublishingError):
    """Bad input from a form or a file (wrong columns, unreadable workbook …)."""
