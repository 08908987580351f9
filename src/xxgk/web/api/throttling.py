"""Rate limits per token (when one is presented) or else per client address (ui.client_address, behind trusted proxies): a fixed window counter
in Django's cache (per process with the default local-memory cache; a shared cache makes it
global). Rates come from settings so that a deployment, or a test, can change them.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from xxgk.web.api.auth import token_from
from xxgk.web.ui.client_address import client_address

_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'60/min' → (60 requests, 60 seconds)."""
    count, _, period = rate.partition("/")
    return int(count), _PERIODS[period.strip()]


class ApiThrottle(BaseThrottle):
    def __init__(self) -> None:
        # ninja asks wait() right after allow_request() in the same thread.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        token = token_from(request)
        if token is not None:
            ident, rate = f"token:{token.pk}", settings.XXGK_API_RATE_TOKEN
        else:
            ident, rate = f"ip:{client_address(request)}", settings.XXGK_API_RATE_ANON
        limit, period = parse_rate(rate)
        now = time.time()
        window = int(now // period)
        key = f"xxgk-api-throttle:{ident}:{period}:{window}"
        cache.add(key, 0, timeout=period + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 1)
            used = 1
        self._local.wait = (window + 1) * period - now
        return used <= limit

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)
