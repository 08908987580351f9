"""Errors of the annual report's writes, each with its Chinese message."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from xxgk.findings import Finding


class EditConflict(ValidationError):
    """Someone saved since the editor read the page (optimistic lock)."""

    def __init__(self) -> None:
        super().__init__("内容已被他人修改，请刷新页面后重新填写。")


class PublishBlocked(ValidationError):
    """The checks found errors and no approver gave a reason to publish anyway."""

    def __init__(self, errors: list[Finding]) -> None:
        self.errors_found = errors
        super().__init__(
            f"核查发现{len(errors)}项错误，不能发布；请修正后再发布，或由签发人填写理由后带错误发布。"
        )
