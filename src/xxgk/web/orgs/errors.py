"""Access errors. Both are Django's own exceptions, so any view turns them into 404 / 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


class NotVisible(Http404):
    """The object belongs to an organisation the user may not see: answer as if it did not exist."""

    def __init__(self) -> None:
        super().__init__("未找到该对象，或您无权查看。")


class RoleRequired(PermissionDenied):
    """The user may see the organisation but lacks the role for this action."""

    def __init__(self, roles_zh: str) -> None:
        super().__init__(f"此操作需要「{roles_zh}」角色。")
