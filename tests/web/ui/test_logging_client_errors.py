"""403/404/405 answers are logged without a stack trace; a 500 keeps its traceback."""

from __future__ import annotations

import io
import logging
import logging.config

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client

from xxgk.web.orgs.models import User


@pytest.fixture
def server_log():
    """The console handler of settings.LOGGING, writing into a buffer."""
    logging.config.dictConfig(settings.LOGGING)
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield buffer
    logger.setLevel(level)
    handler.setStream(previous)


@pytest.mark.django_db
def test_forbidden_and_not_found_log_one_line(server_log: io.StringIO) -> None:
    client = Client()
    assert client.get("/gk/999999/p/999999/").status_code == 404
    client.force_login(User.objects.create_user(username="nobody", password="x" * 12))
    assert client.get("/staff/applications/new/").status_code == 403
    text = server_log.getvalue()
    assert "Not Found" in text and "Forbidden" in text
    assert "Traceback" not in text


def test_filter_keeps_server_error_stack(server_log: io.StringIO) -> None:
    logger = logging.getLogger("django.request")
    for status in (403, 500):
        try:
            raise PermissionDenied("no")
        except PermissionDenied:
            logger.error("status %s", status, exc_info=True, extra={"status_code": status})
    text = server_log.getvalue()
    assert text.count("Traceback") == 1
    assert text.index("status 403") < text.index("status 500") < text.index("Traceback")
