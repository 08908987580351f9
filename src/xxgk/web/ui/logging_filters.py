"""Logging filters: a refused request (4xx) is logged as one line, never with a stack trace.

Django's request handler attaches the exception (PermissionDenied, Http404, BadRequest, …) to the
log record of a 4xx response, so every 403 printed a full traceback to the server log. Those are
the expected answers to bad URLs and missing rights, not faults: the status line is enough.
Server errors (5xx) keep their traceback.
"""

from __future__ import annotations

import logging


class ClientErrorWithoutStack(logging.Filter):
    """Drops the exception info from records of responses with a status below 500."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
