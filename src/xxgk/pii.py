"""Personal information in text (个人信息保护法): 身份证号码 with the GB 11643 check character,
mobile numbers and bank card numbers with the Luhn check. Pure: no Django.

Only numbers that pass their check are reported, so an 18-digit 文号 serial or statistics
figure is not taken for an ID number; what is found is masked before anyone sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)")
_CARD = re.compile(r"(?<![\d-])[3-6](?:[ -]?\d){15,18}(?![\d-])")


class PiiKind(StrEnum):
    ID_NUMBER = "身份证号码"
    MOBILE = "手机号码"
    BANK_CARD = "银行卡号"


@dataclass(frozen=True)
class PiiMatch:
    kind: PiiKind
    start: int
    end: int
    masked: str


def id_check_char(first17: str) -> str:
    """The 18th character of a 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2)."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def is_id_number(text: str) -> bool:
    """An 18-character 公民身份号码 with a real birth date and the right check character."""
    if not re.fullmatch(r"[1-9]\d{16}[\dXx]", text):
        return False
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    return born.year >= 1900 and id_check_char(text[:17]) == text[17].upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def mask(text: str) -> str:
    """Keep the first 3 and last 4 characters (the form used on printed notices)."""
    return text[:3] + "*" * (len(text) - 7) + text[-4:] if len(text) > 7 else "*" * len(text)


def find_pii(text: str) -> list[PiiMatch]:
    """Every ID number, mobile number and bank card number in `text`, in order, masked."""
    found: list[PiiMatch] = []
    taken: list[range] = []

    def add(kind: PiiKind, start: int, end: int, value: str) -> None:
        if any(start < r.stop and r.start < end for r in taken):
            return
        taken.append(range(start, end))
        found.append(PiiMatch(kind, start, end, mask(value)))

    for m in _ID.finditer(text):
        if is_id_number(m.group()):
            add(PiiKind.ID_NUMBER, m.start(), m.end(), m.group())
    for m in _CARD.finditer(text):
        digits = re.sub(r"[ -]", "", m.group())
        if 16 <= len(digits) <= 19 and luhn_ok(digits):
            add(PiiKind.BANK_CARD, m.start(), m.end(), digits)
    for m in _MOBILE.finditer(text):
        add(PiiKind.MOBILE, m.start(1), m.end(1), re.sub(r"[ -]", "", m.group(1)))
    return sorted(found, key=lambda match: match.start)
