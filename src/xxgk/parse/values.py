"""Reading one printed cell: a number, a blank marker, or label text."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    tokens: list[str],
    width: int,
    valid: Callable[[list[int]], bool] | None = None,
    prefix_ok: Callable[[list[int]], bool] | None = None,
) -> list[int] | None:
    """Cuts digit tokens printed without separators (`1000001`, `10 0 0 0 01`) into `width` counts.

    Each token gives at least one count; a piece has no leading zero unless it is `0` and at
    most `MAX_NUMBER_DIGITS` digits. Returns the one split that `valid` accepts, or None when
    there is none or more than one (or the search is too long): a value is never guessed.
    `prefix_ok`, when given, rejects a beginning that no accepted split can have (it must be
    False only where `valid` would be False for every completion). It is asked about every
    beginning as it grows by one piece, so it may look at the newest piece only.

    Dynamic programming over positions: `ways[pos][k]` counts (up to 2) the cuts of the digits
    from `pos` into `k` pieces, so the enumeration under `valid` never enters a dead end.
    """
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
    ways = [[0] * (width + 1) for _ in range(size + 1)]
    ways[size][0] = 1
    for pos in range(size - 1, -1, -1):
        last = pos + 1 if digits[pos] == "0" else min(token_end[pos], pos + MAX_NUMBER_DIGITS)
        row = ways[pos]
        for end in range(pos + 1, last + 1):
            after = ways[end]
            # A piece ending inside a token leaves the rest of the token to the next piece.
            for k in range(1, width + 1):
                if after[k - 1]:
                    row[k] = min(2, row[k] + after[k - 1])
    if not ways[0][width]:
        return None
    if valid is None and prefix_ok is None:
        return _only_cut(digits, token_end, ways, width) if ways[0][width] == 1 else None

    found: list[list[int]] = []
    acc: list[int] = []
    steps = 0

    def walk(pos: int) -> bool:
        """Places the next piece at `pos`; False once the search must stop."""
        nonlocal steps
        need = width - len(acc)
        last = pos + 1 if digits[pos] == "0" else min(token_end[pos], pos + MAX_NUMBER_DIGITS)
        for end in range(pos + 1, last + 1):
            if not ways[end][need - 1]:
                continue
            steps += 1
            if steps > _MAX_STEPS:
                return False
            acc.append(int(digits[pos:end]))
            if prefix_ok is None or prefix_ok(acc):
                if end == size:
                    if valid is None or valid(acc):
                        found.append(list(acc))
                elif not walk(end):
                    return False
            acc.pop()
            if len(found) > 1:
                return False
        return True

    finished = walk(0)
    return found[0] if finished and len(found) == 1 else None


def _only_cut(digits: str, token_end: list[int], ways: list[list[int]], width: int) -> list[int]:
    """The single cut that `ways` counts, read off the table."""
    pieces: list[int] = []
    pos = 0
    while pos < len(digits):
        need = width - len(pieces)
        last = pos + 1 if digits[pos] == "0" else min(token_end[pos], pos + MAX_NUMBER_DIGITS)
        end = next(e for e in range(pos + 1, last + 1) if ways[e][need - 1])
        pieces.append(int(digits[pos:end]))
        pos = end
    return pieces
