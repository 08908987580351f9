"""Tracking numbers and secrets of the public status page. Only the secret's hash is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

SECRET_BYTES = 12  # 96 random bits: not guessable within any throttle


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def new_number(today: date) -> str:
    """The date and six random digits: says nothing about how many cases an agency has."""
    return f"{today:%Y%m%d}{secrets.randbelow(10**6):06d}"


def hash_secret(secret: str) -> str:
    # A random 96-bit secret needs no slow hash: SHA-256 is enough against guessing.
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret_hash: str, secret: str) -> bool:
    return bool(secret_hash) and hmac.compare_digest(secret_hash, hash_secret(secret))
