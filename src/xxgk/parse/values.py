"""Reading one printed cell: a number, a blank marker, or label text."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from xxgk.parse.limits import MAX_NUMBER_DIGITS
from xxgk.template.labels import nfkc

# Printed instead of a number; stored as None and flagged (spec rule 6).
BLANK_MARKERS = frozenset({"", "/", "\\", "—", "——", "-", "--", "–", "－", "无"})
_NUMBER = re.compile(r"^[+\-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+\-]?\d+(?:\.\d+)?$")

# Parts of a number cell parted by a space (`217 1`: a Markdown cell holding two columns; `- 3`):
# never glued into one number.
_SEVERAL = re.compile(r"[\d+\-]\s+[+\-]?\d")

# "overlong": digits too many for any count or amount (over `MAX_NUMBER_DIGITS`).
# "several": parts parted by spaces in one cell (two numbers?); which one is the cell's is unknown.
CellKind = Literal["number", "blank", "label", "overlong", "several"]


@dataclass(frozen=True)
class CellReading:
    kind: CellKind
    text: str
    number: Decimal | None = None


def fold(text: str) -> str:
    """Width-folded text with all whitespace (incl. &nbsp; and full-width space) removed."""
    return re.sub(r"\s+", "", nfkc(text))


@lru_cache(maxsize=4096)
def read_cell(text: str) -> CellReading:
    """What a printed cell holds (readings are immutable, so repeated texts share one)."""
    folded = fold(text)
    if folded in BLANK_MARKERS:
        return CellReading("blank", folded)
    if _NUMBER.match(folded):
        if _SEVERAL.search(nfkc(text)):
            return CellReading("several", folded)
        if sum(ch.isdigit() for ch in folded) > MAX_NUMBER_DIGITS:
            return CellReading("overlong", folded)
        try:
            return CellReading("number", folded, Decimal(folded.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            pass
    return CellReading("label", folded)


# Enumerating the cuts that the row identity accepts is cheap for real rows; beyond this many
# pieces tried, give up (the digit bounds keep every step O(1)).
_MAX_STEPS = 100_000


def split_run_together(
    tokens: list[str], width: int, totals: int | None = None, whole: Collection[int] = ()
) -> list[int] | None:
    """Cuts digit tokens printed without separators (`1000001`, `10 0 0 0 01`) into `width` counts.

    Each token gives at least one count; a piece has no leading zero unless it is `0` and at
    most `MAX_NUMBER_DIGITS` digits. With `totals`, the row is made of blocks of that many counts
    whose last is the sum of the others (a `total` column), and a cut must keep every complete
    block so. Returns the one cut accepted, or None when there is none or more than one (or the
    search is too long), or when it divides a token of `whole` (the indices of cells the source
    printed apart: `7 | 10` for three cells is a row with a blank cell, not 7, 1, 0): a value is
    never guessed.

    Dynamic programming over positions: whether the digits from each position can be cut into k
    pieces in one way or more, so the search never enters a dead end; a block's total is not
    searched for but read where the digits must print the sum of its parts.
    """
    cut = _unique_cut(tokens, width, totals)
    return None if cut is None or _divides(tokens, cut, whole) else cut


def _divides(tokens: list[str], counts: list[int], whole: Collection[int]) -> bool:
    """Whether the cut `counts` of `tokens` gives a token of `whole` more than one count."""
    pieces = iter(counts)
    for i, token in enumerate(tokens):
        taken, parts = len(str(next(pieces))), 1
        while taken < len(token):
            taken, parts = taken + len(str(next(pieces))), parts + 1
        if parts > 1 and i in whole:
            return True
    return False


def _unique_cut(tokens: list[str], width: int, totals: int | None) -> list[int] | None:
    """The one cut of `split_run_together`, cell bounds aside."""
    if not tokens or not all(t.isdigit() and t.isascii() for t in tokens):
        return None
    digits = "".join(tokens)
    size = len(digits)
    if size < width or len(tokens) > width or size > width * MAX_NUMBER_DIGITS:
        return None
    # The end of the token each position is in: a piece never crosses it.
    token_end = [0] * size
    pos = 0
    for token in tokens:
        token_end[pos : pos + len(token)] = [pos + len(token)] * len(token)
        pos += len(token)
    # Bit k of one[pos] (two[pos]): the digits from `pos` can be cut into k pieces in at least
    # one (two) ways; a piece ending inside a token leaves the rest of the token to the next piece.
    mask = (1 << (width + 1)) - 1
    one, two = [0] * (size + 1), [0] * (size + 1)
    one[size] = 1
    for pos in range(size - 1, -1, -1):
        once = twice = 0
        for end in range(pos + 1, _last_end(digits, token_end, pos) + 1):
            shifted = (one[end] << 1) & mask
            twice |= (once & shifted) | ((two[end] << 1) & mask)
            once |= shifted
        one[pos], two[pos] = once, twice
    if not one[0] >> width & 1:
        return None
    if not two[0] >> width & 1:  # one cut only (every digit a count, often): it holds or none does
        only = _only_cut(digits, token_end, one, width)
        return only if totals is None or blocks_sum(only, totals) else None
    if totals is None:
        return None

    found: list[list[int]] = []
    acc: list[int] = []
    steps = 0

    def ends(pos: int) -> Iterable[int]:
        """Where the next piece, starting at `pos`, may end."""
        if len(acc) % totals == totals - 1:  # the block's total: the sum of its parts, or nothing
            total = str(sum(acc[len(acc) - totals + 1 :]))
            end = pos + len(total)
            printed = digits.startswith(total, pos) and end <= _last_end(digits, token_end, pos)
            return (end,) if printed else ()
        return range(pos + 1, _last_end(digits, token_end, pos) + 1)

    def walk(pos: int) -> bool:
        """Places the next piece at `pos`; False once the search must stop."""
        nonlocal steps
        need = width - len(acc)
        for end in ends(pos):
            if not one[end] >> (need - 1) & 1:
                continue
            steps += 1
            if steps > _MAX_STEPS:
                return False
            acc.append(int(digits[pos:end]))
            if end == size:
                found.append(list(acc))
            elif not walk(end):
                return False
            acc.pop()
            if len(found) > 1:
                return False
        return True

    finished = walk(0)
    return found[0] if finished and len(found) == 1 else None


def blocks_sum(counts: list[int], totals: int) -> bool:
    """Every complete block of `totals` counts ends with the sum of the others."""
    return all(
        counts[end - 1] == sum(counts[end - totals : end - 1])
        for end in range(totals, len(counts) + 1, totals)
    )


def _last_end(digits: str, token_end: list[int], pos: int) -> int:
    """The furthest end of a piece starting at `pos` (a `0` stands alone: no leading zeros)."""
    return pos + 1 if digits[pos] == "0" else min(token_end[pos], pos + MAX_NUMBER_DIGITS)


def _only_cut(digits: str, token_end: list[int], one: list[int], width: int) -> list[int]:
    """The single cut that `one` allows, read off the table."""
    pieces: list[int] = []
    pos = 0
    while pos < len(digits):
        need = width - len(pieces)
        end = next(
            e for e in range(pos + 1, _last_end(digits, token_end, pos) + 1) if one[e] >> (need - 1) & 1
        )
        pieces.append(int(digits[pos:end]))
        pos = end
    return pieces
