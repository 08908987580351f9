"""Public throttles: one bucket per real client behind the proxy; a correct secret always passes."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from xxgk.web.applications import throttle
from xxgk.web.applications.errors import Throttled

pytestmark = pytest.mark.django_db


def test_clients_behind_one_proxy_get_their_own_buckets(settings) -> None:
    settings.XXGK_TRUSTED_PROXY_HEADER, settings.XXGK_TRUSTED_PROXIES = "X-Forwarded-For", 1
    factory = RequestFactory()
    first = throttle.request_client(
        factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1")
    )
    second = throttle.request_client(
        factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    )
    assert first != second and "203.0.113" not in first
    for _ in range(throttle.LIMITS["submit"]):
        throttle.check("submit", first)
        throttle.note("submit", first)
    with pytest.raises(Throttled):
        throttle.check("submit", first)
    throttle.check("submit", second)


def test_a_correct_secret_passes_when_the_failure_bucket_is_full() -> None:
    client = throttle.client_key("203.0.113.5")
    for _ in range(throttle.LIMITS["track"]):
        throttle.lookup(client, found=False)
    with pytest.raises(Throttled):
        throttle.lookup(client, found=False)
    throttle.lookup(client, found=True)  # never refused, never counted
    with pytest.raises(Throttled):
        throttle.lookup(client, found=False)
