"""Tracking numbers and secrets of the public status page. Only the secret's hash is stored.

A secret is read aloud over the telephone and copied by hand, so its alphabet leaves out the
characters people confuse (0/O, 1/I/L) and the `-`/`_` of URL-safe tokens, and it is shown in
groups of four. It is accepted with or without the separators, in either case.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import date

SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0 O 1 I L
SECRET_LENGTH = 20  # 20 × log2(31) ≈ 99 random bits: not guessable within any throttle
SECRET_GROUP = 4
_SEPARATORS = re.compile(r"[\s\-_·.]+")


def new_secret() -> str:
    """A fresh secret, grouped for reading (K7QM-4XPA-…); `normalise_secret` undoes the grouping."""
    raw = "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))
    return "-".join(raw[i : i + SECRET_GROUP] for i in range(0, SECRET_LENGTH, SECRET_GROUP))


def normalise_secret(secret: str) -> str:
    return _SEPARATORS.sub("", secret).upper()


def new_number(today: date) -> str:
    """The date and six random digits: says nothing about how many cases an agency has."""
    return f"{today:%Y%m%d}{secrets.randbelow(10**6):06d}"


def hash_secret(secret: str) -> str:
    """The hash kept for `secret` (of its normalised form).

    A random ~99-bit secret needs no slow hash: SHA-256 is enough against guessing."""
    return _sha256(normalise_secret(secret))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def secret_matches(secret_hash: str, secret: str) -> bool:
    """True if `secret` is the case's secret, typed with or without separators, in either case.

    Secrets issued before the grouped alphabet (URL-safe, case-sensitive) were hashed as typed:
    the exact text is tried as well, so they keep working."""
    if not secret_hash:
        return False
    exact = hmac.compare_digest(secret_hash, _sha256(secret.strip()))
    return hmac.compare_digest(secret_hash, hash_secret(secret)) or exact
