"""Token format and digest: `xxgk_<prefix>_<secret>`; the prefix finds the row, the digest proves it."""

from __future__ import annotations

import hashlib
import hmac
import secrets

PREFIX_CHARS = 8


def new_token() -> tuple[str, str, str]:
    """(token shown once, prefix stored in clear, digest stored)."""
    prefix = secrets.token_hex(PREFIX_CHARS // 2)
    token = f"xxgk_{prefix}_{secrets.token_urlsafe(32)}"
    return token, prefix, digest_of(token)


def digest_of(token: str) -> str:
    # A random 256-bit secret needs no slow hash: SHA-256 cannot be brute-forced back to it.
    return hashlib.sha256(token.encode()).hexdigest()


def prefix_of(token: str) -> str | None:
    parts = token.split("_", 2)  # the secret itself may contain "_"
    if len(parts) != 3 or parts[0] != "xxgk" or len(parts[1]) != PREFIX_CHARS:
        return None
    return parts[1]


def matches(token: str, digest: str) -> bool:
    return hmac.compare_digest(digest_of(token), digest)
