"""The case history (办理记录) reads in Chinese: field names, states and outcomes by their labels,
never the codes stored in the audit payload (issue 17)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from factories.applications import CALLS, Staff, fresh

pytestmark = pytest.mark.django_db


def _history(page: str) -> str:
    return page[page.index("办理记录") :]


def test_case_history_shows_chinese_labels_and_no_codes(staff: Staff) -> None:
    case = staff.register()
    for name in ("assign_handler", "request_correction", "receive_correction", "draft_reply"):
        CALLS[name](staff, fresh(case))
    client = Client()
    client.force_login(staff.handler)
    history = _history(client.get(reverse("applications:detail", args=[case.pk])).content.decode())
    # States as models.State labels them, the outcome as the 2021 template names "granted".
    for label in ("状态：", "办理中", "待补正", "答复已拟稿", "承办人", "拟定办理结果", "予以公开"):
        assert label in history, label
    for code in ("registered", "awaiting_correction", "drafted", "proposed_outcome", "handler：", "granted"):
        assert code not in history, code
    assert not re.search(r"\bstate\b", history)


def test_audit_log_page_shows_the_same_labels(staff: Staff) -> None:
    case = staff.register()
    CALLS["request_correction"](staff, fresh(case))
    client = Client()
    client.force_login(staff.handler)
    page = client.get(reverse("audit:list")).content.decode()
    assert "办理中" in page and "待补正" in page
    assert "awaiting_correction" not in page


def test_keys_that_are_not_fields_have_declared_labels(staff: Staff) -> None:
    from xxgk.web.audit.labels import labelled

    assert labelled("applications.letter", "letter_version", 1, 2) == ("告知书版本", 1, 2)
    assert labelled("applications.calendaroverride", "is_workday", None, True) == ("是否工作日", None, "是")
    assert labelled("applications.application", "channel", None, "letter") == ("申请渠道", None, "信函")
    assert labelled("applications.application", "attachments", None, 2) == ("申请附件", None, 2)
