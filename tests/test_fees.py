"""信息处理费 (国办函〔2020〕109号 第四条、第五条): marginal bands, hand-computed amounts, properties."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.fees import FeeMethod, fee_by_pages, fee_by_pieces

PIECES = {0: 0, 1: 0, 10: 0, 11: 100, 30: 2000, 31: 2200, 35: 3000, 40: 4000, 41: 4300, 50: 7000, 51: 7400}
PAGES = {0: 0, 30: 0, 31: 10, 100: 700, 101: 720, 200: 2700, 201: 2740, 250: 4700}


@pytest.mark.parametrize("pieces,amount", PIECES.items())
def test_per_piece_scale(pieces, amount):
    assert fee_by_pieces(pieces).amount == Decimal(amount)


@pytest.mark.parametrize("pages,amount", PAGES.items())
def test_per_page_scale(pages, amount):
    assert fee_by_pages(pages).amount == Decimal(amount)


def test_per_piece_breakdown_lines():
    quote = fee_by_pieces(45)
    assert quote.method is FeeMethod.PER_PIECE
    assert quote.breakdown_zh() == [
        "按件计收（《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条，超额累进）",
        "同一申请人本自然月累计第1—45件",
        "第1—10件，共10件，不收费",
        "第11—30件，共20件 × 100元/件 = 2000元",
        "第31—40件，共10件 × 200元/件 = 2000元",
        "第41—45件，共5件 × 300元/件 = 1500元",
        "合计：5500元",
    ]


def test_per_page_breakdown_lines():
    lines = fee_by_pages(250).breakdown_zh()
    assert lines[2:] == [
        "第1—30页，共30页，不收费",
        "第31—100页，共70页 × 10元/页 = 700元",
        "第101—200页，共100页 × 20元/页 = 2000元",
        "第201—250页，共50页 × 40元/页 = 2000元",
        "合计：4700元",
    ]


def test_earlier_pieces_of_the_month_move_the_new_ones_up_the_scale():
    quote = fee_by_pieces(5, earlier_this_month=28)
    assert quote.amount == Decimal(2 * 100 + 3 * 200)
    assert quote.breakdown_zh()[1] == "同一申请人本自然月累计第29—33件"


def test_negative_quantities_are_refused():
    with pytest.raises(ValueError):
        fee_by_pages(-1)
    with pytest.raises(ValueError):
        fee_by_pieces(1, earlier_this_month=-1)


quantities = st.integers(min_value=0, max_value=2000)


@given(quantities, quantities)
def test_monotonic(a, b):
    low, high = sorted((a, b))
    assert fee_by_pieces(low).amount <= fee_by_pieces(high).amount
    assert fee_by_pages(low).amount <= fee_by_pages(high).amount


@given(quantities, quantities)
def test_marginal_pieces_add_up_across_the_month(a, b):
    assert (
        fee_by_pieces(a + b).amount == fee_by_pieces(a).amount + fee_by_pieces(b, earlier_this_month=a).amount
    )


@given(quantities)
def test_lines_sum_to_the_amount_and_cover_every_unit(n):
    for quote in (fee_by_pieces(n), fee_by_pages(n)):
        assert sum(line.amount for line in quote.lines) == quote.amount
        assert sum(line.count for line in quote.lines) == n


@given(st.integers(min_value=0, max_value=10))
def test_free_up_to_ten_pieces(n):
    assert fee_by_pieces(n).amount == 0


@given(st.integers(min_value=0, max_value=30))
def test_free_up_to_thirty_pages(n):
    assert fee_by_pages(n).amount == 0


@given(st.integers(min_value=31, max_value=2000))
def test_the_nth_piece_costs_its_band_rate(n):
    # 31–40 at 200, 41–50 at 300 …: the n-th piece costs 100 more per started band of 10 above 30.
    expected = 100 + 100 * ((n - 31) // 10 + 1)
    assert fee_by_pieces(1, earlier_this_month=n - 1).amount == Decimal(expected)
