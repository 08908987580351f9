"""Indicators on hand-computed reports, zero denominators, small samples, ranking, medians, changes."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from xxgk import indicators
from xxgk.report import Report


def report(**cells: int) -> Report:
    """A report with the given cells ("table3__granted__total"=3 …); every other cell blank."""
    tables: dict[str, dict[str, dict[str, int]]] = {"table2": {}, "table3": {}, "table4": {}}
    for name, value in cells.items():
        table, row, col = name.split("__")
        tables[table].setdefault(row.replace("_DOT_", "."), {})[col] = value
    return Report(year=2025, **tables)


# 40 new + 10 carried in = 50 accepted; of 45 decided: 20 granted, 7 partial, 9 denied (4+5),
# 3 unavailable, 6 not processed; 5 carried out. Reviews: 6 total, 1 pending, 2 corrected.
# Suits: direct 3 total (1 corrected), after review 2 total (1 pending, 0 corrected).
HAND = report(
    table3__new__total=40,
    table3__carried_in__total=10,
    table3__granted__total=20,
    table3__partial__total=7,
    table3__denied_DOT_state_secret__total=4,
    table3__denied_DOT_third_party__total=5,
    table3__unavailable_DOT_not_held__total=3,
    table3__not_processed_DOT_repeat__total=6,
    table3__total__total=45,
    table3__carried_out__total=5,
    table4__review__total=6,
    table4__review__pending=1,
    table4__review__corrected=2,
    table4__suit_direct__total=3,
    table4__suit_direct__corrected=1,
    table4__suit_after_review__total=2,
    table4__suit_after_review__pending=1,
)


def value(key: str, r: Report = HAND) -> indicators.Value:
    return indicators.compute(indicators.BY_KEY[key], r)


def test_every_indicator_on_a_hand_computed_report() -> None:
    assert value("accepted").value == 50
    assert value("disclosed_rate").value == Fraction(27, 45)
    assert value("denied_rate").value == Fraction(9, 45)
    assert value("unavailable_rate").value == Fraction(3, 45)
    assert value("not_processed_rate").value == Fraction(6, 45)
    assert value("carried_out_rate").value == Fraction(5, 50)
    assert value("review_corrected_rate").value == Fraction(2, 5)
    assert value("suit_corrected_rate").value == Fraction(1, 4)
    assert value("corrected_rate").value == Fraction(3, 9)
    assert value("dispute_rate").value == Fraction(11, 40)


def test_display_rounds_to_one_decimal_and_marks_small_samples() -> None:
    assert value("disclosed_rate").display() == "60.0%"
    assert value("carried_out_rate").display() == "10.0%"
    assert value("review_corrected_rate").display() == "40.0%（样本不足）"
    assert value("accepted").display() == "50"


def test_zero_denominators_show_a_dash_never_an_error() -> None:
    empty = Report(year=2025)
    for indicator in indicators.INDICATORS:
        shown = indicators.compute(indicator, empty)
        if indicator.is_rate:
            assert shown.value is None and shown.display() == "—", indicator.key
            assert not shown.rankable
    # pending cases only: the decided count (总计 − 尚未审结) is 0
    only_pending = report(table4__review__total=2, table4__review__pending=2)
    assert value("review_corrected_rate", only_pending).display() == "—"


def test_thirty_applications_are_enough_twenty_nine_are_not() -> None:
    enough = report(table3__granted__total=15, table3__total__total=30)
    short = report(table3__granted__total=15, table3__total__total=29)
    assert not value("disclosed_rate", enough).small_sample
    assert value("disclosed_rate", short).small_sample
    assert value("disclosed_rate", short).display() == "51.7%（样本不足）"


def test_ranking_leaves_small_samples_out_and_shares_ties() -> None:
    a = report(table3__granted__total=30, table3__total__total=40)  # 75%
    b = report(table3__granted__total=60, table3__total__total=80)  # 75%
    c = report(table3__granted__total=20, table3__total__total=40)  # 50%
    d = report(table3__granted__total=9, table3__total__total=10)  # 90%, too few
    values = {name: value("disclosed_rate", r) for name, r in {"a": a, "b": b, "c": c, "d": d}.items()}
    assert indicators.ranking(values) == {"a": 1, "b": 1, "c": 3}
    # for a rate where lower is better the order turns round
    denied = {
        "x": value("denied_rate", report(table3__denied_DOT_inquiry__total=4, table3__total__total=40)),
        "y": value("denied_rate", report(table3__denied_DOT_inquiry__total=1, table3__total__total=40)),
    }
    assert indicators.ranking(denied) == {"y": 1, "x": 2}


def test_median_over_comparable_values_only() -> None:
    rates = [report(table3__granted__total=g, table3__total__total=40) for g in (10, 20, 30, 40)]
    too_few = report(table3__granted__total=1, table3__total__total=2)
    values = [value("disclosed_rate", r) for r in [*rates, too_few, Report(year=2025)]]
    assert indicators.median(values) == Fraction(25, 40)
    assert (
        indicators.display_number(indicators.BY_KEY["disclosed_rate"], indicators.median(values)) == "62.5%"
    )
    assert indicators.median([]) is None


def test_year_over_year_change_in_points_and_counts() -> None:
    before = report(table3__granted__total=20, table3__total__total=40, table3__new__total=30)
    now = report(table3__granted__total=33, table3__total__total=60, table3__new__total=45)
    assert indicators.change(value("disclosed_rate", now), value("disclosed_rate", before)) == "+5.0个百分点"
    assert indicators.change(value("accepted", now), value("accepted", before)) == "+15"
    assert indicators.change(value("accepted", now), None) == "—"
    assert (
        indicators.change(value("review_corrected_rate", now), value("review_corrected_rate", before)) == "—"
    )


def test_outcome_mix_groups_table_three_and_counts_both_other_forms() -> None:
    mix = dict(indicators.outcome_mix(HAND))
    assert mix["予以公开"] == 20 and mix["部分公开"] == 7 and mix["不予公开"] == 9
    assert mix["无法提供"] == 3 and mix["不予处理"] == 6 and mix["其他处理"] == 0
    short = Report(year=2025, other_row="short", table3={"other": {"total": 4}})
    assert dict(indicators.outcome_mix(short))["其他处理"] == 4


@given(
    granted=st.integers(0, 500),
    partial=st.integers(0, 500),
    rest=st.integers(0, 500),
)
def test_disclosed_rate_is_the_share_of_decided(granted: int, partial: int, rest: int) -> None:
    total = granted + partial + rest
    r = report(
        table3__granted__total=granted,
        table3__partial__total=partial,
        table3__denied_DOT_inquiry__total=rest,
        table3__total__total=total,
    )
    shown = value("disclosed_rate", r)
    if total == 0:
        assert shown.value is None
    else:
        assert shown.value == Fraction(granted + partial, total)
        assert 0 <= shown.value <= 1
        assert shown.small_sample == (total < indicators.MIN_SAMPLE)


def test_the_engine_json_gives_the_same_values_as_the_model() -> None:
    stored = HAND.model_dump(mode="json")
    assert {k: v.value for k, v in indicators.compute_all(stored).items()} == {
        k: v.value for k, v in indicators.compute_all(HAND).items()
    }
