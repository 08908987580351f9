"""Refused calendar changes: a Chinese message for the user, English for logs, nothing written."""

from __future__ import annotations


class CalendarError(Exception):
    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
