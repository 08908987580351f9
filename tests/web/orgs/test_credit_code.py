"""统一社会信用代码 check character (GB 32100-2015)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from xxgk.web.orgs.credit_code import (
    ALPHABET,
    check_char,
    is_valid,
    organisation_code,
    problem,
    validate_credit_code,
)

# Published codes of well-known bodies.
REAL_CODES = ["914403001922038216", "91350100M000100Y43", "91110000100006485K", "9144030071526726XG"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_published_codes_are_valid(code: str) -> None:
    assert is_valid(code)


def test_lower_case_and_blanks_are_accepted() -> None:
    assert is_valid(" 91350100m000100y43 ")


@pytest.mark.parametrize("code", REAL_CODES)
def test_a_wrong_check_character_is_refused_with_the_expected_one(code: str) -> None:
    wrong = next(char for char in ALPHABET if char != code[-1])
    message = problem(code[:-1] + wrong)
    assert message is not None
    assert f"第18位应为「{code[-1]}」" in message


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("9135010", "应为18位"),
        ("91350100M000100YI3", "「I」"),
        ("9135A100M000100Y43", "行政区划码"),
    ],
)
def test_malformed_codes_are_explained(code: str, fragment: str) -> None:
    assert fragment in (problem(code) or "")


def test_validator_raises_a_django_validation_error() -> None:
    with pytest.raises(ValidationError, match="校验位错误"):
        validate_credit_code("914403001922038217")


def test_organisation_code_check_character() -> None:
    # 组织机构代码 of 华为技术有限公司, embedded in its credit code above.
    assert organisation_code("19220382") == "192203821"


FIRST17 = st.builds(
    lambda head, region, body: head + region + body,
    st.text(alphabet=ALPHABET, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=ALPHABET, min_size=9, max_size=9),
)


@given(first17=FIRST17)
def test_a_code_with_the_computed_check_character_always_validates(first17: str) -> None:
    assert is_valid(first17 + check_char(first17))


@given(first17=FIRST17)
def test_any_other_check_character_is_refused(first17: str) -> None:
    right = check_char(first17)
    assert all(not is_valid(first17 + char) for char in ALPHABET if char != right)
