"""The address of the client behind the configured reverse proxies, for every throttle.

Behind a reverse proxy REMOTE_ADDR is the proxy's own address, so keying limits on it puts every
citizen in one bucket. With ``XXGK_TRUSTED_PROXY_HEADER`` (e.g. ``X-Forwarded-For``) and
``XXGK_TRUSTED_PROXIES`` (how many proxies in front of the application append to that header), the
client is the entry that the outermost trusted proxy appended: the N-th from the right. Entries left
of it were written by the client and could be forged, so they are never used.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address as text; REMOTE_ADDR when no proxy header is configured or usable."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    header = getattr(settings, "XXGK_TRUSTED_PROXY_HEADER", "")
    proxies = getattr(settings, "XXGK_TRUSTED_PROXIES", 1)
    if not header or proxies < 1:
        return remote
    raw = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    hops = [hop.strip() for hop in raw.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
