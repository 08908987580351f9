"""Intake limits: attachments by size, count and content; the public form's flood limit."""

from __future__ import annotations

import pytest

from factories.applications import PERSON
from xxgk.web.applications import services
from xxgk.web.applications.errors import InvalidInput, Throttled
from xxgk.web.applications.intake import ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, Upload, validate_uploads
from xxgk.web.applications.models import Application
from xxgk.web.applications.throttle import LIMITS

PDF = b"%PDF-1.7\n"


def test_attachment_limits() -> None:
    validate_uploads([Upload("a.pdf", "application/pdf", PDF)] * ATTACHMENT_MAX_FILES)
    with pytest.raises(InvalidInput, match="too many"):
        validate_uploads([Upload("a.pdf", "application/pdf", PDF)] * (ATTACHMENT_MAX_FILES + 1))
    with pytest.raises(InvalidInput) as large:
        validate_uploads([Upload("大.pdf", "application/pdf", PDF + b"0" * ATTACHMENT_MAX_BYTES)])
    assert "超过 10 MB" in large.value.message_zh
    with pytest.raises(InvalidInput) as renamed:
        validate_uploads([Upload("x.png", "image/png", PDF)])  # a PDF named .png
    assert "类型不支持" in renamed.value.message_zh
    with pytest.raises(InvalidInput):
        validate_uploads([Upload("run.exe", "application/octet-stream", b"MZ")])


@pytest.mark.django_db
def test_public_submissions_are_limited_per_client(staff) -> None:
    for _ in range(LIMITS["submit"]):
        services.submit_online(organisation=staff.org, data=PERSON, client="one-client")
    with pytest.raises(Throttled):
        services.submit_online(organisation=staff.org, data=PERSON, client="one-client")
    services.submit_online(organisation=staff.org, data=PERSON, client="another-client")
    assert Application.objects.count() == LIMITS["submit"] + 1
