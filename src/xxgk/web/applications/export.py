"""XLSX export of a case list; personal data masked unless the user is staff of the handling agency."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font

from xxgk.render.spreadsheet_text import safe_row
from xxgk.web.applications import audit_codes
from xxgk.web.applications.masking import mask, may_see_personal
from xxgk.web.applications.models import Application
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor

# (header, attribute or callable, personal field name or None)
_COLUMNS: tuple[tuple[str, Any, str | None], ...] = (
    ("受理编号", "number", None),
    ("承办机关", lambda c: c.organisation.name, None),
    ("申请渠道", lambda c: c.get_channel_display(), None),
    ("申请人类型", lambda c: c.get_applicant_kind_display(), None),
    ("申请人姓名或名称", "name", "name"),
    ("身份证明号码", "id_number", "id_number"),
    ("联系电话", "phone", "phone"),
    ("电子邮箱", "email", "email"),
    ("收到申请日期", "received_on", None),
    ("状态", lambda c: c.get_state_display(), None),
    ("答复期限", lambda c: f"{c.due_on}{'（暂定）' if c.due_provisional else ''}" if c.due_on else "", None),
    ("办理结果", lambda c: c.get_outcome_display(), None),
    ("办结日期", "concluded_on", None),
    ("承办人", lambda c: str(c.handler) if c.handler else "", None),
)


def _value(case: Application, getter: Any) -> Any:
    value = getter(case) if callable(getter) else getattr(case, getter)
    return "" if value is None else value


def cases_xlsx(*, user: Actor, cases: Iterable[Application]) -> bytes:
    """The cases as one sheet; records an audit event (count only)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "政府信息公开申请"
    sheet.append([header for header, _, _ in _COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    visible: dict[int, bool] = {}
    count = 0
    for case in cases:
        if case.organisation_id not in visible:
            visible[case.organisation_id] = may_see_personal(user, case.organisation)
        row = []
        for _, getter, personal in _COLUMNS:
            value = _value(case, getter)
            if personal and not visible[case.organisation_id]:
                value = mask(personal, str(value))
            row.append(value)
        sheet.append(safe_row(row))
        count += 1
    for column, width in zip(
        "ABCDEFGHIJKLMN", (18, 24, 10, 16, 14, 22, 14, 22, 12, 12, 16, 30, 12, 12), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    with transaction.atomic():
        record(
            actor=user,
            action=audit_codes.EXPORT,
            object_type="applications.application",
            after={"count": count},
        )
    return buffer.getvalue()
