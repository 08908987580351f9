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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction

from xxgk.deadlines import EventKind
from xxgk.fees import yuan

M = TypeVar("M", bound=models.Model)

SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0 O 1 I L
SECRET_LENGTH = 20  # 20 × log2(31) ≈ 99 random bits: not guessable within any throttle
SECRET_GROUP = 4
_SEPARATORS = re.compile(r"[\s\-_·.]+")


def new_secret() -> str:
    """A fresh secret, grouped for reading (K7QM-4XPA-…); `normalise_secret` undoes the grouping."""
    raw = "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))
    return "-".join(raw[i : i + SECRET_GROUP] for i in range(0, SECRET_LENGTH, SECRET_GROUP))


def insert_numbered(model: type[M], number: Callable[[], str], **fields: Any) -> M:
    """Insert a row of `model` under a freshly drawn `number()`, drawing again when the number is
    taken (inside the caller's transaction); a row of the same form token (`submission_key`)
    already there is re-raised as the IntegrityError it is, for the caller to return that row."""
    for _ in range(5):
        try:
            with transaction.atomic():
                return model._default_manager.create(number=number(), **fields)
        except IntegrityError:
            key = fields.get("submission_key")
            if key and model._default_manager.filter(submission_key=key).exists():
                raise
    raise RuntimeError(f"could not draw a free number for {model.__name__}")


def normalise_secret(secret: str) -> str:
    return _SEPARATORS.sub("", secret).upper()


def new_number(today: date) -> str:
    """The date and six random digits: says nothing about how many cases an agency has."""
    return f"{today:%Y%m%d}{secrets.randbelow(10**6):06d}"


def form_token_key(token: str) -> str:
    """What a record created by a public form keeps of the form's one-time token (`portal.once`)."""
    return hash_secret(f"form:{token}")


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


# --- what the status page shows of a case's notices ----------------------------------------------


@dataclass(frozen=True)
class Notice:
    """A notice the agency issued on a case, as the applicant reads it on the status page."""

    title: str
    issued_on: date
    facts: list[tuple[str, str]]  # label, value: what to do and by when, the amount, the new due date
    body: str = ""  # the letter's text, if the notice is a letter
    letter_id: int | None = None  # the issued letter's DOCX, downloadable with number and secret


PAUSED_ZH = "暂停计算中（征求意见、缴费期间不计入），恢复后顺延"


def notices_of(case: Any, due: date | None, paused: bool = False) -> list[Notice]:
    """Every notice of `case` in date order: 补正, 征求意见, 延期, 收费 (the reply is shown apart).

    `due`: the current reply due date (after extensions), shown with 征求意见 and 延期; `paused`:
    the period is stopped (no due date until it resumes)."""
    from xxgk.web.applications.models import LetterKind

    letters = [x for x in case.letters.all() if x.issued_on and x.kind != LetterKind.REPLY]
    events = list(case.events.all())
    fees = list(case.fees.all())
    by_kind: dict[str, list[Any]] = {}
    for letter in sorted(letters, key=lambda x: (x.issued_on, x.pk)):
        by_kind.setdefault(letter.kind, []).append(letter)
    due_text = "" if case.is_concluded else f"{due:%Y-%m-%d}" if due else PAUSED_ZH if paused else ""
    notices = [
        *_corrections(by_kind.get(LetterKind.CORRECTION, []), events),
        *_consultations(events, due_text),
        *_extensions(by_kind.get(LetterKind.EXTENSION, []), events, due_text),
        *_fees(by_kind.get(LetterKind.FEE, []), fees, case.organisation.fee_payment),
    ]
    return sorted(notices, key=lambda n: n.issued_on)


def _corrections(letters: list[Any], events: list[Any]) -> list[Notice]:
    requests = [e for e in events if e.kind == EventKind.CORRECTION_REQUESTED]
    return [
        Notice(
            letter.get_kind_display(),
            letter.issued_on,
            [("补正期限", f"{event.respond_by:%Y-%m-%d}前")] if event.respond_by else [],
            letter.body,
            letter.pk,
        )
        for letter, event in zip(letters, requests, strict=False)
    ]


def _consultations(events: list[Any], due_text: str) -> list[Notice]:
    facts = [("说明", "征求第三方意见所需时间不计算在答复期限内（第三十二条）")]
    if due_text:
        facts.append(("当前答复期限", due_text))
    return [Notice("征求第三方意见", e.on, facts) for e in events if e.kind == EventKind.CONSULTATION_STARTED]


def _extensions(letters: list[Any], events: list[Any], due_text: str) -> list[Notice]:
    extended = [e for e in events if e.kind == EventKind.EXTENDED]
    notices = []
    for letter, event in zip(letters, extended, strict=False):
        facts = [("延长期限", f"{event.days}个工作日")]
        if due_text:
            facts.append(("延长后的答复期限", due_text))
        notices.append(Notice(letter.get_kind_display(), letter.issued_on, facts, letter.body, letter.pk))
    return notices


def _fees(letters: list[Any], fees: list[Any], payment: str) -> list[Notice]:
    notices = []
    for letter, fee in zip(letters, sorted(fees, key=lambda f: f.pk), strict=False):
        facts = [
            ("金额", f"{yuan(fee.amount)}元"),
            (
                "计收方式",
                f"{fee.get_method_display()}（{fee.quantity}{'件' if fee.method == 'per_piece' else '页'}）",
            ),
            ("缴费期限", f"{fee.pay_by:%Y-%m-%d}前"),
        ]
        if payment:
            facts.append(("缴纳方式", payment))
        if fee.paid_on:
            facts.append(("缴费情况", f"已于{fee.paid_on:%Y-%m-%d}缴纳"))
        elif fee.unpaid_on:
            facts.append(("缴费情况", "逾期未缴纳"))
        notices.append(Notice(letter.get_kind_display(), letter.issued_on, facts, letter.body, letter.pk))
    return notices
