"""Errors of the rollup app: a Chinese message for the user, nothing half-written behind it."""

from __future__ import annotations


class RollupError(Exception):
    """A refused action (wrong status, missing reason, unreadable file …)."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


class StaleVersion(RollupError):
    """Someone else changed the record since the page was loaded (optimistic locking)."""

    def __init__(self) -> None:
        super().__init__("该记录已被他人修改，请刷新页面后重试。")
