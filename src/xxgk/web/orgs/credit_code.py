"""统一社会信用代码 (GB 32100-2015): structure, check character, and a Django validator.

Layout of the 18 characters: 1 登记管理部门码, 2 机构类别码, 3–8 登记管理机关行政区划码,
9–17 主体标识码 (组织机构代码, GB 11714, itself ending in a check character), 18 校验码.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

# 31 characters: the digits and the capitals without I, O, Z, S, V (GB 32100-2015, table 1).
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, …

_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714-1997
_ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def normalise(code: str) -> str:
    """Strip blanks and upper-case, as staff type codes in either case."""
    return code.strip().replace(" ", "").upper()


def check_char(first17: str) -> str:
    """The 18th character for the 17 characters before it."""
    if len(first17) != 17 or any(char not in _VALUE for char in first17):
        raise ValueError(f"need 17 characters from the GB 32100 alphabet, got {first17!r}")
    total = sum(_VALUE[char] * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def organisation_code(first8: str) -> str:
    """A 9-character 组织机构代码 (GB 11714): the 8 body characters and their check character."""
    if len(first8) != 8 or any(char not in _ORG_CODE_ALPHABET for char in first8):
        raise ValueError(f"need 8 digits or capitals, got {first8!r}")
    total = sum(_ORG_CODE_ALPHABET.index(char) * w for char, w in zip(first8, _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return first8 + {10: "X", 11: "0"}.get(check, str(check))


def problem(code: str) -> str | None:
    """What is wrong with `code`, in Chinese, or None when it is a valid credit code."""
    code = normalise(code)
    if len(code) != 18:
        return f"统一社会信用代码应为18位，当前为{len(code)}位。"
    bad = sorted({char for char in code if char not in _VALUE})
    if bad:
        shown = "、".join(f"「{char}」" for char in bad)
        return f"统一社会信用代码含有不允许的字符{shown}（只允许数字和除 I、O、Z、S、V 以外的大写字母）。"
    if not code[2:8].isdigit():
        return "统一社会信用代码第3至8位应为登记管理机关行政区划码（6位数字）。"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：第18位应为「{expected}」，请核对。"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def validate_credit_code(value: str) -> None:
    """Django field validator."""
    message = problem(value)
    if message:
        raise ValidationError(message, code="invalid_credit_code")
