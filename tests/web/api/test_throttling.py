"""Rate limits per client IP and per token, answered with a clear JSON 429 and Retry-After."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client

from xxgk.web.demo import DemoContext


def test_anonymous_clients_are_limited_per_ip(api: Client, demo: DemoContext, settings: Any) -> None:
    settings.XXGK_API_RATE_ANON = "3/min"
    statuses = [api.get("/api/v1/agencies/tree").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/agencies/tree")
    body = response.json()
    assert body["code"] == "throttled"
    assert body["message"].startswith("请求过于频繁，请在 ")
    assert 1 <= int(response["Retry-After"]) <= 60 and body["retry_after"] == int(response["Retry-After"])
    other_ip = api.get("/api/v1/agencies/tree", REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200


def test_a_token_has_its_own_budget(
    api: Client, demo: DemoContext, settings: Any, token_of: Callable[..., dict[str, str]]
) -> None:
    settings.XXGK_API_RATE_ANON = "2/min"
    settings.XXGK_API_RATE_TOKEN = "4/min"
    headers = token_of("jgsw_chengban")
    assert [api.get("/api/v1/agencies/tree").status_code for _ in range(3)] == [200, 200, 429]
    with_token = [api.get("/api/v1/me", headers=headers).status_code for _ in range(5)]
    assert with_token == [200, 200, 200, 200, 429]


def test_behind_a_proxy_each_client_has_its_own_budget(api: Client, demo: DemoContext, settings: Any) -> None:
    settings.XXGK_API_RATE_ANON = "2/min"
    settings.XXGK_TRUSTED_PROXY_HEADER, settings.XXGK_TRUSTED_PROXIES = "X-Forwarded-For", 1
    first = [
        api.get("/api/v1/agencies/tree", HTTP_X_FORWARDED_FOR="203.0.113.21").status_code for _ in range(3)
    ]
    assert first == [200, 200, 429]
    # same proxy address (REMOTE_ADDR), another citizen: not throttled
    assert api.get("/api/v1/agencies/tree", HTTP_X_FORWARDED_FOR="203.0.113.22").status_code == 200
