"""The client address behind trusted proxies, shared by every throttle."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from xxgk.web.ui.client_address import client_address


def _request(forwarded: str | None = None, remote: str = "10.0.0.2"):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_configuration_the_header_is_ignored(settings) -> None:
    settings.XXGK_TRUSTED_PROXY_HEADER = ""
    assert client_address(_request("203.0.113.9")) == "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # a forged first entry is not used
        (2, "1.2.3.4, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # fewer hops than proxies: not trusted
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_nth_address_from_the_right(settings, proxies: int, forwarded: str, expected: str) -> None:
    settings.XXGK_TRUSTED_PROXY_HEADER, settings.XXGK_TRUSTED_PROXIES = "X-Forwarded-For", proxies
    assert client_address(_request(forwarded)) == expected


def test_missing_header_falls_back_to_remote_addr(settings) -> None:
    settings.XXGK_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    assert client_address(_request(None)) == "10.0.0.2"
