"""信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), in 元, with a breakdown.

第三条: the fee is charged 按件计收 or 按量计收, both 超额累进 (each band's rate applies only
to the part inside that band); for each application the agency chooses ONE method and may not
charge under both. Which method fits is the agency's call on the facts (按量计收 is for paper
copies, e-mail, copied electronic data, 第五条), so this module computes either and chooses
neither. Whether to charge at all (条例第四十二条: only when quantity or frequency clearly exceed
a reasonable range) and any 减免 are decided elsewhere.

第四条 按件计收, per applicant per natural month, cumulative: 1–10 free; 11–30 at 100元/件;
from 31 on, bands of 10 件, each band 100元/件 dearer than the one before (31–40 at 200, 41–50
at 300 …). 第五条 按量计收, per application: 1–30 页 free; 31–100 at 10元/页; 101–200 at
20元/页; from 201 at 40元/页.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

BASIS_ZH = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class FeeMethod(StrEnum):
    PER_PIECE = "按件计收"
    PER_PAGE = "按量计收"


@dataclass(frozen=True)
class Band:
    """Units `first`..`last` (inclusive; `last` None = no upper end) at `rate` 元 each."""

    first: int
    last: int | None
    rate: Decimal


PIECES_FREE = 10
PIECES_FIRST_PAID_LAST = 30
PIECES_BAND_SIZE = 10
PIECES_STEP = Decimal(100)

PAGE_BANDS: tuple[Band, ...] = (
    Band(1, 30, Decimal(0)),
    Band(31, 100, Decimal(10)),
    Band(101, 200, Decimal(20)),
    Band(201, None, Decimal(40)),
)


def _piece_bands() -> Iterator[Band]:
    """第四条's bands, without end: 1–10 free, 11–30 at 100, then 10 件 per band, +100 each."""
    yield Band(1, PIECES_FREE, Decimal(0))
    yield Band(PIECES_FREE + 1, PIECES_FIRST_PAID_LAST, PIECES_STEP)
    first, rate = PIECES_FIRST_PAID_LAST + 1, 2 * PIECES_STEP
    while True:
        yield Band(first, first + PIECES_BAND_SIZE - 1, rate)
        first, rate = first + PIECES_BAND_SIZE, rate + PIECES_STEP


@dataclass(frozen=True)
class FeeLine:
    """The part of the quantity that falls in one band."""

    first: int
    last: int
    rate: Decimal
    unit: str

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def amount(self) -> Decimal:
        return self.rate * self.count

    def describe_zh(self) -> str:
        span = (
            f"第{self.first}{self.unit}"
            if self.first == self.last
            else f"第{self.first}—{self.last}{self.unit}"
        )
        if not self.rate:
            return f"{span}，共{self.count}{self.unit}，不收费"
        return f"{span}，共{self.count}{self.unit} × {yuan(self.rate)}元/{self.unit} = {yuan(self.amount)}元"


@dataclass(frozen=True)
class FeeQuote:
    method: FeeMethod
    first: int
    last: int
    lines: tuple[FeeLine, ...]

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def breakdown_zh(self) -> list[str]:
        article = "第四条" if self.method is FeeMethod.PER_PIECE else "第五条"
        head = f"{self.method}（{BASIS_ZH}{article}，超额累进）"
        return [
            head,
            self._scope_zh(),
            *(line.describe_zh() for line in self.lines),
            f"合计：{yuan(self.amount)}元",
        ]

    def _scope_zh(self) -> str:
        if self.last < self.first:
            return "本次无计费数量"
        if self.method is FeeMethod.PER_PAGE:
            return f"本次申请共{self.last}页"
        return f"同一申请人本自然月累计第{self.first}—{self.last}件"


def yuan(amount: Decimal) -> str:
    """2000 → "2000", 12.5 → "12.50"."""
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def _quote(method: FeeMethod, bands: Iterator[Band], first: int, last: int, unit: str) -> FeeQuote:
    lines: list[FeeLine] = []
    for band in bands:
        if band.first > last:
            break
        low, high = max(first, band.first), last if band.last is None else min(last, band.last)
        if low <= high:
            lines.append(FeeLine(low, high, band.rate, unit))
    return FeeQuote(method, first, last, tuple(lines))


def _check_count(value: int, what_zh: str) -> None:
    if value < 0:
        raise ValueError(f"{what_zh}不能为负数：{value}")


def fee_by_pieces(pieces: int, *, earlier_this_month: int = 0) -> FeeQuote:
    """按件计收 (第四条) for `pieces` new 件 of one applicant who already had `earlier_this_month`
    件 in the same natural month: only the new part of the cumulative scale is charged.
    """
    _check_count(pieces, "件数")
    _check_count(earlier_this_month, "本月此前累计件数")
    first, last = earlier_this_month + 1, earlier_this_month + pieces
    return _quote(FeeMethod.PER_PIECE, _piece_bands(), first, last, "件")


def fee_by_pages(pages: int) -> FeeQuote:
    """按量计收 (第五条) for one application of `pages` 页."""
    _check_count(pages, "页数")
    return _quote(FeeMethod.PER_PAGE, iter(PAGE_BANDS), 1, pages, "页")
