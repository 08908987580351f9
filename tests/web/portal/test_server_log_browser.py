"""The server log of a browser run holds no stack trace: refused requests (403, 404, 405) are
logged as one line each, through the handler the settings configure, on the live server too."""

from __future__ import annotations

import io
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings

from support.browser import fill_application, log_in, track

pytestmark = pytest.mark.browser


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """What the configured console handler writes while the test runs (its stream swapped).
    The settings' logging is applied afresh, whatever an earlier test in this process changed."""
    logging.config.dictConfig(settings.LOGGING)
    handlers = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert handlers, "the settings configure a console handler on the root logger"
    buffer = io.StringIO()
    previous = [h.setStream(buffer) for h in handlers]
    yield buffer
    for handler, stream in zip(handlers, previous, strict=True):
        handler.setStream(stream)


def test_a_browser_run_logs_refusals_without_a_traceback(
    staff_site: Any, browser_page: Any, demo: Any, server_log: io.StringIO, capfd: pytest.CaptureFixture[str]
) -> None:
    base, page = staff_site.url, browser_page
    fill_application(page, base)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_selector("#tracking-number")
    number = page.locator("#tracking-number").inner_text()
    secret = page.locator("#tracking-secret").inner_text()
    assert "待确认收到" in track(page, base, number, secret)
    assert page.goto(f"{base}/no-such-page/").status == 404
    assert page.goto(f"{base}/apply/track/letter/").status == 405
    log_in(page, base, "zwgk_jiandu", demo.password)  # the supervisor: reads, registers nothing
    assert page.goto(f"{base}/staff/applications/new/").status == 403
    log = server_log.getvalue()
    assert (
        "Forbidden" in log and "Not Found" in log and "Method Not Allowed" in log
    )  # the refusals were logged, as one line each
    stderr = capfd.readouterr().err
    assert "Traceback" not in log and "Traceback" not in stderr
