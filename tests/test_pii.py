"""Personal information detection: real ID numbers caught, look-alikes not."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from xxgk.pii import PiiKind, find_pii, id_check_char, is_id_number, luhn_ok, mask

# The GB 11643 example number (check character X) and one computed by hand:
# 11010519491231002: 1*7+1*9+0+1*5+0+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0+0+2*2 = 167, 167 % 11 = 2 → X
GB_EXAMPLE = "11010519491231002X"


def test_the_standards_example_is_an_id_number() -> None:
    assert id_check_char(GB_EXAMPLE[:17]) == "X"
    assert is_id_number(GB_EXAMPLE)
    assert is_id_number(GB_EXAMPLE.lower())


def test_a_wrong_check_character_or_date_is_not() -> None:
    assert not is_id_number("110105194912310021")
    assert not is_id_number("110105194902300027")  # 30 February


def test_id_number_in_text_is_found_and_masked() -> None:
    [match] = find_pii(f"申请人王某，身份证号{GB_EXAMPLE}，住址略。")
    assert match.kind == PiiKind.ID_NUMBER
    assert match.masked == "110***********002X"


_births = st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31))


@given(region=st.integers(110000, 659999), born=_births, seq=st.integers(0, 999))
def test_every_valid_id_number_is_caught(region: int, born: date, seq: int) -> None:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    number = first17 + id_check_char(first17)
    assert [m.kind for m in find_pii(f"号码：{number}。")] == [PiiKind.ID_NUMBER]


@given(digits=st.text("0123456789", min_size=18, max_size=18).filter(lambda s: s[0] != "0"))
def test_random_18_digit_numbers_with_a_wrong_check_are_not_id_numbers(digits: str) -> None:
    wrong = digits[:17] + ("0" if id_check_char(digits[:17]) != "0" else "1")
    assert PiiKind.ID_NUMBER not in {m.kind for m in find_pii(f"编号{wrong}号")}


def test_mobile_numbers() -> None:
    kinds = [m.kind for m in find_pii("联系电话 13907951234，固定电话 0795-3202001，或 +86 139 0795 1234")]
    assert kinds == [PiiKind.MOBILE, PiiKind.MOBILE]
    assert not find_pii("金额 12345678901234 元")  # 14 digits: no mobile number inside


def test_bank_card_with_luhn() -> None:
    # 6222 0212 3456 7890 128: Luhn sum computed digit by digit from the right = 80.
    assert luhn_ok("6222021234567890128")
    assert [m.kind for m in find_pii("收款账号 6222 0212 3456 7890 128")] == [PiiKind.BANK_CARD]
    assert not find_pii("收款账号 6222 0212 3456 7890 127")


def test_mask_keeps_only_the_ends() -> None:
    assert mask("13907951234") == "139****1234"


def test_dates_and_document_numbers_are_not_personal_information() -> None:
    text = "宜府办发〔2026〕3号，2026年1月5日印发，统计数据 20260105 件"
    assert find_pii(text) == []


def test_consecutive_birth_dates_stay_valid() -> None:
    day = date(2000, 2, 28)
    for _ in range(3):
        first17 = f"360902{day:%Y%m%d}123"
        assert is_id_number(first17 + id_check_char(first17))
        day += timedelta(days=1)
