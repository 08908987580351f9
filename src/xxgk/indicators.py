"""Indicators over the report tables: each declared once with its formula, shown as written here.

A rate is numerator ÷ denominator of table cells (blank cells count as 0, as in the identities).
A zero denominator gives no value (“—”), never an error; a rate whose denominator counts fewer
than `MIN_SAMPLE` applications or cases is shown with “样本不足” and left out of rankings and medians.
Counts (受理总数) have no sample rule.
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Literal, TypeVar

from xxgk.report import Report
from xxgk.template import GB2021, TOTAL

MIN_SAMPLE = 30
NO_VALUE = "—"
SMALL_SAMPLE = "样本不足"

Cell = tuple[str, str, str]  # (table, row, column)
Direction = Literal["higher", "lower", "none"]
# Whatever names a unit in a ranking (its name, a submission id …).
UnitKey = TypeVar("UnitKey", bound=Hashable)


def _t3(*rows: str) -> tuple[Cell, ...]:
    return tuple(("table3", row, TOTAL) for row in rows)


def _t4(column: str, *rows: str) -> tuple[Cell, ...]:
    return tuple(("table4", row, column) for row in rows)


def _t3_group(prefix: str) -> tuple[Cell, ...]:
    """The result rows of one group of table 三 (e.g. every `denied.*` row), from the template."""
    return _t3(*(row.key for row in GB2021.table3.rows if row.key.startswith(prefix + ".")))


_SUITS = ("suit_direct", "suit_after_review")
_ALL_T4 = ("review", *_SUITS)


@dataclass(frozen=True)
class Indicator:
    key: str
    name_zh: str
    # The formula as users read it; `numerator` / `denominator` are the same formula as cells.
    formula_zh: str
    numerator: tuple[Cell, ...]
    denominator: tuple[Cell, ...] = ()
    # Ranking order: a higher 实质公开率 ranks first, a higher 纠错率 last.
    direction: Direction = "none"

    @property
    def is_rate(self) -> bool:
        return bool(self.denominator)


_DECIDED = _t3(TOTAL)
INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "accepted",
        "受理总数",
        "本年新收申请数 + 上年结转申请数（表三总计列）",
        _t3("new", "carried_in"),
    ),
    Indicator(
        "disclosed_rate",
        "实质公开率",
        "（予以公开 + 部分公开）÷ 办理结果总计",
        _t3("granted", "partial"),
        _DECIDED,
        "higher",
    ),
    Indicator(
        "denied_rate",
        "不予公开率",
        "不予公开（8项之和）÷ 办理结果总计",
        _t3_group("denied"),
        _DECIDED,
        "lower",
    ),
    Indicator(
        "unavailable_rate",
        "无法提供率",
        "无法提供（3项之和）÷ 办理结果总计",
        _t3_group("unavailable"),
        _DECIDED,
        "lower",
    ),
    Indicator(
        "not_processed_rate",
        "不予处理率",
        "不予处理（5项之和）÷ 办理结果总计",
        _t3_group("not_processed"),
        _DECIDED,
        "lower",
    ),
    Indicator(
        "carried_out_rate",
        "结转率",
        "结转下年度继续办理 ÷（本年新收 + 上年结转）",
        _t3("carried_out"),
        _t3("new", "carried_in"),
        "lower",
    ),
    Indicator(
        "review_corrected_rate",
        "复议纠错率",
        "行政复议结果纠正 ÷（行政复议总计 − 尚未审结）",
        _t4("corrected", "review"),
        (*_t4(TOTAL, "review"), *_t4("pending", "review")),
        "lower",
    ),
    Indicator(
        "suit_corrected_rate",
        "诉讼纠错率",
        "行政诉讼结果纠正 ÷（行政诉讼总计 − 尚未审结）（未经复议直接起诉与复议后起诉合计）",
        _t4("corrected", *_SUITS),
        (*_t4(TOTAL, *_SUITS), *_t4("pending", *_SUITS)),
        "lower",
    ),
    Indicator(
        "corrected_rate",
        "综合纠错率",
        "（复议 + 诉讼）结果纠正 ÷（复议 + 诉讼 总计 − 尚未审结）",
        _t4("corrected", *_ALL_T4),
        (*_t4(TOTAL, *_ALL_T4), *_t4("pending", *_ALL_T4)),
        "lower",
    ),
    Indicator(
        "dispute_rate",
        "争议转化率",
        "（行政复议 + 行政诉讼）总计 ÷ 本年新收申请数",
        _t4(TOTAL, *_ALL_T4),
        _t3("new"),
        "lower",
    ),
)
BY_KEY: dict[str, Indicator] = {i.key: i for i in INDICATORS}
# Cells subtracted in a denominator (“总计 − 尚未审结”): the rest are added.
_SUBTRACTED = frozenset({"pending"})


@dataclass(frozen=True)
class Value:
    """One indicator of one report. `value` is a count, or a rate as a fraction (0.5 = 50%)."""

    indicator: Indicator
    value: Fraction | int | None
    numerator: int = 0
    denominator: int | None = None

    @property
    def small_sample(self) -> bool:
        return self.indicator.is_rate and self.denominator is not None and 0 < self.denominator < MIN_SAMPLE

    @property
    def rankable(self) -> bool:
        return self.value is not None and not self.small_sample

    def display(self) -> str:
        """As shown to users: “85.7%”, “—” for a zero denominator, “12.5%（样本不足）”."""
        if self.value is None:
            return NO_VALUE
        if not self.indicator.is_rate:
            return str(self.value)
        shown = percent(self.value)
        return f"{shown}（{SMALL_SAMPLE}）" if self.small_sample else shown


def percent(rate: Fraction | int, places: int = 1) -> str:
    quantum = Decimal(1).scaleb(-places)
    value = (Decimal(rate.numerator) * 100 / Decimal(rate.denominator)).quantize(quantum, ROUND_HALF_UP)
    return f"{value}%"


# A report, or its engine JSON as a dict (what the platform stores: no need to build the model).
Tables = Report | Mapping[str, Any]


def _cell(report: Tables, cell: Cell) -> int:
    table, row, column = cell
    data = report[table] if isinstance(report, Mapping) else report.table(table)
    value = data.get(row, {}).get(column)
    return int(value) if isinstance(value, int) else 0


def _signed_sum(report: Tables, cells: Iterable[Cell]) -> int:
    return sum(-_cell(report, c) if c[2] in _SUBTRACTED else _cell(report, c) for c in cells)


def compute(indicator: Indicator, report: Tables) -> Value:
    numerator = _signed_sum(report, indicator.numerator)
    if not indicator.is_rate:
        return Value(indicator, numerator, numerator)
    denominator = _signed_sum(report, indicator.denominator)
    if denominator <= 0:
        return Value(indicator, None, numerator, denominator)
    return Value(indicator, Fraction(numerator, denominator), numerator, denominator)


def compute_all(report: Tables) -> dict[str, Value]:
    return {i.key: compute(i, report) for i in INDICATORS}


def change(current: Value, previous: Value | None) -> str:
    """Year-over-year change as shown: counts in 件, rates in 百分点; “—” when either is missing."""
    if previous is None or current.value is None or previous.value is None:
        return NO_VALUE
    diff = current.value - previous.value
    if not current.indicator.is_rate:
        return f"{diff:+d}"
    points = (Decimal(diff.numerator) * 100 / Decimal(diff.denominator)).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )
    sign = "+" if points > 0 else ""
    return f"{sign}{points}个百分点"


def median(values: Iterable[Value]) -> Fraction | int | None:
    """The median over the values that can be compared (no value / 样本不足 left out)."""
    usable = [v.value for v in values if v.rankable and v.value is not None]
    if not usable:
        return None
    # typeshed's constrained TypeVar rejects a list mixing int and Fraction, which median() handles.
    result = statistics.median(usable)  # type: ignore[type-var]
    return result if isinstance(result, Fraction | int) else Fraction(result)


def display_number(indicator: Indicator, value: Fraction | int | None) -> str:
    if value is None:
        return NO_VALUE
    if indicator.is_rate:
        return percent(Fraction(value))
    return str(value) if value == int(value) else str(float(value))


def ranking(values: Mapping[UnitKey, Value]) -> dict[UnitKey, int]:
    """Rank per unit (1 = best, ties share a rank); units without a comparable value are unranked."""
    sample = next(iter(values.values()), None)
    if sample is None:
        return {}
    indicator = sample.indicator
    usable = {name: v.value for name, v in values.items() if v.rankable and v.value is not None}
    reverse = indicator.direction != "lower"
    first: dict[Fraction | int, int] = {}
    for position, value in enumerate(sorted(usable.values(), reverse=reverse), start=1):
        first.setdefault(value, position)
    return {name: first[value] for name, value in usable.items()}


@dataclass(frozen=True)
class Row:
    """One report's indicators, ready for a table or an export."""

    name: str
    year: int | None
    values: dict[str, Value]


def table(reports: Sequence[Report]) -> list[Row]:
    return [Row(r.organization or "（未读到机关名称）", r.year, compute_all(r)) for r in reports]


def outcome_mix(report: Tables) -> list[tuple[str, int]]:
    """The results of table 三 by group (予以公开, 部分公开, 不予公开 …), for the outcome chart.
    （六） is summed over its three rows and its one-row form (a report fills only one of them)."""
    groups: dict[str, int] = {}
    for row in GB2021.table3.rows:
        if row.is_result:
            label = _plain(row.group if "." in row.key else row.label)
            groups[label] = groups.get(label, 0) + _cell(report, ("table3", row.key, TOTAL))
    return list(groups.items())


def _plain(label: str | None) -> str:
    """“（三）不予公开” → “不予公开”; “（二）部分公开（区分处理的…）” → “部分公开”."""
    text = (label or "").split("）", 1)[-1]
    return text.split("（", 1)[0] or text
