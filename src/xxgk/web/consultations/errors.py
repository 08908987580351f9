"""Errors of the consultations app: the applications app's error shape (Chinese message for the
user, English `str()` for logs), so the portal shows either app's refusal the same way."""

from xxgk.web.applications.errors import ApplicationError, InvalidInput, Throttled

__all__ = ["ApplicationError", "InvalidInput", "Stale", "Throttled"]


class Stale(ApplicationError):
    """Someone else changed the question since the user loaded it (optimistic lock)."""

    def __init__(self) -> None:
        super().__init__("stale version", "该咨询已被他人处理，请刷新页面查看最新情况后再操作。")
